"""Where an incident happened, who carried it out, and with what: read from a stretch of text.

Places are named after a preposition of place ("in Maidan Shahr", "near
Tehran", "off southeast Florida", "across Ukraine", "in nearby Barza", "city of
Zaporizhzhia", "outskirts of Dhule", "on the road to Pine Lake", "in the city's
Sahinbey district") or a verb of attack ("targeting Kharkiv's Kholodnohirskyi
district", "strikes on Kyiv"), before a word for a small place ("Abaro
village", "the Sola community", "Ondo municipality"), stand before the incident
noun ("a Kabul car bombing"), are told by a relative "where" ("casualties from
Tsayau, where four were killed") or by the local official who governs them
("Odesa Governor Oleh Kiper", "Kharkiv's governor"), or are the country that
opens a sentence reporting a toll ("Peru reported 12 killed", "(MENAFN)
Ukraine reported"). A name never runs on into a day or month ("in southwest
China Wednesday": China). Each place gets a rank of how specific it is, read
from the words around it or its own last word: a country (0), a region ("Kora
state", "Jiangxi Province", "western Peru", 1), a district ("Kizilsu
Prefecture", 2), a named place (3), a village, town, township, municipality,
neighbourhood or camp ("Shangtang Township", 4). The most specific wins; below
a village, the caller may look further for one, except for a toll over several
incidents ("in separate attacks on villages in Katsina state": Katsina).
Places that only give a distance ("20 km north of Lima") or a route ("between
the city of Ayo and ...") are left out, and so are buildings and streets, by
the word after the name or their own last word ("at the Baidyanath temple",
"on Gandhi Road", "at Baba Nath Temple", "in Jianxin Colliery"), and
descriptors ("the Pakistani-controlled portion of Kashmir": Kashmir;
"Indian-administered Kashmir": Kashmir). A ship's last port is a place ("after
leaving Ormoc City"), and so is a lake, river or mountain after "on" ("on Lake
Kivu"); after an owner and a compass word or a word for a place, the place
owned ("Mali's central Mopti region": Mopti; "Ukraine's capital Kyiv": Kyiv).

A place where something was said ("the UN said in Geneva", "told reporters in
Kabul") ranks below every other and is taken only when the text names no other.

A state's own forces or people name where violence at home happened ("the
Burmese military", "the people of Burma": Myanmar); the dateline ("KABUL,
Afghanistan (AP) —", "TOKYO–") names the town of a report, used only when it
lies in the article's main country ("GENEVA —" over a report on Myanmar is
where the reporter is). The article's main country is the one it names most, not
counting who attacks ("Russian drone strikes").

Perpetrators are the country of a demonym before an attack noun ("Russian
missile and drone attacks") or the group an attack is put down to
("conducted by the Taliban"); weapons are words of a short list.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from newsld.analysis import Analysis
from newsld.text.gazetteer import (
    Country,
    PlaceMention,
    body_places,
    capital_of,
    country_for,
    demonym_country,
    find_places,
    organization_for,
)

__all__ = [
    "COUNTRY",
    "NAMED",
    "REGION",
    "SMALL",
    "SPOKEN",
    "Place",
    "aggregate",
    "capital_place",
    "dateline_place",
    "headline_place",
    "home_country",
    "main_country",
    "most_specific",
    "names_capital",
    "new_incident",
    "perpetrators",
    "places",
    "weapons",
]


@dataclass(frozen=True)
class Place:
    """A named place: a country (`country` set) or a town or region; `partial`: "western India".

    `rank`: how specific it is, from COUNTRY (0) to SMALL (4).
    """

    start: int
    end: int
    name: str
    country: Country | None = None
    partial: bool = False
    rank: int = 3


_COMPASS = (
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?|northeastern|northwestern|southeastern|southwestern|mid)"
)
_PLACE_NOUNS = (
    r"city|town|village|province|region|district|state|county|outskirts|suburbs?|coast"
    r"|centre|center|heart|capital|port|island|area|municipality|oblast|governorate"
    r"|neighbou?rhood|township|community|camp|prefecture|part|portion|side"
    r"|north|south|east|west|northeast|northwest|southeast|southwest"
)
# A place's name: capitalised words, never running on into a day or month ("in southwest
# China Wednesday": China).
_CALENDAR = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)\b"
)
_NAME = (
    r"(?!"
    + _CALENDAR
    + r")[A-Z][\w'’.-]*[\w](?:\s+(?:(?:de|al|el|la|del)\s+)?(?!"
    + _CALENDAR
    + r")[A-Z][\w'’-]*[\w])*"
)
# The first letter, then the first letters of the words below, are checked before the
# alternatives are tried: most words of a sentence fail there (same matches, half the work).
_LOCATIVE_START = (
    # (The word start asked first: inside a word, the most offsets, the scan fails at once.)
    r"\b(?=[iIoOaAtTrRcCpPsSdDhHmMgGnNeEwWlLvV])(?=(?i:in|on|at|off|thr|tow|reg|cou|coa|com|par"
    r"|cap|cam|sta|str|dep|dis|sub|cen|hea|isl|mun|obl|gov|sid|nor|sou|eas|wes|nea|nei|out|acr"
    r"|aro|are|lea|tar|hit|hig|she|pou|por|pro|pre|roa|rou|way|cit|vil))"
)
_LOCATIVE = re.compile(
    _LOCATIVE_START
    + rf"(?i:(?:in|near|outside|off|across|throughout|around|inside|at|into|leaving|departing|on"
    rf"|targeting|targeted|striking|struck|hitting|shelling|shelled|pounding|pounded)"
    rf"|(?:road|highway|way|route)\s+to|(?P<noun>{_PLACE_NOUNS})\s+of)"
    rf"\s+(?i:the\s+)?(?i:(?:city|town|country|province|state|region|capital)['’]s\s+)?"
    rf"(?i:(?:nearby|neighbou?ring)\s+)?(?P<compass>(?i:{_COMPASS})\s+)?(?P<name>{_NAME})"
)
COUNTRY, REGION, DISTRICT, NAMED, SMALL = range(5)
SPOKEN = -1  # a place where something was said, not where it happened
_SPOKEN_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+)?\w+|speaking|spoke|briefing|statement|conference"
    r"|announced|reported)\s+$"
)
_WATER_OR_MOUNTAIN = re.compile(r"(?:Lake|River|Mount|Mt\.?|Island|Gulf|Bay)\b")
_HELD_BY = re.compile(r"[A-Z][\w]*-(?:administered|controlled|held|occupied)\s+")
# After an owner, a compass word or a word for a place, then the place: "Mali's central
# Mopti region", "Ukraine's capital Kyiv", "China's southern city of Zhuhai".
_OWNED_KINDS = r"(?i:capital|city|town|village|province|region|district|state|county)\s+(?:of\s+)?"
_OWNED_NAME = re.compile(
    rf"\s+(?:(?i:{_COMPASS})\s+(?:{_OWNED_KINDS})?|{_OWNED_KINDS})(?P<name>{_NAME})"
)
# "strikes on Kyiv": the place an attack falls on.
_ATTACKED_ON = re.compile(
    r"\b(?:attacks?|strikes?|airstrikes?|raids?|assaults?|bombings?|shelling|offensive)\s+on\s+$",
    re.IGNORECASE,
)
# A local official named by the place governed: "Kharkiv's Governor", "Odesa Mayor".
# Found by the official's word, then the name read back in a window before it.
_OFFICIAL = re.compile(r"\s(?:[Rr]egional\s+)?(?:[Gg]overnor|[Mm]ayor|[Pp]olice\s+[Cc]hief)\b")
_NAME_BEFORE_OFFICIAL = re.compile(rf"(?<![\w'’.-])(?P<name>{_NAME})(?:['’]s)?$")
# The place a relative "where" tells of: "casualties from Tsayau, where four were killed".
_WHERE = re.compile(r",\s+where\b")
_NAME_BEFORE_WHERE = re.compile(rf"(?<![\w'’.-])(?P<name>{_NAME})$")
_NAME_REACH = 60  # characters back from an official's word or "where" to the name
# The word for a small place after its name: "Abaro village", "the Sola community".
_SMALL_AFTER = re.compile(
    rf"(?:\b(?:[Tt]he\s+)?)(?P<name>{_NAME})\s+(?:refugee\s+|displacement\s+)?"
    r"(?i:village|community|camp|neighbou?rhood"
    r"|township|settlement|locality|municipality)\b(?!\s+of\b)"
)
# The word after a name that says what it is: "Kora state", "Ubi district", "Abaro village".
_KIND_AFTER = re.compile(
    r"\s+(?i:(?P<small>village|town|township|neighbou?rhood|community|camp|area|locality|colony"
    r"|settlement|suburb|municipality)\b|(?:(?P<district>district|county"
    r"|local\s+government\s+area|prefecture)|(?P<region>state|province|region|oblast"
    r"|governorate|territory))\b(?!\s+of\b))"
)
# A name that ends in the word saying what it is: "Shangtang Township", "Jiangxi Province".
_OWN_KIND = re.compile(
    r"\s(?:(?P<small>Village|Town|Township|Municipality)|(?P<district>District|County"
    r"|Prefecture)|(?P<region>State|Province|Region|Oblast|Governorate|Territory))$"
)
_NOUN_RANK = {
    "town": SMALL, "village": SMALL, "neighbourhood": SMALL, "neighborhood": SMALL,
    "municipality": SMALL,
    "township": SMALL, "community": SMALL, "camp": SMALL, "district": DISTRICT,
    "county": DISTRICT, "prefecture": DISTRICT, "province": REGION, "region": REGION,
    "state": REGION, "oblast": REGION, "governorate": REGION, "coast": REGION,
}  # fmt: skip
_DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest".split())
# "20 kilometers (12 miles) north of Lima": a distance from a place, not the place.
_DISTANCE_BEFORE = re.compile(
    r"(?:\b(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?)|\))\s*$", re.IGNORECASE
)
# "travelling between the city of Ayo and the city of Ilo": ends of a route.
_ROUTE_BEFORE = re.compile(r"\b(?:between|from|to|towards|for|and)\s+(?:the\s+)?(?:[a-z-]+\s+)?$")
# "Peru reported 12 killed": the country that reports its own toll.
_REPORTS_AFTER = re.compile(r"\s+(?:has\s+|have\s+)?(?:reported|recorded|confirmed|counted)\b")
_WINDOW = 30
# The README leaves out streets, addresses and buildings: the words after a name that say so.
_BUILDING_AFTER = re.compile(
    r"\s+(?i:temple|mosque|church|cathedral|synagogue|shrine|hospital|clinic|school|college"
    r"|university|market|bazaar|mall|hotel|restaurant|cafe|bar|club|station|airport|stadium"
    r"|arena|factory|plant|mine|colliery|prison|jail|base|barracks|building|tower|bridge|street|road"
    r"|avenue|boulevard|lane|square|highway|expressway|office|headquarters|embassy|palace)\b"
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
# "another body was found" is the same incident: "another" needs an incident noun.
_NEW_INCIDENT = re.compile(
    r"\b(?:(?:another|separate|second|third|fourth|later|subsequent)(?:\s+[\w-]+)?"
    r"\s+(?:incidents?|attacks?|strikes?|airstrikes?"
    r"|bombings?|blasts?|explosions?|shootings?|raids?|crash(?:es)?|accidents?|assaults?"
    r"|ambush(?:es)?|clash(?:es)?|fires?)|earlier|previous|last\s+(?:week|month|year|fall"
    r"|autumn|spring|summer|winter))\b",
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


# "the Afghan capital": the capital of the country its demonym names.
_CAPITAL_OF = re.compile(r"\b[Tt]he\s+(?P<demonym>[A-Z][\w-]+)\s+capital\b(?!\s*,?\s+[A-Z])")


def capital_place(text: str, country: Country | None = None) -> Place | None:
    """The capital a text names by its country ("the Afghan capital"; "the capital" of
    `country` when given)."""
    match = _CAPITAL_OF.search(text)
    owner = demonym_country(match.group("demonym")) if match is not None else None
    if owner is None and country is not None and _BARE_CAPITAL.search(text):
        owner = country
    name = capital_of(owner) if owner is not None else None
    return Place(0, 0, name, rank=NAMED) if name is not None else None


_BARE_CAPITAL = re.compile(r"\b(?:in|near|outside|across)\s+the\s+capital\b(?!\s*,?\s+[A-Z])")


def names_capital(text: str) -> bool:
    """Whether a text speaks of "the capital" without naming it ("in the capital")."""
    return _BARE_CAPITAL.search(text) is not None


def places(text: str, offset: int = 0) -> list[Place]:
    """The places named in `text`, in order, each once, with their rank."""
    found: dict[int, Place] = {}
    for match in _LOCATIVE.finditer(text):
        place = _locative(text, match)
        if place is not None:
            found[place.start] = place
    for match in _SMALL_AFTER.finditer(text):
        start = match.start("name")
        name = match.group("name")
        owner, *owned = _OWNER.split(name, maxsplit=1)
        if owned and owned[0][:1].isupper():  # "Lagos's Ikoyi neighbourhood": Ikoyi
            start, name = start + name.index(owned[0], len(owner)), owned[0]
        route = _ROUTE_BEFORE.search(text, max(0, start - _WINDOW), start)
        if start not in found and _plain_name(name) and not route:
            found[start] = Place(start, start + len(name), name, rank=SMALL)
    for match in _name_before(text, _OFFICIAL, _NAME_BEFORE_OFFICIAL):
        # "Odesa Governor Oleh Kiper said one person was killed": the governor's place.
        start, name = match.start("name"), _OWNER.split(match.group("name"))[0]
        if start not in found and _plain_name(name) and country_for(name) is None:
            found[start] = Place(start, start + len(name), name, rank=REGION)
    for match in _name_before(text, _WHERE, _NAME_BEFORE_WHERE):
        start, name = match.start("name"), match.group("name")
        if start not in found and _plain_name(name):
            rank = _rank(text, match.end("name"), "", False, country_for(name))
            found[start] = Place(start, start + len(name), name, country_for(name), rank=rank)
    for mention in _known(text):
        if mention.start not in found and _attributive_capital(text, mention):
            found[mention.start] = Place(mention.start, mention.end, mention.text)
        elif _opens(text, mention) and mention.kind == "country" and _reports(text, mention):
            found[mention.start] = Place(
                mention.start, mention.end, mention.text, mention.country, rank=COUNTRY
            )
    return [_shift(found[k], offset) for k in sorted(found)]


def _name_before(text: str, cue: re.Pattern[str], name: re.Pattern[str]) -> list[re.Match[str]]:
    """The names that end right before each match of `cue`, read back in a bounded window."""
    found = []
    for match in cue.finditer(text):
        before = name.search(text, max(0, match.start() - _NAME_REACH), match.start())
        if before is not None:
            found.append(before)
    return found


def _opens(text: str, mention: PlaceMention) -> bool:
    """Whether a name opens its sentence (after a bracketed source at most)."""
    opening = _OPENING.match(text)
    return opening is not None and opening.end() == mention.start


def _shift(place: Place, offset: int) -> Place:
    # built directly: dataclasses.replace reads the fields anew for every place
    start, end = place.start + offset, place.end + offset
    return Place(start, end, place.name, place.country, place.partial, place.rank)


def _reports(text: str, mention: PlaceMention) -> bool:
    """A country that opens a sentence and reports a toll ("Peru reported 12 killed")."""
    return _REPORTS_AFTER.match(text, mention.end) is not None


# What may stand before a sentence's subject: a source in brackets ("(MENAFN) Ukraine said").
_OPENING = re.compile(r"(?:\s*\([^()]{1,30}\))?\W*")


def _plain_name(name: str) -> bool:
    """Whether a name can be a place: no month, weekday, article, organisation or people."""
    first = name.split()[0]
    if _DESCRIPTOR.search(name):
        return False  # "the Pakistani-controlled portion of Kashmir": Kashmir is the place
    return first not in _NOT_PLACES and not organization_for(name) and not demonym_country(name)


_DESCRIPTOR = re.compile(r"-(?:controlled|held|administered|based|backed|led|run|occupied)$")


def _locative(text: str, match: re.Match[str]) -> Place | None:
    """The place a locative phrase names, or None for a distance, a route or no place."""
    whole = match.group("name")
    start = match.start("name")
    on = match.group().lower().startswith("on ")
    attacked = on and _ATTACKED_ON.search(text, max(0, match.start() - _WINDOW), match.start() + 3)
    if on and not attacked and not _WATER_OR_MOUNTAIN.match(whole):
        return None  # "on Monday", "on Gandhi Road"; "on Lake Kivu", "strikes on Kyiv" are places
    held = _HELD_BY.match(whole)
    if held is not None:  # "Indian-administered Kashmir": Kashmir
        whole, start = whole[held.end() :], start + held.end()
    owner, *rest = _OWNER.split(whole, maxsplit=1)
    owned = rest[0].strip() if rest else ""
    name = owner
    if owned[:1].isupper():  # "Kora's Ubi district": Ubi, inside its owner
        name, start = owned, start + whole.index(owned, len(owner))
    elif rest:
        inner = _OWNED_NAME.match(text, match.end("name"))
        if inner is not None:  # "Mali's central Mopti region": Mopti
            name, start = inner.group("name"), inner.start("name")
    if not _plain_name(name) or _BUILDING_AFTER.match(text, start + len(name)):
        return None  # "at the Baidyanath temple", "on Gandhi Road": a building or a street
    if _BUILDING_AFTER.search(" " + name.split()[-1]) and " " in name:
        return None  # "at Baba Siddheshwar Nath Temple": a building by its own name
    noun = (match.group("noun") or "").lower()
    before = text[max(0, match.start() - _WINDOW) : match.start()]
    if noun and _ROUTE_BEFORE.search(before):
        return None
    if noun in _DIRECTIONS and _DISTANCE_BEFORE.search(before):
        return None
    country = country_for(name)
    if country is not None and _capital(name):
        country = None  # "near Tehran": the city, not the state
    compass = bool(match.group("compass")) and name == owner
    rank = _rank(text, start + len(name), noun, compass, country)
    if _SPOKEN_BEFORE.search(before):
        rank = SPOKEN  # "the UN said in Geneva": where it was said, the last choice
    return Place(start, start + len(name), name, country, compass and country is not None, rank)


def _rank(text: str, end: int, noun: str, compass: bool, country: Country | None) -> int:
    """How specific a place is, from the words around it ("Kora state", "village of X")."""
    if country is not None:
        return COUNTRY
    kind = _KIND_AFTER.match(text, end) or _OWN_KIND.search(text, max(0, end - 16), end)
    if kind is not None:
        return SMALL if kind.group("small") else DISTRICT if kind.group("district") else REGION
    if compass or noun in _DIRECTIONS:
        return REGION  # "western Maharashtra", "the north of Syria"
    return _NOUN_RANK.get(noun, NAMED)


def _capital(name: str) -> bool:
    """Whether a name is a capital standing in the gazetteer for its country."""
    mentions = _known(name)
    return bool(mentions) and mentions[0].kind == "capital"


def _attributive_capital(text: str, mention: PlaceMention) -> bool:
    """A capital before an incident noun: "a Kabul car bombing"."""
    return mention.kind == "capital" and _ATTRIBUTIVE.match(text, mention.end) is not None


def most_specific(found: list[Place]) -> Place | None:
    """The place of the highest rank, the first named among equals."""
    return max(found, key=lambda p: p.rank, default=None)


def main_country(analysis: Analysis) -> Place | None:
    """The country the article names most often (twice at least), by name or demonym."""
    return analysis.layer("main_country", _main_country)


def _main_country(analysis: Analysis) -> Place | None:
    body = analysis.body
    # "Russian drone strikes hit Kharkiv": who attacks is not where it happened.
    tally: Counter[Country] = Counter(
        p.country
        for p in body_places(analysis)
        if p.country is not None
        and p.kind != "organization"
        and _ATTACK_NOUN.match(body, p.end, p.end + _WINDOW * 2) is None
    )
    if not tally:
        return None
    country, times = tally.most_common(1)[0]
    if times < _MAIN_COUNTRY_TIMES:
        return None
    return Place(0, 0, country.name, country, rank=COUNTRY)


# The dateline that opens a report: "KABUL, Afghanistan (AP) —", "TOKYO–", "Patiala, June 26".
_DATELINE = re.compile(
    r"\A\s*(?P<city>[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3})"
    r"(?:,\s*(?P<where>[A-Z][A-Za-z'’. -]{1,30}?))??"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}))?"
    r"(?:\s*\([^()\n]{1,40}\)|\s+[A-Z]{2,5})?"
    r"\s*(?:[—–]|--?|_|$|\n)",
)


def dateline_place(analysis: Analysis) -> Place | None:
    """The town of the report's dateline, when it lies in the article's main country.

    A dateline abroad ("GENEVA —" over a report on Myanmar) names where the reporter is,
    not where the incident happened, and is left out.
    """
    return analysis.layer("casualties.dateline", _dateline_place)


def _dateline_place(analysis: Analysis) -> Place | None:
    match = _DATELINE.match(analysis.body)
    if match is None:
        return None
    city = match.group("city")
    name = city.title() if city.isupper() else city
    if not _plain_name(name) or name in _NOT_PLACES:
        return None
    where = country_for(match.group("where") or "") or country_for(name)
    home = main_country(analysis)
    if home is not None and (where is None or where != home.country):
        return None
    if country_for(name) is not None and not _capital(name):
        return None  # "Ukraine —": a country, no town
    return Place(match.start("city"), match.end("city"), name, rank=NAMED)


def headline_place(analysis: Analysis) -> Place | None:
    """The most specific place the headline names ("Stampede at temple in Deoghar kills 11")."""
    return analysis.layer("casualties.headline", _headline_place)


def _headline_place(analysis: Analysis) -> Place | None:
    headline = analysis.article.headline or ""
    words = headline.split()
    if sum(w[:1].isupper() for w in words) * 2 > len(words):
        found = []  # "50 Killed in Philippines Ferry Accident": title case hides where names end
    else:
        found = [replace(p, start=0, end=0) for p in places(headline)]
    best = most_specific(found)
    if best is None:
        # A headline names a country bare: "Burkina unrest", "Philippines ferry accident".
        country = next((m.country for m in _known(headline) if m.kind == "country"), None)
        return Place(0, 0, country.name, country, rank=COUNTRY) if country else None
    return best


# A toll over several incidents: "killed 16 people in separate attacks on villages".
_AGGREGATE = re.compile(
    r"\b(?:separate|several|various|multiple|a\s+series\s+of|coordinated)\s+(?:[\w-]+\s+){0,2}"
    r"(?:attacks|strikes|airstrikes|incidents|raids|blasts|explosions|bombings|clashes"
    r"|accidents|crashes)\b",
    re.IGNORECASE,
)


def aggregate(text: str) -> bool:
    """Whether a sentence tells a toll over several incidents ("in separate attacks")."""
    return _AGGREGATE.search(text) is not None


def new_incident(text: str) -> bool:
    """Whether a sentence tells of another incident ("in another incident", "last week")."""
    return _NEW_INCIDENT.search(text) is not None


# A country's own forces or people name where violence at home happened: "perpetrated by the
# Burmese military", "the crackdown against the people of Burma".
_OWN_FORCES_AFTER = re.compile(
    r"\s+(?:(?:military|army|police|junta|regime|security\s+forces|authorities)\b"
    r"|(?:[\w-]+\s+)?(?:crackdown|repression)\b)"
    # "Philippine authorities said the toll rose": forces that only speak did no violence
    r"(?!\s+(?:said|say|says|told|reported|announced|confirmed)\b)"
)
_PEOPLE_OF_BEFORE = re.compile(
    r"\b(?:people|citizens|residents|civilians|population|protesters)\s+of\s+(?:the\s+)?$"
)


def home_country(text: str, offset: int = 0) -> Place | None:
    """The country where violence of its own state happened, as the text tells it."""
    for mention in _known(text):
        if mention.country is None or mention.kind == "organization":
            continue
        window = text[max(0, mention.start - 30) : mention.start]
        if _OWN_FORCES_AFTER.match(text, mention.end) or _PEOPLE_OF_BEFORE.search(window):
            start = mention.start + offset
            return Place(
                start,
                start + len(mention.text),
                mention.country.name,
                mention.country,
                rank=COUNTRY,
            )
    return None


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
