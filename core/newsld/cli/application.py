"""The `newsld` command line as a typer app: the core commands and those plugins add."""

from __future__ import annotations

import typer

from newsld.__about__ import __version__
from newsld.cli import convert, info
from newsld.plugins import Plugins

__all__ = ["app", "build_app"]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsld {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Turn news articles into schema.org JSON-LD, XML or CSV with their claims."""


def build_app(plugins: Plugins | None = None, epilog: str | None = None) -> typer.Typer:
    """The command line: the core commands, and those `plugins` add (none when None)."""
    application = typer.Typer(
        epilog=epilog,
        name="newsld",
        help="Turn news articles into schema.org JSON-LD, XML or CSV with their claims.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    application.callback()(_root)
    application.command("convert", no_args_is_help=True)(convert.convert)
    application.command("plugins")(info.plugins)
    application.command("schema")(info.schema)
    application.command("validate", no_args_is_help=True)(info.validate)
    if plugins is not None:
        _plugin_commands(application, plugins)
    return application


def _plugin_commands(application: typer.Typer, plugins: Plugins) -> None:
    """Let plugins add subcommands (the `register_commands` hook)."""
    for impl in plugins.pm.hook.register_commands.get_hookimpls():
        try:
            impl.function(application)
        except Exception as exc:  # a plugin's broken command must not break the others
            typer.echo(
                f"newsld: warning: plugin {impl.plugin_name}: register_commands failed: {exc}",
                err=True,
            )


#: The core commands alone (what tests drive in-process).
app = build_app()
