"""The casualties extractor: tolls with their bounds, incident date and place, and non-tolls."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsld.text.events import NO_PUBLICATION_DATE

Convert = Callable[..., dict[str, Any]]
Bounds = tuple[int | None, int | None]


def bounds(value: dict[str, Any] | None) -> Bounds | None:
    return None if value is None else (value.get("minValue"), value.get("maxValue"))


def tolls(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The casualty claims: bounds as (min, max), references replaced by names."""
    names = {e["@id"]: e["name"] for e in document["mentions"]}
    found = []
    for claim in document["hasPart"]:
        if claim["claimType"] != "casualty":
            continue
        toll: dict[str, Any] = {"killed": bounds(claim.get("killed"))}
        toll["injured"] = bounds(claim.get("injured"))
        for key in ("date", "weapon"):
            if key in claim:
                toll[key] = claim[key]
        if "location" in claim:
            toll["location"] = names[claim["location"]["@id"]]
        if "perpetrator" in claim:
            toll["perpetrator"] = [names[r["@id"]] for r in claim["perpetrator"]]
        found.append(toll)
    return found


def figures(to_jsonld: Convert, text: str) -> list[tuple[Bounds | None, Bounds | None]]:
    return [(t["killed"], t["injured"]) for t in tolls(to_jsonld(text + "\n"))]


def test_seed_article_has_one_toll(to_jsonld: Convert, seed_path: Path) -> None:
    document = to_jsonld(seed_path.read_bytes(), published="2025-10-23")
    assert tolls(document) == [
        {
            "killed": (6, 6),
            "injured": (44, None),
            "date": "2025-10-22",
            "weapon": ["missile", "drone"],
            "location": "Ukraine",
            "perpetrator": ["Russia"],
        }
    ]


def test_seed_article_without_publication_date(to_jsonld: Convert, seed_path: Path) -> None:
    document = to_jsonld(seed_path.read_bytes())
    (toll,) = tolls(document)
    assert "date" not in toll and toll["killed"] == (6, 6) and toll["injured"] == (44, None)
    assert NO_PUBLICATION_DATE in document["warnings"]


def test_qualifiers_give_bounds(to_jsonld: Convert) -> None:
    cases = {
        "At least 12 people were killed and 58 more were injured.": ((12, None), (58, 58)),
        "More than 40 people died in the fire.": ((41, None), None),
        "The blast killed up to 10 people.": ((None, 10), None),
        "The attack killed between 36 and 40 people.": ((36, 40), None),
        "Dozens died in the attack.": ((24, None), None),
        "Hundreds were wounded in the clashes.": (None, (200, None)),
        "Nearly 100 people were injured in the riot.": (None, (None, 99)),
        "The death toll rose to forty-four.": ((44, 44), None),
    }
    for text, expected in cases.items():
        assert figures(to_jsonld, text) == [expected], text


def test_restated_toll_is_one_claim(to_jsonld: Convert) -> None:
    text = (
        "At least 12 people were killed in the blast at the factory in Dhule. "
        '"Twelve people were killed," the police chief said.'
    )
    document = to_jsonld(text + "\n")
    (claim,) = [c for c in document["hasPart"] if c["claimType"] == "casualty"]
    assert bounds(claim["killed"]) == (12, 12) and len(claim["evidence"]) == 2


def test_revised_toll_is_another_claim(to_jsonld: Convert) -> None:
    text = "Two people were killed when a bus overturned. The death toll later rose to four."
    assert figures(to_jsonld, text) == [((2, 2), None), ((4, 4), None)]


def test_total_with_breakdown_counts_once(to_jsonld: Convert) -> None:
    text = "Five people, four civilians and a police officer, were killed in the shooting."
    assert figures(to_jsonld, text) == [((5, 5), None)]


def test_listed_groups_are_each_a_figure(to_jsonld: Convert) -> None:
    text = "Officials reported 150 soldiers, 95 civilians, and hundreds of fighters killed."
    assert figures(to_jsonld, text) == [((150, 150), None), ((95, 95), None), ((200, None), None)]


def test_parts_of_a_toll_are_no_figures(to_jsonld: Convert) -> None:
    assert figures(to_jsonld, "The attack killed 10 people, four of them children.") == [
        ((10, 10), None)
    ]


def test_disease_statistics_are_no_casualties(to_jsonld: Convert) -> None:
    for text in (
        "SARS-CoV-2 has already killed more than 1,000 people and infected thousands.",
        "More than 200 people have died of cholera this year.",
        "There were 170 suspected overdose deaths in May alone.",
    ):
        assert figures(to_jsonld, text) == [], text


def test_one_natural_death_and_calls_to_stop_killing_are_no_casualties(
    to_jsonld: Convert,
) -> None:
    for text in (
        "The singer died peacefully at home on Monday, aged 81.",
        "Protesters called on the government to stop the killing of civilians.",
        '"Now is the time to stop the killing," Bessent said.',
        "The government ordered the killing of over 300,000 pigs.",
        "The storm could kill 100 people.",
    ):
        assert figures(to_jsonld, text) == [], text


def test_nominal_tolls(to_jsonld: Convert) -> None:
    cases = {
        "Villagers blamed the gang for the killing of over 20 people.": ((21, None), None),
        "The mine owner was charged over the deaths of 12 workers.": ((12, 12), None),
        "The fire caused the death of the 36 guests inside.": ((36, 36), None),
    }
    for text, expected in cases.items():
        assert figures(to_jsonld, text) == [expected], text
    assert figures(to_jsonld, "Marchers urged an end to the killing of 300 farmers.") == []


def test_aside_between_count_and_verb(to_jsonld: Convert) -> None:
    cases = {
        "At least 30 people, including women and children, were killed in the raid.": (
            (30, None),
            None,
        ),
        "Sixteen people (mostly tourists) were hurt when the boat hit a pier.": (None, (16, 16)),
    }
    for text, expected in cases.items():
        assert figures(to_jsonld, text) == [expected], text
    text = "About 300 people, many of whom were injured, fled the town."
    assert figures(to_jsonld, text) == [], text


def test_killed_and_injured_in_adjacent_sentences_are_one_toll(to_jsonld: Convert) -> None:
    text = "Five people were killed when a bus hit a truck. Another 20 were injured."
    assert figures(to_jsonld, text) == [((5, 5), (20, 20))]
    text = "Five people were killed in the attack. In another attack, 20 were injured."
    assert figures(to_jsonld, text) == [((5, 5), None), (None, (20, 20))]


def test_group_of_a_toll_told_of_again_is_no_figure(to_jsonld: Convert) -> None:
    text = (
        "The crash killed three and left 16 injured, including two children. "
        "Doctors said the two children had serious injuries."
    )
    assert figures(to_jsonld, text) == [((3, 3), (16, 16))]


def test_missing_and_rescued_are_no_casualties(to_jsonld: Convert) -> None:
    text = "Three people died and two were missing; seven people were rescued."
    assert figures(to_jsonld, text) == [((3, 3), None)]


def test_date_place_perpetrator_and_weapon(to_jsonld: Convert) -> None:
    text = "A suicide bomber killed at least 15 people at a market in Kandahar on Tuesday."
    (toll,) = tolls(to_jsonld(text + "\n", published="2024-03-06"))
    assert toll["date"] == "2024-03-05" and toll["location"] == "Kandahar"
    assert toll["weapon"] == ["suicide bomber"]


def test_incident_context_comes_from_the_sentence_before(to_jsonld: Convert) -> None:
    text = (
        "A car bomb was on Monday rammed into a base in Maidan Shahr. "
        "Dozens died in the attack, reportedly conducted by the Taliban."
    )
    (toll,) = tolls(to_jsonld(text + "\n", published="2019-01-24"))
    assert toll["date"] == "2019-01-21" and toll["location"] == "Maidan Shahr"
    assert toll["perpetrator"] == ["Taliban"]


def test_the_date_of_a_statement_is_not_the_incident_date(to_jsonld: Convert) -> None:
    text = (
        "Rescuers searched the rubble after Tuesday's strike on Zaporizhzhia.\n"
        "Early on Wednesday, officials said six people were killed in the strike.\n"
    )
    (toll,) = tolls(to_jsonld(text, published="2024-12-11"))
    assert toll["date"] == "2024-12-10"


def test_another_incident_keeps_its_own_date(to_jsonld: Convert) -> None:
    text = (
        "At least three people died after a boat capsized Thursday off southeast Florida. "
        "Just a day earlier, four women died in another incident."
    )
    found = tolls(to_jsonld(text + "\n", published="2014-02-06"))
    assert [(t["killed"], t.get("date"), t.get("location")) for t in found] == [
        ((3, None), "2014-02-06", "Florida"),
        ((4, 4), "2014-02-05", None),
    ]


def test_partial_country_looks_for_the_town(to_jsonld: Convert) -> None:
    text = (
        "At least 12 people were killed in explosions at a factory in western India.\n"
        "The plant is on the outskirts of Dhule city.\n"
    )
    assert tolls(to_jsonld(text))[0]["location"] == "Dhule"


def test_year_is_never_guessed(to_jsonld: Convert) -> None:
    document = to_jsonld("The attack killed 6 people on Monday.\n")
    (toll,) = tolls(document)
    assert "date" not in toll and NO_PUBLICATION_DATE in document["warnings"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "killed",
                "injured",
                "at least",
                "more than",
                "dozens",
                "six",
                "44",
                "people",
                "were",
                "and",
                ",",
                ".",
                "in Kyiv",
                "on Oct. 22",
                "the death toll",
                "of them",
                "four",
                "died",
                "wounded",
                "Russian missile",
                "another",
                "\n",
                "\u201c",
                "between 3 and",
                "hundreds of",
            ]
        ),
        max_size=30,
    ),
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n"), max_size=40
    ),
)
def test_any_text_gives_valid_casualty_claims(
    to_jsonld: Convert, words: list[str], noise: str
) -> None:
    text = "Killed. " + " ".join(words) + noise + "\nThe end.\n"
    for toll in tolls(to_jsonld(text)):  # the fixture checks the document against the schema
        assert toll["killed"] is not None or toll["injured"] is not None


def test_the_hardest_hit_area_is_part_of_the_toll(to_jsonld: Convert) -> None:
    text = (
        "The death toll from the floods rose to 40. "
        "The coastal district was the hardest hit, with 25 killed."
    )
    assert figures(to_jsonld, text) == [((40, 40), None)]


def test_most_of_the_casualties_and_among_the_dead_are_parts(to_jsonld: Convert) -> None:
    text = (
        "The quake killed 30 people and injured 200. "
        "Most of the casualties were in the valley, where 20 people were killed. "
        "Among the dead, 9 were children."
    )
    assert figures(to_jsonld, text) == [((30, 30), (200, 200))]


def test_a_conditional_toll_is_no_toll(to_jsonld: Convert) -> None:
    text = "If the missing are not found alive, that is 50 deaths, an official said."
    assert figures(to_jsonld, text) == []


def test_claimed_lives_are_the_killed(to_jsonld: Convert) -> None:
    text = "A fire in a warehouse claimed four lives and injured nine others."
    assert figures(to_jsonld, text) == [((4, 4), (9, 9))]


def test_more_injured_in_the_next_sentence_join_the_toll(to_jsonld: Convert) -> None:
    text = "A gunman opened fire at a fair, killing two. At least ten more were injured."
    assert figures(to_jsonld, text) == [((2, 2), (10, None))]


def test_dozens_told_exactly_later_is_one_toll(to_jsonld: Convert) -> None:
    text = (
        "The bomb killed at least 7 people and wounded dozens. "
        "Officials said at least 7 people were killed and 31 wounded."
    )
    assert figures(to_jsonld, text) == [((7, None), (31, 31))]


def test_killed_dozens_and_an_exact_toll_stay_apart(to_jsonld: Convert) -> None:
    text = "The attack killed dozens. Later, officials said it had killed 126 people."
    assert figures(to_jsonld, text) == [((24, None), None), ((126, 126), None)]


def place_of(to_jsonld: Convert, text: str, published: str | None = None) -> list[str | None]:
    return [t.get("location") for t in tolls(to_jsonld(text + "\n", published=published))]


def test_a_village_named_after_a_region_is_the_place(to_jsonld: Convert) -> None:
    text = "Gunmen killed nine in Kora state on Friday. They had stormed Abaro village at dawn."
    assert place_of(to_jsonld, text) == ["Abaro"]


def test_a_place_inside_its_owner_is_the_place(to_jsonld: Convert) -> None:
    assert place_of(to_jsonld, "A blast killed four people in Tarland's Ubi district.") == ["Ubi"]


def test_a_name_before_a_word_for_a_small_place_is_the_place(to_jsonld: Convert) -> None:
    text = "Bandits attacked the Sola community overnight, killing six residents."
    assert place_of(to_jsonld, text) == ["Sola"]


def test_a_neighbourhood_of_a_city_is_more_specific_than_the_city(to_jsonld: Convert) -> None:
    text = "In western Varna, a car bomb killed three people in the old neighbourhood of Amrah."
    assert place_of(to_jsonld, text) == ["Amrah"]


def test_a_place_given_as_a_distance_is_not_the_place(to_jsonld: Convert) -> None:
    text = "A landslide 40 km north of Castlebury killed five people in the hill town of Morvale."
    assert place_of(to_jsonld, text) == ["Morvale"]


def test_the_ends_of_a_route_are_not_the_place(to_jsonld: Convert) -> None:
    text = "A bus going between the city of Arlo and Benn crashed in Dunmore, killing 11 people."
    assert place_of(to_jsonld, text) == ["Dunmore"]


def test_the_road_to_a_town_names_the_town(to_jsonld: Convert) -> None:
    text = "A tour bus crashed on the road to Pine Lake in northern Aldovia, killing eight people."
    assert place_of(to_jsonld, text) == ["Pine Lake"]


def test_a_country_reporting_its_own_toll_is_the_place(to_jsonld: Convert) -> None:
    text = (
        "A storm killed 40 people on Monday on the coast of Peru, then struck Chile.\n"
        "Chile reported 12 killed."
    )
    found = tolls(to_jsonld(text + "\n", published="2024-03-06"))
    assert [(t["killed"], t.get("location"), t.get("date")) for t in found] == [
        ((40, 40), "Peru", "2024-03-04"),
        ((12, 12), "Chile", "2024-03-04"),
    ]


def test_another_body_is_not_another_incident(to_jsonld: Convert) -> None:
    text = (
        "Four people were killed in a shooting in Pelham on Saturday. "
        "The first count was two dead, before another body was found in a field."
    )
    assert place_of(to_jsonld, text, "2024-03-04") == ["Pelham", "Pelham"]


def test_a_rescue_date_is_not_the_incident_date(to_jsonld: Convert) -> None:
    text = (
        "Villagers dug through the rubble with bare hands on Sunday, after an earthquake "
        "killed 40 people.\nOfficials said Saturday's quake was the strongest in years."
    )
    (toll,) = tolls(to_jsonld(text + "\n", published="2024-03-04"))
    assert toll["date"] == "2024-03-02"


def test_a_time_with_a_weekday_dates_the_incident(to_jsonld: Convert) -> None:
    text = (
        "The toll rose to 30 dead, state media said Tuesday.\n"
        "The quake, the strongest in the hill country for decades, hit at 6:10 a.m. Monday "
        "local time."
    )
    (toll,) = tolls(to_jsonld(text + "\n", published="2024-03-05"))
    assert toll["date"] == "2024-03-04"


def test_a_toll_that_has_gone_up_to_a_number_is_exact(to_jsonld: Convert) -> None:
    assert figures(to_jsonld, "The toll of the crash has gone up to 15, police said.") == [
        ((15, 15), None)
    ]


def test_a_part_of_a_group_is_the_toll_not_the_group(to_jsonld: Convert) -> None:
    text = "At least 30 of the town's 2,000 residents were killed in the flood."
    assert figures(to_jsonld, text) == [((30, None), None)]


def test_parts_after_one_verb_add_up_to_one_toll(to_jsonld: Convert) -> None:
    text = "The landslide killed 12 miners and three guards near the pit."
    assert figures(to_jsonld, text) == [((15, 15), None)]


def test_a_toll_that_surpassed_a_number_is_more_than_it(to_jsonld: Convert) -> None:
    for text in (
        "The death toll from the storm surpassed 300, officials said.",
        "The death toll topped 300 on Sunday.",
    ):
        assert figures(to_jsonld, text) == [((301, None), None)], text


def test_modelled_or_feared_figures_are_no_tolls(to_jsonld: Convert) -> None:
    for text in (
        "A study suggested the number of deaths could exceed 5,000.",
        "Experts said the death toll will likely surpass 900.",
        "As many as 40 people may have died in the blaze.",
    ):
        assert figures(to_jsonld, text) == [], text


def test_an_incident_of_another_year_is_background(to_jsonld: Convert) -> None:
    text = "Aid came from Dorn, a city flattened by a 1998 flood that killed 4,000 people."
    assert figures(to_jsonld, text) == []
    text = "Tuesday marked the tenth anniversary of the bombing that killed 12 people."
    assert figures(to_jsonld, text) == []


def test_the_bodies_of_a_group_are_its_killed(to_jsonld: Convert) -> None:
    text = "Rescuers on Monday found the bodies of nine climbers buried by the avalanche."
    assert figures(to_jsonld, text) == [((9, 9), None)]
    assert figures(to_jsonld, "A doctor said he saw 35 bodies in one hospital.") == []
