"""Sanctions read from the structure of the sentence (issue 12, third round): a sports word
that only describes a person, a title that goes on with "for" inside a list of targets, a
ban on a counted group of people, who is sent a warning. Every sentence here is written for the
test, none is taken from an article."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.plugins.sanctions.test_actions import MONDAY, found, one

Convert = Callable[..., dict[str, Any]]


def test_a_sports_word_describing_a_target_is_no_sports_penalty(to_jsonld: Convert) -> None:
    text = (
        "The UK on Monday froze the assets of six Russian businessmen, including "
        "Rovers football club owner Pavel Dorin."
    )
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["United Kingdom"] and claim["targets"] == ["Pavel Dorin"]


def test_a_sports_body_penalty_is_still_no_sanction(to_jsonld: Convert) -> None:
    text = "The league sanctioned Rovers football club on Monday over crowd trouble."
    assert found(to_jsonld, text) == []


def test_titles_with_for_inside_a_list_after_a_colon(to_jsonld: Convert) -> None:
    text = (
        "Britain imposed asset freezes on Monday on three generals: the minister of defence, "
        "Aung Lwin, the minister for home affairs, Kyaw Min, and deputy minister for trade "
        "Tun Naing."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Aung Lwin", "Kyaw Min", "Tun Naing"]


def test_a_ban_on_a_counted_group_of_people(to_jsonld: Convert) -> None:
    text = (
        "Belarus's foreign ministry on Monday declared a ban on 200 Polish citizens, "
        "including former minister Piotr Kowalik."
    )
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["Belarus"] and claim["action"] == "impose"
    assert claim["targets"] == ["Piotr Kowalik"] and claim["date"] == MONDAY


def test_who_is_sent_warnings_is_the_target_not_the_authority(to_jsonld: Convert) -> None:
    text = (
        "Dutch Foreign Secretary Paul Girard on Monday stepped up warnings to Belarus to come "
        "clean about its nuclear programs soon or face new sanctions."
    )
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["Netherlands"] and claim["targetCountry"] == ["Belarus"]
    assert claim["action"] == "threaten"


def test_a_list_of_measures_renewed_is_an_extension(to_jsonld: Convert) -> None:
    text = (
        "The U.N. Security Council on Monday renewed for one year a targeted arms embargo, "
        "travel ban and assets freeze against individuals and entities designated by its "
        "committee on Tarvian militias in Belarus."
    )
    claim = one(to_jsonld, text)
    assert claim["action"] == "extend" and claim["date"] == MONDAY


def test_extending_a_sanctions_list_adds_names(to_jsonld: Convert) -> None:
    text = "Washington extended its sanctions list on Monday, adding Orsk Bank."
    claim = one(to_jsonld, text)
    assert claim["action"] == "impose" and claim["targets"] == ["Orsk Bank"]


def test_extending_sanctions_in_time_is_still_an_extension(to_jsonld: Convert) -> None:
    text = "The EU on Monday extended its sanctions on Orsk Bank for six months."
    assert one(to_jsonld, text)["action"] == "extend"


def test_a_list_of_names_before_are_the_other_ones_sanctioned(to_jsonld: Convert) -> None:
    text = (
        "The UK on Monday froze the assets of five Russian oligarchs, including Pavel Dorin. "
        "Andrey Kolt, the chairman of Orsk bank; Alexei Murin, the CEO of energy company Volna "
        "and Dmitri Lebin, the chairman of Bank Tarna are the other Russian oligarchs sanctioned."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Pavel Dorin", "Andrey Kolt", "Alexei Murin", "Dmitri Lebin"]


def test_a_list_of_the_newly_sanctioned_with_amounts_and_semicolons(to_jsonld: Convert) -> None:
    text = (
        "The UK on Monday froze the assets of five Russian oligarchs, including Pavel Dorin. "
        "Those newly-sanctioned by the UK include Oleg Marin, worth more than £9 billion; "
        "leading industrialist Ivan Petrov worth £2 billion, and Orsk CEO Igor Vetrov."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Pavel Dorin", "Oleg Marin", "Ivan Petrov", "Igor Vetrov"]


def test_the_body_a_person_heads_in_an_apposition_is_no_target(to_jsonld: Convert) -> None:
    text = "The UK on Monday sanctioned Pavel Dorin, the owner of Orsk Bank, and Volna Trading."
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Pavel Dorin", "Volna Trading"]


def test_a_title_before_a_name_in_a_list_keeps_the_name(to_jsonld: Convert) -> None:
    text = (
        "Russia on Monday announced sanctions on Mr Hale, his Secretary of State Ann Ober, "
        "Pentagon chief Lloyd Varnum and Mr Cole."
    )
    assert "Lloyd Varnum" in one(to_jsonld, text)["targets"]


def test_who_welcomes_an_action_is_not_its_authority(to_jsonld: Convert) -> None:
    text = (
        "The US on Monday lifted sanctions on Sudan. Sudanese Information Minister Ahmed "
        "Bilal welcomed the news of the lifting of the sanctions."
    )
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["United States"] and claim["action"] == "lift"


def test_measures_to_counter_sanctions_are_no_action(to_jsonld: Convert) -> None:
    text = (
        "The EU on Monday imposed sanctions on Orsk Bank. A Russian lawmaker said Moscow "
        "was working on measures to counter the new sanctions."
    )
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["European Union"] and claim["targets"] == ["Orsk Bank"]


def test_the_subject_of_must_or_face_is_warned_not_the_authority(to_jsonld: Convert) -> None:
    text = (
        "The EU on Monday warned Belarus of new sanctions. Belarus, which denies the "
        "charges, must free the prisoners or face punitive measures."
    )
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["European Union"] and claim["targetCountry"] == ["Belarus"]


def test_a_warning_that_a_country_must_act_keeps_its_authority(to_jsonld: Convert) -> None:
    text = "The EU on Monday warned that Belarus must free the prisoners or face new sanctions."
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["European Union"] and claim["action"] == "threaten"


def test_a_body_named_for_sanctions_tells_no_action(to_jsonld: Convert) -> None:
    text = (
        "The UN renewed its arms embargo on Yemen on Monday. In a report, the expert team of "
        "the Sanctions Committee said that rebels were smuggling weapons from Iran."
    )
    claim = one(to_jsonld, text)
    assert claim["targetCountry"] == ["Yemen"] and claim["action"] == "extend"


def test_the_companies_listed_as_in_the_next_sentence(to_jsonld: Convert) -> None:
    text = (
        "Norway announced on Monday the imposition of sanctions on three American defense "
        "companies. The Norwegian Foreign Ministry on Monday listed these companies as Orsk "
        "Dynamics, Volna Aerospace, and Tarn Systems."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Orsk Dynamics", "Volna Aerospace", "Tarn Systems"]
