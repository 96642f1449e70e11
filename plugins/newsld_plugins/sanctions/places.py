"""The names of states and blocs a sanctions sentence holds, and what they stand for.

The gazetteer's countries, capitals, demonyms and organisations, with the stand-ins
it does not list as authorities: "Brussels" for the European Union, "the bloc" for
the bloc the article names most (the European Union unless another is named more:
"ECOWAS lifted ... The subregional bloc also lifted"); ECOWAS, the African Union,
the Arab League, ASEAN, the OAS and the GCC as blocs of their own, by their full
names with the acronym as another name; "the Council" for the UN's Security
Council when the article names it, else for the EU's; "the administration" for
the state whose government bodies the article names most ("Congress", "the
Treasury"), else the United States. A country that opens a longer name is part
of it ("China Concord Petroleum Company", "the Minsk Agreements"), no place.

Places are kept sorted by offset and found by bisection.
"""

from __future__ import annotations

import bisect
import re

from newsld.analysis import Analysis
from newsld.text.gazetteer import (
    Country,
    Organization,
    PlaceMention,
    body_places,
    country_for,
)
from newsld.text.segment import Segment
from newsld_plugins.sanctions.statement import Party

__all__ = [
    "BLOC_ACRONYMS",
    "GOVERNMENT_BODY",
    "LIST_JOINT",
    "authority_party",
    "countries_by_mentions",
    "ending_in",
    "home_country",
    "sentence_places",
    "starting_in",
]

# Names that stand for an authority the gazetteer does not list as such: "Brussels" and
# "the bloc" for the European Union ("sanctions first imposed by Brussels"), "the
# administration" for the state whose government the article speaks of.
_STAND_INS = re.compile(
    r"\b(?P<eu>Brussels|[Tt]he\s+(?:[\w-]+\s+)?bloc)\b(?!\s+of\b)"
    r"|\b(?P<bloc>ECOWAS|African\s+Union|Arab\s+League|ASEAN|Organization\s+of\s+American"
    r"\s+States|Gulf\s+Cooperation\s+Council|Economic\s+Community\s+of\s+West\s+African"
    # "the AU" (never a bare "AU", which may be Australia's code)
    r"\s+States|(?<=[Tt]he\s)AU)\b"
    r"|\b[Tt]he\s+(?P<admin>administration|Administration)\b"
    r"|\b[Tt]he\s+(?P<council>Council)\b(?!\s+of\b)"
)
_EU = Organization("European Union")
# Regional blocs that sanction on their own (not in the shared gazetteer: sanctions alone
# reads them as authorities), by their full names; the acronym is another name of each.
BLOC_ACRONYMS = {
    "Economic Community of West African States": "ECOWAS",
    "Association of Southeast Asian Nations": "ASEAN",
    "Organization of American States": "OAS",
    "Gulf Cooperation Council": "GCC",
    "African Union": "AU",
}
_BLOC_NAMES = {acronym: name for name, acronym in BLOC_ACRONYMS.items()}
# What stands between two names of one list: "the EU, UK and US", "Britain and Canada".
LIST_JOINT = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+(?:and|as\s+well\s+as)\s+(?:the\s+)?")


def sentence_places(analysis: Analysis, sentence: Segment) -> list[PlaceMention]:
    """The gazetteer's names in a sentence, with the stand-ins for an authority (read once
    per sentence: its statement and its list both ask)."""
    found: dict[int, list[PlaceMention]] = analysis.layer("sanctions.places", lambda a: {})
    if sentence.start not in found:
        found[sentence.start] = _read_places(analysis, sentence)
    return found[sentence.start]


def _in_sentence(analysis: Analysis, sentence: Segment) -> list[PlaceMention]:
    """The names the body's one reading found in a sentence, with offsets into it."""
    names = body_places(analysis)
    starts = analysis.layer("sanctions.place_starts", lambda a: [p.start for p in names])
    low = bisect.bisect_left(starts, sentence.start)
    high = bisect.bisect_left(starts, sentence.end, lo=low)
    return [
        # built directly: dataclasses.replace reads the fields anew for every name
        PlaceMention(
            p.start - sentence.start,
            p.end - sentence.start,
            p.text,
            p.kind,
            p.country,
            p.organization,
        )
        for p in names[low:high]
        if p.end <= sentence.end
    ]


def _read_places(analysis: Analysis, sentence: Segment) -> list[PlaceMention]:
    text = sentence.text
    places = [p for p in _in_sentence(analysis, sentence) if not _inside_org_name(text, p)]
    for match in _STAND_INS.finditer(text):
        start, end = match.span()
        if text.startswith("The ", start) or text.startswith("the ", start):
            start += 4
        if match.group("eu"):
            bloc = _EU if text[start] == "B" else analysis.layer("sanctions.bloc", _bloc)
            places.append(PlaceMention(start, end, text[start:end], "organization", None, bloc))
            continue
        if match.group("council"):
            council = analysis.layer("sanctions.council", _council)
            if council is not None:
                places.append(
                    PlaceMention(start, end, text[start:end], "organization", None, council)
                )
            continue
        if match.group("bloc"):
            places.append(
                PlaceMention(start, end, text[start:end], "organization", None, _bloc_of(match))
            )
            continue
        country = analysis.layer("sanctions.home", _home)
        if country is not None:
            places.append(PlaceMention(start, end, text[start:end], "capital", country))
    return sorted(places, key=lambda p: p.start)


def countries_by_mentions(analysis: Analysis) -> list[str]:
    """The countries the article names, the most named first (a layer)."""
    return analysis.layer("sanctions.countries", _count_countries)


def _count_countries(analysis: Analysis) -> list[str]:
    tally: dict[str, int] = {}
    for place in body_places(analysis):
        if place.country is not None and place.kind in ("country", "demonym", "capital"):
            tally[place.country.name] = tally.get(place.country.name, 0) + 1
    return sorted(tally, key=lambda name: -tally[name])


def _bloc_of(match: re.Match[str]) -> Organization:
    """The bloc a name stands for, by its full name ("ECOWAS")."""
    name = " ".join(match.group("bloc").split())
    return Organization(_BLOC_NAMES.get(name, name))


def _bloc(analysis: Analysis) -> Organization:
    """The bloc "the bloc" stands for: the one the article names most, else the EU.

    "ECOWAS lifted sanctions on Niger ... The subregional bloc also lifted sanctions on Guinea."
    """
    counts: dict[str, int] = {}
    for match in _STAND_INS.finditer(analysis.body):
        if match.group("bloc"):
            name = _bloc_of(match).name
            counts[name] = counts.get(name, 0) + 1
    eu = [p for p in body_places(analysis) if p.organization is not None]
    eu_count = sum(
        _BLOCS.get(p.organization.name) == "European Union" for p in eu if p.organization
    )
    if not counts or eu_count >= max(counts.values()):
        return _EU
    return Organization(max(counts, key=lambda name: counts[name]))


def _council(analysis: Analysis) -> Organization | None:
    """The body "the Council" stands for: the UN's when the article names the Security
    Council, else the EU's when it names the EU ("The Council today adopted restrictive
    measures", an EU press release)."""
    names = {p.organization.name for p in body_places(analysis) if p.organization is not None}
    if "UN Security Council" in names:
        return Organization("UN Security Council")
    if names & {"European Union", "Council of the European Union", "European Commission"}:
        return _EU
    return Organization("European Union") if _EU_WORDS.search(analysis.body) else None


_EU_WORDS = re.compile(r"\bEU\b|\bEuropean\b")


def _home(analysis: Analysis) -> Country | None:
    """The country `home_country` names, as the gazetteer's record (else the United States,
    whose government English-language news calls "the administration")."""
    home = home_country(analysis)
    if home is None:
        return country_for("United States")
    places = body_places(analysis)
    return next((p.country for p in places if p.country and p.country.name == home), None)


_NAME_SUFFIX = re.compile(
    r"(?:\s+[A-Z][\w&.-]*){0,3}?\s+(?:Company|Corporation|Corp|Ltd|Limited|Inc|LLC|Group"
    r"|Bank|Airlines?|Airways|Petroleum|Oil|Gas|Shipping|Holdings?|[Aa]greements?|[Aa]ccords?"
    r"|Co|Technology|Technologies|Industries|Enterprises?|Trading|Petrochemicals?|Refinery"
    r"|[Pp]rotocol|[Ff]ormat|Declaration|Convention)\b"
)


def _inside_org_name(text: str, place: PlaceMention) -> bool:
    """Whether a country name is the start of an organisation's or a treaty's name."""
    if place.kind == "organization":
        return False
    return _NAME_SUFFIX.match(text, place.end) is not None


# Bodies of a government ("Congress", "the State Department"), not its news agencies.
GOVERNMENT_BODY = re.compile(
    r"Department|Office|House|Pentagon|Kremlin|Congress|Treasury|Ministry|Affairs|Parliament"
)


def home_country(analysis: Analysis) -> str | None:
    """The country whose government bodies the article names most ("Congress", "Treasury")."""
    return analysis.layer("sanctions.home_country", _home_country)


def _home_country(analysis: Analysis) -> str | None:
    counts: dict[str, int] = {}
    for place in body_places(analysis):
        org = place.organization
        governs = org is not None and GOVERNMENT_BODY.search(org.name) is not None
        if place.kind == "organization" and place.country is not None and governs:
            counts[place.country.name] = counts.get(place.country.name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


def starting_in(places: list[PlaceMention], start: int, stop: int) -> list[PlaceMention]:
    """The places (sorted by start) that start in `start..stop`, found by bisection."""
    low = bisect.bisect_left(places, start, key=lambda p: p.start)
    high = bisect.bisect_left(places, stop, lo=low, key=lambda p: p.start)
    return places[low:high]


def ending_in(places: list[PlaceMention], start: int, stop: int) -> list[PlaceMention]:
    """The places (sorted, not overlapping) that end in `start..stop`."""
    low = bisect.bisect_left(places, start, key=lambda p: p.end)
    high = bisect.bisect_right(places, stop, lo=low, key=lambda p: p.end)
    return places[low:high]


# Authorities: organisations stand for their country or bloc.
_BLOCS = {
    "European Union": "European Union",
    "European Commission": "European Union",
    "European Council": "European Union",
    "Council of the European Union": "European Union",
    "United Nations": "United Nations",
    "UN Security Council": "United Nations",
    "G7": "G7",
}


def authority_party(place: PlaceMention) -> Party | None:
    """The country or bloc a name before the trigger stands for, if it can impose sanctions."""
    if place.kind == "organization" and place.organization is not None:
        name = place.organization.name
        bloc = _BLOCS.get(name) or (name if _STAND_INS.fullmatch(name) else None)
        if bloc is not None:
            return Party("Organization", bloc)
    if place.country is not None:
        return Party("Country", place.country.name)
    return None
