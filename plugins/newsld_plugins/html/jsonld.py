"""The page's own JSON-LD: its `<script type="application/ld+json">` blocks, leniently.

Publishers' JSON-LD is often broken: HTML comments or CDATA around it, raw
newlines in strings, trailing commas, several objects back to back, or a
stray quote. Each block is loaded as strictly as it allows; what cannot be
loaded at all still yields its plain `"key": "value"` pairs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

__all__ = ["ARTICLE_TYPES", "article_node", "load_blocks", "nodes", "types_of"]

#: schema.org types of the node that describes the article itself (best first).
ARTICLE_TYPES = (
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "TechArticle",
    "ScholarlyArticle",
    "Review",
)
_RANK = {name: rank for rank, name in enumerate(ARTICLE_TYPES)}
_WRAPPERS = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_PAIR = re.compile(
    r'"(@type|headline|name|datePublished|dateModified|url)"\s*:\s*"((?:[^"\\]|\\.)*)"'
)
_DECODER = json.JSONDecoder(strict=False)
#: A value nested deeper than this is dropped with its block: real markup nests a few levels,
#: and one a thousand deep would exhaust the stack of whatever reads it.
MAX_DEPTH = 64


def load_blocks(root: etree._Element) -> list[Any]:
    """Every JSON-LD block of the page, loaded as far as it goes."""
    found: list[Any] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind in ("application/ld+json", "application/json+ld") and script.text:
            found.extend(_load(script.text))
    return found


def _load(text: str) -> list[Any]:
    text = _WRAPPERS.sub("", text.strip()).strip()
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        values = _decode_all(candidate)
        if values:
            return values
    # Not JSON at all: keep the simple pairs, which is what most readers want.
    pairs: dict[str, Any] = {}
    for key, raw in _PAIR.findall(text):
        pairs.setdefault(key, _unescape(raw))
    return [pairs] if pairs else []


def _decode_all(text: str) -> list[Any]:
    """Each JSON value in `text`, for blocks that hold several back to back."""
    values: list[Any] = []
    position = 0
    while position < len(text):
        while position < len(text) and text[position] in " \t\r\n;,":
            position += 1
        if position >= len(text):
            break
        try:
            value, position = _DECODER.raw_decode(text, position)
        except (ValueError, RecursionError):  # broken, or nested too deep: this block only
            return values
        if not _deeper_than(value, MAX_DEPTH):
            values.append(value)
    return values


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether lists and objects nest more than `limit` deep (counted without recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


def _unescape(raw: str) -> str:
    try:
        return str(json.loads(f'"{raw}"', strict=False))
    except ValueError:
        return raw


def nodes(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object node, depth first: lists, `@graph` and nested values included."""
    if depth > 20:
        return
    if isinstance(value, list):
        for item in value:
            yield from nodes(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key, item in value.items():
            if isinstance(item, dict | list) and key != "@context":
                yield from nodes(item, depth + 1)


def types_of(node: dict[str, Any]) -> list[str]:
    """The node's @type values, without a `schema:` or URL prefix."""
    raw = node.get("@type", [])
    values = raw if isinstance(raw, list) else [raw]
    return [str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for v in values if v]


def article_node(blocks: list[Any], url: str | None = None) -> dict[str, Any] | None:
    """The node that describes this page's article: typed as one, with the most to say."""
    best: tuple[float, dict[str, Any]] | None = None
    for order, node in enumerate(nodes(blocks)):
        ranks = [_RANK[t] for t in types_of(node) if t in _RANK]
        if not ranks:
            continue
        score = -min(ranks) / 10 - order / 1000
        score += 2 * bool(node.get("headline")) + bool(node.get("datePublished"))
        score += bool(node.get("articleBody"))
        if url and _same_page(node, url):
            score += 3
        if best is None or score > best[0]:
            best = (score, node)
    return best[1] if best else None


def _same_page(node: dict[str, Any], url: str) -> bool:
    wanted = _bare(url)
    page = node.get("mainEntityOfPage")
    candidates = [
        node.get("url"),
        node.get("@id"),
        page.get("@id") if isinstance(page, dict) else page,
    ]
    return any(isinstance(c, str) and _bare(c) == wanted for c in candidates)


def _bare(url: str) -> str:
    return re.sub(r"^https?://(www\.)?|[#?].*$|/$", "", url.strip()).lower()


def graph_index(blocks: list[Any]) -> dict[str, dict[str, Any]]:
    """Nodes by @id, to follow references such as `"author": {"@id": "#person-1"}`."""
    return {str(n["@id"]): n for n in nodes(blocks) if "@id" in n and len(n) > 1}
