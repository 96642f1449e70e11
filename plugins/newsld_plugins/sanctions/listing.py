"""Sentences that list more targets of an action told before.

"The targeted people include X and Y", "Among those designated were X", "X and Y
are also targeted", "X also had sanctions applied", "Japan has added X and Y to a
list", a list set off by dashes ("Three of the tankers targeted Wednesday – A, B
and C – sailed"), and the next sentence that names whom the action counted ("The
companies are A, B and C", "They include A and B", at the start of its sentence
and with a name right after the verb: "The companies are involved in ..." is no
list). "They" restates the sentence just before; "The tankers included A and B" only
an action told of tankers in the statements just before. A "while" clause names the
list's next item; a trailing attribution (", Foreign Minister X announced") and a
clause after the list ("a minister who visited Taipei") are no part of it.
"""

from __future__ import annotations

import re

from newsld.analysis import Analysis
from newsld.text.segment import Segment
from newsld_plugins.sanctions.context import Reading
from newsld_plugins.sanctions.names import SPEECH, TOKEN, closes_clause, name_runs
from newsld_plugins.sanctions.places import sentence_places
from newsld_plugins.sanctions.statement import Party, Statement, add
from newsld_plugins.sanctions.targets import named_targets, reason_country
from newsld_plugins.sanctions.trigger import DESCRIBED_BEFORE, running_total, sport

__all__ = ["LISTING", "read_listing"]

# "The targeted people include X and Y", "X and Y are also targeted",
# "X also had sanctions applied", "Japan has added X and Y to a list".
_LIST_AFTER = (
    r"\b(?:targets?|targeted|sanctioned|designated|listed|blacklisted|[Ii]ndividuals|[Ee]ntities"
    r"|[Pp]ersons|list)\b[^.;:]{0,60}?\b(?P<after>includes?|including|included(?=\s+[A-Z]))\b"
    r"|\b[Aa]mong\s+(?:the|those)\s+(?:newly\s+)?(?:designated|sanctioned|targeted|listed)\b"
    r"[^,.;]{0,30}?(?P<among>,|\b(?:were|are|was|is)\b)"
)
_LIST_BEFORE = (
    r"\b(?P<before>(?:is|are|was|were|(?:has|have|had)\s+(?:also\s+)?been)\s+(?:also\s+)?"
    r"(?:targeted|sanctioned|designated|blacklisted|listed)|(?:also\s+)?had\s+(?:sanctions"
    r"|their\s+assets)\s+(?:applied|imposed|frozen)|(?:were|was)\s+(?:also\s+)?(?:hit|slapped)"
    r"\s+with\s+sanctions"
    # "A, the chairman of B; and C are the other oligarchs sanctioned": a list before its verb.
    r"|(?:is|are|was|were)\s+(?:also\s+)?(?:among\s+)?(?:the|those)\s+(?:other\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:newly\s+)?(?:targeted|sanctioned|designated|blacklisted|listed))\b"
)
_LIST_ADDED = (
    r"\b(?P<added>added)\b"
    r"(?=[^.;]*?\bto\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:black)?list\b)"
)
# "Three of the tankers targeted Wednesday – A, B and C – sailed ...": a list set off by dashes.
_LIST_DASHED = (
    r"\b(?:the|those|these)\s+(?:[\w-]+\s+){0,2}?(?:vessels|ships|tankers|companies|firms"
    r"|entities|individuals|people|persons|banks|officials|groups)\s+(?:newly\s+)?(?:targeted"
    r"|sanctioned|designated|blacklisted|listed)\b[^–—:;.]{0,30}?\s(?P<dashed>[–—:])"
)
# The next sentence names whom the action counted: "The companies are A, B and C",
# "They include A and B", "The six, who include Judge A, ...", "They targeted A and B".
_LIST_RESTATED = (
    r"\b(?:They|Those|These|The\s+(?:[\w-]+\s+){0,2}?(?P<head>companies|firms"
    r"|entities|individuals|people|persons|officials|vessels|ships|tankers|banks|targets|groups"
    r"|two|three|four|five|six|seven|eight|nine|ten|sanctions|measures))(?:,\s+who)?\s+"
    # "They targeted the Turkish Ministry of Defense and ...": what the sanctions told hit
    r"(?:also\s+)?(?P<restated>are|were|include[sd]?|target(?:ed|s)?|hit)\b(?=\s+(?:the\s+)?[A-Z])"
)
# "The ministry on Sunday listed these companies as A, B and C": the names of a counted group.
_LIST_NAMED_AS = (
    r"\b(?:listed|named|identified)\s+(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?(?:companies"
    r"|firms|entities|individuals|people|persons|officials|vessels|ships|tankers|banks|targets"
    r"|groups)\s+(?P<named_as>as)\b(?=\s+(?:the\s+)?[A-Z])"
)
LISTING = re.compile(
    f"{_LIST_AFTER}|{_LIST_BEFORE}|{_LIST_ADDED}|{_LIST_DASHED}|{_LIST_RESTATED}|{_LIST_NAMED_AS}"
)
_DASH = re.compile(r"\s[–—]\s|[;.]")
# "A carried crude, while the Panama-flagged B moved ...": the second item of the list.
_WHILE = re.compile(
    r",?\s+while\s+(?:the\s+)?(?:[\w.]+-(?:flagged|based|registered|owned|linked)\s+)?(?=[A-Z])"
)
_LIST_END = re.compile(r"\bto\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:black)?list\b")


def read_listing(analysis: Analysis, sentence: Segment) -> Statement | None:
    """The targets a listing sentence adds to the action before it, or None when it names none."""
    text = sentence.text
    match = LISTING.search(text)
    if match is None or sport(text) or running_total(text):
        return None
    if match.group("after") and DESCRIBED_BEFORE.search(
        text, max(0, match.start() - 12), match.start()
    ):
        return None  # "for sanctioned entities including ...": listed before, not now
    if match.group("restated") and text[: match.start()].strip(" \"“‘'"):
        return None  # "They are ..." names a list only at the start of its sentence
    if (
        match.group("after")
        or match.group("among")
        or match.group("restated")
        or (match.group("named_as"))
    ):
        start = match.end()
        stop = min(_attribution_start(text, start), _clause_end(text, start))
    elif match.group("before"):
        start, stop = 0, match.start()
    elif match.group("dashed"):
        end = _DASH.search(text, match.end())
        start, stop = match.end(), end.start() if end else len(text)
    else:
        end = _LIST_END.search(text, match.end())
        start, stop = match.end(), end.start() if end else len(text)
    places = sentence_places(analysis, sentence)
    reading = Reading(analysis, sentence, places, match)
    statement = Statement(sentence, sentence.start, sentence.end, None, adds=True)
    statement.added = match.group("added") is not None
    runs = name_runs(text, start, stop)
    if match.group("after") or match.group("among"):
        runs += _while_subject(text, start)
    for _, party in named_targets(reading, start, stop, runs):
        add(statement.targets, party)
    statement.anchor = sentence.start + match.start()
    if match.group("before"):
        # "Mammut Group and Mammut Diesel had been designated in 2020": an imposition of its
        # own when it tells another time than the action before, more of it otherwise.
        statement.action = "impose"
        reason = reason_country(reading)
        statement.countries += [Party("Country", reason)] if reason else []
    if match.group("restated"):
        statement.head = (match.group("head") or "").lower()
    return statement if statement.targets else None


def _clause_end(text: str, start: int) -> int:
    """Where the clause of a list ends: "including a minister who visited Taipei".

    A semicolon separates the items of a list ("include A, worth £9 billion; B, ...").
    """
    for token in TOKEN.finditer(text, start):
        if token.group() != ";" and closes_clause(text, token):
            return token.start()
    return len(text)


def _while_subject(text: str, start: int) -> list[tuple[int, int]]:
    """The name opening a "while" clause after `start`, the list's next item."""
    match = _WHILE.search(text, start)
    if match is None:
        return []
    stop = re.compile(r"[,;:'‘“\"]|\s[a-z]").search(text, match.end())
    runs = name_runs(text, match.end(), stop.start() if stop else len(text))
    return runs[:1] if runs and runs[0][0] == match.end() else []


def _attribution_start(text: str, start: int) -> int:
    """Where a trailing attribution begins: ", Foreign Minister Penny Wong announced"."""
    quote = _QUOTE_OPENS.search(text, start)
    limit = quote.start() if quote is not None else len(text)
    for comma in _COMMA.finditer(text, start, limit):
        if _ATTRIBUTION.match(text, comma.end()):
            return comma.start()
    return limit


_QUOTE_OPENS = re.compile(r"[”]|\s['‘\"“]|['\"],|,['\"”]")
_COMMA = re.compile(",")
_ATTRIBUTION = re.compile(
    r"\s+(?:(?:[A-Z][\w.'’-]*\s+){1,6}(?:" + SPEECH + r")\b|according\s+to\b)"
)
