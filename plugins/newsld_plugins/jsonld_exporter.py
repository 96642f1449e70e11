"""The JSON-LD exporter: one document pretty-printed, several as JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

from newsld import hookimpl
from newsld.export import DocumentWriter, ExportOptions
from newsld.jsonld import pretty_json, to_jsonld
from newsld.model import Document
from newsld.registry import Exporter


class JsonLdWriter(DocumentWriter):
    """Holds back only the first document, to know whether it is alone."""

    def __init__(self, stream: IO[bytes], options: ExportOptions) -> None:
        super().__init__(stream, options)
        self._first: dict[str, Any] | None = None

    def node(self, document: Document) -> dict[str, Any]:
        """The JSON-LD node of one document (a profile overrides this)."""
        return to_jsonld(document, self.options.claim_types)

    def write(self, document: Document) -> None:
        node = self.node(document)
        self.count += 1
        if self.count == 1:
            self._first = node
            return
        if self._first is not None:
            self._line(self._first)
            self._first = None
        self._line(node)

    def finish(self) -> None:
        if self._first is not None:
            text = pretty_json(self._first)  # json.dumps(indent=2), faster
            self.stream.write(text.encode("utf-8") + b"\n")
        self.stream.flush()

    def _line(self, node: dict[str, Any]) -> None:
        text = json.dumps(node, ensure_ascii=False, separators=(",", ":"))
        self.stream.write(text.encode("utf-8") + b"\n")


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(
        Exporter(
            name="jsonld",
            factory=JsonLdWriter,
            extension=".jsonld",
            media_type="application/ld+json",
            description="JSON-LD (schema.org NewsArticle); several documents as JSON Lines",
        )
    )
