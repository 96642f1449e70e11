"""The CSV exporter: one row per claim (or per article, or per entity), streamed.

The tables are those of `newsld_plugins.tables`, which Parquet writes too:
the same columns in the same order (a claim type a plugin registers gets its
own columns with no change here). Entity references are written as names
and as ids beside them (`speaker`, `speakerId`; several joined with "; ");
counts as their bounds (`killedMin`, `killedMax`); every table ends with
`source`.

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
from collections.abc import Callable, Mapping
from typing import IO, Any

from newsld import hookimpl
from newsld.export import DocumentWriter, ExportOptions
from newsld.jsonld import to_jsonld
from newsld.model import Document
from newsld.registry import Exporter
from newsld_plugins.tables import TABLES, Column, Row, columns_for, entity_ids, rows

__all__ = ["CsvWriter", "cell_text"]

#: Where several values share a cell.
JOIN = "; "
#: Leading characters a spreadsheet would run as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plain(row: Row, value: Any) -> Any:
    """A value as one cell: references as names, lists joined, objects as JSON."""
    if value is None:
        return None
    if isinstance(value, list):
        return JOIN.join(str(_plain(row, v)) for v in value if v is not None)
    if isinstance(value, Mapping):
        if set(value) == {"@id"}:
            return JOIN.join(str(row.entities.get(i, {}).get("name", i)) for i in entity_ids(value))
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def cell_text(column: Column, row: Row) -> Any:
    """The cell of `column` in `row` as CSV writes it (a number stays a number)."""
    return _plain(row, column.cell(row))


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
        return columns_for(self.table, self.options.claim_types)

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
        article.setdefault("source", document.article.source or None)
        for row in rows(article, self.table):
            self._row([cell_text(column, row) for column in self.columns])
        self._flush()
        self.count += 1

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
