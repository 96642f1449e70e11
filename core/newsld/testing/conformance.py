"""JSON-LD conformance: is a document what schema.org and JSON-LD processors accept?

`check_conformance(node, vocabulary)` lists every problem of one JSON-LD
document (an empty list means it conforms):

- each schema.org type and property exists in the given schema.org release,
  and each property is used on a type in its domain (superclasses included);
- every other key expands, through the document's own context, to the
  project's vocabulary (or another one the caller allows, e.g. a plugin's);
- pyld expands the document and compacts it back with no term dropped, offline:
  `"https://schema.org"` is served from the local copy of its context.

The schema.org files are not shipped with newsld (CC BY-SA 3.0): pass the
paths of `schemaorg-*-current-https.jsonld` and `schemaorg-*-context.jsonld`.
pyld is needed only here (`pip install pyld`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["NLD", "SchemaOrg", "check_conformance"]

#: The project's vocabulary.
NLD = "https://w3id.org/newsld/ns#"
_SCHEMA_PREFIX = "schema:"
_SCHEMA_IRIS = ("http://schema.org/", "https://schema.org/")
_SCHEMA_CONTEXT_URLS = {
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
}
#: A base for relative ids (`#person-x`) while expanding; compacted back to relative.
_BASE = "https://newsld.invalid/document"


@dataclass(frozen=True)
class SchemaOrg:
    """One schema.org release: its classes (with superclasses) and properties (with domains)."""

    superclasses: Mapping[str, frozenset[str]]
    domains: Mapping[str, frozenset[str]]
    context: Mapping[str, Any]

    @classmethod
    def load(cls, vocabulary: Path, context: Path) -> SchemaOrg:
        """Read `schemaorg-*-current-https.jsonld` and the `@context` file beside it."""
        return _load(str(vocabulary), str(context))

    def ancestors(self, name: str) -> set[str]:
        """The class and every class above it."""
        seen: set[str] = set()
        stack = [name]
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(self.superclasses.get(current, ()))
        return seen

    def allows(self, prop: str, types: Iterable[str]) -> bool:
        """Whether `prop` may be used on a node of one of `types`."""
        domain = self.domains.get(prop, frozenset())
        return any(domain & self.ancestors(t) for t in types)


@cache
def _load(vocabulary: str, context: str) -> SchemaOrg:
    graph = json.loads(Path(vocabulary).read_text(encoding="utf-8"))["@graph"]
    superclasses: dict[str, frozenset[str]] = {}
    domains: dict[str, frozenset[str]] = {}
    for node in graph:
        name = _schema_name(node.get("@id", ""))
        kinds = set(_ids(node.get("@type")))
        if name and "rdfs:Class" in kinds:
            superclasses[name] = frozenset(_names(node.get("rdfs:subClassOf")))
        elif name and "rdf:Property" in kinds:
            domains[name] = frozenset(_names(node.get("schema:domainIncludes")))
    served = json.loads(Path(context).read_text(encoding="utf-8"))
    return SchemaOrg(superclasses, domains, served)


def _ids(value: Any) -> Iterator[str]:
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            yield item
        elif isinstance(item, Mapping) and isinstance(item.get("@id"), str):
            yield item["@id"]


def _names(value: Any) -> Iterator[str]:
    for iri in _ids(value):
        name = _schema_name(iri)
        if name:
            yield name


def _schema_name(iri: str) -> str:
    for prefix in (_SCHEMA_PREFIX, *_SCHEMA_IRIS):
        if iri.startswith(prefix):
            return iri[len(prefix) :]
    return ""


# ------------------------------------------------------------------ the checks


def check_conformance(
    document: Mapping[str, Any], schema_org: SchemaOrg, *, vocabularies: Iterable[str] = (NLD,)
) -> list[str]:
    """Every conformance problem of one JSON-LD document; empty when it conforms."""
    allowed = tuple(vocabularies)
    terms = _own_terms(document.get("@context"))
    problems = list(_node_problems(document, "", terms, schema_org, allowed))
    problems += _processor_problems(document, schema_org)
    return problems


def _own_terms(context: Any) -> dict[str, str]:
    """Term → IRI for every term the document's own (non-schema.org) context defines."""
    entries = context if isinstance(context, list) else [context]
    merged: dict[str, Any] = {}
    for entry in entries:
        if isinstance(entry, Mapping):
            merged.update(entry)
    iris: dict[str, str] = {}
    for term, definition in merged.items():
        raw = definition.get("@id", term) if isinstance(definition, Mapping) else definition
        if isinstance(raw, str):
            iris[term] = _expand_curie(raw, merged)
    return iris


def _expand_curie(value: str, context: Mapping[str, Any]) -> str:
    prefix, sep, rest = value.partition(":")
    base = context.get(prefix)
    if sep and isinstance(base, str) and not rest.startswith("//"):
        return base + rest
    return value


def _node_problems(
    node: Mapping[str, Any],
    path: str,
    terms: Mapping[str, str],
    schema_org: SchemaOrg,
    allowed: tuple[str, ...],
) -> Iterator[str]:
    types = [t for t in _ids(node.get("@type")) if isinstance(t, str)]
    schema_types = []
    for name in types:
        iri = terms.get(name)
        if iri is not None:
            if not iri.startswith(allowed):
                yield f"{path or '/'}: type {name} expands to {iri}, outside the vocabularies"
        elif name in schema_org.superclasses:
            schema_types.append(name)
        else:
            yield f"{path or '/'}: @type {name} is not a schema.org type"
    for key, value in node.items():
        if key.startswith("@"):
            continue
        yield from _key_problems(
            key, f"{path}/{key}", terms, schema_org, allowed, schema_types, bool(types)
        )
        for index, child in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(child, Mapping):
                child_path = f"{path}/{key}/{index}" if isinstance(value, list) else f"{path}/{key}"
                yield from _node_problems(child, child_path, terms, schema_org, allowed)


def _key_problems(
    key: str,
    path: str,
    terms: Mapping[str, str],
    schema_org: SchemaOrg,
    allowed: tuple[str, ...],
    schema_types: list[str],
    typed: bool,
) -> Iterator[str]:
    iri = terms.get(key)
    if iri is not None:
        if not iri.startswith(allowed):
            yield f"{path}: {key} expands to {iri}, outside the allowed vocabularies"
    elif key not in schema_org.domains:
        yield f"{path}: {key} is neither a schema.org property nor a term of the context"
    elif not typed:
        yield f"{path}: schema.org property {key} on a node with no @type"
    elif schema_types and not schema_org.allows(key, schema_types):
        domain = ", ".join(sorted(schema_org.domains[key])) or "none"
        on = "/".join(schema_types)
        yield f"{path}: {key} is not used on {on} in schema.org (domain: {domain})"


def _processor_problems(document: Mapping[str, Any], schema_org: SchemaOrg) -> list[str]:
    """pyld expands and compacts the document offline with nothing dropped."""
    from pyld import jsonld

    def loader(url: str, options: Any = None) -> dict[str, Any]:
        if url.rstrip("/") + "/" not in {u.rstrip("/") + "/" for u in _SCHEMA_CONTEXT_URLS}:
            raise ValueError(f"no network: the document loads {url}")
        return {"contextUrl": None, "documentUrl": url, "document": schema_org.context}

    options = {"documentLoader": loader, "base": _BASE}
    try:
        expanded = jsonld.expand(dict(document), options)
        compacted = jsonld.compact(expanded, document.get("@context"), options)
    except Exception as exc:  # pyld raises its own JsonLdError tree
        return [f"pyld could not process the document: {exc}"]
    compacted.pop("@context", None)
    original = {k: v for k, v in document.items() if k != "@context"}
    if _normal(compacted) != _normal(original):
        return [
            f"pyld dropped or changed terms: {_difference(_normal(original), _normal(compacted))}"
        ]
    return []


def _normal(value: Any) -> Any:
    """A form JSON-LD compaction does not change: lists of one unwrapped, refs as ids."""
    if isinstance(value, list):
        items = [_normal(v) for v in value]
        return items[0] if len(items) == 1 else items
    if isinstance(value, Mapping):
        renamed = {{"id": "@id", "type": "@type"}.get(k, k): _normal(v) for k, v in value.items()}
        if set(renamed) == {"@id"}:
            return renamed["@id"]
        return renamed
    return value


def _difference(expected: Any, found: Any, path: str = "") -> str:
    """Where two normalised documents first differ."""
    if isinstance(expected, dict) and isinstance(found, dict):
        for key in sorted(set(expected) | set(found)):
            if expected.get(key) != found.get(key):
                return _difference(expected.get(key), found.get(key), f"{path}/{key}")
    if isinstance(expected, list) and isinstance(found, list) and len(expected) == len(found):
        for index, (a, b) in enumerate(zip(expected, found, strict=True)):
            if a != b:
                return _difference(a, b, f"{path}/{index}")
    before, after = (json.dumps(v, ensure_ascii=False)[:80] for v in (expected, found))
    return f"{path or '/'}: {before} became {after}"
