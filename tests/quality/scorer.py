"""Accuracy of newsld's JSON-LD against the hand-made gold of tests/data/gold.

Reads a document the way DESIGN.md lays it out: claims are nodes with a
`claimType`; a speaker is an `{"@id": ...}` reference (or a bare @id) into
the entity nodes of `mentions`. Quotes are paired one to one, best overlap
first: a direct quote pairs at a token Dice of 0.6, reported speech at 0.4 (its
clause boundaries vary). A speaker is right when the gold name and one of the
entity's names agree on the whole name or on the last word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

PAIRING = {"direct": 0.6, "indirect": 0.4}
_MARKS = str.maketrans({c: " " for c in "“”„‟‘’‚‛«»\"'`"})
_TOKEN = re.compile(r"[a-z0-9]+")
_TITLES = frozenset({"the", "mr", "mrs", "ms", "dr", "sir", "president", "prime", "minister"})


def words(text: str) -> list[str]:
    """Lower-case word tokens, marks and accents' compatibility forms normalised."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).translate(_MARKS).lower())


def overlap(a: str, b: str) -> float:
    """Token Dice coefficient of two texts."""
    left, right = Counter(words(a)), Counter(words(b))
    total = sum(left.values()) + sum(right.values())
    return 2 * sum((left & right).values()) / total if total else 0.0


def names_agree(gold: str, names: list[str]) -> bool:
    """Whether a gold name matches any predicted name (whole, contained, or by last word)."""
    want = [w for w in words(gold) if w not in _TITLES]
    for name in names:
        got = [w for w in words(name) if w not in _TITLES]
        if (
            want
            and got
            and (
                got[-1] == want[-1]
                or " ".join(want) in " ".join(got)
                or " ".join(got) in " ".join(want)
            )
        ):
            return True
    return False


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


@dataclass
class Quote:
    """A quote read from a document: kind, text and the speaker's names."""

    kind: str
    text: str
    speaker_names: list[str]


def read_quotes(document: dict[str, Any]) -> list[Quote]:
    """The quote claims of a JSON-LD document with their speakers' names."""
    entities: dict[str, dict[str, Any]] = {}
    for node in _walk(document):
        if isinstance(node.get("@id"), str) and "name" in node:
            entities.setdefault(node["@id"], {}).update(node)
    found = []
    for node in _walk(document):
        if node.get("claimType") != "quote":
            continue
        ref = node.get("spokenByCharacter") or node.get("author")
        refs = ref if isinstance(ref, list) else [ref] if ref else []
        names: list[str] = []
        for item in refs:
            key = item.get("@id") if isinstance(item, dict) else item
            entity = entities.get(key, {"name": key} if isinstance(key, str) else {})
            alternates = entity.get("alternateName", [])
            more = alternates if isinstance(alternates, list) else [alternates]
            names += [entity.get("name", ""), *more]
        found.append(
            Quote(node.get("quoteKind", "direct"), node.get("text", ""), [n for n in names if n])
        )
    return found


@dataclass
class Score:
    """Counts for one kind of quote over many articles."""

    paired: int = 0
    missed: int = 0
    extra: int = 0
    right_speaker: int = 0
    misses: list[str] = field(default_factory=list)

    def f1(self, strict: bool = False) -> float:
        """F1 of detection; strict counts a pair with the wrong speaker as a miss and an extra."""
        hit = self.right_speaker if strict else self.paired
        wrong = self.paired - hit
        precision_base, recall_base = hit + self.extra + wrong, hit + self.missed + wrong
        if not hit:
            return 0.0
        precision, recall = hit / precision_base, hit / recall_base
        return 2 * precision * recall / (precision + recall)

    @property
    def attribution(self) -> float:
        """Share of paired quotes whose speaker is right."""
        return self.right_speaker / self.paired if self.paired else 0.0


def score_article(gold: dict[str, Any], document: dict[str, Any], kind: str, score: Score) -> None:
    """Pair one article's quotes of one kind with its gold and add to `score`."""
    wanted = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == kind]
    got = [q for q in read_quotes(document) if q.kind == kind]
    pairs = sorted(
        (
            (overlap(g["text"], p.text), gi, pi)
            for gi, g in enumerate(wanted)
            for pi, p in enumerate(got)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for value, gi, pi in pairs:
        if value < PAIRING[kind] or gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        score.paired += 1
        speaker = wanted[gi].get("speaker")
        names = got[pi].speaker_names
        if names_agree(speaker, names) if speaker else not names:
            score.right_speaker += 1
        else:
            score.misses.append(f"speaker {speaker!r} got {names[:1]}: {wanted[gi]['text'][:60]!r}")
    score.missed += len(wanted) - len(used_gold)
    score.extra += len(got) - len(used_pred)
    score.misses += [
        f"missed {wanted[i]['text'][:60]!r}" for i in range(len(wanted)) if i not in used_gold
    ]
    score.misses += [f"extra {got[i].text[:60]!r}" for i in range(len(got)) if i not in used_pred]
