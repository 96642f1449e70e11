"""The document's JSON Schema and JSON-LD context: finding, composing, validating.

`schemas/` ships inside the wheel as `newsld/schemas`; in an editable install
(which does not see force-included files) it is the repository's `schemas/`.

jsonschema is imported only where a fault must be explained or a whole
document validated: a conversion whose claims all pass the compiled check
(fastjsonschema) never loads it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsld.registry import ClaimType

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

__all__ = [
    "SchemaError",
    "claim_schema",
    "claim_type_from_file",
    "claim_type_from_spec",
    "claim_type_problem",
    "context_terms",
    "document_schema",
    "evidence_faults",
    "fast_validity",
    "load_json",
    "schemas_dir",
    "validate_document",
    "validator_for",
]


class SchemaError(Exception):
    """A document does not match the schema: the JSON pointer of the fault and why."""

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(f"{pointer or '/'}: {message}")
        self.pointer = pointer
        self.message = message


@cache
def schemas_dir() -> Path:
    """The folder holding the schemas, inside the package or in the repository."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "schemas", here.parent.parent / "schemas"):
        if (candidate / "document.schema.json").is_file():
            return candidate
    raise FileNotFoundError("newsld's schemas/ folder is missing from this installation")


@cache
def _text(name: str) -> str:
    return (schemas_dir() / name).read_text(encoding="utf-8")


@cache
def _load(name: str) -> Any:
    return json.loads(_text(name))


def load_json(name: str) -> Any:
    """A copy of a JSON file from `schemas/` (e.g. `claim-types/quote.schema.json`).

    Parsed anew from the text read once: ten times cheaper than a deep copy, and it
    runs for every document (the context of its JSON-LD).
    """
    return json.loads(_text(name))


def claim_type_from_file(name: str, description: str = "") -> ClaimType:
    """A built-in claim type declared in `schemas/claim-types/<name>.json`.

    The file holds `schemaType`, `properties` (key → JSON Schema, in column
    order), `required` and `context` (JSON-LD terms for the non-schema.org keys).
    """
    return claim_type_from_spec(name, load_json(f"claim-types/{name}.json"), description)


def claim_type_from_spec(name: str, spec: Mapping[str, Any], description: str = "") -> ClaimType:
    """A claim type from a declaration in the form of `schemas/claim-types/<name>.json`."""
    return ClaimType(
        name=name,
        schema_type=spec.get("schemaType", "Claim"),
        properties=spec.get("properties", {}),
        required=tuple(spec.get("required", ())),
        context=spec.get("context", {}),
        description=description or spec.get("description", ""),
    )


def context_terms(claim_types: Iterable[ClaimType] = ()) -> dict[str, Any]:
    """The newsld JSON-LD term definitions, with those of the given claim types."""
    terms: dict[str, Any] = dict(load_json("context.jsonld")["@context"])
    for claim_type in claim_types:
        for term, definition in claim_type.context.items():
            terms.setdefault(term, definition)
    return terms


def document_schema(claim_types: Iterable[ClaimType] = ()) -> dict[str, Any]:
    """The document schema with each claim type's fragment applied to its claims."""
    schema: dict[str, Any] = load_json("document.schema.json")
    branches = schema["$defs"]["claim"]["allOf"]
    for claim_type in sorted(claim_types, key=lambda c: c.name):
        branches.append(_branch(claim_type))
    return schema


def _branch(claim_type: ClaimType) -> dict[str, Any]:
    then: dict[str, Any] = {
        # A claim type's own schema.org type, or the generic Claim (a quote is a
        # Quotation when direct, a Claim when reported).
        "properties": {
            "@type": {"enum": sorted({claim_type.schema_type, "Claim"})},
            **claim_type.properties,
        },
    }
    if claim_type.required:
        then["required"] = list(claim_type.required)
    return {
        "if": {"properties": {"claimType": {"const": claim_type.name}}, "required": ["claimType"]},
        "then": then,
    }


def claim_schema(claim_type: ClaimType) -> dict[str, Any]:
    """The schema of one claim type's claims, flat: common keys and the type's own.

    Equivalent to the document schema's `$defs/claim` for claims of this type,
    without its if/then over every registered type, so checking a claim as it
    is made costs one pass over the claim.
    """
    schema = load_json("document.schema.json")
    claim = schema["$defs"].pop("claim")
    branch = _branch(claim_type)["then"]
    claim.pop("allOf")
    claim["properties"] = {**claim["properties"], **branch["properties"]}
    claim["required"] = [*claim["required"], *branch.get("required", [])]
    return {"$schema": schema["$schema"], "$defs": schema["$defs"], **claim}


def fast_validity(schema: Mapping[str, Any]) -> Callable[[Any], bool]:
    """A compiled yes/no check of `schema`, for the hot path of checking every claim.

    fastjsonschema turns the schema into Python code once (measured 14x faster
    than jsonschema on our claims); it speaks draft 7, which covers every
    keyword our schemas use. jsonschema still explains a fault when there is one.
    """
    import fastjsonschema

    draft7 = {key: value for key, value in schema.items() if key != "$schema"}
    check = fastjsonschema.compile(draft7)

    def valid(instance: Any) -> bool:
        try:
            check(instance)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return valid


def validator_for(schema: Mapping[str, Any]) -> Validator:
    """A compiled 2020-12 validator for a composed schema (build once, use often)."""
    import jsonschema

    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    validator: Validator = cls(schema)
    return validator


def errors(validator: Validator, instance: Any) -> Iterator[SchemaError]:
    """Every fault of `instance`, deepest path first within each."""
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        leaf = min(error.context or [error], key=lambda e: -len(e.absolute_path))
        path = list(error.absolute_path) if leaf is error else list(leaf.absolute_path)
        pointer = "".join(f"/{str(p).replace('~', '~0').replace('/', '~1')}" for p in path)
        yield SchemaError(pointer, leaf.message)


def evidence_faults(document: Any) -> Iterator[SchemaError]:
    """Evidence offsets that point past the end of `articleBody` (no schema can say so)."""
    if not isinstance(document, dict):
        return
    body = document.get("articleBody")
    length = len(body) if isinstance(body, str) else 0
    claims = document.get("hasPart")
    for i, claim in enumerate(claims if isinstance(claims, list) else []):
        spans = claim.get("evidence") if isinstance(claim, dict) else None
        for j, span in enumerate(spans if isinstance(spans, list) else []):
            if isinstance(span, dict) and isinstance(span.get("end"), int) and span["end"] > length:
                yield SchemaError(
                    f"/hasPart/{i}/evidence/{j}/end", "points past the end of articleBody"
                )


def claim_type_problem(claim_type: ClaimType) -> str | None:
    """Why a claim type's schema cannot be used (None when it can).

    Its JSON Schema must be a valid 2020-12 schema whose every `$ref` points
    inside the document schema: newsld never fetches a schema over the network.
    """
    if not isinstance(claim_type.properties, Mapping) or not all(
        isinstance(k, str) and isinstance(v, Mapping) for k, v in claim_type.properties.items()
    ):
        return "its properties are not a mapping of names to JSON Schemas"
    own: dict[str, Any] = {
        "properties": dict(claim_type.properties),
        "required": list(claim_type.required),
    }
    try:
        json.dumps(own, allow_nan=False)
    except (TypeError, ValueError) as exc:
        return f"its schema is not JSON ({exc})"
    # References resolve in the claim schema, whose definitions are the document schema's.
    composed = {"$defs": _load("document.schema.json")["$defs"], **own}
    for ref in _refs(own):
        if not isinstance(ref, str) or not ref.startswith("#"):
            return (
                f"its schema refers to {ref!r}: only references inside the document schema "
                "are allowed (newsld never fetches a schema)"
            )
        if not _resolves(composed, ref):
            return f"its schema refers to {ref!r}, which is not in the document schema"
    # The claim type's own part against the metaschema (the document's part is newsld's).
    if _canonical(own) in _shipped_claim_schemas():
        return None  # one of newsld's own, which its tests check against the metaschema
    import jsonschema

    fault = jsonschema.exceptions.best_match(_metaschema().iter_errors(own))
    if fault is not None:
        where = "/".join(str(p) for p in fault.absolute_path)
        return f"its schema is invalid at /{where}: {fault.message}"
    return None


def _canonical(own: Mapping[str, Any]) -> str:
    return json.dumps(own, sort_keys=True)


@cache
def _shipped_claim_schemas() -> frozenset[str]:
    """The own part of each claim type shipped in `schemas/claim-types/`, as canonical JSON.

    A claim type declared by one of these files needs no metaschema check at
    load: the test suite makes it (and so spares every run importing jsonschema).
    """
    found = set()
    for path in sorted((schemas_dir() / "claim-types").glob("*.json")):
        shipped = claim_type_from_file(path.stem)
        own = {"properties": dict(shipped.properties), "required": list(shipped.required)}
        found.add(_canonical(own))
    return frozenset(found)


@cache
def _metaschema() -> Validator:
    """A validator of JSON Schemas (2020-12), built once."""
    import jsonschema

    meta = jsonschema.Draft202012Validator.META_SCHEMA
    validator: Validator = jsonschema.Draft202012Validator(meta)
    return validator


def _refs(schema: Any) -> Iterator[Any]:
    """Every `$ref` value in a schema (walked without recursion)."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            if "$ref" in node:
                yield node["$ref"]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _resolves(schema: Any, ref: str) -> bool:
    node = schema
    for part in ref[1:].lstrip("/").split("/") if ref not in ("#", "#/") else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False
    return True


def validate_document(validator: Validator, document: Any) -> None:
    """Raise `SchemaError` for the first fault of `document`."""
    for error in errors(validator, document):
        raise error
