"""The `search` plugin: structured data for search engines.

- `jsonld-search` exporter: the search profile of the JSON-LD (schema.org only);
- `news-sitemap` exporter: a Google News sitemap (an index beyond 1,000 URLs);
- `newsld embed`: the profile as a `<script type="application/ld+json">` in each page;
- `newsld check`: what Google's Article guidelines would miss or reject.

See docs/search-engines.md.
"""

from __future__ import annotations

from collections.abc import Callable

import typer

from newsld import hookimpl
from newsld.registry import Exporter
from newsld_plugins.search.check import check
from newsld_plugins.search.embed import embed, embed_jsonld
from newsld_plugins.search.profile import SearchJsonLdWriter, search_jsonld
from newsld_plugins.search.sitemap import NewsSitemapWriter

__all__ = ["embed_jsonld", "register_commands", "register_exporters", "search_jsonld"]


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register `jsonld-search` and `news-sitemap`."""
    register(
        Exporter(
            name="jsonld-search",
            factory=SearchJsonLdWriter,
            extension=".jsonld",
            media_type="application/ld+json",
            description="JSON-LD for search engines: schema.org terms only (NewsArticle, "
            "authors, dates, images, quotes as Quotation parts)",
            extensions=(".json", ".jsonl", ".ndjson"),
        )
    )
    register(
        Exporter(
            name="news-sitemap",
            factory=NewsSitemapWriter,
            extension=".xml",
            media_type="application/xml",
            description="Google News sitemap (news: namespace); an index beyond 1,000 URLs",
        )
    )


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    """Add `newsld embed` and `newsld check`."""
    cli.command("embed", no_args_is_help=True)(embed)
    cli.command("check", no_args_is_help=True)(check)
