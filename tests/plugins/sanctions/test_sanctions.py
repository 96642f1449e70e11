"""The sanctions extractor: actions, authorities, targets, merging, and what is no sanction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsld.text.events import NO_PUBLICATION_DATE

Convert = Callable[..., dict[str, Any]]


def sanctions(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The sanction claims, entity references replaced by names."""
    names = {e["@id"]: e["name"] for e in document["mentions"]}
    found = []
    for claim in document["hasPart"]:
        if claim["claimType"] != "sanction":
            continue
        found.append(
            {
                key: [names[r["@id"]] for r in value]
                if key in ("authority", "targets", "targetCountry")
                else value
                for key, value in claim.items()
                if key in ("action", "authority", "targets", "targetCountry", "measure", "date")
            }
        )
    return found


def one(to_jsonld: Convert, text: str, **options: Any) -> dict[str, Any]:
    found = sanctions(to_jsonld(text + "\n", **options))
    assert len(found) == 1, found
    return found[0]


def test_seed_article_has_one_sanction_with_its_date(to_jsonld: Convert, seed_path: Path) -> None:
    document = to_jsonld(seed_path.read_bytes(), published="2025-10-23")
    assert sanctions(document) == [
        {
            "action": "impose",
            "authority": ["United States"],
            "targets": ["Rosneft", "Lukoil"],
            "targetCountry": ["Russia"],
            "measure": "full blocking sanctions",
            "date": "2025-10-22",
        }
    ]


def test_seed_article_without_publication_date_has_no_date_and_a_warning(
    to_jsonld: Convert, seed_path: Path
) -> None:
    document = to_jsonld(seed_path.read_bytes())
    (claim,) = sanctions(document)
    assert "date" not in claim and claim["targets"] == ["Rosneft", "Lukoil"]
    assert NO_PUBLICATION_DATE in document["warnings"]


def test_impose(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "The European Union imposed sanctions on Gazprom Neft on Monday.")
    assert claim["action"] == "impose" and claim["authority"] == ["European Union"]
    assert claim["targets"] == ["Gazprom Neft"]


def test_lift(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "The EU lifted sanctions on Belarusian potash producer Belaruskali.")
    assert claim["action"] == "lift" and claim["targetCountry"] == ["Belarus"]
    assert claim["targets"] == ["Belaruskali"]


def test_extend(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "EU leaders agreed to extend economic sanctions on Russia.")
    assert claim["action"] == "extend" and claim["targetCountry"] == ["Russia"]


def test_threaten(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Britain threatened to impose sanctions on Iran if it sent drones.")
    assert claim["action"] == "threaten" and claim["authority"] == ["United Kingdom"]


def test_a_warning_of_future_sanctions_is_a_threat(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "The United States warned it would impose sanctions on Chinese banks.")
    assert claim["action"] == "threaten" and claim["targetCountry"] == ["China"]


def test_propose_names_the_authority_called_on(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Ukraine's president called on the EU to impose sanctions on Rosatom.")
    assert claim["action"] == "propose" and claim["authority"] == ["European Union"]
    assert claim["targets"] == ["Rosatom"]


def test_hoped_for_lifting_is_no_action(to_jsonld: Convert) -> None:
    text = "Trump said he hoped the U.S. sanctions on Rosneft could soon be lifted."
    assert [c["action"] for c in sanctions(to_jsonld(text + "\n"))] != ["lift"]


def test_treasury_ofac_and_washington_are_the_united_states(to_jsonld: Convert) -> None:
    for text in (
        "The Treasury sanctioned Hungarian lender MBH Bank.",
        "OFAC designated the tanker Eventin and its owner Ocean Star Shipping.",
        "Washington slapped sanctions on Iranian officials, including Reza Ashtiani.",
    ):
        assert one(to_jsonld, text)["authority"] == ["United States"], text


def test_moscow_and_a_demonym_are_the_target_country(to_jsonld: Convert) -> None:
    claim = one(
        to_jsonld, "Washington imposed sanctions on Moscow and on Russian energy companies."
    )
    assert claim["targetCountry"] == ["Russia"] and "targets" not in claim


def test_subsidiaries_are_no_target(to_jsonld: Convert) -> None:
    text = (
        "The U.S. imposed sanctions on Moscow, targeting Russia's two largest oil companies, "
        "Rosneft and Lukoil, as well as their subsidiaries."
    )
    assert one(to_jsonld, text)["targets"] == ["Rosneft", "Lukoil"]


def test_a_named_party_after_as_well_as_is_a_target(to_jsonld: Convert) -> None:
    text = "Britain sanctioned the Wagner Group, as well as its founder Dmitry Utkin."
    assert one(to_jsonld, text)["targets"] == ["Wagner Group", "Dmitry Utkin"]


def test_country_subject_of_a_passive_is_the_target(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Iran faces new U.S. sanctions over its nuclear program.")
    assert claim["authority"] == ["United States"] and claim["targetCountry"] == ["Iran"]


def test_mentions_of_one_action_are_one_claim(to_jsonld: Convert) -> None:
    text = (
        "The U.S. imposed sanctions on Rosneft. Washington's sanctions on Rosneft were "
        "announced by the Treasury. The sanctions on Rosneft took effect at once."
    )
    document = to_jsonld(text + "\n")
    (claim,) = [c for c in document["hasPart"] if c["claimType"] == "sanction"]
    assert len(claim["evidence"]) == 3


def test_a_different_action_is_another_claim(to_jsonld: Convert) -> None:
    text = (
        "The U.S. imposed sanctions on Russian oil giants Rosneft and Lukoil. "
        "The EU lifted sanctions on Rosneft."
    )
    found = sanctions(to_jsonld(text + "\n"))
    assert [(c["action"], c["authority"]) for c in found] == [
        ("impose", ["United States"]),
        ("lift", ["European Union"]),
    ]


def test_sanctioned_meaning_approved_is_no_sanction(to_jsonld: Convert) -> None:
    for text in (
        "The council sanctioned the plan to build a new bridge.",
        "The police have sanctioned a march through the city centre.",
        "The state-sanctioned violence continued for weeks.",
    ):
        assert sanctions(to_jsonld(text + "\n")) == [], text


def test_sports_sanctions_are_no_sanctions(to_jsonld: Convert) -> None:
    for text in (
        "FIFA imposed sanctions on the Russian football federation after the match.",
        "The club faces sanctions from UEFA over crowd trouble.",
    ):
        assert sanctions(to_jsonld(text + "\n")) == [], text


def test_a_running_total_is_no_new_action(to_jsonld: Convert) -> None:
    text = "Canada has imposed sanctions on nearly 4,000 people from Russia since 2014."
    assert sanctions(to_jsonld(text + "\n")) == []


def test_date_of_the_action(to_jsonld: Convert) -> None:
    text = "The U.S. imposed sanctions on Rosneft on Wednesday."
    assert one(to_jsonld, text, published="2025-10-23")["date"] == "2025-10-22"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "sanctions",
                "sanctioned",
                "imposed",
                "lifted",
                "on",
                "Russia",
                "the U.S.",
                "Rosneft",
                "Treasury",
                "threatened to",
                "embargo",
                "as well as",
                ",",
                ".",
                "Moscow",
                "EU",
                "called on",
                "Lukoil",
                "blacklisted",
                "on Oct. 22",
                "\n",
                "would",
                "'",
                "\u201c",
                "since 2014",
            ]
        ),
        max_size=30,
    ),
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n"), max_size=40
    ),
)
def test_any_text_gives_valid_sanction_claims(
    to_jsonld: Convert, words: list[str], noise: str
) -> None:
    text = "Sanctions. " + " ".join(words) + noise + "\nThe end.\n"
    document = to_jsonld(text)  # the fixture checks it against the schema
    for claim in sanctions(document):
        assert claim["action"] in ("impose", "lift", "extend", "threaten", "propose")


def test_funds_sanctioned_for_a_project_are_no_sanction(to_jsonld: Convert) -> None:
    text = "The state has sanctioned Rs 12 crore for the new bridge over the Tapi in Surat."
    assert sanctions(to_jsonld(text + "\n")) == []


def test_a_club_sanctioned_with_a_fine_is_no_sanction(to_jsonld: Convert) -> None:
    text = "The club Northside Rovers, Egypt, was sanctioned with a fine of CHF 10,000."
    assert sanctions(to_jsonld(text + "\n")) == []


def test_allies_and_a_possessor_are_no_targets(to_jsonld: Convert) -> None:
    text = (
        "Britain imposed sanctions on allies of President Ivan Petrov. "
        "The sanctions freeze assets of Petrov's banker Oleg Marin."
    )
    assert one(to_jsonld, text)["targets"] == ["Oleg Marin"]


def test_a_legal_instrument_is_no_target(to_jsonld: Convert) -> None:
    text = "The U.S. Treasury imposed sanctions under Executive Order 14024 on Volga Shipping."
    assert one(to_jsonld, text)["targets"] == ["Volga Shipping"]


def test_a_visited_country_is_no_authority(to_jsonld: Convert) -> None:
    text = "Senator Jane Roe, who visited Ukraine last month, called the new sanctions weak."
    assert all(s.get("authority") != ["Ukraine"] for s in sanctions(to_jsonld(text + "\n")))


def test_more_targets_in_addition_are_the_same_action(to_jsonld: Convert) -> None:
    text = (
        "Sanctions have been lifted against Nile Air. "
        "In addition, the US lifted sanctions on the Delta Hotel."
    )
    found = one(to_jsonld, text)
    assert found["targets"] == ["Nile Air", "Delta Hotel"] and found["action"] == "lift"


def test_asked_about_sanctions_is_no_proposal(to_jsonld: Convert) -> None:
    text = "Asked about sanctions on Oct. 16, President Donald Trump said he hopes for peace."
    assert sanctions(to_jsonld(text + "\n")) == []


def test_counted_objects_make_a_designation(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "The U.S. Treasury sanctioned four people and two firms on Monday.")
    assert claim["authority"] == ["United States"] and claim["action"] == "impose"


def test_listing_sentences_add_targets_before_and_after(to_jsonld: Convert) -> None:
    text = (
        "Norway has sanctioned three people in Ruritania. "
        "The targeted people include Colonel Mark Bolt and Anna Vell. "
        "Ivo Stark and the Brightwater Trading Company are also targeted."
    )
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["Norway"]
    assert set(claim["targets"]) == {
        "Mark Bolt",
        "Anna Vell",
        "Ivo Stark",
        "Brightwater Trading Company",
    }


def test_title_and_relatives_are_not_targets(to_jsonld: Convert) -> None:
    text = (
        "Japan imposed sanctions on Kato Steel. Japan has added Olga Frey, daughter of "
        "Interior Minister Pavel Frey, to a list of people under an asset freeze."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Kato Steel", "Olga Frey"]


def test_a_name_describing_the_next_one_is_no_target(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Britain imposed sanctions on Dover smuggling suspect Alan Grey.")
    assert claim["targets"] == ["Alan Grey"]


def test_and_inside_an_organisation_name(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "The EU lifted sanctions on the Ministry of Oil and Mineral Resources.")
    assert claim["targets"] == ["Ministry of Oil and Mineral Resources"]


def test_sanctions_as_subject_of_will_describe_the_measure(to_jsonld: Convert) -> None:
    text = "Canada imposed sanctions on Russia. The sanctions will impose asset freezes on banks."
    assert one(to_jsonld, text)["action"] == "impose"


def test_entities_sanctioned_earlier_are_not_a_new_action(to_jsonld: Convert) -> None:
    text = (
        "The U.S. imposed sanctions on Harbor Line on Monday. The ship carried oil "
        "for sanctioned entities including Delta Petro."
    )
    assert one(to_jsonld, text)["targets"] == ["Harbor Line"]


def test_a_superlative_since_is_no_running_total(to_jsonld: Convert) -> None:
    text = "New sanctions on Russia were announced by the Foreign Office, the largest since 2023."
    assert one(to_jsonld, text)["authority"] == ["United Kingdom"]


def test_a_call_on_the_president_names_his_country(to_jsonld: Convert) -> None:
    text = (
        "Senators called on President Ann Vale Oct. 2 to impose sanctions on Belarus. "
        "Congress backs the plan."
    )
    claim = one(to_jsonld, text, published="2025-10-03")
    assert claim["action"] == "propose" and claim["authority"] == ["United States"]
    assert claim["targetCountry"] == ["Belarus"] and claim["date"] == "2025-10-02"


def test_an_administration_named_after_a_person_is_its_state(to_jsonld: Convert) -> None:
    text = (
        "Two lawmakers urged the Vale administration to sanction several senior Chinese "
        "officials. The State Department declined to comment."
    )
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["United States"] and claim["targetCountry"] == ["China"]


def test_a_bill_at_another_time_is_another_proposal(to_jsonld: Convert) -> None:
    text = (
        "Lawmakers called on President Ann Vale on Oct. 2 to impose sanctions on Russia. "
        "In April they introduced a bill that would impose sanctions on Russia in Congress."
    )
    found = sanctions(to_jsonld(text + "\n", published="2025-10-03"))
    assert [c["action"] for c in found] == ["propose", "propose"]
    assert all(c["authority"] == ["United States"] for c in found)


def test_countermeasures_by_a_state_are_sanctions(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "China imposed countermeasures against US defence firms.")
    assert claim["authority"] == ["China"] and claim["targetCountry"] == ["United States"]
    text = "The navy used countermeasures to confuse the missile."
    assert sanctions(to_jsonld(text + "\n")) == []


def test_the_possessor_of_a_named_group_is_the_target_country(to_jsonld: Convert) -> None:
    text = "The U.S. Treasury sanctioned six people for laundering for Mexico's Rio Bravo Cartel."
    assert one(to_jsonld, text)["targetCountry"] == ["Mexico"]


def test_a_terrorist_designation_is_no_sanctions_action(to_jsonld: Convert) -> None:
    # The README: a terrorist designation is no sanctions event unless called sanctions.
    text = (
        "The U.S. sanctioned six people for laundering for Mexico's Rio Bravo Cartel. "
        "Weeks earlier Washington designated the Rio Bravo Cartel and seven other groups "
        "as Foreign Terrorist Organizations."
    )
    (claim,) = sanctions(to_jsonld(text + "\n"))
    assert claim["targetCountry"] == ["Mexico"] and "targets" not in claim


def test_who_proposed_a_resolution_is_no_authority(to_jsonld: Convert) -> None:
    text = (
        "The UN Security Council imposed an arms embargo on South Sudan. "
        "A resolution proposed by the United States, which backed an arms embargo against "
        "South Sudan, was adopted."
    )
    assert one(to_jsonld, text)["authority"] == ["United Nations"]


def test_a_speaker_after_the_trigger_is_no_target(to_jsonld: Convert) -> None:
    text = (
        "The EU imposed sanctions on Belarus. "
        "Asked about the sanctions on Monday, Ivo Stark said he was calm."
    )
    assert "targets" not in one(to_jsonld, text)


def test_dprk_is_north_korea(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Japan imposed new sanctions on the DPRK on Monday.")
    assert claim["targetCountry"] == ["North Korea"]


def test_a_short_name_repeated_later_is_one_target(to_jsonld: Convert) -> None:
    text = (
        "Norway sanctioned the tanker Ocean Faye and the firm Blue Skies Trading. "
        "The sanctions on Faye and Skies Trading take effect at once."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Ocean Faye", "Blue Skies Trading"]


def test_vessels_listed_in_a_later_sentence_join_the_action(to_jsonld: Convert) -> None:
    text = (
        "Norway sanctioned 12 tankers on Wednesday. "
        "Three of the tankers targeted Wednesday – Aster Bay, Corran Star and Pelly – "
        "sailed from the Baltic last month."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Aster Bay", "Corran Star", "Pelly"]


def test_a_target_after_while_in_a_listing(to_jsonld: Convert) -> None:
    text = (
        "Norway sanctioned 12 tankers on Wednesday. Among the designated vessels, the "
        "Liberia-flagged Aster Bay 'carried crude for years,' while the Panama-flagged "
        "Corran Star 'moved a million barrels.'"
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Aster Bay", "Corran Star"]


def test_a_second_target_after_while_in_the_trigger_sentence(to_jsonld: Convert) -> None:
    text = "Norway sanctioned Kato Steel on Monday, while Brenn Shipping was also sanctioned."
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Kato Steel", "Brenn Shipping"]


def test_group_words_platforms_and_ports_are_no_targets(to_jsonld: Convert) -> None:
    text = (
        "Norway sanctioned Alawite commander Ivo Stark, Kato Steel and the Port of Tarvik, "
        "its foreign minister posted on X."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Ivo Stark", "Kato Steel"]


def test_an_owned_central_bank_gets_its_owner(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Norway lifted sanctions on Iran's Central Bank on Monday.")
    assert claim["targets"] == ["Central Bank of Iran"]


def test_a_bare_central_bank_is_no_target(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "Norway lifted sanctions on Kato Steel and the Central Bank.")
    assert claim["targets"] == ["Kato Steel"]


def test_an_intention_to_impose_is_a_threat_by_the_subject(to_jsonld: Convert) -> None:
    for verb in ("intended", "plans", "intends"):
        claim = one(to_jsonld, f"Norway {verb} to impose sanctions on Kato Steel.")
        assert claim["action"] == "threaten" and claim["authority"] == ["Norway"], verb


def test_a_person_also_sanctioned_after_an_apposition_joins_the_action(to_jsonld: Convert) -> None:
    text = (
        "Norway sanctioned Kato Steel on Monday. Anna Vell, the mayor of Tarvik, "
        "has also been sanctioned for helping the firm."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Kato Steel", "Anna Vell"]


def test_the_person_named_after_the_company_they_run_is_the_target(to_jsonld: Convert) -> None:
    text = (
        "Norway sanctioned Kato Steel, the head of Brenn Shipping Ivo Stark, "
        "and allies of President Vlad Orlov."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Kato Steel", "Ivo Stark"]
