"""The plain-text reader: optional front matter, a headline line, then the body.

---
datePublished: 2025-10-23
url: https://example.com/story
---
Headline on the first line

Body paragraphs, one per line or separated by blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from newsld import hookimpl
from newsld.decode import decode_text
from newsld.errors import InputError
from newsld.model import Article, Author
from newsld.registry import Reader, ReadOptions

# Front-matter keys and the Article field each fills.
FIELDS = {
    "headline": "headline",
    "datePublished": "date_published",
    "dateModified": "date_modified",
    "url": "url",
    "author": "authors",
    "publisher": "publisher",
    "inLanguage": "language",
    "description": "description",
    "image": "image",
}
_KEY_LINE = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")
_AUTHORS = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_DATE_KEYS = {"datePublished", "dateModified"}


def read_text(data: bytes, options: ReadOptions) -> Article:
    """Read a plain-text article."""
    text = decode_text(data, options.source).lstrip("\ufeff")
    meta, warnings, rest = _front_matter(text, options.source)
    headline, body = _headline(rest)
    article = Article(body=body, source=options.source, warnings=warnings)
    if headline:
        article.headline = headline
    for key, value in meta.items():
        _apply(article, key, value)
    if not article.body.strip():
        raise InputError(options.source, "no article text after the headline")
    return article


def _front_matter(text: str, source: str) -> tuple[dict[str, str], list[str], str]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, [], text
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
    if closing is None:
        raise InputError(source, "front matter is not closed by a '---' line")
    meta: dict[str, str] = {}
    warnings: list[str] = []
    for number, line in enumerate(lines[1:closing], 2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY_LINE.match(line)
        if match is None:
            raise InputError(source, f"front matter line {number}: expected 'key: value'")
        key, value = match.group(1), match.group(2).strip().strip("\"'")
        if key not in FIELDS:
            warnings.append(f"front matter: unknown key {key!r} ignored")
        elif key in _DATE_KEYS and not _is_iso_date(value):
            raise InputError(source, f"front matter line {number}: {key} {value!r} is not a date")
        else:
            meta[key] = value
    return meta, warnings, "\n".join(lines[closing + 1 :])


def _is_iso_date(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _headline(text: str) -> tuple[str | None, str]:
    """The first line is the headline when a blank line follows it."""
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    if sep and rest.startswith("\n") and first.strip() and len(first) < 300:
        return first.strip(), rest.strip("\n").rstrip() + "\n"
    return None, stripped.rstrip() + "\n"


def _apply(article: Article, key: str, value: str) -> None:
    if not value:
        return
    setters: dict[str, Callable[[], None]] = {
        "author": lambda: article.authors.extend(
            Author(name) for name in _AUTHORS.split(value) if name.strip()
        ),
        "image": lambda: article.image.append(value),
    }
    if key in setters:
        setters[key]()
    else:
        setattr(article, FIELDS[key], value)


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
