"""docs/document.md lists every key the schema (and every built-in claim type) defines."""

from __future__ import annotations

from pathlib import Path

from newsld import Converter
from newsld.schema import document_schema

PAGE = (Path(__file__).resolve().parents[2] / "docs" / "document.md").read_text(encoding="utf-8")


def test_every_schema_key_is_documented(converter: Converter) -> None:
    schema = document_schema(converter.registry.claim_types.values())
    keys = set(schema["properties"])
    for part in ("entity", "claim", "agent", "evidence", "quantity"):
        keys |= set(schema["$defs"][part]["properties"])
    for claim_type in converter.registry.claim_types.values():
        keys |= set(claim_type.properties)
    missing = sorted(k for k in keys if f"`{k}`" not in PAGE)
    assert missing == [], f"docs/document.md does not describe {missing}"
