"""The XML exporter: every document in one `<documents>` root, streamed.

The vocabulary is `newsld.xmlvocab` (namespace https://w3id.org/newsld/xml/1),
described by `schemas/newsld.xsd` (`newsld schema --xsd`). lxml's incremental
writer keeps one document in memory at a time, however long the batch.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from typing import IO, Any

from lxml import etree

from newsld import hookimpl
from newsld.export import DocumentWriter, ExportOptions
from newsld.jsonld import to_jsonld
from newsld.model import Document
from newsld.registry import Exporter
from newsld.xmlvocab import NS, document_element


class XmlWriter(DocumentWriter):
    """Opens the root on start, writes and flushes one `<document>` per write."""

    def __init__(self, stream: IO[bytes], options: ExportOptions) -> None:
        super().__init__(stream, options)
        self._open = ExitStack()
        self._out: Any = None

    def start(self) -> None:
        self._out = self._open.enter_context(etree.xmlfile(self.stream, encoding="utf-8"))
        self._out.write_declaration()
        self._open.enter_context(self._out.element(f"{{{NS}}}documents", nsmap={None: NS}))
        self._out.write("\n")

    def write(self, document: Document) -> None:
        if self._out is None:
            self.start()
        element = document_element(to_jsonld(document, self.options.claim_types))
        self._out.write(element, pretty_print=True)
        self._out.flush()
        self.count += 1

    def finish(self) -> None:
        if self._out is None:
            self.start()
        self._open.close()
        self.stream.write(b"\n")
        self.stream.flush()


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(
        Exporter(
            name="xml",
            factory=XmlWriter,
            extension=".xml",
            media_type="application/xml",
            description="newsld XML (schemas/newsld.xsd); many documents in one root",
        )
    )
