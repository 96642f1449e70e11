"""What `newsld embed` puts in a page that already carries the publisher's own article markup.

A page whose JSON-LD (read strictly, as a search engine reads it) holds the
publisher's `NewsArticle` (or another Article type) gets no second, poorer
article. By default `embed` adds only what newsld knows and the publisher's
markup lacks, the direct quotes, as `Quotation` nodes that are parts of the
publisher's article by its identifier:

    {"@context": "https://schema.org",
     "@graph": [{"@type": "Quotation", "text": "...", "spokenByCharacter": {...},
                 "isPartOf": {"@id": "<the publisher's article>"}}]}

The identifier is the article node's `@id`, else the page it is the main
entity of (`mainEntityOfPage`), else its `url`, else the page's own url.
Every node of the block is typed, the publisher's block is not touched, and
`newsld check` reads the publisher's article exactly as before. A quote the
publisher already lists is not added again; a page without quotes gets no
block at all.

With `--replace`, the publisher's block is replaced by one that keeps every
property the publisher gave (author urls, images, the publisher's logo, its
other nodes and its context) and adds newsld's quotes as `hasPart`, and of
newsld's other properties those the publisher lacks, each only where `newsld
check` finds no new problem with it (so the page is never checked worse).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from newsld_plugins.html.jsonld import article_node
from newsld_plugins.search.check import REPLACED, Problem, check_node, index_nodes, top_nodes

__all__ = ["REPLACED", "Embedding", "Script", "plan_embedding"]

SCHEMA_ORG = "https://schema.org"
_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Script:
    """A JSON-LD `<script>` element of a page: its span, its text, and our marker's value
    (None for the publisher's own). Offsets are those `embed_jsonld` splices at."""

    start: int
    end: int
    text: str
    marker: str | None


@dataclass(frozen=True)
class Embedding:
    """What to splice in: a node (None: no block), the publisher's block it replaces, the
    marker's value, and a note for the user when nothing could be linked."""

    node: Any
    replacing: tuple[int, int] | None = None
    profile: str = "search"
    note: str = ""


def plan_embedding(
    scripts: list[Script],
    profile_node: Mapping[str, Any],
    page_url: str | None,
    title: str | None,
    replace: bool,
) -> Embedding:
    """How to embed `profile_node` (the search profile) in a page with these JSON-LD scripts."""
    blocks = list(_blocks(scripts))
    publisher = article_node([value for _, value in blocks], page_url)
    if publisher is None:
        return Embedding(dict(profile_node))
    script = next(s for s, value in blocks if _holds(value, publisher))
    # A block that replaced the publisher's holds their article now: it is updated in place.
    if replace or script.marker == REPLACED:
        return _replace(script, blocks, publisher, profile_node, title)
    return _link(publisher, profile_node, page_url)


def _blocks(scripts: list[Script]) -> Iterator[tuple[Script, Any]]:
    """The blocks a search engine reads besides our added ones: the publisher's, and a
    block of ours that replaced one of theirs."""
    for script in scripts:
        if script.marker is not None and script.marker != REPLACED:
            continue
        try:
            yield script, json.loads(script.text)
        except (ValueError, RecursionError):
            continue  # a block no search engine can read holds no article for it either


def _holds(value: Any, node: Mapping[str, Any]) -> bool:
    return any(candidate is node for candidate in _all_nodes(value))


def _all_nodes(value: Any, depth: int = 0) -> Iterator[Any]:
    if depth > 20:
        return
    if isinstance(value, list):
        for item in value:
            yield from _all_nodes(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key, item in value.items():
            if key != "@context":
                yield from _all_nodes(item, depth + 1)


def _identifier(node: Mapping[str, Any], page_url: str | None) -> str | None:
    """The publisher's article by its @id, else the page it is the main entity of."""
    page = node.get("mainEntityOfPage")
    page_id = page.get("@id") if isinstance(page, Mapping) else page
    for candidate in (node.get("@id"), page_id, node.get("url"), page_url):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    return None


def _parts(node: Mapping[str, Any]) -> list[Any]:
    parts = node.get("hasPart")
    return list(parts) if isinstance(parts, list) else [parts] if parts else []


def _new_quotes(publisher: Mapping[str, Any], ours: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Our quotations the publisher's article does not list already (by their text)."""
    given = {_words(p.get("text")) for p in _parts(publisher) if isinstance(p, Mapping)}
    return [dict(p) for p in _parts(ours) if _words(p.get("text")) not in given]


def _words(text: Any) -> str:
    """A quote's words, as two spellings of it compare ("warm in October," = "warm in October")."""
    return " ".join(_NON_WORD.sub(" ", text).split()).casefold() if isinstance(text, str) else ""


def _link(
    publisher: Mapping[str, Any], profile_node: Mapping[str, Any], page_url: str | None
) -> Embedding:
    quotes = _new_quotes(publisher, profile_node)
    if not quotes:
        return Embedding(None)  # nothing the publisher's markup lacks
    identifier = _identifier(publisher, page_url)
    if identifier is None:
        note = (
            "the publisher's article has no @id, mainEntityOfPage or url to link quotes to, "
            "and the page names no url: nothing embedded (--replace puts them into it)"
        )
        return Embedding(None, note=note)
    graph = [{**quote, "isPartOf": {"@id": identifier}} for quote in quotes]
    return Embedding({"@context": SCHEMA_ORG, "@graph": graph})


def _replace(
    script: Script,
    blocks: list[tuple[Script, Any]],
    publisher: dict[str, Any],
    profile_node: Mapping[str, Any],
    title: str | None,
) -> Embedding:
    """The publisher's block with its article node given newsld's quotes and what it lacks."""
    value = next(v for s, v in blocks if s is script)
    index = index_nodes(node for _, block in blocks for node in top_nodes(block))
    merged = _merged(publisher, profile_node, title, index)
    if merged == publisher:
        return Embedding(None)  # nothing to add: the page stays as it was
    publisher.clear()
    publisher.update(merged)  # in place: the block keeps its other nodes and its context
    return Embedding(value, (script.start, script.end), REPLACED)


def _merged(
    publisher: Mapping[str, Any],
    ours: Mapping[str, Any],
    title: str | None,
    index: Mapping[str, Any],
) -> dict[str, Any]:
    merged = copy.deepcopy(dict(publisher))
    quotes = _new_quotes(publisher, ours)
    if quotes:
        merged["hasPart"] = _parts(publisher) + quotes
    before = _problems(merged, title, index)
    for key, value in ours.items():
        if key in merged or key in ("@context", "@type", "hasPart"):
            continue  # what the publisher gives stays as given
        trial = {**merged, key: value}
        if _problems(trial, title, index) <= before:
            merged = trial
    return merged


def _problems(node: Mapping[str, Any], title: str | None, index: Mapping[str, Any]) -> set[Problem]:
    return set(check_node(node, title, index))
