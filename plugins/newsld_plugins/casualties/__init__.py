"""The `casualties` extractor: tolls of violence, accidents and disasters, as `casualty` claims.

Each sentence that states a toll gives one report per incident figure
(`figures`): killed and injured as bounds, "at least 44" as a minimum. A
report's date, place, perpetrator and weapons come from its own sentence;
where the sentence does not give them ("Dozens died in the attack"), from
the sentence before it in the paragraph, then from the article's first
incident, unless the sentence tells of another incident ("in another
incident", "last week"). A toll restated later ("Twelve people were
killed", after "At least 12 people were killed") is the same claim with one
more evidence span; a revised or different toll is a claim of its own. The injured stated in the
sentence after the killed ("Five were killed. Another 20 were injured.") join
that toll; a group of a toll told of again ("the two kids had serious
injuries") is no toll.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsld import hookimpl
from newsld.analysis import Analysis
from newsld.model import Article, Claim, Evidence, Ref
from newsld.registry import ClaimType, Extractor
from newsld.schema import claim_type_from_file
from newsld.text.dates import DateMention
from newsld.text.events import (
    event_sentences,
    incident_date,
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
    NAMED,
    SMALL,
    Place,
    main_country,
    most_specific,
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


def extract_casualties(article: Article, analysis: Analysis) -> Iterator[Claim]:
    """One `casualty` claim per distinct toll the article reports."""
    if TRIGGER.search(analysis.body) is None:
        return
    merged: list[Report] = []
    first: Report | None = None
    for report in _reports(analysis):
        _place_and_time(analysis, report, first)
        if _part_of_earlier(report, merged):
            continue
        if first is None and (report.location is not None or report.date is not None):
            first = report
        same = next((kept for kept in merged if _same_toll(kept, report)), None)
        if same is None and merged and _goes_on(analysis, merged[-1], report):
            same = merged[-1]
        if same is None:
            merged.append(report)
        else:
            _absorb(same, report)
    for report in merged:
        yield _claim(analysis, report)


def _reports(analysis: Analysis) -> Iterator[Report]:
    """The tolls of each sentence: a killed figure with the injured one stated beside it."""
    published = published_date(analysis)
    year = published.year if published is not None else None
    for sentence in sentences_matching(analysis, TRIGGER):
        before = previous_sentence(analysis, sentence)
        if before is not None and about_illness(before.text):
            continue  # "... deaths from illicit drugs. That showed an increase from 88 deaths"
        current: dict[str, Figure] = {}
        for figure in figures(sentence.text, sentence.start, year):
            if figure.role in current:
                yield _report(sentence, current)
                current = {}
            current[figure.role] = figure
        if current:
            yield _report(sentence, current)


def _report(sentence: Segment, found: dict[str, Figure]) -> Report:
    start = min(f.start for f in found.values())
    end = max(f.end for f in found.values())
    return Report(sentence, dict(found), [Evidence(start, end)])


def _place_and_time(analysis: Analysis, report: Report, first: Report | None) -> None:
    """Fill a report's place, date, perpetrators and weapons from its text or its context."""
    sentence = report.sentence
    other = new_incident(sentence.text)
    before = None if other else previous_sentence(analysis, sentence)
    report.location, report.location_stated = _location(analysis, sentence), True
    if report.location is None:
        report.location_stated = False
        if before is not None:
            report.location = _location(analysis, before)
        if report.location is None and not other:
            report.location = first.location if first is not None else main_country(analysis)
    report.date = _date(analysis, report, before, first, other)
    report.perpetrators = perpetrators(sentence.text) or (
        perpetrators(before.text) if before is not None else []
    )
    report.weapons = weapons(sentence.text) or (weapons(before.text) if before else [])


def _location(analysis: Analysis, sentence: Segment) -> Place | None:
    """The most specific place a sentence names; for "in Kora state", the village named next."""
    best = most_specific(places(sentence.text, sentence.start))
    if best is None or best.rank >= SMALL or (best.country is not None and not best.partial):
        return best
    # After "western India" any part of India will do; after "Kora state", a town or village.
    wanted = best.rank + 1 if best.country is not None else max(best.rank + 1, NAMED)
    index = sentence_index(analysis, sentence.start)
    for later in event_sentences(analysis)[index + 1 : index + 1 + _LOOK_AHEAD]:
        if new_incident(later.text):
            break
        town = most_specific(places(later.text, later.start))
        if town is not None and town.rank >= wanted:
            return town
    return best


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
    stated = nearest_date(analysis, sentence.start, sentence.end, anchor)
    if stated is not None or other:
        return stated
    if before is not None:
        earlier = nearest_date(analysis, before.start, before.end, before.end)
        if earlier is not None:
            return earlier
    if first is not None:
        if report.location_stated and not _same_incident(report.location, first):
            return None
        return first.date
    return incident_date(analysis)


def _same_place(a: Place | None, b: Place | None) -> bool:
    return a is not None and b is not None and a.name == b.name


def _same_incident(place: Place | None, first: Report) -> bool:
    """Whether a place is the first incident's, or one its account names.

    "a storm that struck Peru and Chile", then "Chile reported 12 killed".
    """
    if _same_place(place, first.location):
        return True
    return place is not None and place.name in first.sentence.text


def _goes_on(analysis: Analysis, kept: Report, new: Report) -> bool:
    """Whether `new` adds the other role to the toll just before it.

    "A gunman opened fire, killing three. At least fifteen more were injured."
    """
    if set(kept.figures) & set(new.figures) or len(new.figures) != 1:
        return False
    if previous_sentence(analysis, new.sentence) != kept.sentence:
        return False
    if new_incident(new.sentence.text):
        return False  # "A second strike on the city wounded 33 more people"
    figure = next(iter(new.figures.values()))
    if _MORE.match(analysis.body, figure.count.end) is not None:
        return True
    # "Five were killed. Another 20 were injured.": the next sentence, of the same incident.
    return not new_incident(new.sentence.text) and _same_scene(kept, new)


def _same_scene(kept: Report, new: Report) -> bool:
    """Whether two reports give no different day and no different stated place."""
    kept_day = kept.date.value if kept.date else None
    new_day = new.date.value if new.date else None
    if kept_day is not None and new_day is not None and kept_day != new_day:
        return False
    both_stated = kept.location_stated and new.location_stated
    return not (both_stated and not _same_place(kept.location, new.location))


def _part_of_earlier(report: Report, merged: list[Report]) -> bool:
    """A group of an earlier toll told of again: "the two kids had serious injuries".

    "... left 16 injured, including two children", then "the two kids had serious injuries".
    """
    if not all(f.definite for f in report.figures.values()) or new_incident(report.sentence.text):
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


def _same_figure(a: Count, b: Count) -> bool:
    """Two counts state the same figure: "at least 12" and "twelve" both start at 12."""
    for vague, exact in ((a, b), (b, a)):
        # "wounding dozens", then "35 wounded": the same figure told more exactly.
        if _vague(vague) and not _vague(exact) and vague.low is not None and exact.low is not None:
            return exact.low >= vague.low and (vague.high is None or exact.low <= vague.high)
    if a.low is not None and b.low is not None:
        return a.low == b.low
    return a.high == b.high


def _same_toll(kept: Report, new: Report) -> bool:
    """Whether `new` restates `kept`: the same figures, and no other date or place."""
    common = set(kept.figures) & set(new.figures)
    if not common:
        return False
    if not all(_same_figure(kept.figures[r].count, new.figures[r].count) for r in common):
        return False
    exact = [
        r for r in common if not _vague(kept.figures[r].count) and not _vague(new.figures[r].count)
    ]
    if not exact:
        return False  # "killed dozens" and "killed 101" are different tolls
    return _same_scene(kept, new)


def _absorb(kept: Report, new: Report) -> None:
    """Merge a restatement into the report it restates."""
    kept.evidence = sorted(set(kept.evidence) | set(new.evidence))
    for role, figure in new.figures.items():
        if role in kept.figures and _vague(kept.figures[role].count):
            kept.figures[role] = figure  # the exact figure replaces "dozens"
        kept.figures.setdefault(role, figure)
    if kept.date is None or kept.date.value is None:
        kept.date = new.date if new.date is not None and new.date.value else kept.date
    kept.location = kept.location or new.location
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
        evidence=report.evidence,
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
