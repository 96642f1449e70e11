"""The XML exporter: valid against newsld.xsd, many documents in one root, lossless."""

from __future__ import annotations

import io
import json
import runpy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from newsld import Claim, Converter, Document, Evidence, ExportOptions, ReadOptions
from newsld.jsonld import to_jsonld
from newsld.schema import schemas_dir
from newsld.testing import check_exporter, contract_documents
from newsld_plugins.own_formats import read_xml_document
from newsld_plugins.xml_exporter import XmlWriter

DATA = Path(__file__).resolve().parents[2] / "data"
TOY = runpy.run_path(str(DATA / "exporters" / "toy_plugins.py"))
STRATEGIES = runpy.run_path(str(DATA / "exporters" / "strategies.py"))
NS = {"n": "https://w3id.org/newsld/xml/1"}
PLUGINS = TOY["plugins"]()
CLAIM_TYPES = PLUGINS.registry.claim_types
XSD = etree.XMLSchema(etree.parse(str(schemas_dir() / "newsld.xsd")))


def export(*documents: Document) -> bytes:
    stream = io.BytesIO()
    with XmlWriter(stream, ExportOptions(CLAIM_TYPES)) as writer:
        for document in documents:
            writer.write(document)
    return stream.getvalue()


def valid(data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    XSD.assertValid(root)
    return root


def read_back(data: bytes) -> dict[str, Any]:
    document = read_xml_document(data, ReadOptions(source="<memory>"))
    return json_of(document)


def json_of(document: Document) -> dict[str, Any]:
    return json.loads(json.dumps(to_jsonld(document, CLAIM_TYPES)))


def convert(text: str) -> Document:
    return Converter(PLUGINS).convert(text.encode(), ReadOptions(source="a.txt"))


ARTICLE = (
    "Heat in the port\n\n"
    '"The harbour has never been this warm," said Lena Park. '
    "The gauge read 31.5 degrees Celsius at Harbour station on Monday.\n"
)


def test_seed_article_validates_against_the_served_xsd(cli: Any, seed_path: Path) -> None:
    result = cli("convert", str(seed_path), "--to", "xml")
    assert result.exit_code == 0, result.stderr
    xsd = cli("schema", "--xsd")
    schema = etree.XMLSchema(etree.fromstring(xsd.stdout.encode()))
    root = etree.fromstring(result.stdout_bytes)
    schema.assertValid(root)
    assert [etree.QName(c).localname for c in root] == ["document"]


def test_many_documents_go_into_one_root() -> None:
    root = valid(export(convert(ARTICLE), convert("Calm\n\nNothing said.\n"), convert(ARTICLE)))
    assert etree.QName(root).localname == "documents"
    assert len(root.findall("n:document", NS)) == 3


def test_no_documents_is_an_empty_valid_root() -> None:
    root = valid(export())
    assert len(root) == 0


def test_claims_carry_their_fields_as_typed_values() -> None:
    root = valid(export(convert(ARTICLE)))
    quote, reading = root.findall(".//n:claim", NS)
    assert quote.get("claimType") == "quote"
    assert quote.findtext("n:text", namespaces=NS) == "The harbour has never been this warm"
    speaker = quote.find("n:field[@name='spokenByCharacter']/n:ref", NS)
    assert speaker is not None
    entity = root.find(f".//n:entity[@id='{speaker.get('id')}']", NS)
    assert entity is not None and entity.findtext("n:name", namespaces=NS) == "Lena Park"
    assert reading.findtext("n:field[@name='temperature']/n:number", namespaces=NS) == "31.5"
    rainfall = reading.find("n:field[@name='rainfall']/n:quantity", NS)
    assert (
        rainfall is not None
        and rainfall.get("minValue") == "2"
        and rainfall.get("maxValue") is None
    )
    assert (
        reading.findall("n:field[@name='instruments']/n:list/n:string", NS)[1].text == "barometer"
    )


def test_element_names_never_come_from_data() -> None:
    document = convert(ARTICLE)
    document.claims[0].properties["<script> & x"] = {"a b": [1, "two"]}
    root = valid(export(document))
    names = {etree.QName(e).localname for e in root.iter()}
    assert not any("script" in n or " " in n for n in names)
    field = root.find(".//n:field[@name='<script> & x']", NS)
    assert field is not None


def test_control_characters_survive_the_round_trip() -> None:
    document = convert(ARTICLE)
    document.claims[0].text = "bell\x07 nul\x00 back\\slash \ufffe"
    data = export(document)
    valid(data)
    assert b'escaped="true"' in data
    assert read_back(data) == json_of(document)


def test_each_document_is_written_as_it_comes() -> None:
    stream = io.BytesIO()
    writer = XmlWriter(stream, ExportOptions(CLAIM_TYPES))
    writer.start()
    writer.write(convert(ARTICLE))
    assert stream.getvalue().count(b"</document>") == 1
    writer.finish()
    assert stream.getvalue().rstrip().endswith(b"</documents>")


def test_exporter_keeps_the_contract() -> None:
    exporter = PLUGINS.registry.exporters["xml"]
    outputs = check_exporter(exporter, contract_documents(CLAIM_TYPES), CLAIM_TYPES, parse=valid)
    assert len(valid(outputs["all documents"])) == 4


def test_rejects_a_document_with_unwritable_values() -> None:
    document = Document("urn:x#article", convert(ARTICLE).article)
    document.claims = [Claim("quote", "x", [Evidence(0, 1)], properties={"bad": object()})]
    with pytest.raises(TypeError, match="cannot write object"):
        export(document)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STRATEGIES["documents"](CLAIM_TYPES))
def test_export_then_read_back_is_lossless(document: Document) -> None:
    data = export(document)
    valid(data)
    assert read_back(data) == json_of(document)
