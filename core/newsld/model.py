"""The document model: an Article, the Entities it mentions and the Claims it makes.

Readers build an `Article`; extractors yield `Claim`s that point at `Entity`s by
`Ref`; the pipeline gathers them into a `Document`, which `newsld.jsonld` turns
into the JSON-LD of DESIGN.md ("The document").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsld.registry import ClaimType

__all__ = ["Article", "Author", "Claim", "Document", "Entity", "Evidence", "Ref", "slug"]


@dataclass(frozen=True, order=True)
class Evidence:
    """A span of `articleBody` a claim rests on: character offsets, end exclusive."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad evidence span {self.start}..{self.end}")


@dataclass(frozen=True)
class Ref:
    """A reference to an entity by its `@id`."""

    id: str


@dataclass
class Author:
    """A person or organisation credited with the article."""

    name: str
    type: str = "Person"
    url: str | None = None


@dataclass
class Article:
    """What a reader found: metadata and the body text every offset points into."""

    body: str
    headline: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    authors: list[Author] = field(default_factory=list)
    publisher: str | None = None
    url: str | None = None
    image: list[str] = field(default_factory=list)
    language: str | None = None
    description: str | None = None
    #: Tags and keywords the source gives (`keywords`).
    keywords: list[str] = field(default_factory=list)
    #: Paragraph spans in `body`, when the reader knows them; else derived.
    paragraphs: list[Evidence] = field(default_factory=list)
    #: Where the article came from (a path, `<stdin>`), for messages.
    source: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        """Words in the body, counted as runs of letters or digits."""
        return _count_words(self.body)


# (`\w\w*`, not `\w+`: a pattern opening with one character class is scanned in C.)
_WORD = re.compile(r"\w\w*(?:['’]\w+)*")


@lru_cache(maxsize=4)
def _count_words(body: str) -> int:
    """The words of a body, counted once however often the document is written."""
    return len(_WORD.findall(body))


@dataclass
class Entity:
    """A person, organisation, country or place, with every name it goes by."""

    id: str
    type: str
    name: str
    alternate_names: list[str] = field(default_factory=list)
    job_title: str | None = None
    affiliation: Ref | None = None
    #: Extra schema.org properties (e.g. `url`, `sameAs`) passed through as given.
    extra: dict[str, Any] = field(default_factory=dict)

    def add_name(self, name: str) -> None:
        """Record another name for this entity (kept once, in order seen)."""
        if name and name != self.name and name not in self.alternate_names:
            self.alternate_names.append(name)

    @property
    def ref(self) -> Ref:
        """A reference to this entity."""
        return Ref(self.id)


@dataclass
class Claim:
    """One thing the article states, with the evidence it rests on.

    `properties` holds the claim type's own fields by their JSON-LD key
    (`spokenByCharacter`, `killed`, `authority`...): plain JSON values, `Ref`s
    to entities, or lists of them.
    """

    claim_type: str
    text: str
    evidence: list[Evidence]
    confidence: float = 0.5
    extractor: str = ""
    properties: dict[str, Any] = field(default_factory=dict)
    #: The schema.org type of the node; filled from the claim-type registry when empty.
    schema_type: str = ""
    id: str = ""

    def refs(self) -> Iterator[Ref]:
        """Every entity reference among the properties."""
        stack: list[Any] = list(self.properties.values())
        while stack:
            value = stack.pop()
            if isinstance(value, Ref):
                yield value
            elif isinstance(value, list | tuple):
                stack.extend(value)
            elif isinstance(value, dict):
                stack.extend(value.values())

    @property
    def first_offset(self) -> int:
        """Where the claim's earliest evidence starts (claims are numbered in this order)."""
        return min((e.start for e in self.evidence), default=0)


@dataclass
class Document:
    """A NewsArticle with its claims and the entities they point to."""

    id: str
    article: Article
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Plugin failures met while building it (an extractor that raised...): not
    #: part of the JSON-LD, but they make `newsld convert` exit non-zero.
    errors: list[str] = field(default_factory=list)
    #: The traceback behind an error, by its message (shown by `newsld convert -v`).
    details: dict[str, str] = field(default_factory=dict)
    #: Read back from newsld's own format: its warnings were told when it was made.
    restored: bool = False

    def to_jsonld(self, claim_types: Mapping[str, ClaimType] | None = None) -> dict[str, Any]:
        """The document as JSON-LD (a dict), with the context of `claim_types` (by default
        those of the installed plugins)."""
        from newsld.jsonld import to_jsonld  # the model is below the modules that write it

        if claim_types is None:
            from newsld.plugins import default_plugins

            claim_types = default_plugins().registry.claim_types
        return to_jsonld(self, claim_types)

    def entity(self, ref: Ref | str) -> Entity | None:
        """The entity a reference points to, if the document has it."""
        wanted = ref.id if isinstance(ref, Ref) else ref
        return next((e for e in self.entities if e.id == wanted), None)


def slug(text: str) -> str:
    """A lowercase ASCII slug for ids: `Olha Stefanishyna` → `olha-stefanishyna`."""
    # Names recur from article to article ("United States"): short ones are remembered.
    return _remembered_slug(text) if len(text) <= _REMEMBERED else _slug(text)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_REMEMBERED = 80  # longest name kept, so the cache stays small whatever the input


@lru_cache(maxsize=4096)
def _remembered_slug(text: str) -> str:
    return _slug(text)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-") or "x"
