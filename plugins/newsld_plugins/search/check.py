"""`newsld check`: what Google's Article structured-data guidelines would miss or reject.

Reads the JSON-LD a page carries (or a JSON-LD document, or JSON Lines of
them) and reports, one line each, what Google's Article documentation
recommends and the markup lacks or gets wrong. Errors are values Google
cannot use (markup that does not parse, a date that is not ISO 8601, an
author without a name, no Article node at all); warnings are recommended
properties that are missing or best practices that are broken (no image, a
date without a timezone, an author given as a plain string, a job title in
an author's name, a headline that differs from the page's title).
The rules and their sources are listed in docs/search-engines.md.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

import lxml.html
import typer
from lxml import etree

from newsld.convert import MAX_INPUT_BYTES
from newsld.errors import InputError
from newsld.inputs import read_input

__all__ = [
    "ARTICLE_TYPES",
    "REPLACED",
    "Problem",
    "check",
    "check_data",
    "check_node",
    "check_page",
    "index_nodes",
    "page_title",
    "top_nodes",
]

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "LiveBlogPosting",
        "SocialMediaPosting",
    }
)
AUTHOR_TYPES = frozenset({"Person", "Organization"})
#: The marker's value on the block `newsld embed --replace` put in place of the publisher's.
REPLACED = "replace"
GUIDE = "https://developers.google.com/search/docs/appearance/structured-data/article"

# "By Jane Doe", "Jane Doe, Senior Reporter", "Jane Doe | Staff Writer": more than a name.
_ROLE = re.compile(
    r"^\s*(?:posted|written|reported)?\s*by\b|\b(?:reporter|correspondent|editor|writer|"
    r"columnist|contributor|journalist|photographer|producer|analyst|staff|bureau|desk|"
    r"chief|senior|intern|freelance)s?\b",
    re.I,
)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,7});", re.I)
_SEVERAL = re.compile(r"\s(?:and|&|und|et|y)\s|;|\s/\s", re.I)
_NON_WORD = re.compile(r"[\W_]+")
_PARSER = lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True)


@dataclass(frozen=True)
class Problem:
    """One thing Google would miss or reject: its level, a short rule name and the message."""

    level: str
    rule: str
    message: str

    def line(self, source: str) -> str:
        """`FILE: warning: message`."""
        return f"{source}: {self.level}: {self.message}"


def _error(rule: str, message: str) -> Problem:
    return Problem("error", rule, message)


def _warning(rule: str, message: str) -> Problem:
    return Problem("warning", rule, message)


# ---------------------------------------------------------------- one article node


def check_node(
    node: Mapping[str, Any], title: str | None = None, index: Mapping[str, Any] | None = None
) -> list[Problem]:
    """Every problem of one Article node; `title` is the page's `<title>` when checking a page."""
    index = index or {}
    problems = list(_headline(node.get("headline"), title))
    problems += _images(_resolve(node.get("image"), index))
    for key in ("datePublished", "dateModified"):
        problems += _date(key, node.get(key))
    problems += _authors(_resolve(node.get("author"), index), _publisher_name(node, index))
    return problems


def _resolve(value: Any, index: Mapping[str, Any]) -> Any:
    """Follow `{"@id": ...}` references to the nodes of the same page."""
    if isinstance(value, list):
        return [_resolve(v, index) for v in value]
    if isinstance(value, Mapping) and set(value) == {"@id"}:
        return index.get(str(value["@id"]), value)
    return value


def _headline(headline: Any, title: str | None) -> Iterator[Problem]:
    if headline is None:
        yield _warning("headline", f"no headline (Google recommends the article's title; {GUIDE})")
        return
    if not isinstance(headline, str) or not headline.strip():
        yield _error("headline", "headline is empty or not text")
        return
    if _ENTITY.search(headline):
        yield _warning(
            "headline-entities",
            f"headline {headline!r} holds HTML entities (JSON-LD takes the plain characters)",
        )
    if title and not _same_title(html.unescape(headline), title):
        yield _warning(
            "headline-title",
            f"headline {headline!r} differs from the page's title {title!r} "
            "(structured data should describe what the page shows)",
        )


def _same_title(headline: str, title: str) -> bool:
    """The title holds the headline (titles add the site's name: "Headline | Site")."""
    a, b = (_NON_WORD.sub(" ", t.replace("’", "'").casefold()).strip() for t in (headline, title))
    return bool(a and b) and (a in b or b in a)


def _images(value: Any) -> Iterator[Problem]:
    images = value if isinstance(value, list) else [value] if value else []
    if not images:
        yield _warning(
            "image",
            "no image (Google recommends several high-resolution images, "
            "in 16x9, 4x3 and 1x1 aspect ratios)",
        )
    for image in images:
        url = image.get("url") or image.get("contentUrl") if isinstance(image, Mapping) else image
        if not isinstance(url, str) or not url.strip() or url.startswith(("data:", "javascript:")):
            yield _error("image", f"image {json.dumps(image)[:80]} is not a URL Google can crawl")


def _date(key: str, value: Any) -> Iterator[Problem]:
    if value is None:
        yield _warning(key, f"no {key} (Google recommends it, in ISO 8601 with a timezone)")
        return
    text = value.strip() if isinstance(value, str) else ""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        yield _error(key, f"{key} {value!r} is not an ISO 8601 date")
        return
    if len(text) <= 10:
        yield _warning(
            f"{key}-timezone",
            f"{key} {text} has no time or timezone (Google recommends both; "
            "without a timezone it assumes Googlebot's)",
        )
    elif moment.tzinfo is None:
        yield _warning(
            f"{key}-timezone",
            f"{key} {text} has no timezone (Google then assumes Googlebot's; add an offset)",
        )


def _publisher_name(node: Mapping[str, Any], index: Mapping[str, Any]) -> str:
    publisher = _resolve(node.get("publisher"), index)
    publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
    name = publisher.get("name") if isinstance(publisher, Mapping) else publisher
    return name.strip().casefold() if isinstance(name, str) else ""


def _authors(value: Any, publisher: str) -> Iterator[Problem]:
    authors = value if isinstance(value, list) else [value] if value else []
    if not authors:
        yield _warning(
            "author", "no author (Google recommends every author, each in its own entry)"
        )
    for author in authors:
        if isinstance(author, str):
            yield _warning(
                "author-string",
                f"author {author!r} is a plain string (give a Person or Organization with a name)",
            )
            yield from _author_name(author, "Person", publisher)
        elif isinstance(author, Mapping):
            yield from _author_node(author, publisher)
        else:
            yield _error("author-name", f"author {json.dumps(author)[:60]} has no name")


def _author_node(author: Mapping[str, Any], publisher: str) -> Iterator[Problem]:
    name = author.get("name")
    kinds = author.get("@type")
    kind = next((k for k in (kinds if isinstance(kinds, list) else [kinds]) if k), None)
    if not isinstance(name, str) or not name.strip():
        yield _error("author-name", f"author {json.dumps(author)[:60]} has no name")
        return
    if kind not in AUTHOR_TYPES:
        yield _warning(
            "author-type",
            f"author {name!r} is typed {kind or 'nothing'} (use Person or Organization)",
        )
    yield from _author_name(name, str(kind), publisher)
    if not author.get("url") and not author.get("sameAs"):
        yield _warning(
            "author-url",
            f"author {name!r} has no url (Google recommends a page that identifies the author)",
        )


def _author_name(name: str, kind: str, publisher: str) -> Iterator[Problem]:
    if _ROLE.search(name):
        yield _warning(
            "author-name",
            f"author name {name!r} holds more than a name (no job title, 'By' or site name)",
        )
    # "Jane Doe, John Roe": two full names; "Doe, Jane" and "Jane Doe, Reporter" are not.
    parts = [p for p in name.split(",") if len(p.split()) >= 2 and not _ROLE.search(p)]
    if _SEVERAL.search(name) or len(parts) >= 2:
        yield _warning("author-several", f"author {name!r} names several people: one entry each")
    if kind == "Person" and publisher and name.strip().casefold() == publisher:
        yield _warning(
            "author-publisher", f"author {name!r} is the publisher: type it as an Organization"
        )


# ---------------------------------------------------------------- pages and documents


def _types(node: Mapping[str, Any]) -> set[str]:
    raw = node.get("@type")
    return {str(t).rsplit("/", 1)[-1] for t in (raw if isinstance(raw, list) else [raw]) if t}


def top_nodes(value: Any) -> Iterator[Mapping[str, Any]]:
    """The nodes of a block: the object itself, a list's items, an `@graph`'s members."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, Mapping):
            yield item
            yield from top_nodes(item.get("@graph", []))


def index_nodes(nodes: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """Nodes by `@id`, to follow references. Nodes with the same `@id` are one node (as
    JSON-LD reads them): their properties are merged, the first given of each kept."""
    index: dict[str, dict[str, Any]] = {}
    for node in nodes:
        if "@id" in node and len(node) > 1:
            merged = index.setdefault(str(node["@id"]), {})
            merged.update((k, v) for k, v in node.items() if k not in merged)
    return dict(index)


def page_title(data: bytes) -> str | None:
    """The page's `<title>`, as `check` compares the headline with it."""
    try:
        root = lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    return " ".join((root.findtext(".//title") or "").split()) or None


def _check_blocks(blocks: list[tuple[Any, bool]], title: str | None) -> list[Problem]:
    """Check every Article node of the blocks (each with whether it is newsld's own)."""
    nodes = [(n, ours) for block, ours in blocks for n in top_nodes(block)]
    index = index_nodes(n for n, _ in nodes)
    articles = [(n, ours) for n, ours in nodes if _types(n) & ARTICLE_TYPES]
    if not articles:
        return [_error("article", "no Article, NewsArticle or BlogPosting node in the JSON-LD")]
    problems: list[Problem] = []
    for number, (node, ours) in enumerate(articles, 1):
        found = check_node(node, title, index)
        if len(articles) > 1:
            kind = "/".join(sorted(_types(node) & ARTICLE_TYPES))
            label = f"{kind} {number} of {len(articles)}{' (newsld)' if ours else ''}"
            found = [Problem(p.level, p.rule, f"{label}: {p.message}") for p in found]
        problems += found
    return problems


def check_page(data: bytes) -> list[Problem]:
    """Every problem of the JSON-LD an HTML page carries."""
    try:
        root = lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return [_error("page", "no HTML markup to read")]
    blocks: list[tuple[Any, bool]] = []
    problems: list[Problem] = []
    scripts = [
        s
        for s in root.iter("script")
        if (s.get("type") or "").strip().lower() == "application/ld+json"
    ]
    for number, script in enumerate(scripts, 1):
        try:
            # A block newsld added is labelled as such; one that took the place of the
            # publisher's (`embed --replace`) holds the publisher's article, as it was.
            ours = script.get("data-newsld") not in (None, REPLACED)
            blocks.append((json.loads(script.text or ""), ours))
        except ValueError as exc:
            problems.append(_error("json", f"JSON-LD block {number} does not parse ({exc})"))
        except RecursionError:
            problems.append(_error("json", f"JSON-LD block {number} is nested too deeply to read"))
    title = " ".join((root.findtext(".//title") or "").split()) or None
    return problems + _check_blocks(blocks, title)


def check_data(data: bytes) -> list[Problem]:
    """Every problem of a page, a JSON-LD document, or JSON Lines of documents."""
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith((b"{", b"[")):
        return check_page(data)
    try:
        blocks = [(json.loads(data.decode("utf-8-sig")), False)]
    except ValueError:
        try:
            lines = data.decode("utf-8-sig").splitlines()
            blocks = [(json.loads(line), False) for line in lines if line.strip()]
        except ValueError as exc:
            return [_error("json", f"not JSON, JSON Lines or an HTML page ({exc})")]
    return _check_blocks(blocks, None)


# ---------------------------------------------------------------- the command


def _check_input(source: str) -> list[Problem]:
    """The problems of one input; reading it within newsld's input size limit."""
    try:
        data = read_input(source, MAX_INPUT_BYTES)
    except InputError as exc:
        return [_error("input", exc.problem)]
    try:
        return check_data(data)
    except RecursionError:
        return [_error("json", "nested too deeply to read")]


def check(
    inputs: list[str] = typer.Argument(
        ..., help="HTML pages or JSON-LD documents; '-' reads stdin."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON report for machines."),
) -> None:
    """Check pages or documents against Google's Article structured-data guidelines."""
    report: list[dict[str, Any]] = []
    errors = 0
    for source in inputs:
        problems = _check_input(source)
        errors += sum(p.level == "error" for p in problems)
        report.append({"file": source, "problems": [asdict(p) for p in problems]})
        if not as_json:
            for problem in problems:
                typer.echo(problem.line(source))
    if as_json:
        warnings = sum(len(r["problems"]) for r in report) - errors
        summary = {"files": report, "errors": errors, "warnings": warnings}
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    raise typer.Exit(1 if errors else 0)
