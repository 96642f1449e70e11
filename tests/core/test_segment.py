"""Sentences and paragraphs: offsets, news abbreviations, quotations."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from newsld.text.segment import paragraphs, sentences


def texts(body: str) -> list[str]:
    return [s.text for s in sentences(body)]


def test_paragraphs_are_lines_and_offsets_slice_the_body() -> None:
    body = "First para.\n\n  Second para.  \nThird."
    found = paragraphs(body)
    assert [p.text for p in found] == ["First para.", "Second para.", "Third."]
    assert all(body[p.start : p.end] == p.text for p in found)


def test_news_abbreviations_do_not_end_sentences() -> None:
    body = (
        "U.S. President Donald Trump spoke on Oct. 22 at 10 a.m. with Gov. Gavin Newsom. "
        "Sen. Jane Roe and Mr. Smith of No. 10 Downing St. disagreed. Then they left."
    )
    assert texts(body) == [
        "U.S. President Donald Trump spoke on Oct. 22 at 10 a.m. with Gov. Gavin Newsom.",
        "Sen. Jane Roe and Mr. Smith of No. 10 Downing St. disagreed.",
        "Then they left.",
    ]


def test_initials_do_not_end_sentences() -> None:
    assert texts("The books of J. R. R. Tolkien sold well. Sales rose.") == [
        "The books of J. R. R. Tolkien sold well.",
        "Sales rose.",
    ]


def test_us_ends_a_sentence_before_a_sentence_opener() -> None:
    assert texts("Sanctions were imposed by the U.S. The Kremlin objected.") == [
        "Sanctions were imposed by the U.S.",
        "The Kremlin objected.",
    ]


def test_no_split_inside_a_quotation() -> None:
    body = '"We are ready. We will act," she said. "Talks resume soon." Officials agreed.'
    assert texts(body) == [
        '"We are ready. We will act," she said.',
        '"Talks resume soon."',
        "Officials agreed.",
    ]


def test_typographic_quotes_protect_their_sentences() -> None:
    body = "He called it a “very big day. Those are big.” Markets fell."
    assert texts(body) == ["He called it a “very big day. Those are big.”", "Markets fell."]


def test_unclosed_quote_does_not_swallow_the_paragraph() -> None:
    body = 'He said "it is over. Nobody listened. Then rain came.'
    assert len(texts(body)) == 3


def test_sentences_never_cross_paragraphs() -> None:
    body = "A line without a stop\nAnother line."
    assert texts(body) == ["A line without a stop", "Another line."]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_gives_ordered_spans_that_slice_the_body(body: str) -> None:
    found = sentences(body)
    assert all(body[s.start : s.end] == s.text and s.text.strip() for s in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
