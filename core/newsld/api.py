"""newsld from Python: convert an article, write documents in any format, read them back.

    import newsld
    from pathlib import Path

    document = newsld.convert(Path("page.html"))          # or bytes, or the text itself
    node = document.to_jsonld()                            # the JSON-LD, as a dict
    newsld.export([document], "csv", "claims.csv")         # any installed format
    for document in newsld.load("all.jsonl"):              # newsld's own files, read back
        ...

`convert` takes the options of `newsld convert` (`reader`, `published`, `url`,
`only`, `skip`, `timeout`) and runs the same step (`newsld.step`): the same
size and time limits, the same document. A bad input raises `InputError`
(one line: the input and the problem); a plugin that fails on it costs only
its claims, named in `document.errors`. The converter for each choice of
extractors is built once per process.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path, PurePath
from typing import IO, Any, cast

from newsld.convert import MAX_INPUT_BYTES
from newsld.errors import InputError
from newsld.export import ExportOptions
from newsld.inputs import read_input
from newsld.model import Document
from newsld.output import atomic_output
from newsld.records import Broken, Record
from newsld.registry import ReadOptions
from newsld.step import convert_record, worker_converter

__all__ = ["convert", "export", "load"]

Source = str | bytes | os.PathLike[str]


def convert(
    source: Source,
    *,
    reader: str | None = None,
    published: str | None = None,
    url: str | None = None,
    only: Sequence[str] | None = None,
    skip: Sequence[str] = (),
    timeout: float | None = None,
    name: str | None = None,
) -> Document:
    """One article to its document: a path (`pathlib.Path`, or a one-line `str` ending in an
    extension a reader claims, such as `page.html`), `bytes`, or a `str` of text.

    `reader` is `--from` (`"html"`, `"text"`...), `published` and `url` override the
    article's, `only` and `skip` choose extractors, `timeout` stops a conversion that
    runs too long. `name` is what the input is called in messages and in the
    document's `source` (a path's own name by default). Raises `InputError`.
    """
    converter = worker_converter(tuple(only) if only is not None else None, tuple(skip))
    data, label = _read(source, converter.registry.readers, name)
    record = Record(data, label, reader, published, url)
    result = convert_record(converter, record, timeout)
    if result.document is None:
        raise InputError(label, result.problem or "not converted", result.details)
    return result.document


def _read(source: Source, readers: Mapping[str, Any], name: str | None) -> tuple[bytes, str]:
    """The bytes of the input and the name it goes by."""
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), name or "<bytes>"
    if isinstance(source, str) and not _names_a_file(source, readers):
        return source.encode("utf-8", "surrogatepass"), name or "<text>"
    path = os.fspath(source)
    return read_input(path, MAX_INPUT_BYTES), name or path


def _names_a_file(text: str, readers: Mapping[str, Any]) -> bool:
    """Whether a `str` is a file name: one short line ending in an extension a reader claims."""
    if "\n" in text or len(text) > 4096 or not text.strip():
        return False
    suffixes = [s.lower() for s in PurePath(text.strip()).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    claimed = {ext for reader in readers.values() for ext in reader.extensions}
    return bool(suffixes) and suffixes[-1] in claimed | {".jsonl", ".ndjson", ".json"}


def export(
    documents: Iterable[Document],
    format: str,
    destination: str | os.PathLike[str] | IO[bytes] | IO[str],
    *,
    options: Mapping[str, str] | None = None,
) -> int:
    """Write documents with any installed exporter (`"jsonld"`, `"csv"`, `"xml"`, `"parquet"`...)
    into a file (a path, written whole or not at all) or an open file; how many were written.

    `options` are the exporter's `-O` options (`{"table": "entities"}` for CSV).
    """
    from newsld.plugins import default_plugins

    registry = default_plugins().registry
    if format not in registry.exporters:
        installed = ", ".join(sorted(registry.exporters))
        raise ValueError(f"unknown format {format!r} (installed: {installed})")
    exporter = registry.exporters[format]
    chosen = ExportOptions(registry.claim_types, dict(options or {}))
    if isinstance(destination, str | os.PathLike):
        with atomic_output(Path(destination)) as stream:
            return _write(exporter.factory(stream, chosen), documents)
    if isinstance(destination, io.TextIOBase):
        sink = cast(IO[bytes], _TextSink(destination))
        return _write(exporter.factory(sink, chosen), documents)
    return _write(exporter.factory(destination, chosen), documents)  # type: ignore[arg-type]


def _write(writer: Any, documents: Iterable[Document]) -> int:
    writer.start()
    count = 0
    for document in documents:
        writer.write(document)
        count += 1
    writer.finish()
    return count


class _TextSink(io.RawIOBase):
    """A binary stream over a text one (`sys.stdout`, `io.StringIO`): UTF-8 in, text out."""

    def __init__(self, text: IO[str]) -> None:
        super().__init__()
        self.text = text
        # A character cut in two between writes waits for its other half.
        self.decoder = codecs.getincrementaldecoder("utf-8")()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.text.write(self.decoder.decode(chunk))
        return len(chunk)

    def flush(self) -> None:
        self.text.write(self.decoder.decode(b"", final=True))
        self.text.flush()


def load(path: str | os.PathLike[str]) -> Iterator[Document]:
    """The documents of one of newsld's own files (JSON-LD, JSON Lines, a JSON array, XML),
    read as they are (no extractor runs). Raises `InputError` at a document that does not read."""
    converter = worker_converter(None, ())
    registry = converter.registry
    name = os.fspath(path)
    kind = "newsld-xml" if name.lower().removesuffix(".gz").endswith(".xml") else "newsld-json"
    if kind not in registry.archives:
        raise ValueError("no reader of newsld's own files is installed")
    for item in registry.archives[kind].records(name, 0, None):
        if isinstance(item, Broken):
            raise InputError(item.source, item.problem)
        if isinstance(item, Record):
            options = ReadOptions(source=item.source)
            yield converter.convert(item.content, options, item.reader)
