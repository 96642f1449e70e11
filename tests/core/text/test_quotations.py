"""Quotation spans: marks, apostrophes, nesting, quotes over paragraphs, broken text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsld.text.quotations import find_quotations
from newsld.text.segment import paragraphs


def quotes(body: str) -> list[str]:
    return [q.text for q in find_quotations(body, paragraphs(body))]


def test_straight_and_typographic_marks() -> None:
    body = 'He said "we will win," and she said “we will not.”\n'
    assert quotes(body) == ["we will win,", "we will not."]


def test_apostrophes_do_not_close_a_single_quoted_span() -> None:
    body = "The headline read 'They don't go anywhere' on Russia’s site in the ’90s.\n"
    assert quotes(body) == ["They don't go anywhere"]


def test_possessive_and_inch_marks_are_not_quotes() -> None:
    assert quotes("Imus' show ran on Russia’s and Kyiv’s radio; he is 5'10\" tall.\n") == []


def test_a_quote_inside_a_quote_counts_once_as_the_outer_one() -> None:
    body = "“He told me ‘never again’ twice,” she said.\n"
    assert quotes(body) == ["He told me ‘never again’ twice,"]


def test_a_quote_over_paragraphs_is_one_span_per_paragraph() -> None:
    body = '"First part of it.\n"Second part of it.\n"Last part," she said.\n'
    found = find_quotations(body, paragraphs(body))
    assert [q.text for q in found] == ["First part of it.", "Second part of it.", "Last part,"]
    assert [q.closed for q in found] == [False, False, True]
    assert [q.continued for q in found] == [False, True, True]


def test_an_unclosed_mark_costs_its_quote_and_nothing_else() -> None:
    body = 'He said "this never ends.\nNext paragraph "with a quote" here.\n'
    assert quotes(body) == ["with a quote"]


def test_a_sentence_whose_closing_mark_was_left_out_runs_to_its_paragraph_end() -> None:
    body = (
        "Four homes were lost, he said. “Our crews are working through the night.\n"
        "The road reopened on Monday.\n"
    )
    assert quotes(body) == ["Our crews are working through the night."]


def test_copy_that_opens_with_the_closing_mark() -> None:
    body = "\u201dThe roads are cut,\u201d said the director. He said \u201dwe\u201d twice.\n"
    assert quotes(body) == ["The roads are cut,"]


@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"'“”‘’«»")), max_size=200))
def test_any_text_gives_spans_inside_one_paragraph(body: str) -> None:
    paras = paragraphs(body)
    for quote in find_quotations(body, paras):
        assert 0 <= quote.start <= quote.text_start <= quote.text_end <= quote.end <= len(body)
        assert body[quote.text_start : quote.text_end] == quote.text
        assert "\n" not in quote.text
