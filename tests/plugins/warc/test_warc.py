"""The WARC archive plugin: pages out of a web archive, the rest counted, damage read past."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsld.cli import app
from newsld.records import Broken, Record, Skipped
from newsld_plugins.warc import writing

pytest.importorskip("fastwarc", reason="the warc extra is not installed")

from newsld_plugins.warc import read_records, split

PAGES = sorted((Path(__file__).resolve().parents[2] / "data" / "pages").glob("*.html"))
SITE = "https://news.example"


def archive(
    tmp_path: Path, name: str = "crawl.warc.gz", *, tail: bytes = b"", gz: bool = True
) -> Path:
    """A warcinfo record, three pages, a redirect, a PDF and a 404, then `tail`."""
    parts = [writing.warcinfo(name, gzip_member=gz)]
    for page in PAGES[:3]:
        parts.append(writing.response(f"{SITE}/{page.stem}", page.read_bytes(), gzip_member=gz))
    parts += [
        writing.response(f"{SITE}/old", b"", status="301 Moved Permanently", gzip_member=gz),
        writing.response(f"{SITE}/a.pdf", b"%PDF", content_type="application/pdf", gzip_member=gz),
        writing.response(f"{SITE}/gone", b"<html/>", status="404 Not Found", gzip_member=gz),
    ]
    path = tmp_path / name
    path.write_bytes(b"".join(parts) + tail)
    return path


def cut(page: Path, gz: bool = True) -> bytes:
    record = writing.response(f"{SITE}/cut", page.read_bytes(), gzip_member=gz)
    return record[: len(record) // 2]


def kinds(path: Path) -> list[str]:
    return [type(item).__name__ for item in read_records(str(path))]


def test_pages_become_records_named_by_archive_and_offset(tmp_path: Path) -> None:
    path = archive(tmp_path)
    items = list(read_records(str(path)))
    pages = [i for i in items if isinstance(i, Record)]
    assert [p.fallback_url for p in pages] == [f"{SITE}/{p.stem}" for p in PAGES[:3]]
    assert all(p.fallback_date == "2025-10-24T08:00:00Z" and p.reader == "html" for p in pages)
    assert pages[0].data == PAGES[0].read_bytes()
    offset = int(pages[1].source.rsplit("=", 1)[1])
    with open(path, "rb") as stream:  # the offset is where the record's gzip member starts
        stream.seek(offset)
        assert stream.read(2) == b"\x1f\x8b"
    assert pages[1].source == f"{path}#offset={offset}"


def test_other_records_are_skipped_with_their_reason(tmp_path: Path) -> None:
    skipped = [i.reason for i in read_records(str(archive(tmp_path))) if isinstance(i, Skipped)]
    assert skipped == [
        "warcinfo record", "redirect (HTTP 301)", "not HTML (application/pdf)", "HTTP 404",
    ]  # fmt: skip


@pytest.mark.parametrize("gz", [True, False], ids=["gzip", "plain"])
def test_a_record_cut_short_at_the_end_is_one_failure(tmp_path: Path, gz: bool) -> None:
    name = "crawl.warc.gz" if gz else "crawl.warc"
    items = list(read_records(str(archive(tmp_path, name, tail=cut(PAGES[3], gz), gz=gz))))
    broken = [i for i in items if isinstance(i, Broken)]
    assert len(broken) == 1 and "truncated record" in broken[0].problem
    assert sum(isinstance(i, Record) for i in items) == 3


@pytest.mark.parametrize("gz", [True, False], ids=["gzip", "plain"])
@pytest.mark.parametrize("damage", ["cut", "garbage"])
def test_reading_goes_on_after_a_damaged_record(tmp_path: Path, gz: bool, damage: str) -> None:
    name = "crawl.warc.gz" if gz else "crawl.warc"
    bad = cut(PAGES[3], gz) if damage == "cut" else b"not a record at all\r\n\r\n"
    after = writing.response(f"{SITE}/after", PAGES[4].read_bytes(), gzip_member=gz)
    path = archive(tmp_path, name, tail=bad + after, gz=gz)
    items = list(read_records(str(path)))
    broken = [i for i in items if isinstance(i, Broken)]
    assert len(broken) == 1
    first_bad = path.stat().st_size - len(after) - len(bad)
    assert broken[0].source == f"{path}#offset={first_bad}"
    pages = [i for i in items if isinstance(i, Record)]
    assert pages[-1].fallback_url == f"{SITE}/after"
    assert pages[-1].data == PAGES[4].read_bytes()


def test_split_ranges_start_at_records_and_cover_each_once(tmp_path: Path) -> None:
    path = archive(tmp_path, tail=b"".join(
        writing.response(f"{SITE}/more-{n}", p.read_bytes()) for n, p in enumerate(PAGES)
    ))  # fmt: skip
    whole = [i.source for i in read_records(str(path))]
    ranges = split(str(path), 20_000)
    assert len(ranges) > 3 and ranges[0][0] == 0 and ranges[-1][1] is None
    parts = [i.source for start, stop in ranges for i in read_records(str(path), start, stop)]
    assert parts == whole


def test_convert_a_warc_from_the_command_line(tmp_path: Path) -> None:
    path = archive(tmp_path, tail=cut(PAGES[3]))
    result = CliRunner().invoke(app, ["convert", str(path)])
    assert result.exit_code == 1
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["@type"] for d in documents] == ["NewsArticle"] * 3
    lines = result.stderr.splitlines()
    assert sum("error:" in line for line in lines) == 1
    assert any("truncated record" in line and f"{path}#offset=" in line for line in lines)
    summary = [line for line in lines if line.startswith(f"newsld: {path}: ")]
    assert summary == [
        f"newsld: {path}: 3 pages converted, 1 record failed, 4 records skipped "
        "(1 HTTP 404, 1 not HTML (application/pdf), 1 redirect (HTTP 301), 1 warcinfo record)"
    ]
    assert "Traceback" not in result.stderr


def test_a_page_keeps_its_own_url_and_date(tmp_path: Path) -> None:
    page = next(p for p in PAGES if p.name == "opengraph.html")
    path = tmp_path / "one.warc.gz"
    path.write_bytes(writing.response(f"{SITE}/fetched-here", page.read_bytes()))
    direct = CliRunner().invoke(app, ["convert", str(page)])
    archived = CliRunner().invoke(app, ["convert", str(path)])
    own, found = json.loads(direct.stdout), json.loads(archived.stdout)
    assert found["url"] == own["url"] != f"{SITE}/fetched-here"
    assert found["datePublished"] == own["datePublished"]
    assert found["hasPart"] == own["hasPart"]
