"""The words of one article as attribution reads them: one index, bounded look-ups.

Built once per article: every word's offsets (one regular-expression pass,
then bisection), the quotation spans, and the helpers every reading of a
source phrase shares (the word before an offset, the preposition governing a
phrase, the stretch of an overlong sentence to read). Also which words are
speech verbs in use (`is_verb`): a bare form or a plural is often a noun
("a comment", "in remarks").
"""

from __future__ import annotations

import bisect
import re
from itertools import compress

from newsld.analysis import Analysis
from newsld.text.quotations import Quotation
from newsld.text.segment import Segment
from newsld.text.words import word_index
from newsld_plugins.quotes.lexicon import (
    BASE_FORMS,
    DETERMINERS,
    FUNCTION_WORDS,
    POST_QUOTE_VERBS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
)

__all__ = ["POSSESSIVE_MARK", "WORD", "Text", "adverb", "finite", "is_verb"]

# (`\w\w*`, not `\w+`: a pattern opening with one character class is scanned in C.)
WORD = re.compile(r"\w\w*(?:[-'’.]\w+)*")
#: A possessive ending: "Russia's", "the ministry’s", "the Joneses'".
POSSESSIVE_MARK = re.compile(r"['’]s?(?=\W|$)")
# How far either side of a quote or verb an overlong sentence is read.
_WINDOW = 600
_FINITE_WORDS = frozenset("is are was were has have had will would".split())
_LY_NOUNS = frozenset({"assembly", "anomaly", "monopoly", "butterfly"})
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
    if before[-1][:1].isupper() and any(_plural_noun(w) for w in before[-5:-1]):
        return True  # "Fire authorities in Western Australia say"
    if before[-1].endswith(",") and not body.startswith(",", word.end()):
        # "Authorities in Nyala, South Darfur's largest city, say": past the insertion
        wider = body[max(0, word.start() - 90) : word.start()].split(",")
        head = wider[-3].split() if len(wider) >= 3 else []
        return any(_plural_noun(w) for w in head[-4:])
    return previous in _BASE_LEADS or _plural_noun(previous)


def _plural_noun(word: str) -> bool:
    """Whether a word can be a plural noun heading a subject ("officials", "police")."""
    word = word.strip(",").lower()
    return word in ("police", "people") or (
        word.endswith("s") and word.isalpha() and word not in FUNCTION_WORDS
    )


def finite(word: str) -> bool:
    """Whether a word is surely a finite verb ("said", "was"), not a noun ("post", "report")."""
    return word in _FINITE_WORDS or (word in POST_QUOTE_VERBS and word not in BASE_FORMS)


def adverb(word: str) -> bool:
    """Whether a word is an -ly adverb ("strongly", "bluntly"), not a noun ("family")."""
    return word.islower() and word.endswith("ly") and len(word) >= 7 and word not in _LY_NOUNS


class Text:
    """The words and quotations of one article, indexed."""

    def __init__(self, analysis: Analysis, quotes: list[Quotation]) -> None:
        self.analysis = analysis
        self.body = analysis.body
        self.quotes = quotes
        self._quote_starts = [q.start for q in quotes]
        self.sentence_starts = [sentence.start for sentence in analysis.sentences]
        # one pass; look-ups bisect it
        self._word_starts, self._word_ends, self._words = word_index(WORD, self.body)

    def quoted(self, offset: int) -> bool:
        """Whether an offset lies inside a quotation."""
        index = bisect.bisect_right(self._quote_starts, offset) - 1
        return index >= 0 and offset < self.quotes[index].end

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

    def spans_of(self, wanted: frozenset[str]) -> list[tuple[int, int]]:
        """The spans of the words whose lower case is in `wanted`, from the word index."""
        hits = map(wanted.__contains__, map(str.lower, self._words))
        return list(compress(zip(self._word_starts, self._word_ends, strict=True), hits))

    def word_before(self, floor: int, end: int) -> tuple[int, int, str] | None:
        """The last word that ends at or before `end` (not earlier than `floor`)."""
        index = bisect.bisect_right(self._word_ends, end) - 1
        if index < 0 or self._word_starts[index] < floor or self._word_ends[index] <= end - 60:
            return None
        start, stop = self._word_starts[index], self._word_ends[index]
        return start, stop, self.body[start:stop]

    def adjacent_word(self, floor: int, start: int) -> tuple[int, int, str] | None:
        """The word right before `start` with only spaces between (no comma, no bracket);
        a dotted initialism keeps its last period ("the U.N. refugee agency")."""
        word = self.word_before(floor, start)
        if word is None:
            return None
        gap = self.body[word[1] : start].strip()
        if gap and not (gap == "." and "." in word[2]):
            return None
        return word

    def next_word(self, offset: int) -> int:
        match = WORD.search(self.body, offset, min(len(self.body), offset + 40))
        return match.start() if match else offset

    def sentence_start(self, offset: int) -> int:
        """Where the sentence holding `offset` starts (sentences run together included)."""
        sentence = self.analysis.sentence_at(offset)
        start = sentence.start if sentence is not None else offset
        glued = max(self.body.rfind(mark, start, offset) for mark in ".!?")
        return glued + 1 if glued >= 0 else start

    def skip_back(self, floor: int, end: int, mark: str) -> int:
        """`end` moved back past white space and one `mark`."""
        text = self.body[floor:end].rstrip()
        if mark and text.endswith(mark):
            text = text[: -len(mark)].rstrip()
        return floor + len(text)

    def preposition_before(self, floor: int, start: int, adjectives: int = 0) -> int | None:
        """Where the preposition governing a phrase starts ("of the WFP"), if one does.

        Up to `adjectives` plain words may stand between ("on the recent death").
        """
        word = self.adjacent_word(floor, start)
        for _ in range(adjectives):
            if word is None or not word[2].islower() or word[2] in FUNCTION_WORDS:
                break
            if word[2] in PREPOSITIONS or word[2] in DETERMINERS:
                break
            word = self.adjacent_word(floor, word[0])
        if word is not None and word[2].lower() in ("the", "a", "an", "his", "her", "its", "their"):
            word = self.adjacent_word(floor, word[0])
        if word is None or word[2].lower() not in PREPOSITIONS:
            return None
        return word[0]

    def after_determiner(self, floor: int, start: int) -> bool:
        """Whether a word ends a noun phrase opened by a determiner ("the local company")."""
        edge = start
        for _ in range(3):
            word = self.word_before(floor, edge)
            if word is None or self.body[word[1] : edge].strip():
                return False
            lower = word[2].lower()
            if lower in DETERMINERS:
                return True
            if lower in FUNCTION_WORDS or lower in PREPOSITIONS:
                return False
            edge = word[0]
        return False
