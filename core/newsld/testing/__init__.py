"""Helpers for testing newsld plugins: run an extractor, check claims, the exporter contract.

An extractor author runs one extractor on a sentence and checks its claims
(`article_from_text`, `run_extractor`, `assert_evidence`, see
`newsld.testing.extraction`); the `newsld_plugins` pytest fixture
(`newsld.testing.pytest_plugin`) loads only the plugins a test names.
docs/plugins/testing.md shows them at work.

An exporter author proves the plugin fits with a few lines::

    from newsld.testing import check_exporter, contract_documents

    def test_my_exporter_keeps_the_contract():
        claim_types = load_plugins().registry.claim_types
        check_exporter(my_exporter, contract_documents(claim_types), claim_types, parse=my_parser)

`contract_documents` builds documents from the registered claim types
themselves (a claim of every type, with values drawn from its JSON Schema),
plus one with no claims, one in Arabic (right-to-left), one with control
characters; `check_exporter` writes them one by one, all together as a
stream, and none at all, and checks that every output parses back.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import Any

from newsld.export import ExportOptions
from newsld.hookspecs import hookimpl
from newsld.model import Article, Author, Claim, Document, Entity, Evidence, Ref
from newsld.registry import ClaimType, Exporter, Extractor, Reader
from newsld.schema import claim_type_from_spec
from newsld.testing.extraction import (
    ExtractedClaims,
    ExtractorFailed,
    article_from_text,
    assert_evidence,
    assert_valid_document,
    assert_valid_xml,
    convert_text,
    evidence_texts,
    export_document,
    run_extractor,
)

__all__ = [
    "ExtractedClaims",
    "ExtractorFailed",
    "article_from_text",
    "assert_evidence",
    "assert_valid_document",
    "assert_valid_xml",
    "check_exporter",
    "claim_type_from_spec",
    "contract_documents",
    "convert_text",
    "evidence_texts",
    "export_document",
    "plugin_module",
    "run_extractor",
    "sample_value",
]

_PERSON = Entity("#person-amira-haddad", "Person", "Amira Haddad", ["Haddad"], "Foreign Minister")
_COUNTRY = Entity("#country-xy", "Country", "Examplestan", ["the capital"])


def check_exporter(
    exporter: Exporter,
    documents: Sequence[Document],
    claim_types: Mapping[str, ClaimType],
    *,
    parse: Callable[[bytes], object] | None = None,
    options: Mapping[str, str] | None = None,
) -> dict[str, bytes]:
    """Write the documents each alone, all in one stream and none; every output must parse."""
    export = ExportOptions(claim_types, dict(options or {}))
    outputs = {f"document {i}": _write(exporter, export, [d]) for i, d in enumerate(documents)}
    outputs["all documents"] = _write(exporter, export, list(documents))
    outputs["no documents"] = _write(exporter, export, [])
    for label, data in outputs.items():
        if label != "no documents" and not data:
            raise AssertionError(f"{exporter.name}: {label} wrote nothing")
        if parse is not None:
            try:
                parse(data)
            except Exception as exc:
                raise AssertionError(
                    f"{exporter.name}: {label} does not parse back: {exc}"
                ) from exc
    return outputs


def _write(exporter: Exporter, options: ExportOptions, documents: Sequence[Document]) -> bytes:
    stream = io.BytesIO()
    writer = exporter.factory(stream, options)
    writer.start()
    for document in documents:
        writer.write(document)
    writer.finish()
    return stream.getvalue()


def contract_documents(claim_types: Mapping[str, ClaimType]) -> list[Document]:
    """Documents every exporter must write: each claim type, none, RTL text, control characters."""
    rtl = "قالت الوزيرة أميرة حداد إن «المحادثات مستمرة».\n"
    control = "Bell\x07 and form\x0cfeed, =SUM(A1) and tab\tend\r\n"
    return [
        _every_claim_type(claim_types),
        _document("urn:newsld:test:empty", "Nothing to claim here.\n", []),
        _document("urn:newsld:test:rtl", rtl, _first_type(claim_types, "المحادثات مستمرة", rtl)),
        _document(
            "urn:newsld:test:control", control, _first_type(claim_types, "=SUM(A1)\x00", control)
        ),
    ]


def _first_type(claim_types: Mapping[str, ClaimType], text: str, body: str) -> list[Claim]:
    """One claim of the first registered claim type, saying `text`."""
    for name, claim_type in sorted(claim_types.items()):
        span = [Evidence(0, len(body) - 1)]
        props = _sample_properties(claim_type)
        return [Claim(name, text, span, 0.5, "contract", props, claim_type.schema_type)]
    return []


def _every_claim_type(claim_types: Mapping[str, ClaimType]) -> Document:
    body = "Foreign Minister Amira Haddad said Examplestan would act. Haddad spoke for an hour.\n"
    claims = [
        Claim(
            name,
            f"A {name} claim.",
            [Evidence(0, 29)],
            0.75,
            "contract",
            _sample_properties(ct),
            ct.schema_type,
        )
        for name, ct in sorted(claim_types.items())
    ]
    return _document("urn:newsld:test:every-type", body, claims)


def _document(id: str, body: str, claims: list[Claim]) -> Document:
    article = Article(
        body=body,
        headline="Contract test: “quotes”, ünïcödé & <markup>",
        date_published="2025-10-23",
        authors=[Author("Ana Núñez")],
        publisher="The Example Times",
        url=None,
        language="en",
    )
    for number, claim in enumerate(claims, 1):
        claim.id = f"{id}#claim-{number}"
    entities = [_PERSON, _COUNTRY] if claims else []
    return Document(id=f"{id}#article", article=article, claims=claims, entities=entities)


def _sample_properties(claim_type: ClaimType) -> dict[str, Any]:
    return {key: sample_value(schema) for key, schema in claim_type.properties.items()}


def sample_value(schema: Mapping[str, Any]) -> Any:
    """A value that fits a claim type's JSON Schema fragment (refs, counts, dates, scalars)."""
    ref = str(schema.get("$ref", ""))
    by_ref: dict[str, Callable[[], Any]] = {
        "entityRef": lambda: _PERSON.ref,
        "entityRefs": lambda: [_PERSON.ref, Ref(_COUNTRY.id)],
        "quantity": lambda: {"@type": "QuantitativeValue", "minValue": 3, "maxValue": 5},
        "date": lambda: "2025-10-22",
        "dateTime": lambda: "2025-10-22T10:00:00Z",
    }
    name = ref.rsplit("/", 1)[-1]
    if name in by_ref:
        return by_ref[name]()
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("oneOf", "anyOf"):
        if schema.get(key):
            return sample_value(schema[key][0])
    return _sample_of_type(schema)


def _sample_of_type(schema: Mapping[str, Any]) -> Any:
    kind = schema.get("type", "string")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "array":
        items = schema.get("items", {"type": "string"})
        return [sample_value(items), sample_value(items)]
    if kind == "object":
        return {key: sample_value(sub) for key, sub in schema.get("properties", {}).items()}
    samples: dict[str, Any] = {"integer": 7, "number": 0.5, "boolean": True, "null": None}
    if kind in samples:
        return (
            max(samples[kind], schema.get("minimum", samples[kind]))
            if kind == "integer"
            else samples[kind]
        )
    return "«sample» text, with a comma"


def plugin_module(
    name: str,
    *,
    readers: Sequence[Reader] = (),
    claim_types: Sequence[ClaimType] = (),
    extractors: Sequence[Extractor] = (),
    exporters: Sequence[Exporter] = (),
) -> ModuleType:
    """A plugin module registering the given things, for `load_plugins(extra=[(name, module)])`."""
    module = ModuleType(name)
    tables: dict[str, Sequence[Any]] = {
        "register_readers": readers,
        "register_claim_types": claim_types,
        "register_extractors": extractors,
        "register_exporters": exporters,
    }
    for hook, items in tables.items():
        if items:
            setattr(module, hook, _hook(hook, items))
    return module


def _hook(hook: str, items: Sequence[Any]) -> Callable[[Callable[[Any], None]], None]:
    def register_all(register: Callable[[Any], None]) -> None:
        for item in items:
            register(item)

    register_all.__name__ = hook
    return hookimpl(register_all)
