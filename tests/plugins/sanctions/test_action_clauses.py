"""Sanctions read as actions (issue 12, fourth round): the verb of the trigger's own clause,
modality told by who speaks or calls, the parties of the clause that acts, and the day of
the action rather than of what it describes or answers. Every sentence here is written for
the test, none is taken from an article."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.plugins.sanctions.test_actions import MONDAY, found, one

Convert = Callable[..., dict[str, Any]]


# ------------------------------------------------------------------ the trigger's own verb


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # A passive whose subject is the sanctions is their verb, not the verb above it.
        ("President Jane Doe ordered on Monday that US sanctions on Belarus be lifted.", "lift"),
        ("The EU announced on Monday that the embargo on Belarus was eased.", "lift"),
        # A participle after the sanctions describes them: the verb before is the action.
        ("On Monday the US lifted most of the sanctions imposed on Belarus.", "lift"),
        ("On Monday the EU renewed the sanctions adopted against Belarus.", "extend"),
        # ... and so does a relative clause: "measures it will impose".
        ("Japan approved on Monday new sanction measures it will impose on Belarus.", "impose"),
        # "sanction measures" is a noun, no verb of its own.
        ("The UN voted on Monday for the lifting of sanction measures on Belarus.", "lift"),
    ],
)
def test_the_verb_of_the_sanctions_own_clause(to_jsonld: Convert, text: str, action: str) -> None:
    claim = one(to_jsonld, text)
    assert claim["action"] == action and claim["targetCountry"] == ["Belarus"]


def test_the_date_of_what_describes_the_sanctions_is_not_the_actions(
    to_jsonld: Convert,
) -> None:
    text = "On Monday the US lifted the sanctions imposed on Belarus in May 2019."
    claim = one(to_jsonld, text)
    assert claim["action"] == "lift" and claim["date"] == MONDAY


# ------------------------------------------------------------------ modality


@pytest.mark.parametrize(
    ("text", "authority"),
    [
        (
            "Ukraine urged the European Union on Monday to impose sanctions on Rosatom.",
            "European Union",
        ),
        ("Kyiv asked the United States on Monday to sanction Rosatom.", "United States"),
        # A call reaches over an infinitive and a name: the call, not the verb it governs.
        (
            "Lawmakers called on Kyiv and Warsaw on Monday to use their existing powers to "
            "impose sanctions on Rosatom.",
            None,
        ),
    ],
)
def test_whom_a_call_is_made_on_is_the_authority_of_a_proposal(
    to_jsonld: Convert, text: str, authority: str | None
) -> None:
    claims = found(to_jsonld, text)
    assert [c["action"] for c in claims] == ["propose"] * len(claims) and claims
    assert all(c["targets"] == ["Rosatom"] for c in claims)
    if authority is not None:
        assert claims[0]["authority"] == [authority]


def test_a_call_to_consider_sanctions_is_a_proposal_with_the_country_of_the_coup(
    to_jsonld: Convert,
) -> None:
    text = (
        "Soldiers seized power in Guinea-Bissau last week. The African Union urged ECOWAS on "
        "Monday to consider imposing sanctions against the coup leaders."
    )
    claim = one(to_jsonld, text)
    assert claim["action"] == "propose" and claim["targetCountry"] == ["Guinea-Bissau"]
    assert claim["authority"] == ["Economic Community of West African States"]


def test_a_finite_verb_after_a_call_is_the_callers_own_action(to_jsonld: Convert) -> None:
    text = "Britain urged Russia on Monday to free Ivan Petrov and imposed sanctions on Tarn Bank."
    claim = one(to_jsonld, text)
    assert claim["action"] == "impose" and claim["authority"] == ["United Kingdom"]


@pytest.mark.parametrize(
    "text",
    [
        "The US said on Monday it was prepared to issue licenses to buyers of Belarus potash.",
        "The EU is ready to lift sanctions on Belarus if it frees its prisoners.",
    ],
)
def test_readiness_to_lift_is_no_lifting(to_jsonld: Convert, text: str) -> None:
    assert found(to_jsonld, text) == []


# ------------------------------------------------------------------ the day of the action


def test_the_day_of_what_the_action_answers_is_not_its_day(to_jsonld: Convert) -> None:
    text = (
        "Moscow leveled sanctions on Monday against nine Canadian officials in response to "
        "sanctions imposed by Ottawa on March 4."
    )
    claim = found(to_jsonld, text)[0]
    assert claim["authority"] == ["Russia"] and claim["date"] == MONDAY


def test_a_sentence_saying_this_was_announced_gives_the_day(to_jsonld: Convert) -> None:
    text = (
        "The Canadian government has imposed sanctions on Tarn Bank. "
        "This was announced by Prime Minister Jane Doe on Monday."
    )
    assert one(to_jsonld, text)["date"] == MONDAY


def test_the_lead_told_in_the_perfect_is_the_news_of_the_day(to_jsonld: Convert) -> None:
    # The publication day (2024-03-15) for the news the lead tells undated in the perfect...
    lead = "Russia has declared an entry ban on Tom Ardley."
    text = f"Russia bans Ardley\n\n{lead}\n\nThe ban is new."
    assert one(to_jsonld, text)["date"] == "2024-03-15"
    # ... but not for the perfect told later, nor for the simple past.
    later = f"Russia bans Ardley\n\nThe Kremlin spoke.\n\n{lead}"
    assert "date" not in one(to_jsonld, later)
    past = "Russia bans Ardley\n\nRussia declared an entry ban on Tom Ardley."
    assert "date" not in one(to_jsonld, past)


# ------------------------------------------------------------------ targets


def test_officials_listed_with_their_offices_are_the_people(to_jsonld: Convert) -> None:
    text = (
        "On Monday Russia banned nine Canadian officials. The list includes Canada's Minister "
        "of Justice and Attorney General Paul Renard, Head of Canada's Prison Service Anne "
        "Kell, Deputy Commissioner of the Royal Mounted Police Brian Brenner, and "
        "Intergovernmental Affairs Minister Dom Leblond."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Paul Renard", "Anne Kell", "Brian Brenner", "Dom Leblond"]
    assert claim["authority"] == ["Russia"] and claim["targetCountry"] == ["Canada"]


def test_an_office_closing_on_a_body_names_no_person(to_jsonld: Convert) -> None:
    text = "The UK sanctioned Roman Abram, owner of Kelso Football Club, on Monday."
    assert one(to_jsonld, text)["targets"] == ["Roman Abram"]


def test_two_officials_joined_by_and_with_a_particle_name(to_jsonld: Convert) -> None:
    text = (
        "On Monday the UN adopted a resolution to remove Syrian President Omar al-Haddad and "
        "Interior Minister Sami Nour from the sanctions list."
    )
    claim = one(to_jsonld, text)
    assert claim["action"] == "lift" and claim["targets"] == ["Omar al-Haddad", "Sami Nour"]


# ------------------------------------------------------------------ vocabulary and structure


@pytest.mark.parametrize(
    ("text", "action", "country"),
    [
        # The sanctions themselves frozen are suspended.
        ("In May the Security Council froze sanctions on Libya.", "lift", "Libya"),
        # Whom a lifting relieves is named after "from", and is no source of it.
        ("On Monday the Security Council lifted sanctions from Libya.", "lift", "Libya"),
        ("The United Nations imposed a port ban on ships from North Korea.", "impose", None),
        # The verb of a listing reaches over the long list of what it adds.
        (
            "The Commerce Department said on Monday it was adding several Chinese companies "
            "and an institute involved in supercomputing with military uses to its national "
            'security "entity list".',
            "impose",
            "China",
        ),
    ],
)
def test_more_actions_read(to_jsonld: Convert, text: str, action: str, country: str | None) -> None:
    claim = one(to_jsonld, text)
    assert claim["action"] == action
    if country is not None:
        assert claim["targetCountry"] == [country] and claim["authority"] != [country]


@pytest.mark.parametrize(
    "text",
    [
        # A negated verb tells no action.
        "US officials said on Monday that Washington will not lift sanctions on Libya.",
        "The EU refused on Monday to lift sanctions on Belarus.",
        "Canada did not impose sanctions on Tarn Bank.",
        # Sanctions kept as they stand, and a tally of sanctions since a war began.
        "This includes keeping US sanctions on Libya in full force, the US envoy said.",
        "Since the war on Ukraine began, Australia imposed 1,200 sanctions on Moscow.",
        # A verb after the sanctions in another clause is not theirs.
        "The ministry informed the EU envoy of the restrictions, and vowed to retaliate.",
    ],
)
def test_no_action_told(to_jsonld: Convert, text: str) -> None:
    assert found(to_jsonld, text) == []


# ------------------------------------------------------------------ two actions in a sentence


def test_the_sanctions_answered_are_an_earlier_action_of_their_own(to_jsonld: Convert) -> None:
    text = (
        "Moscow leveled sanctions on Monday against nine Canadian officials in response to "
        "sanctions imposed by Ottawa on March 4."
    )
    answering, answered = found(to_jsonld, text)
    assert answering["authority"] == ["Russia"] and answering["targetCountry"] == ["Canada"]
    assert answering["date"] == MONDAY
    assert answered["authority"] == ["Canada"] and answered["targetCountry"] == ["Russia"]
    assert answered["date"] == "2024-03-04"


def test_another_states_action_in_a_clause_of_its_own(to_jsonld: Convert) -> None:
    text = (
        "The EU imposed sanctions on Belarus on Monday, while the US froze the assets of Belavia."
    )
    eu, us = found(to_jsonld, text)
    assert eu["authority"] == ["European Union"] and eu["targetCountry"] == ["Belarus"]
    assert "targets" not in eu
    assert us["authority"] == ["United States"] and us["targets"] == ["Belavia"]


def test_each_country_of_a_list_with_a_reason_after_it(to_jsonld: Convert) -> None:
    text = (
        "Switzerland adopted the EU sanctions against Russia and Belarus on Monday for "
        "Moscow's aggression against Ukraine."
    )
    claims = found(to_jsonld, text)
    assert [c["targetCountry"] for c in claims] == [["Russia"], ["Belarus"]]


def test_a_conjunction_opening_a_sentence_is_no_target(to_jsonld: Convert) -> None:
    text = "The US sanctioned Tarn Bank on Monday. And the sanctions will stay, officials said."
    assert one(to_jsonld, text)["targets"] == ["Tarn Bank"]


@pytest.mark.parametrize(
    ("text", "action", "authority"),
    [
        # Told ahead: "moving to", "set to", and the sanctions' own future verb.
        (
            "The United States is moving to impose travel sanctions on Ivan Petrov.",
            "threaten",
            "United States",
        ),
        ("The EU is set to impose sanctions on Ivan Petrov.", "threaten", "European Union"),
        ("Tehran said new sanctions on Ivan Petrov will be announced soon.", "threaten", "Iran"),
        # A name in an aside between the doer and its verb does not act.
        (
            "The United States, following the lead of the European Union, imposed sanctions "
            "on Ivan Petrov on Monday.",
            "impose",
            "United States",
        ),
    ],
)
def test_told_ahead_and_the_doer_past_an_aside(
    to_jsonld: Convert, text: str, action: str, authority: str
) -> None:
    claim = one(to_jsonld, text)
    assert claim["action"] == action and claim["authority"] == [authority]


def test_the_au_is_the_african_union(to_jsonld: Convert) -> None:
    text = "Last month the AU suspended Mali, and it imposed sanctions on Colonel Assimi Goita."
    claim = one(to_jsonld, text)
    assert claim["authority"] == ["African Union"] and claim["targets"] == ["Assimi Goita"]


def test_the_state_of_the_speaker_after_a_quote_threatens(to_jsonld: Convert) -> None:
    text = (
        '"We are ready to impose further sanctions on Russia," EU foreign policy chief Jane '
        "Doe said on Monday."
    )
    claim = one(to_jsonld, text)
    assert claim["action"] == "threaten" and claim["authority"] == ["European Union"]


def test_who_only_speaks_of_others_sanctions_does_not_act(to_jsonld: Convert) -> None:
    text = "The Kremlin said on Monday that new Western sanctions would not change its course."
    assert found(to_jsonld, text) == []


def test_the_day_of_another_event_told_before_is_not_the_actions(to_jsonld: Convert) -> None:
    text = "Russia invaded Ukraine on Feb. 24, 2022. The EU imposed sanctions on Tarn Bank."
    assert "date" not in one(to_jsonld, text)
    text = "EU leaders met in Brussels on Monday. The EU imposed sanctions on Tarn Bank."
    assert one(to_jsonld, text)["date"] == MONDAY


def test_a_day_after_a_name_is_no_name_it_describes(to_jsonld: Convert) -> None:
    claim = one(to_jsonld, "The EU imposed sanctions on Tarn Bank last Tuesday.")
    assert claim["targets"] == ["Tarn Bank"] and claim["date"] == "2024-03-12"


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # Said ahead, naming whom it acts on: an announcement.
        ("Beijing said on Monday it would impose sanctions on four Canadian officials.", "impose"),
        # Said ahead with no one named: a warning.
        (
            "Beijing said on Monday that it would take countermeasures against the firms.",
            "threaten",
        ),
    ],
)
def test_said_ahead_is_announced_when_it_names_whom(
    to_jsonld: Convert, text: str, action: str
) -> None:
    assert one(to_jsonld, text)["action"] == action


def test_the_body_unnamed_members_serve_on_is_no_target(to_jsonld: Convert) -> None:
    text = (
        "Beijing said on Monday it will impose sanctions on four officials serving on the "
        "U.S. Commission on Trade Fairness."
    )
    claim = one(to_jsonld, text)
    assert "targets" not in claim and claim["targetCountry"] == ["United States"]


def test_a_word_in_quotation_marks_quotes_no_one(to_jsonld: Convert) -> None:
    text = (
        "Last month the US approved an arms sale, prompting Beijing to declare that it would "
        'take "countermeasures" against the companies.'
    )
    claim = one(to_jsonld, text)
    assert claim["action"] == "threaten" and claim["authority"] == ["China"]


def test_they_targeted_names_the_targets_of_the_action_told(to_jsonld: Convert) -> None:
    text = (
        "The Treasury unveiled sanctions on Turkey on Monday. They targeted the Ministry of "
        "Defense and Ministry of Energy and Natural Resources, as well as their leaders."
    )
    claim = one(to_jsonld, text)
    assert claim["targets"] == ["Ministry of Defense", "Ministry of Energy and Natural Resources"]


@pytest.mark.parametrize(
    ("text", "action", "authority"),
    [
        # A bloc's own organ proposing its measures prepares them.
        (
            "The European Commission proposed on Monday new sanctions against Russia.",
            "threaten",
            "European Union",
        ),
        # A proposal made at another body calls on that body.
        (
            "China proposed on Monday an arms embargo on Myanmar at the UN Security Council.",
            "propose",
            "United Nations",
        ),
    ],
)
def test_who_a_proposal_is_made_to(
    to_jsonld: Convert, text: str, action: str, authority: str
) -> None:
    claim = one(to_jsonld, text)
    assert claim["action"] == action and claim["authority"] == [authority]
