"""Casualties read as incidents (issue 12): one record per incident, parts that are no
wholes, what is no figure, the wording of tolls, and the incident's place and date.
Every sentence here is written for the test, none is taken from an article."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.plugins.casualties.test_casualties import Bounds, tolls

Convert = Callable[..., dict[str, Any]]


def found(to_jsonld: Convert, text: str) -> list[dict[str, Any]]:
    return tolls(to_jsonld(text + "\n", published="2024-03-15"))


def figures(to_jsonld: Convert, text: str) -> list[tuple[Bounds | None, Bounds | None]]:
    return [(t["killed"], t["injured"]) for t in found(to_jsonld, text)]


# ------------------------------------------------------------------ 1. one record per incident


def test_killed_and_injured_of_one_incident_in_two_sentences(to_jsonld: Convert) -> None:
    text = "A strike killed 5 people in Amarna on Monday. Another 12 were wounded."
    (toll,) = found(to_jsonld, text)
    assert (toll["killed"], toll["injured"]) == ((5, 5), (12, 12))
    assert toll["location"] == "Amarna" and toll["date"] == "2024-03-11"


def test_the_injured_join_a_toll_restated_in_a_quote(to_jsonld: Convert) -> None:
    text = (
        "A crush outside a temple on Monday killed at least 11 pilgrims in the town of "
        'Sorapur. "Eleven people including one woman are now confirmed dead. Another 15 to '
        '20 people were injured," he said.'
    )
    assert figures(to_jsonld, text) == [((11, 11), (15, 20))]


def test_a_toll_told_more_exactly_later_is_one_figure(to_jsonld: Convert) -> None:
    text = (
        "More than 20 people were killed in a bus crash near Tolosa on Sunday. "
        "Police later said 23 people died."
    )
    assert figures(to_jsonld, text) == [((23, 23), None)]


def test_a_revised_toll_is_another_figure(to_jsonld: Convert) -> None:
    text = (
        "At least 20 people were killed in the floods in Ruvani. "
        "On Tuesday the death toll rose to 23."
    )
    assert figures(to_jsonld, text) == [((20, None), None), ((23, 23), None)]


def test_a_bound_and_a_far_larger_toll_are_two_figures(to_jsonld: Convert) -> None:
    text = (
        "At least 12 civilians died in an attack on Sunday. "
        "This week, about 40 people died in various attacks."
    )
    assert figures(to_jsonld, text) == [((12, None), None), ((40, 40), None)]


def test_a_second_strike_is_another_incident(to_jsonld: Convert) -> None:
    text = (
        "A drone strike killed three people in Harvest City on Monday. "
        "A second strike on the city wounded 33 more people."
    )
    assert figures(to_jsonld, text) == [((3, 3), None), (None, (33, 33))]


# ------------------------------------------------------------------ 2. parts are not wholes


def test_one_of_the_dead_is_no_figure(to_jsonld: Convert) -> None:
    text = "A bomb killed seven people in Kessa on Friday. One child was among the dead."
    assert figures(to_jsonld, text) == [((7, 7), None)]


def test_a_breakdown_of_a_toll_told_before_is_no_figure(to_jsonld: Convert) -> None:
    text = (
        "Police said three persons were killed in a clash in Chatar village. "
        "Two persons were shot dead while one was killed with an axe."
    )
    assert figures(to_jsonld, text) == [((3, 3), None)]


def test_a_breakdown_with_no_total_is_summed(to_jsonld: Convert) -> None:
    text = "Five children and two drivers were killed when the bus fell into a gorge near Mirak."
    assert figures(to_jsonld, text) == [((7, 7), None)]


def test_a_list_with_a_vague_part_is_not_summed(to_jsonld: Convert) -> None:
    text = "The governor said 150 soldiers, 95 civilians, and hundreds of rebels were killed."
    assert figures(to_jsonld, text) == [((150, 150), None), ((95, 95), None), ((200, None), None)]


def test_the_count_after_including_is_a_part(to_jsonld: Convert) -> None:
    text = "At least seven, including four children, died in the fire in Dalton."
    assert figures(to_jsonld, text) == [((7, None), None)]


# ------------------------------------------------------------------ 3. not casualty figures


@pytest.mark.parametrize(
    "text",
    [
        "Ferry accidents kill dozens of people each year in the country.",
        "The city recorded 12 deaths per 100,000 people last year.",
        "The study counted incidents in which four or more people were killed.",
        "A doctor said he saw 35 bodies in one hospital.",
        "One child was among the dead, officials said.",
    ],
)
def test_no_figure(to_jsonld: Convert, text: str) -> None:
    assert figures(to_jsonld, text) == []


def test_who_shot_is_not_who_died(to_jsonld: Convert) -> None:
    text = "Two gunmen who shot dead four people in Veldton on Wednesday are on the run."
    assert figures(to_jsonld, text) == [((4, 4), None)]


# ------------------------------------------------------------------ 4. wording


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fifteen bodies were recovered from the river near Lome.", [((15, 15), None)]),
        (
            "A dozen lost their lives and scores were injured when the bridge fell in Tarvo.",
            [((12, 12), (40, None))],
        ),
        ("Sixty-six people or more were killed in the floods in Ruvani.", [((66, None), None)]),
        (
            "The toll from the earthquake has passed 20,000, officials said.",
            [((20001, None), None)],
        ),
        ("Gunmen stabbed to death three farmers in Kaduna on Monday.", [((3, 3), None)]),
    ],
)
def test_wording(to_jsonld: Convert, text: str, expected: list[Any]) -> None:
    assert figures(to_jsonld, text) == expected


# ------------------------------------------------------------------ 5. place and date


def test_the_most_specific_place_of_the_incident(to_jsonld: Convert) -> None:
    text = "A blast killed four people in the village of Kardam in Sora province on Monday."
    (toll,) = found(to_jsonld, text)
    assert toll["location"] == "Kardam" and toll["date"] == "2024-03-11"


def test_the_incident_date_not_the_updated_toll_date(to_jsonld: Convert) -> None:
    text = (
        "The ferry sank off Ormoc City on Thursday. "
        "Officials said on Saturday that the death toll had risen to 50."
    )
    (toll,) = found(to_jsonld, text)
    assert toll["date"] == "2024-03-14" and toll["location"] == "Ormoc City"


def test_the_next_sentences_of_the_incident_give_its_place(to_jsonld: Convert) -> None:
    text = (
        "Officials said the death toll from a ferry accident had risen to 50.\n"
        "The ferry went down in rough seas on Thursday just after leaving Ormoc City."
    )
    (toll,) = found(to_jsonld, text)
    assert toll["location"] == "Ormoc City" and toll["date"] == "2024-03-14"


def test_a_region_where_the_dead_were_refines_a_country(to_jsonld: Convert) -> None:
    text = (
        "Two days after a strong earthquake struck Pakistan, rescuers are still digging. "
        "The death toll from the 7.6 magnitude earthquake has passed 2,000. "
        "Most of the deaths from the disaster occurred in the Pakistani-controlled part "
        "of Kashmir."
    )
    (toll,) = found(to_jsonld, text)
    assert toll["location"] == "Kashmir" and toll["date"] == "2024-03-13"


def test_a_states_own_forces_name_the_country(to_jsonld: Convert) -> None:
    text = (
        "The United States said on Monday that the Burmese military had killed more than "
        "100 people, in a crackdown against the people of Burma. The United States urged calm."
    )
    assert found(to_jsonld, text)[0]["location"] == "Myanmar"


def test_a_building_is_no_place(to_jsonld: Convert) -> None:
    text = "A crush at the Saint Amos temple in the state of Varena killed 9 pilgrims on Monday."
    assert found(to_jsonld, text)[0]["location"] == "Varena"


def test_the_dateline_town_at_home(to_jsonld: Convert) -> None:
    text = (
        "KABUL, Afghanistan (AP) — A bomb killed nine people on Monday, officials said. "
        "Afghanistan has seen many such attacks."
    )
    assert found(to_jsonld, text)[0]["location"] == "Kabul"


def test_a_dateline_abroad_is_not_the_place(to_jsonld: Convert) -> None:
    text = (
        "GENEVA — A UN investigator said on Monday that 38 people were killed by police. "
        "Myanmar's junta denied it. Myanmar has been in turmoil since the coup."
    )
    assert found(to_jsonld, text)[0]["location"] == "Myanmar"


def test_the_headline_names_the_place_of_a_toll_told_with_none(to_jsonld: Convert) -> None:
    text = "Bus plunges into gorge near Mandi, killing 14\n\nThe death toll rose to 14 on Monday.\n"
    (toll,) = tolls(to_jsonld(text, published="2024-03-15"))
    assert toll["location"] == "Mandi"


def test_the_owner_of_a_neighbourhood_is_not_its_name(to_jsonld: Convert) -> None:
    text = "Four people were killed when a house collapsed in Lagos's Ikoyi neighbourhood."
    assert found(to_jsonld, text)[0]["location"] == "Ikoyi"


def test_another_incident_keeps_the_articles_country(to_jsonld: Convert) -> None:
    text = (
        "Twelve civilians died in an attack in Burkina Faso on Sunday, residents said. "
        "Jihadist raids have grown in Burkina Faso. "
        "The previous week 50 people were killed in several raids."
    )
    assert [t["location"] for t in found(to_jsonld, text)] == ["Burkina Faso", "Burkina Faso"]


def test_the_dateline_day_is_the_reports_today(to_jsonld: Convert) -> None:
    text = (
        "Headline\n\nPatiala, March 13\n\n"
        "Three persons were killed in a clash at Chatar Nagar village this morning.\n"
    )
    (toll,) = tolls(to_jsonld(text, published="2024-03-15"))
    assert toll["date"] == "2024-03-13"


def test_a_period_qualifying_a_day_leaves_the_day(to_jsonld: Convert) -> None:
    text = "The toll rose sharply on Wednesday this week, when 38 people were killed by police."
    assert found(to_jsonld, text)[0]["date"] == "2024-03-13"


def test_with_no_incident_date_the_day_it_was_reported(to_jsonld: Convert) -> None:
    text = "Ukraine reported on Monday that Russian drones had injured 62 people in Odesa."
    assert found(to_jsonld, text)[0]["date"] == "2024-03-11"


def test_the_wounded_two_sentences_later_join_the_toll(to_jsonld: Convert) -> None:
    text = (
        "Gunmen killed 23 villagers in a raid on the village of Kurmi on Monday.\n"
        "The attackers arrived on motorcycles around midnight.\n"
        "Six other people were wounded and taken to hospital."
    )
    assert figures(to_jsonld, text) == [((23, 23), (6, 6))]


def test_a_refugee_camp_is_a_place(to_jsonld: Convert) -> None:
    text = (
        "An airstrike on a house in the central Gaza Strip killed 12 people on Sunday. "
        "The strike hit the Nuseirat refugee camp, officials said."
    )
    assert found(to_jsonld, text)[0]["location"] == "Nuseirat"


def test_a_running_war_toll_has_no_day(to_jsonld: Convert) -> None:
    text = (
        "An airstrike killed 12 people in Rafah on Sunday. "
        "More than 35,000 people have been killed in the war, the ministry says."
    )
    tolls_found = found(to_jsonld, text)
    assert tolls_found[1]["killed"] == (35001, None) and "date" not in tolls_found[1]


def test_the_incident_date_in_the_next_sentence(to_jsonld: Convert) -> None:
    text = (
        "Three people died and 15 were injured after a train derailed in eastern Germany, "
        "police said on Thursday.\nThe train came off the tracks near the town of "
        "Riedlingen on Wednesday afternoon."
    )
    (toll,) = found(to_jsonld, text)
    assert toll["date"] == "2024-03-13" and toll["location"] == "Riedlingen"


def test_the_start_of_a_period_is_not_the_incident_date(to_jsonld: Convert) -> None:
    text = "Floods have killed at least 38 people in Ilam since Tuesday."
    assert "date" not in found(to_jsonld, text)[0]


def test_a_place_after_its_owner_and_a_compass_word(to_jsonld: Convert) -> None:
    text = "Four soldiers were killed on Monday by a roadside bomb in Mali's central Mopti region."
    assert found(to_jsonld, text)[0]["location"] == "Mopti"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A car bomb killed 12 people in the Afghan capital on Monday.", "Kabul"),
        ("A bus plunged off a road in Indian-administered Kashmir, killing 22.", "Kashmir"),
        ("At least 40 people were killed when a boat capsized on Lake Kivu.", "Lake Kivu"),
        ("Twenty migrants drowned off the coast of Lampedusa on Sunday.", "Lampedusa"),
    ],
)
def test_more_ways_of_naming_the_place(to_jsonld: Convert, text: str, place: str) -> None:
    assert found(to_jsonld, text)[0]["location"] == place


def test_the_place_of_the_paragraph_before_that_tells_the_incident(to_jsonld: Convert) -> None:
    text = (
        "A suicide bomber struck a crowded market in Maiduguri on Sunday morning.\n"
        "At least 12 people were killed and 30 wounded, police said."
    )
    (toll,) = found(to_jsonld, text)
    assert toll["location"] == "Maiduguri" and toll["date"] == "2024-03-10"


def test_where_it_was_said_is_the_last_choice(to_jsonld: Convert) -> None:
    text = "Twelve people were killed in an airstrike in Idlib province, the UN said in Geneva."
    assert found(to_jsonld, text)[0]["location"] == "Idlib"
    text = "At least 9 people died in the floods, the minister told reporters in Kabul."
    assert found(to_jsonld, text)[0]["location"] == "Kabul"
