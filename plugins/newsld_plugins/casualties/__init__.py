"""The `casualties` extractor: tolls of violence, accidents and disasters, as `casualty` claims.

Each sentence that states a toll gives one report per incident figure
(`figures`): killed and injured as bounds, "at least 44" as a minimum. A
sentence of several tolls gives each the stretch of its own words ("The gunmen
killed 11 in Tamu. One man was killed in nearby Soro": Tamu, then Soro). The
reports are then grouped into incidents:

- a toll restated later is the same claim with one more evidence span, with
  the most precise bounds told ("At least 12 people were killed", then "Twelve
  people were killed": 12; "killed over 300", then "at least 304": 304); told
  with another number of the same place, it is one figure with the exact
  bounds ("more than 20" in the lead, "23" later), as long as the exact one
  lies near the bound (within 30%: "at least 12" and "40 died in various
  attacks" are two); a revised toll ("rose to 167", "officials raised the toll
  to 20") is a claim of its own, of the place of the toll it revises;
- a restatement may name a place inside the first ("in Tarvi district", then
  "in the Amla area of Tarvi"; "in southwest China", then "in Guiding" when China
  is the article's country): one toll, of the more specific place;
- a total over several incidents ("a series of strikes on Kharkiv and Odesa",
  "in separate attacks") is a figure of its own beside each incident's toll,
  even when the numbers agree;
- the injured stated in one of the two sentences after the killed join that
  toll ("Five were killed. Another 20 were injured."), wherever that toll was
  merged, unless the sentence tells of another incident ("A second strike
  wounded 33 more") or names a place of its own that is not the toll's;
- a group of a toll told of again ("the two kids had serious injuries") and a
  breakdown adding up to a toll told before ("three killed", then "two were
  shot dead while one was killed with a hoe"; "25 killed", then "killing 17
  instantly" and "Eight others died on the way") are no tolls.

A report's place and date come from its own sentence; where the sentence does
not give them ("Dozens died in the attack"), from the sentence before it in
the paragraph. Then, for the place: a state's own forces or people in the
sentence ("the Burmese military", "the people of Burma"), refined by a place of
a district or more the next sentence names ("a Turkish police raid", then "a
house in the city's Sahinbey district"); a capital named by its country ("the
Afghan capital"); the sentence before across a paragraph break when it tells
the incident ("A bomber struck a market in Maiduguri." / "At least 12 people
were killed."); the article's first incident; else the most specific of the
next sentences that name the incident ("the death toll from a ferry accident
has risen to 50", then "the ferry went down ... after leaving Ormoc City"), the
headline, and the dateline ("KABUL, Afghanistan (AP) —") when it lies in the
article's main country; last that main country. Once the tolls are merged, an
incident placed in a whole country or region takes the more specific place of
a sentence right after one of its tellings that names the incident or lies
between two of them ("leaving 18 dead in southwest China", "Officials put the
toll at 18", then "the wreckage ... in Guiding"); a sentence naming several
places together ("struck Damba, Tsava and Barla") gives none, and neither does
anything to a total over several incidents.

For the date: the first incident's; else the next sentences that tell of the
incident ("police said on Monday", then "The train came off the tracks on
Sunday"); else the article's first incident date; else the day the toll was
reported ("Ukraine reported on Monday that drones injured 62"). The start of a
period is no incident date ("killing 38 people since Friday"), nor is the day a
toll was updated ("raised the death toll to 18 on Thursday"). A running toll
("35,000 have been killed in the war", "Thousands have been killed" told of no
incident) has no day and is of the country. A sentence that tells of another
incident ("in another incident", "last week") takes nothing from its context
but the article's country. A whole country ("a quake struck Pakistan") gives
way to the region the next sentences give its dead ("Most of the deaths ...
occurred in ... Kashmir").

Left out: the place of a second strike told only as "the city"; a toll whose
place is named only after a word of movement other than "leaving"/"departing";
a total ("In all, we lost 12") placed in the region that holds the tolls before
it; "one death each was reported from A and B" as one toll per place.

Each sentence's scene (places, perpetrators, weapons, whether it opens another
incident) is read once, a report is compared with the 32 tolls told nearest
before it, and an incident is refined from the two sentences after each of its
tellings, so an article of any length is read in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from newsld import hookimpl
from newsld.analysis import Analysis
from newsld.model import Article, Claim, Evidence, Ref
from newsld.registry import ClaimType, Extractor
from newsld.schema import claim_type_from_file
from newsld.text.dates import DateMention
from newsld.text.events import (
    dates_between,
    event_sentences,
    incident_date,
    names_incident,
    nearest_date,
    previous_sentence,
    published_date,
    sentence_index,
    sentences_matching,
)
from newsld.text.gazetteer import PlaceMention, organization_for
from newsld.text.numbers import Count
from newsld.text.segment import Segment
from newsld_plugins.casualties.figures import (
    INJURED,
    KILLED,
    TRIGGER,
    Figure,
    about_illness,
    figures,
)
from newsld_plugins.casualties.scene import (
    COUNTRY,
    NAMED,
    REGION,
    SMALL,
    SPOKEN,
    Place,
    aggregate,
    capital_place,
    dateline_place,
    headline_place,
    home_country,
    main_country,
    most_specific,
    names_capital,
    new_incident,
    perpetrators,
    places,
    weapons,
)

__all__ = ["extract_casualties"]

NAME = "casualties"
_LOOK_AHEAD = 2  # sentences searched for the town of "in western India"
_MORE = re.compile(r"\s+(?:more|others|other\s+people)\b")
_VAGUE = re.compile(r"[a-z]s$|\bscores\b", re.IGNORECASE)
# The tolls a new one is compared with: the ones told nearest before it (an article
# restates a toll within a few paragraphs; the bound keeps a huge article linear).
_RECENT = 32
_RUNNING = re.compile(
    r"\b(?:ha(?:s|ve)|had)\s+(?:been\s+)?(?:\w+\s+){0,2}?(?:killed|died|wounded|injured)\b[^.;]*?"
    r"\b(?:in\s+the\s+(?:war|conflict|fighting|violence|crackdown|offensive|insurgency)|since"
    r"|so\s+far|to\s+date|in\s+total|overall)\b",
    re.IGNORECASE,
)
# "Thousands have been killed": a vague toll in the perfect, of no one incident, is a running one.
_VAGUE_PERFECT = re.compile(
    r"\b(?:thousands|hundreds|tens\s+of\s+thousands|hundreds\s+of\s+thousands)\s+"
    r"(?:of\s+[\w-]+\s+)?(?:have|has)\s+(?:been\s+)?(?:killed|died|wounded|injured)\b",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)  # "since Friday": a period's start
_LISTED_AFTER = re.compile(r"\s*(?:,|and|or)\s+(?:the\s+)?[A-Z]")
_LISTED_BEFORE = re.compile(r"[A-Z][\w'’-]*(?:,|\s+and|\s+or)\s+(?:the\s+)?$")
_WORD_REACH = 40
_STOP = re.compile(r"[.;!?](?=\s)")  # a full stop inside a quoted sentence of several
# A toll updated: the day next to it is when it was updated, not when the incident happened.
_UPDATED_BEFORE = re.compile(
    r"\b(?:raised|revised|updated|put|rose|risen|climbed|jumped|increased|grew|reached)\b"
    r"[^.;]{0,40}?\b(?:to|at)\s+$",
    re.IGNORECASE,
)
_UPDATE_REACH = 60
_JOIN_REACH = 2  # sentences back to the toll the other role of an incident joins
_DATE_REACH = 400  # characters from a figure to the date of its incident
_NEAR = 1.3  # how far above "at least N" (or below "nearly N") a restatement may lie
# "the toll rose to 23": a revised toll is another figure, never a restatement.
_REVISED = re.compile(
    r"\b(?:rose|risen|rising|climbed|jumped|increased|grew|reached|went\s+up|gone\s+up)"
    r"(?:\s+to)?\s+$",
    re.IGNORECASE,
)


@dataclass
class Report:
    """One toll as one sentence states it, with what the text says of its incident."""

    sentence: Segment
    figures: dict[str, Figure]
    evidence: list[Evidence]
    date: DateMention | None = None
    location: Place | None = None
    location_stated: bool = False
    perpetrators: list[PlaceMention | str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    other: bool = False  # the sentence tells of another incident ("in a separate attack")
    # The stretch of the sentence that is this toll's own, when the sentence holds several:
    # "The gunmen killed 11 in Dantakuri. One was killed and another injured in Barza."
    segment: tuple[int, int] | None = None


def extract_casualties(article: Article, analysis: Analysis) -> Iterator[Claim]:
    """One `casualty` claim per distinct toll the article reports."""
    if TRIGGER.search(analysis.body) is None:
        return
    merged: list[Report] = []
    first: Report | None = None
    # The report each sentence's last toll went into: "Five were killed. Another 20 were
    # injured." adds to the toll of the sentence before, wherever that toll was merged.
    last_of: dict[int, Report] = {}
    for sentence, reports in list(_reports(analysis)):  # read all first: look-aheads ask
        recent = merged[-_RECENT:]
        if _breakdown_of_earlier(reports, recent):
            continue  # "Two were shot dead while one was killed with a hoe", after "three killed"
        for report in reports:
            _place_and_time(analysis, report, first)
            if _part_of_earlier(report, recent):
                continue
            told = _told_just_before(analysis, sentence, last_of)
            if told is not None and not report.location_stated and _revises(analysis, told, report):
                # "27 were injured", then "later revising the injury count to 29": of one place
                report.location, report.date = told.location, report.date or told.date
            if told is not None and _completes_breakdown(analysis, told, report, merged):
                merged.pop()  # "killing 17 instantly. Eight others died later", of 25
                last_of.pop(told.sentence.start, None)
                recent = merged[-_RECENT:]
                continue
            if first is None and (report.location is not None or report.date is not None):
                first = report
            same = next((kept for kept in recent if _same_toll(analysis, kept, report)), None)
            if same is None and told is not None and _goes_on(analysis, told, report):
                same = told
            if same is None:
                merged.append(report)
                recent = merged[-_RECENT:]
                same = report
            else:
                _absorb(same, report)
            last_of[sentence.start] = same
    for report in merged:
        _refine_place(analysis, report)
        yield _claim(analysis, report)


def _reports(analysis: Analysis) -> Iterator[tuple[Segment, list[Report]]]:
    """The tolls of each sentence: a killed figure with the injured one stated beside it."""
    published = published_date(analysis)
    year = published.year if published is not None else None
    tolls: dict[int, bool] = analysis.layer("casualties.tolls", lambda a: {})
    for sentence in sentences_matching(analysis, TRIGGER):
        before = previous_sentence(analysis, sentence)
        if before is not None and about_illness(before.text):
            continue  # "... deaths from illicit drugs. That showed an increase from 88 deaths"
        found: list[Report] = []
        current: dict[str, Figure] = {}
        told = figures(sentence.text, sentence.start, year)
        tolls[sentence.start] = bool(told)
        for figure in told:
            if figure.role in current:
                found.append(_report(sentence, current))
                current = {}
            current[figure.role] = figure
        if current:
            found.append(_report(sentence, current))
        if len(found) > 1:
            _segments(sentence, found)
        if found:
            yield sentence, found


def _segments(sentence: Segment, found: list[Report]) -> None:
    """Give each toll of a sentence of several its own stretch: from the toll before it (or a
    full stop inside a quote) to the next toll (or the next full stop)."""
    text, base = sentence.text, sentence.start
    for i, report in enumerate(found):
        evidence = report.evidence[0]
        start = found[i - 1].evidence[0].end if i else base
        end = found[i + 1].evidence[0].start if i + 1 < len(found) else sentence.end
        stops = [m.end() + base for m in _STOP.finditer(text, start - base, evidence.start - base)]
        start = stops[-1] if stops else start
        after = _STOP.search(text, evidence.end - base, end - base)
        report.segment = (start, after.end() + base if after else end)


def _breakdown_of_earlier(reports: list[Report], recent: list[Report]) -> bool:
    """Whether a sentence's exact figures of one role add up to a toll told before.

    "Three persons were killed", then "Two persons were shot dead while one was killed".
    """
    if len(reports) < 2 or any(len(r.figures) != 1 for r in reports):
        return False
    roles = {role for r in reports for role in r.figures}
    counts = [f.count for r in reports for f in r.figures.values()]
    if len(roles) != 1 or any(c.low is None or c.low != c.high for c in counts):
        return False
    role, total = roles.pop(), sum(c.low or 0 for c in counts)
    return any(
        (f := kept.figures.get(role)) is not None and f.count.low == total == f.count.high
        for kept in recent
    )


def _report(sentence: Segment, found: dict[str, Figure]) -> Report:
    start = min(f.start for f in found.values())
    end = max(f.end for f in found.values())
    return Report(sentence, dict(found), [Evidence(start, end)])


def _place_and_time(analysis: Analysis, report: Report, first: Report | None) -> None:
    """Fill a report's place, date, perpetrators and weapons from its text or its context."""
    sentence = report.sentence
    other = _other(analysis, sentence)
    before = None if other else previous_sentence(analysis, sentence)
    report.location, report.location_stated = _own_location(analysis, report), True
    if _scene(analysis, sentence).running:
        # "more than 35,000 have been killed in the war": the running toll of a war or a
        # crackdown is of the country, with no one day.
        report.location = report.location or _scene(analysis, sentence).home
        report.location = report.location or main_country(analysis)
        report.location_stated, report.date, report.other = False, None, True
    else:
        if report.location is None:
            report.location_stated = False
            report.location = _place_from_context(analysis, sentence, before, first, other)
        report.date = _date(analysis, report, before, first, other)
        report.other = other
    report.perpetrators = _scene(analysis, sentence).perpetrators or (
        _scene(analysis, before).perpetrators if before is not None else []
    )
    report.weapons = _scene(analysis, sentence).weapons or (
        _scene(analysis, before).weapons if before else []
    )


def _place_from_context(
    analysis: Analysis,
    sentence: Segment,
    before: Segment | None,
    first: Report | None,
    other: bool,
) -> Place | None:
    """The place of a toll its own sentence does not name, from the incident's context."""
    told = _location(analysis, before) if before is not None else None
    told = told or _scene(analysis, sentence).home  # "the Burmese military": Myanmar
    # "in the Afghan capital", "in the capital" of the article's country (the article's
    # country read only when the sentence speaks of a capital it does not name).
    told = told or capital_place(sentence.text)
    if told is None and names_capital(sentence.text):
        home = main_country(analysis)
        told = capital_place(sentence.text, home.country if home is not None else None)
    if told is not None:
        return told
    if other:
        # "In another attack, 40 died": another incident, most often in the same country.
        return main_country(analysis)
    if before is None:
        told = _place_of_paragraph_before(analysis, sentence)
        if told is not None:
            return told
    if first is not None and first.location is not None:
        return first.location
    # "the death toll from a ferry accident has risen to 50", then where it sank; the
    # headline ("Stampede at temple in Deoghar kills 11"); the dateline: the most specific.
    ahead = _place_ahead(analysis, sentence, NAMED, of_incident=True)
    told_elsewhere = [headline_place(analysis), ahead, dateline_place(analysis)]
    found = most_specific([p for p in told_elsewhere if p is not None])
    return found or main_country(analysis)


class _Scene:
    """What one sentence names of an incident, read once however many tolls it holds, and
    each part only when asked (most sentences are asked for their place alone)."""

    def __init__(self, analysis: Analysis, sentence: Segment) -> None:
        self._analysis, self._sentence = analysis, sentence

    @cached_property
    def location(self) -> Place | None:
        return _read_location(self._analysis, self._sentence)

    @cached_property
    def perpetrators(self) -> list[PlaceMention | str]:
        return perpetrators(self._sentence.text)

    @cached_property
    def weapons(self) -> list[str]:
        return weapons(self._sentence.text)

    @cached_property
    def home(self) -> Place | None:
        """ "the Burmese military", "the people of Burma": Myanmar."""
        return home_country(self._sentence.text, self._sentence.start)

    @cached_property
    def running(self) -> bool:
        """ "have been killed in the war": a running toll."""
        text = self._sentence.text
        return _RUNNING.search(text) is not None or (
            _VAGUE_PERFECT.search(text) is not None
            and not names_incident(text.replace("killed", ""))  # an incident besides
        )


def _scene(analysis: Analysis, sentence: Segment) -> _Scene:
    scenes: dict[int, _Scene] = analysis.layer("casualties.scenes", lambda a: {})
    found = scenes.get(sentence.start)
    if found is None:
        found = scenes[sentence.start] = _Scene(analysis, sentence)
    return found


def _places(analysis: Analysis, sentence: Segment) -> list[Place]:
    """The places a sentence names (read once per sentence)."""
    found: dict[int, list[Place]] = analysis.layer("casualties.places", lambda a: {})
    if sentence.start not in found:
        found[sentence.start] = places(sentence.text, sentence.start)
    return found[sentence.start]


def _aggregate(analysis: Analysis, sentence: Segment) -> bool:
    """Whether a sentence tells a total over several incidents (read once per sentence)."""
    found: dict[int, bool] = analysis.layer("casualties.aggregate", lambda a: {})
    if sentence.start not in found:
        found[sentence.start] = aggregate(sentence.text)
    return found[sentence.start]


def _has_toll(analysis: Analysis, sentence: Segment) -> bool:
    """Whether a sentence states a toll of its own (read once per sentence)."""
    found: dict[int, bool] = analysis.layer("casualties.tolls", lambda a: {})
    return found.get(sentence.start, False)  # filled by `_reports` for every toll sentence


def _other(analysis: Analysis, sentence: Segment) -> bool:
    """Whether a sentence tells of another incident (read once per sentence)."""
    found: dict[int, bool] = analysis.layer("casualties.other", lambda a: {})
    if sentence.start not in found:
        found[sentence.start] = new_incident(sentence.text)
    return found[sentence.start]


def _location(analysis: Analysis, sentence: Segment) -> Place | None:
    return _scene(analysis, sentence).location


def _own_location(analysis: Analysis, report: Report) -> Place | None:
    """The place of a toll: of its own stretch when its sentence holds several tolls."""
    sentence = report.sentence
    if report.segment is not None:
        start, end = report.segment
        found = [p for p in _places(analysis, sentence) if start <= p.start < end]
        mine = most_specific(found)
        if mine is not None:
            return mine
    return _location(analysis, sentence)


def _read_location(analysis: Analysis, sentence: Segment) -> Place | None:
    """The most specific place a sentence names; for "in Kora state", the village named next."""
    best = most_specific(_places(analysis, sentence))
    if best is None or best.rank >= SMALL or _aggregate(analysis, sentence):
        return best  # "killed 16 in separate attacks in Katsina state": no one village
    # After "western India" any part of India will do; after "Kora state", a town or village;
    # after "a quake struck Pakistan", a region the next sentences tell of the quake.
    whole_country = best.country is not None and not best.partial
    wanted = best.rank + 1 if best.country is not None else max(best.rank + 1, NAMED)
    ahead = _place_ahead(analysis, sentence, wanted, whole_country, deaths=whole_country)
    return ahead or best


def _refine_place(analysis: Analysis, report: Report) -> None:
    """Give an incident placed in a whole country or region the more specific place that the
    sentences telling it name, read at the level of the incident once its tolls are merged.

    "A bus veered off a bridge in southwest China, leaving 18 dead", then "News photos show
    the wreckage ... in Guiding": Guiding. A sentence right after one of the incident's own
    counts when it names the incident or lies between two of them; another toll or another
    incident ends the search, and a sentence naming several places of one rank gives none.
    """
    place = report.location
    if report.other or (place is not None and place.rank > REGION):
        return
    if _aggregate(analysis, report.sentence):
        return
    found = event_sentences(analysis)
    own = sorted({sentence_index(analysis, e.start) for e in report.evidence})
    for index in own:
        for later in found[index + 1 : index + 1 + _LOOK_AHEAD]:
            mine = sentence_index(analysis, later.start) in own
            if not mine and (_other(analysis, later) or _has_toll(analysis, later)):
                break
            inside = any(i > index for i in own)
            if mine or not (inside or names_incident(later.text)):
                continue
            better = _single_most_specific(_places(analysis, later), later)
            if better is not None and better.rank > (place.rank if place else -1):
                report.location = better
                return


def _single_most_specific(found: list[Place], sentence: Segment) -> Place | None:
    """The most specific place, unless it is one of several named together ("the A and B
    districts", "the A, B and C villages")."""
    best = most_specific([p for p in found if p.rank > SPOKEN])
    if best is None:
        return None
    text, base = sentence.text, sentence.start
    after = _LISTED_AFTER.match(text, best.end - base)
    before = _LISTED_BEFORE.search(text, max(0, best.start - base - _WORD_REACH), best.start - base)
    return None if after or before else best


def _place_of_paragraph_before(analysis: Analysis, sentence: Segment) -> Place | None:
    """The place of the sentence before, across a paragraph break, when it tells the incident.

    "A suicide bomber struck a market in Maiduguri on Sunday." / "At least 12 people were
    killed, police said." (news paragraphs of one sentence each).
    """
    index = sentence_index(analysis, sentence.start)
    if index == 0:
        return None
    prior = event_sentences(analysis)[index - 1]
    if _other(analysis, prior) or not names_incident(prior.text) or _has_toll(analysis, prior):
        return None
    return _location(analysis, prior)


def _place_ahead(
    analysis: Analysis, sentence: Segment, wanted: int, of_incident: bool, deaths: bool = False
) -> Place | None:
    """A place of at least rank `wanted` in the next sentences of the same incident.

    `of_incident`: only from sentences that name the incident ("the ferry went down ...
    after leaving Ormoc City"); `deaths`: that also speak of its dead ("the deaths from
    Saturday's disaster occurred in Kashmir"), not any sentence that follows.
    """
    index = sentence_index(analysis, sentence.start)
    for later in event_sentences(analysis)[index + 1 : index + 1 + _LOOK_AHEAD]:
        if _other(analysis, later):
            break
        if _has_toll(analysis, later):
            break  # the next toll, of its own incident
        if of_incident and not names_incident(later.text):
            continue
        if deaths and not TRIGGER.search(later.text):
            continue  # "Most of the deaths from Saturday's disaster occurred in Kashmir"
        town = _single_most_specific(_places(analysis, later), later)
        if town is not None and town.rank >= wanted:
            return town
    return None


def _date(
    analysis: Analysis,
    report: Report,
    before: Segment | None,
    first: Report | None,
    other: bool,
) -> DateMention | None:
    """The incident's date: in the sentence, else the one before, else the first incident's."""
    sentence = report.sentence
    anchor = min(f.count.start for f in report.figures.values())
    # The date nearest the figure, within reach of it (a sentence may be very long).
    low, high = max(sentence.start, anchor - _DATE_REACH), min(sentence.end, anchor + _DATE_REACH)
    stated = nearest_date(analysis, low, high, anchor)
    if stated is not None and _updated(analysis, report):
        stated = None  # "raised the death toll to 18 on Thursday": the day of the update
    if stated is not None or other:
        return stated
    if before is not None:
        earlier = nearest_date(analysis, before.start, before.end, before.end)
        if earlier is not None:
            return earlier
    if first is not None and (first.date is not None or report.location_stated):
        if report.location_stated and not _same_incident(report.location, first):
            return None
        return first.date
    # "Ukraine reported on Monday that drone strikes ... injured 62": with no date of the
    # incident anywhere, the day it was reported is the nearest one the text gives.
    ahead = _date_ahead(analysis, sentence)
    return ahead or incident_date(analysis) or _report_day(analysis, low, high, anchor)


def _updated(analysis: Analysis, report: Report) -> bool:
    """Whether a toll is told as updated: "raised the death toll to 18", "the toll rose to 25"."""
    body = analysis.body
    return any(
        _UPDATED_BEFORE.search(body, max(0, f.count.start - _UPDATE_REACH), f.count.start)
        for f in report.figures.values()
    )


def _date_ahead(analysis: Analysis, sentence: Segment) -> DateMention | None:
    """The incident's date in the next sentences that tell of it, before another toll.

    "Three people died after a train derailed, police said on Monday", then "The train came
    off the tracks near Riedlingen on Sunday afternoon".
    """
    index = sentence_index(analysis, sentence.start)
    for later in event_sentences(analysis)[index + 1 : index + 1 + _LOOK_AHEAD]:
        if _other(analysis, later) or _has_toll(analysis, later):
            return None
        found = nearest_date(analysis, later.start, later.end, later.start)
        if found is not None:
            return found
    return None


def _report_day(analysis: Analysis, start: int, end: int, anchor: int) -> DateMention | None:
    """The dated mention nearest `anchor` in `start..end`, of whatever it is the date."""
    body = analysis.body
    days = [
        m
        for m in dates_between(analysis, start, end)
        if m.value is not None and not _SINCE.search(body, max(0, m.start - 8), m.start)
    ]
    return min(days, key=lambda m: abs(m.start - anchor), default=None)


def _same_place(a: Place | None, b: Place | None) -> bool:
    return a is not None and b is not None and a.name == b.name


def _same_incident(place: Place | None, first: Report) -> bool:
    """Whether a place is the first incident's, or one its account names.

    "a storm that struck Peru and Chile", then "Chile reported 12 killed".
    """
    if _same_place(place, first.location):
        return True
    return place is not None and place.name in first.sentence.text


def _told_just_before(
    analysis: Analysis, sentence: Segment, last_of: dict[int, Report]
) -> Report | None:
    """The toll of one of the two sentences before, wherever it was merged.

    News paragraphs are often one sentence: "Gunmen killed 23 villagers ...", then "The
    attackers arrived on motorcycles ...", then "Six other people were wounded".
    """
    found = event_sentences(analysis)
    index = sentence_index(analysis, sentence.start)
    for earlier in reversed(found[max(0, index - _JOIN_REACH) : index]):
        if earlier.start in last_of:
            return last_of[earlier.start]
    return None


def _goes_on(analysis: Analysis, kept: Report, new: Report) -> bool:
    """Whether `new` adds the other role to the toll just before it.

    "A gunman opened fire, killing three. At least fifteen more were injured."
    """
    if set(kept.figures) & set(new.figures) or len(new.figures) != 1:
        return False
    if _other(analysis, new.sentence):
        return False  # "A second strike on the city wounded 33 more people"
    if _elsewhere(analysis, kept, new):
        return False  # "In a separate statement, the Odesa governor said one was killed"
    figure = next(iter(new.figures.values()))
    if _MORE.match(analysis.body, figure.count.end) is not None:
        return True
    # "Five were killed. Another 20 were injured.": the next sentence, of the same incident.
    return not _other(analysis, new.sentence) and _same_scene(analysis, kept, new)


def _elsewhere(analysis: Analysis, kept: Report, new: Report) -> bool:
    """Whether a report names a place of its own that is not the place of the toll before."""
    if not new.location_stated or kept.location is None:
        return False
    same = _same_place(kept.location, new.location)
    return not same and not _inside_place(analysis, kept, new)


def _same_scene(analysis: Analysis, kept: Report, new: Report) -> bool:
    """Whether two reports give no different day and no different stated place."""
    kept_day = kept.date.value if kept.date else None
    new_day = new.date.value if new.date else None
    if kept_day is not None and new_day is not None and kept_day != new_day:
        return False
    if not (kept.location_stated and new.location_stated):
        return True
    return _same_place(kept.location, new.location) or _inside_place(analysis, kept, new)


def _inside_place(analysis: Analysis, kept: Report, new: Report) -> bool:
    """Whether one report's place lies inside the other's, as the text tells.

    "killed in Bihar's Jehanabad district", then "in Barabar Pahadi area of Jehanabad": the
    more specific sentence names the other place too; "in southwest China", then "Guiding
    county": a place of the article's main country.
    """
    a, b = kept.location, new.location
    if a is None or b is None or a.rank == b.rank:
        return False
    wide, narrow = (a, new) if a.rank < b.rank else (b, kept)
    if wide.name in narrow.sentence.text:
        return True
    home = main_country(analysis)
    return wide.rank == COUNTRY and home is not None and wide.name == home.name


def _revises(analysis: Analysis, told: Report, new: Report) -> bool:
    """Whether a toll updates the toll told just before it (same role, an updating verb)."""
    return bool(set(told.figures) & set(new.figures)) and _updated(analysis, new)


def _completes_breakdown(
    analysis: Analysis, told: Report, new: Report, merged: list[Report]
) -> bool:
    """Whether a toll and the "others" of the next sentence are parts of a toll told before.

    "25 people were killed", then "killing 17 people instantly" and "Eight others died on the
    way to hospital": 17 and 8 are the 25 told again in parts, no tolls of their own.
    """
    if not merged or merged[-1] is not told or len(told.evidence) != 1:
        return False  # the part must stand alone, just told
    if len(told.figures) != 1 or set(told.figures) != set(new.figures):
        return False
    (role, part), (_, rest) = next(iter(told.figures.items())), next(iter(new.figures.items()))
    if _MORE.match(analysis.body, rest.count.end) is None:
        return False
    counts = (part.count, rest.count)
    if any(c.low is None or c.low != c.high for c in counts):
        return False
    total = (part.count.low or 0) + (rest.count.low or 0)
    return any(
        (f := kept.figures.get(role)) is not None and f.count.low == total == f.count.high
        for kept in merged[-_RECENT - 1 : -1]
    )


def _part_of_earlier(report: Report, merged: list[Report]) -> bool:
    """A group of an earlier toll told of again: "the two kids had serious injuries".

    "... left 16 injured, including two children", then "the two kids had serious injuries".
    """
    if not all(f.definite for f in report.figures.values()) or report.other:
        return False
    for role, figure in report.figures.items():
        low = figure.count.low
        if low is None or not any(_larger(kept, role, low) for kept in merged):
            return False
    return True


def _larger(kept: Report, role: str, low: int) -> bool:
    figure = kept.figures.get(role)
    return figure is not None and figure.count.low is not None and figure.count.low > low


def _vague(count: Count) -> bool:
    return _VAGUE.search(count.text) is not None


def _same_figure(a: Count, b: Count, revised: bool) -> bool:
    """Two counts state the same figure: "at least 12" and "twelve" both start at 12.

    A bound and an exact figure inside it are one figure told with two precisions ("more
    than 20" in the lead, "23" later), unless the later one revises the toll ("rose to 23").
    """
    for vague, exact in ((a, b), (b, a)):
        # "wounding dozens", then "35 wounded": the same figure told more exactly.
        if _vague(vague) and not _vague(exact) and vague.low is not None and exact.low is not None:
            return exact.low >= vague.low and (vague.high is None or exact.low <= vague.high)
    if a.low is not None and b.low is not None and a.low == b.low:
        return True
    if a.high is not None and a.high == b.high:
        return True
    return not revised and (_inside(a, b) or _inside(b, a) or _near_minimums(a, b))


def _near_minimums(a: Count, b: Count) -> bool:
    """Two near lower bounds of one toll: "killed over 300", then "at least 304 were killed"."""
    if a.low is None or b.low is None or a.high is not None or b.high is not None:
        return False
    low, high = sorted((a.low, b.low))
    return high <= low * _NEAR + 1


def _inside(bound: Count, exact: Count) -> bool:
    """Whether an exact count lies near inside a one-sided bound: 23 inside "more than 20".

    Near: a restatement is close to its bound; "at least 12" and, later, "40 died in
    various attacks" are two tolls.
    """
    if exact.low is None or exact.low != exact.high or (bound.low is None) == (bound.high is None):
        return False
    if bound.low is not None:
        return bound.low <= exact.low <= bound.low * _NEAR + 1
    return bound.high is not None and bound.high / _NEAR - 1 <= exact.low <= bound.high


def _narrower(a: Count, b: Count) -> bool:
    """Whether `b` tells the figure more exactly than `a`: "23" after "more than 20".

    The same number told again exactly is the most precise bounds too ("at least 12",
    then "Police confirmed 12 deaths": 12).
    """
    if a.low is not None and a.high is not None:
        return False
    if b.low is not None and b.low == b.high:
        return True
    # "over 300", then "at least 304": the higher minimum is the more precise.
    return a.high is None and b.high is None and (b.low or 0) > (a.low or 0)


def _same_toll(analysis: Analysis, kept: Report, new: Report) -> bool:
    """Whether `new` restates `kept`: the same figures, and no other date or place.

    A total over several incidents ("a series of strikes on Kharkiv and Odesa injured 62")
    is a figure of its own beside each incident's toll, even when the numbers agree.
    """
    common = set(kept.figures) & set(new.figures)
    if not common or _aggregate(analysis, kept.sentence) != _aggregate(analysis, new.sentence):
        return False
    # Told with another precision, the toll must be of one place: "exceeded 100" at the base
    # and "150 security forces ... killed" in Ghazni are two tolls.
    revised = not _same_place(kept.location, new.location)
    for role in common:
        count = new.figures[role].count
        before = max(0, count.start - 30)
        again = revised or _REVISED.search(analysis.body, before, count.start) is not None
        again = again or _updated(analysis, new)  # "officials raised the death toll to 20"
        if not _same_figure(kept.figures[role].count, count, again):
            return False
    exact = [
        r for r in common if not _vague(kept.figures[r].count) and not _vague(new.figures[r].count)
    ]
    if not exact:
        return False  # "killed dozens" and "killed 101" are different tolls
    return _same_scene(analysis, kept, new)


def _absorb(kept: Report, new: Report) -> None:
    """Merge a restatement into the report it restates."""
    kept.evidence.extend(new.evidence)  # sorted once, when the claim is made
    for role, figure in new.figures.items():
        held = kept.figures.get(role)
        if held is not None and (_vague(held.count) or _narrower(held.count, figure.count)):
            kept.figures[role] = figure  # the exact figure replaces "dozens", "more than 20"
        kept.figures.setdefault(role, figure)
    if kept.date is None or kept.date.value is None:
        kept.date = new.date if new.date is not None and new.date.value else kept.date
    if kept.location is None or (
        new.location is not None and new.location_stated and new.location.rank > kept.location.rank
    ):
        kept.location = new.location  # "in Jehanabad district", then "in Barabar Pahadi area"
    kept.perpetrators = kept.perpetrators or new.perpetrators
    kept.weapons = kept.weapons or new.weapons


def _claim(analysis: Analysis, report: Report) -> Claim:
    """The `casualty` claim of a report."""
    properties: dict[str, Any] = {}
    for role in (KILLED, INJURED):
        if role in report.figures:
            properties[role] = _quantity(report.figures[role].count)
    if report.date is not None and report.date.value is not None:
        properties["date"] = report.date.value.isoformat()
    if report.location is not None:
        properties["location"] = _place_ref(analysis, report.location)
    refs = _unique([_perpetrator_ref(analysis, p) for p in report.perpetrators])
    if refs:
        properties["perpetrator"] = refs
    if report.weapons:
        properties["weapon"] = list(report.weapons)
    return Claim(
        claim_type="casualty",
        text=report.sentence.text.strip(),
        evidence=sorted(set(report.evidence)),
        confidence=0.8 if report.location is not None else 0.7,
        extractor=NAME,
        properties=properties,
    )


def _quantity(count: Count) -> dict[str, Any]:
    """A count as a schema.org QuantitativeValue with its bounds."""
    value: dict[str, Any] = {"@type": "QuantitativeValue"}
    if count.low is not None:
        value["minValue"] = count.low
    if count.high is not None:
        value["maxValue"] = count.high
    return value


def _place_ref(analysis: Analysis, place: Place) -> Ref:
    if place.country is not None:
        return analysis.entities.add("Country", place.country.name).ref
    return analysis.entities.add("Place", place.name).ref


def _perpetrator_ref(analysis: Analysis, who: PlaceMention | str) -> Ref:
    if isinstance(who, str):
        known = organization_for(who)
        return analysis.entities.add("Organization", known.name if known else who).ref
    if who.country is None:
        return analysis.entities.add("Organization", who.text).ref
    return analysis.entities.add("Country", who.country.name).ref


def _unique(refs: list[Ref]) -> list[Ref]:
    return list(dict.fromkeys(refs))


@hookimpl
def register_claim_types(register: Callable[[ClaimType], None]) -> None:
    """The `casualty` claim type."""
    register(claim_type_from_file("casualty"))


@hookimpl
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """The `casualties` extractor."""
    register(
        Extractor(
            name=NAME,
            extract=extract_casualties,
            claim_types=("casualty",),
            description="Tolls of the killed and injured, with date, place, perpetrator, weapon.",
        )
    )
