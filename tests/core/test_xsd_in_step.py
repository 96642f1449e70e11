"""schemas/newsld.xsd stays in step with schemas/document.schema.json."""

from __future__ import annotations

from typing import Any

from lxml import etree

from newsld.schema import document_schema, schemas_dir
from newsld.xmlvocab import DOCUMENT_LAYOUT

XS = {"xs": "http://www.w3.org/2001/XMLSchema"}
XSD = etree.parse(str(schemas_dir() / "newsld.xsd"))
SCHEMA = document_schema()
DEFS = SCHEMA["$defs"]
HEADER = {"@context", "@type", "@id"}


def complex_type(name: str) -> Any:
    found = XSD.find(f"xs:complexType[@name='{name}']", XS)
    assert found is not None, name
    return found


def elements(type_name: str) -> dict[str, bool]:
    """Child element name → whether it is required, in XSD order."""
    sequence = complex_type(type_name).find("xs:sequence", XS)
    return {
        e.get("name"): e.get("minOccurs", "1") != "0" for e in sequence.findall("xs:element", XS)
    }


def attributes(type_name: str) -> dict[str, bool]:
    found = complex_type(type_name).findall("xs:attribute", XS)
    return {a.get("name"): a.get("use") == "required" for a in found}


def test_every_document_key_has_its_element_in_layout_order() -> None:
    layout = {key: name for key, name, _ in DOCUMENT_LAYOUT}
    assert set(SCHEMA["properties"]) - HEADER == set(layout)
    xsd = elements("Document")
    assert [n for n in xsd if n != "field"] == [name for _, name, _ in DOCUMENT_LAYOUT]
    required = {layout[k] for k in SCHEMA["required"] if k not in HEADER}
    assert {n for n, needed in xsd.items() if needed} == required
    assert attributes("Document") == {"id": True}


def test_entities_claims_and_agents_match() -> None:
    entity = set(DEFS["entity"]["properties"]) - {"@id", "@type"}
    # url and sameAs are written as generic fields.
    assert set(elements("Entity")) == entity - {"url", "sameAs"} | {"field"}
    assert attributes("Entity") == {"id": True, "type": True}
    claim = DEFS["claim"]
    assert set(elements("Claim")) - {"field"} == set(claim["properties"]) - {
        "@id",
        "@type",
        "claimType",
    }
    assert attributes("Claim") == {"id": True, "type": True, "claimType": True}
    assert set(elements("Agent")) == set(DEFS["agent"]["properties"]) - {"@type"}
    enum = XSD.findall(".//xs:complexType[@name='Agent']//xs:enumeration", XS)
    assert [e.get("value") for e in enum] == DEFS["agent"]["properties"]["@type"]["enum"]


def test_patterns_and_bounds_match() -> None:
    date_time = XSD.find("xs:simpleType[@name='DateTime']//xs:pattern", XS).get("value")
    assert "^" + date_time.replace("\\-", "-") + "$" == DEFS["dateTime"]["pattern"]
    claim_type = XSD.find(".//xs:attribute[@name='claimType']//xs:pattern", XS).get("value")
    assert (
        "^" + claim_type.replace("\\-", "-") + "$"
        == DEFS["claim"]["properties"]["claimType"]["pattern"]
    )
    evidence = XSD.findall(".//xs:element[@name='evidence']//xs:attribute", XS)
    assert {a.get("name") for a in evidence} == set(DEFS["evidence"]["required"])
    quantity = XSD.findall(".//xs:element[@name='quantity']//xs:attribute", XS)
    assert {a.get("name") for a in quantity} == set(DEFS["quantity"]["properties"]) - {"@type"}
