"""The exporter lifecycle: start, write one document at a time, finish.

A batch streams through any exporter in constant memory: the CLI opens the
output once, calls `start()`, `write(document)` for each input as it is
converted, and `finish()`. Exporters are written against the claim-type
registry (`options.claim_types`), never against particular claim types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from newsld.model import Document
from newsld.registry import ClaimType

__all__ = ["DocumentWriter", "ExportOptions"]


@dataclass(frozen=True)
class ExportOptions:
    """What an exporter may need: the registered claim types and `-O key=value` options."""

    claim_types: Mapping[str, ClaimType] = field(default_factory=dict)
    options: Mapping[str, str] = field(default_factory=dict)

    def flag(self, name: str, default: bool = False) -> bool:
        """A boolean option: `-O bom=yes`, `-O neutralise=no`."""
        value = self.options.get(name)
        if value is None:
            return default
        return value.strip().lower() in {"1", "yes", "true", "on"}


class DocumentWriter:
    """Base of every exporter: subclasses override `write` and, if needed, `start`/`finish`."""

    def __init__(self, stream: IO[bytes], options: ExportOptions) -> None:
        self.stream = stream
        self.options = options
        self.count = 0

    def start(self) -> None:
        """Called once before the first document (write headers, open a root element)."""

    def write(self, document: Document) -> None:
        """Write one document."""
        raise NotImplementedError

    def finish(self) -> None:
        """Called once after the last document (close the root, flush)."""

    def __enter__(self) -> DocumentWriter:
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        if exc[0] is None:
            self.finish()
