"""Reporting verbs and the word classes that attribution and indirect speech look for.

Lemmas as en_core_web_sm 3.8 lemmatizes them. The verbs are the speech-act verbs of CAMEO's
statement codes (01 make public statement, 02 appeal, 11 disapprove, 12 reject, 13 threaten,
05/051 praise) and the attribution verbs of wire style guides, collected for issue 6.
"""

from __future__ import annotations


def _lemmas(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Verbs that attribute a direct quotation ('"...," X said', 'X told reporters: "..."').
REPORTING_VERBS = _lemmas(
    """
    say tell add state announce declare warn accuse urge deny threaten praise claim insist note
    explain ask reply respond write tweet post confirm comment describe call criticize criticise
    condemn argue stress emphasize emphasise reiterate acknowledge admit promise pledge vow predict
    suggest caution complain demand appeal reject welcome hail recall quote report conclude continue
    agree maintain assert allege contend observe remark signal indicate blame thank vow repeat
    testify announce mock dismiss question counter protest lament boast concede recount describe
    charge decry denounce applaud commend proclaim shout joke insist retort answer affirm declare
    mention predict estimate reveal disclose brief inform assure reassure urge plead implore
    beam surmise quip muse gush fume scoff tout opine exclaim chant point
    bemoan slam blast label brand dub term deride lambaste bash ridicule laud tout vow
    find read
    """
)

# Verbs whose clause complement is reported speech ('X said (that) ...'); mental verbs such as
# think and believe report no speech act and are left out.
INDIRECT_VERBS = _lemmas(
    """
    say tell add state announce declare warn claim insist note explain confirm argue stress
    emphasize emphasise reiterate acknowledge admit promise pledge vow predict suggest caution
    complain allege contend assert maintain report deny repeat reply respond write tweet testify
    concede reveal disclose assure reassure inform threaten signal indicate verify shout yell
    scream boast lament protest counter retort remark observe recall charge mention hint proclaim
    notify answer
    """
)

# Verbs reporting speech through a prepositional object ('X accused Y of ...').
PREPOSITION_VERBS: dict[str, frozenset[str]] = {
    "accuse": frozenset({"of"}),
    "charge": frozenset({"with"}),
    "blame": frozenset({"for"}),
    "criticize": frozenset({"for"}),
    "criticise": frozenset({"for"}),
    "condemn": frozenset({"for"}),
    "praise": frozenset({"for"}),
    "thank": frozenset({"for"}),
    "warn": frozenset({"of", "against", "about"}),
    "complain": frozenset({"about", "of"}),
}

# Verbs reporting a demand or commitment through a to-infinitive ('X urged Y to ...').
INFINITIVE_VERBS = _lemmas("urge ask call appeal threaten vow pledge promise warn tell demand")

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Relations through which a subject-less verb inherits the subject of its head.
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "prep", "pobj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Subjects that cannot be a speaker ('it was said that ...', 'there were claims ...').
NON_SPEAKERS = frozenset({"it", "there", "this", "that", "what", "which"})
