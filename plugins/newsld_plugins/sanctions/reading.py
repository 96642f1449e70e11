"""What one sentence says about a sanctions action: the action, who takes it, against whom.

A sentence that holds a trigger (`trigger`) is read around it, and around the next one
when the first tells no action ("The travel bans form part of a spiral since the
invasion, which prompted Washington to impose sanctions"): the action and its modality
(`modality`), the authority (`authority`), the targets and target countries
(`targets`), the measure ("asset freeze", "arms embargo") and the sector. Sanctions
told of as a circumstance ("despite Western sanctions", "to evade sanctions") or
offered in a deal ("in return for lifting sanctions") are no action. An action told in
the perfect ("China has sanctioned") is marked as a background, sanctions only kept in
force ("keeping U.S. sanctions on Libya in full force") are none, one told as before the
action ("Moscow had already announced") as earlier. "also" before the verb adds
targets to the action told before ("The Treasury also sanctioned Lukoil"); "further
sanctions" are more than the action told before; an export or import ban names no one
it is aimed at ("India banned wheat exports") unless the sentence does.

Left out: who imposes when only a person without a known country acts ("Foreign
Minister Penny Wong announced"), and "A B and C D" read as two names unless a trade
follows "and" ("Oil and Gas").

Every look back or ahead is a bounded window, and places are found by bisection, so a
sentence is read in time linear in its length.
"""

from __future__ import annotations

import itertools
import re

from newsld.analysis import Analysis
from newsld.text.gazetteer import PlaceMention
from newsld.text.segment import Segment
from newsld_plugins.sanctions.authority import read_authority
from newsld_plugins.sanctions.context import PHRASE_REACH, Reading
from newsld_plugins.sanctions.modality import BILL_RE, read_action
from newsld_plugins.sanctions.names import WORD_REACH
from newsld_plugins.sanctions.places import authority_party, home_country, sentence_places
from newsld_plugins.sanctions.statement import Party, Statement
from newsld_plugins.sanctions.targets import read_objects
from newsld_plugins.sanctions.trigger import (
    AS_TERRORIST,
    TRIGGER,
    is_trigger,
    not_sanctions,
    running_total,
    sport,
)

__all__ = ["read_sentence"]

# "ready to impose further sanctions": more than the action told before.
_FURTHER = re.compile(r"\b(?:further|more|additional|tougher)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_ALSO = re.compile(r"\b(?:also|too|further|additionally)\b", re.IGNORECASE)
# "China has sanctioned foreign lawmakers": an action told in the perfect, a background.
# "Moscow had already announced sanctions on many of them": before the action told.
_EARLIER = re.compile(
    r"\b(?:had\s+(?:already|previously|earlier)|already|previously|originally|initially)\s+$"
)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:also\s+|already\s+)?$")
# Sanctions told of as a circumstance, something broken or something answered, not as an
# action taken; a lifting offered in a deal ("in return for lifting sanctions") is none either.
_CIRCUMSTANCE = re.compile(
    r"\b(?:despite|amid|because\s+of|due\s+to|in\s+spite\s+of|(?:hit|hurt|crippled|battered"
    r"|affected|squeezed)\s+by|(?:evad|circumvent|bypass|violat|breach|skirt|dodg|break)\w*"
    r"|impact\s+of|effects?\s+of|in\s+(?:return|exchange)\s+for"
    # "measures to counter the new sanctions", "in response to the latest round of sanctions":
    # the sanctions answered, not the action told
    r"|counter(?:ing|s|ed)?|in\s+(?:response|reply|retaliation)\s+to"
    r"|in\s+retaliation\s+(?:for|against))"
    r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_MEASURE = re.compile(
    r"\b(?:(?:full\s+|partial\s+)?blocking\s+sanctions|secondary\s+sanctions|sectoral\s+sanctions"
    r"|asset\s+freezes?|travel\s+bans?|visa\s+bans?|export\s+bans?|import\s+bans?"
    r"|(?:arms|oil|trade)\s+embargo|embargo|price\s+cap|export\s+controls)\b",
    re.IGNORECASE,
)


# An article that names a sanctions list, which "the list" may stand for.
_SANCTIONS_LIST = re.compile(
    r"\b(?:[Ss]anctions\s+list|[Ee]ntity\s+[Ll]ist|[Bb]lacklist|Designated\s+Nationals|SDN)\b"
)


def read_sentence(analysis: Analysis, sentence: Segment) -> list[Statement]:
    """What `sentence` says about sanctions actions: the first action told, and a second
    one another state takes in a clause of its own or that the first answers."""
    text = sentence.text
    if sport(text):
        return []
    places = sentence_places(analysis, sentence)
    lists = analysis.layer("sanctions.lists", lambda a: _SANCTIONS_LIST.search(a.body) is not None)
    triggers = (m for m in TRIGGER.finditer(text) if is_trigger(text, m, places, lists))
    opening = next(triggers, None)
    if opening is None or running_total(text) or not_sanctions(text, opening):
        return []
    # The first trigger with an action: "The travel bans form part of a spiral since the
    # invasion, which prompted Washington to impose sanctions on Moscow".
    first = None
    found: Statement | None = None
    for trigger in itertools.islice(itertools.chain([opening], triggers), _TRIGGERS_READ):
        reading = Reading(analysis, sentence, places, trigger)
        if found is not None:
            other = _second_action(reading, found)
            if other is not None:
                return [found, other]
            continue
        statement = _read(reading)
        if statement is not None and statement.action is not None:
            found = statement
            if not _may_tell_another(text, trigger.end(), places):
                return [found]  # no clause of its own, nothing answered: one action
        first = first or statement
    return [found] if found is not None else [first] if first is not None else []


_TRIGGERS_READ = 4  # triggers of one sentence read for its action (a sentence is bounded)

# What a trigger answers: "Moscow banned eight officials in response to sanctions imposed by
# Ottawa on March 24"; the sanctions answered are a past action of their own.
_ANSWERED_BEFORE = re.compile(
    r"\b(?P<phrase>in\s+(?:response|reply|retaliation)\s+(?:to|for|against)|responding\s+to"
    r"|retaliating\s+(?:for|against))\s+(?:[\w'’.-]+\s+){0,4}$",
    re.IGNORECASE,
)
# A clause of its own: "The EU imposed sanctions on Belarus, while the US froze ...".
_OWN_CLAUSE = re.compile(r";|,?\s+(?:while|whereas)\s|,\s+and\s|\sand\s+(?:the\s+)?[A-Z]")


# The cheap test for a second action after the first: a clause of its own or an answer.
_MAY_TELL_ANOTHER = re.compile(
    r";|\s(?:while|whereas|and)\s|\b(?:response|reply|retaliation|responding|retaliating)\b",
    re.IGNORECASE,
)


def _may_tell_another(text: str, after: int, places: list[PlaceMention]) -> bool:
    """The cheap test: a state or bloc named after the first trigger, and a clause of its
    own or an answer."""
    if not places or places[-1].start <= after:
        return False  # places are in the order of the text
    return _MAY_TELL_ANOTHER.search(text, after) is not None


def _second_action(r: Reading, first: Statement) -> Statement | None:
    """An action of another state told in the same sentence as `first`, or None.

    The sanctions the first action answers ("in response to sanctions imposed by Ottawa on
    March 24") are an earlier action of their own; a clause of its own tells another
    state's action ("..., while the US froze the assets of Belavia").
    """
    start = r.trigger.start()
    told = first.anchor - r.sentence.start
    # The cheap test first: a state or bloc named after the first trigger, by this one.
    if not any(told < p.start < r.trigger.end() + PHRASE_REACH for p in r.places):
        return None
    phrase = _ANSWERED_BEFORE.search(r.text, max(0, start - PHRASE_REACH), start)
    if phrase is None and _OWN_CLAUSE.search(r.text, told, start) is None:
        return None
    if phrase is not None:
        # Who imposed what is answered is named after "in response to" ("the European
        # Council's entry ban", "sanctions imposed by Ottawa"), never the one answering.
        r.answered_at = phrase.end("phrase")
    statement = _read(r, answered=phrase is not None)
    if statement is None or statement.action is None or not statement.authority:
        return None
    if set(statement.authority) & set(first.authority):
        return None
    if phrase is not None:
        statement.earlier = statement.answered = True
        # The sanctions answered were aimed at whoever answers them.
        statement.countries = statement.countries or [
            a for a in first.authority if a.type == "Country"
        ]
        return statement
    # The names of the second clause are its own, not the first action's objects.
    for key in ("targets", "countries"):
        mine = getattr(first, key)
        mine[:] = [p for p in mine if p not in getattr(statement, key)]
    first.countries[:] = [c for c in first.countries if c not in statement.authority]
    return statement


def _read(r: Reading, answered: bool = False) -> Statement | None:
    """The statement, or None when the action is only hypothetical.

    `answered`: the sanctions are what another action answers, read as an action of their
    own (never a circumstance of the sentence's action).
    """
    action, cue = read_action(r)
    if answered and (cue is None or r.answered_at is None or cue.start() < r.answered_at):
        action, cue = "impose", None  # the cue before is the answering action's
        r.propose_at = r.answered_at  # its authority is named after "in response to"
    if action == "" or (_circumstance(r) and not answered) or _standing(r):
        return None
    r.cue = cue
    start = min(r.trigger.start(), cue.start() if cue else r.trigger.start())
    statement = Statement(r.sentence, 0, 0, action)
    authority_at = read_authority(r, statement)
    if action == "propose" and not statement.authority and BILL_RE.search(r.text):
        # "Lawmakers introduced a bill that would impose sanctions": their own state's.
        home = home_country(r.analysis)
        statement.authority += [Party("Country", home)] if home else []
    if action == "propose" and not statement.authority and cue is not None:
        _own_proposal(r, statement, cue)
    end = read_objects(r, statement)
    if r.said_ahead and not (statement.targets or statement.countries):
        # "Beijing declared it would take countermeasures against the companies involved":
        # said ahead with no one named, a warning.
        statement.action, r.intends = "threaten", True
    start = min(start, authority_at)
    statement.start = r.sentence.start + start
    statement.end = r.sentence.start + max(end, r.trigger.end(), cue.end() if cue else 0)
    statement.measure = _first(_MEASURE, r.text, 0)
    statement.anchor = r.sentence.start + r.trigger.start()
    if r.described_at is not None and cue is not None and cue.start() < r.described_at:
        statement.described = r.sentence.start + r.described_at
    statement.terror = r.trigger.group().lower().startswith("designat") and bool(
        AS_TERRORIST.match(r.text, r.trigger.end())
    )
    statement.intends = r.intends
    # "The Treasury also sanctioned Lukoil": more targets of the action told before.
    cue_at = cue.start() if cue is not None else r.trigger.start()
    window = r.text[max(0, min(cue_at, r.trigger.start()) - WORD_REACH) : cue_at]
    statement.adds = _ALSO.search(window) is not None
    start = r.trigger.start()
    statement.further = _FURTHER.search(r.text, max(0, start - WORD_REACH), start) is not None
    word = r.trigger.group().lower()
    statement.aimed = not ("ban" in word and ("export" in word or "import" in word))
    verb = cue if cue is not None else r.trigger  # "The measures were originally introduced"
    low = max(0, verb.start() - WORD_REACH)
    statement.earlier = _EARLIER.search(r.text, low, verb.start()) is not None
    statement.perfect = _PERFECT.search(r.text, low, verb.start()) is not None
    return statement


_PROPOSED_TO = re.compile(r"\b(?:at|to|before)\s+(?:the\s+)?$")


def _own_proposal(r: Reading, statement: Statement, cue: re.Match[str]) -> None:
    """A state or bloc proposing sanctions no one else is called on to impose prepares its
    own: "The European Commission proposed a new package of sanctions against Russia"; a
    body named after ("proposed an embargo at the UN Security Council") is the one asked."""
    if not cue.group().lower().startswith("propos"):
        return
    for place in r.places:
        # "proposed an arms embargo on Myanmar at the UN Security Council": the body asked
        at = _PROPOSED_TO.search(r.text, max(0, place.start - 12), place.start)
        party = authority_party(place) if place.start > r.trigger.end() and at else None
        if party is not None and place.kind == "organization":
            statement.authority.append(party)
            return
    before = [p for p in r.places if p.end <= cue.start()]
    party = authority_party(before[-1]) if before else None
    if party is not None:
        statement.authority.append(party)
        statement.action, r.intends = "threaten", True


def _circumstance(r: Reading) -> bool:
    """Whether the sanctions are a circumstance: "despite Western sanctions", "to evade"."""
    start = r.trigger.start()
    return _CIRCUMSTANCE.search(r.text, max(0, start - PHRASE_REACH), start) is not None


# Sanctions kept as they are tell no action: "keeping U.S. sanctions on Libya in full force".
_KEPT_BEFORE = re.compile(
    r"\b(?:keep(?:s|ing)?|kept|leav(?:e|es|ing)|left)\s+(?:[\w.'’-]+\s+){0,5}$", re.IGNORECASE
)
_IN_FORCE_AFTER = re.compile(r"[^.;,]{0,80}?\bin\s+(?:full\s+)?(?:force|place|effect)\b")


def _standing(r: Reading) -> bool:
    """Whether the sanctions are only kept as they stand: "keeping sanctions in force"."""
    if not any(words in r.text for words in _IN_FORCE_WORDS):
        return False  # the cheap test first
    start, end = r.trigger.start(), r.trigger.end()
    kept = _KEPT_BEFORE.search(r.text, max(0, start - PHRASE_REACH), start) is not None
    return kept and _IN_FORCE_AFTER.match(r.text, end) is not None


_IN_FORCE_WORDS = (" force", " place", " effect")


def _first(pattern: re.Pattern[str], text: str, start: int) -> str | None:
    match = pattern.search(text, start)
    return " ".join(match.group().lower().split()) if match else None
