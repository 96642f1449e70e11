"""Metadata written into the page's markup: microdata, `<time>`, bylines, `<title>`, `<h1>`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

from lxml import etree

from newsld_plugins.html.dates import iso_date
from newsld_plugins.html.jsonld import ARTICLE_TYPES

__all__ = ["bylines", "dateline", "h1_texts", "local_time", "microdata", "published_time", "title"]

_ARTICLE_SCOPE = etree.XPath(
    "//*[@itemscope][" + " or ".join(f"contains(@itemtype, '/{t}')" for t in ARTICLE_TYPES) + "]"
)
_PROPS = {
    "headline": "headline",
    "datePublished": "date_published",
    "dateModified": "date_modified",
    "author": "authors",
    "description": "description",
}
_NOT_BYLINE = frozenset({"meta", "link", "script", "style", "img"})
# Class or id fragments of the element holding an author's name.
_AUTHOR_MARKS = (
    "byline",
    "author-name",
    "author__name",
    "authorname",
    "author_name",
    "authname",
    "authorlink",
    "author-link",
    "contributor-name",
    "article-author",
)
# Cheap case-insensitive prefilter ("uthor" for Author / author); _marked() decides.
# <p>By <a>Jane Doe</a></p>, a short element whose own text is "By", is found
# from the text node up: much cheaper than testing every element's text.
_BYLINE_OR_H1 = etree.XPath(
    "//h1 | //*[@rel='author' or @itemprop='author' or contains(@class, 'uthor')"
    " or contains(@class, 'yline') or contains(@class, 'YLINE') or contains(@id, 'uthor')"
    " or contains(@id, 'yline') or contains(@data-testid, 'uthor')]"
    " | //text()[normalize-space(.) = 'By']/parent::*[self::p or self::div or self::span"
    " or self::small or self::address or self::h4 or self::h5 or self::h6 or self::li]"
)
_ITEMPROPS = etree.XPath(".//*[@itemprop]")
_NAMES = etree.XPath(".//*[@itemprop='name']")
_TIMES = etree.XPath("//time[@datetime]")
# A local date and time without a zone: "2023-12-22 20:48:19".
_NAIVE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?")
_WRITTEN_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}",
    re.I,
)


def microdata(root: etree._Element) -> dict[str, Any]:
    """Fields of the article's microdata item (or of page-level itemprops)."""
    scopes = _elements(_ARTICLE_SCOPE, root)
    scope = scopes[0] if scopes else root
    found: dict[str, Any] = {}
    for element in _elements(_ITEMPROPS, scope):
        for prop in (element.get("itemprop") or "").split():
            name = _PROPS.get(prop)
            if name is None or (
                element.tag == "meta" and name == "authors" and not element.get("content")
            ):
                continue
            value = _author(element) if name == "authors" else _value(element)
            if value:
                if name == "authors":
                    found.setdefault(name, []).append(value)
                else:
                    found.setdefault(name, value)
    return found


def _elements(path: etree.XPath, node: etree._Element) -> list[etree._Element]:
    """The elements an XPath selects (lxml types its result loosely)."""
    found = path(node)
    return [e for e in found if isinstance(e, etree._Element)] if isinstance(found, list) else []


def _value(element: etree._Element) -> str:
    for attribute in ("content", "datetime"):
        if element.get(attribute):
            return str(element.get(attribute))
    return _text_of(element)


def _author(element: etree._Element) -> str:
    if element.get("itemscope") is not None:
        names = _elements(_NAMES, element)
        if names:
            return _value(names[0])
    return _value(element)


def _text_of(element: etree._Element, limit: int = 300) -> str:
    text = " ".join(" ".join(str(t) for t in element.itertext()).split())
    return text if len(text) <= limit else ""


def published_time(root: etree._Element, anywhere: bool = False) -> str | None:
    """The `datetime` of the `<time>` marked as the publication time, else the first after `<h1>`.

    With `anywhere`, the first `<time>` of the page will do.
    """
    times: list[etree._Element] = []
    seen_h1 = False
    for element in root.iter("h1", "time"):
        if element.tag == "h1":
            seen_h1 = True
            continue
        if not element.get("datetime"):
            continue
        marks = " ".join(str(element.get(a, "")) for a in ("class", "itemprop", "id")).lower()
        if element.get("pubdate") is not None or "publish" in marks or "posted" in marks:
            return element.get("datetime")
        if seen_h1:
            return element.get("datetime")
        times.append(element)
    return times[0].get("datetime") if times and anywhere else None


def dateline(root: etree._Element) -> str | None:
    """A date written out in the few short texts under the `<h1>` ("Dec 05, 2023")."""
    h1 = next(root.iter("h1"), None)
    if h1 is None:
        return None
    for count, element in enumerate(_after(h1)):
        if count > 60:
            break
        for text in (element.text, element.tail):
            if text and 6 < len(text) < 60 and _WRITTEN_DATE.search(text):
                return iso_date(text)
    return None


def _after(element: etree._Element) -> Iterator[etree._Element]:
    """Elements after `element` in document order (its descendants, then what follows)."""
    yield from element.iterdescendants()
    node: etree._Element | None = element
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter()
        node = node.getparent()


def local_time(root: etree._Element, moment: str) -> str:
    """`moment` in the page's own timezone, when a `<time>` shows it as local time.

    A page may give 2023-12-23T01:48:19Z in its metadata and print
    `<time datetime="2023-12-22 20:48:19">`: the same instant at -05:00.
    """
    instant = _aware(moment)
    if instant is None:
        return moment
    for element in _elements(_TIMES, root):
        shown = _naive(element.get("datetime", ""))
        if shown is None:
            continue
        offset = shown - instant.replace(tzinfo=None) + instant.utcoffset()  # type: ignore[operator]
        hours = offset.total_seconds() / 3600
        if offset and abs(hours) <= 14 and (hours * 4).is_integer():
            return instant.astimezone(timezone(offset)).isoformat(timespec="seconds")
    return moment


def _aware(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _naive(value: str) -> datetime | None:
    text = value.strip()
    if not _NAIVE.fullmatch(text):
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def bylines(root: etree._Element) -> list[str]:
    """Short texts marked as a byline or an author, those after the first `<h1>` first."""
    after_h1: list[str] = []
    before: list[str] = []
    seen_h1 = False
    # One XPath union returns the <h1>s and the candidates in document order.
    for element in _elements(_BYLINE_OR_H1, root):
        if element.tag == "h1":
            seen_h1 = True
            continue
        if not _marked(element):
            continue
        text = _text_of(element, 150)
        if text:
            (after_h1 if seen_h1 else before).append(text)
        if len(after_h1) >= 8:
            break
    return list(dict.fromkeys(after_h1 + before))[:12]


def _marked(element: etree._Element) -> bool:
    if element.tag in _NOT_BYLINE:
        return False
    marks = f"{element.get('class', '')} {element.get('id', '')} {element.get('data-testid', '')}"
    marks = marks.lower()
    if "comment" in marks:
        return False
    if element.get("rel") == "author" or element.get("itemprop") == "author":
        return True
    return any(m in marks for m in _AUTHOR_MARKS) or (element.text or "").strip() == "By"


def title(root: etree._Element) -> str | None:
    """The `<title>` text."""
    element = root.find(".//title")
    return _text_of(element) or None if element is not None else None


def h1_texts(root: etree._Element) -> list[str]:
    """The texts of the page's first few `<h1>` elements that say something."""
    texts = [_text_of(element) for element in root.iter("h1")]
    return [t for t in texts if len(t) > 3][:3]
