"""The `quotes` extractor: every direct and reported quote, with its speaker.

Direct quotes become `Quotation` nodes (speaker in `spokenByCharacter`),
reported speech `Claim` nodes (speaker in `author`); both are of the `quote`
claim type, told apart by `quoteKind`. The speakers are the canonical
entities of the mentions layer, so they appear in the document's `mentions`
with their names, titles and affiliations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newsld import hookimpl
from newsld.analysis import Analysis
from newsld.model import Article, Claim, Evidence
from newsld.registry import ClaimType, Extractor
from newsld.schema import claim_type_from_file
from newsld.text.entities import mentions
from newsld.text.quotations import quotations
from newsld_plugins.quotes.direct import Attributed, attribute, short
from newsld_plugins.quotes.reported import Reported, reported_speech
from newsld_plugins.quotes.speakers import Speakers

__all__ = ["extract_quotes"]

NAME = "quotes"


def extract_quotes(article: Article, analysis: Analysis) -> Iterator[Claim]:
    """Direct quotes with their speakers, then reported speech with its sources."""
    quotes = quotations(analysis)
    speakers = Speakers(analysis, mentions(analysis))
    for item in attribute(analysis, quotes, speakers):
        if item.attributed and not short(item.quote):
            yield _direct(item)
    for speech in reported_speech(analysis, quotes, speakers):
        yield _indirect(speech)


def _direct(item: Attributed) -> Claim:
    quote = item.quote
    properties: dict[str, object] = {"quoteKind": "direct"}
    if item.speaker is not None:
        properties["spokenByCharacter"] = item.speaker.ref
    return Claim(
        claim_type="quote",
        text=quote.text,
        evidence=[Evidence(quote.text_start, quote.text_end)],
        confidence=item.confidence if item.speaker is not None else min(item.confidence, 0.5),
        extractor=NAME,
        properties=properties,
        schema_type="Quotation",
    )


def _indirect(item: Reported) -> Claim:
    return Claim(
        claim_type="quote",
        text=item.text,
        evidence=[Evidence(item.start, item.end)],
        confidence=item.confidence,
        extractor=NAME,
        properties={"quoteKind": "indirect", "author": item.speaker.ref},
        schema_type="Claim",
    )


@hookimpl
def register_claim_types(register: Callable[[ClaimType], None]) -> None:
    """The `quote` claim type."""
    register(claim_type_from_file("quote"))


@hookimpl
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """The `quotes` extractor."""
    register(
        Extractor(
            name=NAME,
            extract=extract_quotes,
            claim_types=("quote",),
            description="Direct and reported quotes with their speakers.",
        )
    )
