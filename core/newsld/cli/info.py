"""`newsld plugins`, `newsld schema` and `newsld validate`."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from newsld.plugins import LOAD_PLUGINS_ENV, PluginInfo, Plugins, default_plugins
from newsld.schema import (
    SchemaError,
    context_terms,
    document_schema,
    errors,
    schemas_dir,
    validator_for,
)


def plugins(
    show_all: bool = typer.Option(False, "--all", help="Include the built-in plugins."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for machines."),
) -> None:
    """List the installed plugins: version, package, hooks and what each registers.

    Built-ins are listed with --all. NEWSLD_LOAD_PLUGINS limits which installed
    plugins load (empty: none). Exits 1 when a plugin failed to load.
    """
    loaded = default_plugins()
    rows = [_plugin_row(info, loaded) for info in loaded.info if show_all or not info.builtin]
    if as_json:
        typer.echo(json.dumps({"plugins": rows, "errors": loaded.errors}, indent=2))
    else:
        for row in rows:
            _print_plugin(row)
        if not rows:
            typer.echo(_none_loaded())
    for error in loaded.errors:
        typer.echo(f"newsld: warning: {error}", err=True)
    raise typer.Exit(1 if loaded.errors else 0)


def _plugin_row(info: PluginInfo, loaded: Plugins) -> dict[str, Any]:
    return {
        "name": info.name,
        "package": info.package,
        "version": info.version,
        "builtin": info.builtin,
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
    origin = "built-in" if row["builtin"] else row["package"] or "installed"
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
            faults = [*errors(validator, document), *_evidence_faults(document)]
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
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield str(path), f"cannot read: {getattr(exc, 'strerror', None) or exc}"
        return
    try:
        yield str(path), json.loads(text)
        return
    except ValueError:
        pass
    lines = [line for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines, 1):
        try:
            yield f"{path}:{number}", json.loads(line)
        except ValueError as exc:
            yield f"{path}:{number}", f"not JSON ({exc})"


def _evidence_faults(document: Any) -> Iterator[SchemaError]:
    """Evidence offsets must lie inside articleBody."""
    if not isinstance(document, dict):
        return
    length = len(document.get("articleBody") or "")
    for i, claim in enumerate(document.get("hasPart") or []):
        for j, span in enumerate(claim.get("evidence") or [] if isinstance(claim, dict) else []):
            if isinstance(span, dict) and isinstance(span.get("end"), int) and span["end"] > length:
                yield SchemaError(
                    f"/hasPart/{i}/evidence/{j}/end", "points past the end of articleBody"
                )
