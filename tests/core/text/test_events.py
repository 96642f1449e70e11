"""The shared event layer: dates resolved once against publication, report dates, sentences."""

from __future__ import annotations

import datetime as dt

from newsld.analysis import Analysis
from newsld.model import Article
from newsld.text.events import (
    NO_PUBLICATION_DATE,
    dates,
    event_sentences,
    incident_date,
    is_aftermath_date,
    is_report_date,
    nearest_date,
    previous_sentence,
)


def analysis(body: str, published: str | None = None) -> Analysis:
    return Analysis(Article(body=body, date_published=published), "urn:test")


def test_dates_resolve_against_the_publication_date_without_warning() -> None:
    a = analysis("The attacks on Oct. 22 killed six people.\n", "2025-10-23")
    assert [m.value for m in dates(a)] == [dt.date(2025, 10, 22)]
    assert a.warnings == []


def test_no_publication_date_leaves_the_year_out_and_warns_once() -> None:
    a = analysis("The attacks on Oct. 22 killed six. On Monday, more came.\n")
    assert [m.value for m in dates(a)] == [None, None]
    dates(a)
    assert a.warnings == [NO_PUBLICATION_DATE]


def test_full_dates_need_no_publication_date_and_give_no_warning() -> None:
    a = analysis("The attacks on October 22, 2025 killed six.\n")
    assert [m.value for m in dates(a)] == [dt.date(2025, 10, 22)]
    assert a.warnings == []


def test_a_date_hanging_on_a_verb_of_saying_is_the_date_of_the_report() -> None:
    body = "Police said on Monday that two died. Early on Wednesday, officials said six died.\n"
    a = analysis(body, "2025-10-23")
    assert [is_report_date(body, m) for m in dates(a)] == [True, True]


def test_a_date_of_the_event_is_not_a_report_date() -> None:
    body = "Six people were killed on Monday, officials said.\n"
    a = analysis(body, "2025-10-23")
    assert [is_report_date(body, m) for m in dates(a)] == [False]


def test_nearest_date_skips_the_date_of_the_report() -> None:
    body = "Early on Wednesday, officials said six people were killed in Tuesday's strike.\n"
    a = analysis(body, "2024-12-11")
    found = nearest_date(a, 0, len(body), body.index("six"))
    assert found is not None and found.value == dt.date(2024, 12, 10)


def test_incident_date_is_the_first_date_next_to_an_incident_word() -> None:
    body = (
        "On Saturday, Iran admitted the mistake. The 176 people on board were killed.\n"
        "Hours before the jet crashed on Wednesday, missiles were fired.\n"
    )
    found = incident_date(analysis(body, "2020-01-13"))
    assert found is not None and found.value == dt.date(2020, 1, 8)


def test_sentences_glued_by_scraping_are_split() -> None:
    a = analysis("The search is continuing.Officials said six were killed.\n")
    assert [s.text for s in event_sentences(a)] == [
        "The search is continuing.",
        "Officials said six were killed.",
    ]


def test_previous_sentence_stays_in_the_paragraph() -> None:
    a = analysis("A bomb hit the market. Dozens died.\nThe toll rose.\n")
    first, second, third = event_sentences(a)
    assert previous_sentence(a, second) == first
    assert previous_sentence(a, third) is None


def test_a_date_hanging_on_a_rescue_is_an_aftermath_date() -> None:
    body = "Crews searched the ruins on Sunday after Saturday's blast killed nine.\n"
    a = analysis(body, "2024-03-04")
    assert [is_aftermath_date(body, m) for m in dates(a)] == [True, False]
    found = nearest_date(a, 0, len(body), body.index("nine"))
    assert found is not None and found.value == dt.date(2024, 3, 2)


def test_incident_date_falls_back_to_a_sentence_that_tells_of_the_incident() -> None:
    body = (
        "Nine were dead, officials said Tuesday.\n"
        "The landslide, after weeks of rain on the bare slopes, came down at 5 a.m. Monday.\n"
    )
    found = incident_date(analysis(body, "2024-03-05"))
    assert found is not None and found.value == dt.date(2024, 3, 4)


def test_a_date_owning_an_incident_noun_after_a_verb_of_saying_is_the_incident_date() -> None:
    body = "Officials said Saturday's explosion was an accident.\n"
    found = incident_date(analysis(body, "2024-03-04"))
    assert found is not None and found.value == dt.date(2024, 3, 2)


def test_a_datelines_day_is_no_date_of_the_event() -> None:
    body = "KORVO, March 12 (Agency) -- Nine people were killed late on Monday.\n"
    a = analysis(body, "2024-03-15")
    found = nearest_date(a, 0, len(body), body.index("Nine"))
    assert found is not None and found.value == dt.date(2024, 3, 11)


def test_the_day_a_video_was_filmed_is_an_aftermath_date() -> None:
    body = "Nine people died after the quake, video filmed on Tuesday showed.\n"
    a = analysis(body, "2024-03-15")
    assert [is_aftermath_date(body, m) for m in dates(a)] == [True]
