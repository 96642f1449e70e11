"""The typed columns of the Parquet tables: the CSV tables' columns, with an Arrow type each.

The layout is `newsld_plugins.tables`, the one CSV writes: the same columns
in the same order, with the entity ids beside each reference and `source`
at the end of every table. Here each kind gets its Arrow type: counts'
bounds are integers, the article's dates timestamps in UTC, a claim's `date`
a calendar date, references to several entities lists. A value that does
not fit its column's type is left null.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pyarrow as pa

from newsld.registry import ClaimType
from newsld_plugins import tables
from newsld_plugins.tables import Row

__all__ = ["Column", "Row", "columns_for"]

TIMESTAMP = pa.timestamp("us", tz="UTC")


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


def _integers(value: Any) -> list[int | None] | None:
    return [_integer(v) for v in value] if isinstance(value, list) else None


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


#: Each kind of column: its Arrow type, and how a JSON value becomes a value of it.
KINDS: dict[str, tuple[pa.DataType, Callable[[Any], Any]]] = {
    "text": (pa.string(), _text),
    "texts": (pa.list_(pa.string()), _texts),
    "integer": (pa.int64(), _integer),
    "integers": (pa.list_(pa.int64()), _integers),
    "number": (pa.float64(), _number),
    "boolean": (pa.bool_(), _boolean),
    "timestamp": (TIMESTAMP, _timestamp),
    "day": (pa.date32(), _day),
}


def _typed(column: tables.Column) -> Column:
    kind, convert = KINDS[column.kind]
    cell = column.cell
    return Column(column.name, kind, lambda row: _maybe(convert, cell(row)))


def _maybe(convert: Callable[[Any], Any], value: Any) -> Any:
    return None if value is None else convert(value)


def columns_for(table: str, claim_types: Mapping[str, ClaimType]) -> list[Column]:
    """The typed columns of one table: `claims`, `articles` or `entities`."""
    return [_typed(column) for column in tables.columns_for(table, claim_types)]
