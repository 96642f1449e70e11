"""What one sentence says about a sanctions action: the statement and the parties it names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newsld.text.segment import Segment

__all__ = ["Party", "Statement", "add"]


@dataclass(frozen=True)
class Party:
    """An authority, target or target country: its entity type and canonical name."""

    type: str
    name: str


@dataclass
class Statement:
    """What one sentence says about a sanctions action (offsets into the body)."""

    sentence: Segment
    start: int
    end: int
    action: str | None
    authority: list[Party] = field(default_factory=list)
    targets: list[Party] = field(default_factory=list)
    countries: list[Party] = field(default_factory=list)
    measure: str | None = None
    sector: str | None = None
    anchor: int = 0
    described: int | None = None  # where words describing the sanctions start ("imposed in 1998")
    adds: bool = False
    when: str | None = None
    day: dt.date | None = None  # the day of the date expression nearest the trigger
    terror: bool = False
    intends: bool = False  # an action told ahead ("will freeze", "plans to impose")
    further: bool = False  # "further sanctions": more than an action told before
    listed: bool = False  # its target countries form one list ("on Niger, Mali and Chad")
    head: str | None = None  # the noun a restated list names ("The companies are ..."), or ""
    added: bool = False  # "Japan has added X to a list": more targets of the action told
    perfect: bool = False  # told in the perfect ("China has sanctioned ..."), a background
    earlier: bool = False  # told as before the action ("Moscow had already announced ...")
    answered: bool = False  # what another action answers ("in response to sanctions imposed by")

    aimed: bool = True  # a ban aimed at someone; "India banned wheat exports" is aimed at no one

    @property
    def creates(self) -> bool:
        """Whether the statement can stand as a claim of its own (an action by or on someone)."""
        if not self.aimed and not (self.targets or self.countries):
            return False  # a state's own trade ban, no sanction on anyone
        return self.action is not None and bool(self.authority or self.targets)


def add(parties: list[Party], party: Party) -> None:
    """Add `party` to `parties` unless it is there already."""
    if party not in parties:
        parties.append(party)
