"""The `sanctions` extractor: sanctions actions as `sanction` claims.

Each sentence about sanctions is read into a statement (`reading`): the action, the
authority, the targets and target countries, the measure, sector and date. Each
authority takes its own action ("The EU, UK and US imposed sanctions on X": three),
and so does each country of a list of countries named as the objects when no target is
named ("lifted sanctions on Niger, Mali and Burkina Faso": three). Statements of one
action are merged into one claim with several evidence spans: a statement joins an
earlier claim with the same action and no other authority when they share a target, or
when nothing they name conflicts (other target countries, other targets, another day,
month or year; a vague period such as "last week" conflicts with nothing). An action
told in the perfect on other objects is a background of its own ("China sanctioned
McCaul on Thursday", then "China has sanctioned Lithuanian officials"), as is one told
as before ("Moscow had already announced sanctions targeting ..."), or, told with
"also", on another country ("it had also banned 26 more Canadians"). A statement is
compared with the actions told most recently first, and an action told with no
authority takes the authority of the action before it ("it said it had also banned";
"X had been designated in 2020"). An action told ahead and its doing are one action
("The US plans to impose sanctions on X", then "the sanctions were ordered on
Wednesday": one `impose`; "Japan decided to expand its sanctions", then "Japan will
freeze the assets"); impose and lift on one target stay two. A statement that names an
action and who takes it, or whom it targets, may start a claim; one that only adds
detail ("The new sanctions ban exports ... from North Korea") joins the nearest claim
it fits, or is dropped unless it tells an action of its own time ("The measures were
originally introduced on 31 July 2014": an imposition of its own, by the authority and
on the country told before it).

The date of a claim comes from the statements of its own action first (the order's
day, not the plan's), never from an aside ("the Council – which meets on Friday –"),
the day a measure takes effect, an event named by its days ("the European Council of
22-23 June") or what the action followed ("after Russia recognised the regions on
Monday"); an action told with no date takes the one day the sentence before it names,
else the one day of the next sentence when it points back to the action ("EU
headquarters said Wednesday that the decision was unanimous", "The Cabinet approval on
Friday"), else, told with "also", the day of the action told before it.

An action left with neither an authority nor a named target ("France backed calls for
sanctions against Russia") is no claim: it says no one acts on anyone.

A statement is compared with the 32 actions told nearest it, so an article of any
length is merged in linear time.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
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
    previous_sentence,
    published_date,
    sentence_index,
    sentences_matching,
)
from newsld.text.segment import Segment
from newsld_plugins.sanctions.listing import LISTING, read_listing
from newsld_plugins.sanctions.places import BLOC_ACRONYMS, authority_party, sentence_places
from newsld_plugins.sanctions.reading import read_sentence
from newsld_plugins.sanctions.statement import Party, Statement
from newsld_plugins.sanctions.trigger import TRIGGER

__all__ = ["extract_sanctions"]

NAME = "sanctions"
# The end of a term is no action date: "extended the sanctions until 31 January 2018".
_GOES_ON = re.compile(r"\s*(?:In\s+addition|Additionally|Also|Besides|Further(?:more)?)\b")
_VAGUE_PERIOD = re.compile(r"\b(?:week|weekend|month|year)\b")
_YEAR = re.compile(
    r"\b(?:[Ii]n|[Ss]ince)\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)[0-9]{2})\b(?!\s*[-–])"
)
# A date in an aside is another verb's: "urged the Council – which meets on Friday – to impose".
_ASIDE = re.compile(r"\s[–—]\s[^–—]*\s[–—]\s|\([^()]*\)|,\s+(?:which|who)\b[^,]*,")
# The actions a statement is compared with: the ones told nearest it. Articles restate
# an action within a few paragraphs; the bound keeps a huge article linear.
_RECENT = 32
_UNTIL = re.compile(
    r"\b(?:until|till|through|expir\w*(?:\s+on)?|runs?\s+to|effect(?:ive)?(?:\s+(?:on|from))?"
    r"|force\s+(?:on|from)|starting(?:\s+on)?)\s+$"
)


@dataclass
class Action:
    """One sanctions action and every statement of it, with the parties they name."""

    action: str
    statements: list[Statement] = field(default_factory=list)
    _parties: dict[str, dict[Party, None]] = field(default_factory=dict)
    terror: bool = False
    _starts: list[int] = field(default_factory=list)
    whens: set[str] = field(default_factory=set)

    def add(self, statement: Statement) -> None:
        """Count one more statement of the action (its parties kept, so no re-reading)."""
        self.statements.append(statement)
        bisect.insort(self._starts, statement.start)
        self.terror = self.terror or statement.terror
        if statement.when and not _VAGUE_PERIOD.search(statement.when):
            self.whens.add(statement.when)
        for key in ("authority", "targets", "countries"):
            self._parties.setdefault(key, {}).update(dict.fromkeys(getattr(statement, key)))

    def parties(self, key: str) -> list[Party]:
        """The authorities, targets or countries its statements name, each once."""
        return list(self._parties.get(key, {}))

    def authorise(self, authority: Party) -> None:
        """Name who took an action told with no authority."""
        self._parties.setdefault("authority", {})[authority] = None

    def aim(self, country: Party) -> None:
        """Name the country an action told with no object is aimed at."""
        self._parties.setdefault("countries", {})[country] = None

    def parties_named(self, key: str) -> bool:
        """Whether a statement of the action names any party as its `key`."""
        return bool(self._parties.get(key))

    def last(self) -> int:
        """Where the last statement of the action starts."""
        return self._starts[-1]

    def gap(self, offset: int) -> tuple[int, int]:
        """How far the nearest statement is from `offset`: those before it first."""
        index = bisect.bisect_right(self._starts, offset)
        if index:
            return (0, offset - self._starts[index - 1])
        return (1, self._starts[0] - offset)

    def names(self, key: str, party: Party) -> bool:
        """Whether a statement of the action names `party` as its `key`."""
        return party in self._parties.get(key, {})


def extract_sanctions(article: Article, analysis: Analysis) -> Iterator[Claim]:
    """One `sanction` claim per distinct sanctions action."""
    if TRIGGER.search(analysis.body) is None:
        return
    statements = [
        s
        for sentence in sentences_matching(analysis, TRIGGER)
        for s in read_sentence(analysis, sentence)
    ]
    statements = _one_per_party(_with_listings(analysis, statements))
    for statement in statements:
        statement.when = _when(analysis, statement)
    actions: list[Action] = []
    for statement in (s for s in statements if s.creates):
        # The actions told most recently first: "The UK is sanctioning X", "The US ...", then
        # "The government has also imposed sanctions on Y" goes on with what was told last.
        recent = sorted(actions[-_RECENT:], key=lambda a: -a.last())
        found = next((a for a in recent if _fits(a, statement)), None)
        if found is None:
            actions.append(Action(statement.action or "impose"))
            actions[-1].add(statement)
            continue
        found.add(statement)
        if statement.action == "impose":
            found.action = "impose"  # "plans to impose", then "the order was signed": imposed
    own_time = [s for s in statements if s.earlier and s.when and s.action]
    for statement in (s for s in statements if not s.creates and (_names_any(s) or s in own_time)):
        found = _nearest_fit(actions, statement)
        if found is not None:
            found.add(statement)
        elif statement.action is not None and statement.when is not None and statement.earlier:
            # "The measures were originally introduced on 31 July 2014": an action of its own
            # time, by the authority told before it.
            action = Action(statement.action)
            action.add(statement)
            bisect.insort(actions, action, key=lambda a: a.statements[0].start)
    _aim_unaimed(actions)
    _authorise_unauthorised(actions)
    day_before: str | None = None
    for action in actions:
        claim = _claim(analysis, action, day_before)
        day_before = claim.properties.get("date")
        if action.parties_named("authority") or action.parties_named("targets"):
            yield claim  # "France backed calls for sanctions against Russia": no one acts


def _authorise_unauthorised(actions: list[Action]) -> None:
    """Give an action told with no authority the authority of the action before it.

    "Russia banned 963 Americans", then "it said it had also banned 26 more Canadians";
    "Mammut Group had been designated in 2020" after "the Treasury removed ...".
    """
    authority: list[Party] = []
    for action in actions:
        if action.parties_named("authority"):
            authority = action.parties("authority")
            continue
        for party in authority:
            action.authorise(party)


def _aim_unaimed(actions: list[Action]) -> None:
    """Give an action told with no target the target country of the action before it.

    "The EU imposed sanctions on Russia on Monday", then "The EU is ready to impose further
    sanctions": further sanctions on Russia.
    """
    aimed: list[Party] = []
    for action in actions:
        mine = [c for c in action.parties("countries") if not action.names("authority", c)]
        if mine or action.parties_named("targets"):
            aimed = mine
            continue
        authority = set(action.parties("authority"))
        for country in aimed:
            if country not in authority:
                action.aim(country)


def _one_per_party(statements: list[Statement]) -> list[Statement]:
    """One statement per authority, and per listed target country when it names no target.

    "The EU, UK and US imposed sanctions on Belaruskali": three actions, each its own
    state's; "ECOWAS lifted sanctions on Niger, Mali and Burkina Faso": three liftings.
    """
    found: list[Statement] = []
    for statement in statements:
        parts = [statement]
        if len(statement.authority) > 1:
            parts = [_copy(statement, authority=[a]) for a in statement.authority]
        if statement.listed and not statement.targets and len(statement.countries) > 1:
            parts = [_copy(p, countries=[c]) for p in parts for c in statement.countries]
        found.extend(parts)
    return found


def _copy(
    statement: Statement,
    authority: list[Party] | None = None,
    countries: list[Party] | None = None,
) -> Statement:
    """A copy of a statement with its own lists of parties."""
    return replace(
        statement,
        authority=list(statement.authority if authority is None else authority),
        targets=list(statement.targets),
        countries=list(statement.countries if countries is None else countries),
    )


def _with_listings(analysis: Analysis, statements: list[Statement]) -> list[Statement]:
    """Add the targets of listing sentences ("X and Y are also targeted") to the statements."""
    by_sentence: dict[int, Statement] = {}
    for statement in statements:
        by_sentence.setdefault(statement.sentence.start, statement)  # the first action told
    starts = sorted(by_sentence)
    for sentence in sentences_matching(analysis, LISTING):
        listing = read_listing(analysis, sentence)
        if listing is None or not _restates(analysis, listing, by_sentence, starts):
            continue
        told = by_sentence.get(sentence.start)
        if told is None:
            statements.append(listing)
            continue
        for target in listing.targets:
            if target not in told.targets:
                told.targets.append(target)
        told.adds = told.adds or listing.added  # "Japan has added X to a list"
    return sorted(statements, key=lambda s: s.start)


def _restates(
    analysis: Analysis, listing: Statement, by_sentence: dict[int, Statement], starts: list[int]
) -> bool:
    """Whether a restated list ("The companies are A and B") names the objects of an action.

    "They are ..." follows the sentence of the action; "The tankers included ..." needs an
    action told just before of tankers, not tankers only said to have evaded sanctions.
    """
    head = listing.head
    if head is None:
        return True
    start = listing.sentence.start
    index = bisect.bisect_left(starts, start)
    earlier = [by_sentence[s] for s in starts[max(0, index - _HEAD_REACH) : index]]
    if not head:
        found = event_sentences(analysis)
        before = sentence_index(analysis, start) - 1
        return before >= 0 and found[before].start in by_sentence
    if head in _COUNTED_HEADS:
        return bool(earlier)
    stem = head[:-1] if head.endswith("s") else head
    return any(stem in s.sentence.text.lower() for s in earlier if s.action is not None)


_HEAD_REACH = 4  # statements back to the action a restated list names the objects of
_COUNTED_HEADS = frozenset("two three four five six seven eight nine ten".split())


def _names_any(statement: Statement) -> bool:
    return bool(statement.authority or statement.targets or statement.countries)


def _fits(action: Action, statement: Statement) -> bool:
    """Whether a statement speaks of this action: the same action and nothing in conflict."""
    ahead = _told_ahead(action, statement)
    if statement.action is not None and statement.action != action.action and not ahead:
        return False
    if statement.terror != action.terror:
        return False  # "designated X as a Foreign Terrorist Organization" stands apart
    if statement.earlier and not any(s.earlier for s in action.statements):
        return False  # "Russia banned 963 Americans", "Moscow had already announced sanctions"
    # "called on Trump Oct. 17 to impose ..." and "a bill in April that would impose ...": two.
    if _when_conflicts(action.whens, statement.when) and not ahead:
        return False
    if _conflicts(action, statement, "authority"):
        return False  # "The US sanctioned Rosneft", then "The UK also sanctioned Rosneft": two
    if any(action.names("targets", t) for t in statement.targets):
        return True
    if statement.perfect and not statement.adds and _objects_apart(action, statement):
        return False  # "China sanctioned McCaul on Thursday", "China has sanctioned Lithuanians"
    keys = []
    # A statement naming no authority or target is a detail; its countries may be where
    # targets are ("Sanctioned entities include ... companies in China, India").
    if statement.authority or statement.targets:
        keys.append("countries")
    # "In addition, the US lifted sanctions on ...": more targets of the same action.
    if not _GOES_ON.match(statement.sentence.text) and not statement.adds:
        keys.append("targets")
    return not any(_conflicts(action, statement, key) for key in keys)


def _objects_apart(action: Action, statement: Statement) -> bool:
    """Whether a statement and an action both name objects and share none."""
    theirs = statement.targets + statement.countries
    mine = action.parties("targets") + action.parties("countries")
    return bool(theirs and mine) and not set(theirs) & set(mine)


def _conflicts(action: Action, statement: Statement, key: str) -> bool:
    """Whether a statement names parties as its `key` and none is the action's."""
    theirs: list[Party] = getattr(statement, key)
    if key == "countries":  # "freezing any assets they hold in Canada", Canada's own sanctions
        theirs = [c for c in theirs if not action.names("authority", c)]
    if not theirs or not action.parties_named(key):
        return False
    return not any(action.names(key, p) for p in theirs)


def _when_conflicts(whens: set[str], when: str | None) -> bool:
    """Whether a statement's time is not the action's: another day, month or year.

    A vague period ("last week", "this month") conflicts with nothing: "The EU imposed
    sanctions on Monday", then "the sanctions, agreed by ambassadors last week".
    """
    return bool(when and whens and when not in whens and not _VAGUE_PERIOD.search(when))


def _told_ahead(action: Action, statement: Statement) -> bool:
    """Whether an action told ahead and its doing meet: "plans to impose", then "imposed".

    "Japan decided to expand its sanctions", then "Japan will freeze the assets of 19
    more organizations": one action. A warning ("threatened to impose") stays apart.
    """
    kinds = {action.action, statement.action}
    if kinds == {"lift"}:
        # "Trump's announcement that Washington would remove all sanctions", then "lifted".
        return statement.intends or all(s.intends for s in action.statements)
    if kinds != {"threaten", "impose"}:
        return False
    if statement.action == "threaten":
        return statement.intends and not statement.further
    return all(s.intends for s in action.statements if s.action == "threaten")


def _nearest_fit(actions: list[Action], statement: Statement) -> Action | None:
    """The action a detail belongs to: the nearest that fits, the ones before it first."""
    # Actions are made in the order of their first statement: look at those told near it.
    index = bisect.bisect_right(actions, statement.start, key=lambda a: a.statements[0].start)
    near = actions[max(0, index - _RECENT) : index + _RECENT]
    fitting = [a for a in near if _fits(a, statement)]
    # "The authority also lifted sanctions on Mali's citizens": the action on Mali first.
    return min(
        fitting, key=lambda a: (not _shares(a, statement), a.gap(statement.start)), default=None
    )


def _shares(action: Action, statement: Statement) -> bool:
    """Whether a statement names a target or target country of the action."""
    return any(action.names("targets", p) for p in statement.targets) or any(
        action.names("countries", p) for p in statement.countries
    )


def _claim(analysis: Analysis, action: Action, day_before: str | None) -> Claim:
    """The `sanction` claim of an action (`day_before`: the day of the action told before)."""
    ordered = sorted(action.statements, key=lambda s: s.start)
    first = next((s for s in action.statements if s.creates), action.statements[0])
    properties: dict[str, Any] = {"action": action.action}
    authority = action.parties("authority")
    for key, parties in (
        ("authority", authority),
        ("targets", _without_short_names(action.parties("targets"))),
        ("targetCountry", [c for c in action.parties("countries") if c not in authority]),
    ):
        if parties:
            # "the Islamic Revolutionary Guard Corps (IRGC)": one entity by two names.
            properties[key] = list(dict.fromkeys(_ref(analysis, p) for p in parties))
    for key in ("measure", "sector"):
        value = next((getattr(s, key) for s in ordered if getattr(s, key)), None)
        if value:
            properties[key] = value
    # The date of the action's own sentences first ("the order was signed on Wednesday"),
    # then of the sentences that only tell more of it.
    own = [s for s in ordered if s.action == action.action] + [
        s for s in ordered if s.action != action.action
    ]
    day = next((d for s in own if (d := _date(analysis, s)) is not None), None)
    if day is None and not any(s.when for s in own):
        day = (
            _date_before(analysis, own[0])
            or _date_after(analysis, own[0])
            or _reported_as_news(analysis, own[0])
        )
    if day is not None:
        properties["date"] = day.isoformat()
    elif day_before is not None and own[0].adds and not any(s.when for s in own):
        properties["date"] = day_before  # "The bloc also lifted sanctions on Guinea": that day
    complete = bool(authority) and ("targets" in properties or "targetCountry" in properties)
    return Claim(
        claim_type="sanction",
        text=first.sentence.text.strip(),
        evidence=sorted({Evidence(s.start, s.end) for s in action.statements}),
        confidence=0.85 if complete else 0.6,
        extractor=NAME,
        properties=properties,
    )


def _without_short_names(targets: list[Party]) -> list[Party]:
    """Targets without a later short form of another ("Faye" beside "Ocean Faye")."""
    words = [t.name.split() for t in targets]
    return [
        t
        for t, mine in zip(targets, words, strict=True)
        if not any(len(w) > len(mine) and w[-len(mine) :] == mine for w in words)
    ]


def _nearest_date(analysis: Analysis, statement: Statement) -> DateMention | None:
    """The date expression nearest a statement's trigger (not the end of a term)."""
    asides = [
        (statement.sentence.start + a.start(), statement.sentence.start + a.end())
        for a in _ASIDE.finditer(statement.sentence.text)
    ]
    at = statement.anchor
    found = [
        m
        for m in dates_between(analysis, statement.sentence.start, statement.sentence.end)
        if not _UNTIL.search(analysis.body, max(0, m.start - 16), m.start)
        and not any(start <= m.start < end for start, end in asides)
        and not _of_another_event(analysis, statement, m, at)
    ]
    return min(found, key=lambda m: min(abs(m.start - at), abs(m.end - at)), default=None)


def _of_another_event(analysis: Analysis, statement: Statement, m: DateMention, at: int) -> bool:
    """Whether a date names another event than the action's.

    "follows an update to the European Council of 22-23 June" (a meeting named by its
    days); "imposed sanctions after Russia recognised the regions on Monday", "After talks
    on Monday, the EU imposed": the date of what the action followed.
    """
    body = analysis.body
    if _OF_BEFORE.search(body, max(0, m.start - _OF_REACH), m.start):
        return True
    if statement.answered:
        return m.start < at  # "in response to sanctions imposed by Ottawa on March 24": theirs
    if statement.described is not None and m.start > statement.described:
        return True  # "lifted the sanctions imposed by Congress in May 1998": theirs
    if m.start > at:
        return _AFTER_WORD.search(body, at, m.start) is not None
    opening = body[statement.sentence.start : m.start]
    return _AFTER_CLAUSE.search(opening) is not None


_OF_BEFORE = re.compile(r"\b[A-Za-z]+\s+of\s+(?:[0-9]{1,2}\s*[-–]\s*)?$")
_OF_REACH = 24
# What the action followed or answers: "after Russia recognised the regions on Monday",
# "in response to the EU's entry ban of March 2".
_AFTER = (
    r"\b(?:[Aa]fter|[Ff]ollow(?:ing|s|ed)|[Ii]n\s+(?:response|reply|retaliation)\s+(?:to|for|against)"
    r"|[Rr]esponding\s+to|[Rr]etaliating\s+(?:for|against))\b"
)
_AFTER_WORD = re.compile(_AFTER)
_AFTER_CLAUSE = re.compile(_AFTER + r"[^,;]*$")


def _date(analysis: Analysis, statement: Statement) -> dt.date | None:
    """The date of a statement: the date expression nearest its trigger, if it has a value
    (read once, with its `when`)."""
    return statement.day


def _when(analysis: Analysis, statement: Statement) -> str | None:
    """When a statement says the action happened: a day, the words ("in April"), a year."""
    nearest = _nearest_date(analysis, statement)
    statement.day = nearest.value if nearest is not None else None
    if nearest is None:
        # "The United States imposed sanctions on Iran in 2018": a past action of its own.
        year = _YEAR.search(statement.sentence.text)
        return year.group(1) if year is not None else None
    return nearest.value.isoformat() if nearest.value else " ".join(nearest.text.lower().split())


def _date_after(analysis: Analysis, statement: Statement) -> dt.date | None:
    """The one day the next sentence tells when it points back to the action told undated.

    "The EU has extended its sanctions on Russia." / "EU headquarters said Wednesday that
    the decision was unanimous."; "the Council is ready to impose sanctions" / "In a
    statement Friday, the 15-member council called for ...".
    """
    index = sentence_index(analysis, statement.sentence.start)
    found = event_sentences(analysis)
    if index + 1 >= len(found):
        return None
    after = found[index + 1]
    if not _POINTS_BACK.search(after.text):
        return None
    days = [
        m
        for m in dates_between(analysis, after.start, after.end)
        if m.value is not None
        and not _UNTIL.search(analysis.body, max(0, m.start - 16), m.start)
        and not _OF_BEFORE.search(analysis.body, max(0, m.start - _OF_REACH), m.start)
    ]
    return days[0].value if len(days) == 1 else None


# A sentence that points back to an action: "the decision", "The Cabinet approval", "the
# 15-member council".
_POINTS_BACK = re.compile(
    r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:decision|move|approval|announcement|measures|sanctions"
    r"|order|step|package|council|Council|ministry|Ministry|bloc|cabinet|Cabinet)\b"
    # "This was announced by the prime minister on Thursday": the action told just before
    r"|^\s*(?:This|That|It)\s+(?:was|were|had\s+been|has\s+been)\s+(?:[a-z]+ly\s+)?"
    r"(?:announced|decided|agreed|approved|adopted|ordered|signed|confirmed|made)\b"
)


def _reported_as_news(analysis: Analysis, statement: Statement) -> dt.date | None:
    """The publication day, for an undated action the lead tells in the perfect.

    "Russia's foreign ministry has declared a ban on 500 US citizens" opening an article
    reports the news of the day it was published; the perfect later in an article, or an
    action told as before ("had already announced"), tells a background of no day.
    """
    if not statement.perfect or statement.earlier or not analysis.paragraphs:
        return None
    if statement.start >= analysis.paragraphs[0].end:
        return None
    return published_date(analysis)


def _date_before(analysis: Analysis, statement: Statement) -> dt.date | None:
    """The day the sentence before tells, in the same paragraph, for an action told undated.

    "EU foreign ministers met in Brussels on Monday. They agreed new sanctions on Iran."
    """
    before = previous_sentence(analysis, statement.sentence)
    if before is None or not _same_actor(analysis, statement, before):
        return None
    found = [m for m in dates_between(analysis, before.start, before.end) if m.value is not None]
    return found[-1].value if len(found) == 1 else None


# A subject pointing back to who acted in the sentence before: "They agreed new sanctions".
_ACTOR_BACK = re.compile(
    r"\s*(?:They|It|He|She|We|The\s+(?:[\w-]+\s+)?(?:ministers|leaders|bloc))\b"
)


def _same_actor(analysis: Analysis, statement: Statement, before: Segment) -> bool:
    """Whether the sentence before tells of the action's doer, not of another event.

    "EU foreign ministers met on Monday. They agreed new sanctions": the ministers' day;
    "Russia invaded Ukraine on Feb. 24. The EU imposed sanctions": not the EU's day.
    """
    if _ACTOR_BACK.match(statement.sentence.text):
        return True
    named = {authority_party(p) for p in sentence_places(analysis, before)}
    return any(a in named for a in statement.authority)


def _ref(analysis: Analysis, party: Party) -> Ref:
    entity = analysis.entities.add(party.type, party.name)
    acronym = BLOC_ACRONYMS.get(party.name)
    if acronym is not None:
        analysis.entities.alias(entity, acronym)  # "ECOWAS" names the bloc too
    return entity.ref


@hookimpl
def register_claim_types(register: Callable[[ClaimType], None]) -> None:
    """The `sanction` claim type."""
    register(claim_type_from_file("sanction"))


@hookimpl
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """The `sanctions` extractor."""
    register(
        Extractor(
            name=NAME,
            extract=extract_sanctions,
            claim_types=("sanction",),
            description="Sanctions actions: who imposes, lifts or threatens what against whom.",
        )
    )
