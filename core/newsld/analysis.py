"""The shared reading of one article, done once and used by every extractor.

`Analysis` computes each layer (paragraphs, sentences, and the layers later
modules add) on first use and keeps it, so an extractor pays only for what it
reads. `EntityTable` holds the canonical entities that claims point to.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any, TypeVar

from newsld.model import Article, Entity, Ref, slug
from newsld.text.segment import Segment, paragraphs, sentences

__all__ = ["Analysis", "EntityTable"]

T = TypeVar("T")


class EntityTable:
    """Canonical entities of one document, found by any of their names."""

    def __init__(self, base: str) -> None:
        self._base = base
        self._by_id: dict[str, Entity] = {}
        self._by_name: dict[tuple[str, str], Entity] = {}
        self._by_bare_name: dict[str, Entity] = {}

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def latest(self, count: int) -> list[Entity]:
        """The last `count` entities added, oldest first (a reader of new entities only)."""
        newest = list(itertools.islice(reversed(self._by_id.values()), max(count, 0)))
        return newest[::-1]

    def id_for(self, type_: str, name: str) -> str:
        """The `@id` an entity of this type and name gets in this document."""
        return f"{self._base}#{type_.lower()}-{slug(name)}"

    def add(self, type_: str, name: str, **fields: Any) -> Entity:
        """The entity of this type and name, created on first use; `fields` fill gaps."""
        entity = self.find(name, type_)
        if entity is None:
            entity = Entity(id=self.id_for(type_, name), type=type_, name=name)
            self._by_id[entity.id] = entity
            self._by_name[(type_, name.lower())] = entity
            self._by_bare_name.setdefault(name.lower(), entity)
        for key, value in fields.items():
            if value is not None and getattr(entity, key) in (None, [], {}):
                setattr(entity, key, value)
        return entity

    def alias(self, entity: Entity, name: str) -> None:
        """Let `name` find `entity` from now on ("Leavitt" for "Karoline Leavitt")."""
        entity.add_name(name)
        self._by_name.setdefault((entity.type, name.lower()), entity)
        self._by_bare_name.setdefault(name.lower(), entity)

    def find(self, name: str, type_: str | None = None) -> Entity | None:
        """The entity called `name` (of `type_`, when given), by name or alias."""
        key = name.lower()
        if type_ is not None:
            return self._by_name.get((type_, key))
        return self._by_bare_name.get(key)

    def get(self, ref: Ref | str) -> Entity | None:
        """The entity a reference points to."""
        return self._by_id.get(ref.id if isinstance(ref, Ref) else ref)


class Analysis:
    """Layers of analysis of one article, computed on first use."""

    def __init__(self, article: Article, base: str) -> None:
        self.article = article
        self.body = article.body
        self.entities = EntityTable(base)
        #: Notes for the document ("no year: no publication date"), kept once each.
        self.warnings: list[str] = []
        self._layers: dict[str, Any] = {}

    def layer(self, name: str, compute: Callable[[Analysis], T]) -> T:
        """The layer `name`, computed by `compute(self)` on first use and kept.

        Modules that add a layer of analysis (quotations, mentions, dates) do so
        through this, so every extractor shares one computation.
        """
        if name not in self._layers:
            self._layers[name] = compute(self)
        value: T = self._layers[name]
        return value

    def warn(self, message: str) -> None:
        """Add a warning to the document (once)."""
        if message not in self.warnings:
            self.warnings.append(message)

    @cached_property
    def paragraphs(self) -> list[Segment]:
        """The paragraphs of the body, from the reader when it knew them."""
        if self.article.paragraphs:
            return [
                Segment(p.start, p.end, self.body[p.start : p.end]) for p in self.article.paragraphs
            ]
        return paragraphs(self.body)

    @cached_property
    def sentences(self) -> list[Segment]:
        """The sentences of the body, never across paragraphs or inside quotations."""
        # Split within the body's lines; those are the paragraphs when no reader gave any.
        return sentences(self.body, None if self.article.paragraphs else self.paragraphs)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Segment | None:
        """The sentence that holds the character at `offset`."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None
