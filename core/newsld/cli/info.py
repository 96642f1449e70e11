"""`newsld plugins`, `newsld schema` and `newsld validate`."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from newsld import strictjson
from newsld.convert import MAX_INPUT_BYTES
from newsld.errors import InputError
from newsld.inputs import read_input
from newsld.plugins import LOAD_PLUGINS_ENV, PluginInfo, Plugins, default_plugins
from newsld.schema import (
    SchemaError,
    context_terms,
    document_schema,
    errors,
    evidence_faults,
    schemas_dir,
    validator_for,
)


def plugins(
    show_all: bool = typer.Option(False, "--all", help="Include the built-in plugins."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for machines."),
) -> None:
    """List the installed plugins: version, package, hooks and what each registers.

    Built-ins are listed with --all; a plugin that failed to load is listed with
    why. NEWSLD_LOAD_PLUGINS limits which installed plugins load (empty: none),
    --plugins-dir or NEWSLD_PLUGINS_DIR adds a folder of plugin files. Exits 1
    when a plugin failed to load.
    """
    loaded = default_plugins()
    rows = [_plugin_row(info, loaded) for info in loaded.info if show_all or not info.builtin]
    if as_json:
        failed = [{"name": name, "error": why} for name, why in loaded.failed.items()]
        document = {"plugins": rows, "failed": failed, "errors": loaded.errors}
        typer.echo(json.dumps(document, indent=2))
    else:
        for row in rows:
            _print_plugin(row)
        for name, why in loaded.failed.items():
            typer.echo(f"{name} (failed to load: {why})")
        if not rows and not loaded.failed:
            typer.echo(_none_loaded())
    raise typer.Exit(1 if loaded.errors else 0)


def _plugin_row(info: PluginInfo, loaded: Plugins) -> dict[str, Any]:
    return {
        "name": info.name,
        "package": info.package,
        "version": info.version,
        "builtin": info.builtin,
        "path": info.path,
        "hooks": info.hooks(loaded.pm),
        "registers": loaded.registry.registered_by(info.name),
    }


def _none_loaded() -> str:
    limit = os.environ.get(LOAD_PLUGINS_ENV)
    if limit is not None:
        return (
            f"No third-party plugins loaded ({LOAD_PLUGINS_ENV}={limit!r}); "
            "'newsld plugins --all' lists the built-ins."
        )
    return "No third-party plugins installed; 'newsld plugins --all' lists the built-ins."


def _print_plugin(row: dict[str, Any]) -> None:
    origin = "built-in" if row["builtin"] else row["package"] or row["path"] or "installed"
    typer.echo(" ".join(filter(None, [row["name"], row["version"], f"({origin})"])))
    typer.echo(f"  hooks: {', '.join(row['hooks']) or '-'}")
    for kind, names in sorted(row["registers"].items()):
        typer.echo(f"  {kind.replace('_', ' ')}: {', '.join(names)}")


def schema(
    context: bool = typer.Option(False, "--context", help="Print the JSON-LD context instead."),
    xsd: bool = typer.Option(False, "--xsd", help="Print the XSD of the XML export instead."),
) -> None:
    """Print the document's JSON Schema, composed with every registered claim type."""
    if xsd:
        typer.echo((schemas_dir() / "newsld.xsd").read_text(encoding="utf-8"), nl=False)
        return
    claim_types = default_plugins().registry.claim_types.values()
    if context:
        typer.echo(json.dumps({"@context": context_terms(claim_types)}, indent=2))
        return
    typer.echo(json.dumps(document_schema(claim_types), indent=2))


def validate(
    files: list[Path] = typer.Argument(..., help="JSON-LD documents (or JSON Lines of them)."),
) -> None:
    """Check documents against the schema; name the JSON pointer of each fault."""
    validator = validator_for(document_schema(default_plugins().registry.claim_types.values()))
    bad = 0
    for path in files:
        for label, document in _documents(path):
            if isinstance(document, str):
                typer.echo(f"{label}: {document}", err=True)
                bad += 1
                continue
            try:
                faults = [*errors(validator, document), *evidence_faults(document)]
            except RecursionError:
                faults = [SchemaError("", "nested too deeply to check")]
            for fault in faults:
                typer.echo(f"{label}: invalid at {fault}", err=True)
            if faults:
                bad += 1
            else:
                typer.echo(f"{label}: valid")
    raise typer.Exit(1 if bad else 0)


def _documents(path: Path) -> Iterator[tuple[str, Any]]:
    """Each document in a file, or a message saying why there is none."""
    try:
        text = read_input(str(path), MAX_INPUT_BYTES).decode("utf-8")
    except InputError as exc:
        yield str(path), f"cannot read: {exc.problem}"
        return
    except UnicodeDecodeError as exc:
        yield str(path), f"cannot read: not UTF-8 ({exc.reason} at byte {exc.start})"
        return
    whole = _parse(text)
    if not isinstance(whole, _NotJson) or _lenient_json(text):
        yield str(path), whole  # a document, or JSON that newsld refuses (NaN, a key twice)
        return
    lines = [line for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines, 1):
        document = _parse(line)
        yield f"{path}:{number}", str(document) if isinstance(document, _NotJson) else document


def _lenient_json(text: str) -> bool:
    """Whether Python's json reads `text` (it takes NaN and keys given twice)."""
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


class _NotJson(str):
    """Why a text is not JSON (a message, told apart from a JSON string)."""


def _parse(text: str) -> Any:
    """The JSON value of `text` (no NaN, no duplicate keys), or why there is none."""
    try:
        return strictjson.loads(text)
    except RecursionError:
        return _NotJson("not JSON newsld can read (nested too deeply)")
    except ValueError as exc:
        return _NotJson(f"not JSON ({exc})")
