"""Sanctions read as actions (issue 12, second round): more vocabulary, targets and target
countries from the structure of the sentence, one action per authority, and the day of the
action from the sentences that tell it. Every sentence here is written for the test, none is
taken from an article."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.plugins.sanctions.test_actions import MONDAY, found, one

Convert = Callable[..., dict[str, Any]]


# ------------------------------------------------------------------ vocabulary


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Moscow said on Monday that Tom Ardley is banned from entering Russia.", "impose"),
        (
            "On Monday the EU added Ivo Rask to the list of those subject to asset freezing.",
            "impose",
        ),
        ("On Monday, Japan prohibited exports to Volna Machine Works.", "impose"),
        (
            "The Treasury removed Orsk Shipping from its sanctions list on Monday.",
            "lift",
        ),
        (
            "On Monday the Treasury issued a general license authorizing deals with Orsk Bank.",
            "lift",
        ),
        ("The US restored sanctions on Kestrel Oil on Monday.", "impose"),
        ("Canada brought sanctions against Lenna Metals on Monday.", "impose"),
    ],
)
def test_vocabulary(to_jsonld: Convert, text: str, action: str) -> None:
    claim = one(to_jsonld, text)
    assert claim["action"] == action and claim["date"] == MONDAY


def test_the_objects_of_a_removal_lie_before_the_list(to_jsonld: Convert) -> None:
    text = "The Treasury removed Orsk Shipping from its Specially Designated Nationals list."
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Orsk Shipping"] and claim["authority"] == ["United States"]


def test_the_list_of_an_article_on_a_sanctions_list(to_jsonld: Convert) -> None:
    text = (
        "The US added Tovo Labs to the Entity List on Monday. "
        "In 2023 the US removed Pell Instruments from the list."
    )
    assert [c["action"] for c in found(to_jsonld, text)] == ["impose", "lift"]


def test_a_removal_from_another_list_is_no_sanctions_action(to_jsonld: Convert) -> None:
    text = (
        "The EU imposed sanctions on Orsk Shipping on Monday. "
        "The party removed Anna Berg from its list of candidates."
    )
    assert [c["action"] for c in found(to_jsonld, text)] == ["impose"]


# ------------------------------------------------------------------ targets


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # a counted group is no name
        ("The US imposed sanctions on several Russian Banks on Monday.", None),
        # a title word may open a bank's name; an acronym of a group may too
        (
            "The UK is sanctioning General Bank and IS Bank, the Treasury said on Monday.",
            ["General Bank", "IS Bank"],
        ),
        # a bracketed place inside a company's name
        (
            "The US blacklisted LANTO (Dalian) Technology Co. on Monday.",
            ["LANTO (Dalian) Technology Co"],
        ),
        # a company named after a capital keeps the capital
        (
            "The US blacklisted Beijing Tovo Technology Co. on Monday.",
            ["Beijing Tovo Technology Co"],
        ),
        # an event is no target
        ("The G7 agreed sanctions on Russia at the Tarvo Summit on Monday.", None),
    ],
)
def test_targets(to_jsonld: Convert, text: str, targets: list[str] | None) -> None:
    assert one(to_jsonld, text).get("targets") == targets


def test_exports_to_whom_name_the_target(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "On Monday the US banned exports to two Chinese firms.")
    assert claim["targetCountry"] == ["China"]


def test_a_restated_list_starts_with_a_name(to_jsonld: Convert) -> None:
    text = (
        "The US added four Chinese companies to the Entity List on Monday. "
        "The companies are involved in making AI chips. "
        "The affected companies are Tovo Labs and Pell Instruments."
    )
    assert one(to_jsonld, text)["targets"] == ["Tovo Labs", "Pell Instruments"]


def test_a_restated_list_names_what_the_action_targeted(to_jsonld: Convert) -> None:
    text = (
        "The US imposed sanctions on Kestrel Refining on Monday. "
        "The refinery has taken oil from shadow fleet vessels that evade sanctions. "
        "The tankers included Marla and Vesta."
    )
    assert one(to_jsonld, text)["targets"] == ["Kestrel Refining"]


def test_a_list_after_including_ends_with_its_clause(to_jsonld: Convert) -> None:
    text = (
        "China has sanctioned foreign officials, including a deputy Lithuanian minister "
        "who visited Taipei, for criticizing China."
    )
    claim = one(to_jsonld, text)
    assert "targets" not in claim and claim["targetCountry"] == ["Lithuania"]


# ------------------------------------------------------------------ one claim per action


def test_an_action_told_in_the_perfect_on_others_is_another_action(to_jsonld: Convert) -> None:
    text = (
        "China sanctioned senator Tom Ardley on Monday for visiting Taipei. "
        "China has sanctioned Lithuanian officials before."
    )
    claims = found(to_jsonld, text)
    assert [c.get("targets") for c in claims] == [["Tom Ardley"], None]
    assert claims[1]["targetCountry"] == ["Lithuania"]


def test_a_list_of_the_same_sentence_adds_no_targets_to_the_action_before(
    to_jsonld: Convert,
) -> None:
    text = (
        "China sanctioned senator Tom Ardley on Monday. "
        "In 2021 China sanctioned former officials, including Ken Morrow."
    )
    assert [c["targets"] for c in found(to_jsonld, text)] == [["Tom Ardley"], ["Ken Morrow"]]


def test_who_is_barred_from_entering_and_who_bars(to_jsonld: Convert) -> None:
    text = "The ministry said on Monday that Tom Ardley will be barred from entering China."
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Tom Ardley"] and claim["authority"] == ["China"]


# ------------------------------------------------------------------ date


def test_the_next_sentence_that_points_back_gives_the_day(to_jsonld: Convert) -> None:
    text = (
        "The EU has extended its sanctions on Russia by six months.\n"
        "EU officials said Monday that the decision was unanimous."
    )
    assert one(to_jsonld, text)["date"] == MONDAY


def test_a_meeting_named_by_its_days_is_not_the_actions_day(to_jsonld: Convert) -> None:
    text = (
        "The EU has extended its sanctions on Russia. "
        "The extension follows a report to the European Council of 7-8 March 2024."
    )
    # The lead in the perfect is the news of the publication day, never the meeting's.
    assert one(to_jsonld, text).get("date") not in ("2024-03-07", "2024-03-08")


def test_the_day_of_what_the_action_followed_is_not_its_day(to_jsonld: Convert) -> None:
    text = "The US imposed sanctions on Kestrel Oil after Russia seized a tanker on Sunday."
    assert "date" not in one(to_jsonld, text)


def test_an_action_told_with_also_is_of_the_day_before(to_jsonld: Convert) -> None:
    text = (
        "ECOWAS lifted sanctions on Niger on Monday. "
        "The regional bloc also lifted sanctions on Guinea."
    )
    assert [c["date"] for c in found(to_jsonld, text)] == [MONDAY, MONDAY]


# ------------------------------------------------------------------ target country


@pytest.mark.parametrize(
    "text",
    [
        "Japan imposed sanctions on 100 individuals over Russia's invasion of Ukraine.",
        "The US sanctioned a Chinese refinery that helped Russia's oil trade.",
        "The US sanctioned Tovo Chemicals, a Chinese firm, for supplying Russia's army.",
    ],
)
def test_the_country_whose_conduct_is_punished(to_jsonld: Convert, text: str) -> None:
    assert one(to_jsonld, text)["targetCountry"] == ["Russia"]


def test_a_country_named_as_the_object_stays_the_target(to_jsonld: Convert) -> None:
    text = "The EU imposed sanctions on Belarus over Russia's invasion of Ukraine."
    assert one(to_jsonld, text)["targetCountry"] == ["Belarus"]


def test_a_removal_is_read_in_its_own_clause(to_jsonld: Convert) -> None:
    text = (
        "The US added Tovo Labs to the Entity List on Monday. Firms are rarely removed "
        "once added, although the US removed a Chinese laboratory from the list in 2023."
    )
    claims = found(to_jsonld, text)
    assert [c["action"] for c in claims] == ["impose", "lift"]
    assert claims[1]["authority"] == ["United States"]
    assert claims[1]["targetCountry"] == ["China"]


# ------------------------------------------------------------------ modality and structure


def test_a_call_on_a_long_named_body_is_a_proposal(to_jsonld: Convert) -> None:
    text = (
        "EU ministers asked on Monday the Security Council of the United Nations (UN) "
        "to impose sanctions against Sudan."
    )
    claim = one(to_jsonld, text)
    assert claim["action"] == "propose" and claim["authority"] == ["United Nations"]


@pytest.mark.parametrize(
    "text",
    [
        "Last month the firm paid the largest criminal fine in a sanctions case.",
        "The deal offers Iran a path in return for lifting economic sanctions.",
    ],
)
def test_no_action(to_jsonld: Convert, text: str) -> None:
    assert found(to_jsonld, text) == []


def test_names_after_a_dash_are_the_counted_targets(to_jsonld: Convert) -> None:
    text = "The UK imposed sanctions on three businessmen – Ivo Rask, Pyotr Lenz and Ilya Dorn."
    assert one(to_jsonld, text)["targets"] == ["Ivo Rask", "Pyotr Lenz", "Ilya Dorn"]


def test_what_the_sanctions_will_target_are_targets(to_jsonld: Convert) -> None:
    text = "The US announced sanctions against Russia, which will target Orsk Bank."
    assert one(to_jsonld, text)["targets"] == ["Orsk Bank"]


def test_who_would_face_sanctions_is_threatened(to_jsonld: Convert) -> None:
    text = "Orsk Bank would also face US sanctions if Russia invades, officials said."
    claim = one(to_jsonld, text)
    assert claim["action"] == "threaten" and claim["authority"] == ["United States"]


def test_who_is_prompted_to_impose_imposes(to_jsonld: Convert) -> None:
    text = "Russia invaded Ukraine, which prompted Washington to impose sanctions on Moscow."
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["United States"] and claim["targetCountry"] == ["Russia"]


def test_an_action_told_with_no_doer_is_the_authority_told_before(to_jsonld: Convert) -> None:
    text = (
        "Russia banned 900 Americans on Monday. "
        "It said it had also banned 26 more Canadians, including Ada Berg."
    )
    claims = found(to_jsonld, text)
    assert [c["authority"] for c in claims] == [["Russia"], ["Russia"]]
    assert claims[1]["targets"] == ["Ada Berg"] and claims[1]["targetCountry"] == ["Canada"]


def test_an_action_told_as_before_is_another_action(to_jsonld: Convert) -> None:
    text = (
        "Russia banned Tom Ardley and Ken Morrow from entering the country on Monday. "
        "Moscow had already announced sanctions targeting Tom Ardley and Ana Rusk."
    )
    assert len(found(to_jsonld, text)) == 2


def test_who_are_banned_are_the_list_before_the_relative(to_jsonld: Convert) -> None:
    text = (
        "Russia published a list of 900 Americans – including Tom Ardley, Ken Morrow and "
        "Ana Rusk – who are banned from entering the country, in reply to moves by Washington."
    )
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["Russia"] and claim["targetCountry"] == ["United States"]
    assert claim["targets"] == ["Tom Ardley", "Ken Morrow", "Ana Rusk"]


def test_a_detail_goes_on_with_the_action_told_last(to_jsonld: Convert) -> None:
    text = (
        "The UK and the US imposed sanctions on Russia on Monday. "
        "The US is sanctioning Orsk Bank. The UK is sanctioning Lenta Bank. "
        "The government has also imposed sanctions on Ivo Rask."
    )
    uk = next(c for c in found(to_jsonld, text) if c["authority"] == ["United Kingdom"])
    assert uk["targets"] == ["Lenta Bank", "Ivo Rask"]


def test_the_measures_first_imposed_years_before_are_another_action(to_jsonld: Convert) -> None:
    text = (
        "The EU extended its sanctions on Russia on Monday. "
        "The measures were originally introduced on 31 July 2014."
    )
    claims = found(to_jsonld, text)
    assert [(c["action"], c["date"]) for c in claims] == [
        ("extend", MONDAY),
        ("impose", "2014-07-31"),
    ]
    assert claims[1]["authority"] == ["European Union"]
    assert claims[1]["targetCountry"] == ["Russia"]


def test_a_conditional_warning_is_not_the_imposition_told_later(to_jsonld: Convert) -> None:
    text = (
        "The US said it would impose sanctions on Russia if it invaded Ukraine. "
        "On Monday the US imposed sanctions on Russia."
    )
    assert [c["action"] for c in found(to_jsonld, text)] == ["threaten", "impose"]


def test_a_reason_names_no_objects(to_jsonld: Convert) -> None:
    text = "The US imposed sanctions on Iranian firms in response to Iran's attack on Israel."
    assert one(to_jsonld, text)["targetCountry"] == ["Iran"]


def test_who_calls_for_sanctions_does_not_impose_them(to_jsonld: Convert) -> None:
    text = (
        "The UN Security Council imposed sanctions on Jean Varo on Monday. "
        "China had pushed for an arms embargo on all Haitian gangs."
    )
    assert [c["authority"] for c in found(to_jsonld, text)] == [["United Nations"]]


def test_the_list_included_names_more_targets(to_jsonld: Convert) -> None:
    text = (
        "Russia barred 500 Americans from entering the country on Monday. "
        "The ministry said the list included Tom Ardley and Ken Morrow."
    )
    assert one(to_jsonld, text)["targets"] == ["Tom Ardley", "Ken Morrow"]


def test_also_after_the_sanctions_adds_to_the_action(to_jsonld: Convert) -> None:
    text = (
        "Britain on Monday imposed sanctions on Ivo Rask. "
        "The measures also target Lenta Bank. "
        "The EU also adopted sanctions on Monday."
    )
    uk, eu = found(to_jsonld, text)
    assert uk["targets"] == ["Ivo Rask", "Lenta Bank"] and "targets" not in eu


def test_on_whom_another_noun_bears_is_no_target(to_jsonld: Convert) -> None:
    text = 'The EU imposed sanctions on Russia on Monday to "keep the pressure on Putin".'
    assert "targets" not in one(to_jsonld, text)


def test_a_leader_who_calls_on_others_is_not_the_authority(to_jsonld: Convert) -> None:
    text = (
        "The EU imposed sanctions on Russia on Monday. Ukrainian President Petro Varenko "
        "called on Western countries to sanction Moscow."
    )
    assert [c.get("authority") for c in found(to_jsonld, text)] == [["European Union"]]


def test_whom_the_targets_are_associated_with_is_the_country(to_jsonld: Convert) -> None:
    text = (
        "The US on Monday sanctioned nine people associated with Iran's Supreme Leader, "
        "including Tom Vahdat."
    )
    assert one(to_jsonld, text)["targetCountry"] == ["Iran"]


def test_an_action_with_no_doer_and_no_named_target_is_no_claim(to_jsonld: Convert) -> None:
    assert found(to_jsonld, "France backed calls for sanctions against Russia on Monday.") == []


def test_a_past_action_opening_with_its_year_is_its_own(to_jsonld: Convert) -> None:
    text = (
        "On Monday the Security Council imposed new sanctions on North Korea. "
        "In 2016, the Security Council imposed sanctions after a nuclear test."
    )
    assert [c.get("date") for c in found(to_jsonld, text)] == [MONDAY, None]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The EU extended its sanctions on Russia on Monday to include Orsk Bank.", "impose"),
        ("The EU extended its sanctions on Russia for six months on Monday.", "extend"),
        ("The US stepped up sanctions on Iran on Monday.", "impose"),
        ("The UK toughened sanctions on Belarus on Monday.", "impose"),
    ],
)
def test_more_sanctions_are_an_imposition(to_jsonld: Convert, text: str, action: str) -> None:
    assert one(to_jsonld, text)["action"] == action


def test_the_state_that_warns_after_the_sentence_is_the_authority(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Russia could face new sanctions, the EU warned on Monday.")
    assert claim["action"] == "threaten" and claim["authority"] == ["European Union"]
    assert claim["targetCountry"] == ["Russia"]


def test_a_name_its_bracketed_acronym_spells_is_one_target(to_jsonld: Convert) -> None:
    text = "The US on Monday sanctioned the Marelan party National Unity and Progress Front (NUPF)."
    assert one(to_jsonld, text)["targets"] == ["National Unity and Progress Front"]


def test_two_names_before_an_acronym_of_one_stay_two(to_jsonld: Convert) -> None:
    text = "The US on Monday sanctioned Tovo Shipping and Korvo Trading (KT)."
    assert one(to_jsonld, text)["targets"] == ["Tovo Shipping", "Korvo Trading"]
