"""`newsld embed`: safe JSON-LD in the page's <head>, every other byte as it was."""

from __future__ import annotations

import json
import re
import subprocess
import sys
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
from newsld_plugins.search.check import check_page
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


def ld_scripts(page: bytes) -> list[Any]:
    """The publisher's JSON-LD blocks that parse."""
    found = []
    for script in lxml.html.document_fromstring(page).iter("script"):
        if script.get("type") == "application/ld+json" and script.get(MARKER) is None:
            try:
                found.append(json.loads(script.text or ""))
            except ValueError:
                continue
    return found


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
@pytest.mark.parametrize("mode", [(), ("--replace",)], ids=["link", "replace"])
def test_embedded_real_pages_read_back_the_same_conform_and_check_no_worse(
    path: Path, mode: tuple[str, ...], tmp_path: Path, search_cli: Any, schema_org: SchemaOrg
) -> None:
    result = search_cli("embed", str(path), "-o", str(tmp_path), *mode)
    assert result.exit_code == 0, result.stderr
    original, out = path.read_bytes(), (tmp_path / path.name).read_bytes()
    if not mode:
        assert OURS.sub(b"", out) == original
    before, after = read(original), read(out)
    assert after.headline == before.headline and after.headline
    assert after.date_published == before.date_published
    assert [a.name for a in after.authors] == [a.name for a in before.authors]
    # What we write conforms to schema.org, or (a replaced block) has no fault the
    # publisher's own blocks did not have.
    theirs = {f for s in ld_scripts(original) for f in check_conformance(s, schema_org)}
    for node in map(json.loads, (s.text for s in our_scripts(out))):
        assert set(check_conformance(node, schema_org)) <= theirs
    before_check, after_check = set(check_page(original)), set(check_page(out))
    if any(p.rule == "article" for p in before_check):  # no article markup: newsld's added
        assert not any(p.level == "error" for p in after_check)
    else:
        assert after_check <= before_check


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
    assert len(lines) == 3 and "bad.html" in lines[0] and "missing.html" in lines[1]
    assert lines[2].startswith("newsld: 1 converted, 2 failed, 0 skipped in ")
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


def test_a_name_with_an_extension_is_the_one_pages_file_never_a_folder(
    tmp_path: Path, search_cli: Any
) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "embedded.html"
    assert search_cli("embed", str(page), "-o", str(out)).exit_code == 0
    assert out.is_file() and b"data-newsld" in out.read_bytes()
    several = search_cli("embed", str(page), str(page), "-o", str(tmp_path / "two.html"))
    assert several.exit_code == 2 and not (tmp_path / "two.html").exists()


# ---------------------------------------------------------------- the publisher's own article

PUBLISHER = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": "https://news.example.com/heat#article",
    "mainEntityOfPage": "https://news.example.com/heat",
    "headline": "Harbour hits record heat",
    "image": ["https://news.example.com/heat-16x9.jpg"],
    "datePublished": "2025-10-23T08:00:00+02:00",
    "author": [
        {"@type": "Person", "name": "Ana N\u00fa\u00f1ez", "url": "https://news.example.com/ana"}
    ],
    "publisher": {
        "@type": "NewsMediaOrganization",
        "name": "The Example Times",
        "logo": {"@type": "ImageObject", "url": "https://news.example.com/logo.png"},
    },
}
QUOTE = "We have never seen the water this warm in October"


def publisher_page(tmp_path: Path, node: Any = PUBLISHER, quote: bool = True) -> Path:
    said = f'<p>"{QUOTE}," said Marta Ruiz, the harbour master.</p>' if quote else ""
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        "<title>Harbour hits record heat | The Example Times</title>\n"
        f'<script type="application/ld+json">{json.dumps(node)}</script>\n'
        "</head><body><article><h1>Harbour hits record heat</h1>\n"
        "<p>The harbour gauge read 31.5 degrees Celsius on Monday, the highest since records "
        f"began in 1911.</p>\n{said}\n<p>Fishers said the warm water had driven the mackerel "
        "shoals further out to sea.</p></article></body></html>",
        encoding="utf-8",
    )
    return page


def article_nodes(page: bytes) -> list[dict[str, Any]]:
    scripts = lxml.html.document_fromstring(page).iter("script")
    blocks = [json.loads(s.text) for s in scripts if s.get("type") == "application/ld+json"]
    found = []
    for block in blocks:
        for node in block.get("@graph", [block]):
            if node.get("@type") in ("NewsArticle", "Article", "ReportageNewsArticle"):
                found.append(node)
    return found


def checked(search_cli: Any, path: Path) -> list[str]:
    """`newsld check`'s lines, without the file name."""
    return [line.split(": ", 1)[1] for line in search_cli("check", str(path)).stdout.splitlines()]


@pytest.mark.parametrize(
    ("node", "linked_to"),
    [
        (PUBLISHER, "https://news.example.com/heat#article"),  # the article's @id
        ({k: v for k, v in PUBLISHER.items() if k != "@id"}, "https://news.example.com/heat"),
        (
            {
                **{k: v for k, v in PUBLISHER.items() if k not in ("@id", "mainEntityOfPage")},
                "@type": "ReportageNewsArticle",
                "mainEntityOfPage": {"@type": "WebPage", "@id": "https://news.example.com/h"},
            },
            "https://news.example.com/h",
        ),
    ],
    ids=["id", "main-entity-of-page", "main-entity-node"],
)
def test_a_publishers_article_gets_the_quotes_linked_to_it_not_a_second_article(
    tmp_path: Path, search_cli: Any, node: dict[str, Any], linked_to: str
) -> None:
    page = publisher_page(tmp_path, node)
    out = tmp_path / "out"
    assert search_cli("embed", str(page), "-o", str(out)).exit_code == 0
    embedded = (out / "page.html").read_bytes()
    assert OURS.sub(b"", embedded) == page.read_bytes()  # the publisher's block untouched
    assert len(article_nodes(embedded)) == 1
    ours = json.loads(our_scripts(embedded)[0].text)
    assert [n["@type"] for n in ours["@graph"]] == ["Quotation"]
    quote = ours["@graph"][0]
    assert quote["text"].startswith(QUOTE) and quote["spokenByCharacter"]["name"] == "Marta Ruiz"
    assert quote["isPartOf"] == {"@id": linked_to}
    assert checked(search_cli, out / "page.html") == checked(search_cli, page)


def test_replace_keeps_all_the_publisher_had_and_adds_the_quotes(
    tmp_path: Path, search_cli: Any
) -> None:
    page = publisher_page(tmp_path, {**PUBLISHER, "dateModified": "2025-10-23T09:00:00+02:00"})
    out = tmp_path / "out"
    assert search_cli("embed", str(page), "-o", str(out), "--replace").exit_code == 0
    embedded = (out / "page.html").read_bytes()
    assert embedded.count(b"application/ld+json") == 1
    assert [s.get(MARKER) for s in our_scripts(embedded)] == ["replace"]
    [node] = article_nodes(embedded)
    for key, value in PUBLISHER.items():  # author urls, images, the publisher's logo...
        assert node[key] == value
    assert [p["text"] for p in node["hasPart"]] == [node["hasPart"][0]["text"]]
    assert node["hasPart"][0]["text"].startswith(QUOTE)
    assert set(checked(search_cli, out / "page.html")) <= set(checked(search_cli, page))
    # Again, or again without --replace: the same one block.
    again = tmp_path / "again"
    for mode in (("--replace",), ()):
        assert search_cli("embed", str(out / "page.html"), "-o", str(again), *mode).exit_code == 0
        assert (again / "page.html").read_bytes() == embedded


def test_a_publishers_article_without_new_quotes_leaves_the_page_as_it_was(
    tmp_path: Path, search_cli: Any
) -> None:
    page = publisher_page(tmp_path, quote=False)
    result = search_cli("embed", str(page))
    assert result.exit_code == 0 and result.stdout_bytes == page.read_bytes()
    # A quote the publisher already lists is not added again either.
    listed = {**PUBLISHER, "hasPart": {"@type": "Quotation", "text": QUOTE}}
    page = publisher_page(tmp_path, listed)
    assert search_cli("embed", str(page)).stdout_bytes == page.read_bytes()


def test_an_article_with_nothing_to_link_to_is_a_warning(tmp_path: Path, search_cli: Any) -> None:
    bare = {k: v for k, v in PUBLISHER.items() if k not in ("@id", "mainEntityOfPage")}
    page = publisher_page(tmp_path, bare)
    result = search_cli("embed", str(page))
    assert result.exit_code == 0 and result.stdout_bytes == page.read_bytes()
    assert "nothing embedded (--replace puts them into it)" in result.stderr
    result = search_cli("embed", str(page), "--url", "https://news.example.com/heat")
    ours = json.loads(our_scripts(result.stdout_bytes)[0].text)
    assert ours["@graph"][0]["isPartOf"] == {"@id": "https://news.example.com/heat"}


def test_a_folder_of_large_pages_is_embedded_without_stalling(tmp_path: Path) -> None:
    # Each page travels to a worker and back with its document: larger than a pipe's
    # buffer both ways, so a worker sending a result while newsld sends it the next page
    # must not leave both waiting for ever.
    folder = tmp_path / "pages"
    folder.mkdir()
    padding = "<!-- " + "x" * 600_000 + " -->"
    for number in range(4):
        (folder / f"page-{number}.html").write_text(
            PAGE.replace("</body>", f"{padding}</body>"), encoding="utf-8"
        )
    main = "from newsld.cli import main; main()"
    command = [sys.executable, "-c", main, "embed", str(folder), "-o", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        f"page-{n}.html" for n in range(4)
    ]


def test_replace_with_nothing_to_add_leaves_the_page_as_it_was(
    tmp_path: Path, search_cli: Any
) -> None:
    complete = {**PUBLISHER, "url": "https://news.example.com/heat", "inLanguage": "en"}
    page = publisher_page(tmp_path, complete, quote=False)
    result = search_cli("embed", str(page), "--replace", "--url", "https://news.example.com/heat")
    assert result.exit_code == 0 and result.stdout_bytes == page.read_bytes()
