"""Encodings that lie or hide (issue 13, point 9).

A page whose `<meta charset>` contradicts its bytes is read in its real
encoding, and `embed` writes a block valid in both (ASCII), so a second run
reads the same page and replaces the same block, with no mojibake. Text in
UTF-16 without a byte-order mark is read as UTF-16, not refused as binary.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ARTICLE = "Café talks\n\nThe minister said the talks at the café would resume on Monday.\n"


def test_a_page_whose_charset_lies_is_embedded_in_its_real_encoding(
    cli: Any, tmp_path: Path
) -> None:
    body = "".join(
        f"<p>The minister met reporters at a café in Zürich and spoke of round {n}.</p>"
        for n in range(9)
    )
    html = (
        '<html><head><meta charset="utf-8"><title>Café talks</title></head>'
        f"<body><article><h1>Café talks</h1>{body}</article></body></html>"
    )
    page = tmp_path / "page.html"
    page.write_bytes(html.encode("cp1252"))  # says UTF-8, is windows-1252
    once, twice = tmp_path / "once", tmp_path / "twice"
    assert cli("embed", str(page), "-o", str(once)).exit_code == 0
    assert cli("embed", str(once / "page.html"), "-o", str(twice)).exit_code == 0
    first, second = (once / "page.html").read_bytes(), (twice / "page.html").read_bytes()
    assert first == second  # the second run replaced its own block with the same one
    assert first.count(b"data-newsld") == 1
    assert first.decode("cp1252").count("Café") >= 2  # the page's own bytes are untouched
    assert first.split(b"data-newsld")[1].split(b"</script>")[0].isascii()
    converted = cli("convert", str(twice / "page.html"))
    assert json.loads(converted.stdout)["headline"] == "Café talks"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(cli: Any, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    result = cli("convert", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    document = json.loads(result.stdout)
    assert document["headline"] == "Café talks"
    assert document["articleBody"].startswith("The minister said the talks at the café")
