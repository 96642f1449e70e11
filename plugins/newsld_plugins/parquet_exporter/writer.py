"""The Parquet writer: one table's rows, gathered into row groups as documents arrive.

Rows wait in column buffers until a row group is full (by rows or by bytes of
text), then go to the file as one row group and are forgotten: memory stays
that of one row group, whatever the number of documents. A file with no rows
still has the table's schema, so every part of a dataset reads the same.
"""

from __future__ import annotations

from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsld.export import DocumentWriter, ExportOptions
from newsld.jsonld import to_jsonld
from newsld.model import Document
from newsld_plugins.parquet_exporter.columns import Column, columns_for
from newsld_plugins.tables import rows

__all__ = ["ParquetWriter"]

TABLES = ("claims", "articles", "entities")
COMPRESSIONS = ("zstd", "snappy", "gzip", "none")
#: A row group is written when it holds this many rows...
ROW_GROUP_ROWS = 20_000
#: ...or this many characters of text (article bodies are long).
ROW_GROUP_CHARS = 16 * 2**20


class ParquetWriter(DocumentWriter):
    """Writes one table (`-O table=claims|articles|entities`) of every document."""

    def __init__(self, stream: IO[bytes], options: ExportOptions) -> None:
        super().__init__(stream, options)
        self.table = options.options.get("table", "claims").strip().lower()
        if self.table not in TABLES:
            raise ValueError(f"-O table={self.table}: expected one of {', '.join(TABLES)}")
        self.compression = options.options.get("compression", "zstd").strip().lower()
        if self.compression not in COMPRESSIONS:
            raise ValueError(
                f"-O compression={self.compression}: expected one of {', '.join(COMPRESSIONS)}"
            )
        self.rows_per_group = _positive(options.options.get("row_group_rows", str(ROW_GROUP_ROWS)))
        self.columns: list[Column] = columns_for(self.table, options.claim_types)
        self.schema = pa.schema([pa.field(c.name, c.type) for c in self.columns])
        self._buffer: list[list[Any]] = [[] for _ in self.columns]
        self._rows = self._chars = 0
        self._file: pq.ParquetWriter | None = None

    def start(self) -> None:
        if self._file is None:
            self._file = pq.ParquetWriter(
                self.stream, self.schema, compression=self.compression, write_statistics=True
            )

    def write(self, document: Document) -> None:
        self.start()
        article = to_jsonld(document, self.options.claim_types)
        article.setdefault("source", document.article.source or None)
        for row in rows(article, self.table):
            for cells, column in zip(self._buffer, self.columns, strict=True):
                value = column.cell(row)
                cells.append(value)
                if isinstance(value, str):
                    self._chars += len(value)
            self._rows += 1
        self.count += 1
        if self._rows >= self.rows_per_group or self._chars >= ROW_GROUP_CHARS:
            self._flush()

    def finish(self) -> None:
        self.start()
        self._flush()
        assert self._file is not None
        self._file.close()
        self.stream.flush()

    def _flush(self) -> None:
        if not self._rows or self._file is None:
            return
        arrays = {c.name: cells for c, cells in zip(self.columns, self._buffer, strict=True)}
        self._file.write_table(pa.Table.from_pydict(arrays, schema=self.schema))
        self._buffer = [[] for _ in self.columns]
        self._rows = self._chars = 0


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise ValueError(f"-O row_group_rows={value}: expected a whole number above 0")
    return number
