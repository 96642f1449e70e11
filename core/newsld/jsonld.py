"""The JSON-LD form of a document: the document itself plus its `@context`."""

from __future__ import annotations

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
    if isinstance(value, Ref):
        return {"@id": value.id}
    if isinstance(value, Evidence):
        return {"start": value.start, "end": value.end}
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_json_value(v) for k, v in value.items()}
    return value
