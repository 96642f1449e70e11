"""JSON as newsld reads documents: standard JSON only, each key once.

Python's `json` accepts `NaN` and `Infinity` (not JSON: a document holding
them is invalid anywhere else) and keeps the last of duplicate keys (so two
readers of one file can see two documents). Both are refused here, with a
message saying where.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["loads"]


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"the key {key!r} appears twice in one object")
        found[key] = value
    return found


def loads(text: str) -> Any:
    """Parse JSON text; ValueError for NaN, infinities and duplicate keys as for bad syntax."""
    return json.loads(text, parse_constant=_constant, object_pairs_hook=_object)
