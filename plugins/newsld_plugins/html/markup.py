"""Metadata written into the page's markup: microdata, `<time>`, bylines, `<title>`, `<h1>`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

from lxml import etree

from newsld_plugins.html.dates import iso_date
from newsld_plugins.html.jsonld import ARTICLE_TYPES

__all__ = [
    "Landmarks",
    "author_links",
    "bylines",
    "dateline",
    "h1_texts",
    "local_time",
    "microdata",
    "published_time",
    "title",
]

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
# The tags of a short element whose own text is "By" (<p>By <a>Jane Doe</a></p>).
_BY_HOLDERS = frozenset({"p", "div", "span", "small", "address", "h4", "h5", "h6", "li"})
# XPath's normalize-space() strips these, and only these (not a no-break space).
_XML_SPACE = " \t\r\n"
_ITEMPROPS = etree.XPath(".//*[@itemprop]")
_NAMES = etree.XPath(".//*[@itemprop='name']")
# A local date and time without a zone: "2023-12-22 20:48:19".
_NAIVE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?")
_WRITTEN_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}",
    re.I,
)


class Landmarks:
    """The elements the page's metadata is read from, found in one walk of the tree.

    The walk costs about what one XPath over every element does; the `<h1>`s, the `<time>`s,
    the microdata and the bylines each used to take a walk or an XPath of their own.
    """

    def __init__(self, root: etree._Element) -> None:
        #: `<h1>` and `<time>` elements, in document order.
        self.headings_and_times: list[etree._Element] = []
        #: The `<h1>`s and the elements marked as holding a byline, in document order.
        self.bylines: list[etree._Element] = []
        #: Microdata items typed as an article (`itemscope` with an article `itemtype`).
        self.article_items: list[etree._Element] = []
        #: Elements with an `itemprop`, below the root.
        self.itemprops: list[etree._Element] = []
        for element in root.iter():
            tag = element.tag
            if not isinstance(tag, str):
                continue  # an entity or processing instruction
            get = element.get
            if get("itemprop") is not None and element is not root:
                self.itemprops.append(element)
            if get("itemscope") is not None and _article_type(get("itemtype")):
                self.article_items.append(element)
            if tag == "h1":
                self.headings_and_times.append(element)
                self.bylines.append(element)
                continue
            if tag == "time":
                self.headings_and_times.append(element)
            if _byline_candidate(element, tag) and _marked(element):
                self.bylines.append(element)

    @property
    def h1s(self) -> list[etree._Element]:
        """The page's `<h1>` elements."""
        return [e for e in self.headings_and_times if e.tag == "h1"]


def _article_type(itemtype: str | None) -> bool:
    """Whether a microdata `itemtype` names an article type ("https://schema.org/NewsArticle")."""
    return itemtype is not None and any(f"/{t}" in itemtype for t in ARTICLE_TYPES)


def microdata(marks: Landmarks) -> dict[str, Any]:
    """Fields of the article's microdata item (or of page-level itemprops)."""
    scopes = marks.article_items
    elements = _elements(_ITEMPROPS, scopes[0]) if scopes else marks.itemprops
    found: dict[str, Any] = {}
    for element in elements:
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


def published_time(marks: Landmarks, anywhere: bool = False) -> str | None:
    """The `datetime` of the `<time>` marked as the publication time, else the first after `<h1>`.

    With `anywhere`, the first `<time>` of the page will do.
    """
    times: list[etree._Element] = []
    seen_h1 = False
    for element in marks.headings_and_times:
        if element.tag == "h1":
            seen_h1 = True
            continue
        if not element.get("datetime"):
            continue
        labels = " ".join(str(element.get(a, "")) for a in ("class", "itemprop", "id")).lower()
        if element.get("pubdate") is not None or "publish" in labels or "posted" in labels:
            return element.get("datetime")
        if seen_h1:
            return element.get("datetime")
        times.append(element)
    return times[0].get("datetime") if times and anywhere else None


def dateline(marks: Landmarks) -> str | None:
    """A date written out in the few short texts under the `<h1>` ("Dec 05, 2023")."""
    h1s = marks.h1s
    if not h1s:
        return None
    h1 = h1s[0]
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


def local_time(marks: Landmarks, moment: str) -> str:
    """`moment` in the page's own timezone, when a `<time>` shows it as local time.

    A page may give 2023-12-23T01:48:19Z in its metadata and print
    `<time datetime="2023-12-22 20:48:19">`: the same instant at -05:00.
    """
    instant = _aware(moment)
    if instant is None:
        return moment
    for element in marks.headings_and_times:
        if element.tag != "time":
            continue
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


def _byline_candidate(element: etree._Element, tag: str) -> bool:
    """Whether an element (not an `<h1>`) may hold a byline.

    A candidate is marked by its attributes (rel or itemprop author, "author" or "byline"
    in its class or id) or is a short element whose own text is "By". A few string tests
    per element in the one walk of `Landmarks` cost half of an XPath testing `contains()`
    on every element.
    """
    return _marked_by_attributes(element) or (tag in _BY_HOLDERS and _says_by(element))


def bylines(marks: Landmarks) -> list[str]:
    """Short texts marked as a byline or an author, those after the first `<h1>` first."""
    after_h1: list[str] = []
    before: list[str] = []
    seen_h1 = False
    for element in marks.bylines:
        if element.tag == "h1":
            seen_h1 = True
            continue
        text = _text_of(element, 150)
        if text:
            (after_h1 if seen_h1 else before).append(text)
        if len(after_h1) >= 8:
            break
    return list(dict.fromkeys(after_h1 + before))[:12]


def author_links(
    root: etree._Element, marks: Landmarks, limit: int = 20
) -> Iterator[tuple[str, str]]:
    """Links the page gives for its authors, as (text, href): `<a rel="author">` anywhere,
    and links inside a byline ("By <a href="/people/ana">Ana Núñez</a>")."""
    found = 0
    for element in root.iter("a"):
        if found >= limit:
            return
        rel = (element.get("rel") or "").lower().split()
        if "author" in rel and element.get("href"):
            found += 1
            yield _text_of(element, 150), str(element.get("href"))
    for element in marks.bylines:
        if found >= limit:
            return
        if element.tag == "h1":
            continue
        for link in element.iter("a"):
            if link.get("href") and "author" not in (link.get("rel") or "").lower().split():
                found += 1
                yield _text_of(link, 150), str(link.get("href"))


def _marked_by_attributes(element: etree._Element) -> bool:
    # element.get, not element.attrib (a new proxy object per element); class and id first,
    # the attributes most elements have. Case-insensitive enough: "uthor" for Author /
    # author, "yline" or "YLINE".
    get = element.get
    css = get("class")
    if css is not None and ("uthor" in css or "yline" in css or "YLINE" in css):
        return True
    ident = get("id")
    if ident is not None and ("uthor" in ident or "yline" in ident):
        return True
    if get("rel") == "author" or get("itemprop") == "author":
        return True
    test_id = get("data-testid")
    return test_id is not None and "uthor" in test_id


def _says_by(element: etree._Element) -> bool:
    """Whether one of the element's own text nodes is "By" (as normalize-space reads it)."""
    text = element.text
    if text is not None and "By" in text and text.strip(_XML_SPACE) == "By":
        return True
    for child in element:
        tail = child.tail
        if tail is not None and "By" in tail and tail.strip(_XML_SPACE) == "By":
            return True
    return False


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


def h1_texts(marks: Landmarks) -> list[str]:
    """The texts of the page's first few `<h1>` elements that say something."""
    texts = [_text_of(element) for element in marks.h1s]
    return [t for t in texts if len(t) > 3][:3]
