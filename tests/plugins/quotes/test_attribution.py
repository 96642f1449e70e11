"""Attribution by the structure of the sentence: each class of issue 11, with sentences of our own.

Every sentence here is written for the test; none is taken from an article.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.plugins.quotes.test_quotes import said

Convert = Callable[..., dict[str, Any]]


def direct(to_jsonld: Convert, body: str) -> list[str | None]:
    """The speaker of each direct quote."""
    return [speaker for _, speaker in said(to_jsonld(body))]


def reported(to_jsonld: Convert, body: str) -> list[tuple[str, str | None]]:
    return said(to_jsonld(body), "indirect")


# ---------------------------------------------------------------- 1. the speaker phrase


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('"We will appeal the ruling," said state Attorney General Jane Roe.\n', "Jane Roe"),
        (
            '"He was the kindest man we knew," writes the victim\'s partner John Doe online.\n',
            "John Doe",
        ),
        ('"Talks will resume," said Israel\'s ambassador Gilad Moran.\n', "Gilad Moran"),
        ('"It was terrifying," said Sarah Jones, 34, who was on the train.\n', "Sarah Jones"),
        ('"This has to stop," added Hill, who has led the inquiry since 2019.\n', "Hill"),
        (
            '"Prices will keep rising," economist Laura Chen of Capital Economics wrote.\n',
            "Laura Chen",
        ),
    ],
)
def test_the_name_after_titles_and_possessors_speaks(
    to_jsonld: Convert, body: str, speaker: str
) -> None:
    assert direct(to_jsonld, body) == [speaker]


def test_a_person_of_an_organisation_speaks_not_the_organisation(to_jsonld: Convert) -> None:
    body = "Maria Lopez of the World Food Programme said the agency had run out of funds.\n"
    assert reported(to_jsonld, body) == [("the agency had run out of funds", "Maria Lopez")]


def test_a_relative_clause_between_subject_and_verb(to_jsonld: Convert) -> None:
    body = (
        "Senator Tom Baker, who chairs the committee and has long opposed the bill, "
        "told reporters the vote would fail.\n"
    )
    assert reported(to_jsonld, body) == [("the vote would fail", "Tom Baker")]


def test_a_chain_of_insertions_before_the_verb(to_jsonld: Convert) -> None:
    body = (
        "The account of the Morning Show, which replaced an older programme, hosted by "
        "Ann Ray, who once worked for the station, posted: "
        '"We will miss you every single morning."\n'
    )
    assert direct(to_jsonld, body) == ["Morning Show"]


def test_a_name_in_apposition_beats_the_role_before_it(to_jsonld: Convert) -> None:
    body = (
        "The chairwoman of the council, Lisa Grant, put it bluntly: "
        '"This budget is dead on arrival."\n'
    )
    assert direct(to_jsonld, body) == ["Lisa Grant"]


def test_a_name_renaming_one_of_a_crowd_speaks_not_the_outlet_told(to_jsonld: Convert) -> None:
    body = '"We will camp here until they listen," one protester, Ana Silva, told Reuters.\n'
    assert direct(to_jsonld, body) == ["Ana Silva"]


@pytest.mark.parametrize("name", ["Northgate Corp.", "Alan Pryce Jr.", "Harlow Holdings Ltd."])
def test_a_name_ending_in_an_abbreviation_speaks(to_jsonld: Convert, name: str) -> None:
    body = f'"Orders fell by a third," {name} said on Monday.\n{name} said the plant would close.\n'
    assert direct(to_jsonld, body) == [name.rstrip(".")]
    assert reported(to_jsonld, body) == [("the plant would close", name.rstrip("."))]


@pytest.mark.parametrize(
    "adjunct", ["on Monday", "in an interview", "at a news conference on Friday", "late on Monday"]
)
def test_the_day_and_setting_before_a_clause_are_no_part_of_it(
    to_jsonld: Convert, adjunct: str
) -> None:
    body = f"Mayor Ana Ruiz said {adjunct} the bridge would reopen in May.\n"
    assert reported(to_jsonld, body) == [("the bridge would reopen in May", "Ana Ruiz")]


def test_a_role_word_as_surname_after_a_rank(to_jsonld: Convert) -> None:
    body = (
        "Sgt. Amy Pope of the county police led the search.\n"
        '"We have found nothing yet," Sgt. Pope said on Friday.\n'
    )
    assert direct(to_jsonld, body) == ["Amy Pope"]


def test_a_document_posted_somewhere_is_no_speech_verb(to_jsonld: Convert) -> None:
    body = (
        "The Harbour Authority said in a statement posted to Facebook it "
        "\u201cwill not reopen the pier before the inspection is complete.\u201d\n"
    )
    assert direct(to_jsonld, body) == ["Harbour Authority"]
    assert reported(to_jsonld, body) == [
        ("it will not reopen the pier before the inspection is complete", "Harbour Authority")
    ]


def test_a_name_translated_from_its_acronym_is_a_body(to_jsonld: Convert) -> None:
    body = (
        "The Movement for Rural Renewal (MPRR) claimed that the count had been rigged.\n"
        'The party said the ballots were "stuffed in every village we visited."\n'
        'The ruling party said the vote was "calm and orderly from start to finish."\n'
    )
    assert direct(to_jsonld, body) == ["Movement for Rural Renewal", None]
    assert reported(to_jsonld, body)[0] == (
        "the count had been rigged",
        "Movement for Rural Renewal",
    )


def test_it_opening_a_sentence_is_the_body_that_opened_the_one_before(to_jsonld: Convert) -> None:
    body = (
        "The Water Board said on Monday that supplies were safe.\n"
        '"We will keep testing," the union said in a statement.\n'
        'The board published its results. It said the levels were "well within the limits."\n'
    )
    assert direct(to_jsonld, body) == [None, "Water Board"]


def test_a_person_told_by_the_place_they_serve_is_no_place(to_jsonld: Convert) -> None:
    body = (
        "The World Bank's country director in Peru warned that growth "
        '"will not come back before the rains end."\n'
    )
    assert direct(to_jsonld, body) == [None]


def test_a_body_named_by_a_dotted_initialism(to_jsonld: Convert) -> None:
    body = (
        "The U.N. mapping agency says the border survey will end in June.\n"
        "The U.N. refugee agency says the camps are full.\n"
    )
    assert reported(to_jsonld, body) == [
        ("the border survey will end in June", "U.N. mapping agency"),
        ("the camps are full", "UNHCR"),  # a UN agency by the description news copy gives it
    ]


def test_bare_police_opening_a_sentence_with_a_participle(to_jsonld: Convert) -> None:
    body = (
        "Nairobi police arrested two men on Friday.\n"
        "Police gave no motive, saying the inquiry was at an early stage.\n"
        "Nairobi police only said the men were local.\n"
    )
    assert reported(to_jsonld, body) == [
        ("the inquiry was at an early stage", "Nairobi police"),
        ("the men were local", "Nairobi police"),
    ]


def test_a_countrys_leader_is_its_head_of_state_named_before(to_jsonld: Convert) -> None:
    body = (
        "Ghanaian President Kofi Mensah met French President Paul Girard on Monday.\n"
        "The Ghanaian leader said the talks had gone well.\n"
    )
    assert reported(to_jsonld, body) == [("the talks had gone well", "Kofi Mensah")]


def test_a_city_force_opening_the_article_is_named(to_jsonld: Convert) -> None:
    body = (
        "Dayton police said the driver had fled on foot.\n"
        "The crash happened near a school in Dayton on Friday.\n"
        "Local police said the road would stay closed.\n"
    )
    assert reported(to_jsonld, body) == [
        ("the driver had fled on foot", "Dayton police"),
        ("the road would stay closed", "Dayton police"),  # "Local" names no force of its own
    ]


def test_what_follows_the_verb_of_a_quote_is_no_clause(to_jsonld: Convert) -> None:
    body = (
        '"The figures are worrying," spokeswoman Lin Wei said at a news conference in Rome '
        "after Brazil raised its tariffs on steel.\n"
        '"We are ready," the coach Ana Ruiz said, adding that '
        '"in our league, a result like this can happen on any day."\n'
    )
    assert reported(to_jsonld, body) == [
        ("in our league, a result like this can happen on any day", "Ana Ruiz")
    ]


def test_an_apposition_to_the_opening_phrase_is_no_subject(to_jsonld: Convert) -> None:
    body = (
        "In an interview with Kurir, a Serbian daily, the finance minister, Ana Brnabic, "
        'said that "the budget will balance by next spring."\n'
        'She recognised that "growth is slower than we had hoped for."\n'
    )
    assert direct(to_jsonld, body) == ["Ana Brnabic", "Ana Brnabic"]


def test_words_quoted_as_what_the_subject_did_are_the_subjects(to_jsonld: Convert) -> None:
    body = (
        'Governor Lena Park expressed "deep sorrow for the families of the miners."\n'
        'Police arrested a man who had called the mayor "a traitor to the whole town."\n'
    )
    assert direct(to_jsonld, body) == ["Lena Park", None]


def test_they_after_an_unnamed_plural_subject_is_unnamed(to_jsonld: Convert) -> None:
    body = (
        "The Harbour Board said the port would reopen.\n"
        "A team of inspectors asked the Harbour Board to delay the reopening. "
        'They said the cranes were "not safe to operate in high winds."\n'
    )
    assert direct(to_jsonld, body) == [None]


def test_an_apposition_holding_a_clause_of_its_own(to_jsonld: Convert) -> None:
    body = (
        "Chief executive Maria Lind, a lightning rod since she has moved the head office "
        'to Oslo, said "the quarter went better than we expected."\n'
    )
    assert direct(to_jsonld, body) == ["Maria Lind"]


def test_a_pronoun_after_the_one_person_its_sentence_named(to_jsonld: Convert) -> None:
    body = (
        '"We have won this," Senator Tom Hale told supporters.\n'
        "The mood at Ana Ruiz's rally was calm as she said: "
        '"This is not over, and we will be back next year."\n'
        "Ruiz's supporters left early. Any hope of Hale's defeat had faded, she said.\n"
    )
    assert direct(to_jsonld, body) == ["Tom Hale", "Ana Ruiz"]


def test_an_opening_phrase_that_runs_into_the_name(to_jsonld: Convert) -> None:
    body = (
        "Addressing reporters Mayor Ana Ruiz, in Leon on Monday, said, "
        '"The bridge will be rebuilt before the rains come back."\n'
    )
    assert direct(to_jsonld, body) == ["Ana Ruiz"]


def test_a_role_phrase_names_the_person_whose_title_it_is(to_jsonld: Convert) -> None:
    body = (
        "Chief Justice Amina Diallo opened the hearing on Monday.\n"
        '"Why are so many lawyers standing here?" the chief justice asked.\n'
    )
    assert direct(to_jsonld, body) == ["Amina Diallo"]


def test_an_acronym_after_a_possessive_name(to_jsonld: Convert) -> None:
    body = (
        "The Green Workers Party\u2019s (GWP\u2019s) posts were removed on Friday. "
        "The GWP said the order was unlawful.\n"
    )
    assert reported(to_jsonld, body) == [("the order was unlawful", "Green Workers Party")]


def test_an_acronym_title_before_a_name_is_no_part_of_it(to_jsonld: Convert) -> None:
    body = (
        "Mombasa OCPD Grace Atieno said two men were held.\n"
        '"They will be charged on Monday," the OCPD said.\n'
        "MDC leader Tom Banda said the vote was rigged. The MDC said it would appeal.\n"
        '"The jury must acquit," said Paul Reed QC.\n'
    )
    assert direct(to_jsonld, body) == ["Grace Atieno", "Paul Reed"]
    assert reported(to_jsonld, body) == [
        ("two men were held", "Grace Atieno"),
        ("the vote was rigged", "Tom Banda"),
        ("it would appeal", "MDC"),
    ]


def test_a_post_and_its_place_before_the_name_in_apposition(to_jsonld: Convert) -> None:
    body = (
        '"The officer was arrested on his way home," said SSP Mirzapur, Ravi Verma.\n'
        "DIG KS Rathore said the inquiry would take a week.\n"
    )
    assert direct(to_jsonld, body) == ["Ravi Verma"]
    assert reported(to_jsonld, body) == [("the inquiry would take a week", "KS Rathore")]


def test_a_dateline_is_no_part_of_the_clause_and_two_sources_join(to_jsonld: Convert) -> None:
    body = (
        "NAIROBI: The bridge will reopen in May, said Roads Minister Ana Ruiz and "
        "Finance Minister Tom Hale in a joint statement.\n"
    )
    assert reported(to_jsonld, body) == [("The bridge will reopen in May", "Ana Ruiz")]


def test_the_object_of_a_preposition_and_a_title_cut_by_a_possessive(to_jsonld: Convert) -> None:
    body = (
        "The Minister of State for Fisheries and Farmers\u2019 Welfare Ana Ruiz spoke on Monday.\n"
        "Asked about the forced removal of Fishermen, the Minister said the law was clear.\n"
    )
    assert reported(to_jsonld, body) == [("the law was clear", "Ana Ruiz")]


def test_a_long_title_between_a_body_and_its_person(to_jsonld: Convert) -> None:
    body = (
        "Green Alliance Party leader and Opposition MP Professor Lena Park agreed, but said "
        "the budget was too small.\n"
        "Justice Mary Banda, the head of the commission said the count was credible.\n"
    )
    assert reported(to_jsonld, body) == [
        ("the budget was too small", "Lena Park"),
        ("the count was credible", "Mary Banda"),
    ]


def test_an_acronym_of_a_french_name_is_the_body(to_jsonld: Convert) -> None:
    body = "Doctors Without Borders (MSF) runs the clinic. MSF said the roof had collapsed.\n"
    assert reported(to_jsonld, body) == [("the roof had collapsed", "Doctors Without Borders")]


def test_the_recipient_of_told_is_not_the_speaker(to_jsonld: Convert) -> None:
    body = "Ana Silva told Reuters that the company would cut 500 jobs.\n"
    assert reported(to_jsonld, body) == [("the company would cut 500 jobs", "Ana Silva")]


def test_a_clause_ending_in_a_colon_gives_its_subject(to_jsonld: Convert) -> None:
    body = 'The singer Kim Tran reacted on Twitter: "I am heartbroken and cannot believe it."\n'
    assert direct(to_jsonld, body) == ["Kim Tran"]


def test_a_paragraph_ending_in_a_colon_introduces_the_next(to_jsonld: Convert) -> None:
    body = (
        "Health Minister Ana Costa visited the hospital. The minister said:\n"
        '"We will not back down from this fight."\n'
    )
    assert direct(to_jsonld, body) == ["Ana Costa"]


# ---------------------------------------------------------------- 2. organisations and documents


def test_a_statement_speaks_for_its_owner(to_jsonld: Convert) -> None:
    body = (
        "The Ministry of Health issued a warning on Monday.\n"
        '"Residents should stay indoors until further notice," read the ministry\'s statement.\n'
    )
    assert direct(to_jsonld, body) == ["Ministry of Health"]


def test_a_report_speaks_for_its_publisher(to_jsonld: Convert) -> None:
    body = (
        "The report, published by Amnesty International on Tuesday, said the prisoners had "
        "been tortured.\n"
    )
    assert reported(to_jsonld, body) == [
        ("the prisoners had been tortured", "Amnesty International")
    ]


def test_a_statement_released_by_an_organisation(to_jsonld: Convert) -> None:
    body = (
        "On Friday, the Joint Task Force released a statement saying the attack had caused "
        "no casualties.\n"
    )
    assert reported(to_jsonld, body) == [
        ("the attack had caused no casualties", "Joint Task Force")
    ]


def test_it_after_an_organisation(to_jsonld: Convert) -> None:
    body = (
        "The Federal Emergency Management Agency said the storm had weakened. "
        "It warned that flooding would continue for days.\n"
    )
    assert [s for _, s in reported(to_jsonld, body)] == [
        "Federal Emergency Management Agency",
        "Federal Emergency Management Agency",
    ]


def test_an_institution_identified_by_a_place_is_named(to_jsonld: Convert) -> None:
    body = "The Paris prosecutor's office said the suspect had been charged.\n"
    assert reported(to_jsonld, body) == [
        ("the suspect had been charged", "Paris prosecutor's office")
    ]


def test_a_bare_group_noun_points_back_to_the_named_one(to_jsonld: Convert) -> None:
    body = (
        "London's Metropolitan Police said a man had been arrested.\n"
        '"He is being held at a central London police station," police said.\n'
    )
    assert direct(to_jsonld, body) == ["Metropolitan Police"]


def test_an_acronym_is_the_organisation_spelled_out_before(to_jsonld: Convert) -> None:
    body = (
        "The Movement for Democratic Change accused the government of fraud. "
        "The MDC said the count had been rigged.\n"
    )
    assert reported(to_jsonld, body)[-1] == (
        "the count had been rigged",
        "Movement for Democratic Change",
    )


# ---------------------------------------------------------------- 3. speech frames


@pytest.mark.parametrize(
    "body",
    [
        'The opposition leader, Mark Stone, accused the government of "lying to the people '
        'about the cost."\n',
        'Mark Stone described the agreement as "a historic step toward lasting peace."\n',
        'Mark Stone dismissed the claims as "complete fabrication with no basis in fact."\n',
        'Mark Stone referred to the plan as "a recipe for disaster in the long run."\n',
    ],
)
def test_judging_frames_give_the_quote_to_their_subject(to_jsonld: Convert, body: str) -> None:
    assert direct(to_jsonld, body) == ["Mark Stone"]


def test_a_quote_with_no_attribution_is_kept_without_a_speaker(to_jsonld: Convert) -> None:
    body = 'Residents were angry.\n"Nobody told us anything about the water," one sign read.\n'
    doc = to_jsonld(body)
    assert said(doc) == [("Nobody told us anything about the water,", None)]


def test_a_term_in_quotation_marks_is_not_a_quote(to_jsonld: Convert) -> None:
    body = 'The army launched what it dubbed a "special security operation" in the north.\n'
    assert said(to_jsonld(body)) == []


def test_a_dash_attribution(to_jsonld: Convert) -> None:
    body = '"We lost everything in the flood and nobody came" — Maria Santos, a shop owner.\n'
    assert direct(to_jsonld, body) == ["Maria Santos"]


# ---------------------------------------------------------------- 4. according to, per


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        (
            "According to Mexican President Carlos Ruiz, the crossings will reopen next week.\n",
            "the crossings will reopen next week",
            "Carlos Ruiz",
        ),
        (
            "The crossings will reopen next week, according to Mexican President Carlos Ruiz.\n",
            "The crossings will reopen next week",
            "Carlos Ruiz",
        ),
        (
            "Prices rose by 4 percent last year, according to data from the National "
            "Statistics Office.\n",
            "Prices rose by 4 percent last year",
            "National Statistics Office",
        ),
        (
            "Unemployment fell to 3.9 percent, per figures released by the Labor Department.\n",
            "Unemployment fell to 3.9 percent",
            "Labor Department",
        ),
        (
            "According to the mayor's spokesperson, Ruth Adams, the bridge will stay closed.\n",
            "the bridge will stay closed",
            "Ruth Adams",
        ),
    ],
)
def test_according_to_and_per(to_jsonld: Convert, body: str, text: str, speaker: str) -> None:
    assert reported(to_jsonld, body) == [(text, speaker)]


# ---------------------------------------------------------------- 5. unnamed sources


@pytest.mark.parametrize(
    "body",
    [
        '"There is no deal on the table," a State Department spokesman said.\n',
        '"There is no deal on the table," one resident said.\n',
        '"There is no deal on the table," US officials said.\n',
        'A source within the central Interior Ministry said: "There is no deal on the table."\n',
    ],
)
def test_unnamed_sources_give_no_speaker(to_jsonld: Convert, body: str) -> None:
    doc = to_jsonld("The talks began on Monday.\n" + body)
    assert said(doc) == [("There is no deal on the table" + ("." if ":" in body else ","), None)]
    assert said(doc, "indirect") == []


def test_unnamed_officials_report_no_speech(to_jsonld: Convert) -> None:
    body = "US officials said the talks had stalled. Witnesses said the blast was huge.\n"
    assert reported(to_jsonld, body) == []


def test_a_named_force_stays_named(to_jsonld: Convert) -> None:
    body = "Kenyan police said the suspects had been arrested near the border.\n"
    assert reported(to_jsonld, body) == [
        ("the suspects had been arrested near the border", "Kenyan police")
    ]


def test_she_after_an_unnamed_spokeswoman_is_unnamed(to_jsonld: Convert) -> None:
    body = (
        "Prime Minister Tom Hale met union leaders on Monday.\n"
        "A government spokeswoman made no comment on the talks.\n"
        '"The offer remains on the table and we expect an answer soon," she said.\n'
    )
    assert direct(to_jsonld, body) == [None]


# ---------------------------------------------------------------- 6. pronouns and continuation


def test_a_pronoun_after_a_quote_whose_speaker_came_after_it(to_jsonld: Convert) -> None:
    body = (
        '"We have seen nothing like this before," said Dr. Helen Park, an epidemiologist. '
        "She told the station that hospitals were overwhelmed.\n"
    )
    assert reported(to_jsonld, body) == [("hospitals were overwhelmed", "Helen Park")]


def test_a_pronoun_never_points_into_its_own_lead_phrase(to_jsonld: Convert) -> None:
    body = (
        "Nelson Okoro is a spokesman for the opposition.\n"
        'Speaking with reporter Peter Lang, he said, "The government has run out of ideas."\n'
    )
    assert direct(to_jsonld, body) == ["Nelson Okoro"]


def test_a_quote_paragraph_after_reported_speech_continues_it(to_jsonld: Convert) -> None:
    body = (
        "Mayor Tom Reyes said the plan would fail.\n"
        '"It is a disaster waiting to happen and everyone knows it."\n'
    )
    assert direct(to_jsonld, body) == ["Tom Reyes"]


# ---------------------------------------------------------------- 7. reported speech


def test_adding_and_saying_give_the_same_speaker_a_claim_each(to_jsonld: Convert) -> None:
    body = (
        "Mayor John Miles said the city would rebuild, adding that insurance would cover "
        "most of the damage.\n"
    )
    assert reported(to_jsonld, body) == [
        ("the city would rebuild", "John Miles"),
        ("insurance would cover most of the damage", "John Miles"),
    ]


def test_the_channel_is_not_the_source(to_jsonld: Convert) -> None:
    body = (
        "The US Embassy issued a notice on Monday. The shipment was seized at the port, "
        "the embassy said, according to Reuters.\n"
    )
    assert [s for _, s in reported(to_jsonld, body)] == ["US Embassy"]


def test_a_that_clause_which_is_a_quotation_is_both(to_jsonld: Convert) -> None:
    body = 'Mayor John Miles added that "the city will be stronger than before."\n'
    doc = to_jsonld(body)
    assert said(doc) == [("the city will be stronger than before.", "John Miles")]
    assert [s for _, s in said(doc, "indirect")] == ["John Miles"]


def test_a_source_after_the_clause_with_an_apposition(to_jsonld: Convert) -> None:
    body = (
        "Those at the back were pushed towards the doors, Ravi Das, deputy chief of police "
        "in the district, said.\n"
    )
    assert reported(to_jsonld, body) == [
        ("Those at the back were pushed towards the doors", "Ravi Das")
    ]


def test_a_refusal_to_comment_reports_nothing(to_jsonld: Convert) -> None:
    body = "Reporters asked Mayor John Miles about the fire, but he declined to comment.\n"
    assert reported(to_jsonld, body) == []


def test_a_coordinated_subject_with_unnamed_others(to_jsonld: Convert) -> None:
    body = "Joe Biden and others in his party warned the delay could be a threat to security.\n"
    assert reported(to_jsonld, body) == [("the delay could be a threat to security", "Joe Biden")]


def test_the_government_of_the_country_the_sentence_is_about(to_jsonld: Convert) -> None:
    body = (
        "Japan decided on Friday to widen its sanctions on the regime to include more "
        "banks, the government announced.\n"
    )
    assert [s for _, s in reported(to_jsonld, body)] == ["Japanese government"]


def test_a_description_stands_for_the_person_just_quoted(to_jsonld: Convert) -> None:
    body = (
        '"We lost the house and the car," said Maria Santos.\n'
        '"Now we start again from nothing," the 45-year-old said.\n'
    )
    assert direct(to_jsonld, body) == ["Maria Santos", "Maria Santos"]


def test_an_attribution_cut_off_by_the_quote_s_full_stop(to_jsonld: Convert) -> None:
    body = '"We will win the vote and we will win it well." Mayor Ana Ruiz said on Monday.\n'
    assert direct(to_jsonld, body) == ["Ana Ruiz"]


def test_a_sentence_of_its_own_after_a_quote_does_not_attribute_it(to_jsonld: Convert) -> None:
    body = '"We will win the vote and win it well." Mayor Ana Ruiz said the count was close.\n'
    assert direct(to_jsonld, body) == [None]


def test_a_quote_paragraph_belongs_to_the_previous_speaker(to_jsonld: Convert) -> None:
    body = (
        '"The water came up to the roof in an hour," said farmer Ana Ruiz.\n'
        "Her family has worked the land for three generations.\n"
        '"We have nothing left to plant and nothing left to sell."\n'
    )
    assert direct(to_jsonld, body) == ["Ana Ruiz", "Ana Ruiz"]


def test_someone_else_made_the_subject_ends_the_previous_speaker(to_jsonld: Convert) -> None:
    body = (
        '"The water came up to the roof in an hour," said farmer Ana Ruiz.\n'
        "Governor Tom Hale visited the valley on Tuesday.\n"
        '"We have nothing left to plant and nothing left to sell."\n'
    )
    assert direct(to_jsonld, body) == ["Ana Ruiz", None]


def test_a_sentence_about_a_person_introduces_the_quote_after_it(to_jsonld: Convert) -> None:
    body = (
        "Councillor Rita Obi was unmoved on Tuesday. "
        '"The library stays open, whatever the budget says."\n'
        "Police arrested Tom Hale in March. "
        '"This is a matter for the courts and for nobody else."\n'
    )
    assert direct(to_jsonld, body) == ["Rita Obi", None]


def test_a_noun_of_speech_gives_the_quote_to_its_owner(to_jsonld: Convert) -> None:
    body = 'Senator Jane Hill repeated her warning that "the bridge will not survive the winter."\n'
    assert direct(to_jsonld, body) == ["Jane Hill"]


@pytest.mark.parametrize(
    "body",
    [
        'Judge Carl Burns said it "sent a chill through all of us," according to the Tribune.\n',
        'Judge Carl Burns said it "sent a chill through all of us," the Tribune reported.\n',
    ],
)
def test_a_channel_after_an_introduced_quote_is_not_its_source(
    to_jsonld: Convert, body: str
) -> None:
    assert direct(to_jsonld, body) == ["Carl Burns"]


def test_a_participle_after_a_quote_does_not_attribute_it(to_jsonld: Convert) -> None:
    body = (
        'Minister Ana Ruiz explained that "the text was adopted as it stood," '
        "pointing out the vote.\n"
    )
    assert direct(to_jsonld, body) == ["Ana Ruiz"]


def test_a_participle_opening_the_sentence_speaks_for_the_main_subject(
    to_jsonld: Convert,
) -> None:
    body = (
        "Noting that the islands belong to the country, Ren Guoqiang said the ship had "
        "violated its waters.\n"
    )
    assert reported(to_jsonld, body) == [
        ("the islands belong to the country", "Ren Guoqiang"),
        ("the ship had violated its waters", "Ren Guoqiang"),
    ]


def test_a_surname_that_is_also_a_word(to_jsonld: Convert) -> None:
    body = (
        "Magistrate Gary Still refused bail on Monday.\n"
        '"We are talking about a knife and we are talking about murder," Mr Still said.\n'
    )
    assert direct(to_jsonld, body) == ["Gary Still"]


def test_a_verb_coordinated_inside_a_relative_clause(to_jsonld: Convert) -> None:
    body = (
        "He was led out by guards, watched by relatives, who began sobbing and called out "
        '"we will always love you" from the gallery.\n'
    )
    assert direct(to_jsonld, body) == [None]


def test_a_channel_reporting_a_sourced_clause_adds_no_claim(to_jsonld: Convert) -> None:
    body = "The ship sank near the coast, said the Coast Guard of Peru, the BBC reports.\n"
    assert [s for _, s in reported(to_jsonld, body)] == ["Coast Guard of Peru"]


def test_a_title_points_to_the_person_who_holds_it(to_jsonld: Convert) -> None:
    body = (
        "Deputy Commissioner Ravi Das presented the losses on Sunday. According to the deputy "
        "commissioner, shops worth millions were damaged.\n"
    )
    assert reported(to_jsonld, body) == [("shops worth millions were damaged", "Ravi Das")]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Foreign Minister Ivan Petrov spoke after the talks. "
            '"We are ready for dialogue," the Russian minister told reporters.\n',
            "Ivan Petrov",
        ),
        (
            "Prime Minister Ali Shah chaired the meeting. "
            'The premier said: "Terrorism will be rooted out."\n',
            "Ali Shah",
        ),
        ('"It is a dark day," said the group\'s director, Agnes Moreau.\n', "Agnes Moreau"),
        ('"It is a tragedy," said one of the rescuers, Ali Khan.\n', "Ali Khan"),
        ('Kerr, speaking in Delaware, said: "We will not abandon our allies."\n', "Kerr"),
        (
            "The Executive director of the Hope Society, Bob Hughes, told the paper: "
            '"The payments made it worse."\n',
            "Bob Hughes",
        ),
    ],
)
def test_titles_appositions_and_lone_names(to_jsonld: Convert, body: str, speaker: str) -> None:
    assert direct(to_jsonld, body) == [speaker]


def test_a_group_capitalised_only_as_the_first_word_is_unnamed(to_jsonld: Convert) -> None:
    body = "Local media reported that at least 10 people were killed.\n"
    assert reported(to_jsonld, body) == []


def test_a_force_identified_by_its_country_is_named(to_jsonld: Convert) -> None:
    body = "Ukraine's air force said it had destroyed 30 of the 35 drones.\n"
    assert [s for _, s in reported(to_jsonld, body)] == ["Ukraine's air force"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('"We were not good enough," admitted Liverpool captain Tom Hale.\n', "Tom Hale"),
        ('"We will rebuild," vowed the mayor of the town, Juan Perez.\n', "Juan Perez"),
        ('Writing on Facebook, the mayor, Juan Perez, said: "We will rebuild."\n', "Juan Perez"),
    ],
)
def test_doubled_verb_forms_and_phrases_before_a_name(
    to_jsonld: Convert, body: str, speaker: str
) -> None:
    assert direct(to_jsonld, body) == [speaker]


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (
            "Costa, however, cautioned that the vaccine supply remained limited.\n",
            "the vaccine supply remained limited",
        ),
        (
            "The attack, Hale said, was planned weeks in advance.\n",
            "The attack, Hale said, was planned weeks in advance",
        ),
        (
            "The attack was planned weeks in advance, according to Hale.\n",
            "The attack was planned weeks in advance",
        ),
    ],
)
def test_asides_and_lone_surnames(to_jsonld: Convert, body: str, text: str) -> None:
    assert [t for t, _ in reported(to_jsonld, body)] == [text]


def test_a_second_verb_between_quotes_gives_the_second_its_own_speaker(
    to_jsonld: Convert,
) -> None:
    body = '"We must talk," Olaf Berg said, before Emil Roux added: "And we must act."\n'
    assert direct(to_jsonld, body) == ["Olaf Berg", "Emil Roux"]


def test_coordinated_names_give_the_first(to_jsonld: Convert) -> None:
    body = 'Olaf Berg and Emil Roux said in a statement: "We must talk and act now."\n'
    assert direct(to_jsonld, body) == ["Olaf Berg"]


# ---------------------------------------------------------------- fresh articles, round 3


def test_a_quote_opened_straight_and_closed_curly_is_one_quotation(to_jsonld: Convert) -> None:
    body = (
        "The coach spoke after the match.\n"
        '"We lost the toss. We lost the game. We go again,” Ruth Carter said.\n'
    )
    assert direct(to_jsonld, body) == ["Ruth Carter"]


def test_a_quote_closed_with_two_apostrophes(to_jsonld: Convert) -> None:
    body = "\"The figures look fine in every respect,'' said Omar Haddad, an analyst in Leeds.\n"
    assert said(to_jsonld(body)) == [("The figures look fine in every respect,", "Omar Haddad")]


def test_a_party_name_before_a_role_is_no_person(to_jsonld: Convert) -> None:
    body = (
        "Cllr Nora Byrne raised the matter at the meeting.\n"
        "The Green Party councillor added that staff numbers were “at their lowest in years.”\n"
    )
    assert direct(to_jsonld, body) == ["Nora Byrne"]
    assert reported(to_jsonld, body)[0][1] == "Nora Byrne"


def test_a_definite_description_renames_the_speaker_just_quoted(to_jsonld: Convert) -> None:
    body = (
        '"The bridge will reopen in May," Transport Secretary Alan Price told reporters.\n'
        '"We have found the money for it," the senior cabinet spokesman said.\n'
    )
    assert direct(to_jsonld, body) == ["Alan Price", "Alan Price"]


def test_an_unnamed_spokesman_described_again_stays_unnamed(to_jsonld: Convert) -> None:
    body = (
        'A government spokesman said: "The talks are over."\n'
        '"We will not return to them," the spokesman said.\n'
    )
    assert direct(to_jsonld, body) == [None, None]


def test_a_paragraph_naming_a_speaker_introduces_the_quote_after_it(to_jsonld: Convert) -> None:
    body = (
        "Reached by telephone, farmer Joseph Mwangi describes the flood.\n"
        '"The water came at night. We lost everything in an hour."\n'
    )
    assert direct(to_jsonld, body) == ["Joseph Mwangi"]


def test_a_name_spelled_out_before_its_acronym_is_an_organisation(to_jsonld: Convert) -> None:
    body = (
        "The port was closed, said the Board of Coastal Pilots (BCP).\n"
        '"Ships will wait offshore until the storm passes," the BCP said.\n'
    )
    assert reported(to_jsonld, body) == [("The port was closed", "Board of Coastal Pilots")]
    assert direct(to_jsonld, body) == ["Board of Coastal Pilots"]


def test_the_title_without_its_deputy_is_the_principal(to_jsonld: Convert) -> None:
    body = (
        "Central Bank Governor Amal Sayed said rates would hold.\n"
        "Deputy Governor Tom Reyes said growth was strong.\n"
        "The Governor said it was too early to cut rates.\n"
    )
    assert reported(to_jsonld, body)[-1] == ("it was too early to cut rates", "Amal Sayed")


def test_a_modified_role_picks_the_person_whose_title_it_is(to_jsonld: Convert) -> None:
    body = (
        "Interior Minister Carla Diaz and Finance Minister Hugo Rossi met the press.\n"
        "The interior minister said that the roads would be cleared by Friday.\n"
    )
    assert reported(to_jsonld, body) == [("the roads would be cleared by Friday", "Carla Diaz")]


def test_a_lone_family_name_written_first_is_the_person(to_jsonld: Convert) -> None:
    body = (
        "Foreign ministry spokesman Zhao Minghui spoke on Monday.\n"
        "The visit will go ahead, Zhao said.\n"
    )
    assert reported(to_jsonld, body) == [("The visit will go ahead", "Zhao Minghui")]


def test_a_named_outlet_after_its_kind_is_the_source(to_jsonld: Convert) -> None:
    body = "The strike ended overnight, according to Lagos-based site Harbour Times.\n"
    assert reported(to_jsonld, body) == [("The strike ended overnight", "Harbour Times")]


def test_a_relative_clause_gap_is_no_reported_speech(to_jsonld: Convert) -> None:
    body = "Ochieng rejected the result he claims was rigged in the capital.\n"
    assert reported(to_jsonld, body) == []


def test_places_set_off_by_commas_before_a_postposed_verb(to_jsonld: Convert) -> None:
    body = (
        "The clinic will stay open over the holidays in Kota Bharu, Kelantan, "
        "said minister Dr Lee Wen.\n"
    )
    assert reported(to_jsonld, body)[0][1] == "Lee Wen"


def test_a_spokesman_for_rebels_is_not_the_leader_they_fight(to_jsonld: Convert) -> None:
    body = (
        "A spokesman for rebels fighting to overthrow President Paul Dabo rejected the claims.\n"
        '"Our fighters hold the town," he said.\n'
    )
    assert direct(to_jsonld, body) == [None]


def test_an_initialism_does_not_end_the_reported_clause(to_jsonld: Convert) -> None:
    body = "Tehran said that some 35 U.S. bases in the region were within reach.\n"
    assert reported(to_jsonld, body) == [
        ("some 35 U.S. bases in the region were within reach", "Iran")
    ]


def test_a_second_speech_act_ends_the_clause(to_jsonld: Convert) -> None:
    body = "Anna Petrova said that the border was calm and called on both sides to stop.\n"
    assert reported(to_jsonld, body) == [("the border was calm", "Anna Petrova")]


def test_a_postposed_source_with_a_clause_of_time_after_it(to_jsonld: Convert) -> None:
    body = (
        "Hard work won the final, said captain Ravi Menon in Dhaka on Sunday, "
        "after his side beat Nepal by four wickets.\n"
    )
    assert reported(to_jsonld, body) == [("Hard work won the final", "Ravi Menon")]


def test_a_description_by_what_someone_does_renames_the_speaker(to_jsonld: Convert) -> None:
    body = (
        "Captain Ravi Menon praised his bowlers after the match.\n"
        "The young batsman also said he had called his coach before the game.\n"
    )
    assert reported(to_jsonld, body)[-1][1] == "Ravi Menon"


def test_a_body_identified_by_the_place_it_serves_is_named(to_jsonld: Convert) -> None:
    body = (
        "Fire authorities in New South Wales say they warned residents to leave early.\n"
        "Police in Kano said that the curfew would be lifted on Monday.\n"
    )
    assert [speaker for _, speaker in reported(to_jsonld, body)] == [
        "Fire authorities in New South Wales",
        "Police in Kano",
    ]


def test_a_speech_noun_before_of_is_no_verb(to_jsonld: Convert) -> None:
    body = "The flood reached the border of the twin states of Lagos and Ogun, Amaka Obi said.\n"
    assert [speaker for _, speaker in reported(to_jsonld, body)] == ["Amaka Obi"]


def test_a_body_of_a_country_told_by_a_place_after_it(to_jsonld: Convert) -> None:
    body = (
        "Floods cut the main road north, the transport ministry in the landlocked Malian "
        "republic said on Monday.\n"
        '"Repairs will take at least three weeks," the ministry said in a statement.\n'
    )
    assert reported(to_jsonld, body)[0][1] == "Malian transport ministry"
    assert direct(to_jsonld, body) == ["Malian transport ministry"]


def test_an_apposition_left_open_before_the_verb(to_jsonld: Convert) -> None:
    body = (
        '"The count went on to the end", Sara Okafor, head of the observer mission of '
        "the Sahel Council said.\n"
    )
    assert direct(to_jsonld, body) == ["Sara Okafor"]


def test_an_outlet_named_after_its_kind_is_called_by_that_kind_again(
    to_jsonld: Convert,
) -> None:
    body = (
        "Earlier the news portal Lanka Daily Mirror reported that the cabinet would resign.\n"
        '"The cabinet is ready to go," the portal said after the meeting.\n'
    )
    assert direct(to_jsonld, body) == ["Lanka Daily Mirror"]


def test_a_named_force_is_the_force_and_the_police_again(to_jsonld: Convert) -> None:
    body = (
        "Greater Dorset Police seized the boxes on Wednesday.\n"
        '"Officers found the drugs under a layer of foam," the force said.\n'
        'A statement from the police said: "Two men have been arrested in Poole."\n'
    )
    assert direct(to_jsonld, body) == ["Greater Dorset Police", "Greater Dorset Police"]


def test_a_role_of_a_body_is_an_unnamed_person_not_the_body(to_jsonld: Convert) -> None:
    body = 'The programme manager for the Lunar Gateway said that "the crew is ready to fly."\n'
    assert direct(to_jsonld, body) == [None]


def test_a_body_named_by_its_acronym_after_a_description(to_jsonld: Convert) -> None:
    body = (
        "The national disaster and emergency management agency (NDEA) said 29 people "
        "died in the two provinces.\n"
    )
    assert reported(to_jsonld, body) == [("29 people died in the two provinces", "NDEA")]


def test_a_participle_without_a_comma_ends_the_clause(to_jsonld: Convert) -> None:
    body = "Aoife Byrne said the arrest was politically motivated arguing it was a stunt.\n"
    assert reported(to_jsonld, body) == [
        ("the arrest was politically motivated", "Aoife Byrne"),
        ("it was a stunt", "Aoife Byrne"),
    ]


def test_a_role_word_after_a_given_name_is_a_surname(to_jsonld: Convert) -> None:
    body = "Foreign Minister Julia Bishop said that the list held eight names.\n"
    assert reported(to_jsonld, body) == [("the list held eight names", "Julia Bishop")]


def test_the_speakers_own_predicate_and_a_channel_are_not_in_the_clause(
    to_jsonld: Convert,
) -> None:
    body = (
        "Julia Bishop said that the list held eight names, but did not name them, "
        "The Clarion, a daily newspaper, reported.\n"
    )
    assert reported(to_jsonld, body) == [("the list held eight names", "Julia Bishop")]


def test_a_role_of_a_named_thing_is_a_new_unnamed_person(to_jsonld: Convert) -> None:
    body = (
        "Captain Rosa Diaz spoke first.\n"
        'The flight director of the Orion capsule said that "the crew will launch on time."\n'
    )
    assert direct(to_jsonld, body) == [None]


def test_a_body_of_places_told_one_after_another(to_jsonld: Convert) -> None:
    body = "Police in the Scottish Borders in Britain today said three men were arrested.\n"
    assert reported(to_jsonld, body) == [
        ("three men were arrested", "Police in the Scottish Borders in Britain")
    ]


def test_a_quote_opened_with_two_apostrophes(to_jsonld: Convert) -> None:
    body = (
        "The observers called the vote fair. ''This means most polling stations were open\", "
        "Ana Costa said.\n"
    )
    assert said(to_jsonld(body)) == [("This means most polling stations were open", "Ana Costa")]


@pytest.mark.parametrize(
    ("body", "company"),
    [
        (
            'Shares of Halden Motors fell sharply.\n"We expect a better year," the company said.\n',
            "Halden Motors",
        ),
        (
            'Halden Technologies reported a loss.\n"We expect a better year," the firm said.\n',
            "Halden Technologies",
        ),
    ],
)
def test_the_company_points_back_to_the_company_named(
    to_jsonld: Convert, body: str, company: str
) -> None:
    assert direct(to_jsonld, body) == [company]


def test_an_insertion_between_dashes(to_jsonld: Convert) -> None:
    body = 'Tom Hart — who has led the group since 2010 — said: "We will appeal the ruling."\n'
    assert direct(to_jsonld, body) == ["Tom Hart"]


def test_a_participle_after_an_adjunct_belongs_to_the_main_subject(to_jsonld: Convert) -> None:
    body = "Deputy Leader Ana Reis resigned earlier in the week stating she could not stay on.\n"
    assert reported(to_jsonld, body) == [("she could not stay on", "Ana Reis")]


def test_commenting_on_a_topic_is_no_reported_speech(to_jsonld: Convert) -> None:
    body = "Li Wei spoke when commenting on the ship's entry into the bay, which is closed.\n"
    assert reported(to_jsonld, body) == []


def test_a_capitalised_title_opening_a_sentence_renames_the_person(to_jsonld: Convert) -> None:
    body = (
        "On Friday, Kwame Mensah, a member of the budget committee, condemned the arrest.\n"
        "The Ho West Member of Parliament appealed to the police to release the reporter.\n"
        'He added: "If there is a case, he can answer it in court after the holiday."\n'
    )
    assert direct(to_jsonld, body) == ["Kwame Mensah"]


def test_a_known_organisations_name_can_end_a_personal_name(to_jsonld: Convert) -> None:
    body = (
        "Former mayor Michael Bloomberg announced a gift to the university.\n"
        "Bloomberg said he expects the money to cut student debt.\n"
        '"We reward people for their work, not their wealth," he said in a statement.\n'
    )
    assert direct(to_jsonld, body) == ["Michael Bloomberg"]


def test_a_body_after_a_title_and_to_is_part_of_the_title(to_jsonld: Convert) -> None:
    body = (
        '"Teams have been sent to the highlands," Chief Secretary to Government Peter Kila '
        "said in a statement.\n"
        '"The army has been mobilised to help," the statement said.\n'
    )
    assert direct(to_jsonld, body) == ["Peter Kila", "Peter Kila"]


def test_an_organisation_named_with_to_and_a_place_modifier(to_jsonld: Convert) -> None:
    body = (
        "The U.S.-based Committee to Protect Reporters issued a statement, saying that "
        '"the region remains a dangerous place for journalists."\n'
    )
    assert direct(to_jsonld, body) == ["Committee to Protect Reporters"]


def test_a_dotted_initialism_spells_its_acronym(to_jsonld: Convert) -> None:
    body = (
        "The U.S. Geological Survey (USGS) said the quake was shallow.\n"
        '"Heavy damage is likely in the valley," the USGS said.\n'
    )
    assert direct(to_jsonld, body) == ["U.S. Geological Survey"]


def test_an_official_of_a_countrys_body_is_unnamed(to_jsonld: Convert) -> None:
    body = (
        '"The rocket exploded in the first stage," the deputy director general of '
        "Norland's National Space Administration said.\n"
    )
    assert direct(to_jsonld, body) == [None]


def test_a_quote_inside_a_reported_clause_before_a_participle(to_jsonld: Convert) -> None:
    body = (
        'President Ana Silva says the country "will now begin cutting off" aid to the '
        'region, saying its governments were "not able to do the job."\n'
    )
    assert direct(to_jsonld, body)[0] == "Ana Silva"


def test_a_named_station_is_a_source(to_jsonld: Convert) -> None:
    body = (
        "The state-funded Radio Zeta television station says two of its reporters "
        "may have been detained by soldiers.\n"
    )
    assert reported(to_jsonld, body) == [
        (
            "two of its reporters may have been detained by soldiers",
            "Radio Zeta television station",
        )
    ]


def test_a_name_in_apposition_to_one_of_a_group(to_jsonld: Convert) -> None:
    body = (
        "One of the lawyers handling the case, Mira Patel of the Civil Rights Fund, said "
        "the ruling was a relief to her clients.\n"
    )
    assert reported(to_jsonld, body) == [("the ruling was a relief to her clients", "Mira Patel")]


def test_a_contracted_clause_after_a_day(to_jsonld: Convert) -> None:
    body = "Former mayor Tom Reyes announced Sunday he's giving $2 million to the school.\n"
    assert reported(to_jsonld, body) == [("he's giving $2 million to the school", "Tom Reyes")]


def test_a_region_named_by_a_compass_word_is_a_place(to_jsonld: Convert) -> None:
    body = (
        "Authorities in Nyala, South Darfur's largest city, say the workers were caught "
        "in the crossfire.\n"
    )
    assert reported(to_jsonld, body) == [
        ("the workers were caught in the crossfire", "Authorities in Nyala")
    ]


def test_a_name_with_a_joined_arabic_article_is_one_person(to_jsonld: Convert) -> None:
    body = (
        "Information Minister Karim al-Hashimi spoke to reporters on Sunday.\n"
        '"Our media is a media of confrontation," al-Hashimi said.\n'
        '"We will not bow to pressure," Hashimi said.\n'
    )
    assert direct(to_jsonld, body) == ["Karim al-Hashimi", "Karim al-Hashimi"]


def test_a_participle_with_a_quote_after_a_long_object(to_jsonld: Convert) -> None:
    body = (
        "Ambassador Lena Voss addressed the difficulty of bringing the sides to the table "
        'saying, "It is the other government that has rejected talks."\n'
    )
    assert direct(to_jsonld, body) == ["Lena Voss"]


@pytest.mark.parametrize(
    "body",
    [
        "The NCA earlier Saturday announced that a man was in custody.\n",
        "Governor Lara Quist on Friday said that a man was in custody.\n",
    ],
)
def test_a_day_between_subject_and_verb(to_jsonld: Convert, body: str) -> None:
    assert [clause for clause, _ in reported(to_jsonld, body)] == ["a man was in custody"]
