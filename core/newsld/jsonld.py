"""The JSON-LD form of a document: the document itself plus its `@context`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from newsld.model import Author, Claim, Document, Entity, Evidence, Ref
from newsld.registry import ClaimType
from newsld.schema import context_terms

__all__ = [
    "SCHEMA_ORG",
    "claim_node",
    "document_context",
    "is_named_source",
    "pretty_json",
    "to_json_value",
    "to_jsonld",
]

SCHEMA_ORG = "https://schema.org"


def document_context(claim_types: Mapping[str, ClaimType]) -> list[Any]:
    """schema.org, then the newsld terms and those of every registered claim type."""
    return [SCHEMA_ORG, context_terms(claim_types.values())]


def to_jsonld(document: Document, claim_types: Mapping[str, ClaimType]) -> dict[str, Any]:
    """The document as a JSON-LD `NewsArticle` node with its context."""
    article = document.article
    node: dict[str, Any] = {
        "@context": document_context(claim_types),
        "@type": "NewsArticle",
        "@id": document.id,
    }
    optional: dict[str, Any] = {
        "headline": article.headline,
        "datePublished": article.date_published,
        "dateModified": article.date_modified,
        "author": [_agent(a) for a in article.authors] or None,
        "publisher": _agent(Author(article.publisher, "Organization"))
        if article.publisher
        else None,
        "url": article.url,
        "image": list(article.image) or None,
        "inLanguage": article.language,
        "description": article.description,
        "keywords": list(article.keywords) or None,
    }
    node.update((key, value) for key, value in optional.items() if value is not None)
    node["articleBody"] = article.body
    node["wordCount"] = article.word_count
    node["mentions"] = [entity_node(e) for e in document.entities]
    node["hasPart"] = [claim_node(c, claim_types) for c in document.claims]
    if document.warnings:
        node["warnings"] = list(document.warnings)
    if is_named_source(article.source):
        node["source"] = article.source
    return node


def is_named_source(source: str) -> bool:
    """Whether `source` names an input (a path, a URL), not a placeholder (`<stdin>`)."""
    return bool(source) and not (source.startswith("<") and source.endswith(">"))


def _agent(author: Author) -> dict[str, Any]:
    agent: dict[str, Any] = {"@type": author.type, "name": author.name}
    if author.url:
        agent["url"] = author.url
    return agent


def entity_node(entity: Entity) -> dict[str, Any]:
    """An entity as a `mentions` node."""
    node: dict[str, Any] = {"@type": entity.type, "@id": entity.id, "name": entity.name}
    if entity.alternate_names:
        node["alternateName"] = list(entity.alternate_names)
    # schema.org has jobTitle and affiliation on Person only: an organisation's
    # tie to its country ("the Kremlin" → Russia) stays internal.
    if entity.type == "Person":
        if entity.job_title:
            node["jobTitle"] = entity.job_title
        if entity.affiliation is not None:
            node["affiliation"] = {"@id": entity.affiliation.id}
    node.update((k, to_json_value(v)) for k, v in entity.extra.items())
    return node


def claim_node(claim: Claim, claim_types: Mapping[str, ClaimType]) -> dict[str, Any]:
    """A claim as a `hasPart` node: common keys first, then the claim type's own."""
    registered = claim_types.get(claim.claim_type)
    schema_type = claim.schema_type or (registered.schema_type if registered else "Claim")
    node: dict[str, Any] = {
        "@type": schema_type,
        "@id": claim.id,
        "claimType": claim.claim_type,
        "text": claim.text,
    }
    order = list(registered.properties) if registered else []
    keys = [k for k in order if k in claim.properties]
    keys += [k for k in claim.properties if k not in order]
    for key in keys:
        value = claim.properties[key]
        if value is not None and value != []:
            node[key] = to_json_value(value)
    node["evidence"] = [to_json_value(e) for e in claim.evidence]
    node["confidence"] = round(float(claim.confidence), 3)
    node["extractor"] = claim.extractor
    return node


def to_json_value(value: Any) -> Any:
    """Refs, spans and containers of them as plain JSON."""
    if type(value) in _SCALARS:
        return value  # most values: answered before the slower instance tests
    if isinstance(value, Ref):
        return {"@id": value.id}
    if isinstance(value, Evidence):
        return {"start": value.start, "end": value.end}
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_json_value(v) for k, v in value.items()}
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})


def pretty_json(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, byte for byte, faster.

    With `indent` the standard library falls back to its pure-Python encoder, whose
    nested generators made writing a document cost a quarter of converting it (in
    `--jobs N` the parent writes every document alone). Here the layout is one
    recursive walk and every string is encoded by the C encoder.
    """
    parts: list[str] = []
    _pretty(value, parts, "\n")
    return "".join(parts)


_encode_string = json.encoder.encode_basestring
_scalar = json.JSONEncoder(ensure_ascii=False).encode
_INT_REPR = int.__repr__


def _pretty(value: Any, parts: list[str], newline: str) -> None:
    """Append the layout of `value` at the indentation `newline` carries."""
    kind = type(value)
    if kind is str:
        parts.append(_encode_string(value))
    elif kind is int:
        parts.append(_INT_REPR(value))
    elif kind is dict or (kind is not list and isinstance(value, dict)):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            parts.append(separator)
            parts.append(_encode_string(key) if type(key) is str else _key(key))
            parts.append(": ")
            _pretty(item, parts, inner)
            separator = "," + inner
        parts.append(newline + "}")
    elif kind is list or isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _pretty(item, parts, inner)
            separator = "," + inner
        parts.append(newline + "]")
    elif isinstance(value, str):
        parts.append(_encode_string(value))
    else:
        parts.append(_scalar(value))  # floats, booleans, null; what json rejects raises here


def _key(key: Any) -> str:
    """A key that is not a plain string, as `json.dumps` writes it (or the error it raises)."""
    written: str = next(iter(json.loads(json.dumps({key: 0}))))
    return _encode_string(written)
