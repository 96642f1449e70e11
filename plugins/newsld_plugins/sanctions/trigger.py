"""Whether a sentence speaks of a sanctions action: its trigger, and what is no sanction.

The trigger is a word for sanctions: "sanctions", "sanctioned", "embargo",
"blacklisted", "delisted", "asset freeze", "asset freezing", "frozen the assets",
"travel ban", "entry ban", "port ban", "banned from entering", "visa restrictions", "export
controls", "restrictive measures", "countermeasures" (aimed at someone), "bans
exports", "prohibits exports", "the measures" (or restrictions, penalties: the
sanctions the article tells of), "removed X from its sanctions list" (from "the list"
when the article names a sanctions list), "a general license". A verb counts when it
has an object within reach (a name, a country, "six people", "foreign lawmakers and
officials"), "designated" when an authority designates or the designation is a
sanction.

Not sanctions: a sports body's penalties, "sanctioned" meaning approved
("state-sanctioned", "sanctioned a fee hike"), sanctions imposed before on what is
described ("for sanctioned entities"), a title ("List of Specially Designated
Nationals"), running totals ("has imposed sanctions on nearly 4,000 individuals since
2014"), a health or safety ban, a court's asset freeze and a terrorist designation the
text does not call sanctions.
"""

from __future__ import annotations

import re

from newsld.text.gazetteer import PlaceMention
from newsld_plugins.sanctions.context import PHRASE_REACH
from newsld_plugins.sanctions.names import WORD_REACH, name_runs
from newsld_plugins.sanctions.places import ending_in, starting_in

__all__ = [
    "AS_TERRORIST",
    "DESCRIBED_BEFORE",
    "REMOVED_FROM",
    "SPORT",
    "TRIGGER",
    "TRIGGER_SUBJECT",
    "is_trigger",
    "not_sanctions",
    "running_total",
    "sport",
]

# A count spelled out: "banned nine Canadian officials", "a ban on twenty-five lawmakers".
_SPELLED = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)"
    r"(?:-[a-z]+)?"
)

#: The words that make a sentence speak of sanctions: the cheap test before reading it.
# The first letters, then the first few letters of the words below, are checked before the
# alternatives are tried: most words of a text fail there (same matches, a third of the work).
TRIGGER = re.compile(
    # (The word start asked first: inside a word, the most offsets, it fails at once.)
    r"(?<![\w-])(?=[SsEeAaCcRrPpIiTtVvBbDdFfGg])"
    r"(?=[Ss](?:anc|nap)|[Ee](?:mb|xp|nt)|[Tt](?:he\s[mrp]|rav)|[Aa]sset|[Cc]ounter|[Rr]e[sm]"
    r"|[Pp]uni|[Pp]ort\s|prohib|[Ii]mp|[Vv]isa|[Bb](?:an|la)|barr|[Dd]e|fr|[Gg]en)"
    r"(?:(?P<noun>[Ss]anctions|[Ee]mbargo(?:es)?|[Ss]napback"
    # "The measures were originally introduced in 2014": the sanctions the article tells of
    r"|[Tt]he\s(?:measures|restrictions|penalties)"
    r"|[Aa]sset\s+freez(?:es?|ing)"
    r"|[Cc]ounter-?(?:measures|sanctions)|[Rr]estrictive\s+measures|[Pp]unitive\s+measures"
    r"|[Ee]xport\s+(?:bans?|controls)|[Pp]ort\s+bans?|[Ii]mport\s+bans?|(?:[Tt]ravel|[Ee]ntry|[Vv]isa)\s+bans?|[Vv]isa\s+restrictions"
    r"|[Bb]ans?\s+on\s+(?:entry|travel)"
    # "a ban on 500 US citizens": people banned, an entry ban
    r"|[Bb]ans?(?=\s+on\s+(?:[0-9][0-9,]*|hundreds|dozens|several|" + _SPELLED + r")\s+"
    r"(?:more\s+)?(?:[A-Z][\w.]*\s+)?"
    r"(?:[A-Z][a-z]+s|people|officials|individuals|citizens|nationals)\b)|[Bb]lacklisting|[Dd]e-?listing|[Ee]ntity\s+[Ll]ist"
    r"|(?:[Ee]xport\s+)?[Bb]lacklist\b(?!ed|ing)|[Ss]anctions\s+list|(?:banned|barred)\s+entry)"
    r"|(?P<verb>[Ss]anction(?:ed|ing)?|[Bb]lacklist(?:ed|ing|s)?|[Dd]e-?listed|[Dd]esignat(?:ed|es|ing)"
    r"|froze|frozen|freez(?:e|es|ing)"
    r"|(?:ban(?:s|ned)?|prohibit(?:s|ed)?)(?=\s+(?:the\s+)?(?:exports?|imports?)\b)"
    # "banned 26 more Canadians", "banned nine Canadian officials": people banned, an entry ban
    r"|banned(?=\s+(?:[0-9][0-9,]*|hundreds|dozens|several|" + _SPELLED + r")\s+(?:more\s+)?"
    r"(?:[A-Z][a-z]+s|(?:[A-Z][\w.]*\s+)?(?:people|officials|individuals|citizens|nationals))\b))"
    # "removed X from its Specially Designated Nationals list": a delisting
    r"|(?P<removal>[Rr]emov(?:ed|es|ing|e)(?=[^.;,]{1,100}?\sfrom\s+(?:its|the|their|a)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:black)?list\b))"
    # "issued a general license authorizing transactions": a lifting
    r"|(?P<relief>[Gg]eneral\s+licen[cs]es?)"
    # "X is banned from entering the country": an entry ban, its verb the action's
    r"|(?P<barred>(?:banned|barred|prohibited)(?:\s+(?P<whom>[^.;,]{1,60}?))?\s+from\s+"
    r"(?:entering|entry|travel\w*)))\b"
)
# The list a removal takes names from: a sanctions list, or "the list" of an article
# that names one.
REMOVED_FROM = re.compile(
    r"\sfrom\s+(?:its|the|their|a)\s+(?P<list>(?:[\w-]+\s+){0,4}?(?:black)?list)\b"
)
_SANCTIONS_LIST = re.compile(
    r"\b(?:[Ss]anctions?|[Dd]esignated|[Ee]ntity|[Bb]lack|SDN|[Ee]xport)\b|^(?:black)?list$"
)
SPORT = re.compile(
    r"\b(?:FIFA|UEFA|IOC|WADA|NCAA|doping|Olympics?|Paralympics?|referees?|tournaments?"
    r"|championships?|league|matches|bout|boxing|athletes?|players?|sanctioning\s+body"
    r"|governing\s+body|racing|season|clubs?|disciplinary|fined|sanctioned\s+with\s+an?"
    r"|penalt(?:y|ies)|football|soccer|anti-doping|Court\s+of\s+Arbitration\s+for\s+Sport)\b"
)
# A sports word that only describes a person ("Chelsea football club owner X", "X, owner of
# Y Football Club") tells what the person owns, not a sports body's penalty.
_OWNER_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:owner|chairman|president|founder|boss)\b")
_OWNER_BEFORE = re.compile(r"\b(?:owner|chairman|president|founder)\s+of\s+(?:[\w.'’-]+\s+){0,3}$")


def sport(text: str) -> bool:
    """Whether a sentence speaks of sport, not only of what a person owns or heads."""
    for match in SPORT.finditer(text):
        if _OWNER_AFTER.match(text, match.end()) is None and (
            _OWNER_BEFORE.search(text, max(0, match.start() - 60), match.start()) is None
        ):
            return True
    return False


# "Rs 482 crore has been sanctioned for the project": sanctioned meaning approved.
_APPROVAL = re.compile(
    r"\b(?:funds?|amount|loans?|grants?|budget|crores?|lakhs?|Rs\.?|rupees|posts|leave|fees?"
    r"|projects?|schemes?|hikes?|compensation|expenditure|salar(?:y|ies)|allowances?)\b|₹"
)
_RUNNING_TOTAL = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:imposed|sanctioned|designated|blacklisted|targeted)\b"
    r"[^.;]*\b[Ss]ince\b|\b[Ss]ince\s+(?:[0-9]{4}|the\s+(?:start|beginning|outbreak)|[A-Z][a-z]+\.?\s+[0-9]{1,2}\b)"
    # "since the Russian war on Ukraine, Australia imposed ...": since a war or a coup began
    r"|\b[Ss]ince\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:war|invasion|coup|conflict|crisis|annexation)\b"
    # "imposed 1,200 sanctions on Moscow": a count of the sanctions themselves, a tally
    r"|\b[0-9]{1,3}(?:,[0-9]{3})+\s+(?:[a-z]+\s+)?sanctions\b"
    r"|\bso\s+far\b|\bto\s+date\b|\bin\s+total\b"
)
# What the object of a verb trigger must hold within reach: a name or a country.
_OBJECT_REACH = 60
_DESIGNATED_AS = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:as\s+)?(?:an?\s+)?(?:\w+\s+)?(?:terrorist|sanction)"
    # "designated the Sinaloa Cartel and seven other groups as Foreign Terrorist Organizations"
    r"|\s+[^.;]{0,100}?\bas\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?[Tt]errorist",
)
# A terrorist designation is an action of its own, apart from sanctions told beside it.
AS_TERRORIST = re.compile(r"[^.;]{0,100}?\bas\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?[Tt]errorist")
# "sanctions" naming another noun: the law's case, its breach, its experts.
_NAMES_ANOTHER_NOUN = re.compile(
    r"\s+(?:case|cases|violations?|evasion|busting|breach(?:es)?|compliance|lawyers?|experts?"
    r"|enforcement|charges?|laws?"
    # "the expert team of the Sanctions Committee said": a body named for sanctions
    r"|[Cc]ommittee|[Pp]anel|[Mm]onitoring\s+[Tt]eam|[Tt]ribunal|[Cc]oordinator|[Ee]nvoy)\b"
)
_COUNTER_OBJECT = re.compile(r"[^.;]{0,80}?\b(?:against|on|targeting)\s")
_ASSETS = re.compile(r"[^.;]{0,30}\bassets\b")
# "urged the administration to sanction ten officials": a bare verb after "to" acts now.
_INFINITIVE = re.compile(r"(?:[Ss]anction|[Bb]lacklist|[Dd]esignate)$")
DESCRIBED_BEFORE = re.compile(
    # "Those newly-sanctioned by the UK include X": sanctioned now, not before.
    r"(?:\b(?:for|with|to|from|of|on|involving|other|previously|already)\s+|(?<!\bnewly)-)$"
)
# "sanctioned six people and seven companies": a counted object is an object.
# So is a plural of people or bodies: "China sanctioned foreign lawmakers and officials".
_COUNTED_OBJECT = re.compile(
    r"\s+(?:(?:at\s+least|more\s+than|nearly|over|another|an\s+additional)\s+)?"
    r"(?:(?:[0-9][0-9,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens"
    r"|several|more|other|some|key|senior|top|the)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:people|persons|individuals|entities|companies|firms|vessels"
    r"|ships|tankers|banks|officials|organi[sz]ations|businesses|executives|lawmakers"
    r"|legislators|politicians|ministers|oligarchs|generals|commanders|members)\b"
)
# "Canada's latest sanctions will impose asset freezes": the sanctions are the subject.
TRIGGER_SUBJECT = re.compile(r"\s+(?:will|would|shall)\s+(?:also\s+)?(?:impose|include|target)")

# A ban for health or safety is no sanction: "banned imports of poultry over bird flu".
_HEALTH = re.compile(
    r"\b(?:flu|diseases?|outbreaks?|virus|viral|contaminat\w*|health|safety|hygiene|pests?"
    r"|epidemic|infect\w*|salmonella|scare|residues?|pesticides?|recall(?:ed|s)?)\b",
    re.IGNORECASE,
)
_JUSTICE_BEFORE = re.compile(
    r"\b(?:court|judge|prosecutors?|police|investigators|tribunal|magistrate)s?\b[^.;]*$",
    re.IGNORECASE,
)
_CALLED_SANCTIONS = re.compile(r"\b[Ss]anction|\b(?:asset\s+freeze|travel\s+ban)", re.IGNORECASE)


def not_sanctions(text: str, trigger: re.Match[str]) -> bool:
    """A health ban, a court's freeze or a terrorist designation not called sanctions."""
    if _CALLED_SANCTIONS.search(text):
        return False
    word = trigger.group().lower()
    if _JUSTICE_BEFORE.search(text, max(0, trigger.start() - PHRASE_REACH), trigger.start()):
        return True  # "a court froze the assets of the former minister": justice, no sanction
    if "ban" in word or "embargo" in word:
        return _HEALTH.search(text) is not None
    return word.startswith("designat") and AS_TERRORIST.match(text, trigger.end()) is not None


def running_total(text: str) -> bool:
    """Whether a sentence gives a running total ("has sanctioned 700 people since 2014")."""
    match = _RUNNING_TOTAL.search(text)
    # "the UK's largest package since 2023" compares; it does not total.
    return match is not None and not _SUPERLATIVE.search(
        text, max(0, match.start() - 40), match.start()
    )


_SUPERLATIVE = re.compile(r"\b(?:\w+est|most|biggest|first)\s+(?:[\w'’-]+\s+){0,3}$")


def is_trigger(
    text: str, match: re.Match[str], places: list[PlaceMention], names_list: bool = False
) -> bool:
    """Whether a trigger word speaks of sanctions here ("sanctioned the plan" does not).

    `names_list`: the article names a sanctions list, which "the list" may stand for.
    """
    if match.group("relief") is not None or match.group("barred") is not None:
        return True
    if match.group("removal") is not None:
        found = REMOVED_FROM.search(text, match.end())
        listed = found.group("list") if found else ""
        return bool(_SANCTIONS_LIST.search(listed)) and (names_list or listed != "list")
    if match.group("noun") is not None:
        if _NAMES_ANOTHER_NOUN.match(text, match.end()):
            return False  # "a fine in a sanctions case", "sanctions violations"
        # "imposed countermeasures against US firms": a state's counter-sanctions.
        return not match.group().lower().startswith("counter") or (
            _COUNTER_OBJECT.match(text, match.end()) is not None
        )
    word = match.group("verb").lower()
    if word.startswith("sanction") and _APPROVAL.search(text):
        return False
    if DESCRIBED_BEFORE.search(
        text, max(0, match.start() - 12), match.start()
    ) and not _INFINITIVE.match(match.group()):
        return False  # "for sanctioned entities including ...": sanctioned before, not now
    if match.group()[0].isupper() and _TITLE_BEFORE.search(
        text, max(0, match.start() - WORD_REACH), match.start()
    ):
        return False  # inside a title: "List of Specially Designated Nationals"
    if word.startswith("designat"):
        # "OFAC designated the tanker Eventin": designated by a sanctions authority.
        by_authority = any(
            p.kind == "organization" and p.country is not None
            for p in ending_in(places, match.start() - 29, match.start())
        )
        return by_authority or _DESIGNATED_AS.match(text, match.end()) is not None
    if word.startswith(("froze", "freez")):
        return _ASSETS.match(text, match.end()) is not None
    reach = text[match.end() : match.end() + _OBJECT_REACH]
    if _COUNTED_OBJECT.match(reach):
        return True
    if word == "sanction" and re.match(r"\s+(?:on|against)\b", reach):
        return True
    reach_end = min(len(text), match.end() + _OBJECT_REACH)
    clause = re.match(r"[^.;,]*", text[match.end() : reach_end])
    stop = match.end() + (clause.end() if clause else 0)
    if starting_in(places, match.end() + 1, stop):
        return True
    return bool(name_runs(text, match.end(), stop))


# Sentences that list more targets of an action told before:

_TITLE_BEFORE = re.compile(r"[A-Z][\w.]* $")
