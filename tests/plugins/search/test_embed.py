"""`newsld embed`: safe JSON-LD in the page's <head>, every other byte as it was."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from newsld import (
    Article,
    Author,
    Claim,
    Converter,
    Document,
    Entity,
    Evidence,
    ReadOptions,
    load_plugins,
)
from newsld.testing.conformance import SchemaOrg, check_conformance
from newsld_plugins.search.embed import MARKER, embed_jsonld, page_encoding
from newsld_plugins.search.profile import search_jsonld

PAGES = sorted((Path(__file__).resolve().parents[2] / "data" / "pages").glob("naeb-*.html"))
CONVERTER = Converter(load_plugins(third_party=False))
ATTACK = "</script><script>alert(1)</script>"
OURS = re.compile(
    rb'<script type="application/ld\+json" data-newsld="search">.*?</script>\n?', re.S
)

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour hits record heat | The Example Times</title>
<!-- an old template left this: </head> -->
<script>var s = "</head>";</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "WebSite",
 "name": "The Example Times"}</script>
</head>
<body>
<article>
<h1>Harbour hits record heat</h1>
<p class="byline">By Ana N\u00fa\u00f1ez</p>
<time datetime="2025-10-23T08:00:00+02:00">23 October 2025</time>
<p>The harbour gauge read 31.5 degrees Celsius on Monday, the highest since records began
in 1911, the port authority said in a statement on Tuesday morning.</p>
<p>Fishers said the warm water had driven the mackerel shoals further out to sea this week,
and several boats stayed in port rather than burn fuel chasing them.</p>
</article>
</body>
</html>
"""


def read(page: bytes, source: str = "page.html") -> Article:
    """The page read back by newsld's own HTML reader (through the registry)."""
    return CONVERTER.read(page, ReadOptions(source=source), "html")


def embedded(page: bytes) -> bytes:
    document = CONVERTER.convert(page, ReadOptions(source="page.html"), "html")
    return embed_jsonld(page, search_jsonld(document, CONVERTER.registry.claim_types))


def our_scripts(page: bytes) -> list[Any]:
    root = lxml.html.document_fromstring(page)
    return [s for s in root.iter("script") if s.get(MARKER) is not None]


def quoted_document() -> Document:
    """A document whose quotes try to end the script element and hold U+2028."""
    speaker = Entity("#person-ana", "Person", "Ana N\u00fa\u00f1ez", job_title="Harbour master")
    quotes = [f"They typed {ATTACK} into the form", "One line\u2028and the next\u2029end & <b>"]
    claims = [
        Claim("quote", text, [Evidence(0, 5)], 0.9, "test", {"spokenByCharacter": speaker.ref},
              "Quotation", f"#claim-{n}")
        for n, text in enumerate(quotes, 1)
    ]  # fmt: skip
    article = Article(
        body="Words.\n",
        headline=f"Heat & <tags> {ATTACK}",
        date_published="2025-10-23T08:00:00+02:00",
        authors=[Author("Ana N\u00fa\u00f1ez")],
        url="https://example.com/heat",
    )
    return Document("https://example.com/heat#article", article, claims, [speaker])


def test_a_hostile_quote_cannot_end_the_script_element() -> None:
    node = search_jsonld(quoted_document())
    page = embed_jsonld(PAGE.encode(), node)
    scripts = [s for s in lxml.html.document_fromstring(page).iter("script")]
    assert [s.get(MARKER) for s in scripts].count("search") == 1
    assert not any("alert(1)" in (s.text or "") and s.get(MARKER) is None for s in scripts)
    assert json.loads(our_scripts(page)[0].text) == node
    block = OURS.search(page)
    assert block is not None
    assert b"</script><script>" not in block.group()[:-10]
    assert "\u2028".encode() not in page and "\u2029".encode() not in page
    assert b"\\u003c/script\\u003e" in page and b"\\u2028" in page and b"&lt;" not in page


def test_every_other_byte_stays_as_it_was() -> None:
    original = PAGE.encode()
    page = embedded(original)
    assert OURS.sub(b"", page) == original
    # In the real <head>: after the publisher's block, before the real </head>.
    assert page.index(b'data-newsld="search"') > page.index(b'"WebSite"')
    assert page.index(b"</head>\n<body>") > page.index(b'data-newsld="search"')


def test_running_twice_replaces_its_own_block() -> None:
    once = embedded(PAGE.encode())
    assert embedded(once) == once
    assert len(our_scripts(once)) == 1
    changed = embed_jsonld(once, {"@context": "https://schema.org", "@type": "NewsArticle"})
    assert len(our_scripts(changed)) == 1
    assert OURS.sub(b"", changed) == PAGE.encode()


def test_the_publishers_block_is_left_alone() -> None:
    page = embedded(PAGE.encode())
    publisher = (
        b'{"@context": "https://schema.org", "@type": "WebSite",\n "name": "The Example Times"}'
    )
    assert page.count(publisher) == 1
    assert page.count(b"application/ld+json") == 2


def test_the_reader_reads_the_embedded_page_back_the_same() -> None:
    before = read(PAGE.encode())
    after = read(embedded(PAGE.encode()))
    assert (after.headline, after.date_published) == (before.headline, before.date_published)
    assert after.headline == "Harbour hits record heat"
    assert [a.name for a in after.authors] == [a.name for a in before.authors] == ["Ana Núñez"]


@pytest.mark.parametrize(
    ("page", "before"),
    [
        (b"<html><title>T</title><body><p>x</p></body></html>", b"<body>"),
        (b"<!doctype html><meta charset=utf-8><title>T</title><p>Text</p>", b"<p>Text"),
        (b"<HTML><HEAD><TITLE>T</TITLE></HEAD><BODY>x</BODY></HTML>", b"</HEAD>"),
    ],
)
def test_a_page_without_a_closed_head_gets_the_block_where_the_head_ends(
    page: bytes, before: bytes
) -> None:
    out = embed_jsonld(page, {"@type": "NewsArticle", "headline": "H"})
    assert out.index(b"data-newsld") < out.index(before)
    assert OURS.sub(b"", out) == page
    head = lxml.html.document_fromstring(out).find("head")
    assert head is not None and head.find("script") is not None


def test_a_windows_1252_page_keeps_its_encoding() -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("Harbour hits record heat", "Caf\u00e9 prices hit \u20ac5")
    original = page.encode("cp1252")
    node = {"@type": "NewsArticle", "headline": "Caf\u00e9 \u20ac5 \u65e5\u672c \U0001f600"}
    out = embed_jsonld(original, node)
    assert page_encoding(original) == "cp1252"
    assert OURS.sub(b"", out) == original
    block = OURS.search(out)
    assert block is not None
    # é and € in the page's own bytes; what cp1252 lacks as \u escapes (a surrogate pair for 😀).
    assert b"Caf\xe9 \x805" in block.group()
    assert b"\\u65e5\\u672c \\ud83d\\ude00" in block.group()
    assert json.loads(our_scripts(out)[0].text) == node
    headline = read(original).headline
    assert headline is not None and headline.startswith("Café prices hit €5")
    assert read(embedded(original)).headline == headline


def test_a_utf16_page_stays_utf16() -> None:
    original = "\ufeff" + PAGE.replace('<meta charset="utf-8">\n', "")
    data = original.encode("utf-16-le")
    out = embed_jsonld(data, {"@type": "NewsArticle", "headline": "Ünïcode <b>"})
    text = out.decode("utf-16-le")
    assert text.startswith("\ufeff") and "Ünïcode \\u003cb\\u003e" in text
    assert OURS.sub(b"", text.encode()) == original.encode()


# ---------------------------------------------------------------- the command


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_embedded_real_pages_read_back_the_same_and_conform(
    path: Path, tmp_path: Path, search_cli: Any, schema_org: SchemaOrg
) -> None:
    result = search_cli("embed", str(path), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    out = (tmp_path / path.name).read_bytes()
    assert OURS.sub(b"", out) == path.read_bytes()
    before, after = read(path.read_bytes()), read(out)
    assert after.headline == before.headline and after.headline
    assert after.date_published == before.date_published
    assert [a.name for a in after.authors] == [a.name for a in before.authors]
    node = json.loads(our_scripts(out)[0].text)
    assert check_conformance(node, schema_org) == []


def test_a_bad_page_is_one_line_and_the_others_are_written(tmp_path: Path, search_cli: Any) -> None:
    good = tmp_path / "good.html"
    good.write_text(PAGE, encoding="utf-8")
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    result = search_cli(
        "embed", str(bad), str(tmp_path / "missing.html"), str(good), "-o", str(out)
    )
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "bad.html" in lines[0] and "missing.html" in lines[1]
    assert sorted(p.name for p in out.iterdir()) == ["good.html"]


def test_in_place_twice_leaves_one_block(tmp_path: Path, search_cli: Any) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert search_cli("embed", str(page), "--in-place").exit_code == 0
    once = page.read_bytes()
    assert search_cli("embed", str(page), "--in-place").exit_code == 0
    assert page.read_bytes() == once and once.count(b"data-newsld") == 1


def test_one_page_goes_to_stdout_and_usage_errors_exit_2(tmp_path: Path, search_cli: Any) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = search_cli("embed", str(page))
    assert result.exit_code == 0 and b"data-newsld" in result.stdout_bytes
    assert search_cli("embed", str(page), str(page)).exit_code == 2
    assert search_cli("embed", str(page), "-o", str(tmp_path), "--in-place").exit_code == 2
