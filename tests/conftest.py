"""Shared fixtures: the example article, a CLI runner, and a document validator."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsld import Converter, ReadOptions, load_plugins
from newsld.cli import app
from newsld.plugins import LOAD_PLUGINS_ENV, default_plugins
from newsld.schema import document_schema, validate_document, validator_for

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "docs" / "examples" / "seed-trump-putin.txt"


@pytest.fixture(autouse=True, scope="session")
def _builtins_only() -> Iterator[None]:
    """The suite sees the built-ins only, whatever third-party plugins are installed beside.

    Exact outputs (CSV columns, `newsld plugins`) depend on the loaded claim
    types; tests of third-party loading set NEWSLD_LOAD_PLUGINS themselves.
    """
    patch = pytest.MonkeyPatch()
    patch.setenv(LOAD_PLUGINS_ENV, "")
    default_plugins.cache_clear()
    yield
    patch.undo()
    default_plugins.cache_clear()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def converter() -> Converter:
    return Converter(load_plugins(third_party=False))


@pytest.fixture(scope="session")
def to_jsonld(converter: Converter) -> Callable[..., dict[str, Any]]:
    """Convert text (or bytes) to a JSON-LD document, checked against the schema."""
    validator = validator_for(document_schema(converter.registry.claim_types.values()))

    def run(text: str | bytes, **options: Any) -> dict[str, Any]:
        data = text.encode("utf-8") if isinstance(text, str) else text
        source = options.pop("source", "article.txt")
        document = converter.convert(data, ReadOptions(source=source, **options))
        node = converter.to_jsonld(document)
        validate_document(validator, json.loads(json.dumps(node)))
        return node

    return run


@pytest.fixture
def cli() -> Callable[..., Any]:
    """Run `newsld` in-process; returns the click Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def run(*args: str, input: bytes | str | None = None) -> Any:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run
