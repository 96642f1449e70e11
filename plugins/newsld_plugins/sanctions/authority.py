"""Who takes a sanctions action: the doer of the trigger's verb, as a country or bloc.

The authority is the country or bloc named nearest before the trigger, the subject
before the verb rather than a bloc naming the sanctions ("Switzerland adopted the
latest EU sanctions"), every authority of a list ("the EU, UK and US imposed"), the
source after "by" or "from" in the trigger's own clause ("sanctions first imposed by
Brussels", "new sanctions from Washington"; not "banned from entering, in reply to
moves by Washington"), the object of a causative verb ("which prompted Washington to
impose"). "the Biden administration" is the state whose government the article names
(else the United States); a head of state, or a person affiliated with a country,
stands for it. A country naming the sanctions ("new Iran sanctions", "Russia-related
sanctions") is their target, except the powers that sanction ("US sanctions").

With no one named before, the state that says or warns after the sentence ("Russia
could face new sanctions, the EU warned").

Never the authority: a name in an aside between the doer and its verb ("The United
States, following the lead of the European Union, is moving to impose"), who calls for
sanctions ("China had pushed for an arms embargo": the call is on someone else), who is
warned ("gave Russia 50 days"), who visited, the
object of another verb ("suspended Mali and imposed"), a name that only suffers ("Iran
faces new sanctions", "Myanmar has been sanctioned"), who drafted a resolution, a
demonym that does not act ("the Syrian sanctions regulations").
"""

from __future__ import annotations

import re

from newsld.model import Entity
from newsld.text.entities import mentions
from newsld.text.gazetteer import PlaceMention, find_places
from newsld_plugins.sanctions.context import PHRASE_REACH, Reading
from newsld_plugins.sanctions.modality import WEAK_CUE
from newsld_plugins.sanctions.names import NOT_TARGETS, WORD_REACH
from newsld_plugins.sanctions.places import (
    LIST_JOINT,
    authority_party,
    ending_in,
    home_country,
    starting_in,
)
from newsld_plugins.sanctions.statement import Party, Statement, add

__all__ = ["leader_country", "read_authority"]

_NAMED_FOR_GAP = re.compile(r"(?:-(?:related|linked|focused))?\s+")
_SANCTIONING_POWERS = frozenset({"United States", "United Kingdom"})
_AUTHORITY_DEMONYM_AFTER = re.compile(
    r"\s+(?:sanctions|government|authorities|officials|administration|President|Prime"
    r"|Foreign|Treasury|ministry|Ministry)\b"
)
# "Russia faces new sanctions", "Iran was hit with sanctions": the subject is the target.
# The verb must be the name's own, a few words after it ("Myanmar has already been
# sanctioned"), not a later clause's ("The EU warned Belarus it would face sanctions").
_PASSIVE_BETWEEN = re.compile(
    r"[^.;:]{0,40}?\b(?:faces?|faced|facing|under|subject\s+to|(?:was|were|is|are|been|be)"
    r"\s+(?:\w+\s+)?(?:hit|targeted|sanctioned|blacklisted|slapped|placed|put|delisted))\b"
)
# "Iran, which denies it, must accept the offer or face punitive measures": who is warned (the
# subject of "must", right after the name or after an aside between commas).
_MUST_OR_FACE = re.compile(
    r"(?:\s*,[^,.;]{0,100},)?\s+(?:must|should|ha(?:s|ve|d)\s+to|needs?\s+to)\b[^.;]{0,160}?"
    r"\bor\s+(?:else\s+)?fac(?:e|ing)\b"
)
# A name right after a verb in the past is its object, when a doer is named before it.
_OBJECT_BEFORE = re.compile(r"\b[a-z]{3,}ed\s+(?:the\s+)?$")
# ... but the object of a causative verb does what follows: "which prompted Washington and
# its allies to impose sanctions".
_CAUSED_BEFORE = re.compile(
    r"\b(?:prompted|forced|led|pushed|caused|spurred|moved|compelled|persuaded|drove"
    r"|triggered)\s+(?:the\s+)?$"
)
# ... and so does the object of a call: "urged the European Union to impose sanctions".
_URGED_BEFORE = re.compile(
    r"\b(?:urg(?:ed|es|ing)|ask(?:ed|s|ing)|press(?:ed|es|ing)|pressur(?:ed|es|ing)"
    r"|encourag(?:ed|es|ing)|implor(?:ed|es|ing)|exhort(?:ed|s|ing))\s+(?:the\s+)?$"
)
# Who is warned or given a deadline is the target, never the authority.
_ADDRESSEE_BEFORE = re.compile(
    r"\b(?:gave|give[sn]?|giving|told|tell(?:s|ing)?|warn(?:ed|s|ing)?|threaten(?:ed|s|ing)?"
    # "stepped up warnings to Iran ... or face sanctions": the nouns address someone too
    r"|(?:warnings?|threats?|ultimatums?|message)\s+to)"
    r"\s+(?:the\s+)?$"
)
# Who welcomes or condemns an action only reacts to it: "Sudan's minister welcomed the
# lifting of sanctions", "Moscow condemned the new EU sanctions".
_REACTS_BETWEEN = re.compile(
    r"[^.;]{0,100}?\b(?:welcom|hail|prais|condemn|criticiz|criticis|denounc|decr|lambast"
    r"|protest)\w*\b"
)
_VISITED_BEFORE = re.compile(r"\b(?:visit(?:ed|ing|s)?|toured|travel(?:l)?ed\s+to)\s+$")
_PROGRAMME_AFTER = re.compile(
    r"\s+sanctions\s+(?:regulations|programmes?|programs?|regimes?|lists?|laws?|rules)\b"
)
_CLAUSE_BREAK = re.compile(r"[,;:–—]")
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
# "new sanctions from Washington": the source named right after the trigger.
_FROM_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,1}?from\s+(?:the\s+)?$")
_TARGET_BEFORE = re.compile(r"\b(?:on|against|in|with|from|over)\s+(?:the\s+)?$")
_CALLED_ON_BEFORE = re.compile(r"\b(?:call(?:ed|s|ing)?|urg\w*)\s+(?:on|upon)\s+(?:the\s+)?$")


def read_authority(r: Reading, statement: Statement) -> int:
    """Fill the authority; returns where its mention starts (or the trigger's start)."""
    t = r.trigger
    by = [
        p
        for p in r.places
        if t.end() <= p.start <= t.end() + 60
        and (
            (_by(r, p) and not _proposer(r, p))
            # "lifted sanctions from Libya": whom a lifting relieves, not a source
            or (statement.action != "lift" and _FROM_AFTER.fullmatch(r.text, t.end(), p.start))
        )
        # "banned from entering the country, in retaliation for moves by Washington": the
        # "by" of another clause names no one who acts here
        and _CLAUSE_BREAK.search(r.text, t.end(), p.start) is None
    ]
    named_for = _named_for(r)
    if named_for is not None and named_for.country is not None:
        add(statement.countries, Party("Country", named_for.country.name))
    called = r.propose_at if r.propose_at is not None else -1
    before = [
        p
        for p in r.places
        if called < p.end <= t.start() and p is not named_for and _can_authorise(r, p)
    ]
    for place in r.places:
        if place.end <= t.start() and place.country is not None and _suffers(r, place):
            add(statement.countries, Party("Country", place.country.name))
    named = _administration(r)
    for place in by + _subjects_first(r, before)[::-1]:
        party = authority_party(place)
        if party is not None:
            if named is not None and named[0] > place.end and place not in by:
                break  # "House China Task Force ... urged the Trump administration to"
            statement.authority.append(party)
            first = _fellow_authorities(r, place, statement) if place not in by else place
            return min(first.start, t.start())
    person = _person_authority(r)
    if person is not None:
        statement.authority.append(person)
        return t.start()
    speaker = _speaker_after(r)
    if speaker is not None:
        statement.authority.append(speaker)
    return t.start()


def _speaker_after(r: Reading) -> Party | None:
    """The state that says the sentence, named after it: "Russia could face new sanctions,
    the EU warned"."""
    for place in starting_in(r.places, r.trigger.end(), len(r.text)):
        party = authority_party(place)
        said = _SAID_AFTER.match(r.text, place.end) is not None
        if party is not None and said and _COMMA_BEFORE.search(r.text, 0, place.start):
            return party
    return None


# "... the EU warned", and past the speaker's title and name: '"We are ready to impose
# further sanctions," EU foreign policy chief Josep Borrell said'.
_SAID_AFTER = re.compile(
    r"(?:\s+[\w.'’-]+){0,5}?\s+(?:said|says|warned|warns|announced|threatened|stated|added"
    r"|told)\b"
)
_COMMA_BEFORE = re.compile(r",[\"”’']?\s+(?:the\s+)?$")


def _named_for(r: Reading) -> PlaceMention | None:
    """The country sanctions are named for: "new Iran sanctions", "Russia-related sanctions".

    A country's name used as the sanctions' modifier names their target; the powers
    that sanction ("US sanctions", "UK sanctions") name who imposes them.
    """
    if r.trigger.group("noun") is None:
        return None  # "Norway sanctioned 12 tankers": the doer of the verb
    found = ending_in(r.places, r.trigger.start() - 12, r.trigger.start())
    place = found[-1] if found else None
    if place is None or place.kind != "country" or place.country is None:
        return None
    if not _NAMED_FOR_GAP.fullmatch(r.text, place.end, r.trigger.start()):
        return None
    return None if place.country.name in _SANCTIONING_POWERS else place


def _subjects_first(r: Reading, before: list[PlaceMention]) -> list[PlaceMention]:
    """Names before the trigger, the doer of its verb last (so tried first).

    "Switzerland adopted the latest round of EU sanctions": Switzerland acts; the EU
    only names the sanctions. A weak cue ("new US sanctions") names no doer.
    """
    cue = r.cue
    if cue is None or cue.end() > r.trigger.start() or WEAK_CUE.fullmatch(cue.group()):
        return before
    modifiers = [p for p in before if p.start >= cue.end()]
    subjects = [p for p in before if p.start < cue.end()]
    return modifiers + subjects if subjects else before


def _fellow_authorities(r: Reading, place: PlaceMention, statement: Statement) -> PlaceMention:
    """Add the authorities listed with `place` ("The EU, UK and US imposed"); the first."""
    index = r.places.index(place)
    first = place
    while index > 0:
        before = r.places[index - 1]
        if not LIST_JOINT.fullmatch(r.text, before.end, first.start):
            break
        party = authority_party(before)
        if party is None:
            break
        if party not in statement.authority:
            statement.authority.insert(0, party)
        first, index = before, index - 1
    return first


def _suffers(r: Reading, place: PlaceMention) -> bool:
    """Whether a country before the trigger is its object: "Iran faces new sanctions"."""
    if _PASSIVE_BETWEEN.match(r.text, place.end, r.trigger.end()) is not None:
        return True
    if _MUST_OR_FACE.match(r.text, place.end, r.trigger.start()) is not None:
        return True
    window = max(0, place.start - 24)
    return _ADDRESSEE_BEFORE.search(r.text, window, place.start) is not None


def _reacts(r: Reading, end: int) -> bool:
    """Whether the name ending at `end` reacts to the action: "X welcomed the lifting"."""
    return _REACTS_BETWEEN.match(r.text, end, r.trigger.start()) is not None


def _proposer(r: Reading, place: PlaceMention) -> bool:
    """Whether a name is who drafted the measure: "a resolution proposed by the U.S."."""
    return _PROPOSED_BY.search(r.text, max(0, place.start - 30), place.start) is not None


def _by(r: Reading, place: PlaceMention) -> bool:
    return _BY_BEFORE.search(r.text, max(0, place.start - 8), place.start) is not None


def _can_authorise(r: Reading, place: PlaceMention) -> bool:
    """Whether a name before the trigger may be who acts (not "US-drafted", not a target)."""
    if r.text[place.end : place.end + 1] == "-" or _proposer(r, place):
        return False
    if _PASSIVE_BETWEEN.match(r.text, place.end, r.trigger.end()):
        return False
    if _MUST_OR_FACE.match(r.text, place.end, r.trigger.start()):
        return False  # "Iran must accept the package or face punitive measures": who is warned
    window = max(0, place.start - 24)
    if _TARGET_BEFORE.search(r.text, window, place.start) and not _CALLED_ON_BEFORE.search(
        r.text, window, place.start
    ):
        return False
    if _reacts(r, place.end):
        return False  # "Sudan welcomed the lifting of the sanctions": who reacts, not who acts
    if _inside_aside(r, place):
        return False  # "The US, following the lead of the EU, is moving to impose": the US
    if _only_speaks(r, place):
        return False  # "The Kremlin said new Western sanctions would not change its course"
    if _VISITED_BEFORE.search(r.text, window, place.start):
        return False  # "Corker, who visited Ukraine, called the sanctions mild"
    if _ADDRESSEE_BEFORE.search(r.text, window, place.start):
        return False  # "Trump gave Russia 50 days ... or face sanctions": who is warned
    caused = _CAUSED_BEFORE.search(r.text, window, place.start) is not None
    # "Ukraine urged the European Union to impose sanctions": who is called on acts.
    called = r.propose_at is not None and _URGED_BEFORE.search(r.text, window, place.start)
    caused = caused or bool(called)
    if (
        _OBJECT_BEFORE.search(r.text, window, place.start)
        and (r.first_doer_end <= place.start)
        and not caused
    ):
        return False  # "The African Union suspended Mali and imposed sanctions": the object
    if place.kind == "demonym":
        if _PROGRAMME_AFTER.match(r.text, place.end):
            return False  # "the Syrian sanctions regulations" are the U.S. programme on Syria
        return _AUTHORITY_DEMONYM_AFTER.match(r.text, place.end) is not None
    return True


# Who says a clause whose sanctions no verb acts on (only a descriptor, "new"), with no
# pronoun pointing back to the speaker, only speaks of them.
_SPEAKS_BETWEEN = re.compile(
    r"\s+(?:[\w.'’-]+\s+){0,2}?(?:said|says|told|stated|noted|argued|insisted)\b"
    r"(?:(?!\b(?:it|its|they|their|we|our|he|his|she|her)\b)[^.;])*$"
)


# Sanctions named as others' ("Western sanctions", "international sanctions").
_OTHERS_BEFORE = re.compile(
    r"\b(?:Western|foreign|international|global|allied)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)


def _only_speaks(r: Reading, place: PlaceMention) -> bool:
    """Whether a name before the trigger only says something of sanctions no verb acts on."""
    if r.cue is not None and not WEAK_CUE.fullmatch(r.cue.group()):
        return False
    start = r.trigger.start()
    if not _OTHERS_BEFORE.search(r.text, max(0, start - WORD_REACH), start):
        return False  # "Japan said new sanctions on X take effect": Japan's own
    return _SPEAKS_BETWEEN.match(r.text, place.end, start) is not None


# An aside between the subject and its verb: ", following the lead of the European Union,".
_ASIDE_OPEN_BEFORE = re.compile(r",\s+(?:[a-z][\w'’-]*\s+){1,6}$")
_ASIDE_CLOSE_AFTER = re.compile(r"[^,.;]{0,20},")


def _inside_aside(r: Reading, place: PlaceMention) -> bool:
    """Whether a name lies in an aside after a doer named before it, closed before the verb."""
    low = max(0, place.start - PHRASE_REACH)
    if r.text.find(",", low, place.start) < 0:
        return False  # the cheap test first: no comma, no aside
    opened = _ASIDE_OPEN_BEFORE.search(r.text, low, place.start)
    if opened is None:
        return False
    closed = _ASIDE_CLOSE_AFTER.match(r.text, place.end)
    if closed is None or closed.end() > r.trigger.start():
        return False
    return any(p.end <= opened.start() and authority_party(p) is not None for p in r.places)


def _person_authority(r: Reading) -> Party | None:
    """The country of the person who acts: "Trump, who announced the sanctions"."""
    start = r.sentence.start
    called = start + r.propose_at if r.propose_at is not None else start
    for mention in reversed(mentions(r.analysis).between(called, start + r.trigger.start())):
        entity = mention.entity
        if entity is None or entity.type != "Person" or _reacts(r, mention.end - start):
            continue
        owner = r.analysis.entities.get(entity.affiliation) if entity.affiliation else None
        if owner is not None and owner.type == "Country":
            return Party("Country", owner.name)
        if _leads(r, mention.end - start, entity):
            country = leader_country(entity) or home_country(r.analysis)
            if country is not None:
                return Party("Country", country)
    named = _administration(r)
    return named[1] if named is not None else None


def _administration(r: Reading) -> tuple[int, Party] | None:
    """The state of "the Obama administration" before the trigger (and where it ends)."""
    found = [
        m
        for m in _NAMED_ADMINISTRATION.finditer(r.text, 0, r.trigger.start())
        if m.group(1) not in NOT_TARGETS
    ]
    if not found:
        return None
    # "the Biden administration": the state whose government the article names, else the
    # United States, whose presidencies English-language news calls administrations.
    country = home_country(r.analysis) or "United States"
    return found[-1].end(), Party("Country", country)


def _leads(r: Reading, end: int, entity: Entity) -> bool:
    """Whether a person stands for a state: a head of state, or "the Trump administration"."""
    if _ADMINISTRATION_AFTER.match(r.text, end):
        return True
    return entity.job_title is not None and _HEAD_OF_STATE.search(entity.job_title) is not None


# A leader stands for the state: "President Donald Trump", "the Trump administration".
_HEAD_OF_STATE = re.compile(
    r"^(?:[A-Z][\w.-]*\s+)*(?:President|Prime\s+Minister|Premier|Chancellor)$"
)
_ADMINISTRATION_AFTER = re.compile(r"['’]?s?\s+(?:[Aa]dministration|government)\b")
# "the Trump administration", "the Obama Administration" (not "Food and Drug Administration").
_NAMED_ADMINISTRATION = re.compile(
    r"\b(?:[Tt]he|[a-z]+)\s+([A-Z][a-z]+)(?:['’]s)?\s+(?:administration|Administration)\b"
)
_PROPOSED_BY = re.compile(
    r"\b(?:proposed|drafted|sponsored|tabled|put\s+forward|submitted)\s+by\s+(?:the\s+)?$"
)


def leader_country(entity: Entity) -> str | None:
    """The country a leader's title names: "Russian President" → Russia."""
    places = find_places(entity.job_title or "")
    return next((p.country.name for p in places if p.country is not None), None)
