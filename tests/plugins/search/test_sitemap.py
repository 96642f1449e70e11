"""The news-sitemap exporter: Google's required elements, in their namespaces, each page once."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from newsld import Article, Document, ExportOptions
from newsld_plugins.search.sitemap import NewsSitemapWriter, news_language, parse_period

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"sm": SM, "news": NEWS}
PAGES = sorted((Path(__file__).resolve().parents[2] / "data" / "pages").glob("naeb-*.html"))


def doc(n: int, **fields: Any) -> Document:
    values: dict[str, Any] = {
        "body": "Body.\n",
        "headline": f"Story {n} & <more>",
        "date_published": "2025-10-23T08:00:00+02:00",
        "publisher": "The Example Times",
        "url": f"https://example.com/news/{n}?a=1&b=2",
        "language": "en-GB",
        "source": f"story-{n}.html",
    }
    values.update(fields)
    return Document(f"urn:test:{n}#article", Article(**values))


def export(documents: list[Document], **options: str) -> tuple[bytes, list[str]]:
    stream = io.BytesIO()
    writer = NewsSitemapWriter(stream, ExportOptions({}, options))
    warnings: list[str] = []
    writer.warn = warnings.append
    with writer:
        for document in documents:
            writer.write(document)
    return stream.getvalue(), warnings


def entries(data: bytes) -> list[dict[str, str]]:
    """Each <url> with every element Google requires, checked in its namespace."""
    root = etree.fromstring(data)
    assert root.tag == f"{{{SM}}}urlset"
    assert root.nsmap == {None: SM, "news": NEWS}
    found = []
    for url in root.findall("sm:url", NS):
        news = url.find("news:news", NS)
        assert news is not None
        publication = news.find("news:publication", NS)
        assert publication is not None
        values = {
            "loc": url.findtext("sm:loc", namespaces=NS),
            "name": publication.findtext("news:name", namespaces=NS),
            "language": publication.findtext("news:language", namespaces=NS),
            "date": news.findtext("news:publication_date", namespaces=NS),
            "title": news.findtext("news:title", namespaces=NS),
        }
        assert all(values.values()), values
        found.append({k: v or "" for k, v in values.items()})
    return found


def test_every_required_element_in_its_namespace() -> None:
    data, warnings = export([doc(1), doc(2, language="zh-Hant-TW", date_published="2025-10-23")])
    assert warnings == []
    assert entries(data) == [
        {
            "loc": "https://example.com/news/1?a=1&b=2",
            "name": "The Example Times",
            "language": "en",
            "date": "2025-10-23T08:00:00+02:00",
            "title": "Story 1 & <more>",
        },
        {
            "loc": "https://example.com/news/2?a=1&b=2",
            "name": "The Example Times",
            "language": "zh-tw",
            "date": "2025-10-23",
            "title": "Story 2 & <more>",
        },
    ]


def test_documents_that_cannot_be_listed_are_named_not_dropped() -> None:
    documents = [
        doc(1, url=None),
        doc(2),
        doc(3, publisher=None),
        doc(4, url="https://example.com/news/2?a=1&b=2"),
        doc(5, date_published="2025-10-23T08:00:00"),
    ]
    data, warnings = export(documents)
    assert [e["loc"] for e in entries(data)] == [
        "https://example.com/news/2?a=1&b=2",
        "https://example.com/news/5?a=1&b=2",
    ]
    assert entries(data)[1]["date"] == "2025-10-23"  # the date alone: no timezone invented
    assert len(warnings) == 4
    assert warnings[0].startswith("story-1.html: left out of the news sitemap: no url")
    assert "story-3.html" in warnings[1] and "publication name" in warnings[1]
    assert "story-4.html" in warnings[2] and "listed already" in warnings[2]
    assert "story-5.html" in warnings[3] and "no timezone" in warnings[3]


def test_options_give_the_publication_and_language() -> None:
    data, warnings = export(
        [doc(1, publisher=None, language=None)], publication="Example", language="fr"
    )
    assert warnings == []
    assert entries(data)[0]["name"] == "Example" and entries(data)[0]["language"] == "fr"


def test_recent_keeps_only_the_last_two_days() -> None:
    documents = [
        doc(1, date_published="2025-10-23T08:00:00+00:00"),
        doc(2, date_published="2025-10-21T07:59:00+00:00"),
        doc(3, date_published="2025-10-21"),
        doc(4, date_published="2025-10-20"),
    ]
    data, warnings = export(documents, recent="2d", now="2025-10-23T08:00:00Z")
    assert [e["loc"].split("?")[0][-1] for e in entries(data)] == ["1", "3"]
    assert len(warnings) == 2 and "story-2.html" in warnings[0] and "story-4.html" in warnings[1]


def test_more_than_1000_urls_become_an_index_and_its_parts(tmp_path: Path) -> None:
    documents = [doc(n) for n in range(2001)]
    data, warnings = export(documents, parts=str(tmp_path), **{"base-url": "https://example.com/s"})
    assert warnings == []
    root = etree.fromstring(data)
    assert root.tag == f"{{{SM}}}sitemapindex"
    locs = [loc.text for loc in root.iterfind("sm:sitemap/sm:loc", NS)]
    assert locs == [f"https://example.com/s/news-sitemap-{n}.xml" for n in (1, 2, 3)]
    listed = [entries((tmp_path / f"news-sitemap-{n}.xml").read_bytes()) for n in (1, 2, 3)]
    assert [len(part) for part in listed] == [1000, 1000, 1]
    assert len({e["loc"] for part in listed for e in part}) == 2001


def test_periods_and_languages() -> None:
    assert parse_period("1d12h").total_seconds() == 36 * 3600
    with pytest.raises(ValueError, match="recent="):
        parse_period("two days")
    assert [news_language(v) for v in ("en_US", "pt-BR", "zh", "zh-HK", "x", None)] == [
        "en",
        "pt",
        "zh-cn",
        "zh-tw",
        None,
        None,
    ]


def test_the_sitemap_of_real_pages_lists_each_once(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "news.xml"
    result = cli("convert", *map(str, PAGES), "--to", "news-sitemap", "-o", str(out),
                 "--only", "", "-O", "language=en")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    listed = entries(out.read_bytes())
    assert len(listed) == len(PAGES) == len({e["loc"] for e in listed})
    assert all(e["loc"].startswith("https://") for e in listed)
