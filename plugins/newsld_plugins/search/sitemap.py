"""The `news-sitemap` exporter: a Google News sitemap of the documents' pages.

Each document with a url, a title, a publication date, a publication name and
a language becomes one `<url>` with its `<news:news>`; a document that lacks
one of them is named on stderr and left out, never dropped in silence.

Google takes at most 1,000 news URLs a sitemap. Up to that the output is one
`<urlset>`; beyond it the output is a `<sitemapindex>` and the urlsets it
points to are written beside it as `news-sitemap-1.xml`, `-2.xml`... (in
`-O parts=DIR`, else the output file's folder, else the current folder),
listed under `-O base-url=URL` (else the site root of the first article).

Options: `publication=NAME`, `language=CODE` (used when a document has none
of its own; NAME must match the publication's name in Google News),
`recent=2d` (keep only articles published in the last two days: `48h`, `1d12h`
also work), `now=ISO-8601` (the moment `recent` counts back from; default:
the current time). See docs/search-engines.md.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from newsld.export import DocumentWriter, ExportOptions
from newsld.model import Document
from newsld.output import atomic_output

__all__ = [
    "MAX_URLS",
    "NEWS_NS",
    "SITEMAP_NS",
    "NewsSitemapWriter",
    "news_language",
    "parse_period",
    "publication_date",
]

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
#: Google reads at most this many `<news:news>` entries from one sitemap.
MAX_URLS = 1000
PART_STEM = "news-sitemap"

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_URLSET = f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n'
_PERIOD = re.compile(r"(\d+)\s*([dhm])", re.I)
_PERIOD_WHOLE = re.compile(r"(?:\s*\d+\s*[dhm])+\s*", re.I)
_LANGUAGE = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z0-9]{2,8}))?", re.I)
# Characters XML 1.0 cannot hold at all (controls other than tab, newline, return).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_period(text: str) -> timedelta:
    """`2d`, `48h`, `1d12h` as a duration."""
    if not _PERIOD_WHOLE.fullmatch(text):
        raise ValueError(f"recent={text!r}: expected a period such as 2d, 48h or 1d12h")
    total = timedelta()
    for amount, unit in _PERIOD.findall(text):
        total += timedelta(**{_UNITS[unit.lower()]: int(amount)})
    return total


def news_language(value: str | None) -> str | None:
    """The ISO 639 code Google wants: `en_US` → `en`; Chinese as `zh-cn` or `zh-tw`."""
    match = _LANGUAGE.match((value or "").strip())
    if match is None:
        return None
    code, region = match.group(1).lower(), (match.group(2) or "").lower()
    if code == "zh":
        return "zh-tw" if region in {"tw", "hk", "mo", "hant"} else "zh-cn"
    return code


def publication_date(value: str | None) -> tuple[datetime | date, bool] | None:
    """The date as given (with its own timezone), and whether it had a time but no zone."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text), False
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.date(), True
    return moment, False


def _w3c(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", " ".join(value.split())))


class _LeftOut(Exception):
    """Why a document gets no entry in the sitemap."""


class NewsSitemapWriter(DocumentWriter):
    """Collects `<url>` entries; writes a urlset, or an index and its parts beyond 1,000."""

    def __init__(self, stream: IO[bytes], options: ExportOptions) -> None:
        super().__init__(stream, options)
        self.warn: Callable[[str], None] = _warn
        self._entries: list[str] = []
        self._parts: list[str] = []
        self._seen: set[str] = set()
        self._first_url: str | None = None
        self._now = self._moment(options.options.get("now"))
        recent = options.options.get("recent")
        self._since = self._now - parse_period(recent) if recent else None

    @staticmethod
    def _moment(value: str | None) -> datetime:
        if not value:
            return datetime.now(UTC)
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

    def write(self, document: Document) -> None:
        """Add the document's page, or say on stderr why it is left out."""
        self.count += 1
        try:
            self._entries.append(self._entry(document))
        except _LeftOut as why:
            self.warn(
                f"{document.article.source or document.id}: left out of the news sitemap: {why}"
            )
            return
        if len(self._entries) > MAX_URLS:
            self._flush_part(self._entries[:MAX_URLS])
            self._entries = self._entries[MAX_URLS:]

    def _entry(self, document: Document) -> str:
        """The `<url>` element; `_LeftOut` says why there is none."""
        article = document.article
        url = (article.url or "").strip()
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
            raise _LeftOut("no url (give --url, or a page that names its address)")
        if url in self._seen:
            raise _LeftOut(f"{url} is listed already")
        published = publication_date(article.date_published)
        name = self.options.options.get("publication") or article.publisher
        language = news_language(article.language or self.options.options.get("language"))
        missing = [
            label
            for label, value in (
                ("title (headline)", article.headline),
                ("publication date", published),
                ("publication name (give -O publication=NAME)", name),
                ("language (give -O language=CODE)", language),
            )
            if not value
        ]
        if missing:
            raise _LeftOut("no " + ", no ".join(missing))
        assert published is not None and name and language and article.headline
        moment, zoneless = published
        if self._since is not None and not self._recent(moment):
            raise _LeftOut(f"published {_w3c(moment)}, before {_w3c(self._since)}")
        if zoneless:
            self.warn(
                f"{document.article.source or document.id}: publication date "
                f"{article.date_published} has a time but no timezone: wrote the date alone"
            )
        self._seen.add(url)
        self._first_url = self._first_url or url
        return _url_element(url, name, language, _w3c(moment), article.headline)

    def _recent(self, moment: datetime | date) -> bool:
        assert self._since is not None
        if isinstance(moment, datetime):
            return moment >= self._since
        return moment >= self._since.astimezone(UTC).date()

    def finish(self) -> None:
        """Write the urlset, or the last part and the index that lists every part."""
        if not self._parts:
            self.stream.write(_urlset(self._entries).encode("utf-8"))
        else:
            if self._entries:
                self._flush_part(self._entries)
            self.stream.write(self._index().encode("utf-8"))
        self.stream.flush()

    def _flush_part(self, entries: list[str]) -> None:
        name = f"{PART_STEM}-{len(self._parts) + 1}.xml"
        with atomic_output(self._folder() / name) as part:
            part.write(_urlset(entries).encode("utf-8"))
        self._parts.append(name)

    def _folder(self) -> Path:
        chosen = self.options.options.get("parts")
        if chosen:
            return Path(chosen)
        name = getattr(self.stream, "name", None)
        if isinstance(name, str) and Path(name).parent.is_dir() and not name.startswith("<"):
            return Path(name).parent
        return Path.cwd()

    def _index(self) -> str:
        base = self.options.options.get("base-url") or _site_root(self._first_url or "")
        base = base if base.endswith("/") else base + "/"
        lines = [_DECLARATION, f'<sitemapindex xmlns="{SITEMAP_NS}">\n']
        lines += [f"  <sitemap><loc>{_text(base + name)}</loc></sitemap>\n" for name in self._parts]
        return "".join([*lines, "</sitemapindex>\n"])


def _site_root(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def _url_element(url: str, name: str, language: str, published: str, title: str) -> str:
    return (
        "<url>\n"
        f"    <loc>{_text(url)}</loc>\n"
        "    <news:news>\n"
        "      <news:publication>\n"
        f"        <news:name>{_text(name)}</news:name>\n"
        f"        <news:language>{language}</news:language>\n"
        "      </news:publication>\n"
        f"      <news:publication_date>{published}</news:publication_date>\n"
        f"      <news:title>{_text(title)}</news:title>\n"
        "    </news:news>\n"
        "  </url>\n"
    )


def _urlset(entries: list[str]) -> str:
    return "".join([_DECLARATION, _URLSET, *("  " + e for e in entries), "</urlset>\n"])


def _warn(message: str) -> None:
    print(f"newsld: warning: {message}", file=sys.stderr)
