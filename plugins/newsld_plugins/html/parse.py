"""Bytes of a saved web page to a bounded lxml tree.

The charset comes from a byte-order mark, then from valid UTF-8, then from
`<meta charset>` (or the XML declaration), then from detection. The parser
never touches the network, never loads a DTD or resolves entities, and keeps
libxml2's limits on depth and text size (huge_tree off), so hostile markup
costs bounded time and memory.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from newsld.decode import decode_text

__all__ = ["MAX_PAGE_CHARS", "declared_charset", "decode_page", "parse_page"]

#: Characters of markup read; the rest of a larger page is dropped with a warning
#: (real article pages are well under 5 MB; parsing costs about 13 bytes per byte).
MAX_PAGE_CHARS = 16_000_000

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = frozenset({"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"})

_PARSER = lxml.html.HTMLParser(  # type: ignore[call-arg]
    encoding="utf-8",
    huge_tree=False,
    no_network=True,
    remove_comments=True,
    remove_pis=True,
    default_doctype=False,
)
# lxml.html picks each element's class (FormElement, InputElement...) in a Python callback,
# once for every element the code touches: a quarter of the time of a walk of the tree.
# Nothing here or in trafilatura uses the form classes, so every element is an HtmlElement,
# chosen in C.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes, if any."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    return "cp1252" if label in _AS_CP1252 else label


def decode_page(data: bytes, source: str) -> str:
    """The page as text: valid UTF-8 wins over a stale declaration."""
    declared = declared_charset(data)
    if declared and declared.replace("-", "") != "utf8" and _is_utf8(data):
        declared = None
    return decode_text(data, source, declared)


def _is_utf8(data: bytes) -> bool:
    # Text in a single-byte charset with accents is almost never valid UTF-8.
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def parse_page(text: str) -> lxml.html.HtmlElement | None:
    """The page's element tree, or None when there is no markup to speak of."""
    if len(text) > MAX_PAGE_CHARS:
        text = text[:MAX_PAGE_CHARS]
    declaration = _XML_DECLARATION.match(text)
    if declaration is not None:  # no copy of the whole page unless there is one to drop
        text = text[declaration.end() :]
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root if isinstance(root, lxml.html.HtmlElement) else None
