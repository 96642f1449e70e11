"""newsld's XML vocabulary: a JSON-LD document node to XML elements and back.

The layout is fixed here and described by `schemas/newsld.xsd`; no element
name is ever taken from data. A claim type's own keys (and anything an
entity carries beyond its fixed fields) become generic typed fields,

    <field name="killed"><quantity minValue="6" maxValue="6"/></field>
    <field name="targets"><list><ref id="#org-rosneft"/><ref id="#org-lukoil"/></list></field>

so a claim type a plugin registers exports to valid XML with no change to the
exporter or the XSD, and reading back needs no registry: the value elements
say which JSON type each value has. Text XML 1.0 cannot hold (most control
characters) is written with `escaped="true"`: `\\` for a backslash and
`\\uXXXX` for each such character, so every string round-trips exactly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from lxml import etree

__all__ = [
    "DOCUMENT_LAYOUT",
    "NS",
    "document_element",
    "node_from_element",
    "value_element",
    "value_from_element",
]

#: The namespace of newsld's XML; the version is part of it.
NS = "https://w3id.org/newsld/xml/1"
_P = "{" + NS + "}"

#: The NewsArticle's keys in document order: JSON key → (XML element, kind).
DOCUMENT_LAYOUT: tuple[tuple[str, str, str], ...] = (
    ("headline", "headline", "text"),
    ("datePublished", "datePublished", "text"),
    ("dateModified", "dateModified", "text"),
    ("author", "author", "agents"),
    ("publisher", "publisher", "agent"),
    ("url", "url", "text"),
    ("image", "image", "texts"),
    ("inLanguage", "inLanguage", "text"),
    ("description", "description", "text"),
    ("keywords", "keywords", "texts"),
    ("articleBody", "articleBody", "text"),
    ("wordCount", "wordCount", "integer"),
    ("mentions", "mentions", "entities"),
    ("hasPart", "claims", "claims"),
    ("warnings", "warnings", "warnings"),
    ("source", "source", "text"),
)
_HEADER_KEYS = frozenset({"@context", "@type", "@id"})
_LAID_OUT = frozenset(key for key, _, _ in DOCUMENT_LAYOUT) | _HEADER_KEYS
_ENTITY_FIXED = frozenset({"@type", "@id", "name", "alternateName", "jobTitle", "affiliation"})
_CLAIM_FIXED = frozenset(
    {"@type", "@id", "claimType", "text", "evidence", "confidence", "extractor"}
)
_QUANTITY_KEYS = ("minValue", "maxValue")

# Characters XML 1.0 cannot carry, and the backslash that escapes them. (Named as the
# complement of what XML allows, [^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]:
# the same characters, compiled in a tenth of the time at every start.)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPE = re.compile(r"\\|" + _NOT_XML.pattern)
_UNESCAPE = re.compile(r"\\(\\|u[0-9a-fA-F]{4})")


def _q(name: str) -> str:
    return _P + name


# ------------------------------------------------------------------ writing


def _set_text(element: etree._Element, text: str) -> etree._Element:
    """Put `text` in `element`, escaping what XML cannot hold."""
    if _NOT_XML.search(text):
        element.set("escaped", "true")
    element.text = _escape(text)
    return element


def _set_name(element: etree._Element, name: str) -> None:
    """The `name` of a field or member; escaped like text when XML cannot hold it."""
    if _NOT_XML.search(name):
        element.set("nameEscaped", "true")
    element.set("name", _escape(name))


def _escape(text: str) -> str:
    if not _NOT_XML.search(text):
        return text
    return _ESCAPE.sub(lambda m: "\\\\" if m[0] == "\\" else f"\\u{ord(m[0]):04x}", text)


def _attribute(text: str) -> str:
    # Ids and names are attributes; the rare character XML forbids becomes U+FFFD.
    return _NOT_XML.sub("\ufffd", text)


def _child(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, _q(name))
    if text is not None:
        _set_text(element, text)
    return element


def document_element(node: Mapping[str, Any]) -> etree._Element:
    """A `<document>` element for a JSON-LD `NewsArticle` node."""
    root = etree.Element(_q("document"), nsmap={None: NS})  # type: ignore[dict-item]
    root.set("id", _attribute(str(node.get("@id", ""))))
    for key, name, kind in DOCUMENT_LAYOUT:
        if key in node and node[key] is not None:
            _WRITERS[kind](root, name, node[key])
    _fields(root, ((k, v) for k, v in node.items() if k not in _LAID_OUT))
    return root


def _write_text(parent: etree._Element, name: str, value: Any) -> None:
    _child(parent, name, str(value))


def _write_texts(parent: etree._Element, name: str, values: Any) -> None:
    for value in _as_list(values):
        _child(parent, name, str(value))


def _write_integer(parent: etree._Element, name: str, value: Any) -> None:
    _child(parent, name, str(int(value)))


def _write_agents(parent: etree._Element, name: str, values: Any) -> None:
    for value in _as_list(values):
        _write_agent(parent, name, value)


def _write_agent(parent: etree._Element, name: str, value: Any) -> None:
    agent = value if isinstance(value, Mapping) else {"name": str(value)}
    element = _child(parent, name)
    element.set("type", _attribute(str(agent.get("@type", "Person"))))
    _child(element, "name", str(agent.get("name", "")))
    if agent.get("url"):
        _child(element, "url", str(agent["url"]))


def _write_entities(parent: etree._Element, name: str, values: Any) -> None:
    holder = _child(parent, name)
    for entity in _as_list(values):
        element = _child(holder, "entity")
        element.set("id", _attribute(str(entity["@id"])))
        element.set("type", _attribute(str(entity["@type"])))
        _child(element, "name", str(entity["name"]))
        for alias in _as_list(entity.get("alternateName", [])):
            _child(element, "alternateName", str(alias))
        if entity.get("jobTitle") is not None:
            _child(element, "jobTitle", str(entity["jobTitle"]))
        if entity.get("affiliation") is not None:
            _child(element, "affiliation").set("ref", _attribute(_ref_id(entity["affiliation"])))
        _fields(element, ((k, v) for k, v in entity.items() if k not in _ENTITY_FIXED))


def _write_claims(parent: etree._Element, name: str, values: Any) -> None:
    holder = _child(parent, name)
    for claim in _as_list(values):
        element = _child(holder, "claim")
        element.set("id", _attribute(str(claim["@id"])))
        element.set("type", _attribute(str(claim["@type"])))
        element.set("claimType", _attribute(str(claim["claimType"])))
        _child(element, "text", str(claim["text"]))
        _fields(element, ((k, v) for k, v in claim.items() if k not in _CLAIM_FIXED))
        for span in _as_list(claim["evidence"]):
            evidence = _child(element, "evidence")
            evidence.set("start", str(int(span["start"])))
            evidence.set("end", str(int(span["end"])))
        _child(element, "confidence", _number(claim["confidence"]))
        _child(element, "extractor", str(claim["extractor"]))


def _write_warnings(parent: etree._Element, name: str, values: Any) -> None:
    holder = _child(parent, name)
    for warning in _as_list(values):
        _child(holder, "warning", str(warning))


_WRITERS: dict[str, Callable[[etree._Element, str, Any], None]] = {
    "text": _write_text,
    "texts": _write_texts,
    "integer": _write_integer,
    "agents": _write_agents,
    "agent": _write_agent,
    "entities": _write_entities,
    "claims": _write_claims,
    "warnings": _write_warnings,
}


def _fields(parent: etree._Element, items: Iterable[tuple[str, Any]]) -> None:
    for key, value in items:
        field = _child(parent, "field")
        _set_name(field, key)
        field.append(value_element(value))


def value_element(value: Any) -> etree._Element:
    """One JSON value as its typed element (`<string>`, `<ref>`, `<list>`...)."""
    if value is None:
        return etree.Element(_q("null"))
    if isinstance(value, bool):
        return _leaf("boolean", "true" if value else "false")
    if isinstance(value, int):
        return _leaf("integer", str(value))
    if isinstance(value, float):
        return _leaf("number", _number(value))
    if isinstance(value, str):
        return _leaf("string", value)
    if isinstance(value, list | tuple):
        element = etree.Element(_q("list"))
        element.extend(value_element(v) for v in value)
        return element
    if isinstance(value, Mapping):
        return _object_element(value)
    raise TypeError(f"cannot write {type(value).__name__} as a newsld XML value")


def _leaf(name: str, text: str) -> etree._Element:
    return _set_text(etree.Element(_q(name)), text)


def _object_element(value: Mapping[str, Any]) -> etree._Element:
    if set(value) == {"@id"} and isinstance(value["@id"], str):
        element = etree.Element(_q("ref"))
        element.set("id", _attribute(value["@id"]))
        return element
    if _is_quantity(value):
        element = etree.Element(_q("quantity"))
        for key in _QUANTITY_KEYS:
            if key in value:
                element.set(key, str(value[key]))
        return element
    element = etree.Element(_q("object"))
    for key, member_value in value.items():
        member = _child(element, "member")
        _set_name(member, str(key))
        member.append(value_element(member_value))
    return element


def _is_quantity(value: Mapping[str, Any]) -> bool:
    """`{"@type": "QuantitativeValue", "minValue": n, "maxValue": n}` with counts only."""
    if value.get("@type") != "QuantitativeValue" or not set(value) - {"@type"}:
        return False
    bounds = [value[k] for k in value if k != "@type"]
    return set(value) <= {"@type", *_QUANTITY_KEYS} and all(
        isinstance(b, int) and not isinstance(b, bool) and b >= 0 for b in bounds
    )


def _number(value: Any) -> str:
    number = float(value)
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "INF" if number > 0 else "-INF"
    return repr(number)


def _ref_id(value: Any) -> str:
    return str(value["@id"]) if isinstance(value, Mapping) else str(value)


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


# ------------------------------------------------------------------ reading


def text_of(element: etree._Element) -> str:
    """The text of an element, undoing `escaped="true"`."""
    text = element.text or ""
    return _unescape(text) if element.get("escaped") == "true" else text


def name_of(element: etree._Element) -> str:
    """The `name` of a field or member, undoing `nameEscaped="true"`."""
    name = element.get("name", "")
    return _unescape(name) if element.get("nameEscaped") == "true" else name


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: "\\" if m[1] == "\\" else chr(int(m[1][1:], 16)), text)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def node_from_element(element: etree._Element) -> dict[str, Any]:
    """The JSON-LD node (without `@context`) of a `<document>` element."""
    node: dict[str, Any] = {"@type": "NewsArticle", "@id": element.get("id", "")}
    kinds = {name: (key, kind) for key, name, kind in DOCUMENT_LAYOUT}
    for child in element:
        name = _local(child)
        if name == "field":
            node[name_of(child)] = value_from_element(child[0])
            continue
        key, kind = kinds[name]
        value = _READERS[kind](child)
        if kind in {"agents", "texts"}:
            node.setdefault(key, []).append(value)
        else:
            node[key] = value
    return node


def _read_agent(element: etree._Element) -> dict[str, Any]:
    agent: dict[str, Any] = {"@type": element.get("type", "Person")}
    for child in element:
        agent[_local(child)] = text_of(child)
    return agent


def _read_entities(element: etree._Element) -> list[dict[str, Any]]:
    return [_read_entity(child) for child in element]


def _read_entity(element: etree._Element) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": element.get("type", ""), "@id": element.get("id", "")}
    for child in element:
        name = _local(child)
        if name == "alternateName":
            node.setdefault(name, []).append(text_of(child))
        elif name == "affiliation":
            node[name] = {"@id": child.get("ref", "")}
        elif name == "field":
            node[name_of(child)] = value_from_element(child[0])
        else:
            node[name] = text_of(child)
    return node


def _read_claims(element: etree._Element) -> list[dict[str, Any]]:
    return [_read_claim(child) for child in element]


def _read_claim(element: etree._Element) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": element.get("type", ""),
        "@id": element.get("id", ""),
        "claimType": element.get("claimType", ""),
    }
    evidence: list[dict[str, int]] = []
    for child in element:
        name = _local(child)
        if name == "field":
            node[name_of(child)] = value_from_element(child[0])
        elif name == "evidence":
            evidence.append({"start": int(child.get("start", 0)), "end": int(child.get("end", 0))})
        elif name == "confidence":
            node[name] = float(text_of(child))
        else:
            node[name] = text_of(child)
    node["evidence"] = evidence
    return node


def value_from_element(element: etree._Element) -> Any:
    """The JSON value a typed value element stands for."""
    name = _local(element)
    if name == "list":
        return [value_from_element(child) for child in element]
    if name == "object":
        return {name_of(m): value_from_element(m[0]) for m in element}
    if name == "ref":
        return {"@id": element.get("id", "")}
    if name == "quantity":
        found = {k: int(element.get(k, 0)) for k in _QUANTITY_KEYS if element.get(k) is not None}
        return {"@type": "QuantitativeValue", **found}
    return _SCALARS[name](text_of(element))


_SCALARS: dict[str, Callable[[str], Any]] = {
    "string": lambda text: text,
    "integer": int,
    "number": float,
    "boolean": lambda text: text.strip() in {"true", "1"},
    "null": lambda text: None,
}

_READERS: dict[str, Callable[[etree._Element], Any]] = {
    "text": text_of,
    "texts": text_of,
    "integer": lambda e: int(text_of(e)),
    "agents": _read_agent,
    "agent": _read_agent,
    "entities": _read_entities,
    "claims": _read_claims,
    "warnings": lambda e: [text_of(c) for c in e],
}
