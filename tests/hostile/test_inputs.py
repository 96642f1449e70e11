"""Hostile inputs: bounded before reading, and none can crash a batch (issue 13, points 2, 3, 5).

A file over the size limit, a pipe that never ends or a device costs at most
the limit, in `convert`, `check`, `embed` and `validate` alike. Lone
surrogates, an XML entity declaration, JSON nested a million deep and a
truncated gzip are each one line naming the input; in a batch of good and
bad inputs every good one is written, with or without `--jobs`.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from newsld.convert import MAX_INPUT_BYTES
from tests.hostile.support import (
    GOOD,
    assert_failed_alone,
    error_lines,
    leftovers,
    outputs,
    write_batch,
)

LIMIT = "larger than 64 MB (the input size limit)"
PARAGRAPH = "".join(
    f"<p>The minister said talks would resume in Geneva in round {n}, aides told reporters.</p>"
    for n in range(5)
)


def page(head: str = "", body: str = PARAGRAPH) -> bytes:
    return (
        f"<!doctype html><html><head><title>Talks</title>{head}</head>"
        f"<body><article><h1>Talks</h1>{body}</article></body></html>"
    ).encode()


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no room on disk (and would take `size` in memory)."""
    with path.open("wb") as stream:
        stream.truncate(size)
    return path


# ---------------------------------------------------------------- 2. memory bounded


@pytest.mark.parametrize("command", ["convert", "check", "embed", "validate"])
def test_a_file_over_the_size_limit_is_refused_by_every_command(
    cli: Any, tmp_path: Path, command: str
) -> None:
    big = sparse(tmp_path / "big.html", MAX_INPUT_BYTES + 1)
    result = cli(command, str(big))
    assert "Traceback" not in result.stderr
    assert result.exit_code == 1
    assert f"{big}" in result.output and LIMIT in result.output


@pytest.mark.parametrize("command", ["convert", "check", "embed"])
def test_a_device_is_refused_without_reading_it(cli: Any, command: str) -> None:
    result = cli(command, "/dev/zero")
    assert result.exit_code == 1
    assert "/dev/zero" in result.output and "a device, not a file" in result.output


def test_a_pipe_that_never_ends_is_read_only_up_to_the_limit(cli: Any, tmp_path: Path) -> None:
    fifo = tmp_path / "endless.txt"
    os.mkfifo(fifo)

    def pour() -> None:
        block = b"words " * 10_000
        try:
            with fifo.open("wb") as stream:
                while True:
                    stream.write(block)
        except BrokenPipeError:
            pass  # newsld stopped reading: what this test wants

    writer = threading.Thread(target=pour, daemon=True)
    writer.start()
    result = cli("convert", str(fifo))
    writer.join(timeout=30)
    assert_failed_alone(result, fifo, LIMIT)
    assert not writer.is_alive()


def test_stdin_over_the_limit_is_refused(cli: Any) -> None:
    result = cli("convert", "-", input=b"x" * (MAX_INPUT_BYTES + 1))
    assert_failed_alone(result, "-", LIMIT)


# ---------------------------------------------------------------- 3. no input crashes a batch


def test_lone_surrogates_in_a_document_and_a_page_are_written_as_replacement_characters(
    cli: Any, tmp_path: Path
) -> None:
    done = cli("convert", "-", "--url", "https://example.com/a", input=GOOD.encode())
    document = done.stdout.replace('"headline": "Talks resume"', '"headline": "Talks \\ud800"')
    (tmp_path / "doc.jsonld").write_text(document, encoding="utf-8")
    block = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "description": "A \\udfff"}'
    )
    (tmp_path / "page.html").write_bytes(page(block + "</script>"))
    for fmt, table in (("jsonld", "claims"), ("xml", "claims"), ("csv", "articles")):
        out = tmp_path / fmt
        inputs = [str(tmp_path / "doc.jsonld"), str(tmp_path / "page.html")]
        result = cli("convert", *inputs, "--to", fmt, "-O", f"table={table}", "-o", f"{out}/")
        assert (result.exit_code, error_lines(result.stderr)) == (0, [])
        written = [(out / name).read_bytes().decode("utf-8") for name in outputs(out)]
        assert len(written) == 2 and all("\ufffd" in text for text in written)


def entity_xml(cli: Any, tmp_path: Path) -> bytes:
    """A newsld XML document with an internal entity declared and used."""
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    xml = cli("convert", str(tmp_path / "a.txt"), "--to", "xml").stdout
    declaration = '<?xml version="1.0"?>\n<!DOCTYPE documents [<!ENTITY e "boom">]>\n'
    xml = declaration + xml.split("?>", 1)[1].replace("<headline>", "<headline>&e;", 1)
    return xml.encode()


DEEP_JSON = b'{"@type": "NewsArticle", "x": ' + b"[" * 1_000_000 + b"]" * 1_000_000 + b"}"


def test_a_page_whose_json_ld_nests_a_million_deep_loses_that_block_only(
    cli: Any, tmp_path: Path
) -> None:
    deep = "[" * 1_000_000 + "]" * 1_000_000
    just_under = "[" * 900 + "]" * 900  # parses, but would exhaust the stack of a reader
    for depth, nested in (("million", deep), ("900", just_under)):
        block = (
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            f'{nested}}}</script><script type="application/ld+json">'
            '{"@type": "NewsArticle", "datePublished": "2024-05-01"}</script>'
        )
        path = tmp_path / f"{depth}.html"
        path.write_bytes(page(block))
        result = cli("convert", str(path))
        assert (result.exit_code, result.stderr) == (0, "")
        assert json.loads(result.stdout)["datePublished"] == "2024-05-01"


@pytest.mark.parametrize("command", ["validate", "check"])
def test_deep_json_is_one_line_for_validate_and_check(
    cli: Any, tmp_path: Path, command: str
) -> None:
    path = tmp_path / "deep.jsonld"
    path.write_bytes(DEEP_JSON)
    result = cli(command, str(path))
    assert "Traceback" not in result.output
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "nested too deeply" in line] == [
        line for line in result.output.splitlines() if str(path) in line
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_twelve_good_and_two_bad_inputs_give_twelve_outputs(
    cli: Any, tmp_path: Path, jobs: str
) -> None:
    bad = {"entity.xml": entity_xml(cli, tmp_path), "deep.jsonld": DEEP_JSON}
    goods, _ = write_batch(tmp_path / "in", 12, bad)
    out = tmp_path / "out"
    result = cli("convert", str(tmp_path / "in"), "-o", f"{out}/", "-j", jobs)
    assert "Traceback" not in result.stderr
    assert result.exit_code == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 2
    assert "entity.xml: not newsld XML: it declares a DTD (entities)" in errors[1]
    assert "deep.jsonld: " in errors[0] and "nested" in errors[0]
    assert outputs(out) == [f"{p.stem}.jsonld" for p in goods]
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------- 5. no silent truncation


def test_a_truncated_gzip_input_is_an_error(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page())[:-30])
    result = cli("convert", str(path))
    assert_failed_alone(result, path, "truncated gzip data")
    assert result.stdout == ""


def test_gzip_members_back_to_back_are_read_whole(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    text = GOOD.encode()
    path.write_bytes(gzip.compress(text[:20]) + gzip.compress(text[20:]))
    result = cli("convert", str(path))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["articleBody"] == GOOD.split("\n\n", 1)[1]
