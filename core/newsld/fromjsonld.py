"""The inverse of `newsld.jsonld`: a newsld JSON-LD node back into a `Document`.

Used by the readers of newsld's own formats (`jsonld`, `xml`), so a document
written once can be converted to another format without extracting again.
`to_jsonld(from_jsonld(node))` gives `node` back for every node newsld writes;
what the model has no room for (a publisher's url or type) is not kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsld.model import Article, Author, Claim, Document, Entity, Evidence, Ref

__all__ = ["DocumentFormatError", "from_json_value", "from_jsonld"]

#: Keys every claim node has; the rest are the claim type's own properties.
CLAIM_KEYS = frozenset({"@type", "@id", "claimType", "text", "evidence", "confidence", "extractor"})
#: Keys of an entity node the model holds in fields; the rest go to `Entity.extra`.
ENTITY_KEYS = frozenset({"@type", "@id", "name", "alternateName", "jobTitle", "affiliation"})


class DocumentFormatError(ValueError):
    """A node that is not a newsld document: where (a JSON pointer) and why."""

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(f"{pointer or '/'}: {message}")
        self.pointer = pointer


def from_jsonld(node: Mapping[str, Any]) -> Document:
    """A `NewsArticle` node (as `to_jsonld` writes it) as a `Document`."""
    if node.get("@type") != "NewsArticle":
        raise DocumentFormatError("/@type", "not a NewsArticle")
    return Document(
        id=_text(node, "@id", ""),
        article=_article(node),
        claims=[_claim(c, f"/hasPart/{i}") for i, c in enumerate(_list(node, "hasPart", ""))],
        entities=[_entity(e, f"/mentions/{i}") for i, e in enumerate(_list(node, "mentions", ""))],
        warnings=[str(w) for w in _list(node, "warnings", "")],
    )


def _article(node: Mapping[str, Any]) -> Article:
    body = node.get("articleBody")
    if not isinstance(body, str):
        raise DocumentFormatError("/articleBody", "missing or not a string")
    publisher = node.get("publisher")
    image = node.get("image", [])
    return Article(
        body=body,
        headline=_optional(node, "headline"),
        date_published=_optional(node, "datePublished"),
        date_modified=_optional(node, "dateModified"),
        authors=[_author(a, f"/author/{i}") for i, a in enumerate(_list(node, "author", ""))],
        publisher=_text(publisher, "name", "/publisher")
        if isinstance(publisher, Mapping)
        else None,
        url=_optional(node, "url"),
        image=[image] if isinstance(image, str) else [str(i) for i in image],
        language=_optional(node, "inLanguage"),
        description=_optional(node, "description"),
        keywords=[str(k) for k in _list(node, "keywords", "")],
        source=_optional(node, "source") or "",
    )


def _author(node: Any, pointer: str) -> Author:
    if isinstance(node, str):
        return Author(node)
    if not isinstance(node, Mapping):
        raise DocumentFormatError(pointer, "an author is an object with a name")
    return Author(
        _text(node, "name", pointer), str(node.get("@type", "Person")), _optional(node, "url")
    )


def _entity(node: Any, pointer: str) -> Entity:
    if not isinstance(node, Mapping):
        raise DocumentFormatError(pointer, "an entity is an object")
    affiliation = node.get("affiliation")
    return Entity(
        id=_text(node, "@id", pointer),
        type=_text(node, "@type", pointer),
        name=_text(node, "name", pointer),
        alternate_names=[str(n) for n in _list(node, "alternateName", pointer)],
        job_title=_optional(node, "jobTitle"),
        affiliation=_ref(affiliation) if affiliation is not None else None,
        extra={k: from_json_value(v) for k, v in node.items() if k not in ENTITY_KEYS},
    )


def _claim(node: Any, pointer: str) -> Claim:
    if not isinstance(node, Mapping):
        raise DocumentFormatError(pointer, "a claim is an object")
    confidence = node.get("confidence", 0.5)
    if not isinstance(confidence, int | float) or isinstance(confidence, bool):
        raise DocumentFormatError(f"{pointer}/confidence", "not a number")
    return Claim(
        claim_type=_text(node, "claimType", pointer),
        text=_text(node, "text", pointer),
        evidence=[
            _span(s, f"{pointer}/evidence/{i}")
            for i, s in enumerate(_list(node, "evidence", pointer))
        ],
        confidence=confidence,
        extractor=_optional(node, "extractor") or "",
        properties={k: from_json_value(v) for k, v in node.items() if k not in CLAIM_KEYS},
        schema_type=_optional(node, "@type") or "",
        id=_optional(node, "@id") or "",
    )


def _span(node: Any, pointer: str) -> Evidence:
    if not isinstance(node, Mapping):
        raise DocumentFormatError(pointer, "evidence is an object with start and end")
    start, end = node.get("start"), node.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        raise DocumentFormatError(pointer, "start and end must be integers")
    try:
        return Evidence(start, end)
    except ValueError as exc:
        raise DocumentFormatError(pointer, str(exc)) from None


def _ref(value: Any) -> Ref:
    if isinstance(value, Mapping) and "@id" in value:
        return Ref(str(value["@id"]))
    return Ref(str(value))


def from_json_value(value: Any) -> Any:
    """JSON back into claim property values: `{"@id": x}` alone becomes `Ref(x)`."""
    if isinstance(value, Mapping):
        if set(value) == {"@id"} and isinstance(value["@id"], str):
            return Ref(value["@id"])
        return {str(k): from_json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_json_value(v) for v in value]
    return value


def _optional(node: Mapping[str, Any], key: str) -> str | None:
    value = node.get(key)
    return None if value is None else str(value)


def _text(node: Mapping[str, Any], key: str, pointer: str) -> str:
    value = node.get(key)
    if not isinstance(value, str):
        raise DocumentFormatError(f"{pointer}/{key}", "missing or not a string")
    return value


def _list(node: Mapping[str, Any], key: str, pointer: str) -> list[Any]:
    value = node.get(key, [])
    if isinstance(value, list):
        return value
    if isinstance(value, str | Mapping):
        return [value]  # JSON-LD lets a list of one be written as the value alone
    raise DocumentFormatError(f"{pointer}/{key}", "expected a list")
