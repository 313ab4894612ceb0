"""Closed word classes the event coder relies on (English; chosen for newsevents, issue 4)."""

from __future__ import annotations

# Verbs whose object noun carries the event ("held talks", "paid a visit", "carried out strikes").
LIGHT_VERBS = frozenset(
    {
        "hold", "have", "conduct", "begin", "start", "open", "resume", "attend", "launch",
        "stage", "carry", "make", "pay", "give", "continue", "join", "complete", "wrap",
        "organize", "host", "mount", "undertake",
    }
)  # fmt: skip

# Verbs that say an event noun's event took place or ran its course ("the talks began", "the
# summit broke up early"). Under any other verb a subject event noun names a known state or
# event ("sanctions would remain in place", "the sanctions could become obsolete"): whole-article
# error analysis, docs/events.md.
OCCURRENCE_VERBS = frozenset(
    {
        "begin", "start", "open", "end", "conclude", "close", "break", "collapse", "resume",
        "continue", "last", "happen", "occur", "proceed", "take", "go", "fail", "stall",
        "produce", "yield", "follow", "come", "get", "focus", "center", "centre", "cover",
        "include", "involve", "kill", "wound", "destroy", "hit", "damage",
    }
)  # fmt: skip
# Prepositions whose object names an existing state or earlier event, not a new one: "under
# U.S. sanctions", "set up under the Algiers agreement", "freed from detention".
BACKGROUND_PREPS = frozenset({"from", "under"})

# Heads of a subject that moves as a military force, never as a visitor: "Indian aircraft
# crossed into Pakistan" is an incursion, not a visit (CAMEO 042 is a visit by officials).
FORCE_NOUNS = frozenset(
    {
        "aircraft", "jet", "warplane", "plane", "bomber", "fighter", "drone", "helicopter",
        "troop", "soldier", "force", "army", "column", "tank", "unit", "militant", "rebel",
        "ship", "vessel", "warship", "submarine", "missile", "rocket", "convoy", "division",
    }
)  # fmt: skip

# Verbs that introduce reported speech: "X said Y would attack" codes Y's event and X's statement.
REPORTING_VERBS = frozenset(
    {
        "say", "tell", "state", "announce", "declare", "add", "report", "claim", "insist",
        "warn", "confirm", "note", "explain", "write", "tweet", "believe", "think", "argue",
        "allege", "suggest", "indicate", "acknowledge", "admit", "deny", "stress",
    }
)  # fmt: skip

# Modal auxiliaries that make an event hypothetical, and those that make it future.
HYPOTHETICAL_MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})  # "wo" is the model's lemma of won't

# Governing verbs or adjectives whose complement has not happened yet ("plans to visit").
FUTURE_GOVERNORS = frozenset(
    {
        "plan", "intend", "expect", "schedule", "set", "aim", "prepare", "hope", "want",
        "wish", "agree", "promise", "pledge", "vow", "decide", "due", "going", "likely", "seek",
        "mandate", "commit",
    }
)  # fmt: skip
HYPOTHETICAL_GOVERNORS = frozenset(
    {
        "urge", "ask", "call", "appeal", "demand", "propose", "offer", "threaten", "consider",
        "refuse", "fail", "reject", "try", "attempt", "able", "ready", "willing", "could",
        "possible", "deny", "unable", "encourage", "press", "invite", "request", "warn",
    }
)  # fmt: skip
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Adjuncts that presuppose their event happened ("before Pompeo's visit", "after the summit"):
# never the content of an appeal or a reason, and asserted whatever governs them.
PRESUPPOSING_PREPS = frozenset({"before", "after", "during", "since", "following", "amid", "at"})

# Modifiers of an event noun that say it has not happened ("a planned visit", "no talks").
FUTURE_NOUN_MODIFIERS = frozenset({"planned", "upcoming", "next", "new", "future", "scheduled"})
HYPOTHETICAL_NOUN_MODIFIERS = frozenset({"possible", "potential", "proposed", "likely"})
NEGATING_DETERMINERS = frozenset({"no", "neither"})

# Dependency labels of a clause's arguments in the English model's scheme (ClearNLP labels).
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
PREP_DEPS = frozenset({"prep", "prt", "agent", "dative"})
COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "attr"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Where an actor sits inside a noun phrase whose head is not itself an actor ("the leader of Iran").
ACTOR_INSIDE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})

# Domestic role codes (CAMEO manual, ch. 3). A mention coded with a role alone ("the two
# leaders" -> GOV, "protesters" -> CVL) names no country or organization, so it is no event
# party: CAMEO events are between states, IGOs, NGOs and their agents. IMG is no role: like IGO
# it heads the codes of international militarized groups (Phoenix's IMGMUSISI, the lexicon's
# IMGREB for the Islamic State and al-Qaeda), which are parties (#11).
ROLE_CODES = frozenset(
    {
        "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "REB", "INS", "UAF", "PTY", "CVL",
        "BUS", "MED", "REF", "LAB", "EDU", "HLH", "HRI", "ELI", "CRM", "SEP", "AGR", "RAD",
        "MOD", "ENV", "DEV", "SET", "UNK",
    }
)  # fmt: skip

# Events two parties do together: "the US and China met" is a meeting of each with the other.
SYMMETRIC_ROOTS = frozenset({"04"})
SYMMETRIC_CODES = frozenset({"036", "046", "057", "061", "0871", "190"})
# Verbs whose compound subject acts on each other when no target is named: "Sudan and Chad
# agreed to a ceasefire", "Indian and Chinese troops fought" (held-out error analysis, round 5:
# reciprocal compound subjects were coded with no target).
RECIPROCAL_VERBS = frozenset(
    {
        "agree", "sign", "fight", "clash", "meet", "negotiate", "talk", "cooperate", "reconcile",
        "exchange", "swap", "conclude", "reach", "ink", "normalize", "normalise", "restore",
    }
)  # fmt: skip
# Roots whose "in X" names a venue, never a party ("met in Vilnius", "signed ... in Doha").
VENUE_ROOTS = frozenset({"04", "05"})
