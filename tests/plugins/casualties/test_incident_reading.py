"""Casualties read at the level of the incident (issue 12, second round): the wording of
tolls, parts and totals across sentences, the place and date of the incident from the
sentences that tell it. Every sentence here is written for the test, none is taken from an
article."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.plugins.casualties.test_casualties import Bounds, tolls

Convert = Callable[..., dict[str, Any]]
MONDAY, TUESDAY = "2024-03-11", "2024-03-12"  # days before the publication date below


def found(to_jsonld: Convert, text: str) -> list[dict[str, Any]]:
    return tolls(to_jsonld(text + "\n", published="2024-03-15"))


def figures(to_jsonld: Convert, text: str) -> list[tuple[Bounds | None, Bounds | None]]:
    return [(t["killed"], t["injured"]) for t in found(to_jsonld, text)]


def place(to_jsonld: Convert, text: str) -> str | None:
    (toll,) = found(to_jsonld, text)
    return toll.get("location")


# ------------------------------------------------------------------ wording


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "lost N people": the people lost are the dead
        ("In all, the village lost 9 people in the raid on Korvo.", [((9, 9), None)]),
        # "another" counts one when a role follows it
        ("One guard was killed and another injured in Korvo.", [((1, 1), (1, 1))]),
        # "a fatality", "lost their life": singular forms
        ("The crash in Korvo caused at least one fatality.", [((1, None), None)]),
        ("The mayor said that one person lost their life in Korvo.", [((1, 1), None)]),
        # a share elsewhere in the sentence does not make the toll a statistic
        (
            "Thousands have been killed in the war, and 40 percent of the land lies fallow.",
            [((2000, None), None)],
        ),
    ],
)
def test_wording(to_jsonld: Convert, text: str, expected: list[Any]) -> None:
    assert figures(to_jsonld, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the dead counted with the missing are no count of the dead
        "A cyclone hit the coast of Marela in 2019, leaving 900 people dead and missing.",
        # injured people who died change a toll, they are no injured
        "Two injured passengers died in a hospital in Korvo.",
        # a share of the dead is a statistic
        "About 40 percent of the dead in the floods were children.",
        # a toll noun before a count of things
        "Anger at the mounting toll sparked two protests in the capital.",
    ],
)
def test_no_figure(to_jsonld: Convert, text: str) -> None:
    assert figures(to_jsonld, text) == []


# ------------------------------------------------------------------ one toll, its parts


def test_an_exact_restatement_gives_the_most_precise_bounds(to_jsonld: Convert) -> None:
    text = "At least 30 villagers were killed in Dorla on Monday. Police confirmed 30 deaths."
    assert figures(to_jsonld, text) == [((30, 30), None)]


def test_a_higher_minimum_restates_a_lower_one(to_jsonld: Convert) -> None:
    text = (
        "A rights group said soldiers had killed over 200 protesters in Telmar. "
        "Its report said at least 208 people were killed."
    )
    assert figures(to_jsonld, text) == [((208, None), None)]


def test_parts_told_over_two_sentences_are_no_tolls(to_jsonld: Convert) -> None:
    text = (
        "Officials said 20 people were killed when a coach overturned near Kasso on Tuesday. "
        "The coach hit a wall, killing 12 people instantly. "
        "Eight others died on the way to hospital."
    )
    assert figures(to_jsonld, text) == [((20, 20), None)]


def test_a_total_over_several_attacks_stands_beside_one_attacks_toll(
    to_jsonld: Convert,
) -> None:
    text = (
        "A series of drone strikes on Vardo and Selin killed at least one person on Monday.\n"
        "In a statement, Selin Mayor Ana Rusk said one person died in the strike on the city."
    )
    assert [t["location"] for t in found(to_jsonld, text)] == ["Vardo", "Selin"]


def test_a_restatement_in_a_place_inside_the_first_is_one_toll(to_jsonld: Convert) -> None:
    text = (
        "Six pilgrims were killed in a crush in Tarvi district on Sunday, an official said. "
        '"Six people were killed in the crush in the Amla area of Tarvi on Sunday," he said.'
    )
    (toll,) = found(to_jsonld, text)
    assert toll["killed"] == (6, 6) and toll["location"] == "Amla"


def test_a_revised_toll_keeps_the_place_of_the_toll_it_revises(to_jsonld: Convert) -> None:
    text = (
        "Kalvo's governor said 14 people were injured on Monday.\n"
        "He later revised the injury count to 16.\n"
    )
    tolls_ = found(to_jsonld, text)
    assert [t["injured"] for t in tolls_] == [(14, 14), (16, 16)]
    assert [t["location"] for t in tolls_] == ["Kalvo", "Kalvo"]


def test_the_injured_of_another_place_are_another_incident(to_jsonld: Convert) -> None:
    text = (
        "A strike wounded 20 people in Kalvo on Monday.\n"
        "Separately, one person was killed in Selin, its mayor said."
    )
    assert figures(to_jsonld, text) == [(None, (20, 20)), ((1, 1), None)]


# ------------------------------------------------------------------ place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place's name never runs on into a day
        ("A bus fell off a bridge in southwest Darnia Wednesday, killing 18.", "Darnia"),
        # the name says what it is: a township is more specific than its province
        ("The blast in Tarsk Province killed 19 miners in Lumen Township.", "Lumen Township"),
        # a municipality is a town
        ("A landslide hit Ondo municipality in Raya province, killing six.", "Ondo"),
        # a building named with its own word is no place
        ("A crush at Saint Amos Temple in Varena district killed 9 pilgrims.", "Varena"),
        # "in nearby X"
        ("One man was killed in nearby Barlo, police said.", "Barlo"),
        # the place a relative "where" tells of
        ("Police knew only of Tsavo, where four people were killed.", "Tsavo"),
        # a local official named by the place governed
        ("Dorla's governor said three people were killed overnight.", "Dorla"),
        # the district of a city named by its owner
        ("Three were killed in the city's Amrit district on Sunday.", "Amrit"),
        # the place an attack falls on; a capital named after its country
        ("Strikes on Marela's capital Vesk killed two people on Monday.", "Vesk"),
    ],
)
def test_place(to_jsonld: Convert, text: str, expected: str) -> None:
    assert place(to_jsonld, text) == expected


def test_each_toll_of_a_sentence_takes_the_place_of_its_own_words(to_jsonld: Convert) -> None:
    text = '"The gunmen killed 11 people in Tamu. One man was killed in nearby Soro," he said.'
    assert [t["location"] for t in found(to_jsonld, text)] == ["Tamu", "Soro"]


def test_the_incident_gives_a_country_its_town(to_jsonld: Convert) -> None:
    text = (
        "A bus plunged off a bridge in southwest Darnia, leaving 18 people dead. "
        "Officials put the death toll at 18. "
        "Photos show the wreckage of the bus in a ravine near Guro."
    )
    assert place(to_jsonld, text) == "Guro"


def test_a_sentence_between_two_tellings_of_a_toll_gives_its_place(to_jsonld: Convert) -> None:
    text = (
        "Bombers blew themselves up on Sunday during a Darnian police raid, killing three "
        "officers. The governor said police had raided a house in the city's Sahin district. "
        '"Three of our officers were killed," he said.'
    )
    assert place(to_jsonld, text) == "Sahin"


def test_a_toll_over_separate_attacks_keeps_its_region(to_jsonld: Convert) -> None:
    text = (
        "Gunmen killed 16 people in separate attacks on villages in Kora state. "
        "The worst attack happened in Damba, an official said."
    )
    assert place(to_jsonld, text) == "Kora"


def test_places_named_together_give_no_one_place(to_jsonld: Convert) -> None:
    text = (
        "At least 12 people were killed in Kora state on Sunday. "
        "The attackers struck Damba, Tsava and Barla."
    )
    assert place(to_jsonld, text) == "Kora"


# ------------------------------------------------------------------ date


def test_a_datelines_day_is_the_reports_not_the_incidents(to_jsonld: Convert) -> None:
    text = (
        "KORVO, March 12 (Agency) -- At least 14 people were killed when gunmen hit a "
        "village, sources said. The attack took place late on Monday."
    )
    (toll,) = found(to_jsonld, text)
    assert toll["date"] == MONDAY


def test_the_day_of_an_updated_toll_is_not_the_incidents(to_jsonld: Convert) -> None:
    text = (
        "A bus veered off a bridge near Guro on Monday, leaving at least 18 dead.\n"
        "Officials raised the death toll to 20 on Tuesday.\n"
    )
    assert [t["date"] for t in found(to_jsonld, text)] == [MONDAY, MONDAY]


def test_the_day_a_video_was_filmed_is_not_the_incidents(to_jsonld: Convert) -> None:
    text = (
        "At least 128 people were killed after a quake hit Jarko, video filmed on Tuesday "
        "showed. The quake struck late on Monday."
    )
    (toll,) = found(to_jsonld, text)
    assert toll["date"] == MONDAY


def test_a_vague_toll_in_the_perfect_is_a_running_toll(to_jsonld: Convert) -> None:
    text = (
        "A bomb killed 12 people in Sanka on Monday. Thousands have been killed and "
        "two million have fled their homes in Darnia."
    )
    running = found(to_jsonld, text)[1]
    assert running["killed"] == (2000, None) and "date" not in running


# ------------------------------------------------------------------ who and what a count counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the count before an active verb with an object counts who acted
        ("Three gunmen killed 14 people in Korvo on Monday.", [((14, 14), None)]),
        ("Two attackers wounded 5 guards at a checkpoint in Korvo.", [(None, (5, 5))]),
        # a passive verb keeps its count: the dead are the subject
        ("Three people were killed in Korvo on Monday.", [((3, 3), None)]),
        # a count of strikes, bombs or vehicles counts no people
        ("Two missile strikes killed 14 people in Korvo on Monday.", [((14, 14), None)]),
        ("Four cars collided near Korvo, and 6 people were hurt.", [(None, (6, 6))]),
    ],
)
def test_who_acted_and_what_struck_are_no_tolls(
    to_jsonld: Convert, text: str, expected: list[Any]
) -> None:
    assert figures(to_jsonld, text) == expected


def test_one_of_several_strikes_tells_a_part_of_the_toll(to_jsonld: Convert) -> None:
    text = (
        "Two missile strikes killed 14 people in Korvo on Monday. The first of the strikes, "
        "which hit a bus depot, killed nine people."
    )
    assert figures(to_jsonld, text) == [((14, 14), None)]


def test_counts_of_nationalities_are_parts_of_the_toll(to_jsonld: Convert) -> None:
    text = (
        "A coach crash near Korvo killed 16 tourists on Monday. Nine of the dead were Germans "
        "and seven were Austrians."
    )
    assert figures(to_jsonld, text) == [((16, 16), None)]


def test_two_incidents_with_one_toll_on_one_day_stay_two(to_jsonld: Convert) -> None:
    text = (
        "A car bomb killed four people in Korvo on Monday. Gunmen killed four people in a "
        "separate attack in Marela on Monday."
    )
    assert [(t["killed"], t.get("location")) for t in found(to_jsonld, text)] == [
        ((4, 4), "Korvo"),
        ((4, 4), "Marela"),
    ]


# ------------------------------------------------------------------ revisions and statistics


def test_the_toll_a_revision_rose_from_is_a_figure_of_its_own(to_jsonld: Convert) -> None:
    text = "The death toll from Monday's landslide in Korvo rose to 61 from 40."
    assert figures(to_jsonld, text) == [((61, 61), None), ((40, 40), None)]


def test_a_revision_from_a_toll_told_before_restates_it(to_jsonld: Convert) -> None:
    text = (
        "A landslide buried homes in Korvo on Monday, killing 40 people. On Wednesday "
        "officials said the toll had risen to 61 from 40."
    )
    assert figures(to_jsonld, text) == [((40, 40), None), ((61, 61), None)]


@pytest.mark.parametrize(
    "text",
    [
        "Some 64 reporters have been killed in the country since 2010, the group said.",
        "Since 2015, 64 journalists have been killed in Marela, according to the group.",
    ],
)
def test_a_count_over_years_of_no_one_conflict_is_a_statistic(
    to_jsonld: Convert, text: str
) -> None:
    assert figures(to_jsonld, text) == []


def test_the_running_toll_of_a_war_since_a_year_is_a_figure(to_jsonld: Convert) -> None:
    text = "The war has killed more than 10,000 civilians since 2014, the agency says."
    assert figures(to_jsonld, text) == [((10001, None), None)]


def test_a_city_named_like_a_person_is_the_place(to_jsonld: Convert) -> None:
    text = "A gunman killed eight people at a mall in El Paso, Texas, on Monday."
    assert place(to_jsonld, text) == "El Paso"
