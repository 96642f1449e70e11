"""newsld's own streams read back document by document: JSON Lines, a JSON array, XML.

`newsld convert all.jsonl --to csv` converts again what was converted once:
each document the stream holds is a record that the `jsonld` or `xml` reader
reads as it is (no extractor runs), so an analyst extracts once and writes
every table, and any format, from the one file. The streams are registered
as archives (`register_archives`), so they go through the loop every archive
goes through: read one document at a time (memory stays that of one
document), a document that does not read is one line naming it
(`all.jsonl#line=7`), and the rest still converts.

JSON: JSON Lines (`-o all.jsonl`, and what `.jsonld` and `.json` files hold
for several documents), the array `--to json` writes (one document a line
between `[` and `]`), or one document however it is laid out (read whole,
within the input size limit). XML: the `<documents>` root of the XML export,
or one `<document>`.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from typing import IO, cast

from lxml import etree

from newsld.convert import MAX_INPUT_BYTES
from newsld.inputs import too_large
from newsld.records import ArchiveItem, Broken, Record
from newsld.xmlvocab import NS

__all__ = ["JSON_STREAM_EXTENSIONS", "XML_STREAM_EXTENSIONS", "read_json_stream", "read_xml_stream"]

JSON_STREAM_EXTENSIONS = (".jsonl", ".ndjson", ".json", ".jsonld")
XML_STREAM_EXTENSIONS = (".xml",)
_GZIP_MAGIC = b"\x1f\x8b"
_DOCUMENT = "{" + NS + "}document"


def _open(path: str) -> IO[bytes]:
    stream: IO[bytes] = open(path, "rb")  # noqa: SIM115 (closed by the caller's `with`)
    if stream.read(2) == _GZIP_MAGIC:
        stream.close()
        return cast(IO[bytes], gzip.open(path, "rb"))
    stream.seek(0)
    return stream


# ---------------------------------------------------------------- JSON


def read_json_stream(path: str, start: int = 0, stop: int | None = None) -> Iterator[ArchiveItem]:
    """Each document of a JSON Lines file, JSON array or single JSON document, as a record."""
    try:
        with _open(path) as stream:
            yield from _json_items(stream, path)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Broken(path, f"cannot read ({getattr(exc, 'strerror', None) or exc})")


def _json_items(stream: IO[bytes], path: str) -> Iterator[ArchiveItem]:
    lines = _lines(stream)
    first = next(lines, None)
    while first is not None and not first[1].strip(b"\xef\xbb\xbf \t\r\n"):
        first = next(lines, None)
    if first is None:
        yield Broken(path, "empty: no document")
        return
    number, line = first
    line = line.lstrip(b"\xef\xbb\xbf")
    head = line.strip()
    if head == b"[":  # the array `--to json` writes: one document a line
        yield from _lines_of(lines, path, array=True)
    elif head.startswith(b"{") and _is_json(head):
        rest = _lines_of(lines, path, array=False)
        second = next(rest, None)
        # A file of one line is one document, named by the file alone.
        yield Record(head, path if second is None else f"{path}#line={number}", reader="jsonld")
        if second is not None:
            yield second
            yield from rest
    else:  # one document laid out over lines, or an array in another layout: read it whole
        yield from _whole(line + b"".join(rest for _, rest in lines), path)


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(number, line) of each line, a line longer than the input size limit given empty."""
    number = 0
    while True:
        line = stream.readline(MAX_INPUT_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_INPUT_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_INPUT_BYTES)) and not rest.endswith(b"\n"):
                pass  # the rest of an overlong line is skipped, never held
            yield number, b"\x00too-long"
            continue
        yield number, line


def _lines_of(lines: Iterator[tuple[int, bytes]], path: str, array: bool) -> Iterator[ArchiveItem]:
    for number, line in lines:
        text = line.strip()
        if array:
            text = text.removesuffix(b",").rstrip()
            if text == b"]":
                continue
        if not text:
            continue
        source = f"{path}#line={number}"
        if text == b"\x00too-long":
            yield Broken(source, too_large(MAX_INPUT_BYTES))
        else:
            yield Record(text, source, reader="jsonld")


def _whole(data: bytes, path: str) -> Iterator[ArchiveItem]:
    if len(data) > MAX_INPUT_BYTES:
        yield Broken(path, too_large(MAX_INPUT_BYTES))
        return
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        yield Broken(path, "too deeply nested to read")
        return
    except ValueError as exc:
        yield Broken(path, f"not JSON, JSON Lines or a JSON array of documents ({exc})")
        return
    if isinstance(value, list):
        for number, item in enumerate(value, 1):
            text = json.dumps(item, ensure_ascii=False).encode("utf-8")
            yield Record(text, f"{path}#item={number}", reader="jsonld")
    else:
        yield Record(data, path, reader="jsonld")


def _is_json(text: bytes) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def sniff_json_stream(head: bytes) -> float:
    """Whether the first bytes look like newsld's JSON (an object or array of NewsArticles)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return 0.6 if text.startswith((b"{", b"[")) and b"NewsArticle" in head else 0.0


# ---------------------------------------------------------------- XML


def read_xml_stream(path: str, start: int = 0, stop: int | None = None) -> Iterator[ArchiveItem]:
    """Each `<document>` of a newsld XML file (a `<documents>` stream, or one document)."""
    try:
        with _open(path) as stream:
            head = stream.read(4096)
            stream.seek(0)
            if b"<!DOCTYPE" in head.upper():
                # Entity declarations are never resolved (no bombs), and newsld XML has none.
                yield Broken(path, "not newsld XML: it declares a DTD (entities)")
                return
            yield from _xml_items(stream, path)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Broken(path, f"cannot read ({getattr(exc, 'strerror', None) or exc})")


def _xml_items(stream: IO[bytes], path: str) -> Iterator[ArchiveItem]:
    events = etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
    )
    root: etree._Element | None = None
    number = 0
    try:
        for event, element in events:
            if root is None:
                root = element
                if etree.QName(element).namespace != NS:
                    name = etree.QName(element).localname
                    yield Broken(path, f"not newsld XML (its root is <{name}>, not <documents>)")
                    return
                continue
            if event != "end" or element.tag != _DOCUMENT or element.getparent() is not root:
                continue
            number += 1
            yield Record(etree.tostring(element), f"{path}#document={number}", reader="xml")
            element.clear()
            while element.getprevious() is not None:
                del root[0]  # what was read is forgotten: memory stays that of one document
        if root is not None and root.tag == _DOCUMENT:
            yield Record(etree.tostring(root), path, reader="xml")
    except etree.XMLSyntaxError as exc:
        at = f"{path}#document={number + 1}" if number else path
        yield Broken(at, f"not well-formed XML ({exc})")


def sniff_xml_stream(head: bytes) -> float:
    """Whether the first bytes look like newsld's XML."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return 0.6 if text.startswith(b"<") and NS.encode() in head else 0.0
