"""An arrest claim in JSON-LD, XML and CSV: written by newsld's own exporters, unchanged."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from lxml import etree
from newsld import Document
from newsld.cli import app
from newsld.plugins import Plugins
from newsld.testing import (
    assert_valid_document,
    assert_valid_xml,
    convert_text,
    export_document,
)
from typer.testing import CliRunner

TEXT = "Police arrested 12 people in Gdańsk on Monday.\n"
XML = {"n": "https://w3id.org/newsld/xml/1"}


@pytest.fixture
def plugins(newsld_plugins: Callable[..., Plugins]) -> Plugins:
    return newsld_plugins("arrests")


@pytest.fixture
def document(plugins: Plugins) -> Document:
    document = convert_text(TEXT, plugins=plugins, only=["arrests"], published="2025-10-22")
    assert document.errors == []
    return document


def test_jsonld_is_valid_and_defines_the_plugins_terms(
    plugins: Plugins, document: Document
) -> None:
    node = assert_valid_document(document, plugins)
    [claim] = node["hasPart"]
    assert claim["claimType"] == "arrest"
    assert claim["arrested"] == {"@type": "QuantitativeValue", "minValue": 12, "maxValue": 12}
    assert claim["arrestDate"] == "2025-10-20"
    places = {m["@id"]: m["name"] for m in node["mentions"]}
    assert places[claim["arrestLocation"]["@id"]] == "Gdańsk"
    assert places[claim["arrestingAuthority"]["@id"]] == "Police"
    terms = node["@context"][1]
    assert terms["arr"] == "https://example.org/newsld-arrests#"
    assert terms["arrestLocation"] == {"@id": "arr:arrestLocation", "@type": "@id"}


def test_xml_is_valid_against_newsld_xsd(plugins: Plugins, document: Document) -> None:
    root = assert_valid_xml(export_document(document, "xml", plugins))
    [claim] = root.findall(".//n:claim[@claimType='arrest']", XML)
    quantity = claim.find("n:field[@name='arrested']/n:quantity", XML)
    assert quantity is not None and quantity.attrib == {"minValue": "12", "maxValue": "12"}
    assert claim.findtext("n:field[@name='arrestDate']/n:string", namespaces=XML) == "2025-10-20"
    place_id = claim.find("n:field[@name='arrestLocation']/n:ref", XML).get("id")
    assert root.findtext(f".//n:entity[@id='{place_id}']/n:name", namespaces=XML) == "Gdańsk"


def test_xml_is_valid_against_the_xsd_newsld_serves(plugins: Plugins, document: Document) -> None:
    served = CliRunner().invoke(app, ["schema", "--xsd"]).stdout.encode("utf-8")
    xsd = etree.XMLSchema(etree.fromstring(served))
    xsd.assertValid(etree.fromstring(export_document(document, "xml", plugins)))


def test_csv_has_the_plugins_fields_as_columns(plugins: Plugins, document: Document) -> None:
    data = export_document(document, "csv", plugins).decode("utf-8")
    [row] = csv.DictReader(io.StringIO(data))
    assert row["claimType"] == "arrest"
    assert (row["arrestedMin"], row["arrestedMax"]) == ("12", "12")
    assert row["arrestLocation"] == "Gdańsk"
    assert row["arrestDate"] == "2025-10-20"
    assert row["arrestingAuthority"] == "Police"
    assert row["text"] == TEXT.strip()
