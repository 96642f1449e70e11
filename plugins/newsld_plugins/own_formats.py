"""Readers of newsld's own formats: a JSON-LD document or an XML file read back.

Each reads an already-built document (`Reader.read_document`), so
`newsld convert doc.jsonld --to xml` and `newsld convert doc.xml --to jsonld`
change the format and nothing else: no extractor runs again. `--url` and
`--published` still override the article's metadata when given. A file
holding many documents (JSON Lines, a JSON array, an XML stream) is an
archive of them (`newsld_plugins.streams`), each document read by these
readers. A document keeps the `source` it was converted from.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from lxml import etree

from newsld import hookimpl, strictjson
from newsld.decode import decode_text
from newsld.errors import InputError
from newsld.fromjsonld import DocumentFormatError, from_jsonld
from newsld.jsonld import document_context
from newsld.model import Article, Document
from newsld.registry import Archive, Reader, ReadOptions
from newsld.schema import document_schema, errors, evidence_faults, schemas_dir, validator_for
from newsld.xmlvocab import NS, node_from_element
from newsld_plugins.streams import (
    JSON_STREAM_EXTENSIONS,
    XML_STREAM_EXTENSIONS,
    read_json_stream,
    read_xml_stream,
    sniff_json_stream,
    sniff_xml_stream,
)

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def read_jsonld_document(data: bytes, options: ReadOptions) -> Document:
    """A newsld JSON-LD document (one object, or JSON Lines of one) as a Document."""
    text = decode_text(data, options.source).lstrip("\ufeff")
    try:
        node = strictjson.loads(text)
    except ValueError as exc:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) > 1 and all(_is_json(line) for line in lines[:2]):
            raise InputError(
                options.source, f"holds {len(lines)} JSON lines; give one document per file"
            ) from None
        raise InputError(options.source, f"not JSON ({exc})") from None
    return _document(node, options)


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True


def read_xml_document(data: bytes, options: ReadOptions) -> Document:
    """The one `<document>` of a newsld XML file as a Document."""
    try:
        root = etree.fromstring(data, _XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(options.source, f"not well-formed XML ({exc})") from None
    if root.getroottree().docinfo.internalDTD is not None:
        # Entity declarations are never resolved (no bombs), and newsld XML declares none.
        raise InputError(options.source, "not newsld XML: it declares a DTD (entities)")
    try:
        _xsd().assertValid(root)
    except (etree.DocumentInvalid, etree.XMLSchemaError) as exc:
        raise InputError(options.source, f"not newsld XML: {exc}") from None
    documents = [root] if etree.QName(root).localname == "document" else list(root)
    if len(documents) != 1:
        raise InputError(options.source, f"holds {len(documents)} documents; give one per file")
    node = {"@context": document_context({}), **node_from_element(documents[0])}
    return _document(node, options)


@cache
def _xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schemas_dir() / "newsld.xsd")))


@cache
def _validator() -> Validator:
    return validator_for(document_schema())


def _document(node: Any, options: ReadOptions) -> Document:
    if not isinstance(node, dict):
        raise InputError(options.source, "not a newsld document (expected one JSON object)")
    for fault in itertools.chain(errors(_validator(), node), evidence_faults(node)):
        raise InputError(options.source, f"not a newsld document: {fault}")
    try:
        document = from_jsonld(node)
    except DocumentFormatError as exc:
        raise InputError(options.source, f"not a newsld document: {exc}") from None
    document.article.source = document.article.source or options.source
    if options.url:
        document.article.url = options.url
    if options.published:
        document.article.date_published = options.published
    return document


def _article_of(
    read: Callable[[bytes, ReadOptions], Document],
) -> Callable[[bytes, ReadOptions], Article]:
    return lambda data, options: read(data, options).article


def _sniff_jsonld(data: bytes) -> float:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return 0.9 if head.startswith(b"{") and b'"NewsArticle"' in data[:65536] else 0.0


def _sniff_xml(data: bytes) -> float:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return 0.9 if head.startswith(b"<") and NS.encode() in head else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(
        Reader(
            name="jsonld",
            read=_article_of(read_jsonld_document),
            read_document=read_jsonld_document,
            # `.json` is left to sniffing: a folder's `.json` files are most often sidecars
            # (annotations, metadata), not documents.
            extensions=(".jsonld",),
            media_types=("application/ld+json",),
            sniff=_sniff_jsonld,
            description="A newsld JSON-LD document, read back as it is (no extraction)",
        )
    )
    register(
        Reader(
            name="xml",
            read=_article_of(read_xml_document),
            read_document=read_xml_document,
            extensions=(".xml",),
            media_types=("application/xml",),
            sniff=_sniff_xml,
            description="A newsld XML document, read back as it is (no extraction)",
        )
    )


@hookimpl
def register_archives(register: Callable[[Archive], None]) -> None:
    register(
        Archive(
            name="newsld-json",
            records=read_json_stream,
            extensions=JSON_STREAM_EXTENSIONS,
            sniff=sniff_json_stream,
            description="newsld's JSON Lines, JSON arrays and JSON-LD documents, read back",
            unit="document",
        )
    )
    register(
        Archive(
            name="newsld-xml",
            records=read_xml_stream,
            extensions=XML_STREAM_EXTENSIONS,
            sniff=sniff_xml_stream,
            description="newsld's XML (a <documents> stream or one <document>), read back",
            unit="document",
        )
    )
