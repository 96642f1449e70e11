"""Helpers for testing extractor and claim-type plugins: run one extractor, check what it found.

A plugin author's test reads like the sentence it is about::

    from newsld.testing import assert_evidence, run_extractor

    def test_reads_the_count():
        text = "Police arrested 12 people in Gdańsk on Monday."
        claims = run_extractor("arrests", text, published="2025-10-21")
        [claim] = claims
        assert claims.resolve(claim)["arrestLocation"] == "Gdańsk"
        assert_evidence(claim, text, "arrested 12 people")

`run_extractor` runs the extractor the way `newsld convert` does (the shared
`Analysis`, the claim type's schema check). An exception the extractor raises
propagates as it is, with its traceback (and a note naming the extractor), and
claims the converter would have dropped (not claims, off their schema) raise
`ExtractorFailed` with the converter's own message, so a test never mistakes a
crash for "found nothing".
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from io import BytesIO
from typing import Any

from lxml import etree

from newsld.convert import Converter
from newsld.export import ExportOptions
from newsld.jsonld import to_jsonld
from newsld.model import Article, Claim, Document, Ref
from newsld.plugins import Plugins, load_plugins
from newsld.registry import Extractor
from newsld.schema import document_schema, schemas_dir, validate_document, validator_for

__all__ = [
    "ExtractedClaims",
    "ExtractorFailed",
    "article_from_text",
    "assert_evidence",
    "assert_valid_document",
    "assert_valid_xml",
    "convert_text",
    "evidence_texts",
    "export_document",
    "run_extractor",
]


class ExtractorFailed(AssertionError):
    """An extractor's claims were dropped: it raised, returned garbage or broke its schema."""


class ExtractedClaims(list[Claim]):
    """The claims one extractor made, with the document that resolves their entity references."""

    def __init__(self, claims: Sequence[Claim], document: Document) -> None:
        super().__init__(claims)
        self.document = document

    def resolve(self, claim: Claim) -> dict[str, Any]:
        """The claim's properties with every entity reference replaced by the entity's name."""
        return {key: self._plain(value) for key, value in claim.properties.items()}

    def _plain(self, value: Any) -> Any:
        if isinstance(value, Ref):
            entity = self.document.entity(value)
            return entity.name if entity is not None else value.id
        if isinstance(value, list | tuple):
            return [self._plain(v) for v in value]
        if isinstance(value, dict):
            return {k: self._plain(v) for k, v in value.items()}
        return value


def article_from_text(
    text: str,
    published: str | None = None,
    url: str | None = None,
    *,
    headline: str | None = None,
    language: str | None = "en",
) -> Article:
    """An Article whose body is exactly `text`, so evidence offsets index into `text`."""
    return Article(
        body=text,
        headline=headline,
        date_published=published,
        url=url,
        language=language,
        source="<test>",
    )


def convert_text(
    source: str | Article,
    *,
    plugins: Plugins | None = None,
    only: Sequence[str] | None = None,
    skip: Sequence[str] = (),
    published: str | None = None,
    url: str | None = None,
) -> Document:
    """The document the plugins build from a text or Article (plugin failures in `.errors`)."""
    article = source if isinstance(source, Article) else article_from_text(source, published, url)
    converter = Converter(plugins if plugins is not None else load_plugins(), only=only, skip=skip)
    return converter.build(article)


def run_extractor(
    extractor: str | Extractor,
    source: str | Article,
    *,
    plugins: Plugins | None = None,
    published: str | None = None,
    url: str | None = None,
) -> ExtractedClaims:
    """The checked claims of one extractor (by name, or an `Extractor` not registered anywhere).

    The extractor's own exception propagates with its traceback; claims that break their
    schema raise `ExtractorFailed`.
    """
    loaded = plugins if plugins is not None else load_plugins()
    article = source if isinstance(source, Article) else article_from_text(source, published, url)
    if isinstance(extractor, str):
        converter = Converter(loaded, only=[extractor], raise_plugin_errors=True)
    else:
        converter = Converter(loaded, only=[], raise_plugin_errors=True)
        converter.extractors = [extractor]
    document = converter.build(article)
    if document.errors:
        raise ExtractorFailed("\n".join(document.errors))
    return ExtractedClaims(document.claims, document)


def evidence_texts(claim: Claim, body: str) -> list[str]:
    """The text of each evidence span of a claim."""
    return [body[span.start : span.end] for span in claim.evidence]


def assert_evidence(claim: Claim, body: str, *phrases: str) -> None:
    """Every span lies inside `body` and is not empty; each phrase is inside some span."""
    assert claim.evidence, f"{claim.claim_type} claim {claim.text!r} has no evidence"
    for span in claim.evidence:
        inside = span.start < span.end <= len(body)
        assert inside, f"evidence {span} is empty or outside a {len(body)}-character body"
    texts = evidence_texts(claim, body)
    for phrase in phrases:
        assert any(phrase in text for text in texts), f"{phrase!r} not in the evidence {texts!r}"


def assert_valid_document(document: Document, plugins: Plugins | None = None) -> dict[str, Any]:
    """The document's JSON-LD, checked against the schema composed with the plugins' claim types."""
    claim_types = (plugins if plugins is not None else load_plugins()).registry.claim_types
    node: dict[str, Any] = json.loads(json.dumps(to_jsonld(document, claim_types)))
    validate_document(validator_for(document_schema(claim_types.values())), node)
    return node


def export_document(
    document: Document,
    fmt: str,
    plugins: Plugins | None = None,
    options: Mapping[str, str] | None = None,
) -> bytes:
    """The bytes an exporter (`jsonld`, `xml`, `csv`...) writes for one document."""
    registry = (plugins if plugins is not None else load_plugins()).registry
    stream = BytesIO()
    writer = registry.exporters[fmt].factory(
        stream, ExportOptions(registry.claim_types, dict(options or {}))
    )
    writer.start()
    writer.write(document)
    writer.finish()
    return stream.getvalue()


@cache
def _xml_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schemas_dir() / "newsld.xsd")))


def assert_valid_xml(data: bytes) -> etree._Element:
    """The root of an XML export, validated against newsld's XSD (`newsld schema --xsd`)."""
    root = etree.fromstring(data)
    schema = _xml_schema()
    if not schema.validate(root):
        raise AssertionError(f"not valid against newsld.xsd: {schema.error_log}")
    return root
