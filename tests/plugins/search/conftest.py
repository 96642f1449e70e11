"""Fixtures for the search plugin: a CLI with its commands, the schema.org checker, sample pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from newsld.testing.conformance import SchemaOrg
from newsld_plugins.search import register_commands

DATA = Path(__file__).resolve().parents[2] / "data"
VOCAB = DATA / "vocab"


@pytest.fixture(scope="session")
def schema_org() -> SchemaOrg:
    return SchemaOrg.load(
        VOCAB / "schemaorg-30.0-current-https.jsonld", VOCAB / "schemaorg-30.0-context.jsonld"
    )


def _app() -> typer.Typer:
    # A fresh app, so registering the plugin's commands leaves `newsld.cli.app` as it is.
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.callback()
    def root() -> None:
        """Test root."""

    register_commands(app)
    return app


@pytest.fixture
def search_cli() -> Callable[..., Any]:
    """Run `newsld embed` / `newsld check` in-process; returns the click Result."""
    runner = CliRunner()
    app = _app()

    def run(*args: str, input: bytes | str | None = None) -> Any:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run
