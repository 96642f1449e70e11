"""The plain-text reader: optional front matter, a headline line, then the body.

---
title: "Strike ends: port reopens"
date: 2025-10-23T08:30:00+02:00
authors: [Ann Lee, Bo Chen]
tags: [labour, ports]
url: https://example.com/story
---
Headline on the first line

Body paragraphs, one per line or separated by blank lines.

The front matter is YAML (PyYAML's safe loader: lists, quoting, dates), with
the keys static-site generators write (Hugo, Jekyll, Eleventy, Astro) and the
document's own: `title`/`headline`, `date`/`datePublished`/`publishDate`,
`lastmod`/`updated`/`dateModified`, `author`/`authors`, `tags`/`keywords`,
`description`/`summary`, `image`/`images`, `lang`/`inLanguage`, `url`,
`publisher`. A `title` in the front matter is the headline, and the first
line is then body text unless it repeats it. Keys that only steer a site generator (`draft`,
`layout`, `slug`...) are passed over; any other key is a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import yaml

from newsld import hookimpl
from newsld.decode import decode_text
from newsld.errors import InputError
from newsld.metadata import iso_datetime
from newsld.model import Article, Author
from newsld.registry import Reader, ReadOptions
from newsld_plugins.html.dates import iso_date

#: Front-matter keys (as written, lowercased) and the document key each fills.
KEYS = {
    "title": "headline", "headline": "headline",
    "date": "datePublished", "datepublished": "datePublished", "published": "datePublished",
    "publishdate": "datePublished", "pubdate": "datePublished",
    "lastmod": "dateModified", "datemodified": "dateModified", "updated": "dateModified",
    "modified": "dateModified", "lastmodified": "dateModified",
    "author": "author", "authors": "author",
    "tags": "keywords", "keywords": "keywords",
    "description": "description", "summary": "description", "excerpt": "description",
    "image": "image", "images": "image",
    "lang": "inLanguage", "language": "inLanguage", "inlanguage": "inLanguage",
    "locale": "inLanguage",
    "url": "url", "canonical": "url", "canonicalurl": "url",
    "publisher": "publisher",
}  # fmt: skip
#: Keys that steer a site generator and say nothing about the article.
IGNORED = frozenset(
    "draft layout slug weight type aliases categories series toc comments menu permalink "
    "template sidebar hidden featured math id".split()
)
_AUTHORS_SPLIT = (",", ";", " and ", " & ")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(data: bytes, options: ReadOptions) -> Article:
    """Read a plain-text article."""
    text = decode_text(data, options.source).lstrip("\ufeff")
    meta, warnings, rest = _front_matter(text, options.source)
    headline, body = _headline(rest)
    if "headline" in meta and headline and headline != meta["headline"]:
        # The front matter names the headline: the first line is text (unless it repeats it).
        headline, body = None, rest.strip("\n").rstrip() + "\n"
    article = Article(body=body, source=options.source, warnings=warnings)
    if headline:
        article.headline = headline
    for key, value in meta.items():
        _apply(article, key, value)
    if not article.body.strip():
        raise InputError(options.source, "no article text after the headline")
    return article


def _front_matter(text: str, source: str) -> tuple[dict[str, Any], list[str], str]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, [], text
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
    if closing is None:
        raise InputError(source, "front matter is not closed by a '---' line")
    block = "\n".join(lines[1:closing])
    try:
        values = yaml.load(block, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not YAML"
        raise InputError(source, f"front matter {where}{problem} (expected YAML)") from None
    if values is None:
        values = {}
    if not isinstance(values, Mapping):
        raise InputError(source, "front matter: expected 'key: value' lines (YAML)")
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    for raw, value in values.items():
        key = KEYS.get(str(raw).lower())
        if key is None:
            if str(raw).lower() not in IGNORED:
                warnings.append(f"front matter: unknown key {str(raw)!r} ignored")
        elif value is not None and key not in meta:
            meta[key] = _value(key, value, str(raw), source, warnings)
    return {k: v for k, v in meta.items() if v}, warnings, "\n".join(lines[closing + 1 :])


def _value(key: str, value: Any, raw: str, source: str, warnings: list[str]) -> Any:
    """A front-matter value as the article field wants it (a list for lists, else text)."""
    if key in ("datePublished", "dateModified"):
        return _date(value, raw, source)
    if key in ("author", "keywords", "image"):
        return _texts(value, raw, warnings)
    if isinstance(value, list | Mapping):
        warnings.append(f"front matter: {raw} is not a single value; ignored")
        return None
    return str(value).strip()


def _date(value: Any, raw: str, source: str) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = str(value).strip()
    found = iso_datetime(text) or iso_date(text)
    if found is None:
        raise InputError(source, f"front matter: {raw} {text!r} is not a date")
    return found


def _texts(value: Any, raw: str, warnings: list[str]) -> list[str]:
    """A list of names, tags or urls: a YAML list (of text, or of maps with a `name`), or text."""
    items = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items:
        if isinstance(item, Mapping):
            item = item.get("name") or item.get("url") or item.get("src")
        if item is None or isinstance(item, list | Mapping):
            warnings.append(f"front matter: an entry of {raw} is not text; ignored")
            continue
        found.append(str(item).strip())
    return [f for f in found if f]


def _headline(text: str) -> tuple[str | None, str]:
    """The first line is the headline when a blank line follows it."""
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    if sep and rest.startswith("\n") and first.strip() and len(first) < 300:
        return first.strip(), rest.strip("\n").rstrip() + "\n"
    return None, stripped.rstrip() + "\n"


def _apply(article: Article, key: str, value: Any) -> None:
    if key == "author":
        article.authors.extend(Author(name) for name in _author_names(value))
    elif key == "keywords":
        article.keywords.extend(value)
    elif key == "image":
        article.image.extend(value)
    else:
        setattr(article, _FIELDS[key], value)


_FIELDS = {
    "headline": "headline",
    "datePublished": "date_published",
    "dateModified": "date_modified",
    "url": "url",
    "publisher": "publisher",
    "inLanguage": "language",
    "description": "description",
}


def _author_names(values: list[str]) -> list[str]:
    """Each author once: a list as given, a single text split at commas and "and"."""
    if len(values) != 1:
        return values
    names = [values[0]]
    for separator in _AUTHORS_SPLIT:
        names = [part.strip() for name in names for part in name.split(separator)]
    return [name for name in names if name]


def _sniff(data: bytes) -> float:
    # Anything that decodes as text can be read as text: the fallback reader.
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype", b"<html", b"<?xml", b"{", b"[")):
        return 0.05
    return 0.1


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(
        Reader(
            name="text",
            read=read_text,
            extensions=(".txt", ".text", ".md"),
            media_types=("text/plain",),
            sniff=_sniff,
            description="Plain text with optional front matter; the first line is the headline",
        )
    )
