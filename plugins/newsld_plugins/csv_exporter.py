"""The CSV exporter: one row per claim (or per article, or per entity), streamed.

Columns come from a declared map of JSON-LD keys (speaker, date, place,
killed...) that any claim type using those keys fills, then one column per
other key of every registered claim type, sorted by claim type and in the
order of its schema: a claim type a plugin registers gets its own columns with
no change here. Entity references are written as names (several joined with
"; "); counts as their bounds (`killedMin`, `killedMax`).

Options (`-O key=value`): `table=claims|articles|entities` (all carry
`articleId`, so the tables join); `bom=yes` for spreadsheets that want one;
`neutralise=no` to turn off formula neutralising, which is on by default:
following OWASP's CSV injection guidance a text cell starting with `=`, `+`,
`-`, `@`, tab or carriage return gets a leading `'`. RFC 4180 quoting (CRLF
line ends), UTF-8, and a header even when there are no rows.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

from newsld import hookimpl
from newsld.export import DocumentWriter, ExportOptions
from newsld.jsonld import to_jsonld
from newsld.model import Document
from newsld.registry import ClaimType, Exporter

__all__ = ["CsvWriter", "claim_columns"]

TABLES = ("claims", "articles", "entities")
#: Where several values share a cell.
JOIN = "; "
#: Leading characters a spreadsheet would run as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Node = Mapping[str, Any]


@dataclass(frozen=True)
class Row:
    """What a cell may look at: the article node, the row's own node, the entities by id."""

    article: Node
    node: Node
    entities: Mapping[str, Node]


@dataclass(frozen=True)
class Column:
    """A CSV column: its header and how to compute its cell from a row."""

    name: str
    cell: Callable[[Row], Any]


# ------------------------------------------------------------------ cell helpers


def _first(node: Node, keys: Sequence[str]) -> Any:
    return next((node[k] for k in keys if node.get(k) not in (None, [])), None)


def _entity_ids(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    ids = [v.get("@id") if isinstance(v, Mapping) else v for v in values if v is not None]
    return [str(i) for i in ids if i is not None]


def _names(row: Row, value: Any) -> str:
    found = (row.entities.get(i, {}).get("name", i) for i in _entity_ids(value))
    return JOIN.join(str(name) for name in found)


def _roles(row: Row, value: Any) -> str:
    roles = (row.entities.get(i, {}).get("jobTitle") for i in _entity_ids(value))
    return JOIN.join(str(role) for role in roles if role)


def _bound(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, Mapping) else None


def _plain(row: Row, value: Any) -> Any:
    """A value as one cell: references as names, lists joined, objects as JSON."""
    if value is None:
        return None
    if isinstance(value, list):
        return JOIN.join(str(_plain(row, v)) for v in value if v is not None)
    if isinstance(value, Mapping):
        if set(value) == {"@id"}:
            return _names(row, value)
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _key(*keys: str) -> Callable[[Row], Any]:
    return lambda row: _plain(row, _first(row.node, keys))


def _entities(*keys: str) -> Callable[[Row], Any]:
    return lambda row: _names(row, _first(row.node, keys))


def _article(key: str) -> Callable[[Row], Any]:
    return lambda row: _plain(row, row.article.get(key))


def _evidence(key: str) -> Callable[[Row], Any]:
    return lambda row: JOIN.join(str(span[key]) for span in row.node.get("evidence", []))


# ------------------------------------------------------------------ the column map

ARTICLE_KEY_COLUMNS = (
    Column("articleId", lambda row: row.article.get("@id")),
    Column("url", _article("url")),
    Column("headline", _article("headline")),
    Column("datePublished", _article("datePublished")),
)

#: The columns every claim table has, as JSON-LD keys any claim type may use.
COMMON_CLAIM_COLUMNS = (
    Column("claimId", _key("@id")),
    Column("claimType", _key("claimType")),
    Column("text", _key("text")),
    Column("speaker", _entities("spokenByCharacter", "author")),
    Column(
        "speakerRole", lambda row: _roles(row, _first(row.node, ("spokenByCharacter", "author")))
    ),
    Column("date", _key("date", "dateCreated")),
    Column("place", _entities("location")),
    Column("killedMin", lambda row: _bound(row.node.get("killed"), "minValue")),
    Column("killedMax", lambda row: _bound(row.node.get("killed"), "maxValue")),
    Column("injuredMin", lambda row: _bound(row.node.get("injured"), "minValue")),
    Column("injuredMax", lambda row: _bound(row.node.get("injured"), "maxValue")),
    Column("authority", _entities("authority")),
    Column("targets", _entities("targets")),
    Column("targetCountry", _entities("targetCountry")),
    Column("action", _key("action")),
    Column("evidenceStart", _evidence("start")),
    Column("evidenceEnd", _evidence("end")),
    Column("confidence", _key("confidence")),
    Column("extractor", _key("extractor")),
)
#: The JSON-LD keys the columns above already show.
COVERED_KEYS = frozenset(
    {"@type", "@id", "claimType", "text", "evidence", "confidence", "extractor"}
    | {"spokenByCharacter", "author", "date", "dateCreated", "location", "killed", "injured"}
    | {"authority", "targets", "targetCountry", "action"}
)
OTHER_FIELDS = "otherFields"


def _is_quantity(schema: Mapping[str, Any]) -> bool:
    return str(schema.get("$ref", "")).endswith("/quantity")


def _extra_columns(claim_types: Mapping[str, ClaimType]) -> Iterator[tuple[str, Column]]:
    """(key, column) for each registered claim-type key the common columns do not show."""
    taken = {c.name for c in (*ARTICLE_KEY_COLUMNS, *COMMON_CLAIM_COLUMNS)} | {OTHER_FIELDS}
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
                yield key, Column(name, column.cell)


def _key_columns(key: str, schema: Mapping[str, Any], claim_type: ClaimType) -> list[Column]:
    if _is_quantity(schema):
        return [
            Column(f"{key}Min", lambda row: _bound(row.node.get(key), "minValue")),
            Column(f"{key}Max", lambda row: _bound(row.node.get(key), "maxValue")),
        ]
    if key in claim_type.entity_keys:
        return [Column(key, lambda row: _names(row, row.node.get(key)))]
    return [Column(key, lambda row: _plain(row, row.node.get(key)))]


def claim_columns(claim_types: Mapping[str, ClaimType]) -> list[Column]:
    """The claims table: article keys, common columns, every claim type's own, leftovers."""
    extras = list(_extra_columns(claim_types))
    shown = COVERED_KEYS | {key for key, _ in extras}

    def other(row: Row) -> Any:
        rest = {k: v for k, v in row.node.items() if k not in shown}
        return json.dumps(rest, ensure_ascii=False, separators=(",", ":")) if rest else None

    return [
        *ARTICLE_KEY_COLUMNS,
        *COMMON_CLAIM_COLUMNS,
        *(c for _, c in extras),
        Column(OTHER_FIELDS, other),
    ]


ARTICLE_COLUMNS = [
    *ARTICLE_KEY_COLUMNS,
    Column("dateModified", _article("dateModified")),
    Column(
        "author", lambda row: JOIN.join(a.get("name", "") for a in row.article.get("author", []))
    ),
    Column("publisher", lambda row: (row.article.get("publisher") or {}).get("name")),
    Column("inLanguage", _article("inLanguage")),
    Column("description", _article("description")),
    Column("wordCount", _article("wordCount")),
    Column("claimCount", lambda row: len(row.article.get("hasPart", []))),
    Column("entityCount", lambda row: len(row.article.get("mentions", []))),
    Column("warnings", _article("warnings")),
    Column("articleBody", _article("articleBody")),
]

ENTITY_COLUMNS = [
    Column("articleId", lambda row: row.article.get("@id")),
    Column("entityId", _key("@id")),
    Column("type", _key("@type")),
    Column("name", _key("name")),
    Column("alternateName", _key("alternateName")),
    Column("jobTitle", _key("jobTitle")),
    Column("affiliation", _entities("affiliation")),
    Column("affiliationId", lambda row: JOIN.join(_entity_ids(row.node.get("affiliation")))),
    Column("url", _key("url")),
    Column("sameAs", _key("sameAs")),
]


# ------------------------------------------------------------------ the writer


# NUL and the other C0 controls but tab, newline and carriage return: spreadsheets and CSV
# readers choke on them (Python's csv reader refuses NUL), so a cell holds U+FFFD instead.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(cell: str) -> str:
    """A text cell a spreadsheet would run as a formula gets a leading `'` (OWASP)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


class CsvWriter(DocumentWriter):
    """Writes the header on start, then each document's rows as it comes."""

    def __init__(self, stream: IO[bytes], options: ExportOptions) -> None:
        super().__init__(stream, options)
        self.table = options.options.get("table", "claims").strip().lower()
        if self.table not in TABLES:
            raise ValueError(f"-O table={self.table}: expected one of {', '.join(TABLES)}")
        self.neutralise = options.flag("neutralise", default=True)
        self.columns = self._columns()
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\r\n")
        self._started = False

    def _columns(self) -> list[Column]:
        if self.table == "articles":
            return ARTICLE_COLUMNS
        if self.table == "entities":
            return ENTITY_COLUMNS
        return claim_columns(self.options.claim_types)

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        if self.options.flag("bom"):
            self._buffer.write("\ufeff")
        self._row([c.name for c in self.columns])
        self._flush()

    def write(self, document: Document) -> None:
        self.start()
        article = to_jsonld(document, self.options.claim_types)
        entities = {str(e["@id"]): e for e in article.get("mentions", [])}
        for node in self._nodes(article):
            self._row([column.cell(Row(article, node, entities)) for column in self.columns])
        self._flush()
        self.count += 1

    def _nodes(self, article: Node) -> list[Node]:
        if self.table == "articles":
            return [article]
        return list(article.get("mentions" if self.table == "entities" else "hasPart", []))

    def finish(self) -> None:
        self.start()
        self.stream.flush()

    def _row(self, cells: list[Any]) -> None:
        out = ["" if c is None else (self._text(c) if isinstance(c, str) else c) for c in cells]
        self._csv.writerow(out)

    def _text(self, cell: str) -> str:
        cell = _CONTROL.sub("\ufffd", cell)
        return neutralise(cell) if self.neutralise else cell

    def _flush(self) -> None:
        self.stream.write(self._buffer.getvalue().encode("utf-8"))
        self._buffer.seek(0)
        self._buffer.truncate()


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(
        Exporter(
            name="csv",
            factory=CsvWriter,
            extension=".csv",
            media_type="text/csv",
            description="CSV: one row per claim (-O table=articles|entities for the others)",
        )
    )
