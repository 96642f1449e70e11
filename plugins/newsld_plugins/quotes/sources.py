"""Who a source phrase names: the subject of a speech verb read into a speaker.

News copy names the source in a few set places, and each is read the same
way, by its head word:

- before the verb, past adverbs, a parenthesis, an apposition or a relative
  clause (`Roe, who chairs the committee, told reporters`, `The chairwoman,
  Lisa Grant, said`, `Hotak also alleged`); a relative pronoun standing for
  the subject (`Roe, who said last week that ...`) is read back to its noun;
- after the verb, past titles, determiners and possessors (`said state
  Attorney General Jane Roe`, `writes the victim's partner John Doe`,
  `said Israel's ambassador Gilad Erdan`);
- after `according to` or `per` (`according to Mexican President X`,
  `according to data from the statistics office`).

The head decides. A name is the speaker, unless it is the object of a
preposition (`Maria Lopez of the World Food Programme` → Maria Lopez). A
document (`the ministry's statement`, `its website`, `a report from the
agency`) speaks for its issuer: its possessor, its `from`/`by` phrase, or
the issuer the article named before. People left unnamed (`US officials`,
`a State Department spokesman`, `witnesses`) and bare groups (`police`) are
read as unnamed sources: the phrase is there, the speaker is None. A pronoun
is the person or organisation it points back to, preferring the speaker
the article quoted last when that one is nearer than the mentions layer's
antecedent (`"…," said Dr. Helen Park. She told the station that …`).

Left out on purpose: coordinated subjects (`X and Y said`) take the first
name; a source named only after its words in a later sentence is never
linked forward (the README's rule).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsld.analysis import Analysis
from newsld.model import Entity
from newsld.text.entities import Mention, Mentions
from newsld.text.gazetteer import country_for, demonym_for
from newsld.text.quotations import Quotation
from newsld.text.segment import Segment
from newsld_plugins.quotes.lexicon import (
    ADVERBS_BETWEEN,
    BASE_FORMS,
    DESCRIPTORS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    PERSON_NOUNS,
    POSSESSIVE_PRONOUNS,
    POST_QUOTE_VERBS,
    PREPOSITIONS,
    RELATIVES,
    SUBJECT_PRONOUNS,
    UNNAMED_PEOPLE,
)

__all__ = ["NOBODY", "UNNAMED", "WORD", "Source", "Sources", "is_verb"]

WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
# How far either side of a quote or verb an overlong sentence is read.
_WINDOW = 600
# How far back from a verb a subject phrase is looked for (keeps every look-up bounded).
_REACH = 320
# The most words a phrase after a verb may take before its head ("said state Attorney
# General Jane Roe").
_MAX_AFTER = 9
_POSSESSIVE_MARK = re.compile(r"['’]s?(?=\W|$)")
# A document's issuer after it: "a statement from the ministry", "figures released by X".
_ISSUED_BY = re.compile(
    r"(?:,?\s+(?:issued|released|published|compiled|posted|put out|provided|sent)\s+|\s+)"
    r"(?:from|by|of|for)\s+(?:[Tt]he\s+)?"
)
# The issuer's act, for a later "the statement": "X released a statement saying".
_ISSUED = re.compile(
    r"\b(?:released|issued|published|put out|sent|posted|shared) (?:a|an|its|the|his|her|their) "
    r"(?:\w+ ){0,2}(?:statement|report|letter|message|note|notice|communiqu[eé]|decree)"
)
# Words that open an introductory phrase before a subject ("However, ...", "Meanwhile, ...").
_INTRODUCERS = frozenset(
    "however meanwhile also still yet separately earlier later today yesterday "
    "overall instead nevertheless".split()
)
# Two to four capitalised words ending a phrase: "Mar Sophal," / "Ana Lopez."
_NAME_RUN = re.compile(r"((?:[A-Z][a-z’'-]+ ){0,3}[A-Z][a-z’'-]+)(?=\s*[,.;]|\s*$)")
# Capitalised words after a verb that are never a surname ("said Monday", "said Thursday").
_NOT_SURNAMES = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tonight
    January February March April May June July August September October November December
    Earlier Later Again Afterwards Then Too
    """.split()
)
# Capitalised words that open a sentence or a clause, never a name an institution is known by.
_NOT_ANCHORS = frozenset("The A An This That These Those Its Their His Her Our But And".split())
# A sentence opening with an unnamed person: "A government spokeswoman made no comment."
_UNNAMED_OPENING = re.compile(r"(?:A|An|The|One|Another)\s+((?:[\w-]+\s+){0,3}[\w-]+)")
_GENDERED = {
    "spokeswoman": "she",
    "woman": "she",
    "spokesman": "he",
    "man": "he",
}
# ", who began sobbing and": the last relative clause opened before a coordinated verb.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\b(?!.*,\s+(?:who|which)\b)[^,;:]*$")
_TOLD = frozenset({"told", "tells", "tell", "telling"})
_FINITE_WORDS = frozenset("is are was were has have had will would".split())
_SUBJECT_KINDS = frozenset({"person", "pronoun", "role", "organization", "country"})
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|did|does)\b")
# "State television quoted He Biao, director of ..., as saying": the quoted one speaks.
_QUOTED_AS = re.compile(
    r"\b(?:quoted|quotes|reported|cited|cites|heard|recorded|paraphrased) (.{1,160}?),? as $"
)
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i", "we"})
_ORG_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
# How far back "the 45-year-old" looks for the person it describes.
_DESCRIBED_REACH = 800
# How far back a pronoun or a bare document noun looks for the source it stands for.
_DISCOURSE_REACH = 1500


# What may stand before a bare verb form used as a verb: "they say", "will tell", "to add".
_BASE_LEADS = SUBJECT_PRONOUNS | frozenset(
    "you to will would can could may might must should did does do not also often".split()
)


def is_verb(body: str, word: re.Match[str], verbs: frozenset[str]) -> bool:
    """Whether a word is one of `verbs` used as a verb here.

    A bare form counts only after what takes a verb: a subject pronoun, a
    modal, "to", or a plural noun ("officials say"); "a comment", "the report"
    and "a statement" are nouns.
    """
    text = word.group()
    if text not in verbs:
        # "Noting that ...": a participle opening its sentence is capitalised
        return text.endswith("ing") and text[:1].isupper() and text.lower() in verbs
    plural = text.endswith("s") and (
        text[:-1] in BASE_FORMS or (text.endswith("es") and text[:-2] in BASE_FORMS)
    )
    if text not in BASE_FORMS and not plural:
        return True
    before = body[max(0, word.start() - 30) : word.start()].split()
    if not before:
        return plural
    previous = before[-1].strip(",").lower()
    if plural:  # "in remarks published by", "his comments": a noun after these
        noun = (
            previous in DETERMINERS or previous in PREPOSITIONS or previous.endswith(("'s", "’s"))
        )
        return not noun
    return previous in _BASE_LEADS or (
        previous.endswith("s") and previous.isalpha() and previous not in FUNCTION_WORDS
    )


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


class Sources:
    """Source phrases of one article, with the speakers quoted so far."""

    def __init__(self, analysis: Analysis, mentions: Mentions, quotes: list[Quotation]) -> None:
        self.analysis = analysis
        self.body = analysis.body
        self.mentions = mentions
        self.quotes = quotes
        self._quote_starts = [q.start for q in quotes]
        self._spoken: list[tuple[int, Entity | None]] = []  # (offset, speaker), in text order
        self._issued = [m.start() for m in _ISSUED.finditer(self.body)]
        self._sentence_starts = [sentence.start for sentence in analysis.sentences]
        words = [m.span() for m in WORD.finditer(self.body)]  # one pass; look-ups bisect it
        self._word_starts = [start for start, _ in words]
        self._word_ends = [end for _, end in words]

    # ---------------------------------------------------------------- discourse

    def quoted(self, offset: int) -> bool:
        """Whether an offset lies inside a quotation."""
        index = bisect.bisect_right(self._quote_starts, offset) - 1
        return index >= 0 and offset < self.quotes[index].end

    def remember(self, offset: int, entity: Entity | None) -> None:
        """Note that a source spoke at `offset`, None for an unnamed one (pronouns and quote
        paragraphs later may point to it)."""
        bisect.insort(self._spoken, (offset, entity), key=lambda item: item[0])

    def last_spoken(self, offset: int) -> tuple[int, Entity | None] | None:
        """The last source before `offset` (None for an unnamed one), with where it spoke."""
        index = bisect.bisect_left(self._spoken, offset, key=lambda item: item[0])
        return self._spoken[index - 1] if index > 0 else None

    def _last_spoken(self, offset: int, types: tuple[str, ...]) -> tuple[int, Entity] | None:
        index = bisect.bisect_left(self._spoken, offset, key=lambda item: item[0])
        for at, entity in reversed(self._spoken[max(0, index - 8) : index]):
            if offset - at > _DISCOURSE_REACH:
                return None
            if entity is not None and entity.type in types:
                return at, entity
        return None

    # ---------------------------------------------------------------- before a verb

    def before(self, sentence: Segment, verb: int, floor: int | None = None) -> Source:
        """The subject of the verb at `verb`, read leftwards within its sentence.

        `floor` bounds the look (the end of a quote the verb follows).
        """
        floor = max(sentence.start, verb - _REACH, floor if floor is not None else 0)
        end = self._skip_between(floor, verb)
        previous = self._word_before(floor, end)
        if previous is None:
            return NOBODY
        if previous[2].lower() in RELATIVES and previous[2].lower() != "that":
            # "Roe, who said last week that ...": the relative stands for the noun before it.
            return self.head(floor, self._skip_back(floor, previous[0], ","))
        if previous[2] in ("and", "but", "or"):
            # "He continued to advise ... and said": the coordinated verb shares the subject;
            # "family members, who began sobbing and called out": the relative's noun.
            relative = _RELATIVE_CLAUSE.search(self.body, floor, previous[0])
            if relative is not None:
                return self.head(floor, relative.start())
            return self.subject(sentence, verb)
        if previous[2] == "to":
            # "She went on to say": the subject of the verb the infinitive completes.
            return self.nearest_subject(floor, previous[0])
        if self.body[previous[1] : end].strip().endswith(","):
            return self._inserted(floor, end)  # "Angell, director of the force (JCF), said"
        return self.head(floor, end)

    def _skip_between(self, floor: int, end: int) -> int:
        """Back past adverbs, auxiliaries and a parenthesis between a subject and its verb."""
        while end > floor:
            stripped = self.body[floor:end].rstrip()
            if stripped.endswith(")"):
                opening = stripped.rfind("(")
                if opening < 0:
                    return floor + len(stripped)
                end = floor + opening
                continue
            word = self._word_before(floor, floor + len(stripped))
            if word is None or word[1] != floor + len(stripped):
                return floor + len(stripped)
            if self.mentions.ending_at(word[1]) is not None:
                return word[1]  # "Mr Still told": a name, not the adverb "still"
            if word[2].lower() in ADVERBS_BETWEEN or _adverb(word[2]):
                end = word[0]
                continue
            return floor + len(stripped)
        return end

    def _inserted(self, floor: int, end: int) -> Source:
        """The subject before a run of insertions set off by commas.

        `Roe, who chairs the committee and has long opposed the bill, told`,
        `The account for X, which replaced Y, hosted by Z, tweeted`: each
        segment that reads as an insertion (a relative clause, a participle
        phrase, an age, an apposition) is peeled off from the verb back, and
        the segment left is the subject. `The chairwoman of the council, Lisa
        Grant, said`: a name in the apposition beats an unnamed role before it.
        """
        peeled = self.peel(floor, end)
        return peeled[0] if peeled is not None else NOBODY

    def peel(self, floor: int, end: int) -> tuple[Source, int] | None:
        """The subject before the insertions that end at `end`, and where its segment starts.

        None when no insertion stands before `end` (`CLAUSE, said X`: the source
        comes after the verb).
        """
        segments = self._segments(floor, end)
        index = len(segments) - 1
        while index > 0 and self._insertion(segments[index], segments[index - 1]):
            index -= 1
        if index == len(segments) - 1:
            return None
        subject_start, subject_end = segments[index]
        if self._introductory(subject_start, subject_end):
            subject_start, subject_end = segments[index + 1]  # "In a statement, the ministry, ..."
            index += 1
        outer = self.head(subject_start, self._skip_back(subject_start, subject_end, ""))
        if outer.named and _is_person(outer):
            return outer, subject_start
        inner = NOBODY
        if index + 1 < len(segments) and self._apposition(segments[index + 1]):
            inner = self.named_in(*segments[index + 1])
        if inner.named and _is_person(inner):
            return inner, subject_start
        return (outer if outer.found else inner), subject_start

    def _segments(self, floor: int, end: int) -> list[tuple[int, int]]:
        """The stretches between commas (outside quotes) from `floor` to the comma before `end`."""
        closing = self.body.rfind(",", floor, end)
        cuts = [floor]
        comma = self.body.find(",", floor, closing)
        while 0 <= comma < closing:
            if not self.quoted(comma):
                cuts.append(comma + 1)
            comma = self.body.find(",", comma + 1, closing)
        bounds = [*cuts, closing + 1]
        return [(bounds[i], bounds[i + 1] - 1) for i in range(len(bounds) - 1)]

    def _insertion(self, segment: tuple[int, int], previous: tuple[int, int]) -> bool:
        """Whether a comma-set segment is inserted after a noun rather than a clause of its own."""
        words = WORD.findall(self.body, *segment)
        if not words or len(words) > 24:
            return False
        first = words[0]
        lower = first.lower()
        if lower in RELATIVES and lower != "that":
            return True  # "who chairs the committee"
        if first.islower() and first.endswith(("ed", "ing")) and lower not in FUNCTION_WORDS:
            return True  # "hosted by Bernard McGuirk", "speaking at the summit"
        if first.isdigit() and len(words) <= 3:
            return True  # "Roe, 54, said"
        if self._introductory(*previous) or len(words) > 20:
            return False
        own = words[: next((i for i, w in enumerate(words) if w in RELATIVES), len(words))]
        if any(_finite(w) for w in own):
            return False  # "against Russia, the ministry said": a clause, not an apposition
        before = self.body[previous[0] : previous[1]].rstrip()
        if not before or before[-1:] in ')"”':
            return False
        named_before = self.mentions.ending_at(previous[0] + len(before)) is not None
        if lower in DETERMINERS or lower in ("a", "an"):
            return True  # "Leavitt, the press secretary, said"
        if self._opens_name(segment):
            # "The chairwoman, Lisa Grant, said": a name renames a person noun or a name,
            # never "the doors" of a clause before it.
            head = WORD.findall(before[-40:])[-1:]
            person_noun = bool(head) and (head[0].lower() in PERSON_NOUNS or head[0][:1].isupper())
            return named_before or person_noun or self._noun_phrase(previous)
        return named_before  # "Lisa Grant, chairwoman of the council, said"

    def _noun_phrase(self, segment: tuple[int, int]) -> bool:
        """Whether a segment is a noun phrase alone ("The main opposition candidate")."""
        words = WORD.findall(self.body, *segment)
        if not words or len(words) > 8 or words[0].lower() not in DETERMINERS:
            return False
        return not any(_finite(w) for w in words)

    def _opens_name(self, segment: tuple[int, int]) -> bool:
        """Whether a segment opens with a name, titles allowed before it ("Dr. Anthony Fauci")."""
        for count, word in enumerate(WORD.finditer(self.body, *segment)):
            if self.mentions.starting_at(word.start()) is not None:
                return True
            if count >= 2 or not word.group()[:1].isupper():
                return False
        return False

    def _apposition(self, segment: tuple[int, int]) -> bool:
        """Whether an inserted segment renames the noun before it (not a relative clause)."""
        first = WORD.search(self.body, *segment)
        if first is None:
            return False
        lower = first.group().lower()
        return not (
            lower in RELATIVES or (first.group().islower() and lower.endswith(("ed", "ing")))
        )

    def _introductory(self, start: int, end: int) -> bool:
        """Whether a segment is an introductory phrase ("In a statement", "On Monday")."""
        first = WORD.search(self.body, start, end)
        if first is None:
            return True
        lower = first.group().lower()
        return lower in PREPOSITIONS or lower in _INTRODUCERS

    def _skip_back(self, floor: int, end: int, mark: str) -> int:
        """`end` moved back past white space and one `mark`."""
        text = self.body[floor:end].rstrip()
        if mark and text.endswith(mark):
            text = text[: -len(mark)].rstrip()
        return floor + len(text)

    def subject(self, sentence: Segment, before: int) -> Source:
        """The sentence's subject: its first person or organisation, before any verb of its own.

        For a participle (`Trump spoke on Monday, saying ...`) and a colon frame
        (`The chairwoman put it bluntly: "…"`).
        """
        for mention in self.mentions.between(sentence.start, before):
            if mention.quoted or mention.kind not in _SUBJECT_KINDS:
                continue
            auxiliaries = _AUXILIARY.finditer(self.body, sentence.start, mention.start)
            if any(not self.quoted(m.start()) for m in auxiliaries):
                return UNNAMED  # "The attacker is reported to ... and claimed": unnamed
            if self._preposition_before(sentence.start, mention.start) is not None:
                continue
            if _POSSESSIVE_MARK.match(self.body, mention.end):
                continue
            if mention.kind != "person" and self._name_follows(mention.end, before):
                continue  # "Indian Foreign Ministry spokesman Randhir Jaiswal rejected ..."
            return self._from_mention(sentence.start, mention)
        return NOBODY

    def nearest_subject(self, floor: int, before: int) -> Source:
        """The last person, organisation or country before `before` that can be a subject."""
        for mention in reversed(self.mentions.between(floor, before)):
            if mention.quoted or mention.kind not in _SUBJECT_KINDS:
                continue
            if _POSSESSIVE_MARK.match(self.body, mention.end):
                continue
            if self._preposition_before(floor, mention.start) is not None:
                continue
            return self._from_mention(floor, mention)
        return NOBODY

    def earlier_frame(self, sentence: Segment, verb: int) -> Source:
        """The source of the last finite speech verb before `verb` in its sentence.

        A participle adding a clause speaks for the same source: `…, the ministry
        said, noting that …`, `Roe told reporters the vote would fail, adding …`.
        """
        last = None
        for match in WORD.finditer(self.body, sentence.start, verb):
            word = match.group()
            finite = is_verb(self.body, match, POST_QUOTE_VERBS) and not word.endswith("ing")
            if finite and not self.quoted(match.start()):
                last = match
        if last is None:
            return NOBODY
        source = self.before(sentence, last.start())
        return source if source.found else self.after(last.end(), verb)

    def quoted_as(self, sentence: Segment, verb: re.Match[str]) -> Source | None:
        """`X quoted Y as saying ...`: Y is the speaker, not the subject."""
        if verb.group() not in ("saying", "telling", "adding", "writing", "warning"):
            return None
        match = _QUOTED_AS.search(self.body, max(sentence.start, verb.start() - 200), verb.start())
        if match is None:
            return None
        source = self.after(match.start(1), verb.start())
        return source if source.found else None

    # ---------------------------------------------------------------- a phrase's head

    def head(self, floor: int, end: int) -> Source:
        """The source a noun phrase ending at `end` names, read from its head word."""
        mention = self.mentions.ending_at(end)
        if mention is not None:
            return self._from_mention(floor, mention)
        word = self._word_before(floor, end)
        if word is None or word[1] != end:
            return NOBODY
        start, _, text = word
        lower = text.lower()
        preposition = self._preposition_before(floor, start, adjectives=2)
        if preposition is not None and lower not in _ORG_PRONOUNS | _PERSON_PRONOUNS:
            outer = self.head(floor, self._skip_back(floor, preposition, ""))
            if outer.found:
                return outer  # "The family's statement on the death read"
        if lower in _ORG_PRONOUNS or lower in _PERSON_PRONOUNS:
            return self.pronoun(lower, start)
        if lower in DOCUMENT_NOUNS:
            return self.issuer(floor, start, end)
        if lower in GROUP_NOUNS:
            return self._identified_group(floor, start, end) or self._named_group(lower, start)
        if lower in UNNAMED_PEOPLE:
            return self._first_conjunct(floor, start) or UNNAMED
        if lower in FUNCTION_WORDS or lower in PREPOSITIONS or _adverb(lower):
            return NOBODY
        if (lower in DESCRIPTORS or lower.endswith("-old")) and self._definite(floor, start):
            return self._described(start, lower)  # "the 45-year-old said", "the coach said"
        if text[:1].isupper() or self._after_determiner(floor, start):
            return UNNAMED  # "Police said", "a company said" with nothing it points back to
        return NOBODY

    def _definite(self, floor: int, start: int) -> bool:
        """Whether the word at `start` is the head of "the" and at most one word before it."""
        word = self._adjacent_word(floor, start)
        if word is not None and word[2] not in ("the", "The"):
            word = self._adjacent_word(floor, word[0]) if word[2].islower() else None
        return word is not None and word[2] in ("the", "The")

    def _described(self, offset: int, noun: str | None = None) -> Source:
        """A person described, not named ("the 45-year-old", "the German", "the deputy
        commissioner"): the person whose title holds the noun, else the person the article
        quoted or made a subject last, close before."""
        if noun is not None:
            reach = max(0, offset - _DISCOURSE_REACH)
            for mention in reversed(self.mentions.between(reach, offset)):
                entity = mention.entity
                title = (entity.job_title or "").lower() if entity is not None else ""
                if entity is not None and entity.type == "Person" and noun in title.split():
                    return Source(entity, True, mention)
        spoken = self._last_spoken(offset, ("Person",))
        if spoken is not None and offset - spoken[0] <= _DESCRIBED_REACH:
            return Source(spoken[1])
        subject = self._last_subject(offset, ("person",))
        return Source(subject) if subject is not None else UNNAMED

    def _from_mention(self, floor: int, mention: Mention) -> Source:
        """A mention as a phrase's head: itself, unless it is a preposition's object."""
        if mention.kind in ("person", "organization", "country"):
            preposition = self._preposition_before(floor, self._title_start(mention), adjectives=2)
            if preposition is not None:
                outer = self.head(floor, self._skip_back(floor, preposition, ""))
                if outer.found:
                    return outer  # "Maria Lopez of the World Food Programme said"
            last = WORD.findall(mention.text)[-1:]
            if last and last[0].lower() in UNNAMED_PEOPLE:
                return UNNAMED  # "US officials", "Ukrainian officials"
            return Source(mention.entity, True, mention)
        if mention.kind == "pronoun":
            return self.pronoun(mention.text.lower(), mention.start, mention.entity)
        if mention.kind == "role":
            if mention.entity is not None:
                return Source(mention.entity, True, mention)
            noun = mention.text.split()[-1].lower()
            if noun in DOCUMENT_NOUNS:
                return self.issuer(floor, mention.end - len(noun), mention.end)
            return UNNAMED
        demonym = mention.entity is not None and mention.text != mention.entity.name
        if mention.kind == "country" and demonym and self._definite(floor, mention.start):
            return self._described(mention.start)  # "the German said": a demonym
        return UNNAMED  # a place standing as a source ("Kyiv said") names no speaker here

    def _first_conjunct(self, floor: int, start: int) -> Source | None:
        """`Biden and others said`: a name coordinated with unnamed people is the source."""
        word = self._adjacent_word(floor, start)
        if word is not None and word[2] in ("the", "other", "several", "some", "many"):
            word = self._adjacent_word(floor, word[0])
        if word is None or word[2] != "and":
            return None
        mention = self.mentions.ending_at(self._skip_back(floor, word[0], ""))
        if mention is None or mention.kind not in ("person", "organization", "country"):
            return None
        return Source(mention.entity, True, mention)

    def _identified_group(self, floor: int, start: int, end: int) -> Source | None:
        """An institution identified by a place or name before it: "the Palestinian health
        ministry", "Cairo airport's veterinary authority", "the Paris prosecutor's office".

        The phrase from its capitalised first word to the head noun names the organisation.
        """
        edge, anchor = start, None
        for _ in range(4):
            word = self._adjacent_word(floor, edge)
            if word is None:
                break
            text = word[2]
            bare = _POSSESSIVE_MARK.sub("", text)
            if text[:1].isupper() and bare not in _NOT_ANCHORS:
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

    def _named_group(self, noun: str, start: int) -> Source:
        """A bare "police" or "the ministry" that points back to the one named before it
        ("London's Metropolitan Police said ... police said"), else an unnamed source."""
        for mention in reversed(self.mentions.between(max(0, start - _DISCOURSE_REACH), start)):
            entity = mention.entity
            if mention.kind != "organization" or entity is None or mention.quoted:
                continue
            if entity.name.lower().split()[-1:] == [noun]:
                return Source(entity, True, mention)
        if noun == "government":
            return self._country_government(start)
        return UNNAMED

    def _country_government(self, start: int) -> Source:
        """`Japan decided ..., the government announced`: the government of the country the
        sentence, or the one before it, is about."""
        sentence = self.analysis.sentence_at(start)
        floor = self._sentence_start(sentence.start - 1) if sentence and sentence.start else 0
        for mention in reversed(self.mentions.between(floor, start)):
            if mention.kind != "country" or mention.entity is None or mention.quoted:
                continue
            country = country_for(mention.entity.name)
            adjective = demonym_for(country) if country is not None else None
            name = f"{adjective or mention.entity.name} government"
            table = self.analysis.entities
            return Source(table.find(name, "Organization") or table.add("Organization", name))
        return UNNAMED

    def _title_start(self, mention: Mention) -> int:
        """Where a person's title set before the name starts ("Prime Minister Alan Reed")."""
        title = mention.entity.job_title if mention.entity is not None else None
        if not title:
            return mention.start
        lead = self.body[max(0, mention.start - len(title) - 1) : mention.start].rstrip()
        return mention.start - len(title) - 1 if lead.endswith(title) else mention.start

    def _preposition_before(self, floor: int, start: int, adjectives: int = 0) -> int | None:
        """Where the preposition governing a phrase starts ("of the WFP"), if one does.

        Up to `adjectives` plain words may stand between ("on the recent death").
        """
        word = self._adjacent_word(floor, start)
        for _ in range(adjectives):
            if word is None or not word[2].islower() or word[2] in FUNCTION_WORDS:
                break
            if word[2] in PREPOSITIONS or word[2] in DETERMINERS:
                break
            word = self._adjacent_word(floor, word[0])
        if word is not None and word[2].lower() in ("the", "a", "an", "his", "her", "its", "their"):
            word = self._adjacent_word(floor, word[0])
        if word is None or word[2].lower() not in PREPOSITIONS:
            return None
        return word[0]

    def _adjacent_word(self, floor: int, start: int) -> tuple[int, int, str] | None:
        """The word right before `start` with only spaces between (no comma, no bracket)."""
        word = self._word_before(floor, start)
        if word is None or self.body[word[1] : start].strip():
            return None
        return word

    def named_in(self, start: int, end: int) -> Source:
        """The first person named in a stretch (an apposition), else the first organisation."""
        found = [m for m in self.mentions.between(start, end) if not m.quoted and m.entity]
        for kinds in (("person",), ("organization", "country")):
            for mention in found:
                if mention.kind in kinds and self._preposition_before(start, mention.start) is None:
                    return Source(mention.entity, True, mention)
        return NOBODY

    # ---------------------------------------------------------------- after a verb

    def after(self, start: int, stop: int) -> Source:
        """The source named right after a verb or `according to` (`said state AG Jane Roe`)."""
        possessor: Source | None = None
        count = 0
        previous_end = start
        last: tuple[int, str] | None = None
        for match in WORD.finditer(self.body, start, stop):
            if match.start() < previous_end:
                continue  # inside the possessor just read
            gap = self.body[previous_end : match.start()]
            if count and (any(mark in gap for mark in ',;:(“"') or self.quoted(match.start())):
                break
            if (count == 0 and gap.strip()) or self.quoted(match.start()):
                return NOBODY
            count += 1
            previous_end = match.end()
            mention = self.mentions.starting_at(match.start())
            if mention is not None and not mention.quoted:
                mark = _POSSESSIVE_MARK.match(self.body, mention.end)
                if mark is not None:
                    possessor = self._from_mention(start, mention)
                    previous_end = max(match.end(), mark.end())
                    continue
                if mention.kind in ("person", "organization", "country", "pronoun", "role"):
                    if mention.kind != "person" and self._name_follows(mention.end, stop):
                        continue  # "State Department spokesman John Kirby"
                    source = self._from_mention(start, mention)
                    if source.found:
                        return source
                    continue
            if mention is None and count <= 3:
                named = self._name_run(match.start(), stop)
                if named is not None:
                    return named  # "said Mar Sophal, monitoring chief for ..."
            word = match.group()
            lower = word.lower()
            bare = _POSSESSIVE_MARK.sub("", lower)
            if lower in POSSESSIVE_PRONOUNS and lower not in ("her", "its"):
                possessor = self.pronoun(lower, match.start())
                continue
            if lower in ("him", "her", "them", "it") and count == 1:
                if lower == "her" and self._noun_follows(match.end(), stop):
                    possessor = self.pronoun(lower, match.start())  # "her spokesman"
                    continue
                return self.pronoun(lower, match.start())  # "according to him, ..."
            if bare in DOCUMENT_NOUNS:
                return self._issuer_after(match.end(), stop, possessor)
            if bare in UNNAMED_PEOPLE or bare in GROUP_NOUNS:
                if self._name_follows(match.end(), stop):
                    continue  # "the victim's partner John Doe", "spokesman John Kirby"
                renamed = self._appositive_name(match.end()) if bare in PERSON_NOUNS else None
                return renamed if renamed is not None else UNNAMED
            if lower in PREPOSITIONS or count > _MAX_AFTER:
                break
            last = (match.start(), bare)
        if last is not None and last[1] in DESCRIPTORS and self._definite(start, last[0]):
            return self._described(last[0], last[1])  # "according to the deputy commissioner"
        return NOBODY

    def _name_run(self, start: int, stop: int) -> Source | None:
        """A person's name the mentions layer missed, set where only a name can stand.

        Two to four capitalised words that end the phrase after a speech verb
        (`said Mar Sophal,`): the place makes them a name.
        """
        run = _NAME_RUN.match(self.body, start, stop)
        if run is None or self._name_follows(start, stop):
            return None
        words = run.group(1).split()
        if len(words) == 1 and (words[0] in _NOT_SURNAMES or not self._after_verb(start)):
            return None
        if any(w.lower() in DOCUMENT_NOUNS or w.lower() in GROUP_NOUNS for w in words):
            return None
        name = " ".join(words)
        table = self.analysis.entities
        entity = table.find(name, "Person") or table.add("Person", name)
        table.alias(entity, words[-1])
        return Source(entity)

    def _after_verb(self, start: int) -> bool:
        """Whether a word stands right after a speech verb ("added Hill, who ...")."""
        word = self._adjacent_word(max(0, start - 30), start)
        return word is not None and word[2] in POST_QUOTE_VERBS

    def _appositive_name(self, end: int) -> Source | None:
        """`the mayor's spokesperson, Ruth Adams,`: the name set off right after a person noun."""
        if self.body[end : end + 2] != ", ":
            return None
        mention = self.mentions.starting_at(self._next_word(end + 1))
        if mention is None or mention.kind != "person" or mention.entity is None:
            return None
        if self.body[mention.end : mention.end + 1] not in (",", ".", ";"):
            return None
        return Source(mention.entity, True, mention)

    def _noun_follows(self, end: int, stop: int) -> bool:
        """Whether a word follows in the same phrase (no comma or stop between)."""
        following = WORD.search(self.body, end, stop)
        return following is not None and not self.body[end : following.start()].strip()

    def _name_follows(self, end: int, stop: int) -> bool:
        """Whether a person's name follows within the phrase ("partner John Doe",
        "attorney General Jane Roe")."""
        for count, match in enumerate(WORD.finditer(self.body, end, stop)):
            if count > 4 or any(mark in self.body[end : match.start()] for mark in ',;:(“"'):
                return False
            mention = self.mentions.starting_at(match.start())
            if mention is not None:
                return mention.kind == "person"
            if match.group().lower() in PREPOSITIONS:
                return False
        return False

    # ---------------------------------------------------------------- documents

    def issuer(self, floor: int, start: int, end: int, recall: bool = True) -> Source:
        """Who issued the document named at `start..end`: "the ministry's statement" → ministry.

        With `recall`, a document the phrase does not tie to anyone ("the statement")
        points back to the issuer the article named before.
        """
        owner = self._owner(floor, start)
        if owner is not None:
            return owner
        issued = _ISSUED.search(self.body, max(0, start - 60), end)
        if issued is not None and issued.end() == end:
            # "X released a statement saying ...": the subject of the issuing verb.
            sentence = self.analysis.sentence_at(issued.start())
            if sentence is not None:
                return self.before(sentence, issued.start())
        if not recall:
            by = _ISSUED_BY.match(self.body, end)
            mention = self.mentions.starting_at(by.end()) if by is not None else None
            return Source(mention.entity, True, mention) if mention is not None else NOBODY
        return self._issuer_after(end, min(len(self.body), end + 120), None)

    def _owner(self, floor: int, start: int) -> Source | None:
        """The possessor or modifier of a document noun ("its website", "a ministry statement")."""
        edge = start
        for _ in range(3):
            word = self._word_before(floor, edge)
            if word is None:
                return None
            text = word[2]
            lower = text.lower()
            if lower in POSSESSIVE_PRONOUNS:
                return self.pronoun(lower, word[0])
            mark = _POSSESSIVE_MARK.search(text)
            if mark is not None:
                mention = self.mentions.ending_at(word[1] - len(mark.group()))
                return self._from_mention(floor, mention) if mention is not None else UNNAMED
            mention = self.mentions.ending_at(word[1])
            if mention is not None and mention.kind in ("person", "organization", "country"):
                return Source(mention.entity, True, mention)  # "a White House statement"
            if lower in ("the", "a", "an", "this", "that"):
                return None
            edge = word[0]
        return None

    def _issuer_after(self, end: int, stop: int, possessor: Source | None) -> Source:
        """`a statement from the ministry`, `figures released by X`, else the last issuer.

        Only a definite document ("the statement", "the report") points back to
        an issuer named before; "early reports" and "a report" stay unnamed.
        """
        if possessor is not None and possessor.found:
            return possessor
        issued = _ISSUED_BY.match(self.body, end)
        if issued is not None and issued.end() < stop:
            mention = self.mentions.starting_at(issued.end())
            if mention is not None and mention.entity is not None:
                return self._from_mention(end, mention)
        noun = self._word_before(max(0, end - 60), end)
        determiner = self._word_before(max(0, end - 60), noun[0]) if noun is not None else None
        if determiner is None or determiner[2].lower() not in ("the", "this"):
            return UNNAMED
        return self.last_issuer(end)

    def last_issuer(self, before: int) -> Source:
        """The source the article named as issuing a document, or quoted, last before `before`."""
        index = bisect.bisect_left(self._issued, before) - 1
        if index >= 0 and before - self._issued[index] <= _DISCOURSE_REACH:
            at = self._issued[index]
            sentence = self.analysis.sentence_at(at)
            if sentence is not None and not self.quoted(at):
                found = self.before(sentence, at)
                if found.named:
                    return found
        spoken = self._last_spoken(before, ("Organization", "Country", "Person"))
        if spoken is not None:
            return Source(spoken[1])
        # "The WHO released new figures. The report said ...": the organisation last a subject.
        subject = self._last_subject(before, ("organization",))
        return Source(subject) if subject is not None else UNNAMED

    # ---------------------------------------------------------------- pronouns

    def pronoun(self, pronoun: str, offset: int, entity: Entity | None = None) -> Source:
        """The speaker a pronoun stands for: the nearer of the layer's antecedent and the last
        speaker of the fitting kind.

        `Speaking with reporter Peter Clottey, he said`: a subject pronoun after an
        introductory phrase never stands for a name inside that phrase.
        """
        found = self._antecedent(pronoun, offset, entity)
        if found.entity is not None and pronoun in ("he", "she"):
            since = self._last_mention_of(found.entity, offset)
            spoken = self._last_spoken(offset, ("Person",))
            if spoken is not None and spoken[1] is found.entity:
                since = max(since or 0, spoken[0])
            if since is not None and self._unnamed_person_since(since, offset, pronoun):
                return UNNAMED  # "A government spokeswoman made no comment. ... she said"
        return found

    def _antecedent(self, pronoun: str, offset: int, entity: Entity | None) -> Source:
        person = pronoun in _PERSON_PRONOUNS
        types = ("Person",) if person else ("Organization", "Country")
        if entity is not None and self._named_in_lead(entity, offset):
            entity = None
            offset = self._sentence_start(offset)
        spoken = self._last_spoken(offset, types)
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
        subject = self._last_subject(offset, kinds, pronoun)
        return Source(subject) if subject is not None else UNNAMED

    def _unnamed_person_since(self, since: int, offset: int, pronoun: str) -> bool:
        """Whether a sentence between `since` and `offset` opens with an unnamed person the
        pronoun can stand for ("A government spokeswoman made no comment.")."""
        starts = self._sentence_starts
        # from the sentence naming the candidate: "A spokesman for Liberian rebels said"
        index = max(0, bisect.bisect_right(starts, since) - 1)
        while index < len(starts) and starts[index] < offset:
            match = _UNNAMED_OPENING.match(self.body, starts[index])
            own = starts[index] <= since
            if own and self._preposition_before(starts[index], since, adjectives=2) is None:
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
        start = self._sentence_start(offset)
        last = self._last_mention_of(entity, offset)
        return last is not None and last >= start

    def _sentence_start(self, offset: int) -> int:
        """Where the sentence holding `offset` starts (sentences run together included)."""
        sentence = self.analysis.sentence_at(offset)
        start = sentence.start if sentence is not None else offset
        glued = max(self.body.rfind(mark, start, offset) for mark in ".!?")
        return glued + 1 if glued >= 0 else start

    def _same_gender(self, one: Entity, other: Entity) -> bool:
        genders = self.mentions.genders
        first, second = genders.get(one.id), genders.get(other.id)
        return first is None or second is None or first == second

    def _last_mention_of(self, entity: Entity, before: int) -> int | None:
        for mention in reversed(self.mentions.between(max(0, before - _DISCOURSE_REACH), before)):
            if mention.entity is not entity or mention.kind == "pronoun" or mention.quoted:
                continue
            if _POSSESSIVE_MARK.match(self.body, mention.end):
                continue  # "DeLay's lawyer": the possessor is not who the pronoun follows
            previous = self._adjacent_word(max(0, mention.start - 30), mention.start)
            if previous is not None and previous[2] in _TOLD:
                continue  # "tells VOA English that ...": whom one told is not the subject
            return mention.start
        return None

    def _last_subject(
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

    # ---------------------------------------------------------------- words

    def _word_before(self, floor: int, end: int) -> tuple[int, int, str] | None:
        """The last word that ends at or before `end` (not earlier than `floor`)."""
        index = bisect.bisect_right(self._word_ends, end) - 1
        if index < 0 or self._word_starts[index] < floor or self._word_ends[index] <= end - 60:
            return None
        start, stop = self._word_starts[index], self._word_ends[index]
        return start, stop, self.body[start:stop]

    def window(self, sentence: Segment, offset: int) -> Segment:
        """The stretch of a sentence that attribution reads around `offset`.

        News sentences are short; an overlong one (a run-on page, a hostile
        input) is read only within `_WINDOW` characters either side, so that
        every look-up stays bounded and the whole pass stays linear.
        """
        if sentence.end - sentence.start <= 2 * _WINDOW:
            return sentence
        start = max(sentence.start, offset - _WINDOW)
        end = min(sentence.end, offset + _WINDOW)
        return Segment(start, end, self.body[start:end])

    def words(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of the words between two offsets, from the article's word index."""
        low = bisect.bisect_left(self._word_starts, start)
        high = bisect.bisect_left(self._word_starts, end)
        return [
            (self._word_starts[i], self._word_ends[i])
            for i in range(low, high)
            if self._word_ends[i] <= end
        ]

    def _next_word(self, offset: int) -> int:
        match = WORD.search(self.body, offset, min(len(self.body), offset + 40))
        return match.start() if match else offset

    def _after_determiner(self, floor: int, start: int) -> bool:
        """Whether a word ends a noun phrase opened by a determiner ("the local company")."""
        edge = start
        for _ in range(3):
            word = self._word_before(floor, edge)
            if word is None or self.body[word[1] : edge].strip():
                return False
            lower = word[2].lower()
            if lower in DETERMINERS:
                return True
            if lower in FUNCTION_WORDS or lower in PREPOSITIONS:
                return False
            edge = word[0]
        return False


def _finite(word: str) -> bool:
    """Whether a word is surely a finite verb ("said", "was"), not a noun ("post", "report")."""
    return word in _FINITE_WORDS or (word in POST_QUOTE_VERBS and word not in BASE_FORMS)


def _adverb(word: str) -> bool:
    """Whether a word is an -ly adverb ("strongly", "bluntly"), not a noun ("family")."""
    return word.islower() and word.endswith("ly") and len(word) >= 7 and word not in _LY_NOUNS


_LY_NOUNS = frozenset({"assembly", "anomaly", "monopoly", "butterfly"})


def _is_person(source: Source) -> bool:
    return source.entity is not None and source.entity.type == "Person"
