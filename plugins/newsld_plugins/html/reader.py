"""The `html` reader: a saved web page to an Article with its metadata and main text."""

from __future__ import annotations

import re

import lxml.html

from newsld.errors import InputError
from newsld.model import Article, Author, Evidence
from newsld.registry import ReadOptions
from newsld_plugins.html.maintext import main_text
from newsld_plugins.html.metadata import PageMetadata, page_metadata
from newsld_plugins.html.parse import MAX_PAGE_CHARS, decode_page, parse_page

__all__ = ["read_html"]

PARAGRAPH_BREAK = "\n\n"
#: A main text shorter than this is not an article (a sign-in form, an index page).
MIN_WORDS = 25
_NON_WORD = re.compile(r"[\W_]+")


def read_html(data: bytes, options: ReadOptions) -> Article:
    """Read one HTML page."""
    root, cut = _tree(data, options.source)
    meta = page_metadata(root, options.url)
    paragraphs = _without_headline(main_text(root, meta.article_body).paragraphs, meta.headline)
    article = _article(meta, paragraphs, options.source)
    if article.word_count < MIN_WORDS:
        article.warnings.append("no main text found: the page may not be an article")
    if cut:
        article.warnings.append(
            f"page cut to its first {MAX_PAGE_CHARS // 10**6} million characters"
        )
    return article


def _tree(data: bytes, source: str) -> tuple[lxml.html.HtmlElement, bool]:
    """The page's tree, and whether the page was cut to the markup limit.

    The decoded text (up to four bytes a character) is released here, before the
    main text is extracted from the tree: on a large page it is the biggest
    copy besides the tree itself.
    """
    text = decode_page(data, source)
    root = parse_page(text)
    if root is None:
        raise InputError(source, "no HTML markup found")
    return root, len(text) > MAX_PAGE_CHARS


def _without_headline(paragraphs: list[str], headline: str | None) -> list[str]:
    """The paragraphs without a first one that repeats the headline (it is metadata)."""
    if paragraphs and headline and _key(paragraphs[0]) == _key(headline):
        return paragraphs[1:]
    return paragraphs


def _key(text: str) -> str:
    return _NON_WORD.sub("", text.lower())


def _article(meta: PageMetadata, paragraphs: list[str], source: str) -> Article:
    body, spans = _join(paragraphs)
    return Article(
        body=body,
        headline=meta.headline,
        date_published=meta.date_published,
        date_modified=meta.date_modified,
        authors=[Author(name, url=meta.author_url(name)) for name in meta.authors],
        publisher=meta.publisher,
        url=meta.url,
        image=meta.image,
        language=meta.language,
        description=meta.description,
        paragraphs=spans,
        source=source,
    )


def _join(paragraphs: list[str]) -> tuple[str, list[Evidence]]:
    """The body text and the span of each paragraph in it."""
    spans: list[Evidence] = []
    position = 0
    for paragraph in paragraphs:
        spans.append(Evidence(position, position + len(paragraph)))
        position += len(paragraph) + len(PARAGRAPH_BREAK)
    body = PARAGRAPH_BREAK.join(paragraphs)
    return (body + "\n" if body else ""), spans
