"""Every hookspec is documented in docs/plugins, and every documented hook exists."""

from __future__ import annotations

import inspect
import re
import types
from pathlib import Path

from newsld import hookspecs, load_plugins

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


def test_every_documented_hook_says_since_which_release() -> None:
    page = (DOCS / "hooks.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", page, flags=re.M)[1:]
    for section in sections:
        name = section.split("(", 1)[0]
        assert re.search(r"Since \d+\.\d+\.", section), name
        assert "```python" in section, f"{name} has no example"


def test_every_register_example_loads_as_a_plugin() -> None:
    page = (DOCS / "hooks.md").read_text(encoding="utf-8")
    for section in re.split(r"^### ", page, flags=re.M)[1:]:
        name = section.split("(", 1)[0]
        if name == "register_commands":
            continue
        module = types.ModuleType(f"example_{name}")
        exec(section.split("```python\n", 1)[1].split("```", 1)[0], module.__dict__)
        loaded = load_plugins(third_party=False, extra=[(module.__name__, module)])
        assert loaded.errors == [], name
        assert loaded.registry.registered_by(module.__name__), f"{name} registers nothing"
