"""The `newsld` command line: a typer app, one module per command group."""

from __future__ import annotations

import sys

import typer

from newsld.__about__ import __version__
from newsld.cli import convert, info
from newsld.plugins import default_plugins

__all__ = ["app", "main"]

app = typer.Typer(
    name="newsld",
    help="Turn news articles into schema.org JSON-LD, XML or CSV with their claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsld {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Turn news articles into schema.org JSON-LD, XML or CSV with their claims."""


app.command("convert", no_args_is_help=True)(convert.convert)
app.command("plugins")(info.plugins)
app.command("schema")(info.schema)
app.command("validate", no_args_is_help=True)(info.validate)


def _plugin_commands() -> None:
    """Let plugins add subcommands (the `register_commands` hook)."""
    plugins = default_plugins()
    for impl in plugins.pm.hook.register_commands.get_hookimpls():
        try:
            impl.function(app)
        except Exception as exc:  # a plugin's broken command must not break the others
            typer.echo(
                f"newsld: warning: plugin {impl.plugin_name}: register_commands failed: {exc}",
                err=True,
            )


def main() -> None:
    """Entry point of the `newsld` console script."""
    _plugin_commands()
    try:
        app()
    except BrokenPipeError:  # `newsld convert ... | head`
        sys.stderr.close()
        sys.exit(1)
