"""The JSON-LD exporters: `jsonld` (JSON Lines of documents) and `json` (one JSON array).

`jsonld` writes one document pretty-printed and several as JSON Lines, one
document a line; `-O lines=yes` (what `-o all.jsonl` and `.ndjson` set) writes
JSON Lines even for one. `json` writes a JSON array of the documents, for
tools that read one JSON value. newsld reads both back (`newsld convert
all.jsonl --to csv`).
"""

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
        self.lines = options.flag("lines")

    def node(self, document: Document) -> dict[str, Any]:
        """The JSON-LD node of one document (a profile overrides this)."""
        return to_jsonld(document, self.options.claim_types)

    def write(self, document: Document) -> None:
        node = self.node(document)
        self.count += 1
        if self.count == 1 and not self.lines:
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


class JsonArrayWriter(DocumentWriter):
    """The documents as one JSON array, streamed: `[`, a document a line, `]`."""

    def start(self) -> None:
        self.stream.write(b"[")

    def write(self, document: Document) -> None:
        node = to_jsonld(document, self.options.claim_types)
        text = json.dumps(node, ensure_ascii=False, separators=(",", ":"))
        self.stream.write(((",\n" if self.count else "\n") + text).encode("utf-8"))
        self.count += 1

    def finish(self) -> None:
        self.stream.write(b"\n]\n" if self.count else b"]\n")
        self.stream.flush()


#: What a JSON Lines file is also named.
JSON_EXTENSIONS = (".json", ".jsonl", ".ndjson")


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(
        Exporter(
            name="jsonld",
            factory=JsonLdWriter,
            extension=".jsonld",
            media_type="application/ld+json",
            description="JSON-LD (schema.org NewsArticle); several documents as JSON Lines",
            extensions=JSON_EXTENSIONS,
        )
    )
    register(
        Exporter(
            name="json",
            factory=JsonArrayWriter,
            extension=".json",
            media_type="application/json",
            description="The JSON-LD documents as one JSON array",
        )
    )
