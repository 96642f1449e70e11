"""Reading newsld's own JSON-LD and XML back: same document, no extraction."""

from __future__ import annotations

import io
import json
import runpy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from newsld import Converter, Document, ExportOptions, InputError, ReadOptions
from newsld.jsonld import to_jsonld
from newsld.testing import check_exporter, contract_documents

DATA = Path(__file__).resolve().parents[2] / "data"
TOY = runpy.run_path(str(DATA / "exporters" / "toy_plugins.py"))
STRATEGIES = runpy.run_path(str(DATA / "exporters" / "strategies.py"))
PLUGINS = TOY["plugins"]()
CLAIM_TYPES = PLUGINS.registry.claim_types
EXAMPLE = DATA / "exporters" / "example-document.jsonld"
CONVERTER = Converter(PLUGINS)


def export(document: Document, fmt: str) -> bytes:
    stream = io.BytesIO()
    with PLUGINS.registry.exporters[fmt].factory(stream, ExportOptions(CLAIM_TYPES)) as writer:
        writer.write(document)
    return stream.getvalue()


def read(data: bytes, source: str) -> Document:
    return CONVERTER.convert(data, ReadOptions(source=source))


def jsonld_of(document: Document) -> dict[str, Any]:
    return json.loads(json.dumps(to_jsonld(document, CLAIM_TYPES)))


def test_jsonld_to_xml_to_jsonld_returns_the_same_document() -> None:
    first = read(EXAMPLE.read_bytes(), "example.jsonld")
    xml = export(first, "xml")
    again = read(export(read(xml, "example.xml"), "jsonld"), "again.jsonld")
    assert jsonld_of(again) == jsonld_of(first)
    assert jsonld_of(first)["hasPart"][2]["killed"] == {
        "@type": "QuantitativeValue",
        "minValue": 6,
        "maxValue": 6,
    }


def test_reading_back_runs_no_extractor() -> None:
    document = read(EXAMPLE.read_bytes(), "example.jsonld")
    # The toy quote extractor would find quotes in this body; the claims are the file's own.
    assert [c.extractor for c in document.claims] == ["quotes", "sanctions", "casualties"]
    assert document.claims[0].id == "#claim-1"


def test_formats_are_sniffed_without_an_extension() -> None:
    xml = export(read(EXAMPLE.read_bytes(), "a.jsonld"), "xml")
    assert CONVERTER.reader_for(xml, "<stdin>").name == "xml"
    assert CONVERTER.reader_for(EXAMPLE.read_bytes(), "<stdin>").name == "jsonld"


def test_command_line_converts_between_own_formats(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "doc.jsonld"
    source.write_bytes(EXAMPLE.read_bytes())
    assert (
        cli("convert", str(source), "--to", "xml", "-o", str(tmp_path / "doc.xml")).exit_code == 0
    )
    result = cli("convert", str(tmp_path / "doc.xml"), "--to", "jsonld")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["hasPart"][1]["measure"] == "full blocking sanctions"


@pytest.mark.parametrize(
    ("data", "source", "problem"),
    [
        (b'{"@type": "NewsArticle"}', "a.jsonld", "not a newsld document"),
        (b"{broken", "a.jsonld", "not JSON"),
        (b'{"@type":"NewsArticle"}\n{"@type":"NewsArticle"}\n', "a.jsonld", "2 JSON lines"),
        (b"<documents xmlns='https://w3id.org/newsld/xml/1'/>", "a.xml", "holds 0 documents"),
        (
            b"<documents xmlns='https://w3id.org/newsld/xml/1'><x/></documents>",
            "a.xml",
            "not newsld XML",
        ),
        (b"<documents", "a.xml", "not well-formed"),
    ],
)
def test_bad_input_is_one_clear_error(data: bytes, source: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        read(data, source)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STRATEGIES["documents"](CLAIM_TYPES))
def test_jsonld_and_xml_round_trips_are_lossless(document: Document) -> None:
    document.article.source = "pages/story.html"  # the input it came from travels with it
    from_jsonld = read(export(document, "jsonld"), "d.jsonld")
    from_xml = read(export(from_jsonld, "xml"), "d.xml")
    assert jsonld_of(from_jsonld) == jsonld_of(document)
    assert jsonld_of(from_xml) == jsonld_of(document)


def parse_json_documents(data: bytes) -> list[Any]:
    """One pretty-printed document, or JSON Lines of several."""
    text = data.decode("utf-8")
    try:
        return [json.loads(text)] if text.strip() else []
    except ValueError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_jsonld_exporter_keeps_the_contract() -> None:
    documents = contract_documents(CLAIM_TYPES)
    exporter = PLUGINS.registry.exporters["jsonld"]
    outputs = check_exporter(exporter, documents, CLAIM_TYPES, parse=parse_json_documents)
    back = parse_json_documents(outputs["all documents"])
    assert [d["@id"] for d in back] == [d.id for d in documents]
    assert back[3]["articleBody"] == documents[3].article.body
