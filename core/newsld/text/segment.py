"""Paragraphs and sentences, with character offsets into the article body.

News copy breaks naive splitters: "U.S. President Donald Trump", "on Oct. 22",
"Gov. Newsom", "J. R. R. Tolkien" and quotations of several sentences must
not be cut. The splitter here is rule-based and knows those cases.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

__all__ = ["Segment", "paragraphs", "sentences"]


@dataclass(frozen=True)
class Segment:
    """A stretch of the body: `text == body[start:end]`."""

    start: int
    end: int
    text: str


_LINE = re.compile(r"[^\n][^\n]*")

# Words that end with a period but rarely end a sentence in news copy.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sen rep gov lt gen col maj capt cmdr adm sgt cpl pvt st ste
    ave blvd rd mt ft jr sr rev hon pres supt insp det atty gen jan feb mar apr jun jul
    aug sep sept oct nov dec no nos vol p pp fig art sec ch est approx dept univ assn
    bros inc corp co ltd llc plc vs etc al cf e.g i.e a.m p.m u.s u.k u.n e.u
    """.split()
)

# Abbreviations that often do end a sentence ("sanctions on the U.S. The ..."):
# split after them only when a typical sentence opener follows.
_ENDING_ABBREVIATIONS = frozenset(
    {"u.s", "u.k", "u.n", "e.u", "etc", "a.m", "p.m", "inc", "co", "ltd", "jr", "sr"}
)
_OPENERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those but
    and in on at after before when while as if however meanwhile there it's
    """.split()
)

# A sentence ends at . ! ? (and any closing quotes or brackets) before white
# space and a capital, a digit or an opening quote.
# (`[.!?…][.!?…]*`, not `[.!?…]+`: a pattern opening with one character class is scanned
# in C; the same below.)
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?=\s+(?:''|[\"“‘'«(\[])?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.?$")
# A quotation closes on its own mark, or on the other double mark: typed copy
# often opens with a straight mark and closes with a curly one ("…,” she said), or
# with two apostrophes ("…,'' she said).
_OPEN_CLOSE = {"“": ("”", '"', "''"), "«": ("»", '"'), '"': ('"', "”", "''")}
_DOUBLE_MARK = re.compile("[“”«»\"'](?:(?<=[“”«»\"])|')")  # a double mark, or ''

_NEXT_WORD = re.compile(r"\s+[\"“‘'(]?([A-Za-z']+)")


def paragraphs(body: str) -> list[Segment]:
    """Each non-blank line of the body is a paragraph (blank lines only separate)."""
    found = []
    for match in _LINE.finditer(body):
        text = match.group()
        stripped = text.strip()
        if stripped:
            start = match.start() + (len(text) - len(text.lstrip()))
            found.append(Segment(start, start + len(stripped), stripped))
    return found


def sentences(body: str, lines: list[Segment] | None = None) -> list[Segment]:
    """The sentences of every paragraph, in order (`lines`: the body's `paragraphs`, when
    the caller has them already)."""
    found: list[Segment] = []
    for para in paragraphs(body) if lines is None else lines:
        found.extend(_split(body, para))
    return found


def _split(body: str, para: Segment) -> list[Segment]:
    quoted = _quoted_ranges(para.text)
    quote_starts = [start for start, _ in quoted]
    cuts = [0]
    for match in _BOUNDARY.finditer(para.text):
        end = match.end()
        if _inside(end, quoted, quote_starts) or not _ends_sentence(para.text, match.start(), end):
            continue
        cuts.append(end)
    cuts.append(len(para.text))
    pieces = []
    for left, right in itertools.pairwise(cuts):
        chunk = para.text[left:right]
        lead = len(chunk) - len(chunk.lstrip())
        start, stop = para.start + left + lead, para.start + left + len(chunk.rstrip())
        if stop > start:
            pieces.append(Segment(start, stop, body[start:stop]))
    return pieces


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    """Whether the period at `dot` ends a sentence (not "Oct.", "Mr.", "J.")."""
    if text[dot] != ".":
        return True
    word = _WORD_BEFORE.search(text[max(0, dot - 20) : dot + 1])
    if word is None:
        return True
    token = word.group(1).lower()
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "J. R. R. Tolkien", "Harry S. Truman"
    if token in _ENDING_ABBREVIATIONS:
        following = _NEXT_WORD.match(text, end)
        return following is not None and following.group(1).lower() in _OPENERS
    return token not in _ABBREVIATIONS


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Spans between balanced double quotation marks; an unclosed mark protects nothing."""
    ranges = []
    opener: str | None = None
    start = 0
    for match in _DOUBLE_MARK.finditer(text):
        ch, i = match.group(), match.start()
        if opener is None and ch in _OPEN_CLOSE:
            opener, start = ch, i
        elif opener is not None and ch in _OPEN_CLOSE[opener]:
            ranges.append((start, i))
            opener = None
    return ranges


def _inside(pos: int, ranges: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `start < pos <= end` for a range (sorted and apart: the last starting before)."""
    index = bisect.bisect_left(starts, pos) - 1
    return index >= 0 and pos <= ranges[index][1]
