"""The document is valid JSON and honest (issue 13, point 7).

NaN and infinities never pass: not from a document read back, not from an
extractor. The JSON-LD reader refuses what `validate` refuses (evidence past
the end of articleBody) and keys given twice. NUL and the other C0 control
characters never reach a CSV or XML cell.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from newsld import Claim, Evidence
from tests.hostile.support import (
    assert_failed_alone,
    extractor_plugin,
    hostile_article,
)


def strict(text: str) -> Any:
    """JSON as any other parser reads it: no NaN, no Infinity."""

    def refuse(name: str) -> Any:
        raise ValueError(f"{name} in the output")

    return json.loads(text, parse_constant=refuse)


QUOTED = 'Talks\n\n"We will be back in Geneva on Monday," the minister said.\n'


@pytest.fixture
def document(cli: Any) -> str:
    """A newsld JSON-LD document with a claim, as text."""
    return str(cli("convert", "-", input=QUOTED.encode()).stdout)


def _nan(text: str) -> str:
    return text.replace('"confidence": ', '"confidence": NaN, "x": ', 1)


def _infinity(text: str) -> str:
    return text.replace('"wordCount": ', '"wordCount": Infinity, "y": ', 1)


def _twice(text: str) -> str:
    return text.replace('"articleBody": ', '"headline": "Another", "articleBody": ', 1)


def _past_the_body(text: str) -> str:
    return re.sub(r'"end": \d+', '"end": 99999', text, count=1)


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        (_nan, "not JSON (NaN is not a JSON number)"),
        (_infinity, "not JSON (Infinity is not a JSON number)"),
        (_twice, "not JSON (the key 'headline' appears twice in one object)"),
        (_past_the_body, "evidence/0/end: points past the end of articleBody"),
    ],
    ids=["nan", "infinity", "duplicate-key", "evidence-past-the-body"],
)
def test_the_json_ld_reader_refuses_what_is_not_a_valid_document(
    cli: Any, tmp_path: Path, document: str, spoil: Callable[[str], str], problem: str
) -> None:
    assert '"end": ' in document and '"confidence": ' in document
    path = tmp_path / "spoilt.jsonld"
    path.write_text(spoil(document), encoding="utf-8")
    result = cli("convert", str(path), "--to", "xml")
    assert_failed_alone(result, path, problem)
    assert "<document " not in result.stdout


def test_validate_refuses_nan_and_keys_given_twice(cli: Any, tmp_path: Path, document: str) -> None:
    for spoil in (_nan, _twice):
        path = tmp_path / f"{spoil.__name__}.jsonld"
        path.write_text(spoil(document), encoding="utf-8")
        result = cli("validate", str(path))
        assert (result.exit_code, result.stderr.count("\n")) == (1, 1)
        assert result.stderr.startswith(f"{path}: not JSON (")


def nan_confidence() -> Iterable[Claim]:
    yield Claim("quote", "odd", [Evidence(0, 4)], float("nan"), properties={"quoteKind": "direct"})


def infinite_property() -> Iterable[Claim]:
    yield Claim(
        "quote",
        "odd",
        [Evidence(0, 4)],
        0.5,
        properties={"quoteKind": "direct", "score": float("inf")},
    )


@pytest.mark.parametrize("misbehave", [nan_confidence, infinite_property])
def test_an_extractor_giving_nan_loses_its_claims_and_is_named(
    cli: Any, install: Callable[..., None], tmp_path: Path, misbehave: Any
) -> None:
    install(hostile=extractor_plugin("hostile", misbehave))
    path = tmp_path / "a.txt"
    path.write_text(hostile_article(), encoding="utf-8")
    result = cli("convert", str(path))
    assert_failed_alone(result, path, "extractor hostile (hostile) made an invalid claim")
    assert "is not a JSON number" in result.stderr
    assert all(c["extractor"] != "hostile" for c in strict(result.stdout)["hasPart"])


CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r")


def test_control_characters_never_reach_a_csv_or_xml_cell(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    prose = "The minister said the talks would resume in Geneva on Monday. " * 60
    text = f"Head{CONTROLS[:3]}line\n\nThe minister{CONTROLS} said so. {prose}\n"
    path.write_text(text, encoding="utf-8")
    table = cli("convert", str(path), "--to", "csv", "-O", "table=articles")
    assert table.exit_code == 0, table.stderr
    cells = [cell for row in csv.reader(io.StringIO(table.stdout)) for cell in row]
    assert not any(c in cell for cell in cells for c in CONTROLS)
    assert any("\ufffd" in cell for cell in cells)
    xml = cli("convert", str(path), "--to", "xml")
    assert xml.exit_code == 0, xml.stderr
    assert not any(c in xml.stdout for c in CONTROLS)
    root = etree.fromstring(xml.stdout_bytes)
    assert root.find(".//{*}articleBody").get("escaped") == "true"
