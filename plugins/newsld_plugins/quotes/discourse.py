"""Who spoke last, and whom a pronoun or a description stands for.

Attribution runs in text order, so each source read is remembered with where
it spoke (named or not). A pronoun is the nearer of the mentions layer's
antecedent and the last speaker of the fitting kind and gender; never a name
inside its own introductory phrase (`Speaking with reporter X, he said`);
nobody when a sentence between introduced an unnamed person (`A government
spokeswoman ... she said`). A description (`the 45-year-old`, `the deputy
commissioner`) is the person whose title holds its noun, else the person the
article quoted or made a subject just before.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsld.analysis import Analysis
from newsld.model import Entity
from newsld.text.entities import SUBORDINATE_TITLES, Mention, Mentions
from newsld_plugins.quotes.lexicon import (
    FUNCTION_WORDS,
    PERSON_NOUNS,
    PREPOSITIONS,
    UNNAMED_PEOPLE,
)
from newsld_plugins.quotes.text import POSSESSIVE_MARK, Text

__all__ = ["DISCOURSE_REACH", "NOBODY", "UNNAMED", "Discourse", "Source"]

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i", "we"})
_TOLD = frozenset({"told", "tells", "tell", "telling"})
# A sentence opening with an unnamed person: "A government spokeswoman made no comment."
_UNNAMED_OPENING = re.compile(r"(?:A|An|The|One|Another)\s+((?:[\w-]+\s+){0,3}[\w-]+)")
_GENDERED = {
    "spokeswoman": "she",
    "woman": "she",
    "spokesman": "he",
    "man": "he",
}
# How far back "the 45-year-old" looks for the person it describes.
_DESCRIBED_REACH = 800
# How far back a pronoun or a document looks for the source it stands for.
DISCOURSE_REACH = 1500
# The word after a possessive mark ("Presley's party" → party).
_WORD_AFTER = re.compile(r"\s*([\w-]+)")
# A comma and at most a title before a name: the name is in apposition.
_APPOSITIVE = re.compile(r",\s+(?:[\w.'’-]+\s+){0,3}$")


# A country's leader is its head of state or government ("the Ivorian leader").
_HEADS = frozenset("president premier chancellor king queen emir sultan leader".split())


def _holds(title: list[str], index: int, noun: str) -> bool:
    """Whether the title's word at `index` is the role `noun` names."""
    word = title[index]
    if noun != "leader":
        return word == noun
    return word in _HEADS or (word == "minister" and index > 0 and title[index - 1] == "prime")


@dataclass(frozen=True)
class Source:
    """A source phrase read into a speaker.

    `found` is false when no source phrase stands in the place looked at;
    `entity` is None for an unnamed source ("officials said").
    """

    entity: Entity | None
    found: bool = True
    mention: Mention | None = None

    @property
    def named(self) -> bool:
        """Whether the phrase names someone."""
        return self.entity is not None


NOBODY = Source(None, found=False)
UNNAMED = Source(None, found=True)


class Discourse:
    """The sources an article has quoted so far, and what its pronouns point back to."""

    def __init__(self, analysis: Analysis, mentions: Mentions, text: Text) -> None:
        self.analysis = analysis
        self.body = analysis.body
        self.mentions = mentions
        self.text = text
        self._spoken: list[tuple[int, Entity | None]] = []  # (offset, speaker), in text order

    def remember(self, offset: int, entity: Entity | None) -> None:
        """Note that a source spoke at `offset`, None for an unnamed one (pronouns and quote
        paragraphs later may point to it)."""
        bisect.insort(self._spoken, (offset, entity), key=lambda item: item[0])

    def last_spoken(self, offset: int) -> tuple[int, Entity | None] | None:
        """The last source before `offset` (None for an unnamed one), with where it spoke."""
        index = bisect.bisect_left(self._spoken, offset, key=lambda item: item[0])
        return self._spoken[index - 1] if index > 0 else None

    def renamed_speaker(self, offset: int, reach: int = _DESCRIBED_REACH) -> Source | None:
        """The speaker a definite description renames ("…," Suga said. / "…," the top
        government spokesman said.): the last source, when it spoke close before; an
        unnamed one stays unnamed ("a senior official said" / "the official added")."""
        spoken = self.last_spoken(offset)
        if spoken is None or offset - spoken[0] > reach:
            return None
        entity = spoken[1]
        if entity is None:
            return UNNAMED
        return Source(entity) if entity.type == "Person" else None

    def last_of(self, offset: int, types: tuple[str, ...]) -> tuple[int, Entity] | None:
        index = bisect.bisect_left(self._spoken, offset, key=lambda item: item[0])
        for at, entity in reversed(self._spoken[max(0, index - 8) : index]):
            if offset - at > DISCOURSE_REACH:
                return None
            if entity is not None and entity.type in types:
                return at, entity
        return None

    def pronoun(self, pronoun: str, offset: int, entity: Entity | None = None) -> Source:
        """The speaker a pronoun stands for: the nearer of the layer's antecedent and the last
        speaker of the fitting kind.

        `Speaking with reporter Peter Clottey, he said`: a subject pronoun after an
        introductory phrase never stands for a name inside that phrase.
        """
        own = self._only_person_before(pronoun, offset) if pronoun in ("he", "she") else None
        if own is not None:
            return Source(own)  # "The mood at Presley's party was somber as he said"
        found = self._antecedent(pronoun, offset, entity)
        if found.entity is not None and pronoun in ("he", "she"):
            named = self._last_mention_of(found.entity, offset)
            since = named
            spoken = self.last_of(offset, ("Person",))
            if spoken is not None and spoken[1] is found.entity:
                since = max(since or 0, spoken[0])
            if since is not None and self._unnamed_person_since(
                since, offset, pronoun, named, found.entity
            ):
                return UNNAMED  # "A government spokeswoman made no comment. ... she said"
        return found

    def _only_person_before(self, pronoun: str, offset: int) -> Entity | None:
        """The one person named earlier in the pronoun's own sentence, as the owner of
        something that is no person ("at Presley's party … as he said"), if only one is."""
        start = self.text.sentence_start(offset)
        people = []
        for mention in self.mentions.between(start, offset):
            entity = mention.entity
            if entity is None or entity.type != "Person" or mention.kind == "pronoun":
                continue
            if mention.quoted:
                continue
            people.append((mention, entity))
        if len({id(entity) for _, entity in people}) != 1:
            return None
        mention, entity = people[0]
        mark = POSSESSIVE_MARK.match(self.body, mention.end)
        if "," in self.body[mention.end : offset]:
            return None  # "Any measure of Brown's success would …, she said": the clause said
        if mark is None:
            return None  # a name that is a subject or object: the usual reading decides
        following = _WORD_AFTER.match(self.body, mark.end())
        noun = following.group(1).lower() if following is not None else ""
        if noun in PERSON_NOUNS:
            return None  # "DeLay's lawyer said he": the lawyer
        known = self.mentions.genders.get(entity.id)
        return entity if known in (None, pronoun) else None

    def _antecedent(self, pronoun: str, offset: int, entity: Entity | None) -> Source:
        person = pronoun in _PERSON_PRONOUNS
        types = ("Person",) if person else ("Organization", "Country")
        if entity is not None and self._named_in_lead(entity, offset):
            entity = None
            offset = self.text.sentence_start(offset)
        spoken = self.last_of(offset, types)
        if entity is not None:
            if spoken is None or spoken[1] is entity:
                return Source(entity)
            last_named = self._last_mention_of(entity, offset)
            if last_named is not None and last_named >= spoken[0]:
                return Source(entity)
            if person and not self._same_gender(entity, spoken[1]):
                return Source(entity)
            return Source(spoken[1])
        if spoken is not None:
            return Source(spoken[1])
        kinds = ("person",) if person else ("organization", "country")
        subject = self.last_subject(offset, kinds, pronoun)
        return Source(subject) if subject is not None else UNNAMED

    def _unnamed_person_since(
        self, since: int, offset: int, pronoun: str, named: int | None, candidate: Entity
    ) -> bool:
        """Whether a sentence between `since` and `offset` opens with an unnamed person the
        pronoun can stand for ("A government spokeswoman made no comment.")."""
        starts = self.text.sentence_starts
        # from the sentence naming the candidate: "A spokesman for Liberian rebels said"
        index = max(0, bisect.bisect_right(starts, since) - 1)
        while index < len(starts) and starts[index] < offset:
            match = _UNNAMED_OPENING.match(self.body, starts[index])
            opening = self.mentions.starting_at(starts[index]) if match is not None else None
            if opening is not None and opening.entity is candidate:
                match = None  # "The spokesperson stressed": the layer knows who that is
            elif match is not None and match.group().startswith("The "):
                words = match.group(1).split()
                if any(w[:1].isupper() and w.lower() in UNNAMED_PEOPLE for w in words):
                    match = None  # "The South Dayi Member of Parliament": a title, renamed
            own = starts[index] <= since
            # "A lawyer for the family, John Doe, said": the name renames the lawyer; not
            # "A spokesman for rebels fighting to overthrow President Taylor said"
            appositive = _APPOSITIVE.search(self.body, max(starts[index], since - 60), since)
            alone = self.text.preposition_before(starts[index], since, adjectives=2) is None
            # "The spokesperson stressed that …": the candidate spoke here, described
            renamed = named is None or named < starts[index]
            if own and (renamed or (alone and appositive is not None)):
                index += 1
                continue  # "A lawyer for the family, John Doe, said": the name is the lawyer
            if match is not None and match.end() < offset and match.start() != since:
                for noun in match.group(1).lower().split():
                    if noun in PREPOSITIONS or noun in FUNCTION_WORDS:
                        break  # "The identities of the victims": not the subject's head
                    if noun in UNNAMED_PEOPLE and _GENDERED.get(noun) in (None, pronoun):
                        return True
            index += 1
        return False

    def _named_in_lead(self, entity: Entity, offset: int) -> bool:
        """Whether `entity` is named only in the phrase that leads up to the pronoun at `offset`."""
        if self.body[max(0, offset - 2) : offset] != ", ":
            return False
        start = self.text.sentence_start(offset)
        last = self._last_mention_of(entity, offset)
        return last is not None and last >= start

    def _same_gender(self, one: Entity, other: Entity) -> bool:
        genders = self.mentions.genders
        first, second = genders.get(one.id), genders.get(other.id)
        return first is None or second is None or first == second

    def _last_mention_of(self, entity: Entity, before: int) -> int | None:
        for mention in reversed(self.mentions.between(max(0, before - DISCOURSE_REACH), before)):
            if mention.entity is not entity or mention.kind == "pronoun" or mention.quoted:
                continue
            if POSSESSIVE_MARK.match(self.body, mention.end):
                continue  # "DeLay's lawyer": the possessor is not who the pronoun follows
            previous = self.text.adjacent_word(max(0, mention.start - 30), mention.start)
            if previous is not None and previous[2] in _TOLD:
                continue  # "tells VOA English that ...": whom one told is not the subject
            return mention.start
        return None

    def last_subject(
        self, before: int, kinds: tuple[str, ...], pronoun: str | None = None
    ) -> Entity | None:
        """The entity last made a subject before `before`, of a gender `pronoun` allows."""
        for mention in reversed(self.mentions.between(max(0, before - 600), before)):
            if mention.kind in kinds and mention.subject and mention.entity is not None:
                known = self.mentions.genders.get(mention.entity.id)
                if pronoun in ("he", "she") and known is not None and known != pronoun:
                    continue  # "Mr Johnson" is not "she"
                return mention.entity
        return None

    def titled(self, offset: int, noun: str, country: Entity | None = None) -> Source | None:
        """The person named shortly before whose title holds `noun` ("the minister"), of
        `country` when one is given and the person's is known ("the Ivorian leader")."""
        reach = max(0, offset - DISCOURSE_REACH)
        second: Source | None = None  # "Deputy Governor Patra" is "the governor" only failing one
        for mention in reversed(self.mentions.between(reach, offset)):
            entity = mention.entity
            if entity is None or entity.type != "Person":
                continue
            if country is not None and entity.affiliation not in (None, country.ref):
                continue
            title = (entity.job_title or "").lower().split()
            held = [i for i, word in enumerate(title) if _holds(title, i, noun)]
            if any(i == 0 or title[i - 1] not in SUBORDINATE_TITLES for i in held):
                return Source(entity, True, mention)
            if held and second is None:
                second = Source(entity, True, mention)
        return second

    def described(self, offset: int, noun: str | None = None) -> Source:
        """A person described, not named ("the 45-year-old", "the German", "the deputy
        commissioner"): the person whose title holds the noun, else the person the article
        quoted or made a subject last, close before."""
        titled = self.titled(offset, noun) if noun is not None else None
        if titled is not None:
            return titled
        spoken = self.last_of(offset, ("Person",))
        if spoken is not None and offset - spoken[0] <= _DESCRIBED_REACH:
            return Source(spoken[1])
        subject = self.last_subject(offset, ("person",))
        return Source(subject) if subject is not None else UNNAMED
