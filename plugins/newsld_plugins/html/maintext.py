"""The article's main text, without navigation, ads, captions, related links or comments.

trafilatura finds the text (fast mode, favouring recall: on real pages it
scores best here, see docs/html.md). When the page embeds its own
`articleBody` in JSON-LD and trafilatura's text misses most of it (a page
whose layout trafilatura misreads, such as a teaser list above the story),
the publisher's `articleBody` is taken instead.
"""

from __future__ import annotations

import html
import logging
import re
from collections import Counter

import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

__all__ = ["MainText", "main_text", "trafilatura_paragraphs"]

# trafilatura logs every page it gives up on; the reader reports that as a warning itself.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())

#: An `articleBody` shorter than this is a teaser, not the article.
MIN_ARTICLE_BODY = 500
#: Below this share of the `articleBody` words, trafilatura's text is the wrong text.
MIN_COVERAGE = 0.7

# Built once: trafilatura reads its settings from a ConfigParser for every Extractor it
# makes, and never changes the one it is given.
_OPTIONS = Extractor(
    output_format="python",
    fast=True,
    recall=True,
    comments=False,
    tables=True,
    with_metadata=False,
)

_WORDS = re.compile(r"\w+")
_TAG = re.compile(r"<[a-zA-Z/!][^>]{0,2000}>")
_BLANK_LINES = re.compile(r"\s*\n\s*")


class MainText:
    """The paragraphs of the main text, and where they came from."""

    def __init__(self, paragraphs: list[str], origin: str) -> None:
        self.paragraphs = paragraphs
        self.origin = origin


def main_text(root: etree._Element, article_body: str | None = None) -> MainText:
    """The page's main text as paragraphs: trafilatura's, or the page's own `articleBody`."""
    found = trafilatura_paragraphs(root)
    embedded = _embedded_paragraphs(article_body)
    if embedded and (not found or _sound(embedded, found)):
        return MainText(embedded, "articleBody")
    return MainText(found, "trafilatura" if found else "none")


def trafilatura_paragraphs(root: etree._Element) -> list[str]:
    """trafilatura's main text of a parsed page, as paragraphs (the tree is left as it was)."""
    document = trafilatura.bare_extraction(root, options=_OPTIONS)
    text = getattr(document, "text", None) if document is not None else None
    if not isinstance(text, str):
        return []
    return [line.strip() for line in text.split("\n") if line.strip()]


def _embedded_paragraphs(article_body: str | None) -> list[str]:
    if not article_body:
        return []
    text = article_body
    if _TAG.search(text):
        # Some publishers put the HTML of the story in articleBody.
        text = _TAG.sub("\n", text)
    text = html.unescape(text)
    return [line for line in (" ".join(p.split()) for p in _BLANK_LINES.split(text)) if line]


def _sound(embedded: list[str], found: list[str]) -> bool:
    """Whether the embedded body is the whole story and trafilatura's text misses it."""
    body = "\n".join(embedded)
    if len(body) < MIN_ARTICLE_BODY:
        return False
    wanted = Counter(_WORDS.findall(body.lower()))
    have = Counter(_WORDS.findall("\n".join(found).lower()))
    total = sum(wanted.values())
    return total > 0 and sum((wanted & have).values()) / total < MIN_COVERAGE
