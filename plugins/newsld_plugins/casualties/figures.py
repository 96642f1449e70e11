"""Casualty figures in one sentence: which count is of the killed and which of the injured.

"killed six people and injured at least 44" holds two figures; so does "At
least 12 people were killed and 58 more were injured". A count takes its role
from a verb right before it ("killed six", "wounded 110", "shot dead four",
"stabbed to death three"), from a toll noun before it ("death tolls ...
exceeded 100", "the death count in the hundreds", "the toll from the 7.6
magnitude quake has passed 20,000") or from the words after it ("190 were
dead", "The 176 people on board were all killed", "15 bodies were recovered",
"a dozen lost their lives", "one person lost their life", "at least one
fatality", "One guard was killed and another injured", past an aside: "28
people, including children, were killed", "At least seven, including four
children, died", "Eleven people including one woman are now confirmed dead"),
from "lost" before people ("In all, we lost 12 people") or from a nominal ("the
killing of over 20 people"); in a list ("150 security forces, 95 civilians, and
hundreds of Taliban killed") each count takes the role of the last. A
breakdown with no total and no vague part is summed ("Five children and two
drivers were killed" is 7; "killed 19 children and six adults" is 25).

Not figures: counts in sentences about disease or drugs ("SARS-CoV-2 has
killed more than 1,000 people"), statistics ("Ferry accidents kill dozens each
year", "12 deaths per 100,000 people", "incidents in which four or more were
killed", a share in the toll's own clause: "40 percent of the dead were
children"; a share in another clause leaves the toll: "Thousands have been
killed and 40 percent of the land lies fallow"), animals ("the killing of
300,000 pigs"), parts of another figure ("one of the injured women died",
"including four children", "One child was among the dead"), who shot rather
than who died ("two men who shot dead four people": the two), bodies only seen
("he saw 35 bodies"), the dead counted with the missing ("2,000 dead and
missing"), injured who died ("two injured passengers died": a change of a
toll), things after a toll noun ("the mounting toll sparked two protests"),
zero.

Left out: injuries told as received, sustained or suffered ("15 people received
injuries"): tried, it found sub-groups of tolls on unseen articles more often
than tolls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsld.text.numbers import Count, find_counts

__all__ = ["INJURED", "KILLED", "TRIGGER", "Figure", "about_illness", "figures"]

KILLED = "killed"
INJURED = "injured"


@dataclass(frozen=True)
class Figure:
    """A count with its role; `start`/`end` cover the count and the words that give the role.

    `definite`: the count names a group told of before ("the two kids had serious injuries").
    """

    role: str
    count: Count
    start: int
    end: int
    definite: bool = False


#: Any word that can make a sentence state a toll: the cheap test before reading counts.
TRIGGER = re.compile(
    r"\b(?=[KkDdTtFfIiWwHhPpSsCcBbLl])(?:[Kk]ill(?:ed|s|ing)?|[Dd]ead|[Dd]ied|[Dd]ie|[Dd]eaths?"
    r"|[Tt]olls?|[Ff]atalit(?:y|ies)|[Ii]njur(?:ed|ies|ing|y)|[Ww]ound(?:ed|ing)|[Hh]urt"
    r"|[Hh]ospitali[sz]ed|[Pp]erished|[Ss]lain|[Cc]asualt(?:y|ies)|[Bb]odies|[Dd]rowned|[Ll]ives"
    r"|[Ll]ost)\b"
)
# Sentences about illness, drugs and medicine count deaths that are no casualties.
_DISEASE = re.compile(
    r"\b(?=[vcsmpeiodfhatlVCSMPEIODFHATL])(?:virus|coronavirus|covid|sars|mers|pandemic|epidemic|outbreak|infect(?:ed|ions?|s)?"
    r"|diseases?|flu|influenza|cancer|overdoses?|drugs?|ebola|cholera|measles|malaria"
    r"|tuberculosis|hiv|aids|illness(?:es)?|heatwave|heat\s+wave|cases)\b",
    re.IGNORECASE,
)
# Statistics compare counts: "a 93% increase from 88 deaths in May 2019".
# So do rates and yearly figures: "Ferry accidents kill dozens each year", "deaths per
# 100,000 people", "events where four or more are killed".
_STATISTICS = re.compile(
    r"\b(?=[idrfcepaIDRFCEPA])(?:(?:increase|decrease|rise|drop|fall)\s+(?:from|of|in)\b"
    r"|compared\s+(?:with|to)\b|(?:each|every|per)\s+year\b|annually\b"
    r"|per\s+(?:[0-9][0-9,]*|capita|million|thousand)\b"
    r"|(?:events|incidents)\s+(?:where|in\s+which)\s+(?:[\w-]+\s+){0,3}or\s+more\b)",
    re.IGNORECASE,
)
# A count over years with no one war or crackdown to tell is a statistic over unrelated
# events: "64 reporters have been killed in the country since 2010" (but "the war has
# killed 10,000 since 2014" is the war's running toll).
_SINCE_YEAR = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*|the\s+(?:start|beginning)\s+of\s+)?(?:19|20)[0-9]{2}\b",
    re.IGNORECASE,
)
_CONFLICT = re.compile(
    r"\b(?:wars?|conflicts?|fighting|violence|crackdown|offensive|insurgen\w+|invasion"
    r"|uprising|revolution|protests?|unrest|clashes|coup|junta|occupation|siege|campaign"
    r"|bombardment|airstrikes?|strikes|attacks|militants?|rebels?|insurgents?|forces|troops"
    r"|army|military|regime|police|cartels?|gangs?)\b",
    re.IGNORECASE,
)
# A share is a statistic of its own clause: "Thousands have been killed ... and 40 percent of
# the country lies outside government control" still tells a toll.
_SHARE = re.compile(r"(?=[%pP])(?:%|\bper\s*cent\b|\bpercent\b)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:and|but|while|whereas)\s")


def _clause_at(text: str, at: int) -> str:
    """The clause of `text` around offset `at`, between commas or conjunctions."""
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)]
    end = _CLAUSE_BREAK.search(text, at)
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)]


_ANIMALS = frozenset(
    """
    pigs hogs cattle cows sheep goats birds chickens hens poultry animals dogs cats horses
    fish livestock whales dolphins sharks elephants deer camels ducks geese turkeys
    """.split()
)
_ROLE_WORDS = {
    "killed": KILLED, "dead": KILLED, "died": KILLED, "die": KILLED, "deaths": KILLED,
    "bodies": KILLED, "lives": KILLED, "life": KILLED, "drowned": KILLED, "fatality": KILLED,
    "fatalities": KILLED, "perished": KILLED, "slain": KILLED, "injured": INJURED,
    "wounded": INJURED, "hurt": INJURED, "hospitalised": INJURED, "hospitalized": INJURED,
    "injuries": INJURED,
}  # fmt: skip
# A verb right before the count gives its role: "killed six", "and injured at least 44".
_VERB_BEFORE = re.compile(
    r"\b(?P<verb>kill(?:ed|ing|s)?|slew|claimed\s+the\s+lives\s+of|wound(?:ed|ing|s)?"
    r"|(?:shot|shooting|gunn(?:ed|ing))\s+(?:dead|down)|(?:stabb|beat|burn|hack)\w*\s+to\s+death"
    r"|injur(?:ed|ing|es)|hurt(?:ing)?|hospitali[sz](?:ed|ing)"
    r"|(?:killings?|deaths?|bodies)\s+of)"
    r"(?:\s+(?:an?|another|the|all|some))?\s+$",
    re.IGNORECASE,
)
# A nominal toll one wants ended is no toll: "to stop the killing of civilians".
_ENDED_BEFORE = re.compile(
    r"\b(?:stop|end|halt|prevent|avoid)(?:\s+to)?\s+(?:the\s+)?$", re.IGNORECASE
)
# "the two kids", "those 12": a group the text has told of before.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
# An aside between a count and its verb: "At least 28 people, including women and children,
# were killed"; "16 people (mostly tourists) were hurt".
_ASIDE_CLOSE = {",": ",", "(": ")", "—": "—", "–": "–"}
_ASIDE_REACH = 60
_ASIDE_BREAK = re.compile(r"[.;!?\"“”]")
# A toll noun before the count: "the death toll rose to 8", "death tolls ... exceeded 100".
_TOLL_BEFORE = re.compile(
    r"\b(?P<verb>(?:death|casualty|fatality)\s+(?:tolls?|counts?|figures?)|tolls?"
    r"|number\s+of\s+(?:dead|deaths|people\s+killed|fatalities|victims))\b"
    r"(?:[^.;!?]|(?<=[0-9])\.(?=[0-9]))*$",  # "the 7.6 magnitude quake": no sentence end
    re.IGNORECASE,
)
_INJURY_TOLL_BEFORE = re.compile(
    r"\b(?:number\s+of\s+(?:injured|wounded|injuries)|injury\s+(?:tolls?|counts?|figures?))\b"
    r"(?:[^.;!?]|(?<=[0-9])\.(?=[0-9]))*$",
    re.IGNORECASE,
)
# Words that may stand between a count and the word giving its role: the noun
# ("people", "security forces"), auxiliaries and hedges ("were all", "reportedly").
_BETWEEN = frozenset(
    """
    were was have has had been be are is being reportedly all also later confirmed believed
    feared reported said thought to now still more others other people persons of on board
    so far at least who whom either
    """.split()
)
_STOP = frozenset(
    """
    and or but while when after as including in at from with by which that than before
    since during until because if though although into
    """.split()
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*|[,;:.!?()\"“”—–]")
_PARTITIVE = re.compile(r"\s+of\s+(?:the|them|those|whom|these|us)\b", re.IGNORECASE)
# A list goes on: "150 security forces, 95 civilians, and hundreds ...".
_LIST_GAP = re.compile(r"^\s*(?:[\w-]+\s+){0,3}[\w-]+\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
_MAX_WORDS_AFTER = 8
# "Five people, four civilians and a police officer, were killed": a breakdown set off by commas.
_APPOSITION_GAP = re.compile(r"\s*(?:[\w-]+\s+){0,2}[\w-]+\s*,\s*$")
_APPOSITION_REACH = 80
_HYPOTHETICAL = re.compile(r"\b(?:could|would|might|may|to)\s+(?:have\s+)?$", re.IGNORECASE)
# A modelled or feared figure is no toll: "the number of deaths could exceed 10,000", "will
# likely surpass", "may have died". ("would" stays: "officials estimated the toll would surpass").
_MODAL = re.compile(
    r"\b(?:could|might|may|likely|possibly|probably|expected\s+to)\b", re.IGNORECASE
)
_MODAL_WORDS = frozenset({"could", "might", "may", "likely", "possibly", "probably"})
# "150 of the village's 1,800 residents were killed": the part is the toll, the whole is not.
_PARTITIVE_GAP = re.compile(
    r"^\s+of\s+(?:the|its|their|his|her|our|some)\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE
)
# A finite verb gives the partitive's role; "one of the 12 people killed" is a participle.
_FINITE_ROLE = re.compile(r"\b(?:were|was|are|is|been|be)\b|\b(?:died|perished)\b", re.IGNORECASE)
# An earlier incident labelled by its year: "a 2003 earthquake that killed 26,000 people".
_DATED_INCIDENT = re.compile(
    r"\b(?P<year>1[89]\d\d|20\d\d)\s+(?:[\w’'-]+\s+){1,3}(?:that|which)\s+(?:\w+\s+)?$"
)
_ANNIVERSARY = re.compile(r"\banniversar(?:y|ies)\b", re.IGNORECASE)
# A part of a toll given before ("Bicol was the hardest hit, with 68 killed", "Among the
# confirmed toll, 18 were children") or a condition ("If we don't find them, that is 105
# deaths") is no toll of its own.
_NOT_A_TOTAL = re.compile(
    r"\b(?:hardest|worst)[- ]hit\b|\b[Mm]ost\s+of\s+the\s+(?:casualties|dead|deaths|victims)\b"
    r"|^\W*(?:Among|Of)\s+(?:the|those)\s+(?:\w+\s+){0,2}(?:toll|dead|deaths|killed|victims"
    r"|casualties|injured|wounded)\b|^\W*(?:If|Unless)\b"
)
# "claimed three lives", "took 12 lives": the lives lost are the killed.
_LIVES = re.compile(r"\s+lives\b")
_LIVES_VERB = re.compile(r"\b(?:claim(?:ed|s|ing)?|took|taken|tak(?:es|ing)|cost)\s+$")


@dataclass(frozen=True)
class _Role:
    """A count's role and the span giving it; `by_verb` when a verb before it gives it."""

    kind: str
    start: int
    end: int
    by_verb: bool = False


def figures(text: str, offset: int = 0, year: int | None = None) -> list[Figure]:
    """The casualty figures of one sentence `text` (offsets shifted by `offset`).

    `year`: the publication year; an incident labelled by another year is background.
    """
    if _DISEASE.search(text) or _STATISTICS.search(text) or _NOT_A_TOTAL.search(text):
        return []
    if _ANNIVERSARY.search(text):
        return []  # "the 26th anniversary of the bombing that killed six": an old toll
    if _SINCE_YEAR.search(text) and not _CONFLICT.search(text):
        return []  # "64 reporters have been killed in the country since 2010": a statistic
    share = _SHARE.search(text)
    if share is not None and _role_word_in(_clause_at(text, share.start())):
        return []  # "40 percent of the dead were children": a share, not a toll
    # "Two missile strikes killed 14 people": a count of strikes, weapons or vehicles is no
    # count of people, nor a part of a list of them.
    counts = [c for c in find_counts(text) if c.high != 0 and not _THINGS_AFTER.match(text, c.end)]
    roles: list[_Role | None] = []
    for i, count in enumerate(counts):
        since = counts[i - 1].end if i else 0
        until = counts[i + 1].start if i + 1 < len(counts) else len(text)
        roles.append(_role(text, count, since, until, year))
    _revised_from(text, counts, roles)
    _partitives(text, counts, roles)
    breakdown = _totals_with_breakdown(text, counts, roles)
    joined = _inherit_in_lists(text, counts, roles, breakdown)
    found: list[Figure] = []
    for i, (count, role) in enumerate(zip(counts, roles, strict=True)):
        if role is None or count.low == 0:
            continue
        if i in joined and found:
            found[-1] = _summed(text, found[-1], count, role, offset)
            continue
        shifted = Count(count.start + offset, count.end + offset, count.low, count.high, count.text)
        definite = _DEFINITE_BEFORE.search(text, max(0, count.start - 8), count.start) is not None
        found.append(Figure(role.kind, shifted, role.start + offset, role.end + offset, definite))
    return found


# "the toll rose to 61 from 40": the toll before the revision is a figure of its own (README:
# a revised toll is another figure).
_RISEN_TO = re.compile(
    r"\b(?:rose|risen|climbed|increased|jumped|grew|grown|raised|revised\s+(?:up|upwards?))"
    r"\s+(?:(?:it|the\s+toll)\s+)?to\s+$",
    re.IGNORECASE,
)
_FROM = re.compile(r"\s+from\s+(?:an?\s+(?:earlier|previous)\s+(?:count|figure|toll)\s+of\s+)?")


def _revised_from(text: str, counts: list[Count], roles: list[_Role | None]) -> None:
    """Give the count a toll was revised from the role of the revised toll."""
    for i in range(1, len(counts)):
        before, count = roles[i - 1], counts[i]
        if roles[i] is not None or before is None:
            continue
        last = counts[i - 1]
        if _FROM.fullmatch(text, last.end, count.start) and _RISEN_TO.search(
            text, max(0, last.start - 40), last.start
        ):
            roles[i] = _Role(before.kind, count.start, count.end)


def _summed(text: str, figure: Figure, count: Count, role: _Role, offset: int) -> Figure:
    """One figure of a toll given as its parts: "killed 19 children and six adults" is 25."""
    first = figure.count
    low = None if first.low is None or count.low is None else first.low + count.low
    high = None if first.high is None or count.high is None else first.high + count.high
    end = count.end + offset
    total = Count(first.start, end, low, high, text[first.start - offset : end - offset])
    return Figure(figure.role, total, figure.start, max(figure.end, role.end + offset))


def about_illness(text: str) -> bool:
    """Whether a text speaks of disease, drugs or medicine (its deaths are no casualties)."""
    return _DISEASE.search(text) is not None


def _role(text: str, count: Count, since: int, until: int, year: int | None) -> _Role | None:
    """The role of a count and the span giving it, or None when it is no casualty figure."""
    if _not_a_toll(text, count) or _INCLUDED_BEFORE.search(
        text, max(0, count.start - 24), count.start
    ):
        return None  # "killed 11, including four children": the four are a part of the 11
    before = text[since : count.start]
    verb = _VERB_BEFORE.search(before)
    if verb is not None:
        at = since + verb.start()
        if _ONE_OF_SEVERAL.search(text, max(0, at - _CLAUSE_REACH), at):
            return None  # "The first of the strikes killed nine": a part of the incident's toll
        if _HYPOTHETICAL.search(before, 0, verb.start()) or _ENDED_BEFORE.search(
            before, 0, verb.start()
        ):
            return None  # "could kill 100 people", "threatened to kill hostages"
        if _earlier_incident(before[: verb.start()], year):
            return None
        word = verb.group("verb").lower()
        killing = ("kill", "slew", "claimed", "death", "bodies", "shot", "shooting", "gunn")
        kind = KILLED if word.startswith(killing) or word.endswith("death") else INJURED
        return _Role(kind, since + verb.start(), count.end, by_verb=True)
    lives = _LIVES.match(text, count.end)
    if lives is not None and _LIVES_VERB.search(before):
        return _Role(KILLED, count.start, lives.end())
    people = _PEOPLE_AFTER.match(text, count.end)
    if people is not None and _LOST_BEFORE_COUNT.search(
        text, max(0, count.start - 24), count.start
    ):
        return _Role(KILLED, count.start, people.end())  # "In all, we lost 12 people"
    toll = _INJURY_TOLL_BEFORE.search(before)
    if toll is not None:
        return _Role(INJURED, since + toll.start(), count.end)
    toll = _TOLL_BEFORE.search(before)
    if toll is not None and not _role_word_in(before[toll.end() :]):
        if _MODAL.search(before, toll.end("verb")):
            return None  # "the number of deaths could exceed 10,000"
        thing = _NOUN_AFTER.match(text, count.end)
        if thing is not None and thing.group(1).lower() not in _PEOPLE_NOUNS:
            return None  # "the mounting toll sparked two coups": no count of people
        return _Role(KILLED, since + toll.start(), count.end)
    return _role_after(text, count.end, until, count.start)


def _role_after(text: str, begin: int, until: int, start: int) -> _Role | None:
    """The role given by the words after a count: "people were killed", "were dead"."""
    n, pos = 0, begin
    while n < _MAX_WORDS_AFTER:
        word = _WORD.search(text, pos, until)
        if word is None:
            return None
        lower, pos = word.group().lower(), word.end()
        if lower in _ASIDE_CLOSE:
            # An aside may hold a count: "At least seven, including four children, died".
            pos = _after_aside(text, pos, len(text), _ASIDE_CLOSE[lower])
            if pos < 0:
                return None
            until = len(text)
            continue
        if lower == "including":
            pos = _after_including(text, pos, len(text))  # "Eleven people including one woman died"
            if pos < 0:
                return None
            until = len(text)
            continue
        if lower in _PART_WORDS:
            return None  # "One child was among the dead": a part of a toll, no toll
        if lower in _STOP or lower in _MODAL_WORDS or not lower[0].isalpha():
            return None  # "100 people may have died": a modal makes it no toll
        if lower in _ROLE_WORDS and _NOT_ITS_ROLE.match(text, word.end()):
            return None  # "2,000 dead and missing", "two injured passengers died"
        if (
            lower in _TRANSITIVE
            and n
            and _OBJECT_AFTER.match(text, word.end())
            and not _PASSIVE_BETWEEN.search(text, begin, word.start())
        ):
            return None  # "Three gunmen killed 14 people": the three did the killing
        if lower in _ROLE_WORDS and not _active_shooting(text, word.start(), lower):
            if lower in ("lives", "life") and not _LOST_BEFORE.search(
                text, max(0, word.start() - 20), word.start()
            ):
                return None  # "a dozen lost their lives"; "saved 12 lives" is no toll
            if lower == "bodies" and not _BODIES_FOUND.match(text, word.end()):
                return None  # "15 bodies were recovered"; "he saw 35 bodies" is no toll
            return _Role(_ROLE_WORDS[lower], start, word.end())
        if lower not in _BETWEEN and (lower.endswith("ed") or lower.endswith("ing")):
            return None  # another verb: "seven people were rescued"
        n += 1
    return None


# The role word does not give the count's role: "leaving 2,000 people dead and missing" counts
# the missing too; "two injured passengers died" tells injured who died (a toll's change).
_NOT_ITS_ROLE = re.compile(
    r"\s+(?:and|or)\s+missing\b|\s+[a-z]+\s+(?:later\s+)?(?:died|succumbed)\b", re.IGNORECASE
)
# "we lost 12 people", "the village lost 30 residents": people lost are the killed.
_LOST_BEFORE_COUNT = re.compile(r"\blost\s+(?:(?:at\s+least|about|some|over)\s+)?$", re.I)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:people|persons|residents|villagers|civilians|soldiers|members"
    r"|men|women|children|lives)\b",
    re.IGNORECASE,
)
# The noun a count counts, when it is no person: "two coups".
_NOUN_AFTER = re.compile(r"\s+([a-z]+s)\b")
_PEOPLE_NOUNS = frozenset(
    """
    people persons civilians soldiers troops servicemen children kids men women residents
    villagers passengers pilgrims devotees workers miners students officers policemen
    fighters militants protesters demonstrators victims migrants refugees others
    crew members tourists worshippers guards rebels insurgents journalists patients
    """.split()
)
# A role verb with an object after it is active, and the count before it counts who acted:
# "Three gunmen killed 14 people", "two attackers wounded a guard".
_TRANSITIVE = frozenset({"killed", "wounded", "injured", "hurt"})
_OBJECT_AFTER = re.compile(
    r"\s+(?:(?:at\s+least|more\s+than|over|about|some|nearly|up\s+to)\s+)?"
    r"(?:[0-9]|(?:a|an|the|his|her|their|two|three|four|five|six|seven|eight|nine|ten|dozens"
    r"|scores|hundreds|thousands|several|many)\s)",
    re.IGNORECASE,
)
_CLAUSE_REACH = 120  # characters back from a toll's verb to the doer of its clause
_PASSIVE_BETWEEN = re.compile(r"\b(?:were|was|been|be|are|is|being)\b", re.IGNORECASE)
# A count of attacks, weapons or vehicles counts no people: "two missile strikes killed 14".
_EVENT_NOUNS = (
    r"(?:strikes|airstrikes|attacks|explosions|blasts|bombs|bombings|missiles|drones|shells"
    r"|rockets|raids|assaults|quakes|earthquakes|crashes|accidents|fires|floods|storms"
    r"|incidents|shootings|cars|vehicles|buses|trains|boats|ships|aircraft|planes|helicopters)"
)
_THINGS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?" + _EVENT_NOUNS + r"\b", re.IGNORECASE)
# One of several attacks as the doer: "The first of the strikes killed nine", "one of the
# blasts killed four": a part of the toll of the incident they make up.
_ONE_OF_SEVERAL = re.compile(
    r"\b(?:first|second|third|last|latter|former|one|each|either)\s+of\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?" + _EVENT_NOUNS + r"\b[^.;]*$",
    re.IGNORECASE,
)
# "among the dead", "of the victims": the words that make a count a part of a toll.
_PART_WORDS = frozenset({"among", "amongst"})
_BODIES_FOUND = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:recovered|found|pulled|retrieved|discovered|exhumed|washed)\b"
)
_INCLUDED_BEFORE = re.compile(r"\b(?:including|includ(?:ed|es)|among\s+them|of\s+whom)\s+$", re.I)
_LOST_BEFORE = re.compile(r"\blost\s+(?:their\s+|his\s+|her\s+)?$", re.IGNORECASE)
# "two men who shot dead four people": "dead" here is the shooting's, said of its object.
_SHOT_BEFORE = re.compile(r"\b(?P<aux>(?:were|was|been|be|are|is)\s+)?(?:shot|gunned)\s+$", re.I)
# "Eleven people including one female devotee are now confirmed dead": the verb after.
_INCLUDING_UNTIL = re.compile(r"\b(?:are|were|was|is|have|has|had|died|perished)\b|[.;:!?]")
_INCLUDING_REACH = 60


def _active_shooting(text: str, start: int, word: str) -> bool:
    """Whether "dead" is said of whom someone shot: "two men who shot dead four people"."""
    if word != "dead":
        return False
    shot = _SHOT_BEFORE.search(text, max(0, start - 20), start)
    return shot is not None and shot.group("aux") is None


def _after_including(text: str, begin: int, until: int) -> int:
    """Where the verb after an "including" phrase starts, or -1 when none is near."""
    verb = _INCLUDING_UNTIL.search(text, begin, min(until, begin + _INCLUDING_REACH))
    if verb is None or not verb.group()[0].isalpha():
        return -1
    return verb.start()


def _after_aside(text: str, begin: int, until: int, close: str) -> int:
    """Where an aside ("including women and children,") ends, or -1 if `begin` opens none."""
    end = text.find(close, begin, min(until, begin + _ASIDE_REACH))
    if end < 0 or end == begin:
        return -1
    aside = text[begin:end]
    if _ASIDE_BREAK.search(aside) or _role_word_in(aside):
        return -1
    return end + 1


def _not_a_toll(text: str, count: Count) -> bool:
    """A part of another figure ("four of them") or animals ("300,000 pigs")."""
    return bool(_PARTITIVE.match(text, count.end)) or _first_word(text[count.end :]) in _ANIMALS


def _earlier_incident(before: str, year: int | None) -> bool:
    """Whether a toll's verb follows an incident labelled by another year than `year`."""
    dated = _DATED_INCIDENT.search(before)
    return dated is not None and int(dated.group("year")) != year


def _partitives(text: str, counts: list[Count], roles: list[_Role | None]) -> None:
    """A part of a group takes the group's role: "150 of the 1,800 residents were killed"."""
    for i in range(len(counts) - 1):
        whole = roles[i + 1]
        if whole is None or whole.by_verb or roles[i] is not None:
            continue
        if not _PARTITIVE_GAP.match(text[counts[i].end : counts[i + 1].start]):
            continue
        if _FINITE_ROLE.search(text, counts[i + 1].end, whole.end):
            roles[i] = _Role(whole.kind, counts[i].start, whole.end)
            roles[i + 1] = None


def _role_word_in(text: str) -> bool:
    return any(w.lower() in _ROLE_WORDS for w in _WORD.findall(text))


def _first_word(text: str) -> str:
    match = _WORD.search(text)
    return match.group().lower() if match else ""


_AND_GAP = re.compile(r"^\s*(?:[\w-]+\s+){0,3}[\w-]+\s+and\s+$")


def _exact(count: Count) -> bool:
    return count.low is not None and count.low == count.high


def _totals_with_breakdown(text: str, counts: list[Count], roles: list[_Role | None]) -> set[int]:
    """Read "Five people, four civilians and an officer, were killed" as the total once.

    Returns the indexes of the counts of the breakdown, which are no figures.
    """
    inside: set[int] = set()
    for i in range(len(counts) - 1):
        if roles[i] is not None or not _APPOSITION_GAP.match(
            text, counts[i].end, counts[i + 1].start
        ):
            continue
        comma = text.find(",", counts[i + 1].end, counts[i + 1].end + _APPOSITION_REACH)
        if comma < 0:
            continue
        roles[i] = _role_after(text, comma + 1, len(text), counts[i].start)
        k = i + 1
        while roles[i] is not None and k < len(counts) and counts[k].start < comma:
            inside.add(k)
            k += 1
    return inside


def _inherit_in_lists(
    text: str, counts: list[Count], roles: list[_Role | None], breakdown: set[int]
) -> set[int]:
    """Listed counts share a role: "150 soldiers, 95 civilians ... killed", "killing 19 and two".

    Returns the indexes of counts that add to the figure before them: the parts after one verb
    ("killed 19 children and six adults") are one toll.
    """
    joined: set[int] = set()
    for i in range(len(counts) - 2, -1, -1):
        following = roles[i + 1]
        if roles[i] is not None or following is None or i in breakdown:
            continue
        gap = text[counts[i].end : counts[i + 1].start]
        if _LIST_GAP.match(gap) and not _PARTITIVE.match(gap):
            roles[i] = _Role(following.kind, counts[i].start, following.end)
            # "Five children and two drivers were killed": a breakdown with no total is
            # summed; a list with a vague part ("95 civilians and hundreds of Taliban") is not.
            if _exact(counts[i]) and _exact(counts[i + 1]) and _AND_GAP.match(gap):
                joined.add(i + 1)
    for i in range(len(counts) - 1):
        leading = roles[i]
        if leading is None or not leading.by_verb or roles[i + 1] is not None:
            continue
        gap = text[counts[i].end : counts[i + 1].start]
        if i + 1 in breakdown or _not_a_toll(text, counts[i + 1]):
            continue
        if _LIST_GAP.match(gap) and not _PARTITIVE.match(gap):
            roles[i + 1] = _Role(leading.kind, leading.start, counts[i + 1].end, by_verb=True)
            joined.add(i + 1)
    return joined
