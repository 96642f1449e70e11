"""What the event extractors (sanctions, casualties) share: dates resolved once, and their context.

`dates(analysis)` is the analysis layer of every date expression in the body,
resolved against the article's `datePublished` (see `newsld.text.dates`). When
a date cannot be given because the article has no publication date, the
layer adds one warning to the document: the year is never guessed.

A date can belong to the event or to the report of it: in "Early on
Wednesday, the authorities said six people were killed", Wednesday is when it
was said, and so is the day of a dateline ("ABUJA, Jan. 27 (Xinhua) -- At least
14 people were killed"); a date of what followed ("pulled debris on Sunday",
"video filmed Saturday showed") is not the event's either. `is_report_date`
tells them apart; `incident_date` is the first date the article gives next to
an incident word ("after Tuesday's strike", "the jet crashed on Wednesday"),
the fallback for a toll stated without its own date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from newsld.analysis import Analysis
from newsld.text.dates import NO_REFERENCE, NO_YEAR, DateMention, find_dates, parse_iso_date
from newsld.text.segment import Segment

__all__ = [
    "NO_PUBLICATION_DATE",
    "dates",
    "dates_between",
    "event_sentences",
    "incident_date",
    "is_aftermath_date",
    "is_report_date",
    "names_incident",
    "nearest_date",
    "previous_sentence",
    "published_date",
    "sentence_index",
    "sentences_matching",
]

#: The warning a document carries when a date was left out for want of a publication date.
NO_PUBLICATION_DATE = (
    "dates without a year were left out: the article has no publication date "
    "(give one with --published)"
)

# Verbs of saying that a date can hang on: "said on Wednesday", "Wednesday, X said".
_SPEECH = (
    r"said|says|told|tells|announced|announces|reported|reports|stated|added|confirmed"
    r"|acknowledged|admitted|claimed|wrote|tweeted|posted|declared|noted|warned|insisted"
    r"|revealed|disclosed|explained|stressed"
)
# "said on Wednesday", "told reporters Monday", "announced late on Friday".
_SPEECH_BEFORE = re.compile(
    rf"\b(?:{_SPEECH})(?:\s+(?:reporters|journalists|the\s+press|[A-Z][\w.]*))?"
    r"(?:\s+(?:late|early|earlier|later))?(?:\s+(?:on|in|at))?\s+$"
)
# A date that opens its clause: "On Saturday morning, ...", "Early on Wednesday, ...".
_OPENS_CLAUSE = re.compile(
    r"(?:^|[.,;:\n\"“]\s*)(?:(?:[Ee]arly|[Ll]ate|[Ll]ater|[Ee]arlier)\s+)?(?:[Oo]n\s+)?$"
)
# "On Saturday morning, representatives from Iran acknowledged ...": the first
# verb of the clause the date opens is one of saying.
_SPEECH_AFTER = re.compile(
    rf"(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:[^,;.\"“”]{{0,60}}?\s)?"
    rf"(?:{_SPEECH})\b"
)
# Words that name an incident ("Tuesday's strike", "crashed on Wednesday").
_INCIDENT = re.compile(
    r"(?=[a-fikl-oqrstw])"  # the first letters an incident word can have: a quick skip
    r"\b(?:attack(?:s|ed)?|(?:air\s*)?strikes?|airstrikes?|crash(?:ed|es)?|explosions?|blasts?"
    r"|bomb(?:s|ing|ings|ed)?|shelling|shooting|stabb(?:ed|ing)|shot\s+down|capsized|sank"
    r"|collision|collided|fire|earthquake|quake|floods?|flooding|landslide|derailed"
    r"|assault|ambush(?:ed)?|raid|massacre|rammed|exploded|detonated|clashes|killed"
    r"|accident|incident|disaster|derail(?:ed|ment)|landslides?|mudslides?|tremor|blaze"
    r"|stampede|stormed|opened\s+fire|struck|went\s+down|sunk|wreck(?:ed|age)?|overturned)\b",
    re.IGNORECASE,
)
# Words of what follows an incident: a date hanging on them is not the incident's own
# ("villagers pulled debris from the rubble on Sunday", after Saturday's quake).
_AFTERMATH = re.compile(
    r"(?=[a-fimprsv])"  # the first letters these words can have: a quick skip
    r"\b(?:rescu\w*|search(?:ed|ing|es)?|pulled|dug|recovered|retrieved|buried|burial|funerals?"
    r"|mourn\w*|vigils?|protest\w*|evacuat\w*|visited|condemned|arrested|detained|charged"
    r"|investigat\w*|filmed|photographed|footage)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;!?\n][^.;!?\n]*$")
_POSSESSIVE = re.compile(r"['’]s\b")
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_CLAUSE_REACH = 90  # characters of the clause before a date read for its verb
_OWNED_REACH = 30  # characters from "Saturday's" to its incident noun
# A period with no space after it between two words ends a sentence in scraped
# text: "A search and rescue operation is continuing.Zaporizhzhia regional head".
# (The period itself is matched, the cut falls at its end: a pattern opening with a literal
# is scanned in C, one of lookarounds only is tried at every offset.)
_GLUED = re.compile(r"\.(?<=[a-z]\.)(?=[A-Z][a-z])")
_INCIDENT_REACH = 40  # characters between a date and its incident word
# Where a sentence hides a date of the report, the clause up to the date.
_REPORT_WINDOW = 40


def published_date(analysis: Analysis) -> dt.date | None:
    """The article's publication date, if it has one."""
    value = analysis.article.date_published
    return parse_iso_date(value) if value else None


def dates(analysis: Analysis) -> list[DateMention]:
    """Every date expression of the body, resolved against `datePublished` (a layer)."""
    return analysis.layer("dates", _resolve_dates)


def _resolve_dates(analysis: Analysis) -> list[DateMention]:
    published = published_date(analysis)
    found = find_dates(analysis.body, published, said_on=_dateline_day(analysis.body, published))
    if any(m.reason in (NO_YEAR, NO_REFERENCE) for m in found):
        analysis.warn(NO_PUBLICATION_DATE)
    return found


# "Patiala, June 26" or "SYDNEY, Dec 22 AAP -" opening the body: the day the report was
# written, from which its "this morning" and "on Monday" count.
_DATELINE = re.compile(r"\A\s*[A-Z][A-Za-z'’. -]{1,40},\s+(?=[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}\b)")
_DATELINE_DAYS = 3  # how long before publication a dateline's day may be


def _in_dateline(body: str, mention: DateMention) -> bool:
    """Whether a date is the day of the body's dateline ("GUIYANG, Jan. 5 (Xinhua) --")."""
    if mention.start > _DATELINE_REACH:
        return False
    match = _DATELINE.match(body)
    return match is not None and match.end() == mention.start


_DATELINE_REACH = 48  # characters from the body's start to a dateline's day


def _dateline_day(body: str, published: dt.date | None) -> dt.date | None:
    """The day of the body's dateline, when it has one close before the publication date."""
    match = _DATELINE.match(body)
    if match is None or published is None:
        return None
    line = body[match.end() : match.end() + 20]
    mentions = find_dates(line, published)
    day = mentions[0].value if mentions and mentions[0].start == 0 else None
    if day is None or not 0 <= (published - day).days <= _DATELINE_DAYS:
        return None
    return day


def dates_between(analysis: Analysis, start: int, end: int) -> list[DateMention]:
    """The date mentions that lie inside `start..end`."""
    found = dates(analysis)
    starts = analysis.layer("date_starts", lambda a: [m.start for m in dates(a)])
    index = bisect.bisect_left(starts, start)
    inside = []
    while index < len(found) and found[index].start < end:
        if found[index].end <= end:
            inside.append(found[index])
        index += 1
    return inside


def is_report_date(body: str, mention: DateMention) -> bool:
    """Whether a date is when something was said, not when it happened ("said on Monday")."""
    before = body[max(0, mention.start - _REPORT_WINDOW) : mention.start]
    if _SPEECH_BEFORE.search(before):
        return True
    if not _OPENS_CLAUSE.search(("\n" if mention.start <= _REPORT_WINDOW else "") + before):
        return False
    return _SPEECH_AFTER.match(body, mention.end, mention.end + 90) is not None


def names_incident(text: str) -> bool:
    """Whether a text names an incident ("the quake", "the ferry went down")."""
    return _INCIDENT.search(text) is not None


def is_aftermath_date(body: str, mention: DateMention) -> bool:
    """Whether a date hangs on what followed an incident ("pulled debris ... on Sunday")."""
    if _names_incident(body, mention):
        return False  # "searched the rubble after Tuesday's strike": the strike's date
    before = body[max(0, mention.start - _CLAUSE_REACH) : mention.start]
    cut = _CLAUSE_END.search(before)
    clause = before[cut.start() + 1 :] if cut is not None else before
    after = [m.end() for m in _AFTERMATH.finditer(clause)]
    if not after:
        return False
    incidents = [m.end() for m in _INCIDENT.finditer(clause)]
    return not incidents or incidents[-1] < after[-1]


def _names_incident(body: str, mention: DateMention) -> bool:
    """A date that owns an incident noun: "Saturday's quake", "Tuesday's deadly strike"."""
    return _POSSESSIVE.match(body, mention.end) is not None and (
        _INCIDENT.search(body, mention.end, mention.end + _OWNED_REACH) is not None
    )


def _of_the_event(body: str, mention: DateMention) -> bool:
    """A date of the event itself: neither when it was said nor what came after it."""
    if _in_dateline(body, mention):
        return False  # "ABUJA, Jan. 27 (Xinhua) -- At least 14 people were killed": the report's
    if _names_incident(body, mention):
        return True  # "officials said Saturday's quake ...": the quake's date, not the saying's
    if _SINCE_BEFORE.search(body, max(0, mention.start - 8), mention.start):
        return False  # "killing at least 38 people since Friday": a period's start
    return not is_report_date(body, mention) and not is_aftermath_date(body, mention)


def nearest_date(analysis: Analysis, start: int, end: int, anchor: int) -> DateMention | None:
    """The date of an event in `start..end` nearest to `anchor`, dates of reports left out."""
    found = dates_between(analysis, start, end)
    candidates = [
        m
        for i, m in enumerate(found)
        if _of_the_event(analysis.body, m) and not _qualifies(found[i - 1] if i else None, m)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda m: min(abs(m.start - anchor), abs(m.end - anchor)))


def _qualifies(before: DateMention | None, mention: DateMention) -> bool:
    """Whether a dayless period only qualifies the day before it: "on Wednesday this week"."""
    return (
        before is not None
        and before.value is not None
        and mention.value is None
        and mention.start - before.end <= 1
    )


def incident_date(analysis: Analysis) -> DateMention | None:
    """The first date the article gives next to an incident word ("after Tuesday's strike")."""
    return analysis.layer("incident_date", _first_incident_date)


def _first_incident_date(analysis: Analysis) -> DateMention | None:
    body = analysis.body
    found = [m for m in dates(analysis) if _of_the_event(body, m)]
    for mention in found:
        near = body[max(0, mention.start - _INCIDENT_REACH) : mention.end + _INCIDENT_REACH]
        if _INCIDENT.search(near):
            return mention
    # Else a date in a sentence that tells of an incident: "The quake hit ... at 6:10 a.m. Friday".
    for mention in found:
        sentence = analysis.sentence_at(mention.start)
        if sentence is not None and _INCIDENT.search(sentence.text):
            return mention
    return None


def event_sentences(analysis: Analysis) -> list[Segment]:
    """The sentences, also split where scraped text glued two ("continuing.Zaporizhzhia")."""
    return analysis.layer("event_sentences", _split_glued)


def _split_glued(analysis: Analysis) -> list[Segment]:
    found: list[Segment] = []
    for sentence in analysis.sentences:
        start = 0
        for match in _GLUED.finditer(sentence.text):
            found.append(_piece(sentence, start, match.end()))
            start = match.end()
        found.append(_piece(sentence, start, len(sentence.text)))
    return found


def _piece(sentence: Segment, start: int, end: int) -> Segment:
    return Segment(sentence.start + start, sentence.start + end, sentence.text[start:end])


def sentences_matching(analysis: Analysis, pattern: re.Pattern[str]) -> list[Segment]:
    """The event sentences holding a match of `pattern`, found in one pass over the body."""
    found = event_sentences(analysis)
    starts = _event_starts(analysis)
    hits: list[Segment] = []
    for match in pattern.finditer(analysis.body):
        at = match.start()
        sentence = found[max(bisect.bisect_right(starts, at) - 1, 0)]  # as `sentence_index`
        if sentence.start <= at < sentence.end and (not hits or hits[-1] != sentence):
            hits.append(sentence)
    return hits


def sentence_index(analysis: Analysis, offset: int) -> int:
    """The index in `event_sentences` of the sentence at or before `offset`."""
    return max(bisect.bisect_right(_event_starts(analysis), offset) - 1, 0)


def _event_starts(analysis: Analysis) -> list[int]:
    """Where each of `event_sentences` starts (a layer)."""
    return analysis.layer("event_starts", lambda a: [s.start for s in event_sentences(a)])


def previous_sentence(analysis: Analysis, sentence: Segment) -> Segment | None:
    """The sentence before `sentence` when both are in the same paragraph."""
    found = event_sentences(analysis)
    index = sentence_index(analysis, sentence.start)
    if index == 0 or found[index].start != sentence.start:
        return None
    before = found[index - 1]
    return None if "\n" in analysis.body[before.end : sentence.start] else before
