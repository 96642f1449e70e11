"""The `newsld` command line as a typer app: the core commands and those plugins add."""

from __future__ import annotations

import os

import typer

from newsld.__about__ import __version__
from newsld.cli import convert, info
from newsld.cli.console import error, warn
from newsld.plugins import (
    PLUGINS_DIR_ENV,
    Plugins,
    default_plugins,
    plugins_dirs_from_env,
    strict_plugins,
)

__all__ = ["CONTEXT", "app", "build_app", "use_plugins_dirs"]

#: `-h` is `--help`, for every command.
CONTEXT = {"help_option_names": ["-h", "--help"]}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsld {__version__}")
        raise typer.Exit()


def _root(
    context: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    plugins_dir: list[str] = typer.Option(
        [],
        "--plugins-dir",
        help=f"Load each .py file of this folder as a plugin (also: {PLUGINS_DIR_ENV}).",
    ),
) -> None:
    """Turn news articles into schema.org JSON-LD, XML or CSV with their claims."""
    if plugins_dir:
        use_plugins_dirs(plugins_dir)
    _plugin_problems(context.invoked_subcommand)


def use_plugins_dirs(folders: list[str]) -> None:
    """Put the folders in `NEWSLD_PLUGINS_DIR` (worker processes inherit it) and reload."""
    known = plugins_dirs_from_env()
    new = [folder for folder in dict.fromkeys(folders) if folder not in known]
    if new:
        os.environ[PLUGINS_DIR_ENV] = os.pathsep.join([*new, *known])
        default_plugins.cache_clear()


def _plugin_problems(command: str | None) -> None:
    """One warning line per plugin that failed; with NEWSLD_STRICT_PLUGINS=1, an error (exit 2).

    `newsld plugins` always runs, to show what failed; the top-level help loads no plugin.
    """
    if command is None:
        return
    problems = default_plugins().errors
    if not problems:
        return
    if strict_plugins() and command != "plugins":
        for problem in problems:
            error(f"{problem} (NEWSLD_STRICT_PLUGINS is set)")
        raise typer.Exit(2)
    for problem in problems:
        warn(problem)


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
        context_settings=CONTEXT,
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
            warn(f"plugin {impl.plugin_name}: register_commands failed: {exc}")


#: The core commands alone (what tests drive in-process).
app = build_app()
