"""Every hookspec is documented in docs/plugins, and every documented hook exists."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from newsld import hookspecs

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plugins"


def specs() -> set[str]:
    return {
        name
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, "newsld_spec")
    }


def documented() -> set[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))
    return set(re.findall(r"^### (\w+)\(", text, flags=re.M))


def test_every_hookspec_is_documented() -> None:
    assert specs() - documented() == set()


def test_every_documented_hook_exists() -> None:
    assert documented() - specs() == set()


def test_every_hookspec_says_what_it_does() -> None:
    for name in specs():
        doc = inspect.getdoc(getattr(hookspecs, name)) or ""
        assert "Runs" in doc and "Returns" in doc, name
