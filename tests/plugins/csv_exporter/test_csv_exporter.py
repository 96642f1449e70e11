"""The CSV exporter: one row per claim, joinable tables, RFC 4180, formula neutralising."""

from __future__ import annotations

import csv
import io
import json
import re
import runpy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsld import Claim, Converter, Document, Evidence, ExportOptions, ReadOptions
from newsld.testing import check_exporter, contract_documents
from newsld_plugins.csv_exporter import CsvWriter

DATA = Path(__file__).resolve().parents[2] / "data"
TOY = runpy.run_path(str(DATA / "exporters" / "toy_plugins.py"))
PLUGINS = TOY["plugins"]()
CLAIM_TYPES = PLUGINS.registry.claim_types
EXAMPLE = DATA / "exporters" / "example-document.jsonld"
ISSUE_COLUMNS = [
    "articleId", "url", "headline", "datePublished", "claimId", "claimType", "text",
    "speaker", "speakerRole", "speakerId", "date", "place", "locationId", "killedMin",
    "killedMax", "injuredMin", "injuredMax", "authority", "authorityIds", "targets",
    "targetIds", "targetCountry", "targetCountryIds", "action", "evidenceStart",
    "evidenceEnd", "confidence", "extractor",
]  # fmt: skip


def export(*documents: Document, **options: str) -> bytes:
    stream = io.BytesIO()
    with CsvWriter(stream, ExportOptions(CLAIM_TYPES, options)) as writer:
        for document in documents:
            writer.write(document)
    return stream.getvalue()


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def example() -> Document:
    return Converter(PLUGINS).convert(EXAMPLE.read_bytes(), ReadOptions(source=str(EXAMPLE)))


def convert(text: str) -> Document:
    return Converter(PLUGINS).convert(text.encode(), ReadOptions(source="a.txt"))


def test_one_row_per_claim_with_the_columns_analysts_expect() -> None:
    table = rows(export(example()))
    assert list(table[0])[: len(ISSUE_COLUMNS)] == ISSUE_COLUMNS
    quote, sanction, casualty = table
    assert (quote["speaker"], quote["speakerRole"]) == (
        "Karoline Leavitt",
        "White House Press Secretary",
    )
    assert quote["date"] == "2025-10-23" and quote["quoteKind"] == "direct"
    assert sanction["authority"] == "United States"
    assert sanction["targets"] == "Rosneft; Lukoil"
    assert sanction["targetCountry"] == "Russia" and sanction["action"] == "impose"
    assert sanction["measure"] == "full blocking sanctions"
    assert (casualty["killedMin"], casualty["killedMax"]) == ("6", "6")
    assert (casualty["injuredMin"], casualty["injuredMax"]) == ("44", "")
    assert casualty["place"] == "Ukraine" and casualty["perpetrator"] == "Russia"
    assert casualty["weapon"] == "missile; drone"
    assert (casualty["evidenceStart"], casualty["evidenceEnd"]) == ("2077", "2118")


def test_plugin_claim_type_fields_follow_in_registry_order() -> None:
    header = next(csv.reader(io.StringIO(export().decode())))
    extras = header[len(ISSUE_COLUMNS) :]
    assert extras[:5] == ["perpetrator", "perpetratorIds", "weapon", "quoteKind", "temperature"]
    assert header[-2:] == ["otherFields", "source"]


def test_header_even_without_rows_and_rfc4180_line_ends() -> None:
    data = export()
    assert data.endswith(b"\r\n") and data.count(b"\r\n") == 1
    assert rows(data) == []


def test_bom_only_when_asked() -> None:
    assert export(bom="yes").startswith("\ufeff".encode())
    assert not export().startswith("\ufeff".encode())


def test_formula_cells_are_neutralised_unless_turned_off() -> None:
    document = convert('"=HYPERLINK(evil) is a formula here," said Ann Lee.\n')
    document.claims.append(Claim("quote", "@SUM(A1:A9)", [Evidence(0, 3)], 0.5, "x"))
    texts = [row["text"] for row in rows(export(document))]
    assert texts == ["'=HYPERLINK(evil) is a formula here", "'@SUM(A1:A9)"]
    plain = [row["text"] for row in rows(export(document, neutralise="no"))]
    assert plain == ["=HYPERLINK(evil) is a formula here", "@SUM(A1:A9)"]


def test_articles_and_entities_tables_join_on_article_id() -> None:
    document = example()
    articles = rows(export(document, table="articles"))
    entities = rows(export(document, table="entities"))
    claims = rows(export(document))
    assert len(articles) == 1 and articles[0]["claimCount"] == "3"
    assert articles[0]["articleBody"] == document.article.body
    assert (
        {e["articleId"] for e in entities}
        == {c["articleId"] for c in claims}
        == {articles[0]["articleId"]}
    )
    leavitt = next(e for e in entities if e["name"] == "Karoline Leavitt")
    assert leavitt["alternateName"] == "Leavitt" and leavitt["type"] == "Person"


def test_unknown_table_is_refused() -> None:
    with pytest.raises(ValueError, match="table=people"):
        export(table="people")


def test_claims_of_an_unregistered_type_keep_their_fields() -> None:
    document = example()
    document.claims[0].claim_type = "rumour"
    document.claims[0].properties = {"source": "a friend"}
    assert rows(export(document))[0]["otherFields"] == '{"source":"a friend"}'


def test_many_documents_stream_one_after_another() -> None:
    stream = io.BytesIO()
    writer = CsvWriter(stream, ExportOptions(CLAIM_TYPES))
    writer.start()
    writer.write(example())
    assert len(rows(stream.getvalue())) == 3
    writer.write(example())
    writer.finish()
    assert len(rows(stream.getvalue())) == 6


def test_exporter_keeps_the_contract() -> None:
    exporter = PLUGINS.registry.exporters["csv"]
    documents = contract_documents(CLAIM_TYPES)
    outputs = check_exporter(exporter, documents, CLAIM_TYPES, parse=rows)
    assert len(rows(outputs["all documents"])) == sum(len(d.claims) for d in documents)


@settings(max_examples=80, deadline=None)
@given(st.text(), st.booleans())
def test_any_claim_text_comes_back_from_the_csv(text: str, neutralise: bool) -> None:
    document = example()
    document.claims[0].text = text
    cell = rows(export(document, neutralise="yes" if neutralise else "no"))[0]["text"]
    # NUL and the other C0 controls never reach a cell (tab, newline and CR do).
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", text)
    formula = neutralise and text.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell == ("'" + text if formula else text)


def test_seed_article_to_csv_from_the_command_line(cli: Any, seed_path: Path) -> None:
    result = cli("convert", str(seed_path), "--to", "csv")
    assert result.exit_code == 0, result.stderr
    table = rows(result.stdout_bytes)
    jsonld = cli("convert", str(seed_path), "--to", "jsonld")
    assert len(table) == len(json.loads(jsonld.stdout)["hasPart"])
    assert list(table[0])[: len(ISSUE_COLUMNS)] == ISSUE_COLUMNS
