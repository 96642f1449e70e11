"""A third party's claim type exports to XML and CSV with no change to either exporter."""

from __future__ import annotations

import csv
import io
import runpy
from pathlib import Path

from lxml import etree

from newsld import Converter, Document, ExportOptions, ReadOptions, load_plugins
from newsld.plugins import Plugins
from newsld.schema import schemas_dir

DATA = Path(__file__).resolve().parents[1] / "data"
TOY = runpy.run_path(str(DATA / "exporters" / "toy_plugins.py"))
NS = {"n": "https://w3id.org/newsld/xml/1"}
ARTICLE = b"Heat\n\nThe gauge read 31.5 degrees Celsius at Harbour station on Monday.\n"


def setup() -> tuple[Plugins, Document]:
    plugins = load_plugins(third_party=False, extra=[("toy", TOY["toy_module"]())])
    document = Converter(plugins).convert(ARTICLE, ReadOptions(source="a.txt"))
    return plugins, document


def export(plugins: Plugins, fmt: str, document: Document) -> bytes:
    stream = io.BytesIO()
    options = ExportOptions(plugins.registry.claim_types)
    with plugins.registry.exporters[fmt].factory(stream, options) as writer:
        writer.write(document)
    return stream.getvalue()


def test_toy_claims_export_to_valid_xml() -> None:
    plugins, document = setup()
    root = etree.fromstring(export(plugins, "xml", document))
    etree.XMLSchema(etree.parse(str(schemas_dir() / "newsld.xsd"))).assertValid(root)
    claim = root.find(".//n:claim[@claimType='reading']", NS)
    assert claim is not None
    assert claim.findtext("n:field[@name='temperature']/n:number", namespaces=NS) == "31.5"
    assert claim.find("n:field[@name='verified']/n:boolean", NS).text == "true"


def test_toy_fields_become_csv_columns() -> None:
    plugins, document = setup()
    table = list(csv.DictReader(io.StringIO(export(plugins, "csv", document).decode())))
    reading = next(row for row in table if row["claimType"] == "reading")
    assert reading["temperature"] == "31.5" and reading["unit"] == "C"
    assert reading["station"] == "Harbour"
    assert (reading["rainfallMin"], reading["rainfallMax"]) == ("2", "")
    assert reading["instruments"] == "thermometer; barometer"
    assert reading["verified"] == "true"
    assert reading["otherFields"] == ""
