"""The `arrests` extractor: count, place, date and authority of each arrest, with evidence."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from newsld.plugins import Plugins
from newsld.testing import assert_evidence, run_extractor

# Wednesday: "on Monday" is 2025-10-20.
PUBLISHED = "2025-10-22"


@pytest.fixture
def plugins(newsld_plugins: Callable[..., Plugins]) -> Plugins:
    """The built-ins and this plugin only, whatever else is installed."""
    return newsld_plugins("arrests")


def test_the_plugin_registers_its_claim_type_and_extractor(plugins: Plugins) -> None:
    assert plugins.registry.owner("claim_types", "arrest") == "arrests"
    assert plugins.registry.extractors["arrests"].claim_types == ("arrest",)


def test_count_place_date_and_authority_of_an_arrest(plugins: Plugins) -> None:
    text = "Police arrested 12 people in Gdańsk on Monday."
    claims = run_extractor("arrests", text, plugins=plugins, published=PUBLISHED)
    [claim] = claims
    assert claims.resolve(claim) == {
        "arrested": {"@type": "QuantitativeValue", "minValue": 12, "maxValue": 12},
        "arrestLocation": "Gdańsk",
        "arrestDate": "2025-10-20",
        "arrestingAuthority": "Police",
    }
    assert claims.document.entity(claim.properties["arrestLocation"]).type == "Place"
    assert claim.text == text
    assert_evidence(claim, text, "arrested 12 people", "in Gdańsk on Monday")


def test_a_passive_arrest_with_an_at_least_count_and_an_agent(plugins: Plugins) -> None:
    text = "On Saturday, at least 30 protesters were detained by riot police in Paris."
    claims = run_extractor("arrests", text, plugins=plugins, published=PUBLISHED)
    [claim] = claims
    assert claims.resolve(claim) == {
        "arrested": {"@type": "QuantitativeValue", "minValue": 30},
        "arrestLocation": "Paris",
        "arrestDate": "2025-10-18",
        "arrestingAuthority": "Riot police",
    }


def test_the_named_force_is_the_authority_and_not_the_source(plugins: Plugins) -> None:
    text = "Polish police detained 12 people in Gdańsk, the Interior Ministry said."
    claims = run_extractor("arrests", text, plugins=plugins, published=PUBLISHED)
    assert [claims.resolve(c)["arrestingAuthority"] for c in claims] == ["Polish police"]


def test_arrests_counted_as_a_noun(plugins: Plugins) -> None:
    text = "Officers made 40 arrests across London overnight."
    claims = run_extractor("arrests", text, plugins=plugins, published=PUBLISHED)
    assert [claims.resolve(c)["arrested"]["minValue"] for c in claims] == [40]


def test_no_claim_for_a_denied_or_uncounted_arrest(plugins: Plugins) -> None:
    text = (
        "Police said they had not arrested 5 men. Nobody was arrested in Gdańsk. "
        "The suspect was detained later."
    )
    assert run_extractor("arrests", text, plugins=plugins, published=PUBLISHED) == []


def test_a_date_the_text_does_not_fix_is_left_out_with_a_warning(plugins: Plugins) -> None:
    text = "Police arrested 12 people in Gdańsk on Monday."
    claims = run_extractor("arrests", text, plugins=plugins)
    [claim] = claims
    assert "arrestDate" not in claim.properties
    assert claims.document.warnings == [
        "arrests: the date 'Monday' is left out: no reference date: no publication date"
    ]
