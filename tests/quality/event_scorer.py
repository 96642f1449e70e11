"""Accuracy of sanction and casualty claims against the gold of tests/data/gold.

Matching follows the gold's conventions: a sanction pairs with a gold event
when they share a target, or when both the authority and the target country
agree; a casualty claim pairs with a gold figure when its killed or injured
bounds are equal. Pairs are made one to one, best first; each gold field
present is then checked on its pair.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.quality.scorer import names_agree

Bounds = tuple[int | None, int | None]


@dataclass
class EventScore:
    """Pairs, misses, extras and right fields for one claim type over many articles."""

    paired: int = 0
    missed: int = 0
    extra: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def f1(self) -> float:
        """F1 of finding the events."""
        if not self.paired:
            return 0.0
        precision = self.paired / (self.paired + self.extra)
        recall = self.paired / (self.paired + self.missed)
        return 2 * precision * recall / (precision + recall)

    def accuracy(self, name: str) -> float:
        """Share of paired events whose field `name` is right (1.0 when never checked)."""
        right, total = self.fields.get(name, [0, 0])
        return right / total if total else 1.0

    def check(self, name: str, ok: bool, detail: str) -> None:
        """Count one field check."""
        tally = self.fields.setdefault(name, [0, 0])
        tally[0] += ok
        tally[1] += 1
        if not ok:
            self.misses.append(f"{name}: {detail}")


def _entities(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["@id"]: e for e in document.get("mentions", [])}


def _names(claim: dict[str, Any], key: str, entities: dict[str, dict[str, Any]]) -> list[str]:
    value = claim.get(key)
    refs = value if isinstance(value, list) else [value] if value else []
    names: list[str] = []
    for ref in refs:
        entity = entities.get(ref["@id"] if isinstance(ref, dict) else ref, {})
        names += [entity.get("name", ""), *entity.get("alternateName", [])]
    return [n for n in names if n]


def _bounds(value: Any) -> Bounds | None:
    if value is None:
        return None
    if isinstance(value, list):
        return (value[0], value[1])
    return (value.get("minValue"), value.get("maxValue"))


def _pair(
    gold: list[dict[str, Any]],
    got: list[dict[str, Any]],
    similarity: Callable[[dict[str, Any], dict[str, Any]], float],
    threshold: float,
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[dict[str, Any]], int]:
    """One-to-one pairs, best first; the unpaired gold; how many predictions are unpaired."""
    ranked = sorted(
        ((similarity(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(got)),
        key=lambda t: -t[0],
    )
    used_gold: set[int] = set()
    used_got: set[int] = set()
    pairs = []
    for value, gi, pi in ranked:
        if value >= threshold and gi not in used_gold and pi not in used_got:
            used_gold.add(gi)
            used_got.add(pi)
            pairs.append((gold[gi], got[pi]))
    missed = [g for i, g in enumerate(gold) if i not in used_gold]
    return pairs, missed, len(got) - len(used_got)


def score_sanctions(gold: dict[str, Any], document: dict[str, Any], score: EventScore) -> None:
    """Pair one article's sanction claims with its gold events and add to `score`."""
    entities = _entities(document)
    got = [c for c in document.get("hasPart", []) if c.get("claimType") == "sanction"]

    def similarity(g: dict[str, Any], p: dict[str, Any]) -> float:
        targets = sum(names_agree(t, _names(p, "targets", entities)) for t in g.get("targets", []))
        authority = any(names_agree(a, _names(p, "authority", entities)) for a in g["authority"])
        country = names_agree(g.get("targetCountry", ""), _names(p, "targetCountry", entities))
        return targets + (0.5 if authority and country else 0.0)

    pairs, missed, extra = _pair(gold.get("sanctions", []), got, similarity, 0.5)
    score.paired, score.extra = score.paired + len(pairs), score.extra + extra
    score.missed += len(missed)
    score.misses += [f"missed sanction {g}" for g in missed]
    for g, p in pairs:
        authority = _names(p, "authority", entities)
        score.check("authority", all(names_agree(a, authority) for a in g["authority"]), p["text"])
        if g.get("targets"):
            targets = _names(p, "targets", entities)
            found = all(names_agree(t, targets) for t in g["targets"])
            score.check("targets", found, p["text"])
        if g.get("targetCountry"):
            countries = _names(p, "targetCountry", entities)
            score.check("targetCountry", names_agree(g["targetCountry"], countries), p["text"])
        score.check("action", p.get("action") == g.get("action"), p["text"])
        if g.get("date"):
            score.check("date", p.get("date") == g["date"], p["text"])


def score_casualties(gold: dict[str, Any], document: dict[str, Any], score: EventScore) -> None:
    """Pair one article's casualty claims with its gold figures and add to `score`."""
    entities = _entities(document)
    got = [c for c in document.get("hasPart", []) if c.get("claimType") == "casualty"]

    def similarity(g: dict[str, Any], p: dict[str, Any]) -> float:
        return sum(
            1.0
            for key in ("killed", "injured")
            if g.get(key) is not None and _bounds(g[key]) == _bounds(p.get(key))
        )

    pairs, missed, extra = _pair(gold.get("casualties", []), got, similarity, 1.0)
    score.paired, score.extra = score.paired + len(pairs), score.extra + extra
    score.missed += len(missed)
    score.misses += [f"missed casualty {g}" for g in missed]
    for g, p in pairs:
        for key in ("killed", "injured"):
            if g.get(key) is not None:
                score.check(key, _bounds(g[key]) == _bounds(p.get(key)), p["text"])
        if g.get("date"):
            score.check("date", p.get("date") == g["date"], p["text"])
        if g.get("location"):
            place = _names(p, "location", entities)
            score.check("location", names_agree(g["location"], place), p["text"])
