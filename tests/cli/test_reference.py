"""docs/cli.md is the commands' own --help: regenerate it when a command changes."""

from __future__ import annotations

from pathlib import Path

from newsld.cli.reference import render

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_cli_reference_matches_the_commands() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert page == render(), "run: python -m newsld.cli.reference > docs/cli.md"
