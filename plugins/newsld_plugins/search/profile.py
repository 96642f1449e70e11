"""The `search` profile of the JSON-LD: what search engines read, and nothing they would flag.

Only schema.org terms, each on a type in its domain: the `NewsArticle` with
`headline`, `image`, `datePublished` / `dateModified` exactly as the source
gives them (a timezone is never invented), one `author` node per person,
`publisher`, `mainEntityOfPage`, and the direct quotes as `Quotation` parts
whose speaker is a `Person` or `Organization`. No `articleBody`, offsets,
confidences or newsld terms. See docs/search-engines.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from newsld.model import Author, Claim, Document, Entity, Ref
from newsld.registry import ClaimType
from newsld_plugins.jsonld_exporter import JsonLdWriter

__all__ = ["SPEAKER_TYPES", "SearchJsonLdWriter", "search_jsonld"]

SCHEMA_ORG = "https://schema.org"
#: Types `spokenByCharacter` accepts (schema.org range: Person, Organization and its kinds).
SPEAKER_TYPES = frozenset(
    {
        "Person",
        "Organization",
        "GovernmentOrganization",
        "NGO",
        "Corporation",
        "NewsMediaOrganization",
        "PoliticalParty",
        "EducationalOrganization",
        "SportsOrganization",
    }
)


def search_jsonld(
    document: Document, claim_types: Mapping[str, ClaimType] | None = None
) -> dict[str, Any]:
    """The document as the search profile: a schema.org-only `NewsArticle` node."""
    article = document.article
    node: dict[str, Any] = {"@context": SCHEMA_ORG, "@type": "NewsArticle"}
    if article.url:
        node["@id"] = document.id
        node["mainEntityOfPage"] = {"@type": "WebPage", "@id": article.url}
        node["url"] = article.url
    optional: dict[str, Any] = {
        "headline": article.headline,
        "description": article.description,
        "image": list(dict.fromkeys(article.image)) or None,
        "datePublished": article.date_published,
        "dateModified": article.date_modified,
        "inLanguage": article.language,
        "author": [_agent(a, article.publisher) for a in _unique(article.authors)] or None,
        "publisher": {"@type": "Organization", "name": article.publisher}
        if article.publisher
        else None,
        "hasPart": list(_quotations(document, claim_types or {})) or None,
    }
    node.update((key, value) for key, value in optional.items() if value)
    return node


def _unique(authors: list[Author]) -> Iterator[Author]:
    """Each author once (a byline and the metadata often name the same person twice)."""
    seen: set[str] = set()
    for author in authors:
        key = " ".join(author.name.split()).casefold()
        if key and key not in seen:
            seen.add(key)
            yield author


def _agent(author: Author, publisher: str | None) -> dict[str, Any]:
    kind = author.type if author.type in SPEAKER_TYPES else "Person"
    # "By The Citizen": the outlet credited as the author is an organisation, not a person.
    if publisher and author.name.casefold() == publisher.casefold():
        kind = "Organization"
    agent: dict[str, Any] = {"@type": kind, "name": " ".join(author.name.split())}
    if author.url:
        agent["url"] = author.url
    return agent


def _quotations(
    document: Document, claim_types: Mapping[str, ClaimType]
) -> Iterator[dict[str, Any]]:
    for claim in document.claims:
        if _schema_type(claim, claim_types) != "Quotation" or not claim.text.strip():
            continue
        part: dict[str, Any] = {"@type": "Quotation", "text": claim.text}
        speaker = _speaker(document, claim.properties.get("spokenByCharacter"))
        if speaker is not None:
            part["spokenByCharacter"] = speaker
        created = claim.properties.get("dateCreated")
        if isinstance(created, str) and created:
            part["dateCreated"] = created
        yield part


def _schema_type(claim: Claim, claim_types: Mapping[str, ClaimType]) -> str:
    registered = claim_types.get(claim.claim_type)
    return claim.schema_type or (registered.schema_type if registered else "")


def _speaker(document: Document, value: Any) -> dict[str, Any] | None:
    """The speaker inlined as a Person or Organization node (other kinds are left out)."""
    if isinstance(value, dict) and isinstance(value.get("@id"), str):
        value = Ref(value["@id"])
    entity: Entity | None = document.entity(value) if isinstance(value, Ref | str) else None
    if entity is None or entity.type not in SPEAKER_TYPES:
        return None
    node: dict[str, Any] = {"@type": entity.type, "name": entity.name}
    if entity.type == "Person" and entity.job_title:
        node["jobTitle"] = entity.job_title
    return node


class SearchJsonLdWriter(JsonLdWriter):
    """The `jsonld-search` exporter: one document pretty-printed, several as JSON Lines."""

    def node(self, document: Document) -> dict[str, Any]:
        """The document in the search profile."""
        return search_jsonld(document, self.options.claim_types)
