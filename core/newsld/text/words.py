"""Word indexes: where every word of a text starts and ends, found in one pass.

Layers and extractors look words up by offset (the word before a name, the
words of a clause) by bisecting these lists, so a text is scanned for words
once. The offsets come from `re.split` with the word pattern captured: the
lengths of the pieces, summed, are the offsets, with no match object made per
word (a third cheaper than `[m.span() for m in pattern.finditer(text)]`, and
the same spans).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

__all__ = ["word_index", "word_spans"]


def word_spans(pattern: re.Pattern[str], text: str) -> tuple[list[int], list[int]]:
    """The start and end offsets of every match of `pattern` in `text`, in order."""
    starts, ends, _ = word_index(pattern, text)
    return starts, ends


def word_index(pattern: re.Pattern[str], text: str) -> tuple[list[int], list[int], list[str]]:
    """The start and end offsets of every match of `pattern` in `text`, and the words.

    `pattern` must not match the empty string (a word pattern never does).
    """
    pieces = _captured(pattern).split(text)  # text, word, text, word, ..., text
    ends = list(accumulate(map(len, pieces)))
    return ends[0:-1:2], ends[1::2], pieces[1::2]


@lru_cache(maxsize=32)
def _captured(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` as the one group of a pattern, so `split` keeps the words."""
    if pattern.groups:
        raise ValueError("a word pattern with groups of its own cannot be split on")
    return re.compile(f"({pattern.pattern})", pattern.flags)
