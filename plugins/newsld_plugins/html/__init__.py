"""The `html` reader plugin: saved news pages to articles (metadata and main text).

See docs/html.md for what it reads, in which order of trust, and how well.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsld import hookimpl
from newsld.model import Article
from newsld.registry import Reader, ReadOptions

__all__ = ["read_html", "register_readers", "sniff"]

_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)[\s>/]", re.I)


def read_html(data: bytes, options: ReadOptions) -> Article:
    """Read one HTML page (the HTML stack, trafilatura and lxml, is imported on first use)."""
    from newsld_plugins.html.reader import read_html as read

    return read(data, options)


def sniff(data: bytes) -> float:
    """How sure we are that `data` is an HTML page (0..1)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return 0.95
    if head.startswith(b"<?xml") and b"<html" in head:
        return 0.9
    return 0.6 if _MARKUP.search(head) else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    """Register the `html` reader."""
    register(
        Reader(
            name="html",
            read=read_html,
            extensions=(".html", ".htm", ".xhtml", ".shtml"),
            media_types=("text/html", "application/xhtml+xml"),
            sniff=sniff,
            description="Web pages: metadata from JSON-LD, microdata, OpenGraph, meta tags; "
            "the main text without boilerplate",
        )
    )
