"""Find arrests in an article: "Police arrested 12 people in Gdańsk on Monday."

One claim per sentence that reports people arrested or detained, with a
count. The counts, dates and entities come from newsld's own reading
(`find_counts`, `find_dates`, the shared `mentions` layer), so this module only
finds the verb and decides which count, place, date and authority go with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newsld import Analysis, Article, Claim, Entity, Evidence
from newsld.text.dates import NO_REFERENCE, NO_YEAR, find_dates, parse_iso_date
from newsld.text.entities import mentions
from newsld.text.numbers import find_counts
from newsld.text.segment import Segment

__all__ = ["find_arrests"]

_VERB = re.compile(
    r"\b(?:arrested|detained|apprehended|rounded up|taken into custody|arrests)\b", re.IGNORECASE
)
# "12 people were arrested", "were later detained": the count stands before the verb.
_PASSIVE = re.compile(r"\b(?:was|were|been|being|be)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "were not arrested", "never detained": no arrest to report.
_NEGATED = re.compile(r"\b(?:not|never|no)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "arrested a man": one person, which newsld's counts do not read from "a".
_ONE_PERSON = re.compile(
    r"\s+an?\s+(?:\w+\s+)?(?:man|woman|person|suspect|teenager|boy|girl|student|journalist)\b"
)
# Who arrests, when no named organisation does: "Police", "riot police", "the authorities".
_FORCE = re.compile(
    r"\b(?:(?:the|local|riot|border|state|federal|military|secret)\s+)?"
    r"(?:police(?:\s+officers)?|authorities|security forces|border guards|officers|soldiers|"
    r"troops|agents|gendarmes)\b",
    re.IGNORECASE,
)
_BY = re.compile(r"\s+by\s+", re.IGNORECASE)
# "in Gdańsk", "near the border town of ...": a place the arrest happened at.
_LOCATIVE = re.compile(r"\b(?:in|near|outside|across|around|at|throughout)\s+(?:the\s+)?$")
_IN_NAME = re.compile(r"\b(?:in|near|outside)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_NOT_PLACES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)
_NEAR = 40  # how far from the verb its count may stand, in characters


@dataclass(frozen=True)
class _Verb:
    """The arrest verb of a sentence, with offsets into the body."""

    start: int
    end: int
    passive: bool
    noun: bool  # "made 30 arrests"


def find_arrests(article: Article, analysis: Analysis) -> Iterator[Claim]:
    """One `arrest` claim per sentence that reports people arrested, with a count."""
    published = parse_iso_date(article.date_published) if article.date_published else None
    for sentence in analysis.sentences:
        verb = _verb(sentence)
        if verb is None:
            continue
        arrested = _count(analysis.body, sentence, verb)
        if arrested is None:
            continue
        yield _claim(analysis, sentence, verb, arrested, published)


def _claim(
    analysis: Analysis,
    sentence: Segment,
    verb: _Verb,
    arrested: dict[str, Any],
    published: dt.date | None,
) -> Claim:
    authority = _authority(analysis, sentence, verb)
    place = _place(analysis, sentence, authority)
    date = _date(analysis, sentence, published)
    properties: dict[str, Any] = {"arrested": arrested}
    if place is not None:
        properties["arrestLocation"] = place.ref
    if date is not None:
        properties["arrestDate"] = date
    if authority is not None:
        properties["arrestingAuthority"] = authority[0].ref
    # Each part the sentence names makes the reading surer: 0.6 for the bare count, up to 0.9.
    confidence = 0.6 + 0.1 * sum(x is not None for x in (authority, place, date))
    return Claim(
        claim_type="arrest",
        text=sentence.text,
        evidence=[Evidence(sentence.start, sentence.end)],
        confidence=round(confidence, 2),
        extractor="arrests",
        properties=properties,
    )


def _verb(sentence: Segment) -> _Verb | None:
    """The first arrest verb of the sentence that is not negated."""
    for match in _VERB.finditer(sentence.text):
        before = sentence.text[: match.start()]
        if _NEGATED.search(before):
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        noun = match.group().lower() == "arrests"
        return _Verb(start, end, bool(_PASSIVE.search(before)), noun)
    return None


def _count(body: str, sentence: Segment, verb: _Verb) -> dict[str, Any] | None:
    """How many were arrested, as a QuantitativeValue: the count next to the verb."""
    counts = find_counts(sentence.text)
    offset = sentence.start
    if verb.passive or verb.noun:
        near = [c for c in counts if 0 <= verb.start - (offset + c.end) <= _NEAR]
        chosen = near[-1] if near else None
    else:
        near = [c for c in counts if 0 <= (offset + c.start) - verb.end <= _NEAR]
        chosen = near[0] if near else None
    if chosen is None:
        single = not (verb.passive or verb.noun) and _ONE_PERSON.match(body, verb.end)
        return {"@type": "QuantitativeValue", "minValue": 1, "maxValue": 1} if single else None
    bounds = {"minValue": chosen.low, "maxValue": chosen.high}
    return {"@type": "QuantitativeValue", **{k: v for k, v in bounds.items() if v is not None}}


def _authority(
    analysis: Analysis, sentence: Segment, verb: _Verb
) -> tuple[Entity, int, int] | None:
    """Who made the arrests, with the span naming them: the subject, or the agent after "by"."""
    body = analysis.body
    if verb.passive:
        by = _BY.match(body, verb.end)
        if by is None:
            return None
        start, end = by.end(), sentence.end
    else:
        start, end = sentence.start, verb.start
    named = [
        m
        for m in mentions(analysis).between(start, end)
        if m.kind == "organization" and m.entity is not None
    ]
    if named:
        chosen = named[0] if verb.passive else named[-1]
        assert chosen.entity is not None
        return chosen.entity, chosen.start, chosen.end
    forces = list(_FORCE.finditer(body, start, end))
    if not forces:
        return None
    force = forces[0] if verb.passive else forces[-1]
    name = re.sub(r"^the\s+", "", force.group(), flags=re.IGNORECASE)
    entity = analysis.entities.add("Organization", name[0].upper() + name[1:])
    return entity, force.start(), force.end()


def _place(
    analysis: Analysis, sentence: Segment, authority: tuple[Entity, int, int] | None
) -> Entity | None:
    """Where: a place named after "in", "near"..., else the first place the sentence names."""
    body = analysis.body
    skip = (authority[1], authority[2]) if authority else (-1, -1)
    places = [
        m
        for m in mentions(analysis).between(sentence.start, sentence.end)
        if m.kind in ("place", "country")
        and m.entity is not None
        and not skip[0] <= m.start < skip[1]
    ]
    located = [m for m in places if _LOCATIVE.search(body, max(0, m.start - 20), m.start)]
    for mention in located or places:
        return mention.entity
    # A place newsld's reading does not know yet: a capitalised name after "in".
    for match in _IN_NAME.finditer(sentence.text):
        if match.group(1).split()[0] not in _NOT_PLACES:
            return analysis.entities.add("Place", match.group(1))
    return None


def _date(analysis: Analysis, sentence: Segment, published: dt.date | None) -> str | None:
    """When: the first date the sentence fixes; one it cannot fix is left out, with a warning."""
    for mention in find_dates(sentence.text, published):
        if mention.value is not None:
            return mention.value.isoformat()
        if mention.reason in (NO_YEAR, NO_REFERENCE):
            analysis.warn(f"arrests: the date {mention.text!r} is left out: {mention.reason}")
    return None
