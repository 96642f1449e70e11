"""The typed columns of the Parquet tables: the CSV layout, with Arrow types and entity ids.

Every CSV column is here under the same name (the CSV exporter's map of
JSON-LD keys, then one column per other key of every registered claim type,
then `otherFields`), typed instead of flattened to text: counts' bounds are
integers, the article's dates timestamps in UTC, a claim's `date` a calendar
date, references to several entities lists of names. Beside each reference's
names stands its entity ids (`speakerId`, `authorityIds`, `targetIds`,
`locationId`, `perpetratorIds`...), so claims join entities on
(`articleId`, `entityId`); every table ends with `source`, the input it came
from. A value that does not fit its column's type is left null.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pyarrow as pa

from newsld.registry import ClaimType
from newsld_plugins.csv_exporter import COVERED_KEYS, OTHER_FIELDS, Row

__all__ = ["ARTICLE_COLUMNS", "ENTITY_COLUMNS", "Column", "Row", "claim_columns", "columns_for"]

TEXT = pa.string()
TEXTS = pa.list_(pa.string())
INTEGER = pa.int64()
INTEGERS = pa.list_(pa.int64())
TIMESTAMP = pa.timestamp("us", tz="UTC")
DAY = pa.date32()


@dataclass(frozen=True)
class Column:
    """A Parquet column: its name, its Arrow type, and its cell computed from a row."""

    name: str
    type: pa.DataType
    cell: Callable[[Row], Any]


# ------------------------------------------------------------------ values of a type


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, list | Mapping):
        return None if value is None else json.dumps(value, ensure_ascii=False)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _texts(value: Any) -> list[str] | None:
    if value is None:
        return None
    values = value if isinstance(value, list) else [value]
    return [t for t in (_text(v) for v in values) if t is not None]


def _integer(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _number(value: Any) -> float | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if ok else None


def _boolean(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _timestamp(value: Any) -> datetime | None:
    """An ISO 8601 date or date-time as an instant; no zone given is read as UTC."""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _maybe(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


# ------------------------------------------------------------------ reading a row


def _first(node: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    return next((node[k] for k in keys if node.get(k) not in (None, [])), None)


def _ids(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    found = (v.get("@id") if isinstance(v, Mapping) else v for v in values if v is not None)
    return [str(i) for i in found if i is not None]


def _names(row: Row, value: Any) -> list[str]:
    return [str(row.entities.get(i, {}).get("name", i)) for i in _ids(value)]


def _one(values: list[str]) -> str | None:
    return values[0] if values else None


def _key(keys: tuple[str, ...], convert: Callable[[Any], Any]) -> Callable[[Row], Any]:
    return lambda row: _maybe(convert)(_first(row.node, keys))


def _article(key: str, convert: Callable[[Any], Any] = _text) -> Callable[[Row], Any]:
    return lambda row: _maybe(convert)(row.article.get(key))


def _bound(key: str, end: str) -> Callable[[Row], Any]:
    def cell(row: Row) -> int | None:
        value = row.node.get(key)
        return _integer(value.get(end)) if isinstance(value, Mapping) else None

    return cell


def _refs(keys: tuple[str, ...], single: bool) -> tuple[Callable[[Row], Any], Callable[[Row], Any]]:
    """(names, ids) cells of an entity reference (one) or references (a list)."""
    if single:
        return (
            lambda row: _one(_names(row, _first(row.node, keys))),
            lambda row: _one(_ids(_first(row.node, keys))),
        )
    return (
        lambda row: _names(row, _first(row.node, keys)) or None,
        lambda row: _ids(_first(row.node, keys)) or None,
    )


def _evidence(end: str) -> Callable[[Row], Any]:
    return lambda row: [_integer(span.get(end)) for span in row.node.get("evidence", [])]


def _role(row: Row) -> str | None:
    ids = _ids(_first(row.node, ("spokenByCharacter", "author")))
    roles = [row.entities.get(i, {}).get("jobTitle") for i in ids]
    return "; ".join(str(r) for r in roles if r) or None


def _source(row: Row) -> str | None:
    return _text(row.article.get("source"))


# ------------------------------------------------------------------ the tables

ARTICLE_KEY_COLUMNS = (
    Column("articleId", TEXT, _article("@id")),
    Column("url", TEXT, _article("url")),
    Column("headline", TEXT, _article("headline")),
    Column("datePublished", TIMESTAMP, _article("datePublished", _timestamp)),
)
SOURCE = Column("source", TEXT, _source)

_speaker, _speaker_id = _refs(("spokenByCharacter", "author"), single=True)
_place, _location_id = _refs(("location",), single=True)
_authority, _authority_ids = _refs(("authority",), single=False)
_targets, _target_ids = _refs(("targets",), single=False)
_country, _country_ids = _refs(("targetCountry",), single=False)

#: The CSV exporter's common claim columns, typed, with the ids of their entities.
COMMON_CLAIM_COLUMNS = (
    Column("claimId", TEXT, _key(("@id",), _text)),
    Column("claimType", TEXT, _key(("claimType",), _text)),
    Column("text", TEXT, _key(("text",), _text)),
    Column("speaker", TEXT, _speaker),
    Column("speakerRole", TEXT, _role),
    Column("speakerId", TEXT, _speaker_id),
    Column("date", DAY, _key(("date", "dateCreated"), _day)),
    Column("place", TEXT, _place),
    Column("locationId", TEXT, _location_id),
    Column("killedMin", INTEGER, _bound("killed", "minValue")),
    Column("killedMax", INTEGER, _bound("killed", "maxValue")),
    Column("injuredMin", INTEGER, _bound("injured", "minValue")),
    Column("injuredMax", INTEGER, _bound("injured", "maxValue")),
    Column("authority", TEXTS, _authority),
    Column("authorityIds", TEXTS, _authority_ids),
    Column("targets", TEXTS, _targets),
    Column("targetIds", TEXTS, _target_ids),
    Column("targetCountry", TEXTS, _country),
    Column("targetCountryIds", TEXTS, _country_ids),
    Column("action", TEXT, _key(("action",), _text)),
    Column("evidenceStart", INTEGERS, _evidence("start")),
    Column("evidenceEnd", INTEGERS, _evidence("end")),
    Column("confidence", pa.float64(), _key(("confidence",), _number)),
    Column("extractor", TEXT, _key(("extractor",), _text)),
)


def _scalar_type(schema: Mapping[str, Any]) -> tuple[pa.DataType, Callable[[Any], Any]]:
    """The Arrow type of a claim-type key from its JSON Schema (JSON text when unsure)."""
    ref = str(schema.get("$ref", ""))
    kind = schema.get("type")
    if ref.endswith("/date"):
        return DAY, _day
    if ref.endswith("/dateTime"):
        return TIMESTAMP, _timestamp
    if kind == "integer":
        return INTEGER, _integer
    if kind == "number":
        return pa.float64(), _number
    if kind == "boolean":
        return pa.bool_(), _boolean
    if kind == "array" and isinstance(schema.get("items"), Mapping):
        item_kind = schema["items"].get("type")
        if item_kind == "integer":
            return INTEGERS, lambda v: [_integer(x) for x in v] if isinstance(v, list) else None
        if item_kind == "string":
            return TEXTS, _texts
    return TEXT, _text


def _id_column(key: str, single: bool) -> str:
    """`location` → `locationId`; `perpetrator`, `targets` → `perpetratorIds`, `targetIds`."""
    return f"{key}Id" if single else f"{key.removesuffix('s')}Ids"


def _key_columns(key: str, schema: Mapping[str, Any], claim_type: ClaimType) -> list[Column]:
    if str(schema.get("$ref", "")).endswith("/quantity"):
        return [
            Column(f"{key}Min", INTEGER, _bound(key, "minValue")),
            Column(f"{key}Max", INTEGER, _bound(key, "maxValue")),
        ]
    if key in claim_type.entity_keys:
        many = schema.get("type") == "array" or str(schema.get("$ref", "")).endswith("/entityRefs")
        single = not many
        names, ids = _refs((key,), single)
        kind = TEXT if single else TEXTS
        return [Column(key, kind, names), Column(_id_column(key, single), kind, ids)]
    kind, convert = _scalar_type(schema)
    return [Column(key, kind, _key((key,), convert))]


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
                yield key, Column(name, column.type, column.cell)


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
        Column(OTHER_FIELDS, TEXT, other),
        SOURCE,
    ]


def _authors(row: Row) -> list[str] | None:
    names = [a.get("name") for a in row.article.get("author", []) if isinstance(a, Mapping)]
    return [str(n) for n in names if n] or None


ARTICLE_COLUMNS = [
    *ARTICLE_KEY_COLUMNS,
    Column("dateModified", TIMESTAMP, _article("dateModified", _timestamp)),
    Column("author", TEXTS, _authors),
    Column("publisher", TEXT, lambda row: _text((row.article.get("publisher") or {}).get("name"))),
    Column("inLanguage", TEXT, _article("inLanguage")),
    Column("description", TEXT, _article("description")),
    Column("wordCount", INTEGER, _article("wordCount", _integer)),
    Column("claimCount", INTEGER, lambda row: len(row.article.get("hasPart", []))),
    Column("entityCount", INTEGER, lambda row: len(row.article.get("mentions", []))),
    Column("warnings", TEXTS, _article("warnings", _texts)),
    Column("articleBody", TEXT, _article("articleBody")),
    SOURCE,
]

ENTITY_COLUMNS = [
    Column("articleId", TEXT, _article("@id")),
    Column("entityId", TEXT, _key(("@id",), _text)),
    Column("type", TEXT, _key(("@type",), _text)),
    Column("name", TEXT, _key(("name",), _text)),
    Column("alternateName", TEXTS, _key(("alternateName",), _texts)),
    Column("jobTitle", TEXT, _key(("jobTitle",), _text)),
    Column("affiliation", TEXT, lambda row: _one(_names(row, row.node.get("affiliation")))),
    Column("affiliationId", TEXT, lambda row: _one(_ids(row.node.get("affiliation")))),
    Column("url", TEXT, _key(("url",), _text)),
    Column("sameAs", TEXTS, _key(("sameAs",), _texts)),
    SOURCE,
]


def columns_for(table: str, claim_types: Mapping[str, ClaimType]) -> list[Column]:
    """The columns of one table: `claims`, `articles` or `entities`."""
    if table == "articles":
        return ARTICLE_COLUMNS
    if table == "entities":
        return ENTITY_COLUMNS
    return claim_columns(claim_types)
