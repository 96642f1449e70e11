"""Institutions as sources: a body named by a place, a name or a noun said before.

Police, ministries, agencies and companies speak as one, but news copy names
them in many ways: by a place or a name before the noun ("Kenyan police", "the
Paris prosecutor's office"), by the place they serve after it ("Police in
Kano", "the health ministry in the Palestinian territory" → Palestinian health
ministry), or only by the noun when one was named before ("West Midlands
Police" … "the force said", "news portal Newsfirst" … "the portal said"). A
bare group the article never names ("police said") stays unnamed, as the
annotation rules say; `the government` is the government of the country its
sentence is about.
"""

from __future__ import annotations

from newsld.analysis import Analysis
from newsld.model import Entity
from newsld.text.entities import Mentions
from newsld.text.gazetteer import country_for, demonym_for, find_places
from newsld_plugins.quotes.discourse import DISCOURSE_REACH, UNNAMED, Discourse, Source
from newsld_plugins.quotes.lexicon import (
    DETERMINERS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    PERSON_NOUNS,
    PREPOSITIONS,
    UNNAMED_PEOPLE,
)
from newsld_plugins.quotes.text import POSSESSIVE_MARK, Text

__all__ = ["NOT_ANCHORS", "Groups"]

#: Capitalised words that open a sentence or a phrase without naming anything.
NOT_ANCHORS = frozenset("The A An This That These Those Its Their His Her Our But And".split())
#: Nouns a named body of each kind is called by again ("West Midlands Police" … "the
#: force said").
_GROUP_SYNONYMS = {
    "police": ("police", "constabulary"),
    "force": ("police", "constabulary", "force"),
    "ministry": ("ministry", "department"),
    "department": ("department", "ministry"),
}


#: Bodies of members a name need not say it is ("the party" for "Likud", "the alliance").
_MEMBERSHIP_BODIES = frozenset("party coalition alliance federation association union".split())
# How far back the organisation just quoted may be renamed by such a noun.
_RENAME_REACH = 800


def _kind_unsaid(entity: Entity) -> bool:
    """Whether an organisation's name says no kind of body ("Convergence for Social
    Democracy", not "Interior Ministry"), so a common noun may rename it."""
    return not any(word in GROUP_NOUNS for word in entity.name.lower().split())


class Groups:
    """The institutions of one article that a source phrase can name."""

    def __init__(
        self, analysis: Analysis, mentions: Mentions, text: Text, discourse: Discourse
    ) -> None:
        self.analysis = analysis
        self.body = analysis.body
        self.mentions = mentions
        self.text = text
        self.discourse = discourse

    def identified(self, floor: int, start: int, end: int) -> Source | None:
        """An institution identified by a place or name before it: "the Palestinian health
        ministry", "Cairo airport's veterinary authority", "the Paris prosecutor's office".

        The phrase from its capitalised first word to the head noun names the organisation.
        """
        edge, anchor = start, None
        for _ in range(4):
            word = self.text.adjacent_word(floor, edge)
            if word is None:
                break
            text = word[2]
            bare = POSSESSIVE_MARK.sub("", text)
            if text[:1].isupper() and bare not in NOT_ANCHORS:
                opening = self.text.sentence_start(word[0]) == word[0]
                if opening and self.mentions.starting_at(word[0]) is None:
                    break  # "Local media reported": capitalised only as the first word
                anchor, edge = word[0], word[0]
                continue
            if not text.islower() or bare in DETERMINERS or bare in FUNCTION_WORDS:
                break
            if bare in PREPOSITIONS or (bare in UNNAMED_PEOPLE and bare == text):
                break  # "US officials' office" no, "the Paris prosecutor's office" yes
            edge = word[0]
        if anchor is None:
            return None
        name = self.body[anchor:end]
        entity = self.analysis.entities.find(name, "Organization") or self.analysis.entities.add(
            "Organization", name
        )
        return Source(entity)

    def name_start(self, floor: int, start: int) -> int:
        """Where the run of capitalised words ending with the word at `start` begins."""
        previous = self.text.adjacent_word(floor, start)
        while previous is not None and previous[2][:1].isupper():
            start, previous = previous[0], self.text.adjacent_word(floor, previous[0])
        return start

    def in_place(self, floor: int, start: int, end: int) -> Source | None:
        """A body identified by the place it serves ("authorities in Western Australia",
        "police in Kano"): named by the phrase, a modifier before the noun included.

        `start` is the first word of the place's name, `end` where the name ends."""
        for _ in range(3):  # "Police in the West Midlands in England": place after place
            preposition = self.text.adjacent_word(floor, start)
            if preposition is not None and preposition[2] == "the":
                preposition = self.text.adjacent_word(floor, preposition[0])  # "in the X"
            if preposition is None or preposition[2] not in ("in", "of"):
                return None
            noun = self.text.adjacent_word(floor, preposition[0])
            if noun is None or not noun[2][:1].isupper() or noun[2].lower() in GROUP_NOUNS:
                break
            start = self.name_start(floor, noun[0])
        if noun is None or noun[2].lower() not in GROUP_NOUNS:
            return None
        if noun[2][:1].isupper() and self.text.sentence_start(noun[0]) != noun[0]:
            return None  # "the Ministry of Health in Malawi": a name of its own
        first = noun[0]
        modifier = self.text.adjacent_word(floor, first)
        if modifier is not None and modifier[2].lower() not in DETERMINERS | FUNCTION_WORDS:
            first = modifier[0]  # "Fire authorities in ..."
        name = self.body[first:end]
        entities = self.analysis.entities
        return Source(entities.find(name, "Organization") or entities.add("Organization", name))

    def named_by_noun(self, noun: str, start: int) -> Source | None:
        """The name a common noun stood right before earlier ("news portal Newsfirst",
        "singer Ana Lima"): a later "the portal", "the singer" is that name."""
        for mention in reversed(self.mentions.between(max(0, start - DISCOURSE_REACH), start)):
            if mention.kind not in ("person", "organization") or mention.entity is None:
                continue
            word = self.text.adjacent_word(max(0, mention.start - 40), mention.start)
            if word is not None and word[2] == noun:
                return Source(mention.entity, True, mention)
        return None

    def named(self, noun: str, start: int) -> Source:
        """A bare "police" or "the ministry" that points back to the one named before it
        ("London's Metropolitan Police said ... police said"), else an unnamed source."""
        kinds = _GROUP_SYNONYMS.get(noun, (noun,))
        for mention in reversed(self.mentions.between(max(0, start - DISCOURSE_REACH), start)):
            entity = mention.entity
            if mention.kind != "organization" or entity is None or mention.quoted:
                continue
            words = entity.name.lower().split()
            if words[0] in PERSON_NOUNS:
                continue  # "Inspector General of Police": a title, not the force
            if any(kind in words for kind in kinds):
                return Source(entity, True, mention)  # "the Police Service of ..." → "police"
        spoken = self.discourse.last_of(start, ("Organization",))
        if spoken is not None and any(k in spoken[1].name.lower().split() for k in kinds):
            return Source(spoken[1])  # "the Palestinian health ministry said ... the ministry"
        renamed = self.named_by_noun(noun, start)
        if renamed is not None:
            return renamed  # "the agency Xinhua" ... "the agency said"
        if noun in _MEMBERSHIP_BODIES and self._bare(noun, start):
            last = self.discourse.last_of(start, ("Organization",))
            if last is not None and start - last[0] <= _RENAME_REACH and _kind_unsaid(last[1]):
                return Source(last[1])  # "Convergence for Social Democracy said … the party"
        if noun == "government":
            return self.country_government(start)
        return UNNAMED

    def _bare(self, noun: str, start: int) -> bool:
        """ "the party", not "the ruling party": the noun right after "the"."""
        at = self.body.find(noun, start, start + 40)
        if at < 0:
            at = self.body.lower().find(noun, start, start + 40)
        return at >= 4 and self.body[at - 4 : at].lower() == "the "

    def national(self, floor: int, start: int, end: int) -> Source | None:
        """A body of a country, told by a phrase of place after it: "the health ministry in
        the besieged Palestinian territory" is the Palestinian health ministry."""
        words = self.text.words(max(floor, start - 80), start)[-6:]
        for index in range(len(words) - 1, 0, -1):
            preposition = self.body[words[index][0] : words[index][1]]
            noun = self.body[words[index - 1][0] : words[index - 1][1]]
            if preposition not in ("in", "of") or noun not in GROUP_NOUNS:
                continue
            places = find_places(self.body[words[index][1] : end])
            found = next((p.country for p in places if p.country is not None), None)
            adjective = demonym_for(found) if found is not None else None
            if adjective is None:
                return None
            first = index - 1
            while first > 0:
                word = self.body[words[first - 1][0] : words[first - 1][1]]
                if not word.islower() or word in DETERMINERS | FUNCTION_WORDS | PREPOSITIONS:
                    break
                first -= 1  # "health" in "the health ministry"
            phrase = self.body[words[first][0] : words[index - 1][1]]
            table = self.analysis.entities
            name = f"{adjective} {phrase}"
            return Source(table.find(name, "Organization") or table.add("Organization", name))
        return None

    def country_government(self, start: int) -> Source:
        """`Japan decided ..., the government announced`: the government of the country the
        sentence, or the one before it, is about."""
        sentence = self.analysis.sentence_at(start)
        floor = self.text.sentence_start(sentence.start - 1) if sentence and sentence.start else 0
        for mention in reversed(self.mentions.between(floor, start)):
            if mention.kind != "country" or mention.entity is None or mention.quoted:
                continue
            country = country_for(mention.entity.name)
            adjective = demonym_for(country) if country is not None else None
            name = f"{adjective or mention.entity.name} government"
            table = self.analysis.entities
            return Source(table.find(name, "Organization") or table.add("Organization", name))
        return UNNAMED
