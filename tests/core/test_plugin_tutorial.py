"""docs/plugins/tutorial-extractor.md: its files make a plugin that does what the page shows."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsld import load_plugins
from newsld import plugins as plugin_manager
from newsld.plugins import LOAD_PLUGINS_ENV, default_plugins
from newsld.testing import run_extractor

PAGE = (Path(__file__).resolve().parents[2] / "docs/plugins/tutorial-extractor.md").read_text(
    encoding="utf-8"
)
SAVED = dict(re.findall(r"Save as\s+`([^`]+)`:\n\n```\w+\n(.*?)```", PAGE, flags=re.S))
SENTENCE = "Firefighters evacuated more than 2,000 people from Lytton on Tuesday."


def tutorial_module() -> ModuleType:
    module = ModuleType("newsld_evacuations")
    exec(SAVED["newsld-evacuations/src/newsld_evacuations/__init__.py"], module.__dict__)
    return module


def shown_after(marker: str) -> str:
    """The indented block that follows a line of the page."""
    block = PAGE.split(marker, 1)[1].split("\n\n")[1]
    return "\n".join(line.removeprefix("    ") for line in block.splitlines()) + "\n"


def test_the_entry_point_names_the_module_the_page_saves() -> None:
    project = tomllib.loads(SAVED["newsld-evacuations/pyproject.toml"])
    assert project["project"]["entry-points"]["newsld"] == {"evacuations": "newsld_evacuations"}
    assert project["project"]["name"] == "newsld-evacuations"


def test_the_claim_is_the_one_the_page_shows() -> None:
    plugins = load_plugins(third_party=False, extra=[("evacuations", tutorial_module())])
    claims = run_extractor("evacuations", SENTENCE + "\n", plugins=plugins)
    shown = json.loads(PAGE.split("```json\n", 1)[1].split("```", 1)[0])
    [claim] = claims
    assert shown["claimType"] == claim.claim_type and shown["text"] == claim.text
    assert shown["evacuated"] == claim.properties["evacuated"]
    assert shown["evidence"] == [{"start": e.start, "end": e.end} for e in claim.evidence]
    assert shown["confidence"] == claim.confidence


def test_newsld_plugins_prints_what_the_page_shows(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Dist:
        name, version = "newsld-evacuations", "0.1.0"

    class EntryPoint:
        name, dist = "evacuations", Dist()

        def load(self) -> ModuleType:
            return tutorial_module()

    monkeypatch.setattr(plugin_manager, "_entry_points", lambda: [EntryPoint()])
    monkeypatch.delenv(LOAD_PLUGINS_ENV)
    default_plugins.cache_clear()
    try:
        assert cli("plugins").stdout == shown_after("    newsld plugins\n\nprints:")
    finally:
        default_plugins.cache_clear()
