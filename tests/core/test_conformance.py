"""JSON-LD conformance of every document these tests produce (schema.org 30.0, pyld offline).

The schema.org files in tests/data/vocab are CC BY-SA 3.0 (see the README there).
"""

from __future__ import annotations

import copy
import json
import runpy
from pathlib import Path
from typing import Any

import pytest

from newsld import Converter, Document, ReadOptions, load_plugins
from newsld.jsonld import to_jsonld
from newsld.testing import contract_documents
from newsld.testing.conformance import NLD, SchemaOrg, check_conformance

DATA = Path(__file__).resolve().parents[1] / "data"
VOCAB = DATA / "vocab"
SCHEMA_ORG = SchemaOrg.load(
    VOCAB / "schemaorg-30.0-current-https.jsonld", VOCAB / "schemaorg-30.0-context.jsonld"
)
TOY = runpy.run_path(str(DATA / "exporters" / "toy_plugins.py"))
VOCABULARIES = (NLD, TOY["TOY_VOCABULARY"])
EXAMPLE = json.loads((DATA / "exporters" / "example-document.jsonld").read_text(encoding="utf-8"))
ARTICLE = (
    "Heat in the port\n\n"
    '"The harbour has never been this warm," said Lena Park. '
    "The gauge read 31.5 degrees Celsius at Harbour station on Monday.\n"
)


def as_json(document: Document, converter: Converter) -> dict[str, Any]:
    return json.loads(json.dumps(converter.to_jsonld(document)))


def toy_documents() -> list[dict[str, Any]]:
    converter = Converter(TOY["plugins"]())
    claim_types = converter.registry.claim_types
    built = [converter.convert(ARTICLE.encode(), ReadOptions(source="a.txt"))]
    built.append(converter.convert(json.dumps(EXAMPLE).encode(), ReadOptions(source="e.jsonld")))
    built += contract_documents(claim_types)
    return [json.loads(json.dumps(to_jsonld(d, claim_types))) for d in built]


def installed_documents() -> list[dict[str, Any]]:
    """The seed article and the test article through whatever built-in plugins are installed."""
    converter = Converter(load_plugins(third_party=False))
    seed = (
        Path(__file__).resolve().parents[2] / "docs" / "examples" / "seed-trump-putin.txt"
    ).read_bytes()
    inputs = [seed, ARTICLE.encode()]
    return [as_json(converter.convert(i, ReadOptions(source="a.txt")), converter) for i in inputs]


@pytest.mark.parametrize("document", [EXAMPLE, *toy_documents()], ids=lambda d: d["@id"])
def test_documents_with_the_toy_claim_type_conform(document: dict[str, Any]) -> None:
    assert check_conformance(document, SCHEMA_ORG, vocabularies=VOCABULARIES) == []


@pytest.mark.parametrize("document", installed_documents(), ids=lambda d: d["@id"])
def test_documents_of_the_installed_plugins_conform(document: dict[str, Any]) -> None:
    assert check_conformance(document, SCHEMA_ORG) == []


def test_a_schema_org_property_outside_its_domain_is_caught() -> None:
    document = copy.deepcopy(EXAMPLE)
    document["@context"][1].pop("location")  # now schema.org's location, not used on Claim
    problems = check_conformance(document, SCHEMA_ORG)
    assert any("/hasPart/2/location: location is not used on Claim" in p for p in problems)


def test_an_organisation_with_an_affiliation_is_caught() -> None:
    document = copy.deepcopy(EXAMPLE)
    document["mentions"][7]["affiliation"] = {"@id": "#country-ru"}
    assert "affiliation is not used on Organization" in " ".join(
        check_conformance(document, SCHEMA_ORG)
    )


def test_keys_outside_both_vocabularies_are_caught() -> None:
    document = copy.deepcopy(EXAMPLE)
    document["hasPart"][0]["mood"] = "grim"
    document["@context"][1]["measure"] = "https://elsewhere.example/measure"
    document["mentions"][0]["@type"] = "Spokesperson"
    problems = " ".join(check_conformance(document, SCHEMA_ORG))
    assert "mood is neither a schema.org property nor a term" in problems
    assert "measure expands to https://elsewhere.example/measure" in problems
    assert "@type Spokesperson is not a schema.org type" in problems


def test_a_term_pyld_drops_is_caught() -> None:
    document = copy.deepcopy(EXAMPLE)
    document["@context"][1]["weapon"] = None  # a null term: JSON-LD processors drop the key
    problems = " ".join(check_conformance(document, SCHEMA_ORG))
    assert "pyld dropped or changed terms: /hasPart/2/weapon" in problems
