"""Fixtures of the hostile-input suite (helpers are in `support`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

from newsld import plugins as plugin_manager
from newsld.cli import build_app
from newsld.plugins import LOAD_PLUGINS_ENV, default_plugins
from tests.hostile.support import EntryPoint


@pytest.fixture
def cli() -> Callable[..., Any]:
    """`newsld` in-process as the console script builds it: plugin commands (embed, check)
    included, from the plugins installed when it runs. A traceback fails the test."""
    runner = CliRunner()

    def run(*args: str, input: bytes | str | None = None) -> Any:
        app = build_app(default_plugins())
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture
def install(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Make modules (or callables that import them) look installed to the CLI."""

    def run(**modules: ModuleType | Callable[[], ModuleType]) -> None:
        points = [EntryPoint(name, target) for name, target in modules.items()]
        monkeypatch.setattr(plugin_manager, "_entry_points", lambda: points)
        monkeypatch.delenv(LOAD_PLUGINS_ENV, raising=False)
        default_plugins.cache_clear()

    yield run
    default_plugins.cache_clear()
