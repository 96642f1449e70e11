"""Names of countries, their demonyms and capitals, and well-known organisations.

Country names and ISO codes come from pycountry (kept in step with ISO 3166);
what ISO does not carry and news copy uses all the time is in small tables
here: short forms ("the U.S.", "U.K."), demonyms ("Russian"), capitals used
for the state ("Washington", "Moscow") and organisations ("NATO", "the
Kremlin", "the Treasury Department"). A name of two words is found
hyphenated too ("Burkina-Faso"). `find_places` finds them all in a text
with one pass over its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

import pycountry

if TYPE_CHECKING:
    from newsld.analysis import Analysis

__all__ = [
    "Country",
    "Organization",
    "PlaceMention",
    "body_places",
    "capital_of",
    "country_by_code",
    "country_for",
    "demonym_country",
    "demonym_for",
    "find_places",
    "organization_for",
]


@dataclass(frozen=True)
class Country:
    """A country (or territory) of ISO 3166: its usual English name and codes."""

    code: str
    alpha3: str
    name: str


@dataclass(frozen=True)
class Organization:
    """A well-known organisation: canonical name and the country it belongs to, if one."""

    name: str
    country: str | None = None


@dataclass(frozen=True)
class PlaceMention:
    """A name found in a text: `kind` is country, demonym, capital or organization."""

    start: int
    end: int
    text: str
    kind: str
    country: Country | None = None
    organization: Organization | None = None


# The usual English name where ISO's is an inverted or official form.
_SHORT_NAMES = {
    "RU": "Russia",
    "TR": "Turkey",
    "VA": "Vatican City",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "PS": "Palestine",
    "BN": "Brunei",
    "CI": "Ivory Coast",
    "FM": "Micronesia",
    "CZ": "Czech Republic",
    "KR": "South Korea",
    "KP": "North Korea",
}

# Other names news copy gives a country ("the U.S.", "Britain", "Türkiye").
_EXTRA_NAMES = {
    "US": "U.S. | U.S.A. | US | USA | America | United States of America",
    "GB": "U.K. | UK | Britain | Great Britain | England | Scotland | Wales",
    "RU": "Russian Federation",
    "TR": "Türkiye",
    "CZ": "Czechia",
    "CI": "Côte d'Ivoire",
    "AE": "UAE | U.A.E. | Emirates",
    "KR": "Korea",
    "KP": "DPRK | D.P.R.K.",
    "NL": "Holland",
    "MM": "Burma",
    "CD": "DR Congo | DRC",
    "VA": "Vatican | Holy See",
    "MK": "Macedonia",
    "SZ": "Swaziland",
    "CV": "Cape Verde",
    "TL": "East Timor",
}

# Adjectives and nouns of nationality ("Russian", "Ukrainians"), one for each sovereign state
# whose demonym is not ambiguous ("Congolese", "Dominican" and "Guinean" name two states).
_DEMONYMS = {
    "US": "American",
    "RU": "Russian",
    "UA": "Ukrainian",
    "CN": "Chinese",
    "GB": "British",
    "FR": "French",
    "DE": "German",
    "IR": "Iranian",
    "IQ": "Iraqi",
    "IL": "Israeli",
    "PS": "Palestinian",
    "SY": "Syrian",
    "AF": "Afghan",
    "PK": "Pakistani",
    "IN": "Indian",
    "JP": "Japanese",
    "KR": "South Korean",
    "KP": "North Korean",
    "CA": "Canadian",
    "MX": "Mexican",
    "PL": "Polish",
    "IT": "Italian",
    "ES": "Spanish",
    "TR": "Turkish",
    "SA": "Saudi",
    "EG": "Egyptian",
    "QA": "Qatari",
    "AE": "Emirati",
    "AU": "Australian",
    "BR": "Brazilian",
    "VE": "Venezuelan",
    "CU": "Cuban",
    "HT": "Haitian",
    "BY": "Belarusian",
    "GE": "Georgian",
    "AM": "Armenian",
    "AZ": "Azerbaijani",
    "KZ": "Kazakh",
    "HU": "Hungarian",
    "CZ": "Czech",
    "SK": "Slovak",
    "RO": "Romanian",
    "BG": "Bulgarian",
    "GR": "Greek",
    "RS": "Serbian",
    "HR": "Croatian",
    "NL": "Dutch",
    "BE": "Belgian",
    "CH": "Swiss",
    "AT": "Austrian",
    "SE": "Swedish",
    "NO": "Norwegian",
    "FI": "Finnish",
    "DK": "Danish",
    "IE": "Irish",
    "PT": "Portuguese",
    "LB": "Lebanese",
    "JO": "Jordanian",
    "YE": "Yemeni",
    "LY": "Libyan",
    "SD": "Sudanese",
    "ET": "Ethiopian",
    "SO": "Somali",
    "NG": "Nigerian",
    "KE": "Kenyan",
    "ZA": "South African",
    "PH": "Filipino | Philippine",
    "ID": "Indonesian",
    "MY": "Malaysian",
    "TH": "Thai",
    "VN": "Vietnamese",
    "MM": "Burmese",
    "BD": "Bangladeshi",
    "LK": "Sri Lankan",
    "NP": "Nepali",
    "TW": "Taiwanese",
    "AR": "Argentine | Argentinian",
    "CL": "Chilean",
    "CO": "Colombian",
    "PE": "Peruvian",
    "EC": "Ecuadorian",
    "BO": "Bolivian",
    "NI": "Nicaraguan",
    "LT": "Lithuanian",
    "LV": "Latvian",
    "EE": "Estonian",
    "MD": "Moldovan",
    "KW": "Kuwaiti",
    "BH": "Bahraini",
    "OM": "Omani",
    "TN": "Tunisian",
    "DZ": "Algerian",
    "MA": "Moroccan",
    "ML": "Malian",
    "NZ": "New Zealander",
    "SI": "Slovenian",
    "BA": "Bosnian",
    "AL": "Albanian",
    "UZ": "Uzbek",
    "TJ": "Tajik",
    "KG": "Kyrgyz",
    "TM": "Turkmen",
    "MN": "Mongolian",
    "SG": "Singaporean",
    "AO": "Angolan",
    "BI": "Burundian",
    "BJ": "Beninese",
    "BF": "Burkinabe",
    "BS": "Bahamian",
    "BB": "Barbadian",
    "BN": "Bruneian",
    "BT": "Bhutanese",
    "CF": "Central African",
    "CI": "Ivorian",
    "CM": "Cameroonian",
    "KM": "Comoran",
    "CV": "Cape Verdean",
    "CR": "Costa Rican",
    "CY": "Cypriot",
    "DJ": "Djiboutian",
    "ER": "Eritrean",
    "FJ": "Fijian",
    "GA": "Gabonese",
    "GH": "Ghanaian",
    "GM": "Gambian",
    "GW": "Bissau-Guinean",
    "GQ": "Equatorial Guinean",
    "GT": "Guatemalan",
    "GY": "Guyanese",
    "HN": "Honduran",
    "IS": "Icelandic",
    "JM": "Jamaican",
    "KH": "Cambodian",
    "LA": "Laotian",
    "LR": "Liberian",
    "MG": "Malagasy",
    "MV": "Maldivian",
    "MK": "Macedonian",
    "MT": "Maltese",
    "ME": "Montenegrin",
    "MZ": "Mozambican",
    "MR": "Mauritanian",
    "MU": "Mauritian",
    "MW": "Malawian",
    "NA": "Namibian",
    "NE": "Nigerien",
    "PA": "Panamanian",
    "PG": "Papua New Guinean",
    "PR": "Puerto Rican",
    "PY": "Paraguayan",
    "RW": "Rwandan",
    "SN": "Senegalese",
    "SL": "Sierra Leonean",
    "SV": "Salvadoran",
    "SS": "South Sudanese",
    "SR": "Surinamese",
    "SZ": "Swazi",
    "TD": "Chadian",
    "TG": "Togolese",
    "TL": "Timorese",
    "TO": "Tongan",
    "TT": "Trinidadian",
    "TZ": "Tanzanian",
    "UG": "Ugandan",
    "UY": "Uruguayan",
    "WS": "Samoan",
    "ZM": "Zambian",
    "ZW": "Zimbabwean",
}

# Capitals that stand for the state in news copy ("Washington has passed a decision").
_CAPITALS = {
    "US": "Washington",
    "RU": "Moscow",
    "UA": "Kyiv | Kiev",
    "CN": "Beijing",
    "GB": "London",
    "FR": "Paris",
    "DE": "Berlin",
    "IR": "Tehran",
    "KP": "Pyongyang",
    "KR": "Seoul",
    "JP": "Tokyo",
    "TR": "Ankara",
    "SY": "Damascus",
    "IQ": "Baghdad",
    "AF": "Kabul",
    "PK": "Islamabad",
    "IN": "New Delhi",
    "CA": "Ottawa",
    "AU": "Canberra",
    "BY": "Minsk",
    "GE": "Tbilisi",
    "VE": "Caracas",
    "CU": "Havana",
    "SA": "Riyadh",
    "QA": "Doha",
    "EG": "Cairo",
    "PL": "Warsaw",
    "IT": "Rome",
    "ES": "Madrid",
    "HU": "Budapest",
    "TW": "Taipei",
    "IL": "Jerusalem",
    "LB": "Beirut",
    "JO": "Amman",
    "AE": "Abu Dhabi",
    "AM": "Yerevan",
    "AZ": "Baku",
    "KZ": "Astana",
    "RS": "Belgrade",
    "MX": "Mexico City",
    "BR": "Brasilia | Brasília",
    "AR": "Buenos Aires",
    "NG": "Abuja",
    "KE": "Nairobi",
    "ET": "Addis Ababa",
    "ZA": "Pretoria",
    "VN": "Hanoi",
    "TH": "Bangkok",
    "ID": "Jakarta",
    "PH": "Manila",
    "MM": "Naypyidaw",
    "BD": "Dhaka",
    "LY": "Tripoli",
    "SD": "Khartoum",
    "YE": "Sanaa",
    "NL": "The Hague",
    "SE": "Stockholm",
    "NO": "Oslo",
    "FI": "Helsinki",
    "DK": "Copenhagen",
    "AT": "Vienna",
    "CH": "Bern",
    "GR": "Athens",
    "RO": "Bucharest",
    "BG": "Sofia",
    "CZ": "Prague",
    "LT": "Vilnius",
    "LV": "Riga",
    "EE": "Tallinn",
    "MD": "Chisinau",
    "IE": "Dublin",
    "PT": "Lisbon",
}

# Organisations by every name they go by: canonical name, country code (or None).
_ORGANIZATIONS: dict[tuple[str, str | None], str] = {
    ("European Union", None): "EU | E.U. | the European Union",
    ("NATO", None): "North Atlantic Treaty Organization",
    ("United Nations", None): "UN | U.N. | the United Nations",
    ("UN Security Council", None): "United Nations Security Council | UNSC | Security Council",
    ("World Health Organization", None): "WHO | UN health agency | U.N. health agency",
    # UN agencies, also by the descriptions news copy gives them
    ("UNHCR", None): "United Nations High Commissioner for Refugees | UN High Commissioner for "
    "Refugees | U.N. High Commissioner for Refugees | UN refugee agency | U.N. refugee agency",
    ("UNICEF", None): "United Nations Children's Fund | UN Children's Fund | UN children's agency"
    " | U.N. children's agency",
    ("World Food Programme", None): "WFP | World Food Program | UN food agency | U.N. food agency",
    ("United Nations Office for the Coordination of Humanitarian Affairs", None): "OCHA | UN "
    "Office for the Coordination of Humanitarian Affairs | U.N. Office for the Coordination of "
    "Humanitarian Affairs | UN humanitarian office | U.N. humanitarian office",
    ("UNRWA", None): "United Nations Relief and Works Agency | UN Relief and Works Agency | "
    "U.N. Relief and Works Agency",
    ("International Monetary Fund", None): "IMF",
    ("World Bank", None): "",
    ("OPEC", None): "Organization of the Petroleum Exporting Countries",
    ("G7", None): "Group of Seven",
    ("G20", None): "Group of 20",
    ("European Commission", None): "",
    ("European Council", None): "",
    ("International Criminal Court", None): "ICC",
    ("International Atomic Energy Agency", None): "IAEA | UN nuclear watchdog | U.N. nuclear "
    "watchdog",
    ("Red Cross", None): "ICRC | International Committee of the Red Cross",
    ("Amnesty International", None): "",
    # Acronyms from the French names, which no English initials give
    ("Doctors Without Borders", None): "MSF | Médecins Sans Frontières | Medecins Sans Frontieres",
    ("Reporters Without Borders", None): "RSF | Reporters Sans Frontières | "
    "Reporters Sans Frontieres",
    ("Human Rights Watch", None): "",
    ("Kremlin", "RU"): "the Kremlin",
    ("White House", "US"): "the White House",
    ("Pentagon", "US"): "the Pentagon",
    ("State Department", "US"): "U.S. State Department | Department of State",
    ("Treasury Department", "US"): "U.S. Treasury | US Treasury | Treasury | "
    "Department of the Treasury | U.S. Treasury Department | US Treasury Department",
    ("Office of Foreign Assets Control", "US"): "OFAC",
    ("Justice Department", "US"): "Department of Justice | DOJ",
    ("Commerce Department", "US"): "Department of Commerce | U.S. Commerce Department | "
    "Bureau of Industry and Security",
    ("FBI", "US"): "Federal Bureau of Investigation",
    ("CIA", "US"): "Central Intelligence Agency",
    ("Congress", "US"): "U.S. Congress | US Congress",
    # Sanctioning agencies of other states: each stands for its country as an authority.
    ("Foreign Office", "GB"): "Foreign, Commonwealth and Development Office | FCDO | "
    "Foreign and Commonwealth Office | British Foreign Office | UK Foreign Office",
    ("HM Treasury", "GB"): "Her Majesty's Treasury | His Majesty's Treasury",
    ("Office of Financial Sanctions Implementation", "GB"): "OFSI",
    ("Global Affairs Canada", "CA"): "",
    ("Department of Foreign Affairs and Trade", "AU"): "DFAT",
    ("Council of the European Union", None): "Council of the EU | EU Council",
    ("Taliban", None): "the Taliban",
    ("Hamas", None): "",
    ("Hezbollah", None): "",
    ("Islamic State", None): "ISIS | ISIL | IS",
    ("Al-Qaeda", None): "al-Qaeda | al Qaeda | Al Qaeda",
    ("Reuters", None): "",
    ("Associated Press", None): "AP",
    ("Agence France-Presse", None): "AFP",
    ("TASS", "RU"): "Tass",
    ("RIA Novosti", "RU"): "RIA",
    ("Interfax", "RU"): "",
    ("Xinhua", "CN"): "",
    ("Bloomberg", None): "",
    ("BBC", "GB"): "",
    ("CNN", "US"): "",
    ("NPR", "US"): "",
    ("Al Jazeera", "QA"): "",
}


def _names(spec: str) -> list[str]:
    return [n.strip() for n in spec.split("|") if n.strip()]


@cache
def _countries() -> dict[str, Country]:
    """Every ISO 3166 country by alpha-2 code, with its usual English name."""
    found = {}
    for record in pycountry.countries:
        code = record.alpha_2
        name = _SHORT_NAMES.get(code) or getattr(record, "common_name", None) or record.name
        found[code] = Country(code, record.alpha_3, name)
    return found


@cache
def _index() -> dict[str, PlaceMention]:
    """Each known name (as written) to a template mention saying what it is."""
    index: dict[str, PlaceMention] = {}

    def put(name: str, kind: str, country: Country | None, org: Organization | None = None) -> None:
        # Mentions never include the article: "the Kremlin" is found as "Kremlin".
        bare = name[4:] if name.startswith("the ") else name
        if bare not in index:
            index[bare] = PlaceMention(0, 0, bare, kind, country, org)

    countries = _countries()
    for (name, code), others in _ORGANIZATIONS.items():
        org = Organization(name, code)
        for alias in [name, *_names(others)]:
            put(alias, "organization", countries.get(code or ""), org)
    for code, country in countries.items():
        record = pycountry.countries.get(alpha_2=code)
        if record is None:
            continue
        names: list[str | None] = [
            country.name,
            getattr(record, "common_name", None),
            getattr(record, "official_name", None),
        ]
        names += [record.name] if "," not in record.name else []
        for known in [*names, *_names(_EXTRA_NAMES.get(code, ""))]:
            if known:
                put(known, "country", country)
                if " " in known:  # "Burkina-Faso", "Sierra-Leone": the name hyphenated
                    put(known.replace(" ", "-"), "country", country)
    for code, spec in _DEMONYMS.items():
        for demonym in _names(spec):
            put(demonym, "demonym", countries[code])
            put(demonym + "s", "demonym", countries[code])
    for code, spec in _CAPITALS.items():
        for capital in _names(spec):
            put(capital, "capital", countries[code])
    return index


@cache
def _first_words() -> dict[str, int]:
    """The first word of every known name, with the most words a name starting so has."""
    longest: dict[str, int] = {}
    for name in _index():
        words = _WORD.findall(name)
        if words:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


@cache
def _lower_index() -> dict[str, PlaceMention]:
    return {name.lower(): mention for name, mention in _index().items()}


def capital_of(country: Country) -> str | None:
    """The capital news copy names for a country ("Kabul" for Afghanistan), if listed."""
    names = _names(_CAPITALS.get(country.code, ""))
    return names[0] if names else None


def country_by_code(code: str) -> Country | None:
    """The country with this ISO 3166 alpha-2 code."""
    return _countries().get(code.upper())


def country_for(name: str) -> Country | None:
    """The country a name stands for: its name, short form, demonym or capital."""
    key = name.strip()
    if key.lower().startswith("the "):
        key = key[4:]
    found = _index().get(key) or _lower_index().get(key.lower())
    if found is None or found.kind == "organization":
        return None
    return found.country


def demonym_country(word: str) -> Country | None:
    """The country of a demonym: `Russian` → Russia."""
    found = _index().get(word.strip())
    return found.country if found is not None and found.kind == "demonym" else None


def demonym_for(country: Country) -> str | None:
    """The adjective of a country: Japan → `Japanese` (None where none is known)."""
    spec = _DEMONYMS.get(country.code)
    names = _names(spec) if spec else []
    return names[0] if names else None


def organization_for(name: str) -> Organization | None:
    """The well-known organisation a name stands for ("the Kremlin", "OFAC")."""
    key = name.strip()
    found = _index().get(key) or _index().get(key[4:] if key.lower().startswith("the ") else key)
    return found.organization if found is not None else None


# Words of a name: "U.S." and "U.K." whole, letters with inner hyphens and apostrophes.
# (It opens with one character class, so a scan skips to the next word character in C; the
# lookbehind asks what the alternatives did first: "U.S." is capitals.)
_WORD = re.compile(r"\w(?:(?<=[A-Z])\.(?:[A-Z]\.)+|\w*(?:[-'’]\w+)*)")
_POSSESSIVE = re.compile(r"['’]s?$")
# Where a known name can start: a capitalised word or a number ("G7" is caught by the first).
# (It opens with one character class, the first letter, so a scan skips to the next capital
# in C; the lookbehind `(?<!\w\w)` after it is the word boundary before that letter.)
_NAME_START = re.compile(r"[^\W\d_a-z](?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<!\w\w)\w*(?:[-'’]\w+)*)")
_MAX_WORDS = 10  # "United Nations Office for the Coordination of Humanitarian Affairs"


def body_places(analysis: Analysis) -> list[PlaceMention]:
    """`find_places` over the article body, computed once per article (a layer)."""
    return analysis.layer("places", lambda a: find_places(a.body))


def find_places(text: str) -> list[PlaceMention]:
    """Every country, demonym, capital and known organisation named in `text`, longest first."""
    index, first = _index(), _first_words()
    found: list[PlaceMention] = []
    free = 0
    for match in _NAME_START.finditer(text):
        if match.start() < free:
            continue
        word = match.group()
        most = first.get(word)
        if most is None and word[-1] in "s'’":
            most = first.get(_POSSESSIVE.sub("", word))
        if most is None:
            continue
        most = min(most, _MAX_WORDS)
        spans = [(w.start(), w.end()) for w in islice(_WORD.finditer(text, match.start()), most)]
        hit = _longest(text, spans, 0, most, index)
        if hit is not None:
            found.append(hit[0])
            free = hit[0].end
    return found


def _longest(
    text: str, words: list[tuple[int, int]], i: int, most: int, index: dict[str, PlaceMention]
) -> tuple[PlaceMention, int] | None:
    """The longest known name starting at word `i`, and how many words it takes."""
    start = words[i][0]
    for n in range(min(most, len(words) - i), 0, -1):
        end = words[i + n - 1][1]
        candidate = text[start:end]
        if "\n" in candidate:
            continue
        for name in (candidate, _POSSESSIVE.sub("", candidate)):
            known = index.get(name)
            if known is not None and not _tail_continues(text, start + len(name)):
                return PlaceMention(
                    start, start + len(name), name, known.kind, known.country, known.organization
                ), n
    return None


def _tail_continues(text: str, end: int) -> bool:
    """Whether a match ends inside a word ("Indiana" is not "India")."""
    return end < len(text) and (text[end].isalnum())
