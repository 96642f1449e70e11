"""The quotes extractor: each attribution pattern of news writing, and robustness."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

Convert = Callable[..., dict[str, Any]]
INTRO = (
    "Treasury Secretary Scott Bessent and White House Press Secretary Karoline Leavitt "
    "met on Monday.\n"
)


def said(document: dict[str, Any], kind: str = "direct") -> list[tuple[str, str | None]]:
    """(text, speaker name) of each quote of one kind."""
    names = {e["@id"]: e["name"] for e in document["mentions"]}
    found = []
    for claim in document["hasPart"]:
        if claim["claimType"] == "quote" and claim["quoteKind"] == kind:
            ref = claim.get("spokenByCharacter") or claim.get("author")
            found.append((claim["text"], names[ref["@id"]] if ref else None))
    return found


def test_quote_then_surname_and_verb(to_jsonld: Convert) -> None:
    doc = to_jsonld(INTRO + '"We will stop the killing now," Leavitt told reporters.\n')
    assert said(doc) == [("We will stop the killing now,", "Karoline Leavitt")]


def test_quote_then_verb_and_name(to_jsonld: Convert) -> None:
    doc = to_jsonld(INTRO + '"We will stop the killing now," said Bessent.\n')
    assert said(doc) == [("We will stop the killing now,", "Scott Bessent")]


def test_name_and_verb_then_quote(to_jsonld: Convert) -> None:
    doc = to_jsonld(
        INTRO + 'Leavitt said: "The meeting is not off the table."\nBessent said "It is time."\n'
    )
    assert said(doc) == [
        ("The meeting is not off the table.", "Karoline Leavitt"),
        ("It is time.", "Scott Bessent"),
    ]


def test_quote_split_by_its_attribution_has_one_speaker(to_jsonld: Convert) -> None:
    body = "White House Press Secretary Karoline Leavitt spoke on Monday.\n"
    doc = to_jsonld(
        body + "“And so a meeting is not off the table,” she said, “but not this week.”\n"
    )
    assert said(doc) == [
        ("And so a meeting is not off the table,", "Karoline Leavitt"),
        ("but not this week.", "Karoline Leavitt"),
    ]


def test_partial_quote_after_called_and_reported_speech(to_jsonld: Convert) -> None:
    body = (
        "U.S. President Donald Trump, who met NATO Secretary General Mark Rutte "
        "at the White House, "
        "called it a “very big day in terms of what we are doing.”\n"
    )
    assert said(to_jsonld(body)) == [
        ("very big day in terms of what we are doing.", "Donald Trump")
    ]


def test_role_noun_and_continuation_paragraph(to_jsonld: Convert) -> None:
    body = (
        "Russian Ambassador to Canada Oleg Stepanov was in Ottawa.\n"
        "“We will respond to any unfriendly actions,” the ambassador said.\n"
        "“We view them with regret and we will not forget.”\n"
    )
    assert [s for _, s in said(to_jsonld(body))] == ["Oleg Stepanov", "Oleg Stepanov"]


def test_unnamed_source_gets_no_speaker(to_jsonld: Convert) -> None:
    body = INTRO + '"I have been told not to make the figures public," an official said.\n'
    assert said(to_jsonld(body)) == [("I have been told not to make the figures public,", None)]


def test_terms_and_names_in_marks_are_not_quotes(to_jsonld: Convert) -> None:
    body = (
        'The committee named the virus "severe acute respiratory syndrome coronavirus 2" '
        'and "swine flu."\n'
    )
    assert said(to_jsonld(body)) == []


def test_reported_speech_with_its_source(to_jsonld: Convert) -> None:
    body = (
        INTRO + "Bessent said the measures aim to pressure Russia into accepting a ceasefire.\n"
        "Meanwhile, the Kremlin has reportedly insisted that Ukraine surrender all of "
        "Donetsk Oblast.\n"
        "Seventeen rockets struck near the base, according to Leavitt.\n"
        "At least 12 people were killed in the blast, police said.\n"
    )
    assert said(to_jsonld(body), "indirect") == [
        ("the measures aim to pressure Russia into accepting a ceasefire", "Scott Bessent"),
        ("Ukraine surrender all of Donetsk Oblast", "Kremlin"),
        ("Seventeen rockets struck near the base", "Karoline Leavitt"),
    ]


def test_speaker_entity_has_title_alias_and_affiliation(to_jsonld: Convert) -> None:
    doc = to_jsonld(INTRO + '"We will stop the killing now," Leavitt told reporters.\n')
    person = next(e for e in doc["mentions"] if e["name"] == "Karoline Leavitt")
    assert person["jobTitle"] == "White House Press Secretary"
    assert "Leavitt" in person["alternateName"]
    assert any(e["@id"] == person["affiliation"]["@id"] for e in doc["mentions"])


def test_direct_quotes_are_quotations_and_reported_speech_claims(to_jsonld: Convert) -> None:
    doc = to_jsonld(
        INTRO + 'Leavitt added that Trump has seen "not enough interest" from Russia.\n'
    )
    types = {c["quoteKind"]: c["@type"] for c in doc["hasPart"]}
    assert types == {"direct": "Quotation", "indirect": "Claim"}


_PIECES = [
    *"aAbB eE.,:;\n\"'“”‘’",
    "said ",
    " he ",
    "Leavitt ",
    "the U.S. ",
    " told ",
    "that ",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_TEXT)
def test_any_text_gives_evidence_inside_the_body(to_jsonld: Convert, body: str) -> None:
    if not body.strip():
        return
    doc = to_jsonld("Headline\n\n" + body)
    text = doc["articleBody"]
    for claim in doc["hasPart"]:
        for span in claim["evidence"]:
            assert 0 <= span["start"] <= span["end"] <= len(text)
        if claim.get("quoteKind") == "direct":
            span = claim["evidence"][0]
            assert text[span["start"] : span["end"]] == claim["text"]


def test_honorific_and_surname_is_the_person_and_gives_the_pronoun(to_jsonld: Convert) -> None:
    body = (
        "Finance Minister Ann Kerrigan and Health Minister Paul Ostrow met on Monday.\n"
        "Mr Ostrow said the hospitals would stay open.\n"
        "“We will not close a single ward,” he said.\n"
    )
    doc = to_jsonld(body)
    assert said(doc) == [("We will not close a single ward,", "Paul Ostrow")]
    assert said(doc, "indirect") == [("the hospitals would stay open", "Paul Ostrow")]


def test_role_noun_judge_resolves_to_the_named_judge(to_jsonld: Convert) -> None:
    body = (
        "U.S. District Judge Mara Lindqvist heard the motion on Friday.\n"
        '"This court will not be rushed by anyone," the judge said.\n'
    )
    assert said(to_jsonld(body)) == [("This court will not be rushed by anyone,", "Mara Lindqvist")]


def test_pronoun_after_a_postposed_name_resolves_to_it(to_jsonld: Convert) -> None:
    body = (
        "The toll rose to 40 overnight, said Farid Osmani, head of the provincial rescue service.\n"
        "“More bodies are still under the rubble,” he said.\n"
    )
    doc = to_jsonld(body)
    assert said(doc) == [("More bodies are still under the rubble,", "Farid Osmani")]
    assert said(doc, "indirect") == [("The toll rose to 40 overnight", "Farid Osmani")]


def test_maintained_after_a_quote_attributes_it(to_jsonld: Convert) -> None:
    body = (
        "Coach Lena Brandt praised the squad.\n"
        "“We played the better football today,” she maintained.\n"
    )
    assert said(to_jsonld(body)) == [("We played the better football today,", "Lena Brandt")]


def test_object_of_told_and_stated_is_not_reported_speech(to_jsonld: Convert) -> None:
    body = (
        "Judge Mara Lindqvist told the lawyers to keep their arguments inside the courtroom.\n"
        "Senator Tom Aldous stated his opposition to the spending plan.\n"
        "Police chief Dan Roe confirmed the arrest but did not give a name.\n"
    )
    assert said(to_jsonld(body), "indirect") == []


def test_quoted_as_saying_gives_the_quoted_speaker(to_jsonld: Convert) -> None:
    body = (
        "State radio quoted Ilse Varga, director of the relief office, as saying the bridge "
        "to the valley had collapsed.\n"
    )
    assert said(to_jsonld(body), "indirect") == [
        ("the bridge to the valley had collapsed", "Ilse Varga")
    ]


def test_second_speech_verb_starts_its_own_clause(to_jsonld: Convert) -> None:
    body = (
        "Governor Ruth Adair confirmed that three people had died and said that two more "
        "deaths were under investigation.\n"
    )
    assert said(to_jsonld(body), "indirect") == [
        ("three people had died", "Ruth Adair"),
        ("two more deaths were under investigation", "Ruth Adair"),
    ]


def test_participle_phrase_before_a_quote_is_not_reported_speech(to_jsonld: Convert) -> None:
    body = 'Speaking about the striker, Koen Visser said, "He is still learning the game."\n'
    doc = to_jsonld(body)
    assert said(doc, "indirect") == []
    assert said(doc) == [("He is still learning the game.", "Koen Visser")]


def dates_created(document: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(c["quoteKind"], c.get("dateCreated")) for c in document["hasPart"]]


def test_a_quote_said_on_a_date_carries_it(to_jsonld: Convert) -> None:
    doc = to_jsonld(
        INTRO + '"The talks are over," Leavitt said on Tuesday. "We move on," Bessent said.\n',
        published="2025-10-23",
    )
    assert dates_created(doc) == [("direct", "2025-10-21"), ("direct", None)]


def test_a_date_of_what_happened_is_not_when_it_was_said(to_jsonld: Convert) -> None:
    doc = to_jsonld(
        INTRO + 'Leavitt said the strike on Monday "was a grave mistake by the army."\n',
        published="2025-10-23",
    )
    created = dates_created(doc)
    assert created
    assert all(date is None for _, date in created)


def test_without_a_publication_date_no_date_is_guessed(to_jsonld: Convert) -> None:
    doc = to_jsonld(INTRO + '"The talks are over," Leavitt said on Oct. 21.\n')
    assert dates_created(doc) == [("direct", None)]
    assert any("no publication date" in w for w in doc["warnings"])


def test_replied_and_retorted_take_a_content_clause(to_jsonld: Convert) -> None:
    doc = to_jsonld(INTRO + "Bessent replied that the tariffs would stay in place until June.\n")
    assert said(doc, "indirect") == [
        ("the tariffs would stay in place until June", "Scott Bessent")
    ]


def test_a_speech_verb_used_as_a_noun_is_not_reported_speech(to_jsonld: Convert) -> None:
    doc = to_jsonld(INTRO + "Leavitt opened with a warning that the storm is far from over.\n")
    assert said(doc, "indirect") == []


def test_a_clause_opening_with_a_partial_quote_is_reported_too(to_jsonld: Convert) -> None:
    doc = to_jsonld(
        INTRO + 'Leavitt told NPR that "we were very surprised" when the talks ended.\n'
    )
    assert said(doc, "indirect") == [
        ("we were very surprised when the talks ended", "Karoline Leavitt")
    ]


def test_a_short_clause_opening_with_its_subject_is_reported(to_jsonld: Convert) -> None:
    doc = to_jsonld(INTRO + "Bessent said his office needs more time.\n")
    assert said(doc, "indirect") == [("his office needs more time", "Scott Bessent")]


def test_an_adjunct_then_a_relative_clause_is_not_reported_speech(to_jsonld: Convert) -> None:
    doc = to_jsonld(
        INTRO + "Leavitt spoke in a statement, which did not address whether the talks resumed.\n"
        'But "the talks are going well," Bessent said in a statement, which gave no date.\n'
    )
    assert said(doc, "indirect") == []


def test_a_concession_ends_the_reported_clause(to_jsonld: Convert) -> None:
    doc = to_jsonld(
        INTRO + "Bessent said the deal is close, although he cautioned that the talks could fail.\n"
    )
    assert said(doc, "indirect") == [
        ("the deal is close", "Scott Bessent"),
        ("the talks could fail", "Scott Bessent"),
    ]


def test_the_agency_is_the_news_agency_last_named_as_a_source(to_jsonld: Convert) -> None:
    doc = to_jsonld(
        "Quake\n\nXinhua said more than 100 homes had collapsed in the county. "
        "Roads to the town were cut, the agency said.\n"
    )
    assert said(doc, "indirect") == [
        ("more than 100 homes had collapsed in the county", "Xinhua"),
        ("Roads to the town were cut", "Xinhua"),
    ]


def test_a_surname_spelled_like_a_pronoun_is_a_name(to_jsonld: Convert) -> None:
    doc = to_jsonld(
        "Quake\n\nState television quoted He Biao, director of the relief office, "
        "as saying the roads were cut.\n"
    )
    assert said(doc, "indirect") == [("the roads were cut", "He Biao")]


def test_titles_of_works_are_not_quotes(to_jsonld: Convert) -> None:
    doc = to_jsonld(
        INTRO + 'Leavitt appeared on "Meet the Press Today" and said "we will not back down."\n'
    )
    assert [text for text, _ in said(doc)] == ["we will not back down."]
