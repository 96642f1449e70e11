"""Casualty-style counts: bounds as shared/eval/README.md sets them, spans, non-counts."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsld.text.numbers import Count, find_counts, parse_count

SEED = (
    "The sanctions came after a wave of Russian missile and drone attacks on Oct. 22 "
    "that killed six people and injured at least 44 across Ukraine."
)


def found(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(c.text, c.low, c.high) for c in find_counts(text)]


def test_seed_sentence_gives_exactly_six_killed_and_at_least_44_injured() -> None:
    counts = find_counts(SEED)
    assert [(c.low, c.high) for c in counts] == [(6, 6), (44, None)]
    six, forty_four = counts
    assert SEED[six.start : six.end] == "six"
    assert SEED[forty_four.start : forty_four.end] == "at least 44"
    assert six == Count(SEED.index("six"), SEED.index("six") + 3, 6, 6, "six")


# The eval README's conventions, then the other qualifiers of the brief.
@pytest.mark.parametrize(
    ("phrase", "bounds"),
    [
        ("6", (6, 6)),
        ("44", (44, 44)),
        ("1,200", (1200, 1200)),
        ("nearly 4 000", (None, 3999)),
        ("1.2 million", (1_200_000, 1_200_000)),
        ("six", (6, 6)),
        ("Twelve", (12, 12)),
        ("forty-four", (44, 44)),
        ("forty four", (44, 44)),
        ("one hundred and twenty", (120, 120)),
        ("a hundred", (100, 100)),
        ("three million", (3_000_000, 3_000_000)),
        ("a dozen", (12, 12)),
        ("two dozen", (24, 24)),
        ("half a dozen", (6, 6)),
        ("a couple of", (2, 2)),
        ("a handful", (2, 5)),
        ("at least 44", (44, None)),
        ("At least three", (3, None)),
        ("no fewer than 10", (10, None)),
        ("more than 40", (41, None)),
        ("over 40", (41, None)),
        ("well over 100", (101, None)),
        ("exceeded 100", (101, None)),
        ("surpassed 1,600", (1601, None)),
        ("surpass 35,000", (35001, None)),
        ("topped 200", (201, None)),
        ("more than a dozen", (13, None)),
        ("up to 10", (None, 10)),
        ("as many as 10", (None, 10)),
        ("As many as five", (None, 5)),
        ("fewer than 10", (None, 9)),
        ("nearly 50", (None, 49)),
        ("almost 50", (None, 49)),
        ("just under 20", (None, 19)),
        ("about 50", (50, 50)),
        ("around 50", (50, 50)),
        ("some 330", (330, 330)),
        ("roughly 50", (50, 50)),
        ("an estimated 300", (300, 300)),
        ("300 or so", (300, 300)),
        ("40 or more", (40, None)),
        ("40-plus", (40, None)),
        ("40+", (40, None)),
        ("between 36 and 40", (36, 40)),
        ("between two and five", (2, 5)),
        ("36 to 40", (36, 40)),
        ("36-40", (36, 40)),
        ("six to eight", (6, 8)),
        ("two or three", (2, 3)),
        ("dozens", (24, None)),
        ("Dozens", (24, None)),
        ("scores of", (40, None)),
        ("hundreds", (200, None)),
        ("thousands", (2000, None)),
        ("tens of thousands", (20_000, None)),
        ("hundreds of thousands", (200_000, None)),
        ("several hundred", (200, None)),
        ("a few dozen", (24, None)),
        ("zero", (0, 0)),
    ],
)
def test_each_convention_reads_into_its_bounds(
    phrase: str, bounds: tuple[int | None, int | None]
) -> None:
    assert parse_count(phrase) == bounds
    # In a sentence, the span covers the qualifier and the figure, not "of" or the noun.
    sentence = f"Officials said {phrase} people were killed."
    [count] = find_counts(sentence)
    assert count.text == phrase.removesuffix(" of")
    assert (count.low, count.high) == bounds


@pytest.mark.parametrize(
    "text",
    [
        "It happened in 2019.",
        "The blast came at 10 a.m. local time.",
        "It was 10:30 when the sirens sounded.",
        "The attack on Oct. 22 was condemned.",
        "The attack of 22 October was condemned.",
        "On 2025-10-22 the sanctions began.",
        "He became the 47th president.",
        "The first strike hit a school.",
        "Support fell by 40%.",
        "Support fell by 40 percent.",
        "The fine was $5 million.",
        "The fine was 5 million euros.",
        "The singer died aged 79.",
        "A 79-year-old man was hurt.",
        "An 11-month-old baby found the drugs.",
        "A seventy-nine-year-old man was hurt.",
        "Adamowicz, 53, had supported the march.",
        "Don Imus (79) died on Friday.",
        "The fighting lasted for two days.",
        "The shell landed 5 km away.",
        "Flight 752 crashed after take-off.",
        "The Boeing 737-800 crashed.",
        "COVID-19 spread quickly; MH17 was shot down.",
        "No one was hurt.",
        "They helped one another.",
        "Two-thirds of the town was destroyed.",
        "The 2019-20 season was cancelled.",
    ],
)
def test_numbers_that_are_not_counts_are_not_reported(text: str) -> None:
    assert find_counts(text) == []


def test_a_year_with_a_count_noun_is_a_count() -> None:
    assert found("2000 people were evacuated in 2019.") == [("2000", 2000, 2000)]


def test_a_toll_that_rises_from_one_figure_to_another_is_two_counts() -> None:
    assert found("The toll rose from six to eight.") == [("six", 6, 6), ("eight", 8, 8)]


def test_two_figures_joined_by_and_are_two_counts() -> None:
    text = "the attack had killed twelve and injured twelve more"
    assert found(text) == [("twelve", 12, 12), ("twelve", 12, 12)]
    text = "Last week a Kabul car bombing killed five and wounded 110."
    assert found(text) == [("five", 5, 5), ("110", 110, 110)]


def test_a_run_of_number_words_that_is_not_one_number_splits() -> None:
    assert found("twelve twelve") == [("twelve", 12, 12), ("twelve", 12, 12)]


def test_a_descending_pair_is_not_a_range() -> None:
    assert found("The score was 3-2.") == [("3", 3, 3), ("2", 2, 2)]


def test_one_as_a_count_is_kept() -> None:
    assert found("one of the injured women died") == [("one", 1, 1)]


def test_counts_come_in_text_order_with_a_list_of_tolls() -> None:
    text = "150 security forces, 95 civilians, and hundreds of Taliban killed"
    assert found(text) == [("150", 150, 150), ("95", 95, 95), ("hundreds", 200, None)]


def test_parse_count_needs_exactly_one_count() -> None:
    assert parse_count("killed 6, injured 44") is None
    assert parse_count("in 2019") is None
    assert parse_count("") is None
    assert parse_count("  at least 44  ") == (44, None)


@given(st.integers(min_value=0, max_value=10**12))
def test_any_figure_with_separators_reads_back(n: int) -> None:
    assert parse_count(f"{n:,} people") == (n, n)
    assert parse_count(f"more than {n:,} people") == (n + 1, None)
    assert parse_count(f"at least {n:,} people") == (n, None)


_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@given(st.integers(min_value=2, max_value=9), st.integers(min_value=1, max_value=9))
def test_any_hyphenated_tens_and_ones_reads_as_its_number(tens: int, ones: int) -> None:
    words = f"{_TENS[tens - 2]}-{_ONES[ones - 1]}"
    assert found(f"{words} people died") == [(words, 10 * tens + ones, 10 * tens + ones)]


# Pieces of count-like (or date-like) text, joined at random into sentences.
_PIECES = st.sampled_from(
    (
        "at least|more than|up to|between|and|to|or|-|nearly|about|six|forty-four|a|"
        "dozen|dozens|hundred|hundreds|of|thousands|1,200|44|2019|Oct.|22|%|$|a.m.|aged|"
        "year-old|people|killed|,|.|plus|+|more|so|no|one|4 000|1.5|million|tens|scores|"
        "half|several|twelve|and|\xa0|\n|é|١٢"
    ).split("|")
)
_TEXTS = st.one_of(st.text(), st.lists(_PIECES, max_size=14).map(" ".join))


def _well_formed(text: str, count: Count) -> None:
    assert 0 <= count.start < count.end <= len(text)
    assert text[count.start : count.end] == count.text
    assert count.low is not None or count.high is not None
    assert count.low is None or count.low >= 0
    if count.low is not None and count.high is not None:
        assert count.low <= count.high


@given(_TEXTS)
def test_any_text_gives_well_formed_ordered_counts(text: str) -> None:
    counts = find_counts(text)
    for count in counts:
        _well_formed(text, count)
    assert all(a.end <= b.start for a, b in itertools.pairwise(counts))
    bounds = parse_count(text)
    assert bounds is None or bounds == (counts[0].low, counts[0].high)


def test_up_to_after_a_verb_of_rising_is_no_ceiling() -> None:
    found = find_counts("The toll has gone up to 15 and then rose up to 20. Up to 10 are hurt.")
    assert [(c.text, c.low, c.high) for c in found] == [
        ("15", 15, 15),
        ("20", 20, 20),
        ("Up to 10", None, 10),
    ]


def test_another_before_a_role_word_counts_one() -> None:
    assert found("One guard was killed and another injured.") == [
        ("One", 1, 1),
        ("another", 1, 1),
    ]
    assert found("Another 12 were wounded.") == [("12", 12, 12)]
    assert found("They blamed one another.") == []


def test_one_person_after_that_is_a_count() -> None:
    assert found("The mayor said that one person died.") == [("one", 1, 1)]
    assert found("He is the one who left, and that one stayed.") == []
