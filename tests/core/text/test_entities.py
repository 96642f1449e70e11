"""Mentions and entities: names with their titles, countries, organisations, references."""

from __future__ import annotations

from newsld.analysis import Analysis
from newsld.model import Article
from newsld.text.entities import Mention, mentions
from newsld.text.gazetteer import country_for, demonym_country, find_places, organization_for


def analyse(body: str) -> tuple[Analysis, list[Mention]]:
    analysis = Analysis(Article(body=body), "urn:test")
    return analysis, list(mentions(analysis))


def named(found: list[Mention], text: str) -> Mention:
    return next(m for m in found if m.text == text)


def test_a_title_before_the_name_becomes_the_job_title() -> None:
    analysis, found = analyse(
        "White House Press Secretary Karoline Leavitt said on Oct. 23 it was over.\n"
    )
    person = named(found, "Karoline Leavitt").entity
    assert person is not None and person.type == "Person"
    assert person.job_title == "White House Press Secretary"
    assert analysis.entities.get(person.affiliation or "") is not None


def test_an_apposition_gives_title_and_affiliation() -> None:
    analysis, found = analyse(
        "Ukraine’s ambassador to the U.S., Olha Stefanishyna, said it was right.\n"
    )
    person = named(found, "Olha Stefanishyna").entity
    assert person is not None and person.job_title == "ambassador to the U.S."
    country = analysis.entities.get(person.affiliation or "")
    assert country is not None and country.name == "Ukraine"


def test_surname_pronoun_and_role_noun_point_to_the_same_person() -> None:
    body = (
        "Russian Ambassador to Canada Oleg Stepanov spoke on Friday.\n"
        "Later the ambassador warned that Russia would respond. "
        "Stepanov said it twice, and he left.\n"
    )
    _, found = analyse(body)
    person = named(found, "Oleg Stepanov").entity
    assert person is not None and person.job_title == "Russian Ambassador to Canada"
    for text in ("the ambassador", "Stepanov", "he"):
        assert named(found, text).entity is person


def test_lower_case_titles_and_particles() -> None:
    _, found = analyse(
        "Yesterday regional police chief Vishwas Pandhare met Mayor Bill de Blasio.\n"
    )
    assert named(found, "Vishwas Pandhare").entity.job_title == "regional police chief"  # type: ignore[union-attr]
    assert named(found, "Bill de Blasio").entity.job_title == "Mayor"  # type: ignore[union-attr]


def test_countries_and_organisations_by_any_name() -> None:
    analysis, found = analyse(
        "Washington and the U.S. acted; the U.S. Treasury, the Kremlin and NATO did not.\n"
    )
    assert named(found, "U.S. Treasury").entity.name == "Treasury Department"  # type: ignore[union-attr]
    assert named(found, "Washington").entity is named(found, "U.S.").entity is not None
    assert named(found, "Kremlin").entity.type == "Organization"  # type: ignore[union-attr]
    assert analysis.entities.find("United States", "Country") is not None


def test_gazetteer_lookups() -> None:
    assert country_for("the U.S.").name == "United States"  # type: ignore[union-attr]
    assert country_for("Moscow").name == "Russia"  # type: ignore[union-attr]
    assert demonym_country("Ukrainian").name == "Ukraine"  # type: ignore[union-attr]
    assert organization_for("OFAC").name == "Office of Foreign Assets Control"  # type: ignore[union-attr]
    assert country_for("Indiana") is None
    assert [p.text for p in find_places("Indiana is not India.")] == ["India"]
