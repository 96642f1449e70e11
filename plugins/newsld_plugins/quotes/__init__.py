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
from newsld.text.events import dates_between, is_report_date
from newsld.text.quotations import quotations
from newsld_plugins.quotes.direct import Attributed, Attribution, short
from newsld_plugins.quotes.reported import Reported, reported_speech
from newsld_plugins.quotes.sources import Sources

__all__ = ["extract_quotes", "said_on"]

NAME = "quotes"


def extract_quotes(article: Article, analysis: Analysis) -> Iterator[Claim]:
    """Direct quotes with their speakers, then reported speech with its sources."""
    quotes = quotations(analysis)
    sources = Sources(analysis, mentions(analysis), quotes)
    attribution = Attribution(analysis, quotes, sources)
    reported = reported_speech(analysis, quotes, sources, attribution.until)
    for item in attribution.finish():
        if item.speech and not short(item.quote):
            yield _direct(item, analysis)
    for speech in reported:
        yield _indirect(speech, analysis)


def said_on(analysis: Analysis, offset: int) -> str | None:
    """When the words at `offset` were said, from their own sentence ("X said on Oct. 23").

    Only a date the sentence gives as the time of saying counts (a date of
    what happened, "the attack on Monday", is not when it was said), and only
    one that resolves to a day.
    """
    sentence = analysis.sentence_at(offset)
    if sentence is None:
        return None
    # Claims of one sentence share its answer: asked once per sentence.
    known: dict[int, str | None] = analysis.layer("quotes_said_on", lambda _: {})
    if sentence.start not in known:
        known[sentence.start] = next(
            (
                mention.value.isoformat()
                for mention in dates_between(analysis, sentence.start, sentence.end)
                if mention.value is not None and is_report_date(analysis.body, mention)
            ),
            None,
        )
    return known[sentence.start]


def _direct(item: Attributed, analysis: Analysis) -> Claim:
    quote = item.quote
    properties: dict[str, object] = {"quoteKind": "direct"}
    if item.speaker is not None:
        properties["spokenByCharacter"] = item.speaker.ref
        if item.own:
            properties["dateCreated"] = said_on(analysis, quote.start)
    return Claim(
        claim_type="quote",
        text=quote.text,
        evidence=[Evidence(quote.text_start, quote.text_end)],
        confidence=item.confidence if item.speaker is not None else min(item.confidence, 0.5),
        extractor=NAME,
        properties=properties,
        schema_type="Quotation",
    )


def _indirect(item: Reported, analysis: Analysis) -> Claim:
    properties = {
        "quoteKind": "indirect",
        "author": item.speaker.ref,
        "dateCreated": said_on(analysis, item.start),
    }
    return Claim(
        claim_type="quote",
        text=item.text,
        evidence=[Evidence(item.start, item.end)],
        confidence=item.confidence,
        extractor=NAME,
        properties=properties,
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
