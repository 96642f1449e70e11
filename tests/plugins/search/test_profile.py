"""The search profile: schema.org terms only, each in its domain, nothing invented."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsld import Article, Author, Claim, Document, Entity, Evidence, Ref
from newsld.testing.conformance import SchemaOrg, check_conformance
from newsld_plugins.search.profile import search_jsonld

PAGE = Path(__file__).resolve().parents[2] / "data" / "pages"


def document(**fields: Any) -> Document:
    leavitt = Entity(
        "#person-leavitt", "Person", "Karoline Leavitt", ["Leavitt"], "Press Secretary"
    )
    kremlin = Entity("#org-kremlin", "Organization", "Kremlin")
    russia = Entity("#country-russia", "Country", "Russia")
    claims = [
        Claim("quote", "not completely off the table", [Evidence(0, 4)], 0.9, "quotes",
              {"quoteKind": "direct", "spokenByCharacter": leavitt.ref}, "Quotation", "#c1"),
        Claim("quote", "talks are pointless", [Evidence(0, 4)], 0.9, "quotes",
              {"quoteKind": "direct", "spokenByCharacter": Ref(russia.id)}, "Quotation", "#c2"),
        Claim("quote", "the sanctions would fail", [Evidence(0, 4)], 0.9, "quotes",
              {"quoteKind": "indirect", "author": kremlin.ref}, "Claim", "#c3"),
    ]  # fmt: skip
    article = Article(
        body="Body text.\n",
        headline="White House says meeting 'not completely off the table'",
        date_published="2025-10-23T14:05:00",
        date_modified="2025-10-23T16:00:00-04:00",
        authors=[Author("Ana Núñez"), Author("ana  núñez"), Author("The Example Times")],
        publisher="The Example Times",
        url="https://example.com/news/meeting",
        image=["https://example.com/a.jpg", "https://example.com/a.jpg"],
        language="en",
    )
    for key, value in fields.items():
        setattr(article, key, value)
    return Document("https://example.com/news/meeting#article", article, claims,
                    [leavitt, kremlin, russia])  # fmt: skip


def test_the_profile_has_what_google_reads(schema_org: SchemaOrg) -> None:
    node = search_jsonld(document())
    assert node["@context"] == "https://schema.org"
    assert node["mainEntityOfPage"] == {
        "@type": "WebPage",
        "@id": "https://example.com/news/meeting",
    }
    assert node["image"] == ["https://example.com/a.jpg"]
    assert node["publisher"] == {"@type": "Organization", "name": "The Example Times"}
    assert "articleBody" not in node and "mentions" not in node
    assert check_conformance(json.loads(json.dumps(node)), schema_org) == []


def test_dates_are_kept_as_given_and_no_timezone_is_invented() -> None:
    node = search_jsonld(document())
    assert node["datePublished"] == "2025-10-23T14:05:00"
    assert node["dateModified"] == "2025-10-23T16:00:00-04:00"


def test_one_author_entry_per_person_and_the_outlet_as_an_organization() -> None:
    node = search_jsonld(document())
    assert node["author"] == [
        {"@type": "Person", "name": "Ana Núñez"},
        {"@type": "Organization", "name": "The Example Times"},
    ]


def test_direct_quotes_become_quotation_parts_with_a_valid_speaker() -> None:
    parts = search_jsonld(document())["hasPart"]
    assert parts == [
        {
            "@type": "Quotation",
            "text": "not completely off the table",
            "spokenByCharacter": {
                "@type": "Person",
                "name": "Karoline Leavitt",
                "jobTitle": "Press Secretary",
            },
        },
        # A country is not a Person or Organization: the quote stays, the speaker does not.
        {"@type": "Quotation", "text": "talks are pointless"},
    ]


def test_without_a_url_there_is_no_page_to_point_at(schema_org: SchemaOrg) -> None:
    node = search_jsonld(document(url=None, image=[], authors=[]))
    assert not {"@id", "url", "mainEntityOfPage", "image", "author"} & set(node)
    assert check_conformance(json.loads(json.dumps(node)), schema_org) == []


def test_the_jsonld_search_exporter_writes_the_profile(cli: Any) -> None:
    page = PAGE / "naeb-13723b4dc09fdcd3a4c47d650db62b17.html"
    result = cli("convert", str(page), "--to", "jsonld-search", "--only", "")
    assert result.exit_code == 0
    node = json.loads(result.stdout)
    assert node["@context"] == "https://schema.org" and node["@type"] == "NewsArticle"
    assert node["headline"].startswith("Is Florida State leaving the ACC?")
    assert node["datePublished"] == "2023-12-22T12:13:03+00:00"
    bender = {"@type": "Person", "name": "Bill Bender"}
    assert node["author"] == [
        {**bender, "url": "https://www.sportingnews.com/us/author/bill-bender"}
    ]
    assert "articleBody" not in node and "evidence" not in json.dumps(node)
