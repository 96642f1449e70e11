"""The quality gate for sanctions and casualties: accuracy on the gold may not fall below floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsld import Converter, ReadOptions
from tests.quality.event_scorer import EventScore, score_casualties, score_sanctions

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold"

# Floors pinned at what the extractors reach on tests/data/gold. Raise them when a
# change does better; lowering one needs a reason in the change that does it.
FLOORS = {
    ("sanctions", "f1"): 1.0,
    ("sanctions", "authority"): 1.0,
    ("sanctions", "targets"): 1.0,
    ("sanctions", "targetCountry"): 1.0,
    ("sanctions", "action"): 1.0,
    ("sanctions", "date"): 1.0,
    ("casualties", "f1"): 1.0,
    ("casualties", "killed"): 1.0,
    ("casualties", "injured"): 1.0,
    ("casualties", "date"): 1.0,
    ("casualties", "location"): 1.0,
}


@pytest.fixture(scope="module")
def scores() -> dict[str, EventScore]:
    converter = Converter()
    totals = {"sanctions": EventScore(), "casualties": EventScore()}
    for path in sorted(GOLD.glob("*.txt")):
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        document = converter.to_jsonld(converter.convert(path.read_bytes(), ReadOptions(str(path))))
        score_sanctions(gold, document, totals["sanctions"])
        score_casualties(gold, document, totals["casualties"])
    return totals


def test_gold_has_events_to_score(scores: dict[str, EventScore]) -> None:
    assert scores["sanctions"].paired + scores["sanctions"].missed >= 4
    assert scores["casualties"].paired + scores["casualties"].missed >= 16


@pytest.mark.parametrize(("kind", "metric"), sorted(FLOORS))
def test_event_accuracy_stays_above_its_floor(
    scores: dict[str, EventScore], kind: str, metric: str
) -> None:
    score = scores[kind]
    value = score.f1() if metric == "f1" else score.accuracy(metric)
    assert value >= FLOORS[(kind, metric)], "\n".join(score.misses)
