"""One sentence being read around its sanctions trigger: what every part of the reading shares."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from newsld.analysis import Analysis
from newsld.text.gazetteer import PlaceMention
from newsld.text.quotations import quotations
from newsld.text.segment import Segment
from newsld_plugins.sanctions.places import authority_party

__all__ = ["PHRASE_REACH", "Reading"]

PHRASE_REACH = 80  # characters back to the phrase a name hangs on ("allies of ...")


@dataclass
class Reading:
    """A sentence, the names of states and blocs in it, and its trigger.

    `cue` (the word that gives the action) and `intends` (an action told ahead) are
    filled as the action is read.
    """

    analysis: Analysis
    sentence: Segment
    places: list[PlaceMention]
    trigger: re.Match[str]
    cue: re.Match[str] | None = None
    intends: bool = False
    propose_at: int | None = None  # where the verb of a call on someone else starts
    described_at: int | None = None  # where a clause describing the sanctions starts
    answered_at: int | None = None  # where what another action answers is told
    said_ahead: bool = False  # "X said it would impose ...": an announcement if it names whom
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.sentence.text

    @cached_property
    def quoted(self) -> bool:
        """Whether the trigger lies inside a quotation (read only when a modal asks)."""
        return _inside_quote(self.analysis, self.sentence.start + self.trigger.start())

    @cached_property
    def first_doer_end(self) -> int:
        """Where the first name that could act ends ("The African Union suspended Mali")."""
        doers = [p.end for p in self.places if authority_party(p) is not None]
        return min(doers, default=len(self.text) + 1)


def _inside_quote(analysis: Analysis, offset: int) -> bool:
    """Whether `offset` lies between quotation marks (quotations sorted, found by bisection)."""
    found = quotations(analysis)
    starts = analysis.layer("sanctions.quote_starts", lambda a: [q.start for q in found])
    index = bisect.bisect_right(starts, offset) - 1
    # Quotations may nest: look back over the few that open before `offset`. A word or two
    # in quotation marks ('take "countermeasures"') quotes no one speaking.
    return any(
        q.start <= offset < q.end and q.end - q.start > _SCARE_QUOTE
        for q in found[max(0, index - 3) : index + 1]
    )


_SCARE_QUOTE = 30  # characters: at most a word or two
