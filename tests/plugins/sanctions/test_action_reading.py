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
