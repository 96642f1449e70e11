"""The three tables of the tabular exporters: claims, articles and entities, column by column.

CSV and Parquet write the same tables with the same columns in the same
order; this module is their one layout. A column has a name, a kind (`text`,
`texts`, `integer`, `integers`, `number`, `boolean`, `timestamp`, `day`) and
a cell: the JSON value of a row it shows. Each exporter writes a kind its own
way (CSV as text, several values joined with `; `; Parquet typed).

The claims table is a map of JSON-LD keys, not of claim types: the common
columns (`speaker`, `place`, `killedMin`...) are filled by any claim type
that uses their keys; then one column per other key of every registered
claim type, claim types by name and keys in their schema's order; then
`otherFields`, the keys no column shows, as JSON. Beside every entity
reference stand its names and its entity ids (`speakerId`, `locationId`,
`authorityIds`, `targetIds`, `targetCountryIds`, `perpetratorIds`...), so
claims join entities on (`articleId`, `entityId`); every table carries
`articleId`, and ends with `source`, the input the document came from.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsld.registry import ClaimType

__all__ = [
    "ARTICLE_COLUMNS",
    "COVERED_KEYS",
    "ENTITY_COLUMNS",
    "KINDS",
    "OTHER_FIELDS",
    "TABLES",
    "Column",
    "Row",
    "columns_for",
    "entity_ids",
    "rows",
]

TABLES = ("claims", "articles", "entities")
KINDS = ("text", "texts", "integer", "integers", "number", "boolean", "timestamp", "day")
OTHER_FIELDS = "otherFields"

Node = Mapping[str, Any]


@dataclass(frozen=True)
class Row:
    """What a cell may look at: the article node, the row's own node, the entities by id."""

    article: Node
    node: Node
    entities: Mapping[str, Node]


@dataclass(frozen=True)
class Column:
    """A column: its name, its kind, and its cell (the JSON value it shows) from a row."""

    name: str
    kind: str
    cell: Callable[[Row], Any]


def rows(article: Node, table: str) -> Iterator[Row]:
    """The rows of one document (its JSON-LD node, with `source`) in one table."""
    entities = {str(e["@id"]): e for e in article.get("mentions", []) if "@id" in e}
    if table == "articles":
        nodes: Sequence[Node] = [article]
    else:
        nodes = article.get("mentions" if table == "entities" else "hasPart", [])
    for node in nodes:
        yield Row(article, node, entities)


# ------------------------------------------------------------------ reading a row


def _first(node: Node, keys: Sequence[str]) -> Any:
    return next((node[k] for k in keys if node.get(k) not in (None, [])), None)


def entity_ids(value: Any) -> list[str]:
    """The ids of an entity reference, or of a list of them (`{"@id"}` or bare strings)."""
    values = value if isinstance(value, list) else [value]
    found = (v.get("@id") if isinstance(v, Mapping) else v for v in values if v is not None)
    return [str(i) for i in found if i is not None]


def _names(row: Row, value: Any) -> list[str]:
    return [str(row.entities.get(i, {}).get("name", i)) for i in entity_ids(value)]


def _one(values: list[str]) -> str | None:
    return values[0] if values else None


def _key(*keys: str) -> Callable[[Row], Any]:
    return lambda row: _first(row.node, keys)


def _article(key: str) -> Callable[[Row], Any]:
    return lambda row: row.article.get(key)


def _bound(key: str, end: str) -> Callable[[Row], Any]:
    def cell(row: Row) -> Any:
        value = row.node.get(key)
        return value.get(end) if isinstance(value, Mapping) else None

    return cell


def _refs(keys: tuple[str, ...], single: bool) -> tuple[Column, Column]:
    """(names, ids) cells of an entity reference (one) or references (a list)."""
    if single:
        return (
            Column("", "text", lambda row: _one(_names(row, _first(row.node, keys)))),
            Column("", "text", lambda row: _one(entity_ids(_first(row.node, keys)))),
        )
    return (
        Column("", "texts", lambda row: _names(row, _first(row.node, keys)) or None),
        Column("", "texts", lambda row: entity_ids(_first(row.node, keys)) or None),
    )


def _named(name: str, column: Column) -> Column:
    return Column(name, column.kind, column.cell)


def _evidence(end: str) -> Callable[[Row], Any]:
    return lambda row: [span.get(end) for span in row.node.get("evidence", [])]


def _role(row: Row) -> str | None:
    ids = entity_ids(_first(row.node, ("spokenByCharacter", "author")))
    roles = [row.entities.get(i, {}).get("jobTitle") for i in ids]
    return "; ".join(str(r) for r in roles if r) or None


# ------------------------------------------------------------------ the tables

ARTICLE_KEY_COLUMNS = (
    Column("articleId", "text", _article("@id")),
    Column("url", "text", _article("url")),
    Column("headline", "text", _article("headline")),
    Column("datePublished", "timestamp", _article("datePublished")),
)
SOURCE = Column("source", "text", _article("source"))


def _ref_columns(name: str, id_name: str, keys: tuple[str, ...], single: bool) -> list[Column]:
    names, ids = _refs(keys, single)
    return [_named(name, names), _named(id_name, ids)]


_speaker, _speaker_id = _ref_columns("speaker", "speakerId", ("spokenByCharacter", "author"), True)

#: The columns every claims table has, as JSON-LD keys any claim type may use.
COMMON_CLAIM_COLUMNS = (
    Column("claimId", "text", _key("@id")),
    Column("claimType", "text", _key("claimType")),
    Column("text", "text", _key("text")),
    _speaker,
    Column("speakerRole", "text", _role),
    _speaker_id,
    Column("date", "day", _key("date", "dateCreated")),
    *_ref_columns("place", "locationId", ("location",), single=True),
    Column("killedMin", "integer", _bound("killed", "minValue")),
    Column("killedMax", "integer", _bound("killed", "maxValue")),
    Column("injuredMin", "integer", _bound("injured", "minValue")),
    Column("injuredMax", "integer", _bound("injured", "maxValue")),
    *_ref_columns("authority", "authorityIds", ("authority",), single=False),
    *_ref_columns("targets", "targetIds", ("targets",), single=False),
    *_ref_columns("targetCountry", "targetCountryIds", ("targetCountry",), single=False),
    Column("action", "text", _key("action")),
    Column("evidenceStart", "integers", _evidence("start")),
    Column("evidenceEnd", "integers", _evidence("end")),
    Column("confidence", "number", _key("confidence")),
    Column("extractor", "text", _key("extractor")),
)
#: The JSON-LD keys the columns above already show.
COVERED_KEYS = frozenset(
    {"@type", "@id", "claimType", "text", "evidence", "confidence", "extractor"}
    | {"spokenByCharacter", "author", "date", "dateCreated", "location", "killed", "injured"}
    | {"authority", "targets", "targetCountry", "action"}
)


def _kind(schema: Mapping[str, Any]) -> str:
    """The kind of a claim-type key from its JSON Schema (text when unsure)."""
    ref = str(schema.get("$ref", ""))
    kind = schema.get("type")
    if ref.endswith("/date"):
        return "day"
    if ref.endswith("/dateTime"):
        return "timestamp"
    if kind in ("integer", "number", "boolean"):
        return str(kind)
    items = schema.get("items")
    if kind == "array" and isinstance(items, Mapping):
        return {"integer": "integers", "string": "texts"}.get(str(items.get("type")), "text")
    return "text"


def _id_column(key: str, single: bool) -> str:
    """`location` → `locationId`; `perpetrator`, `targets` → `perpetratorIds`, `targetIds`."""
    return f"{key}Id" if single else f"{key.removesuffix('s')}Ids"


def _key_columns(key: str, schema: Mapping[str, Any], claim_type: ClaimType) -> list[Column]:
    if str(schema.get("$ref", "")).endswith("/quantity"):
        return [
            Column(f"{key}Min", "integer", _bound(key, "minValue")),
            Column(f"{key}Max", "integer", _bound(key, "maxValue")),
        ]
    if key in claim_type.entity_keys:
        many = schema.get("type") == "array" or str(schema.get("$ref", "")).endswith("/entityRefs")
        return _ref_columns(key, _id_column(key, not many), (key,), single=not many)
    return [Column(key, _kind(schema), _key(key))]


def _extra_columns(claim_types: Mapping[str, ClaimType]) -> Iterator[tuple[str, Column]]:
    """(key, column) for each registered claim-type key the common columns do not show."""
    taken = {c.name for c in (*ARTICLE_KEY_COLUMNS, *COMMON_CLAIM_COLUMNS, SOURCE)}
    taken.add(OTHER_FIELDS)
    seen: set[str] = set()
    for claim_type in sorted(claim_types.values(), key=lambda c: c.name):
        for key, schema in claim_type.properties.items():
            if key in COVERED_KEYS or key in seen:
                continue
            seen.add(key)
            for column in _key_columns(key, schema, claim_type):
                name = (
                    column.name if column.name not in taken else f"{claim_type.name}.{column.name}"
                )
                taken.add(name)
                yield key, _named(name, column)


def claim_columns(claim_types: Mapping[str, ClaimType]) -> list[Column]:
    """The claims table: article keys, common columns, every claim type's own, leftovers, source."""
    extras = list(_extra_columns(claim_types))
    shown = COVERED_KEYS | {key for key, _ in extras}

    def other(row: Row) -> str | None:
        rest = {k: v for k, v in row.node.items() if k not in shown}
        return json.dumps(rest, ensure_ascii=False, separators=(",", ":")) if rest else None

    return [
        *ARTICLE_KEY_COLUMNS,
        *COMMON_CLAIM_COLUMNS,
        *(c for _, c in extras),
        Column(OTHER_FIELDS, "text", other),
        SOURCE,
    ]


def _authors(row: Row) -> list[str] | None:
    names = [a.get("name") for a in row.article.get("author", []) if isinstance(a, Mapping)]
    return [str(n) for n in names if n] or None


def _publisher(row: Row) -> Any:
    publisher = row.article.get("publisher")
    return publisher.get("name") if isinstance(publisher, Mapping) else None


ARTICLE_COLUMNS = [
    *ARTICLE_KEY_COLUMNS,
    Column("dateModified", "timestamp", _article("dateModified")),
    Column("author", "texts", _authors),
    Column("publisher", "text", _publisher),
    Column("inLanguage", "text", _article("inLanguage")),
    Column("description", "text", _article("description")),
    Column("keywords", "texts", _article("keywords")),
    Column("wordCount", "integer", _article("wordCount")),
    Column("claimCount", "integer", lambda row: len(row.article.get("hasPart", []))),
    Column("entityCount", "integer", lambda row: len(row.article.get("mentions", []))),
    Column("warnings", "texts", _article("warnings")),
    Column("articleBody", "text", _article("articleBody")),
    SOURCE,
]

ENTITY_COLUMNS = [
    Column("articleId", "text", _article("@id")),
    Column("entityId", "text", _key("@id")),
    Column("type", "text", _key("@type")),
    Column("name", "text", _key("name")),
    Column("alternateName", "texts", _key("alternateName")),
    Column("jobTitle", "text", _key("jobTitle")),
    Column("affiliation", "text", lambda row: _one(_names(row, row.node.get("affiliation")))),
    Column("affiliationId", "text", lambda row: _one(entity_ids(row.node.get("affiliation")))),
    Column("url", "text", _key("url")),
    Column("sameAs", "texts", _key("sameAs")),
    SOURCE,
]


def columns_for(table: str, claim_types: Mapping[str, ClaimType]) -> list[Column]:
    """The columns of one table: `claims`, `articles` or `entities`."""
    if table == "articles":
        return ARTICLE_COLUMNS
    if table == "entities":
        return ENTITY_COLUMNS
    return claim_columns(claim_types)
