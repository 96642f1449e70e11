"""The Parquet exporter: the CSV tables, typed, for pandas, polars, DuckDB and Spark.

`--to parquet -o out/` writes a dataset: `out/claims/`, `out/articles/` and
`out/entities/`, each a folder of parts that read as one table
(`pandas.read_parquet("out/claims")`, DuckDB `read_parquet('out/claims/*.parquet')`).
`-o claims.parquet` writes one table to one file (`-O table=articles|entities`
for the others). Writing needs pyarrow (the `parquet` extra); the plugin
registers without it, and `--to parquet` then says what to install.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from newsld import hookimpl
from newsld.export import DocumentWriter, ExportOptions
from newsld.registry import Exporter

__all__ = ["EXTRA_MISSING", "TABLES", "parquet_writer"]

TABLES = ("claims", "articles", "entities")
EXTRA_MISSING = "writing Parquet needs pyarrow: pip install 'newsld[parquet]'"


def parquet_writer(stream: IO[bytes], options: ExportOptions) -> DocumentWriter:
    """A `ParquetWriter`, or a `ValueError` naming the extra when pyarrow is missing."""
    try:
        from newsld_plugins.parquet_exporter.writer import ParquetWriter
    except ImportError:
        raise ValueError(EXTRA_MISSING) from None
    return ParquetWriter(stream, options)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(
        Exporter(
            name="parquet",
            factory=parquet_writer,
            extension=".parquet",
            media_type="application/vnd.apache.parquet",
            description="Parquet: claims, articles and entities tables, typed (-o DIR/: a dataset)",
            dataset_tables=TABLES,
        )
    )
