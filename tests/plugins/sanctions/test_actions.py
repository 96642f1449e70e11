"""Sanctions read as actions (issue 12): vocabulary, indirect authorities, targets, one
claim per action with its modality, and the action's own date. Every sentence here is
written for the test, none is taken from an article."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.plugins.sanctions.test_sanctions import sanctions

Convert = Callable[..., dict[str, Any]]
MONDAY = "2024-03-11"  # the Monday before the publication date below


def found(to_jsonld: Convert, text: str) -> list[dict[str, Any]]:
    return sanctions(to_jsonld(text + "\n", published="2024-03-15"))


def one(to_jsonld: Convert, text: str) -> dict[str, Any]:
    claims = found(to_jsonld, text)
    assert len(claims) == 1, claims
    return claims[0]


# ------------------------------------------------------------------ 1. vocabulary


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The EU reimposed sanctions on Zarovia Steel on Monday.", "impose"),
        ("Washington terminated sanctions on the Bank of Tarn on Monday.", "lift"),
        ("China announced countermeasures against Halvorsen Defense on Monday.", "impose"),
        ("Canada imposed an entry ban on Dmitry Orlov on Monday.", "impose"),
        ("The UK imposed a travel ban on Ivan Petrov on Monday.", "impose"),
        ("The US tightened export controls on chipmaker Xintek on Monday.", "impose"),
        ("The EU adopted restrictive measures against Oleg Voronin on Monday.", "impose"),
        ("The Treasury blacklisted Marlow Shipping on Monday.", "impose"),
        ("The EU delisted Aslan Bekov on Monday.", "lift"),
        ("The United Kingdom has frozen the assets of Pavel Kuzmin on Monday.", "impose"),
        ("The US relaxed sanctions on Tarnow Potash on Monday.", "lift"),
    ],
)
def test_sanctions_vocabulary_in_verb_and_noun_forms(
    to_jsonld: Convert, text: str, action: str
) -> None:
    claim = one(to_jsonld, text)
    assert claim["action"] == action and claim["date"] == MONDAY


def test_a_tit_for_tat_entry_ban_is_an_action(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Moscow responded on Monday with a tit-for-tat ban on entry.")
    assert claim["action"] == "impose" and claim["authority"] == ["Russia"]


# ------------------------------------------------------------------ 2. authority


@pytest.mark.parametrize(
    "text",
    [
        "Brussels imposed sanctions on Arkona Oil on Monday.",
        "The bloc imposed sanctions on Arkona Oil on Monday, the European Union said.",
        "EU member states approved sanctions on Arkona Oil on Monday.",
        "Ambassadors of the EU's member states agreed sanctions on Arkona Oil on Monday.",
    ],
)
def test_the_eu_said_indirectly(to_jsonld: Convert, text: str) -> None:
    assert one(to_jsonld, text)["authority"] == ["European Union"]


def test_the_administration_is_its_country(to_jsonld: Convert) -> None:
    text = (
        "The administration imposed sanctions on Kestrel Mining on Monday. "
        "The Treasury Department said the move targets gold exports."
    )
    assert found(to_jsonld, text)[0]["authority"] == ["United States"]


def test_a_named_administration_is_its_country(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "The Biden administration on Monday unveiled sanctions on Russia.")
    assert claim["authority"] == ["United States"] and claim["targetCountry"] == ["Russia"]


def test_a_ministry_stands_for_its_country(to_jsonld: Convert) -> None:
    text = "Russia's Foreign Ministry announced countermeasures against Australian officials."
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["Russia"] and claim["targetCountry"] == ["Australia"]


def test_authorities_acting_together_take_one_action_each(to_jsonld: Convert) -> None:
    claims = found(to_jsonld, "The EU, UK and US imposed sanctions on Belaruskali on Monday.")
    assert [c["authority"] for c in claims] == [
        ["European Union"],
        ["United Kingdom"],
        ["United States"],
    ]
    assert all(c["targets"] == ["Belaruskali"] for c in claims)


def test_a_later_statement_joins_the_action_of_its_own_authority(to_jsonld: Convert) -> None:
    text = (
        "The UK and the US imposed sanctions on Russian banks on Monday. "
        "The UK is sanctioning Arvo Bank and Tessa Bank."
    )
    uk, us = found(to_jsonld, text)
    assert uk["authority"] == ["United Kingdom"] and uk["targets"] == ["Arvo Bank", "Tessa Bank"]
    assert us["authority"] == ["United States"] and "targets" not in us


def test_countries_listed_by_name_take_one_action_each(to_jsonld: Convert) -> None:
    claims = found(to_jsonld, "ECOWAS lifted sanctions on Niger, Mali and Togo on Monday.")
    assert [c["targetCountry"] for c in claims] == [["Niger"], ["Mali"], ["Togo"]]


def test_a_regional_bloc_is_an_authority(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "ECOWAS imposed sanctions on Niger's junta on Monday.")
    assert claim["authority"] == ["Economic Community of West African States"]
    assert claim["targetCountry"] == ["Niger"]


def test_the_authority_is_never_a_target(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Russia was hit with new sanctions first imposed by Brussels.")
    assert claim["authority"] == ["European Union"] and "targets" not in claim
    assert claim["targetCountry"] == ["Russia"]


def test_who_adopts_sanctions_named_after_a_bloc_is_the_authority(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Norway on Monday adopted the latest round of EU sanctions on Iran.")
    assert claim["authority"] == ["Norway"]


def test_the_object_of_another_verb_is_no_authority(to_jsonld: Convert) -> None:
    text = "The African Union suspended Mali and imposed sanctions on its generals on Monday."
    assert one(to_jsonld, text)["authority"] == ["African Union"]


def test_sanctions_as_a_circumstance_are_no_action(to_jsonld: Convert) -> None:
    assert (
        found(to_jsonld, "Russia's economy grew despite Western sanctions imposed in 2022.") == []
    )
    assert found(to_jsonld, "The tankers were used to evade sanctions on Iranian oil.") == []


# ------------------------------------------------------------------ 3. targets


def test_passive_subjects_are_targets(to_jsonld: Convert) -> None:
    text = "Viktor Amsel and Arkady Brenner were sanctioned by the United States on Monday."
    assert one(to_jsonld, text)["targets"] == ["Viktor Amsel", "Arkady Brenner"]


def test_a_passive_country_subject_is_the_target_country(to_jsonld: Convert) -> None:
    text = "The government of Belarus has already been sanctioned by the EU."
    assert one(to_jsonld, text)["targetCountry"] == ["Belarus"]


def test_a_list_after_a_colon(to_jsonld: Convert) -> None:
    text = "The UK sanctioned three officials: Ivan Petrov, Olga Sidorova and Pavel Kuzmin."
    assert one(to_jsonld, text)["targets"] == ["Ivan Petrov", "Olga Sidorova", "Pavel Kuzmin"]


def test_a_list_in_the_next_sentence(to_jsonld: Convert) -> None:
    text = (
        "The US sanctioned two Iranian firms on Monday. They are Pars Petrochem and Kavir Trading."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Pars Petrochem", "Kavir Trading"]
    assert claim["targetCountry"] == ["Iran"]


def test_a_name_with_and_inside_it_is_kept_whole(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "The US sanctioned Procter and Gamble Trading on Monday.")
    assert claim["targets"] == ["Procter and Gamble Trading"]


def test_a_country_opening_a_target_name_is_its_country(to_jsonld: Convert) -> None:
    text = "Britain sanctioned the Sudan Gold and Minerals Company on Monday."
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Sudan Gold and Minerals Company"]
    assert claim["targetCountry"] == ["Sudan"]


def test_an_acronym_and_its_full_name_are_one_target(to_jsonld: Convert) -> None:
    text = "The US sanctioned the Kestrel Revolutionary Brigade (KRB) on Monday."
    assert one(to_jsonld, text)["targets"] == ["Kestrel Revolutionary Brigade"]


def test_the_junta_targeted_is_the_country_the_article_is_about(to_jsonld: Convert) -> None:
    text = (
        "Protests spread across Myanmar on Monday. "
        "The EU imposed sanctions on the military government on Monday."
    )
    assert one(to_jsonld, text)["targetCountry"] == ["Myanmar"]


# ------------------------------------------------------------------ 4. one claim per action


def test_the_plan_and_the_order_are_one_action(to_jsonld: Convert) -> None:
    text = (
        "The United States announced on Monday that it plans to impose sanctions on Almaz "
        "Bank. The sanctions were formally ordered on Wednesday by the Treasury."
    )
    claim = one(to_jsonld, text)
    assert claim["action"] == "impose" and claim["targets"] == ["Almaz Bank"]
    assert claim["date"] == "2024-03-13"  # the order's day, not the plan's


def test_a_decision_told_ahead_is_the_action(to_jsonld: Convert) -> None:
    text = (
        "Japan decided on Monday to expand its sanctions on North Korea. "
        "Under the new measures, Japan will freeze the assets of 19 more groups."
    )
    claim = one(to_jsonld, text)
    assert claim["action"] == "impose" and claim["date"] == MONDAY


def test_impose_and_lift_on_one_target_stay_two(to_jsonld: Convert) -> None:
    text = (
        "The US lifted sanctions on Nornickel on Monday. "
        "A week later, the US imposed new sanctions on Nornickel."
    )
    assert [c["action"] for c in found(to_jsonld, text)] == ["lift", "impose"]


def test_a_past_action_of_another_year_is_its_own(to_jsonld: Convert) -> None:
    text = (
        "The United States imposed sanctions on Iran in 2018. "
        "On Monday, the US sanctioned Tabriz Oil Refining Company."
    )
    claims = found(to_jsonld, text)
    assert len(claims) == 2 and "date" not in claims[0] and claims[1]["date"] == MONDAY


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The EU plans to lift sanctions on Belavia.", "lift"),
        ("The US is considering sanctions on Chinese banks, officials said.", "threaten"),
        ("Germany warned that it could impose sanctions on Iran.", "threaten"),
        ("US President Jane Doe gave Russia 50 days to make peace or face sanctions.", "threaten"),
        ("Amnesty International called on the EU to impose sanctions on Myanmar.", "propose"),
        ("The US should impose sanctions on Belarus, the opposition leader said.", "propose"),
    ],
)
def test_modality(to_jsonld: Convert, text: str, action: str) -> None:
    assert one(to_jsonld, text)["action"] == action


def test_a_call_across_an_aside_is_a_proposal(to_jsonld: Convert) -> None:
    text = (
        "Thomas Greer urged the U.N. Security Council – which meets on Friday – to impose "
        "an arms embargo on the junta on Monday."
    )
    claim = one(to_jsonld, text)
    assert claim["action"] == "propose" and claim["date"] == MONDAY


@pytest.mark.parametrize(
    "text",
    [
        "Activists called for sanctions on Rusal to be lifted on Monday.",
        "The US designated the Kalmar Brigade as a Foreign Terrorist Organization on Monday.",
        "Japan banned imports of beef from Brazil on Monday over an outbreak of disease.",
        "UEFA imposed a three-match penalty on the club after crowd trouble.",
        "The state government sanctioned a hike in tuition fees at Delhi University.",
    ],
)
def test_no_sanctions_event(to_jsonld: Convert, text: str) -> None:
    assert found(to_jsonld, text) == []


# ------------------------------------------------------------------ 5. the action's date


def test_a_date_in_an_aside_is_not_the_actions(to_jsonld: Convert) -> None:
    text = "The EU, which meets again on Friday, imposed sanctions on Arkona Oil on Monday."
    assert one(to_jsonld, text)["date"] == MONDAY


def test_the_day_it_takes_effect_is_not_the_actions(to_jsonld: Convert) -> None:
    text = "Canada imposed sanctions on Arkona Oil, taking effect on Friday."
    assert "date" not in one(to_jsonld, text)


def test_an_undated_action_takes_the_day_of_the_sentence_before(to_jsonld: Convert) -> None:
    text = (
        "EU foreign ministers met in Brussels on Monday. "
        "They agreed new sanctions on Iran's Revolutionary Guards."
    )
    assert one(to_jsonld, text)["date"] == MONDAY


def test_the_official_who_announces_is_no_target(to_jsonld: Convert) -> None:
    text = "New sanctions on Gazprom Neft were announced on Monday by Foreign Minister Ann Lee."
    assert one(to_jsonld, text)["targets"] == ["Gazprom Neft"]


def test_the_source_after_the_trigger_is_the_authority(to_jsonld: Convert) -> None:
    text = "Iran faces new sanctions from the European Union over its drone exports."
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["European Union"] and claim["targetCountry"] == ["Iran"]


def test_an_announced_future_action_is_an_imposition(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Japan announced on Monday that it will impose sanctions on Iran.")
    assert claim["action"] == "impose"


def test_a_vague_period_does_not_split_an_action(to_jsonld: Convert) -> None:
    text = (
        "The EU imposed sanctions on Arkona Oil on Monday. "
        "The sanctions, agreed by EU ambassadors last week, freeze its assets."
    )
    assert one(to_jsonld, text)["date"] == MONDAY


@pytest.mark.parametrize(
    "text",
    [
        "India banned wheat exports on Friday to curb rising domestic prices.",
        "A court in Lagos froze the assets of the former governor on Monday.",
    ],
)
def test_a_trade_ban_aimed_at_no_one_or_a_court_freeze_is_no_sanction(
    to_jsonld: Convert, text: str
) -> None:
    assert found(to_jsonld, text) == []


def test_a_ban_aimed_at_a_country_is_a_sanction(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "The United States banned imports of Russian oil on Monday.")
    assert claim["authority"] == ["United States"] and claim["targetCountry"] == ["Russia"]


def test_the_verb_sanction_told_ahead_is_a_threat(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Beijing threatened on Monday to sanction Lockheed Martin.")
    assert claim["action"] == "threaten" and claim["targets"] == ["Lockheed Martin"]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # The README counts an announced action as imposed: the authority saying what it
        # will do announces it.
        ("Beijing said on Monday it would sanction Tarn Bank.", "impose"),
        ("Ottawa said on Monday that it will impose sanctions on Tarn Bank.", "impose"),
        # ... unless it sets a condition (a warning) or only warns.
        ("Ottawa said on Monday it would sanction Tarn Bank if it kept trading.", "threaten"),
        ("Ottawa warned on Monday it would sanction Tarn Bank.", "threaten"),
    ],
)
def test_the_authority_saying_it_will_act_announces_the_action(
    to_jsonld: Convert, text: str, action: str
) -> None:
    claim = one(to_jsonld, text)
    assert claim["action"] == action and claim["targets"] == ["Tarn Bank"]


@pytest.mark.parametrize(
    ("text", "authority", "country"),
    [
        (
            "Seoul added eight North Korean people to its sanctions list.",
            "South Korea",
            "North Korea",
        ),
        (
            "The Commerce Department added 42 Chinese firms to its entity list.",
            "United States",
            "China",
        ),
    ],
)
def test_added_to_a_list(to_jsonld: Convert, text: str, authority: str, country: str) -> None:
    claim = one(to_jsonld, text)
    assert claim["action"] == "impose" and claim["authority"] == [authority]
    assert claim["targetCountry"] == [country]


def test_also_adds_targets_to_the_action_told_before(to_jsonld: Convert) -> None:
    text = (
        "The United States on Monday imposed sanctions on Russian oil company Rosneft. "
        "The Treasury also sanctioned Lukoil, the country's second-largest producer."
    )
    assert one(to_jsonld, text)["targets"] == ["Rosneft", "Lukoil"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The EU imposed new sanctions against the Kremlin on Monday.", "Russia"),
        ("The US imposed sanctions on Venezuelan President Nicolas Maduro.", "Venezuela"),
    ],
)
def test_the_country_of_a_state_body_or_leader_targeted(
    to_jsonld: Convert, text: str, country: str
) -> None:
    assert one(to_jsonld, text)["targetCountry"] == [country]


def test_further_sanctions_are_a_threat_of_their_own_on_the_same_country(
    to_jsonld: Convert,
) -> None:
    text = (
        "The EU imposed sanctions on Russia on Monday. "
        "Germany's chancellor said the bloc was ready to impose further sanctions."
    )
    claims = found(to_jsonld, text)
    assert [c["action"] for c in claims] == ["impose", "threaten"]
    assert claims[1]["targetCountry"] == ["Russia"]


def test_a_country_naming_the_sanctions_is_their_target(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "The Treasury announced new Iran sanctions on Monday.")
    assert claim["authority"] == ["United States"] and claim["targetCountry"] == ["Iran"]


def test_a_renewal_told_again_is_the_same_extension(to_jsonld: Convert) -> None:
    text = (
        "The UN Security Council on Monday adopted a resolution extending the arms embargo "
        "on South Sudan. The resolution, drafted by the United States, renews the travel ban "
        "on eight officials, who include former army chief Paul Malong. "
        "South Sudan's government criticised the decision, saying the embargo hurt it."
    )
    claim = one(to_jsonld, text)
    assert claim["action"] == "extend" and claim["authority"] == ["United Nations"]
    assert claim["targets"] == ["Paul Malong"] and claim["targetCountry"] == ["South Sudan"]


def test_the_council_of_an_eu_release_is_the_eu(to_jsonld: Convert) -> None:
    text = (
        "The Council today adopted restrictive measures against Arkona Oil. "
        "EU citizens and companies may no longer deal with it."
    )
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["European Union"] and claim["targets"] == ["Arkona Oil"]


@pytest.mark.parametrize(
    "text",
    [
        "Iran demands sanctions relief before any new deal, its foreign minister said.",
        "Tehran wants Washington to lift sanctions on its oil exports.",
        "Russia urged the West to drop its sanctions, calling them illegal.",
    ],
)
def test_a_call_for_relief_is_no_event(to_jsonld: Convert, text: str) -> None:
    assert found(to_jsonld, text) == []


def test_the_authority_wanting_to_act_is_a_threat(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "The United States wants to impose sanctions on Iran's oil sector.")
    assert claim["action"] == "threaten" and claim["targetCountry"] == ["Iran"]


def test_placed_under_sanctions(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Eritrea was placed under UN sanctions in 2009.")
    assert claim["action"] == "impose" and claim["authority"] == ["United Nations"]


def test_the_bloc_is_the_bloc_the_article_names(to_jsonld: Convert) -> None:
    text = (
        "ECOWAS lifted sanctions on Niger on Monday. "
        "The regional bloc also lifted sanctions on Guinea."
    )
    authorities = {a for claim in found(to_jsonld, text) for a in claim["authority"]}
    assert authorities == {"Economic Community of West African States"}
