"""The Parquet exporter: the CSV tables, typed, in row groups, read back as one dataset."""

from __future__ import annotations

import csv
import io
import runpy
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsld import Converter, Document, ExportOptions, ReadOptions, load_plugins
from newsld.cli import app
from newsld.testing import check_exporter, contract_documents
from newsld_plugins.csv_exporter import CsvWriter

pa = pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
pq = pytest.importorskip("pyarrow.parquet")

from newsld_plugins.parquet_exporter import parquet_writer  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "data"
TOY = runpy.run_path(str(DATA / "exporters" / "toy_plugins.py"))
PLUGINS = TOY["plugins"]()
CLAIM_TYPES = PLUGINS.registry.claim_types
EXAMPLE = DATA / "exporters" / "example-document.jsonld"
SEED = Path(__file__).resolve().parents[3] / "docs" / "examples" / "seed-trump-putin.txt"


def example() -> Document:
    return Converter(PLUGINS).convert(EXAMPLE.read_bytes(), ReadOptions(source=str(EXAMPLE)))


def export(*documents: Document, **options: str) -> pa.Table:
    stream = io.BytesIO()
    with parquet_writer(stream, ExportOptions(CLAIM_TYPES, options)) as writer:
        for document in documents:
            writer.write(document)
    return pq.read_table(io.BytesIO(stream.getvalue()))


def test_every_csv_column_is_a_parquet_column_in_the_same_order() -> None:
    for table in ("claims", "articles", "entities"):
        stream = io.BytesIO()
        CsvWriter(stream, ExportOptions(CLAIM_TYPES, {"table": table})).finish()
        header = next(csv.reader(io.StringIO(stream.getvalue().decode())))
        names = export(table=table).column_names
        assert [n for n in names if n in header] == header, table
        assert names[-1] == "source"


def test_columns_are_typed() -> None:
    schema = export(example()).schema
    assert schema.field("killedMin").type == pa.int64()
    assert schema.field("datePublished").type == pa.timestamp("us", tz="UTC")
    assert schema.field("date").type == pa.date32()
    assert schema.field("targets").type == pa.list_(pa.string())
    assert schema.field("evidenceStart").type == pa.list_(pa.int64())
    assert schema.field("confidence").type == pa.float64()


def test_a_plugin_claim_type_gets_typed_columns_with_no_change() -> None:
    schema = export().schema  # the toy `reading` claim type, unknown to the exporter
    assert schema.field("temperature").type == pa.float64()
    assert schema.field("rainfallMin").type == pa.int64()
    assert schema.field("instruments").type == pa.list_(pa.string())
    assert schema.field("verified").type == pa.bool_()
    assert (schema.field("station").type, schema.field("stationId").type) == (pa.string(),) * 2


def test_rows_carry_values_names_and_entity_ids() -> None:
    claims = export(example()).to_pylist()
    quote, sanction, casualty = claims
    entities = {e["entityId"]: e["name"] for e in export(example(), table="entities").to_pylist()}
    assert entities[quote["speakerId"]] == quote["speaker"] == "Karoline Leavitt"
    assert [entities[i] for i in sanction["targetIds"]] == sanction["targets"]
    assert sanction["targets"] and isinstance(sanction["targets"], list)
    assert casualty["killedMin"] == casualty["killedMax"] and isinstance(casualty["killedMin"], int)
    assert casualty["perpetrator"] == [entities[i] for i in casualty["perpetratorIds"]]
    assert entities[casualty["locationId"]] == casualty["place"]
    article = export(example(), table="articles").to_pylist()[0]
    assert article["datePublished"] == datetime(2025, 10, 23, tzinfo=UTC)
    assert isinstance(sanction["date"], date | None)
    assert {row["source"] for row in claims} == {str(EXAMPLE)}


def test_row_groups_are_written_as_documents_arrive() -> None:
    stream = io.BytesIO()
    writer = parquet_writer(stream, ExportOptions(CLAIM_TYPES, {"row_group_rows": "3"}))
    writer.start()
    writer.write(example())
    written = len(stream.getvalue())
    writer.write(example())
    assert len(stream.getvalue()) > written  # the first row group left memory at once
    writer.finish()
    assert pq.ParquetFile(io.BytesIO(stream.getvalue())).num_row_groups == 2


def test_exporter_keeps_the_contract() -> None:
    exporter = load_plugins(third_party=False).registry.exporters["parquet"]
    documents = contract_documents(CLAIM_TYPES)
    outputs = check_exporter(
        exporter, documents, CLAIM_TYPES, parse=lambda b: pq.read_table(io.BytesIO(b))
    )
    assert pq.read_table(io.BytesIO(outputs["all documents"])).num_rows == sum(
        len(d.claims) for d in documents
    )


def test_bad_options_are_usage_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["convert", str(SEED), "--to", "parquet", "-O", "table=rows"])
    assert result.exit_code == 2 and "table=rows: expected one of" in result.stderr


def test_a_folder_gets_a_dataset_pandas_and_duckdb_read_as_one(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    pages = sorted((DATA / "pages").glob("naeb-*.html"))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["convert", str(SEED), *map(str, pages), "--to", "parquet",
                                      "-o", f"{out}/"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["articles", "claims", "entities"]
    articles = pandas.read_parquet(out / "articles")
    assert len(articles) == 1 + len(pages)
    claims = duckdb.sql(f"select * from read_parquet('{out}/claims/*.parquet')").df()
    joined = duckdb.sql(
        f"select c.speaker, e.name from read_parquet('{out}/claims/*.parquet') c "
        f"join read_parquet('{out}/entities/*.parquet') e "
        "on c.articleId = e.articleId and c.speakerId = e.entityId"
    ).fetchall()
    assert len(joined) == claims["speakerId"].notna().sum() > 0
    assert all(speaker == name for speaker, name in joined)
