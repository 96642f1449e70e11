"""The JSON-LD document: its shape, its schema, and offline expansion by pyld."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyld import jsonld

from newsld.jsonld import pretty_json
from newsld.schema import SchemaError, document_schema, validate_document, validator_for

VOCAB = Path(__file__).resolve().parent.parent / "data" / "vocab"
SCHEMA_CONTEXT = json.loads((VOCAB / "schemaorg-30.0-context.jsonld").read_text(encoding="utf-8"))


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Serve schema.org's context from tests/data/vocab; refuse any other URL."""
    if url.rstrip("/") in {"https://schema.org", "http://schema.org"}:
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}
    raise ValueError(f"no network in tests: {url}")


def keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                continue
            yield key
            yield from keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from keys(item)


@pytest.fixture(scope="module")
def seed_document(to_jsonld: Callable[..., dict[str, Any]], seed_path: Path) -> dict[str, Any]:
    return to_jsonld(seed_path.read_bytes(), source=str(seed_path))


def test_seed_is_a_news_article_with_body_and_id(seed_document: dict[str, Any]) -> None:
    assert seed_document["@type"] == "NewsArticle"
    assert seed_document["@context"][0] == "https://schema.org"
    assert seed_document["@id"].startswith("urn:newsld:article:")
    assert seed_document["headline"].startswith("White House says Trump-Putin meeting")
    assert seed_document["articleBody"].startswith("A future meeting between U.S. President")
    assert seed_document["wordCount"] > 380


def test_every_key_expands_to_an_iri_offline(seed_document: dict[str, Any]) -> None:
    expanded = jsonld.expand(seed_document, {"documentLoader": offline_loader})
    iris = {k for k in keys(expanded) if not k.startswith("@")}
    assert all(iri.startswith(("http://", "https://")) for iri in iris)
    used = {k for k in keys(seed_document) if not k.startswith("@")}
    assert len(iris) == len(used), "some key was dropped by JSON-LD expansion"


def test_the_id_comes_from_the_url_when_given(to_jsonld: Callable[..., dict[str, Any]]) -> None:
    node = to_jsonld("Head\n\nBody text.", url="https://example.com/story")
    assert node["@id"] == "https://example.com/story#article"
    assert node["url"] == "https://example.com/story"


def test_the_same_article_gets_the_same_id(to_jsonld: Callable[..., dict[str, Any]]) -> None:
    assert to_jsonld("Head\n\nBody.")["@id"] == to_jsonld("Head\n\nBody.")["@id"]
    assert to_jsonld("Head\n\nBody.")["@id"] != to_jsonld("Head\n\nOther body.")["@id"]


def test_published_override(to_jsonld: Callable[..., dict[str, Any]]) -> None:
    assert to_jsonld("Head\n\nBody.", published="2025-10-23")["datePublished"] == "2025-10-23"


def test_a_broken_document_names_the_pointer_of_the_fault(seed_document: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(seed_document))
    broken["wordCount"] = "many"
    with pytest.raises(SchemaError) as caught:
        validate_document(validator_for(document_schema()), broken)
    assert caught.value.pointer == "/wordCount"


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@given(_JSON)
def test_a_document_is_written_as_json_dumps_lays_it_out(value: object) -> None:
    # One document is written pretty-printed: exactly what json.dumps(indent=2) writes.
    assert pretty_json(value) == json.dumps(value, ensure_ascii=False, indent=2)
