"""`newsld convert`: outputs, exit codes, and one clear line per bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

GOOD = "Headline\n\nA body paragraph with some words.\n"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_one_input_prints_one_pretty_document(cli: Callable[..., Any], seed_path: Path) -> None:
    result = cli("convert", str(seed_path))
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["@type"] == "NewsArticle"
    assert result.stdout.startswith("{\n  ")


def test_stdin(cli: Callable[..., Any]) -> None:
    result = cli("convert", "-", input=GOOD.encode())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["headline"] == "Headline"


def test_several_inputs_to_stdout_are_json_lines(
    cli: Callable[..., Any], good: Path, seed_path: Path
) -> None:
    result = cli("convert", str(good), str(seed_path))
    lines = result.stdout.splitlines()
    assert [json.loads(line)["headline"][:8] for line in lines] == ["Headline", "White Ho"]


def test_output_folder_gets_one_file_per_input_by_stem(
    cli: Callable[..., Any], good: Path, seed_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = cli("convert", str(good), str(seed_path), "-o", str(out))
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["good.jsonld", "seed-trump-putin.jsonld"]
    assert json.loads((out / "good.jsonld").read_text())["headline"] == "Headline"


def test_a_folder_input_converts_what_it_holds(
    cli: Callable[..., Any], good: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = cli("convert", str(good.parent), "-o", str(out) + "/")
    assert result.exit_code == 0
    assert [p.name for p in out.iterdir()] == ["good.jsonld"]


BAD_INPUTS = {
    "empty.txt": (b"", "empty input"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40, "a PNG image, not text"),
    "binary.txt": (b"\x00\x01\x02\x03data\x00\x00" * 40, "binary data, not text"),
    "report.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file, not text"),
    "other.json": (b'{"title": "not ours"}', "not a newsld document"),
    "latin.txt": (bytes(range(128, 256)) * 20, "undecodable"),
    "front.txt": (b"---\nurl: x\nHead\n\nBody", "front matter is not closed"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_1_and_no_file(
    cli: Callable[..., Any], tmp_path: Path, name: str
) -> None:
    data, problem = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    target = tmp_path / "out.jsonld"
    result = cli("convert", str(path), "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"newsld: error: {path}: ")
    assert problem in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == [path]


def test_missing_path(cli: Callable[..., Any], tmp_path: Path) -> None:
    result = cli("convert", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert result.stderr == f"newsld: error: {tmp_path / 'nope.txt'}: no such file or folder\n"


def test_a_folder_with_nothing_to_convert(cli: Callable[..., Any], tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = cli("convert", str(tmp_path))
    assert result.exit_code == 1
    assert "nothing to convert" in result.stderr
    assert result.stderr.count("\n") == 1


def test_unknown_format_is_a_usage_error(cli: Callable[..., Any], good: Path) -> None:
    result = cli("convert", str(good), "--to", "pdf")
    assert result.exit_code == 2
    assert result.stderr.startswith("newsld: error: unknown format 'pdf' for --to")
    assert result.stdout == ""


def test_bad_published_date_is_a_usage_error(cli: Callable[..., Any], good: Path) -> None:
    result = cli("convert", str(good), "--published", "last tuesday")
    assert result.exit_code == 2
    assert "--published 'last tuesday' is not an ISO 8601 date" in result.stderr


def test_a_batch_with_bad_inputs_still_writes_the_good_ones(
    cli: Callable[..., Any], good: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    result = cli("convert", str(good), str(empty), str(tmp_path / "gone.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert [p.name for p in out.iterdir()] == ["good.jsonld"]
    assert len([line for line in result.stderr.splitlines() if "error:" in line]) == 2


def test_a_batch_into_one_file(cli: Callable[..., Any], good: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    target = tmp_path / "all.jsonld"
    result = cli("convert", str(good), str(empty), str(good), "-o", str(target))
    assert result.exit_code == 1
    assert len(target.read_text().splitlines()) == 2


def test_jobs_give_the_same_output_in_the_same_order(
    cli: Callable[..., Any], good: Path, seed_path: Path
) -> None:
    serial = cli("convert", str(seed_path), str(good), str(seed_path))
    parallel = cli("convert", str(seed_path), str(good), str(seed_path), "--jobs", "2")
    assert parallel.exit_code == serial.exit_code == 0
    assert parallel.stdout == serial.stdout
