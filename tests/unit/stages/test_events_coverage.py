"""Tests for the event lexicon's coverage of common wire phrasings, CAMEO roots 01-20 (issue 4).

Each row is a sentence written for newsevents about a real event, run through the actor stage and
the event coder with the built-in dictionaries, and an event it must yield: source party, CAMEO
code, target party and mode. Parties are compared by their first three letters (country or IGO),
as ``eval/events.py`` compares dyads, so the actor stage's role codes do not decide these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.dictionaries.actors import load_actor_dictionaries
from newsevents.dictionaries.lexicon import load_lexicon
from newsevents.model import Article, Parse
from newsevents.stages.actors import extract_actors
from newsevents.stages.events import extract_events

Coded = tuple[str, str, str, str]  # source party, code, target party ("-" for none), mode

# (publication date, sentence, "SOURCE CODE TARGET [mode]"); the mode is "asserted" unless given.
CASES: list[tuple[str, str, str]] = [
    # 01 make a public statement
    ("2019-06-20", "Iran's foreign ministry said the drone had entered its airspace.", "IRN 010 -"),
    ("2018-07-16", "Putin told reporters that his talks with Trump had been useful.", "RUS 010 -"),
    ("2019-10-11", "China's commerce ministry issued a statement on the trade talks.", "CHN 010 -"),
    ("2017-05-01", "The Kremlin declined to comment on the report.", "RUS 011 -"),
    (
        "2017-08-29",
        "Japan expressed deep concern over North Korea's missile launch.",
        "JPN 012 PRK",
    ),
    ("2018-04-13", "Moscow warned Washington against striking Syria.", "RUS 012 USA"),
    ("2019-05-14", "India is weighing a ban on Chinese telecom equipment.", "IND 014 -"),
    (
        "2020-01-11",
        "Iran admitted that its forces had shot down the Ukrainian jet by mistake.",
        "IRN 015 -",
    ),
    (
        "2020-01-09",
        "Iran denied that a missile had brought down the Ukrainian airliner.",
        "IRN 016 -",
    ),
    ("2018-03-13", "Russia dismissed the British allegations as nonsense.", "RUS 016 GBR"),
    (
        "2015-11-16",
        "France observed a minute of silence for the victims of the Paris attacks.",
        "FRA 017 -",
    ),
    ("2023-02-07", "Greece sent condolences to Turkey after the earthquake.", "GRC 018 TUR"),
    (
        "2018-02-20",
        "Germany agreed with France on the need for a common asylum policy.",
        "DEU 019 FRA",
    ),
    # 02 appeal
    (
        "2015-09-09",
        "Hungary urged the European Union to secure its external borders.",
        "HUN 020 IGO",
    ),
    ("2017-09-20", "Bangladesh asked Myanmar to take back the Rohingya refugees.", "BGD 020 MMR"),
    ("2022-02-26", "Ukraine appealed to NATO for help.", "UKR 023 IGO"),
    ("2020-03-26", "Italy appealed to the European Union for medical aid.", "ITA 0233 IGO"),
    ("2022-04-05", "Ukraine requested more weapons from Germany.", "UKR 0232 DEU"),
    ("2019-07-02", "Sri Lanka sought an emergency loan from China.", "LKA 0231 CHN"),
    ("2022-07-01", "Sri Lanka asked the IMF for a bailout.", "LKA 0231 IGO"),
    ("2020-03-17", "Iran asked the IMF for a $5 billion emergency loan.", "IRN 0231 IGO"),
    ("2019-07-22", "Britain called on Iran to release the seized tanker.", "GBR 0253 IRN"),
    ("2018-01-02", "South Korea invited North Korea to talks.", "KOR 026 PRK"),
    ("2019-09-03", "Pakistan called for international mediation over Kashmir.", "PAK 028 -"),
    (
        "2021-02-02",
        "The United Nations called for the release of Aung San Suu Kyi.",
        "IGO 0253 MMR",
    ),
    # 03 express intent to cooperate
    ("2023-02-08", "The European Union promised humanitarian aid to Syria.", "IGO 0333 SYR"),
    ("2022-03-05", "Turkey offered to mediate between Russia and Ukraine.", "TUR 039 RUS"),
    ("2019-06-29", "Trump offered to meet Kim Jong Un at the border.", "USA 036 PRK"),
    ("2019-04-25", "Putin promised security guarantees to North Korea.", "RUS 030 PRK"),
    ("2015-07-14", "Iran agreed to allow inspectors into its military sites.", "IRN 0355 -"),
    # 04 consult
    ("2018-06-12", "Trump met Kim Jong Un in Singapore.", "USA 044 PRK"),
    ("2016-03-21", "Obama met Raul Castro in Havana.", "USA 040 CUB"),
    ("2023-02-20", "Biden toured Kyiv with Zelensky.", "USA 042 UKR"),
    ("2023-03-20", "Xi Jinping traveled to Moscow for talks with Putin.", "CHN 042 RUS"),
    ("2023-03-20", "Xi Jinping arrived in Moscow on Monday.", "CHN 042 RUS"),
    ("2018-09-18", "Moon Jae-in landed in Pyongyang for his third summit with Kim.", "KOR 042 PRK"),
    ("2023-06-18", "Blinken headed to Beijing on Sunday.", "USA 042 CHN"),
    ("2019-10-14", "Putin paid a state visit to Saudi Arabia.", "RUS 042 SAU"),
    ("2018-05-09", "Pompeo made a surprise trip to Pyongyang.", "USA 042 PRK"),
    ("2015-09-22", "Xi Jinping began a state visit to the United States.", "CHN 042 USA"),
    (
        "2018-04-27",
        "Kim Jong Un crossed into South Korea for a summit with Moon Jae-in.",
        "PRK 042 KOR",
    ),
    ("2019-04-25", "Putin hosted Kim Jong Un in Vladivostok.", "RUS 043 PRK"),
    ("2022-10-12", "Erdogan spoke by phone with Putin.", "TUR 041 RUS"),
    ("2021-02-10", "Biden held a phone call with Xi Jinping.", "USA 041 CHN"),
    (
        "2019-06-29",
        "Xi Jinping met Trump on the sidelines of the G20 summit in Osaka.",
        "CHN 044 USA",
    ),
    ("2019-05-06", "Egypt mediated between Israel and Hamas.", "EGY 045 ISR"),
    ("2020-02-29", "The United States negotiated with the Taliban in Doha.", "USA 046 AFG"),
    # 05 engage in diplomatic cooperation
    ("2018-06-14", "Trump praised Kim Jong Un after the summit.", "USA 051 PRK"),
    ("2019-12-01", "China thanked Pakistan for its support.", "CHN 051 PAK"),
    ("2020-11-08", "Macron congratulated Joe Biden on his election victory.", "FRA 051 USA"),
    ("2018-03-01", "Germany endorsed France's proposal for a eurozone budget.", "DEU 051 FRA"),
    ("2017-06-13", "Panama switched diplomatic recognition from Taiwan to China.", "PAN 054 CHN"),
    ("2017-06-13", "Panama established diplomatic relations with China.", "PAN 054 CHN"),
    (
        "2019-01-23",
        "Washington recognized Juan Guaido as the interim president of Venezuela.",
        "USA 054 VEN",
    ),
    ("2017-12-06", "Trump recognised Jerusalem as the capital of Israel.", "USA 054 ISR"),
    ("2015-07-20", "The United States restored diplomatic relations with Cuba.", "USA 050 CUB"),
    ("2015-07-20", "Cuba reopened its embassy in Washington.", "CUB 050 USA"),
    ("2020-10-23", "Sudan normalized relations with Israel.", "SDN 050 ISR"),
    ("2015-12-28", "Japan apologized to South Korea over the comfort women.", "JPN 055 KOR"),
    ("2020-02-29", "The United States inked a deal with the Taliban.", "USA 057 AFG"),
    # 06 engage in material cooperation
    ("2021-08-09", "China held joint military exercises with Russia.", "CHN 062 RUS"),
    (
        "2019-12-27",
        "Russia conducted joint naval drills with Iran in the Gulf of Oman.",
        "RUS 062 IRN",
    ),
    ("2017-04-18", "Britain trained Ukrainian soldiers.", "GBR 062 UKR"),
    ("2020-01-15", "Mexico extradited a cartel boss to the United States.", "MEX 063 USA"),
    ("2017-08-05", "Israel shared intelligence with Australia about the plot.", "ISR 064 AUS"),
    ("2015-06-17", "China signed a free trade agreement with Australia.", "CHN 061 AUS"),
    ("2014-11-13", "China invested billions in Venezuela.", "CHN 061 VEN"),
    # 07 provide aid
    ("2023-02-07", "Japan sent rescue teams to Turkey after the earthquake.", "JPN 073 TUR"),
    ("2023-02-08", "Algeria dispatched rescue workers to Syria.", "DZA 073 SYR"),
    ("2015-04-27", "India airlifted relief supplies to Nepal.", "IND 073 NPL"),
    ("2020-04-07", "China donated masks and ventilators to Italy.", "CHN 073 ITA"),
    ("2021-01-21", "India sent vaccine doses to Bangladesh.", "IND 073 BGD"),
    ("2022-08-30", "The United Nations sent food aid to Pakistan after the floods.", "IGO 073 PAK"),
    ("2019-07-03", "The IMF approved a $6 billion loan for Pakistan.", "IGO 071 PAK"),
    ("2023-03-20", "The IMF approved a $3 billion bailout for Sri Lanka.", "IGO 071 LKA"),
    ("2018-10-23", "Saudi Arabia granted Pakistan a $6 billion loan.", "SAU 071 PAK"),
    ("2017-05-20", "The United States sold weapons to Saudi Arabia.", "USA 072 SAU"),
    ("2022-12-21", "The United States sent Patriot missiles to Ukraine.", "USA 072 UKR"),
    ("2022-04-29", "Poland delivered tanks to Ukraine.", "POL 072 UKR"),
    ("2019-07-12", "Russia delivered S-400 air defence systems to Turkey.", "RUS 072 TUR"),
    ("2022-01-06", "Russia sent paratroopers to Kazakhstan.", "RUS 074 KAZ"),
    ("2017-05-10", "Germany granted asylum to Turkish officers.", "DEU 075 TUR"),
    ("2010-05-02", "The European Union approved a rescue package for Greece.", "IGO 071 GRC"),
    # 08 yield
    ("2018-05-10", "North Korea freed three American detainees.", "PRK 0841 USA"),
    ("2018-02-16", "Turkey freed the German journalist Deniz Yucel.", "TUR 0841 DEU"),
    ("2019-09-27", "Iran released the British tanker it had seized in July.", "IRN 0842 GBR"),
    ("2016-01-13", "Iran returned the ten US sailors it had detained.", "IRN 084 USA"),
    ("2018-07-27", "North Korea returned the remains of US soldiers.", "PRK 0842 USA"),
    ("2016-01-16", "The United States lifted sanctions on Iran.", "USA 085 IRN"),
    ("2016-01-16", "The European Union lifted economic sanctions on Iran.", "IGO 085 IRN"),
    ("2019-10-14", "The United States withdrew its troops from northern Syria.", "USA 087 SYR"),
    ("2021-01-05", "Saudi Arabia ended its blockade of Qatar.", "SAU 0872 QAT"),
    # 09 investigate
    (
        "2022-09-28",
        "Germany opened an investigation into the Nord Stream pipeline blasts.",
        "DEU 090 -",
    ),
    (
        "2022-03-03",
        "The International Criminal Court opened an investigation into war crimes in Ukraine.",
        "IGO 090 UKR",
    ),
    (
        "2021-03-03",
        "The International Criminal Court opened an investigation into war crimes"
        " in the Palestinian territories.",
        "IGO 090 PSE",
    ),
    # 10 demand
    ("2018-11-26", "Ukraine demanded the release of its sailors from Russia.", "UKR 1053 RUS"),
    ("2017-06-23", "Saudi Arabia demanded that Qatar shut down Al Jazeera.", "SAU 100 QAT"),
    (
        "2014-03-03",
        "Ukraine demanded the withdrawal of Russian troops from Crimea.",
        "UKR 1056 RUS",
    ),
    ("2022-01-07", "Russia demanded security guarantees from NATO.", "RUS 100 IGO"),
    # 11 disapprove
    ("2019-10-09", "The European Union condemned Turkey's offensive in Syria.", "IGO 111 TUR"),
    ("2018-03-12", "Britain blamed Russia for the Salisbury poisoning.", "GBR 112 RUS"),
    (
        "2022-08-03",
        "China lambasted the United States over Pelosi's visit to Taiwan.",
        "CHN 111 USA",
    ),
    ("2021-03-22", "China rebuked the European Union over its sanctions.", "CHN 111 IGO"),
    (
        "2020-01-11",
        "Iran summoned the British ambassador after his brief arrest in Tehran.",
        "IRN 114 GBR",
    ),
    ("2018-03-26", "Moscow called in the American ambassador.", "RUS 114 USA"),
    (
        "2019-07-09",
        "China protested to the United States over arms sales to Taiwan.",
        "CHN 114 USA",
    ),
    (
        "2018-08-06",
        "Saudi Arabia accused Canada of interfering in its internal affairs.",
        "SAU 112 CAN",
    ),
    (
        "2019-11-11",
        "Gambia filed a genocide case against Myanmar at the World Court.",
        "GMB 115 MMR",
    ),
    ("2019-11-11", "Gambia took Myanmar to the International Court of Justice.", "GMB 115 MMR"),
    (
        "2016-03-16",
        "North Korea sentenced an American student to 15 years of hard labour.",
        "PRK 116 USA",
    ),
    ("2020-01-08", "Iraq summoned the Iranian ambassador over the missile strikes.", "IRQ 114 IRN"),
    # 12 reject
    ("2022-02-26", "Ukraine rejected Russia's offer of talks in Belarus.", "UKR 125 RUS"),
    ("2019-09-12", "Iran ruled out talks with Washington.", "IRN 125 USA"),
    ("2019-10-06", "North Korea turned down the American proposals in Stockholm.", "PRK 127 USA"),
    (
        "2019-07-01",
        "Iran breached the uranium stockpile limit set by the nuclear deal.",
        "IRN 128 -",
    ),
    (
        "2017-09-03",
        "North Korea defied the United Nations with a sixth nuclear test.",
        "PRK 128 IGO",
    ),
    # 13 threaten
    ("2019-05-30", "Trump threatened Mexico with tariffs.", "USA 1312 MEX"),
    ("2019-05-05", "Trump threatened new tariffs on Chinese goods.", "USA 1312 CHN"),
    ("2020-01-05", "Trump threatened Iran with a disproportionate response.", "USA 130 IRN"),
    (
        "2003-03-17",
        "President George W. Bush gave Saddam Hussein 48 hours to leave Iraq.",
        "USA 139 IRQ",
    ),
    ("2014-03-03", "Russia issued an ultimatum to Ukrainian forces in Crimea.", "RUS 139 UKR"),
    ("2017-08-09", "North Korea threatened to fire missiles toward Guam.", "PRK 1384 GUM"),
    # 14 protest
    ("2016-01-02", "Iranian protesters stormed the Saudi embassy in Tehran.", "IRN 145 SAU"),
    (
        "2018-04-06",
        "Palestinians demonstrated against Israel along the Gaza border.",
        "PSE 141 ISR",
    ),
    ("2019-09-27", "Iranian students rallied against the United States in Tehran.", "IRN 141 USA"),
    ("2019-07-24", "South Korean consumers boycotted Japanese goods.", "KOR 143 JPN"),
    ("2022-03-01", "Thousands of Georgians rallied against Russia in Tbilisi.", "GEO 141 RUS"),
    ("2012-09-14", "Sudanese protesters stormed the German embassy in Khartoum.", "SDN 145 DEU"),
    # 15 exhibit force posture
    ("2021-04-10", "Russia massed troops on the Ukrainian border.", "RUS 154 UKR"),
    ("2023-08-19", "China held military drills near Taiwan.", "CHN 154 TWN"),
    ("2016-10-08", "Russia deployed Iskander missiles near the Polish border.", "RUS 154 POL"),
    ("2019-01-04", "Turkey reinforced its troops on the Syrian border.", "TUR 154 SYR"),
    ("2020-06-20", "China beefed up its military presence along the Indian border.", "CHN 154 IND"),
    # 16 reduce relations
    ("2017-11-04", "Saudi Arabia recalled its ambassador from Lebanon.", "SAU 161 LBN"),
    ("2017-06-05", "Saudi Arabia cut diplomatic ties with Qatar.", "SAU 161 QAT"),
    ("2016-01-04", "Bahrain severed diplomatic relations with Iran.", "BHR 161 IRN"),
    ("2020-07-24", "China closed the US consulate in Chengdu.", "CHN 161 USA"),
    (
        "2018-07-06",
        "The United States imposed tariffs on $34 billion of Chinese goods.",
        "USA 163 CHN",
    ),
    ("2018-07-06", "China imposed retaliatory tariffs on American soybeans.", "CHN 163 USA"),
    ("2019-05-10", "Washington slapped tariffs on Chinese imports.", "USA 163 CHN"),
    ("2019-07-01", "Japan tightened export controls on South Korea.", "JPN 163 KOR"),
    ("2022-02-25", "The European Union adopted sanctions against Russia.", "IGO 163 RUS"),
    ("2022-02-22", "Britain announced sanctions on five Russian banks.", "GBR 163 RUS"),
    ("2022-03-01", "Canada banned Russian ships from its ports.", "CAN 163 RUS"),
    ("2019-08-07", "Pakistan suspended trade with India.", "PAK 163 IND"),
    ("2021-02-03", "The World Bank halted payments to Myanmar.", "IGO 1621 MMR"),
    ("2021-08-24", "The World Bank paused disbursements to Afghanistan.", "IGO 1621 AFG"),
    ("2021-08-18", "The IMF suspended lending to Afghanistan.", "IGO 1621 AFG"),
    ("2019-08-01", "North Korea called off talks with South Korea.", "PRK 164 KOR"),
    ("2018-05-24", "Trump cancelled his summit with Kim Jong Un.", "USA 164 PRK"),
    ("2018-05-08", "The United States withdrew from the nuclear deal with Iran.", "USA 166 -"),
    ("2018-11-02", "Washington reimposed sanctions on Iran's oil sector.", "USA 163 IRN"),
    # 17 coerce
    (
        "2018-03-26",
        "The United States ordered 60 Russian diplomats to leave the country.",
        "USA 174 RUS",
    ),
    (
        "2023-08-25",
        "Niger's junta ordered the French ambassador out of the country.",
        "NER 174 FRA",
    ),
    ("2018-03-29", "Moscow expelled sixty American diplomats.", "RUS 174 USA"),
    ("2022-04-05", "Italy expelled thirty Russian diplomats.", "ITA 174 RUS"),
    ("2019-08-07", "Pakistan expelled the Indian envoy.", "PAK 174 IND"),
    ("2018-11-25", "Russia seized three Ukrainian navy vessels near Crimea.", "RUS 1711 UKR"),
    (
        "2019-07-04",
        "The Iranian tanker was seized by British marines off Gibraltar.",
        "GBR 1711 IRN",
    ),
    ("2018-12-10", "China detained two Canadians.", "CHN 173 CAN"),
    ("2023-03-29", "Russia arrested an American reporter on spying charges.", "RUS 173 USA"),
    ("2019-11-14", "Israeli forces demolished Palestinian homes in the West Bank.", "ISR 1712 PSE"),
    (
        "2016-07-03",
        "Israeli troops blew up the family home of a Palestinian attacker.",
        "ISR 1712 PSE",
    ),
    ("2021-02-01", "Myanmar's military declared a year-long state of emergency.", "MMR 1724 -"),
    # 18 assault
    (
        "2020-01-03",
        "The United States killed the Iranian general Qassem Soleimani in a drone strike.",
        "USA 1823 IRN",
    ),
    ("2023-10-07", "Hamas took more than 200 Israelis hostage.", "PSE 181 ISR"),
    (
        "2014-06-12",
        "Hamas militants abducted three Israeli teenagers in the West Bank.",
        "PSE 181 ISR",
    ),
    # 19 fight
    ("2022-02-24", "Russia invaded Ukraine.", "RUS 192 UKR"),
    ("2014-03-18", "Russia annexed Crimea.", "RUS 192 UKR"),
    ("2022-09-30", "Putin proclaimed the annexation of four Ukrainian regions.", "RUS 192 UKR"),
    ("2020-09-27", "Azerbaijan launched an offensive against Armenian forces.", "AZE 190 ARM"),
    ("2019-02-27", "Pakistani troops exchanged fire with Indian forces in Kashmir.", "PAK 190 IND"),
    ("2023-05-07", "Ukraine sank a Russian landing ship.", "UKR 190 RUS"),
    (
        "2018-05-14",
        "Israeli troops opened fire on Palestinian protesters at the Gaza border.",
        "ISR 193 PSE",
    ),
    ("2022-03-05", "Russian forces shelled the Ukrainian city of Mariupol.", "RUS 194 UKR"),
    ("2010-11-23", "North Korea shelled a South Korean island.", "PRK 194 KOR"),
    ("2023-10-07", "Hamas fired about 3,000 rockets into Israel.", "PSE 195 ISR"),
    ("2020-01-08", "Iran fired missiles at US bases in Iraq.", "IRN 195 USA"),
    ("2019-09-14", "Houthi drones struck Saudi oil facilities.", "YEM 195 SAU"),
    (
        "2017-04-07",
        "The United States struck a Syrian air base with cruise missiles.",
        "USA 195 SYR",
    ),
    ("2022-10-10", "Ukrainian power plants were hit by Russian missiles.", "RUS 195 UKR"),
    ("2019-06-20", "An American drone was shot down by Iran.", "IRN 195 USA"),
    ("2015-11-24", "Turkey shot down a Russian warplane.", "TUR 195 RUS"),
    ("2023-02-04", "The United States downed a Chinese balloon.", "USA 195 CHN"),
    ("2021-05-11", "Israeli warplanes struck Gaza.", "ISR 195 PSE"),
    (
        "2024-01-16",
        "Iran's missile strike on Erbil in northern Iraq killed four civilians.",
        "IRN 195 IRQ",
    ),
    ("2021-01-13", "Israel carried out airstrikes on Iranian targets in Syria.", "ISR 195 IRN"),
    # 20 use unconventional mass violence
    ("2017-09-03", "North Korea detonated a hydrogen bomb.", "PRK 2042 -"),
    ("2016-09-09", "North Korea carried out its fifth nuclear test.", "PRK 2042 -"),
    ("2016-09-09", "North Korea conducted a nuclear test.", "PRK 2042 -"),
    ("2017-09-03", "North Korea tested a hydrogen bomb.", "PRK 2042 -"),
    ("2018-04-07", "Syrian forces used chemical weapons against rebel-held Douma.", "SYR 2041 SYR"),
]

# Wire phrasings the lexicon reached but the coder's argument rules did not (round 6 report):
# (date, sentence, expected, what the coder needed). Round 7 fixed these.
CODER_FIXED: list[tuple[str, str, str, str]] = [
    (
        "2019-01-10",
        "Beijing voiced optimism about its trade talks with Washington.",
        "CHN 013 USA",
        "a target of the source's own party (its talks) hides the party further down",
    ),
    (
        "2022-03-16",
        "The United States pledged $800 million in military aid to Ukraine.",
        "USA 0332 UKR",
        "an amount object ($N in X) is read as X",
    ),
    (
        "2018-08-15",
        "Qatar pledged $15 billion in investment to Turkey.",
        "QAT 0311 TUR",
        "an amount object ($N in X) is read as X",
    ),
    (
        "2019-09-16",
        "Saudi Arabia vowed to respond to the attack on its oil facilities.",
        "SAU 138 -",
        "a verb pattern beats the quote stage's reading",
    ),
    (
        "2022-07-22",
        "Turkey brokered a grain deal between Russia and Ukraine.",
        "TUR 045 RUS",
        "a between-phrase of the object names the targets",
    ),
    (
        "2019-03-23",
        "Italy signed a memorandum of understanding with China.",
        "ITA 057 CHN",
        "a with-phrase under an of-phrase of the object",
    ),
    (
        "2020-04-02",
        "The World Bank approved $1 billion in emergency funding for India.",
        "IGO 071 IND",
        "an amount object ($N in X) is read as X",
    ),
    (
        "2023-09-18",
        "Iran freed five Americans in a prisoner swap.",
        "IRN 0841 USA",
        "an actor object of release is a person release (0841)",
    ),
    (
        "2023-09-11",
        "The United States unfroze $6 billion in Iranian funds.",
        "USA 085 IRN",
        "an amount object ($N in X) is read as X",
    ),
    (
        "2021-08-30",
        "The last US troops pulled out of Afghanistan.",
        "USA 087 AFG",
        "'out of' as two prepositions (of under out)",
    ),
    (
        "2016-07-19",
        "Turkey demanded that the United States extradite Fethullah Gulen.",
        "TUR 1013 USA",
        "a demand's content 063 gives 1013",
    ),
    (
        "2017-04-07",
        "Russia slammed the US missile strikes on Syria.",
        "RUS 111 USA",
        "the owner of an event-noun object before its on-phrase",
    ),
    (
        "2017-06-23",
        "Saudi Arabia gave Qatar ten days to meet its demands.",
        "SAU 139 QAT",
        "the parser reads 'ten days' as npadvmod",
    ),
    (
        "2017-08-22",
        "The United States withheld $290 million in aid to Egypt.",
        "USA 162 EGY",
        "an amount object ($N in X) is read as X",
    ),
    (
        "2023-07-17",
        "Russia pulled out of the Black Sea grain deal.",
        "RUS 166 -",
        "'out of' as two prepositions (of under out)",
    ),
    (
        "2019-07-19",
        "Iran seized a British-flagged tanker in the Strait of Hormuz.",
        "IRN 1711 GBR",
        "a demonym inside a hyphenated modifier owns the object",
    ),
    (
        "2016-09-14",
        "The United States gave Israel a record military aid package.",
        "USA 072 ISR",
        "a modifier of the object's compound modifier (military aid package)",
    ),
]

# Reciprocal compound subjects (round 7, held-out error analysis): each party acts on the other.
RECIPROCAL: list[tuple[str, str, str]] = [
    ("2021-05-20", "Israel and Hamas agreed to a ceasefire.", "ISR 0356 PSE"),
    ("2021-05-20", "Israel and Hamas agreed to a ceasefire.", "PSE 0356 ISR"),
    ("2020-06-15", "Indian and Chinese troops fought in the Galwan Valley.", "IND 190 CHN"),
    ("2020-06-15", "Indian and Chinese troops fought in the Galwan Valley.", "CHN 190 IND"),
    ("2021-05-21", "Israel agreed to a ceasefire.", "ISR 0356 -"),
]

# Those still open. Strict xfail, so a fix shows up as a failure here.
CODER_GAPS: list[tuple[str, str, str, str]] = [
    (
        "2018-02-08",
        "Poland's Holocaust law drew sharp criticism from Israel.",
        "ISR 111 POL",
        "'drew criticism from X': X is the source",
    ),
]


def _party(code: str | None) -> str:
    return code[:3] if code else "-"


def _expected(spec: str) -> Coded:
    source, code, target, *mode = spec.split()
    return source, code, target, mode[0] if mode else "asserted"


@pytest.fixture(scope="module")
def coded(parse_text: Callable[[str, str], Parse]) -> dict[str, set[Coded]]:
    """Every sentence's events as (source party, code, target party, mode), coded once."""
    dictionaries = load_actor_dictionaries()
    lexicon = load_lexicon()
    found: dict[str, set[Coded]] = {}
    for number, (date, text, *_) in enumerate([*CASES, *CODER_FIXED, *RECIPROCAL, *CODER_GAPS]):
        article = Article(id=f"coverage-{number}", text=text, date=date)
        parse = parse_text(text, article.id)
        entities = extract_actors(parse, article=article, dictionaries=dictionaries)
        events = extract_events(
            parse, article=article, entities=entities, quotes=(), lexicon=lexicon
        )
        found[text] = {(_party(e.source), e.code, _party(e.target), e.mode) for e in events}
    return found


def test_cases_cover_every_cameo_root() -> None:
    roots = {_expected(spec)[1][:2] for _, _, spec in CASES}
    assert roots == {f"{root:02d}" for root in range(1, 21)}


@pytest.mark.parametrize(
    ("date", "text", "spec"),
    CASES,
    ids=[f"{spec.split()[1]}-{n}" for n, (_, _, spec) in enumerate(CASES)],
)
def test_wire_phrasing_is_coded(
    coded: dict[str, set[Coded]], date: str, text: str, spec: str
) -> None:
    assert _expected(spec) in coded[text], f"{text!r} gave {sorted(coded[text])}"


@pytest.mark.parametrize(
    ("date", "text", "spec", "needs"),
    CODER_FIXED,
    ids=[f"fixed-{n}" for n in range(len(CODER_FIXED))],
)
def test_coder_construction(
    coded: dict[str, set[Coded]], date: str, text: str, spec: str, needs: str
) -> None:
    assert _expected(spec) in coded[text], f"{text!r} gave {sorted(coded[text])}: {needs}"


@pytest.mark.parametrize(("date", "text", "spec"), RECIPROCAL)
def test_reciprocal_subjects_act_on_each_other(
    coded: dict[str, set[Coded]], date: str, text: str, spec: str
) -> None:
    assert _expected(spec) in coded[text], f"{text!r} gave {sorted(coded[text])}"


def test_a_single_subject_gets_no_reciprocal_target(coded: dict[str, set[Coded]]) -> None:
    found = coded["Israel agreed to a ceasefire."]
    assert found and all(target == "-" for _, _, target, _ in found)


@pytest.mark.parametrize(
    ("date", "text", "spec", "needs"),
    [
        pytest.param(*gap, marks=pytest.mark.xfail(reason=gap[3], strict=True), id=f"gap-{n}")
        for n, gap in enumerate(CODER_GAPS)
    ],
)
def test_coder_gap(
    coded: dict[str, set[Coded]], date: str, text: str, spec: str, needs: str
) -> None:
    assert _expected(spec) in coded[text], f"{text!r} gave {sorted(coded[text])}: {needs}"
