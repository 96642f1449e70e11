"""Text every exporter can write: no lone surrogates.

A page's JSON-LD, a document read back or a plugin can give a string holding
`\\ud800`, half of a surrogate pair, which no UTF-8 encoder writes: every
writer would fail on it. Each one is replaced by U+FFFD, one character for
one, so every evidence offset still points at the same text. (Control
characters stay in the document: JSON escapes them, the XML export escapes
them, and the CSV export replaces them in its cells.)
"""

from __future__ import annotations

import re
from typing import Any

from newsld.model import Article, Claim, Document, Entity, Ref

__all__ = ["clean_article", "clean_document", "clean_findings", "clean_text"]

_UNWRITABLE = re.compile("[\ud800-\udfff]")
_SCALARS = frozenset({int, float, bool, type(None)})


def clean_text(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD (same length)."""
    if _UNWRITABLE.search(text) is None:
        return text
    return _UNWRITABLE.sub("\ufffd", text)


def _clean_value(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value  # numbers, booleans, null: nothing to clean, no instance tests
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(str(k)): _clean_value(v) for k, v in value.items()}
    if isinstance(value, Ref):
        return Ref(clean_text(value.id))
    return value


def _is_clean(value: Any) -> bool:
    """Whether `_clean_value` would give `value` back as it is (no walk that copies)."""
    kind = type(value)
    if kind in _SCALARS:
        return True
    if kind is str:
        return _UNWRITABLE.search(value) is None
    if kind is list:
        return all(_is_clean(v) for v in value)
    if kind is dict:
        return all(type(k) is str and _is_clean(k) and _is_clean(v) for k, v in value.items())
    if kind is Ref:
        return _is_clean(value.id)
    return False  # anything else takes the careful walk


def _optional(text: str | None) -> str | None:
    return None if text is None else clean_text(text)


def _texts(article: Article) -> list[str]:
    """Every text field of an article but its body."""
    texts = [t for t in (article.headline, article.date_published, article.date_modified) if t]
    texts += [t for t in (article.publisher, article.url, article.language) if t]
    texts += [article.description or "", *article.image, *article.warnings, *article.keywords]
    for author in article.authors:
        texts += [author.name, author.type, author.url or ""]
    return texts


def clean_article(article: Article) -> None:
    """Clean every text field of an article, in place (one search when all are clean)."""
    article.body = clean_text(article.body)
    if _UNWRITABLE.search("\n".join(_texts(article))) is None:
        return
    for name in ("headline", "date_published", "date_modified", "publisher", "url"):
        setattr(article, name, _optional(getattr(article, name)))
    article.language = _optional(article.language)
    article.description = _optional(article.description)
    article.image = [clean_text(i) for i in article.image]
    article.keywords = [clean_text(k) for k in article.keywords]
    for author in article.authors:
        author.name, author.type = clean_text(author.name), clean_text(author.type)
        author.url = _optional(author.url)
    article.warnings = [clean_text(w) for w in article.warnings]


def _clean_claim(claim: Claim) -> None:
    claim.text = clean_text(claim.text)
    if not _is_clean(claim.properties):  # most claims: nothing to replace, nothing copied
        claim.properties = _clean_value(claim.properties)
    claim.extractor, claim.schema_type = clean_text(claim.extractor), clean_text(claim.schema_type)
    claim.id = clean_text(claim.id)


def _clean_entity(entity: Entity) -> None:
    entity.id, entity.type, entity.name = map(clean_text, (entity.id, entity.type, entity.name))
    if entity.affiliation is not None:
        entity.affiliation = Ref(clean_text(entity.affiliation.id))
    entity.alternate_names = [clean_text(n) for n in entity.alternate_names]
    entity.job_title = _optional(entity.job_title)
    entity.extra = _clean_value(entity.extra)


def clean_document(document: Document) -> None:
    """Clean the article, claims, entities and warnings of a document, in place."""
    clean_article(document.article)
    clean_findings(document)


def clean_findings(document: Document) -> None:
    """Clean what was found in an article (claims, entities, warnings), in place."""
    document.id = clean_text(document.id)
    for claim in document.claims:
        _clean_claim(claim)
    for entity in document.entities:
        _clean_entity(entity)
    document.warnings = [clean_text(w) for w in document.warnings]
