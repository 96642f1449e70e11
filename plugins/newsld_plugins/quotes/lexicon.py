"""The words attribution reads, as data in one place.

Every list here is general English of news writing: the verbs and nouns that
report speech, the words that name a source without naming anyone, the nouns
for documents that speak for their issuer. None is a name or a phrase taken
from one article. The mechanisms that use them are in `sources.py` (who a
phrase names), `direct.py` (which frame governs a quotation) and
`reported.py` (the clause a speech verb reports).
"""

from __future__ import annotations

__all__ = [
    "ADVERBS_BETWEEN",
    "AUDIENCE",
    "BASE_FORMS",
    "CHANNEL_VERBS",
    "CLAUSE_VERBS",
    "DESCRIPTORS",
    "DETERMINERS",
    "DOCUMENT_NOUNS",
    "FUNCTION_WORDS",
    "GROUP_NOUNS",
    "JUDGING_VERBS",
    "NAME_FINAL_ABBREVIATIONS",
    "OBJECT_VERBS",
    "PERSON_NOUNS",
    "POSSESSIVE_PRONOUNS",
    "POST_QUOTE_VERBS",
    "PREPOSITIONS",
    "RELATIVES",
    "SPEECH_NOUNS",
    "SUBJECT_PRONOUNS",
    "UNNAMED_PEOPLE",
    "WEEKDAYS",
    "inflect",
]


def inflect(base: str) -> frozenset[str]:
    """The regular forms of a verb: "warn" → warn, warns, warned, warning.

    A verb ending consonant-vowel-consonant gets its doubled forms too
    ("admit" → admitted, admitting), since spelling follows stress.
    """
    vowels = "aeiou"
    if (
        len(base) > 2
        and base[-1] not in vowels + "wxy"
        and base[-2] in vowels
        and (base[-3] not in vowels or base[-4:-2] == "qu")
    ):
        doubled = base + base[-1]
        return frozenset(
            {base, base + "s", base + "ed", base + "ing", doubled + "ed", doubled + "ing"}
        )
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return frozenset({base, base + "s", base + "d", base[:-1] + "ing"})
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "o", "u"):
        return frozenset({base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"})
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return frozenset({base, base + "es", base + "ed", base + "ing"})
    return frozenset({base, base + "s", base + "ed", base + "ing"})


_BASES: set[str] = set()


def _verbs(regular: str, irregular: str = "") -> frozenset[str]:
    forms: set[str] = set()
    for base in regular.split():
        forms |= inflect(base)
        _BASES.add(base)
    forms |= set(irregular.split())
    return frozenset(forms)


#: Verbs whose object is what was said: `X said (that) CLAUSE`, `"…," X said`.
CLAUSE_VERBS = _verbs(
    """
    add state insist claim warn explain allege assert argue comment caution contend
    maintain stress emphasize emphasise suggest concede agree complain predict estimate
    tweet note reply retort counter respond reiterate remark observe recall testify
    reckon declare affirm contend hypothesise hypothesize acknowledge admit confirm
    announce reveal disclose indicate signal hint conclude assure promise vow pledge
    deny report detail rule allege mention point explain lament concede boast joke quip
    plead write post believe insist predict clarify underline underscore urge demand
    highlight outline question wonder speculate reason recount recognise recognize
    """,
    """
    say says said saying tell tells told telling write writes wrote written writing
    think thinks thought thinking find finds found finding
    """,
)

#: Clause verbs that also take a plain object ("announced the imposition of ..."),
#: so the words after them make a content clause only with a finite verb or "that".
OBJECT_VERBS = _verbs(
    """
    announce confirm report acknowledge admit deny reveal disclose indicate signal hint
    conclude assure promise detail rule urge demand mention post pledge vow declare
    maintain stress emphasize emphasise note explain reiterate recall observe predict
    estimate highlight outline question underline underscore clarify recognise recognize
    """,
    "find finds found finding",
)

#: Verbs that set a quoted phrase as their subject's words about something:
#: `accused the government of "…"`, `described the deal as "…"`, `called it "…"`.
JUDGING_VERBS = _verbs(
    """
    accuse describe characterise characterize call brand label dismiss hail praise
    condemn denounce slam blast criticise criticize welcome decry deride term liken
    compare refer
    """,
)

#: Verbs that stand after a quotation to attribute it (`"…," she continued`).
POST_QUOTE_VERBS = CLAUSE_VERBS | _verbs(
    """
    ask continue read shout cry exclaim scream whisper sigh recount summarise summarize
    yell holler shriek mutter murmur laugh chuckle gush rave fume snap bark growl beam
    answer echo interject threaten beg implore advise chant sing
    """,
    "wrote read reads sang sung",
)

#: Bare verb forms, which are often nouns too ("a comment", "the report", "to say"): a
#: speech verb only after a subject that takes them ("they say", "officials report").
BASE_FORMS = frozenset(_BASES | {"say", "tell", "write", "think", "find"}) - {"read"}

#: Verbs naming the outlet a report came through: `..., the BBC reported`.
CHANNEL_VERBS = _verbs("report")

#: Nouns of speech used as the frame: "in a statement", "his warning that".
SPEECH_NOUNS = frozenset(
    """
    statement statements remarks comments comment speech address interview testimony
    warning warnings announcement message post tweet letter note briefing
    """.split()
)

#: Documents that speak for their issuer: "the ministry's statement read", "the report said".
DOCUMENT_NOUNS = frozenset(
    """
    statement statements report reports release communique communiqué decree order
    ruling judgment judgement verdict website site letter notice bulletin memo
    memorandum filing complaint indictment lawsuit post tweet message update
    document documents study survey analysis assessment review advisory guidance
    notification announcement resolution declaration editorial note circular
    data figures statistics estimates estimate numbers records count tally census
    account feed channel page blog newsletter
    """.split()
)

#: People a source stays unnamed as, however qualified ("US officials", "a ministry
#: spokesman", "witnesses"): the README's unnamed sources.
UNNAMED_PEOPLE = frozenset(
    """
    official officials spokesman spokeswoman spokesperson spokespeople spokesmen
    spokeswomen source sources witness witnesses resident residents expert experts
    analyst analysts diplomat diplomats observer observers insider insiders aide aides
    investigator investigators prosecutor prosecutors lawyer lawyers attorney attorneys
    doctor doctors medic medics rescuer rescuers worker workers employee employees
    people person man woman men women member members colleague colleagues friend
    friends relative relatives neighbour neighbours neighbor neighbors survivor
    survivors victim victims student students parent parents activist activists
    officer officers agent agents representative representatives staff staffer
    staffers negotiator negotiators participant participants critic critics supporter
    supporters opponent opponents leader leaders lawmaker lawmakers legislator
    legislators minister ministers someone anyone nobody many others some
    """.split()
)

#: Abbreviations that end a name with their period ("Acme Corp. said", "Kennedy Jr. told").
NAME_FINAL_ABBREVIATIONS = frozenset("jr sr inc corp co ltd llc plc bros".split())

#: Nouns for a person by role or relation, which a name after them renames
#: ("the agency's director, Paul Kim, said", "her husband, Tom Lee, said").
PERSON_NOUNS = UNNAMED_PEOPLE | frozenset(
    """
    director chief head president minister secretary chairman chairwoman chair commander
    governor mayor ceo founder coach manager captain judge envoy ambassador adviser
    advisor deputy senator councillor general colonel sheriff superintendent inspector
    partner wife husband son daughter mother father brother sister uncle aunt cousin
    owner author editor professor scientist researcher economist teacher pastor priest
    commissioner chairperson coordinator administrator lieutenant sergeant major constable
    premier chancellor secretary-general vice-president principal dean rector bishop
    imam rabbi mp legislator counsellor consul treasurer registrar warden marshal
    farmer fisherman vendor shopkeeper pilot driver justice
    """.split()
)

#: Nouns that describe a person the article has named ("the 45-year-old said",
#: "the veteran said"): they stand for that person.
DESCRIPTORS = (PERSON_NOUNS - UNNAMED_PEOPLE) | frozenset(
    """
    veteran actor actress singer player striker star champion winner candidate
    incumbent challenger democrat republican conservative liberal lawmaker nominee
    """.split()
)

#: Institutions that speak as one: named only with a place or name before them
#: ("Kenyan police", "Zaporizhzhia regional authorities"), unnamed alone ("police said").
GROUP_NOUNS = frozenset(
    """
    police authorities authority government military army navy forces ministry
    department agency office administration media court courts regime junta embassy
    consulate council committee commission parliament company firm union party bank
    board observatory institute service coalition alliance federation association
    force guard broadcaster newspaper channel portal daily tabloid network station
    """.split()
)

#: Whom a speaker told: `told reporters`, `told the station`; never the speaker.
AUDIENCE = frozenset(
    """
    reporters journalists the press local media a an news agency conference television
    radio newspaper station broadcaster outlet audience crowd lawmakers parliament
    """.split()
)

#: The days of the week, as news copy capitalises them ("Das on Friday said").
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())

#: Words that may stand between a subject and its verb ("Hotak also alleged", "the FBI
#: earlier Saturday announced").
ADVERBS_BETWEEN = frozenset(day.lower() for day in WEEKDAYS) | frozenset(
    """
    also then later has have had previously reportedly quickly further again publicly
    earlier separately once repeatedly subsequently recently would will had has
    had since privately initially originally first last now still already never
    openly flatly firmly simply bluntly angrily calmly today yesterday tonight only
    """.split()
)

PREPOSITIONS = frozenset(
    """
    within of for from in at with by on to about among inside behind near during after
    before under over against between into through alongside across outside via
    """.split()
)
#: Words that never head a noun phrase: a subject is not found where one of these stands.
FUNCTION_WORDS = frozenset(
    """
    and but or nor while when as if because since that which who whom whose though
    although whereas after before until unless then so than also not never just even
    only is are was were be been being has have had do does did will would shall should
    can could may might must to of there here where how why what yet however
    """.split()
)
RELATIVES = frozenset("who whom whose which that where".split())
DETERMINERS = frozenset("the a an his her their its our my this that these those".split())
POSSESSIVE_PRONOUNS = frozenset("his her their its our my".split())
SUBJECT_PRONOUNS = frozenset("he she they it we i".split())
