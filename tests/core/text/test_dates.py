"""Date expressions resolved against the publication date; the year is never guessed."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsld.text.dates import DateMention, find_dates, parse_iso_date

D = dt.date
THURSDAY = D(2025, 10, 23)  # the seed article's publication date


def resolved(
    text: str, published: dt.date | None = THURSDAY, **kw: dt.date
) -> list[tuple[str, dt.date | None]]:
    """(text, value) of every mention."""
    return [(m.text, m.value) for m in find_dates(text, published, **kw)]


def only(text: str, published: dt.date | None = THURSDAY, **kw: dt.date) -> DateMention:
    """The one mention in `text`."""
    [mention] = find_dates(text, published, **kw)
    return mention


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("said on Oct. 22.", "Oct. 22", D(2025, 10, 22)),
        ("said on Oct 22.", "Oct 22", D(2025, 10, 22)),
        ("said on October 22, 2025.", "October 22, 2025", D(2025, 10, 22)),
        ("said on October 22 2024.", "October 22 2024", D(2024, 10, 22)),
        ("said on 22 October.", "22 October", D(2025, 10, 22)),
        ("said on 22 October 2025.", "22 October 2025", D(2025, 10, 22)),
        ("said on the 22nd of October.", "22nd of October", D(2025, 10, 22)),
        ("said on Wednesday, Oct. 22.", "Wednesday, Oct. 22", D(2025, 10, 22)),
        ("dated 2025-10-22.", "2025-10-22", D(2025, 10, 22)),
        ("dated 2025/10/22.", "2025/10/22", D(2025, 10, 22)),
        ("dated 22/10/2025.", "22/10/2025", D(2025, 10, 22)),
        ("dated 10/22/2025.", "10/22/2025", D(2025, 10, 22)),
        ("said on Monday.", "Monday", D(2025, 10, 20)),
        ("said on Tuesday night.", "Tuesday night", D(2025, 10, 21)),
        ("Monday's attack", "Monday", D(2025, 10, 20)),
        ("said last Monday.", "last Monday", D(2025, 10, 20)),
        ("will meet next Monday.", "next Monday", D(2025, 10, 27)),
        ("said yesterday.", "yesterday", D(2025, 10, 22)),
        ("Yesterday, it rained.", "Yesterday", D(2025, 10, 22)),
        ("said today.", "today", D(2025, 10, 23)),
        ("said this morning.", "this morning", D(2025, 10, 23)),
        ("explosions last night.", "last night", D(2025, 10, 22)),
        ("said two days ago.", "two days ago", D(2025, 10, 21)),
        ("said a week ago.", "a week ago", D(2025, 10, 16)),
        ("the day before yesterday", "the day before yesterday", D(2025, 10, 21)),
        ("will speak tomorrow.", "tomorrow", D(2025, 10, 24)),
    ],
)
def test_each_form_resolves_against_the_publication_date(
    text: str, span: str, value: dt.date
) -> None:
    mention = only(text)
    assert (mention.text, mention.value, mention.reason) == (span, value, None)
    assert text[mention.start : mention.end] == span


def test_on_a_weekday_named_on_that_weekday_is_the_same_day() -> None:
    assert only("said on Thursday.").value == THURSDAY
    assert only("said last Thursday.").value == D(2025, 10, 16)


def test_a_date_without_year_is_the_latest_one_not_after_publication() -> None:
    assert only("on Dec. 30", D(2020, 1, 2)).value == D(2019, 12, 30)
    assert only("on Jan. 2", D(2020, 1, 2)).value == D(2020, 1, 2)
    assert only("on Jan. 3", D(2020, 1, 2)).value == D(2019, 1, 3)


def test_a_date_in_a_future_clause_is_the_next_one() -> None:
    assert only("The sanctions will take effect on Nov. 21.").value == D(2025, 11, 21)
    assert only("He will meet Putin on Saturday.").value == D(2025, 10, 25)
    sworn_in = only("He would be sworn into office on January 20.", D(2020, 11, 26))
    assert sworn_in.value == D(2021, 1, 20)
    # the future word belongs to another clause
    assert only("Trump, who will travel, said on Monday.").value == D(2025, 10, 20)


@pytest.mark.parametrize("text", ["said on Oct. 22", "said on 22 October", "Wednesday, Oct. 22"])
def test_without_a_publication_date_the_year_is_never_guessed(text: str) -> None:
    mention = only(text, None)
    assert mention.value is None
    assert mention.reason == "no year: no publication date"


@pytest.mark.parametrize("text", ["yesterday", "on Monday", "two days ago", "last night"])
def test_without_a_publication_date_relative_words_have_no_value(text: str) -> None:
    mention = only(text, None)
    assert mention.value is None
    assert mention.reason is not None and "no publication date" in mention.reason


def test_a_full_date_needs_no_publication_date() -> None:
    assert resolved("on October 22, 2025 and 2025-10-23", None) == [
        ("October 22, 2025", D(2025, 10, 22)),
        ("2025-10-23", D(2025, 10, 23)),
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("last week", "last week"),
        ("Last month", "Last month"),
        ("earlier this month", "earlier this month"),
        ("a month ago", "a month ago"),
        ("in October", "October"),
        ("since October 2024", "October 2024"),
        ("October 2024 was cold", "October 2024"),
        ("by mid-October", "October"),
    ],
)
def test_expressions_that_name_no_day_have_no_value(text: str, span: str) -> None:
    mention = only(text)
    assert (mention.text, mention.value) == (span, None)
    assert mention.reason is not None and mention.reason.startswith("no day")


def test_a_month_before_a_day_is_a_date_not_a_month() -> None:
    assert resolved("by Oct. 20, in May 5") == [
        ("Oct. 20", D(2025, 10, 20)),
        ("May 5", D(2025, 5, 5)),
    ]


def test_impossible_and_ambiguous_dates_have_reasons() -> None:
    assert (only("on Feb. 30").value, only("on Feb. 30").reason) == (None, "no such date")
    ambiguous = only("dated 10/11/2025")
    assert (ambiguous.value, ambiguous.reason) == (None, "ambiguous day and month order")
    assert only("on Feb. 29", D(2025, 3, 1)).value == D(2024, 2, 29)


def test_lowercase_may_and_marches_are_not_dates() -> None:
    assert find_dates("Prices may 5 times rise. The Women's March went on.", THURSDAY) == []


def test_said_on_is_the_reference_for_relative_words_in_a_quote() -> None:
    quote = '"Yesterday was that day," she said.'
    assert only(quote, THURSDAY, said_on=D(2025, 10, 20)).value == D(2025, 10, 19)
    assert only(quote, None, said_on=D(2025, 10, 20)).value == D(2025, 10, 19)
    assert only("on Monday", THURSDAY, said_on=D(2025, 10, 19)).value == D(2025, 10, 13)


SEED = (
    'Leavitt said on Oct. 23. "The President has always maintained that he would implement '
    'sanctions on Russia when he felt it was appropriate, and yesterday was that day," '
    "Leavitt told reporters. Her remarks came a day after the U.S. imposed its first "
    "sanctions on Moscow. The sanctions came after attacks on Oct. 22 that killed six "
    "people. A day later, more explosions were reported in Kyiv."
)


def test_seed_article_dates() -> None:
    assert resolved(SEED) == [
        ("Oct. 23", D(2025, 10, 23)),
        ("yesterday", D(2025, 10, 22)),
        # the date of the event after "after": her remarks (Oct. 23) less a day
        ("a day after", D(2025, 10, 22)),
        ("Oct. 22", D(2025, 10, 22)),
        ("A day later", D(2025, 10, 23)),
    ]


def test_seed_article_without_publication_date_has_no_dates_and_says_why() -> None:
    mentions = find_dates(SEED, None)
    assert [m.value for m in mentions] == [None] * 5
    assert all(m.reason for m in mentions)


def test_shifts_count_from_the_latest_date() -> None:
    text = "On Oct. 1 talks began. Two days later they broke down. The next day, rain."
    assert resolved(text) == [
        ("Oct. 1", D(2025, 10, 1)),
        ("Two days later", D(2025, 10, 3)),
        ("The next day", D(2025, 10, 4)),
    ]
    text = "On Oct. 10 it ended. A day earlier, the previous day."
    assert [v for _, v in resolved(text)] == [D(2025, 10, 10), D(2025, 10, 9), D(2025, 10, 8)]


def test_a_shift_after_a_relative_word_counts_from_it_when_no_date_came_first() -> None:
    text = "Yesterday's attack killed five. A day earlier, three died."
    assert resolved(text) == [("Yesterday", D(2025, 10, 22)), ("A day earlier", D(2025, 10, 21))]


def test_a_day_after_a_dated_event_is_that_event_s_date() -> None:
    text = "The attack came two days after the Oct. 5 vote."
    assert resolved(text)[0] == ("two days after", D(2025, 10, 5))
    assert resolved("On Oct. 5 they voted. A day after that, war.")[1] == (
        "A day after",
        D(2025, 10, 6),
    )


def test_a_shift_with_nothing_to_count_from_has_no_value() -> None:
    mention = only("A day later, more explosions.")
    assert (mention.value, mention.reason) == (None, "no earlier date to count from")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-10-23", D(2025, 10, 23)),
        (" 2025-10-23 ", D(2025, 10, 23)),
        ("2025-10-23T10:00:00+02:00", D(2025, 10, 23)),
        ("2025-10-23T23:30:00-05:00", D(2025, 10, 23)),
        ("2025-10-23 10:00", D(2025, 10, 23)),
        ("October 23, 2025", D(2025, 10, 23)),
        ("Oct. 23, 2025", D(2025, 10, 23)),
        ("23 October 2025", D(2025, 10, 23)),
        ("Thu, 23 Oct 2025 10:00:00 GMT", D(2025, 10, 23)),
        ("2025/10/23", D(2025, 10, 23)),
        ("October 23", None),
        ("2025-13-45", None),
        ("yesterday", None),
        ("", None),
        ("not a date", None),
    ],
)
def test_parse_iso_date(value: str, expected: dt.date | None) -> None:
    assert parse_iso_date(value) == expected


# Pieces of count-like (or date-like) text, joined at random into sentences.
_PIECES = st.sampled_from(
    (
        "on|Oct.|October|22|22nd|2025|,|.|Monday|last|next|night|yesterday|today|a|day|"
        "days|two|after|later|before|the|ago|week|in|May|Feb.|29|31|-|/|10/11/2025|"
        "2025-10-22|will|previous|following|mid-|of|that|\n|é"
    ).split("|")
)
_TEXTS = st.one_of(st.text(), st.lists(_PIECES, max_size=14).map(" ".join))
_DATES = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max]))


@given(_TEXTS, _DATES, _DATES)
def test_any_text_gives_well_formed_mentions(
    text: str, published: dt.date | None, said_on: dt.date | None
) -> None:
    mentions = find_dates(text, published, said_on=said_on)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert (m.value is None) != (m.reason is None)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


@given(_TEXTS, st.dates())
def test_what_resolves_without_a_publication_date_does_not_depend_on_it(
    text: str, published: dt.date
) -> None:
    # Without a reference only dates that state their year (and shifts from them)
    # resolve, so supplying a publication date changes none of them.
    without, with_published = find_dates(text, None), find_dates(text, published)
    assert [(m.start, m.end) for m in without] == [(m.start, m.end) for m in with_published]
    for bare, dated in zip(without, with_published, strict=True):
        if bare.value is not None:
            assert dated.value == bare.value


@given(st.text())
def test_parse_iso_date_never_raises(value: str) -> None:
    assert parse_iso_date(value) is None or isinstance(parse_iso_date(value), dt.date)


def test_days_after_an_event_with_nothing_named_before_count_from_publication() -> None:
    # "Two days after a quake struck, rescuers are still digging": the article's own day.
    text = "Two days after a massive earthquake struck, rescuers are still digging."
    assert resolved(text)[0] == ("Two days after", THURSDAY - dt.timedelta(days=2))
    assert resolved(text, None)[0] == ("Two days after", None)
