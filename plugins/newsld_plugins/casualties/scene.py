"""Where an incident happened, who carried it out, and with what: read from a stretch of text.

Places are named after a preposition of place ("in Maidan Shahr", "near
Tehran", "off southeast Florida", "across Ukraine", "city of Zaporizhzhia",
"outskirts of Dhule") or stand before the incident noun ("a Kabul car
bombing"). A town, city or region is more specific than a country, so it
wins; "in western India" names only part of a country, so the caller may look
further for the town. Perpetrators are the country of a demonym before an
attack noun ("Russian missile and drone attacks") or the group an attack is
put down to ("conducted by the Taliban"); weapons are words of a short list.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsld.analysis import Analysis
from newsld.text.gazetteer import (
    Country,
    PlaceMention,
    country_for,
    demonym_country,
    find_places,
    organization_for,
)

__all__ = [
    "Place",
    "main_country",
    "most_specific",
    "new_incident",
    "perpetrators",
    "places",
    "weapons",
]


@dataclass(frozen=True)
class Place:
    """A named place: a country (`country` set) or a town or region; `partial`: "western India"."""

    start: int
    end: int
    name: str
    country: Country | None = None
    partial: bool = False


_COMPASS = (
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?|northeastern|northwestern|southeastern|southwestern|mid)"
)
_PLACE_NOUNS = (
    r"city|town|village|province|region|district|state|county|outskirts|suburbs?|coast"
    r"|centre|center|heart|capital|port|island|area|municipality|oblast|governorate"
    r"|north|south|east|west|northeast|northwest|southeast|southwest"
)
_NAME = r"[A-Z][\w'’.-]*[\w](?:\s+(?:(?:de|al|el|la|del)\s+)?[A-Z][\w'’-]*[\w])*"
_LOCATIVE = re.compile(
    rf"\b(?i:(?:in|near|outside|off|across|throughout|around|inside|at|into)"
    rf"|(?:{_PLACE_NOUNS})\s+of)\s+(?i:the\s+)?(?P<compass>(?i:{_COMPASS})\s+)?(?P<name>{_NAME})"
)
_OWNER = re.compile(r"['’]s?(?:\s|$)")  # "Afghanistan's Maidan Wardak": the owner
# Names that follow "in" but are no places.
_NOT_PLACES = frozenset(
    """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An This That His Her
    Their Its Our Christmas Easter Parliament Congress Senate
    """.split()
)
_ATTRIBUTIVE = re.compile(
    r"\s+(?:car\s+|suicide\s+|truck\s+)?(?:bombing|attack|blast|explosion|shooting|crash|strike)"
)
# Words that open the account of another incident: "in another incident".
_NEW_INCIDENT = re.compile(
    r"\b(?:another|separate|earlier|previous|last\s+(?:week|month|year|fall|autumn|spring"
    r"|summer|winter))\b",
    re.IGNORECASE,
)
_ATTACK_NOUN = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:attacks?|strikes?|airstrikes?|shelling|bombardment|bombing"
    r"|assault|offensive|forces|troops|missiles?|drones?|rockets?|artillery|raid|fire)\b"
)
_BLAMED = re.compile(
    r"\b(?:conducted|carried\s+out|claimed|launched|ascribed|attributed|blamed)\s+(?:on|to|by)\s+"
    r"(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
_MAIN_COUNTRY_TIMES = 2
_WEAPONS = re.compile(
    r"\b(?P<w>car\s+bombs?|truck\s+bombs?|suicide\s+bomb(?:er|ing)s?|bombs?|missiles?|drones?"
    r"|rockets?|artillery|shelling|mortars?|grenades?|explosives?|IEDs?|gunfire|guns?|rifles?"
    r"|knife|knives|airstrikes?|air\s+strikes?)\b",
    re.IGNORECASE,
)
_WEAPON_NAMES = {
    "shelling": "artillery", "air strike": "airstrike", "knives": "knife", "ieds": "IED",
    "ied": "IED", "gun": "gunfire", "guns": "gunfire",
}  # fmt: skip


@lru_cache(maxsize=512)
def _known(text: str) -> tuple[PlaceMention, ...]:
    """The gazetteer's names in a sentence (read once: places and perpetrators both ask)."""
    return tuple(find_places(text))


def places(text: str, offset: int = 0) -> list[Place]:
    """The places named in `text`, in order, each once."""
    found: dict[int, Place] = {}
    for match in _LOCATIVE.finditer(text):
        name = _OWNER.split(match.group("name"))[0]
        if name.split()[0] in _NOT_PLACES or organization_for(name) or demonym_country(name):
            continue
        start = match.start("name")
        country = country_for(name)
        if country is not None and _capital(name):
            country = None  # "near Tehran": the city, not the state
        found[start] = Place(
            start + offset,
            start + len(name) + offset,
            name,
            country,
            partial=bool(match.group("compass")) and country is not None,
        )
    for mention in _known(text):
        if mention.start not in found and _attributive_capital(text, mention):
            found[mention.start] = Place(mention.start + offset, mention.end + offset, mention.text)
    return [found[k] for k in sorted(found)]


def _capital(name: str) -> bool:
    """Whether a name is a capital standing in the gazetteer for its country."""
    mentions = _known(name)
    return bool(mentions) and mentions[0].kind == "capital"


def _attributive_capital(text: str, mention: PlaceMention) -> bool:
    """A capital before an incident noun: "a Kabul car bombing"."""
    return mention.kind == "capital" and _ATTRIBUTIVE.match(text, mention.end) is not None


def most_specific(found: list[Place]) -> Place | None:
    """The first town, city or region named, else the first country."""
    towns = [p for p in found if p.country is None]
    return towns[0] if towns else (found[0] if found else None)


def main_country(analysis: Analysis) -> Place | None:
    """The country the article names most often (twice at least), by name or demonym."""
    return analysis.layer("main_country", _main_country)


def _main_country(analysis: Analysis) -> Place | None:
    tally: Counter[Country] = Counter(
        p.country
        for p in find_places(analysis.body)
        if p.country is not None and p.kind != "organization"
    )
    if not tally:
        return None
    country, times = tally.most_common(1)[0]
    return Place(0, 0, country.name, country) if times >= _MAIN_COUNTRY_TIMES else None


def new_incident(text: str) -> bool:
    """Whether a sentence tells of another incident ("in another incident", "last week")."""
    return _NEW_INCIDENT.search(text) is not None


def perpetrators(text: str) -> list[PlaceMention | str]:
    """Who carried out an attack: a country by its demonym, or a group it is put down to."""
    found: list[PlaceMention | str] = []
    for mention in _known(text):
        if mention.kind in ("demonym", "country") and _ATTACK_NOUN.match(text, mention.end):
            found.append(mention)
    for match in _BLAMED.finditer(text):
        found.append(match.group("name"))
    return found


def weapons(text: str) -> list[str]:
    """The weapons named in `text`, singular and each once ("missile", "drone")."""
    found: list[str] = []
    for match in _WEAPONS.finditer(text):
        word = " ".join(match.group("w").lower().split())
        word = _WEAPON_NAMES.get(word, word)
        if word.endswith("s") and word != "explosives":
            word = word[:-1]
        if word == "bomb" and any(w.endswith("bomb") for w in found):
            continue
        if word not in found:
            found.append(word)
    return found
