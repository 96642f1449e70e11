"""Hypothesis strategies for whole documents, loaded with `runpy.run_path`.

Any text (control characters, right-to-left, astral planes), any JSON value in
a claim type's keys, entity references, counts: what the exporters must write
and read back exactly. Ids and keys are XML-legal text: the XML exporter
writes them as attributes (documented: an illegal character there becomes U+FFFD).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

from newsld import Article, Author, Claim, ClaimType, Document, Entity, Evidence, Ref

_CLAIM_KEYS = {"@type", "@id", "claimType", "text", "evidence", "confidence", "extractor"}
_ENTITY_KEYS = {"@type", "@id", "name", "alternateName", "jobTitle", "affiliation"}

texts = st.text(max_size=40)
names = st.text(min_size=1, max_size=40)
legal = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=20,
)
dates = st.dates().map(lambda d: d.isoformat()).filter(lambda d: len(d) == 10)
refs = legal.map(Ref)
counts = st.fixed_dictionaries(
    {"@type": st.just("QuantitativeValue")},
    optional={"minValue": st.integers(0, 10**6), "maxValue": st.integers(0, 10**6)},
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | texts
    | st.floats(allow_nan=False, allow_infinity=False)
)
json_values = st.recursive(
    scalars | refs | counts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)
property_keys = st.text(min_size=1, max_size=20).filter(
    lambda k: k not in _CLAIM_KEYS | _ENTITY_KEYS
)


@st.composite
def documents(draw: st.DrawFn, claim_types: Mapping[str, ClaimType]) -> Document:
    """A document with random text, entities and claims of the registered claim types."""
    body = draw(st.text(max_size=200))
    spans = st.tuples(st.integers(0, len(body)), st.integers(0, len(body))).map(
        lambda pair: Evidence(min(pair), max(pair))
    )
    article = Article(
        body=body,
        headline=draw(st.none() | texts),
        date_published=draw(st.none() | dates),
        authors=draw(
            st.lists(
                st.builds(Author, names, st.sampled_from(["Person", "Organization"])), max_size=2
            )
        ),
        publisher=draw(st.none() | names),
        url=draw(st.none() | names),
        image=draw(st.lists(texts, max_size=2)),
        language=draw(st.none() | texts),
        description=draw(st.none() | texts),
    )
    entities = draw(st.lists(_entities(), max_size=3, unique_by=lambda e: e.id))
    type_names = sorted(claim_types)
    claims = draw(st.lists(_claims(type_names, claim_types, spans), max_size=4))
    for number, claim in enumerate(claims, 1):
        claim.id = f"urn:x#claim-{number}"
    warnings = draw(st.lists(texts, max_size=2))
    return Document("urn:x#article", article, claims, entities, warnings)


def _entities() -> st.SearchStrategy[Entity]:
    return st.builds(
        Entity,
        id=legal,
        type=st.sampled_from(["Person", "Organization", "Country", "Place"]),
        name=names,
        alternate_names=st.lists(texts, max_size=2),
        job_title=st.none() | texts,
        affiliation=st.none() | refs,
        # The schema allows these two extra keys on an entity.
        extra=st.fixed_dictionaries(
            {}, optional={"url": texts, "sameAs": st.lists(texts, max_size=2)}
        ),
    )


def _claims(
    names: list[str], claim_types: Mapping[str, ClaimType], spans: st.SearchStrategy[Evidence]
) -> st.SearchStrategy[Claim]:
    def build(
        name: str, text: str, evidence: list[Evidence], confidence: float, props: Any
    ) -> Claim:
        return Claim(
            name, text, evidence, confidence, "generated", props, claim_types[name].schema_type
        )

    return st.builds(
        build,
        st.sampled_from(names),
        texts,
        st.lists(spans, min_size=1, max_size=3),
        st.floats(0, 1),
        st.dictionaries(property_keys, json_values, max_size=4),
    )
