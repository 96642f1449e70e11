"""Whom a sanctions action targets: the names and countries in the clauses the trigger governs.

The targets and target countries are the names after the trigger, clause by clause
("on Moscow", "targeting ... Rosneft and Lukoil, as well as their subsidiaries",
"which will target VEB", after a dash that follows a common noun: "on three
individuals – A, B and C"), who "would face sanctions", and the objects before the
list in "added X to its sanctions list". A country or demonym there is a target
country, as is a country that opens a target's name ("Myanmar Oil and Gas
Enterprise"), the owner of a named body ("Mexico's Sinaloa Cartel"), a state's own
body ("the Kremlin") and, for "the junta" or "the regime", the country the article is
about; a leader targeted names the country of his title. The owner of the reason of
the sanctions is the target country, over the nationality of the entities ("sanctions
on a Chinese refinery that helped Iran's oil trade", "over Russia's invasion"), unless
a country is named as the object ("on Belarus over Russia's war"). In an entry ban ("X
will be barred from entering China") the subject is the target and the country not to
be entered the authority. "Iran's Central Bank" is the Central Bank of Iran; "the
managing director of X Mehdi Y" is the person.

A reason ("in response to Iran's attack on Israel", "over its purchase of ...") names
no objects.

Not targets: the official who announces ("by Foreign Minister X"), agencies,
instruments ("Executive Order 13902"), groups of faith or people, ports and provinces,
events ("the Hiroshima Summit"), the site a statement was posted on, the associates'
patron ("allies of President Putin": the allies), a bare "the Central Bank", whom
another noun bears on ("keep the pressure on Putin").
"""

from __future__ import annotations

import itertools
import re

from newsld.model import Entity
from newsld.text.entities import mentions
from newsld.text.gazetteer import PlaceMention, find_places
from newsld_plugins.sanctions.authority import leader_country
from newsld_plugins.sanctions.context import PHRASE_REACH, Reading
from newsld_plugins.sanctions.names import (
    AFTER_TITLE,
    MAY_CLOSE,
    ORG_TAIL,
    SECTOR,
    TOKEN,
    WORD_REACH,
    closes_clause,
    for_in_title,
    name_runs,
)
from newsld_plugins.sanctions.people import titled_people
from newsld_plugins.sanctions.places import (
    GOVERNMENT_BODY,
    LIST_JOINT,
    countries_by_mentions,
    ending_in,
    starting_in,
)
from newsld_plugins.sanctions.statement import Party, Statement, add
from newsld_plugins.sanctions.trigger import REMOVED_FROM

__all__ = ["named_targets", "read_objects", "reason_country", "target"]

_BY_OFFICIAL_BEFORE = re.compile(r"\bby\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$")
_CLAUSE_OPENS = frozenset(
    "targeting targets targeted target including include includes included against on such "
    "namely among are were is was".split()
)
# A dash after a common noun opens the names it stands for: "three individuals – A, B".
_APPOSED_LIST = re.compile(r"[–—]\s+(?:the\s+)?[A-Z]")
_COMMON_NOUN_BEFORE = re.compile(r"\b[a-z][\w-]*\s+$")
_SECTOR_NAMES = {
    "banks": "banking",
    "finance": "financial",
    "defense": "defence",
    "metal": "metals",
}
# Who rules a country, named without the country: "the junta", "the military government",
# "the coup leaders".
_RULERS = re.compile(
    r"\s*(?:\S+\s+){0,4}?(?:the\s+)?(?:[\w-]+\s+)?(?:junta|regime|military\s+government"
    r"|military\s+rulers|military\s+leaders|generals"
    # "sanctions against the coup leaders", "on the mutinous troops": who seized power
    r"|coup\s+(?:leaders|makers|plotters)|putschists|mutineers|mutinous\s+(?:troops|soldiers))\b"
)


def read_objects(r: Reading, statement: Statement) -> int:
    """Fill targets, target countries and sector from the clauses the trigger governs."""
    if r.trigger.group("barred") is not None:
        return _barred(r, statement)
    end = r.trigger.end()
    named: list[PlaceMention] = []
    for start, stop in _object_spans(r):
        for place in starting_in(r.places, start, stop):
            # "sanctions against the Kremlin": a state's own body stands for the state.
            state_body = place.kind == "organization" and place.organization is not None
            state_body = state_body and GOVERNMENT_BODY.search(place.text) is not None
            if place.kind in ("country", "capital", "demonym") or (state_body and place.country):
                add(
                    statement.countries,
                    Party("Country", place.country.name if place.country else place.text),
                )
                if place.kind == "country":
                    named.append(place)
                end = max(end, place.end)
        for run_end, party in named_targets(r, start, stop):
            add(statement.targets, party)
            _add_leading_country(party, statement)
            end = max(end, run_end)
        statement.sector = statement.sector or _sector(r.text, start, stop)
    # "lifted sanctions on Niger, Mali and Burkina Faso": one list of countries by name
    # ("on Russian and Ukrainian officials" names the officials).
    statement.listed = len(named) > 1 and all(
        LIST_JOINT.fullmatch(r.text, a.end, b.start) for a, b in itertools.pairwise(named)
    )
    reason = reason_country(r)
    if reason is not None and not named:
        # "sanctions on 100 firms, including a Chinese refinery, that helped Iran's oil
        # trade", "over Russia's invasion": the country whose conduct is punished.
        statement.countries = [Party("Country", reason)]
    authorities = {p.name for p in statement.authority}
    if statement.action and not statement.countries and not statement.targets:
        _add_possessor_country(r.text, r.places, r.trigger.end(), statement)
    if statement.action and not statement.countries and not statement.targets:
        _ruling_country(r, statement, authorities)
    if not statement.countries:
        _leaders_countries(r, statement)
    statement.countries = [c for c in statement.countries if c.name not in authorities]
    return end


def named_targets(
    r: Reading, start: int, stop: int, runs: list[tuple[int, int]] | None = None
) -> list[tuple[int, Party]]:
    """The targets named in `start..stop` (and where each ends), in the order told.

    A list item naming a person by office is that person ("head of the prison service
    Anne Kell"); the other names are read run by run.
    """
    people = titled_people(r, start, stop)
    found = [(end, party) for _, end, party in people]
    for run_start, run_end in name_runs(r.text, start, stop) if runs is None else runs:
        if people and any(s <= run_start < e for s, e, _ in people):
            continue  # the office of a person named after it
        if _acronym_of_name_before(r.text, run_start, run_end):
            continue  # "Korvo Trading (KT)": the acronym is another name of the target
        party = target(r, run_start, run_end)
        if party is not None:
            found.append((run_end, party))
    return sorted(found, key=lambda f: f[0]) if people else found


_NAME_THEN_BRACKET = re.compile(r"[A-Z][\w&.-]*\s*\($")
_ACRONYM_RUN = re.compile(r"[A-Z][A-Z0-9&.-]{1,9}")


def _acronym_of_name_before(text: str, start: int, end: int) -> bool:
    """Whether a run is an acronym in brackets right after a name: "Korvo Trading (KT)"."""
    return (
        text.startswith(")", end)
        and _ACRONYM_RUN.fullmatch(text, start, end) is not None
        and _NAME_THEN_BRACKET.search(text, max(0, start - WORD_REACH), start) is not None
    )


def reason_country(r: Reading) -> str | None:
    """The country a sanction's reason names as its owner: "over Russia's invasion"."""
    for place in starting_in(r.places, r.trigger.end(), len(r.text)):
        if place.country is None or place.kind not in ("country", "capital"):
            continue
        owns = _POSSESSIVE_OWNER.match(r.text, place.end) is not None
        if owns and _REASON_BEFORE.search(r.text, max(0, place.start - _PHRASE), place.start):
            return place.country.name
    return None


# What a reason for sanctions opens with: "over", "for supplying", "that helped".
_REASON_BEFORE = re.compile(
    r"\b(?:over|because\s+of|in\s+response\s+to|in\s+retaliation\s+for|for"
    r"|(?:that|which|who)\s+(?:allegedly\s+)?(?:helped|supported|supplied|aided|financed"
    r"|funded|enabled|backed)|for\s+(?:allegedly\s+)?(?:helping|supporting|supplying|aiding"
    r"|financing|funding|enabling|backing)|associated\s+with|linked\s+to|tied\s+to|close\s+to)"
    r"\s+(?:the\s+)?$"
)
# A noun other than the sanctions that "on" belongs to: "pressure on Putin", "war on Ukraine".
_OTHER_NOUN_ON = re.compile(
    r"\b(?:pressure|talks|war|attacks?|strikes?|focus|stance|position|views?|impact|effects?"
    r"|influence|grip|hold|crackdown|assault|offensive|invasion|deal|agreement)\s+on\s+(?:the\s+)?$"
)
_REASON_WORDS = frozenset({"over", "because", "in", "for", "following", "after"})
_DASHES = frozenset({"–", "—"})
# "for Moscow's military aggression against Ukraine", "following its attack on Ukraine".
_REASON_OPENS = re.compile(
    r"(?:over|because\s+of|in\s+response\s+to|in\s+retaliation\s+for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*['’]s\s+)?[a-z]"
    # "for" and "following" open a reason only with an owner or a gerund ("for the first
    # time" opens none)
    r"|(?:for|following|after)\s+(?:(?:its|their|his|her|[A-Z][\w-]*['’]s)\s+[a-z]|[a-z]+ing\b)"
)
_POSSESSIVE_OWNER = re.compile(r"['’]s\s+\w")
_PHRASE = 50


def _barred(r: Reading, statement: Statement) -> int:
    """An entry ban: "The ministry said X will be barred from entering China".

    Who is barred is the subject before the trigger; the country they may not enter is
    the one that bars them.
    """
    # "a list of 963 Americans – including A, B and C – who are banned": the antecedent.
    relative = _RELATIVE_BEFORE.search(r.text, max(0, r.trigger.start() - 40), r.trigger.start())
    opens = _MAIN_CLAUSE_OPENS if relative else _SUBJECT_OPENS
    opening = [m.end() for m in opens.finditer(r.text, 0, r.trigger.start())]
    dateline = _DATELINE.match(r.text)
    start = opening[-1] if opening else (dateline.end() if dateline else 0)
    stop = r.trigger.start()
    if r.trigger.group("whom"):  # "Russia banned A and B from entering": the objects
        start, stop = r.trigger.span("whom")
    for run_start, run_end in name_runs(r.text, start, stop):
        party = target(r, run_start, run_end)
        if party is not None:
            add(statement.targets, party)
    authorities = {p.name for p in statement.authority}
    for place in starting_in(r.places, start, stop):
        named = place.country.name if place.country else None
        if place.kind in ("demonym", "country") and named and named not in authorities:
            add(statement.countries, Party("Country", named))
    clause = _CLAUSE.match(r.text, r.trigger.end())
    stop = clause.end() if clause else r.trigger.end()
    for place in starting_in(r.places, r.trigger.end(), stop):
        if place.country is not None and place.kind in ("country", "capital"):
            if not statement.authority:
                statement.authority.append(Party("Country", place.country.name))
            break
    return stop


# Where the clause of a subject opens: after "said", "that", a comma or a semicolon.
_SUBJECT_OPENS = re.compile(r"\b(?:said|says|that)\s|[,;:]\s")
_DATELINE = re.compile(r"[A-Z][A-Z.' -]+(?:\s*[•—–:-]|\s+\()")  # "MOSCOW •", "KABUL (AP)"
_MAIN_CLAUSE_OPENS = re.compile(r"\b(?:said|says|that)\s|[;:]\s")
_RELATIVE_BEFORE = re.compile(
    r"\b(?:who|which|that)\s+(?:are|were|is|was|(?:will|would|have|has)\s+been|will\s+be)\s+$"
)
_CLAUSE = re.compile(r"[^,;.]*")


def _leaders_countries(r: Reading, statement: Statement) -> None:
    """ "sanctions on President Nicolas Maduro": the country his title names."""
    for target in statement.targets:
        entity = r.analysis.entities.find(target.name, "Person")
        country = leader_country(entity) if entity is not None else None
        if country is not None:
            add(statement.countries, Party("Country", country))


def _ruling_country(r: Reading, statement: Statement, authorities: set[str]) -> None:
    """ "sanctions against the military government": the country the article is about."""
    spans = _object_spans(r)
    if not any(_RULERS.match(r.text, start, stop) for start, stop in spans[:1]):
        return
    country = next((c for c in countries_by_mentions(r.analysis) if c not in authorities), None)
    if country is not None:
        statement.countries.append(Party("Country", country))


def _object_spans(r: Reading) -> list[tuple[int, int]]:
    """The stretches after the trigger that name its objects (clause by clause)."""
    spans: list[tuple[int, int]] = []
    if r.trigger.group("removal") is not None:
        # "removed an Iranian firm from its sanctions list": the objects before the list.
        listed = REMOVED_FROM.search(r.text, r.trigger.end())
        return [(r.trigger.end(), listed.start() if listed else len(r.text))]
    cue = r.cue
    if cue is not None and cue.group().lower().startswith("add"):
        # "Seoul added eight North Korean individuals to its sanctions list".
        spans.append((cue.end(), r.trigger.start()))
    active, start, reason = True, r.trigger.end(), False
    for token in TOKEN.finditer(r.text, r.trigger.end()):
        word = token.group()
        if (
            word in _REASON_WORDS
            and _REASON_OPENS.match(r.text, token.start())
            and not (word == "for" and for_in_title(r.text, token))  # "the minister for trade"
        ):
            # "in response to Iran's attack on Israel": a reason names no objects
            if active:
                spans.append((start, token.start()))
            active, reason = False, True
        elif reason and word not in (";", ":"):
            continue
        elif (
            word in _DASHES
            and _APPOSED_LIST.match(r.text, token.start())
            and _COMMON_NOUN_BEFORE.search(
                r.text, max(0, token.start() - WORD_REACH), token.start()
            )
        ):
            # "on three individuals – A, B and C", "Russia's military bank – Promsvyazbank"
            if active:
                spans.append((start, token.start()))
            active, start = True, token.end()
        elif word in MAY_CLOSE and closes_clause(r.text, token):
            if active:
                spans.append((start, token.start()))
            active = False
        elif not active and (word.lower() in _CLAUSE_OPENS or word == ":"):
            active, start = True, token.end()
        if reason and word in (";", ":"):
            reason = False
    if active:
        spans.append((start, len(r.text)))
    return spans


def target(r: Reading, start: int, end: int) -> Party | None:
    """The party a name after the trigger stands for, or None (a country, a title...)."""
    if any(p.start <= start and end <= p.end for p in ending_in(r.places, end, end + 1_000)):
        return None  # a country or demonym, not a target
    name = r.text[start:end]
    organizations = [p for p in starting_in(r.places, start, end) if p.kind == "organization"]
    if organizations and not ORG_TAIL.search(name):
        return None  # an authority or agency named after the trigger ("IS Bank" is a bank)
    if _APPOSED_ROLE_BEFORE.search(r.text, max(0, start - PHRASE_REACH), start) and not (
        _PERSON_AFTER_ORG.search(name)
    ):
        # "Ivan Kolt, the chairman of Orsk Bank": the person's body, no target ("the head
        # of Brenn Shipping Ivo Stark" names the person after the body).
        return None
    if _ROLE_OF.search(r.text, max(0, start - 40), start):
        # "managing director of Iran Aircraft Industries Mehdi Gogerdchian": the person.
        after_org = _ORG_THEN_NAME.search(name)
        if after_org is not None:
            return Party("Person", after_org.group(1))
        person = _person_at(r, start, end)
        if person is not None and not name.startswith(person.name):
            return Party("Person", person.name)
    if _BY_OFFICIAL_BEFORE.search(r.text, max(0, start - PHRASE_REACH), start):
        return None  # "announced by Foreign Minister Penny Wong": who imposes, no target
    if _OTHER_NOUN_ON.search(r.text, max(0, start - PHRASE_REACH), start):
        return None  # "the sanctions keep the pressure on Putin": on whom the pressure is
    if _INSTRUMENT.search(name) or _ASSOCIATES_OF.search(
        r.text, max(0, start - PHRASE_REACH), start
    ):
        return None
    if _NO_TARGET.fullmatch(name) or _PUBLISHED_ON.search(r.text, max(0, start - 40), start):
        return None
    if _GENERIC_BODY.fullmatch(name):
        return _owned_body(r, start, name)
    if ORG_TAIL.search(name):
        return Party("Organization", name)  # "Myanmar Oil and Gas Enterprise", whole
    person = _person_at(r, start, end)
    if person is not None:
        return Party("Person", person.name)
    # "Defence Minister Mohammad Reza Ashtiani": the name after the last title word.
    titled = AFTER_TITLE.search(name)
    if titled is not None:
        return Party("Person", titled.group(1))
    return Party("Organization", name)


def _owned_body(r: Reading, start: int, name: str) -> Party | None:
    """ "Iran's Central Bank" → "Central Bank of Iran"; a bare "the Central Bank" is no name."""
    for place in ending_in(r.places, start - 3, start):
        owns = _POSSESSIVE_NAME.match(r.text, place.end) is not None
        if place.country is not None and owns:
            return Party("Organization", f"{name} of {place.country.name}")
    return None


def _person_at(r: Reading, start: int, end: int) -> Entity | None:
    base = r.sentence.start
    for mention in mentions(r.analysis).between(base + start - 40, base + end + 1):
        entity = mention.entity
        inside = base + start <= mention.start and mention.end <= base + end
        if inside and entity is not None and entity.type == "Person":
            return entity
    return None


# A place that opens a longer name is part of it: "China Concord Petroleum Company",
# "Syrian Arab Airlines", "the Minsk Agreements".
# "laundering for factions of Mexico's Sinaloa Cartel": the possessor is the target country.
_POSSESSIVE_NAME = re.compile(r"['’]s\s+[A-Z]")


def _add_possessor_country(
    text: str, places: list[PlaceMention], start: int, statement: Statement
) -> None:
    """Add the first country after `start` that owns a named body ("Mexico's Sinaloa Cartel")."""
    for place in starting_in(places, start, len(text)):
        owns = _POSSESSIVE_NAME.match(text, place.end) is not None
        if place.kind == "country" and place.country and owns:
            statement.countries.append(Party("Country", place.country.name))
            return


def _add_leading_country(party: Party, statement: Statement) -> None:
    """A country that opens a target's name is its country: "Myanmar Oil and Gas Enterprise"."""
    if party.type != "Organization":
        return
    leading = next(iter(find_places(party.name)), None)
    if leading is not None and leading.start == 0 and leading.kind == "country" and leading.country:
        add(statement.countries, Party("Country", leading.country.name))


# Legal instruments are no targets: "under Executive Order 13902", "the Magnitsky Act".
_INSTRUMENT = re.compile(
    r"\b(?:Order|Act|Resolution|Regulations?|Directive|Decree|Law|Code|Agreements?|Accords?)"
    r"(?:\s+[0-9/()]+)?$"
)
# Group words, platforms and places are no targets: "Alawite", "the Port of Tartus", "X port".
# ... and so are events: "in last week's Hiroshima Summit".
_NO_TARGET = re.compile(
    r"(?:Alawites?|Shi['’]?ites?|Shia|Sunnis?|Druze|Muslims?|Christians?|Jews|Jewish|Catholics?"
    r"|Kurds?|Kurdish|Arabs?|Yazidis?|Hindus?|Sikhs?|Buddhists?|Uyghurs?|Rohingya)"
    r"|Ports?\s+of\s.*|.*\s(?:Port|Ports|Harbou?r|Airport|Province|Region|Governorate)"
    r"|.*\s(?:Summit|Conference|Forum|Talks|Games|Festival)"
)
# "its minister posted on X": the site a statement was published on.
_PUBLISHED_ON = re.compile(
    r"\b(?:post(?:ed|s|ing)?|wr(?:ote|ites|iting)|tweet(?:ed|s)?|shar(?:ed|es|ing)|said|stated"
    r"|announc(?:ed|es|ing)|statement|message|video)\s+(?:\w+\s+){0,2}?on\s+$"
)
# A body every state has names no one without its owner: "the Central Bank".
_GENERIC_BODY = re.compile(
    r"(?:Central|National|Reserve)\s+Bank|Government|Parliament|Cabinet|Army|Navy|Police"
)
_ROLE_OF = re.compile(
    r"\b(?:director|chief\s+executive|head|chairman|chairwoman|owner|founder|CEO|president)"
    r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}$"
)
# A role told in an apposition after a name: "Ivan Kolt, the chairman of Orsk Bank".
_APPOSED_ROLE_BEFORE = re.compile(
    r"[A-Za-z],\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:chairman|chairwoman|chair|president|CEO"
    r"|chief(?:\s+executive)?|head|director|founder|owner|governor)\s+of\b(?:(?!\band\s)[^,;()]){0,60}$"
)
_PERSON_AFTER_ORG = re.compile(r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+$")
_ORG_THEN_NAME = re.compile(
    r"\b(?:Industries|Company|Corporation|Corp|Group|Bank|Holdings?|Ltd|Limited|Inc|LLC|Shipping"
    r"|Agency|Foundation|Organi[sz]ation)\s+((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+|[A-Z][\w'’-]+)$"
)
# "sanctions on allies of President Putin": the allies are the targets, not Putin.
_ASSOCIATES_OF = re.compile(
    r"\b(?:(?:allies|associates|friends?|cronies|relatives|family|members|circle|entourage"
    r"|officials|officers|commanders|leaders|employees|staff|units?|subsidiaries"
    r"|(?:step|grand)?(?:daughters?|sons?|children)|wife|husband|spouse|brothers?|sisters?"
    r"|founder|chief\s+executive|head|chairman|owner|director|mayor|governor)"
    r"(?:\s+respectively)?\s+of|(?:links?|ties|advis[eo]r|aide)\s+to)\s+(?:[\w.-]+\s+){0,3}$"
    # "four officials serving on the U.S. Commission on International Religious Freedom":
    # the body its unnamed members serve on is no target
    r"|\b(?:serving|sitting|working)\s+(?:on|in|at|for|with)\s+(?:[\w.-]+\s+){0,5}$"
)


def _sector(text: str, start: int, stop: int) -> str | None:
    match = SECTOR.search(text, start, stop)
    if match is None:
        return None
    word = match.group("s").lower()
    return _SECTOR_NAMES.get(word, word)
