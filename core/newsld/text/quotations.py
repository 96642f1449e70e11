"""Quotation spans: the stretches of the body between quotation marks.

Handles straight and typographic marks (“ ” ‘ ’ « » „ "), tells a closing
single mark from an apostrophe (Russia’s, don’t, ’90s, Imus'), ignores a quote
nested inside another (the outer one counts), and follows the newswire
convention for a quote over several paragraphs: an opening mark at the start
of each paragraph and no closing mark until the last. A sentence opened with a
double mark never closed runs to its paragraph's end (a closing mark left out).
Other marks that do not pair up within a paragraph are dropped, so a stray mark
costs one quote at most and never yields a quote that runs on across the
article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsld.analysis import Analysis
from newsld.text.segment import Segment

__all__ = ["Quotation", "find_quotations", "quotations"]


@dataclass(frozen=True)
class Quotation:
    """One quoted stretch: `start`/`end` include the marks, `text_start`/`text_end` do not.

    `closed` is false for a paragraph of a quote that runs on into the next
    paragraph; `continued` is true when this paragraph carries on the quote of
    the previous one.
    """

    start: int
    end: int
    text_start: int
    text_end: int
    text: str
    mark: str
    closed: bool = True
    continued: bool = False

    @property
    def words(self) -> int:
        """How many words the quote has."""
        return len(_WORDS.findall(self.text))


_WORDS = re.compile(r"\w\w*")  # (one character class first: scanned in C)
_MARK = re.compile(r"[“”\"‘’'«»„]")
_DOUBLE_OPEN = "“«„"
# The fewest words a quote left open at its paragraph's end must have to count.
_MIN_OPEN_WORDS = 4
# Which marks may close a quote opened by each mark (sloppy text mixes straight and curly).
_CLOSERS = {"“": '”"', "„": '“”"', "«": '»"”', '"': '"”', "‘": "’'", "'": "'’", "”": '”"'}
# What may stand before an opening mark: nothing, space, a bracket or a dash.
_OPEN_BEFORE = frozenset(" \t\n([{—–-/:")


def quotations(analysis: Analysis) -> list[Quotation]:
    """The quotation spans of the article body (an analysis layer)."""
    return analysis.layer("quotations", lambda a: find_quotations(a.body, a.paragraphs))


def find_quotations(body: str, paragraphs: list[Segment]) -> list[Quotation]:
    """Every quotation in the body, paragraph by paragraph, in order."""
    found: list[Quotation] = []
    carried = False
    for index, para in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        runs_on = following is not None and _opens_paragraph(body, following)
        quotes = _scan(body, para, runs_on)
        if carried and quotes and quotes[0].start == para.start:
            quotes[0] = _as_continued(quotes[0])
        carried = bool(quotes) and not quotes[-1].closed
        found.extend(quotes)
    return found


def _opens_paragraph(body: str, para: Segment) -> bool:
    """Whether a paragraph starts with an opening double mark (a quote runs on into it)."""
    return para.end > para.start and body[para.start] in '“«„"'


def _as_continued(quote: Quotation) -> Quotation:
    return Quotation(
        quote.start,
        quote.end,
        quote.text_start,
        quote.text_end,
        quote.text,
        quote.mark,
        quote.closed,
        True,
    )


def _scan(body: str, para: Segment, runs_on: bool) -> list[Quotation]:
    """The quotations of one paragraph; an open quote at its end counts only when `runs_on`."""
    found: list[Quotation] = []
    opener: tuple[str, int] | None = None
    skip = -1
    for match in _MARK.finditer(body, para.start, para.end):
        mark, at = match.group(), match.start()
        if at == skip:
            continue
        before = body[at - 1] if at > para.start else " "
        after = body[at + 1] if at + 1 < para.end else " "
        if opener is not None and opener[0] in '"“' and body.startswith("''", at):
            # Wire copy typed on old keyboards closes a quote with two apostrophes: "…,''
            found.append(_make(body, opener[1], at + 2, opener[0], True, 2))
            opener, skip = None, at + 1
            continue
        if opener is None and body.startswith("''", at):
            following = body[at + 2] if at + 2 < para.end else " "
            if _can_open('"', before, following):
                opener, skip = ('"', at), at + 1  # ''…'' opens as a double mark
                continue
        if (
            opener is not None
            and opener[0] in "‘'"
            and mark in '“"'
            and _can_open(mark, before, after)
        ):
            opener = (mark, at)  # a single mark left open was an apostrophe after all
        elif opener is not None:
            if mark in _CLOSERS[opener[0]] and _can_close(mark, before, after):
                found.append(_make(body, opener[1], at + 1, opener[0], True))
                opener = None
        elif _can_open(mark, before, after):
            opener = (mark, at)
    if opener is not None and runs_on:
        found.append(_make(body, opener[1], para.end, opener[0], False))
    elif opener is not None and _opens_sentence(body, para, opener):
        # `… he said. “We are working to sort things out.` ⏎: a closing mark left out at
        # the end of a paragraph; the quote runs to the paragraph's end, no further
        found.append(_make(body, opener[1], para.end, opener[0], True, 0))
    return [q for q in found if q.text_end > q.text_start]


def _opens_sentence(body: str, para: Segment, opener: tuple[str, int]) -> bool:
    """Whether a double mark left open opens a sentence of several words."""
    mark, at = opener
    if mark not in _DOUBLE_OPEN and mark != '"':
        return False
    lead = body[para.start : at].rstrip()
    if lead and lead[-1] not in ".!?:":
        return False
    rest = body[at + 1 : para.end]
    return rest[:1].isupper() and len(_WORDS.findall(rest)) >= _MIN_OPEN_WORDS


def _can_open(mark: str, before: str, after: str) -> bool:
    """Whether a mark opens a quote here: “ always; straight and single marks only before a word."""
    if mark in _DOUBLE_OPEN:
        return not after.isspace()
    if mark in '"”':
        # ”…” : copy set with one kind of double mark opens with the closing one too
        return before in _OPEN_BEFORE and not after.isspace() and (mark == '"' or after.isupper())
    if mark in "‘'":
        # Not an apostrophe: 'Stefan W' opens, rock 'n' roll and '90s do not.
        return (before in _OPEN_BEFORE or before in '“"') and (after.isalpha() or after in "[(")
    return False


def _can_close(mark: str, before: str, after: str) -> bool:
    """Whether a mark closes the open quote: single marks not inside a word (don’t, Russia’s)."""
    if mark in "’'":
        return not after.isalnum() and not before.isspace()
    if mark == '"':
        return not (before.isspace() and after.isalnum())
    return True


def _make(body: str, start: int, end: int, mark: str, closed: bool, closer: int = 1) -> Quotation:
    """A quotation from its opening mark to just after its closing mark (or its paragraph's end)."""
    inner_start, inner_end = start + 1, end - closer if closed else end
    if body.startswith("''", start):
        inner_start += 1
    while inner_start < inner_end and body[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and body[inner_end - 1].isspace():
        inner_end -= 1
    return Quotation(start, end, inner_start, inner_end, body[inner_start:inner_end], mark, closed)
