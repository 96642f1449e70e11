"""`newsld plugins`, `newsld schema`, `newsld validate`, `--version`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsld import __version__


def test_version(cli: Callable[..., Any]) -> None:
    result = cli("--version")
    assert result.stdout == f"newsld {__version__}\n"


def test_plugins_all_lists_the_builtins_and_what_they_register(cli: Callable[..., Any]) -> None:
    result = cli("plugins", "--all")
    assert result.exit_code == 0
    assert "newsld_plugins.text_reader" in result.stdout
    assert "readers: text" in result.stdout
    assert "exporters: jsonld" in result.stdout


def test_plugins_json(cli: Callable[..., Any]) -> None:
    rows = json.loads(cli("plugins", "--all", "--json").stdout)["plugins"]
    reader = next(r for r in rows if r["name"] == "newsld_plugins.text_reader")
    assert reader["builtin"] is True
    assert reader["hooks"] == ["register_readers"]
    assert reader["registers"] == {"readers": ["text"]}


def test_schema_is_json_schema_2020_12(cli: Callable[..., Any]) -> None:
    schema = json.loads(cli("schema").stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "claim" in schema["$defs"]


def test_schema_context(cli: Callable[..., Any]) -> None:
    context = json.loads(cli("schema", "--context").stdout)["@context"]
    assert context["nld"] == "https://w3id.org/newsld/ns#"


def test_validate_accepts_what_convert_writes(
    cli: Callable[..., Any], seed_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "seed.jsonld"
    assert cli("convert", str(seed_path), "-o", str(target)).exit_code == 0
    result = cli("validate", str(target))
    assert result.exit_code == 0
    assert result.stdout == f"{target}: valid\n"


def test_validate_names_the_pointer_of_a_hand_broken_document(
    cli: Callable[..., Any], seed_path: Path, tmp_path: Path
) -> None:
    document = json.loads(cli("convert", str(seed_path)).stdout)
    document["hasPart"] = [{"@type": "Claim", "claimType": "quote", "text": "x"}]
    document["wordCount"] = -1
    target = tmp_path / "broken.jsonld"
    target.write_text(json.dumps(document))
    result = cli("validate", str(target))
    assert result.exit_code == 1
    assert f"{target}: invalid at /wordCount: -1 is less than the minimum of 0" in result.stderr
    assert f"{target}: invalid at /hasPart/0: '@id' is a required property" in result.stderr


def test_validate_reports_a_file_that_is_not_json(cli: Callable[..., Any], tmp_path: Path) -> None:
    target = tmp_path / "x.jsonld"
    target.write_text("{not json")
    result = cli("validate", str(target))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{target}:1: not JSON")
