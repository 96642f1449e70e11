"""Inputs as records: what one conversion step takes, and what an archive yields.

A `Record` is one input held in memory: its bytes (or text), the name it goes
by in messages and outputs (`source`), and the options that apply to it. Files
become records when they are read; an archive (a WARC file) yields a record
for each page it holds, and says what it passed over: a `Skipped` record (a
redirect, a PDF, a request) is counted, a `Broken` one is reported as a
failure, and the rest of the archive still converts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

__all__ = ["ArchiveItem", "Broken", "Record", "Skipped"]


@dataclass(frozen=True)
class Record:
    """One input to convert: bytes or text, where it came from, and its options.

    `published` and `url` override what the input says, as `--published` and
    `--url` do. `fallback_url` and `fallback_date` are used only when the
    input names no url or publication date: an archived page's target URI
    and capture date (the document then says so in a warning). `notes` are
    warnings about the input from where it came (a damaged archive record),
    added to the document's.
    """

    data: bytes | str
    source: str = "<input>"
    reader: str | None = None
    published: str | None = None
    url: str | None = None
    fallback_url: str | None = None
    fallback_date: str | None = None
    notes: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Record:
        """A record from a dict (a Spark or Ray row): `data` (or `text`), `source`, options."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known - {"text"})
        if unknown:
            raise ValueError(f"unknown record keys: {', '.join(unknown)}")
        given = {k: v for k, v in values.items() if k in known and v is not None}
        if "data" not in given:
            if values.get("text") is None:
                raise ValueError("a record needs 'data' (bytes or text) or 'text'")
            given["data"] = values["text"]
        return cls(**given)

    @property
    def content(self) -> bytes:
        """The input as bytes (text is encoded as UTF-8)."""
        return self.data.encode("utf-8") if isinstance(self.data, str) else bytes(self.data)


@dataclass(frozen=True)
class Skipped:
    """A record an archive holds that is not an article page (counted, not converted)."""

    source: str
    reason: str


@dataclass(frozen=True)
class Broken:
    """A record an archive holds that cannot be read (one failure line)."""

    source: str
    problem: str


#: What an archive's `records` yields, in the order of the archive.
ArchiveItem = Record | Skipped | Broken
