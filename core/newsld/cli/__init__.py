"""The `newsld` command line: a typer app, one module per command group."""

from __future__ import annotations

import contextlib
import os
import sys

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

__all__ = ["app", "build_app", "main"]

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
        _use_plugins_dirs(plugins_dir)
    _plugin_problems(context.invoked_subcommand)


def _use_plugins_dirs(folders: list[str]) -> None:
    """Put the folders in `NEWSLD_PLUGINS_DIR` (worker processes inherit it) and reload."""
    known = plugins_dirs_from_env()
    new = [folder for folder in dict.fromkeys(folders) if folder not in known]
    if new:
        os.environ[PLUGINS_DIR_ENV] = os.pathsep.join([*new, *known])
        default_plugins.cache_clear()


def _plugin_problems(command: str | None) -> None:
    """One warning line per plugin that failed; with NEWSLD_STRICT_PLUGINS=1, an error (exit 2).

    `newsld plugins` always runs, to show what failed.
    """
    problems = default_plugins().errors
    if not problems:
        return
    if strict_plugins() and command != "plugins":
        for problem in problems:
            error(f"{problem} (NEWSLD_STRICT_PLUGINS is set)")
        raise typer.Exit(2)
    for problem in problems:
        warn(problem)


def build_app(plugins: Plugins | None = None) -> typer.Typer:
    """The command line: the core commands, and those `plugins` add (none when None)."""
    application = typer.Typer(
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


def main() -> None:
    """Entry point of the `newsld` console script."""
    # `newsld --version` answers without loading a plugin (a broken one cannot stop it).
    folders = _plugins_dirs(sys.argv[1:])
    if folders:  # before the plugins load: a folder's plugins may add commands
        _use_plugins_dirs(folders)
    plugins = None if _asks_version(sys.argv[1:]) else default_plugins()
    application = build_app(plugins)
    try:
        application()
    except BrokenPipeError:  # `newsld ... | head`: the reader stopped; end quietly
        with contextlib.suppress(OSError, ValueError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())  # the flush at exit must not fail again
        sys.exit(1)


def _plugins_dirs(args: list[str]) -> list[str]:
    """The `--plugins-dir` folders given before the command."""
    folders: list[str] = []
    for number, arg in enumerate(args):
        if arg == "--plugins-dir" and number + 1 < len(args):
            folders.append(args[number + 1])
        elif arg.startswith("--plugins-dir="):
            folders.append(arg.partition("=")[2])
        elif not arg.startswith("-") and (number == 0 or args[number - 1] != "--plugins-dir"):
            break
    return folders


def _asks_version(args: list[str]) -> bool:
    """Whether `--version` comes before any command."""
    for arg in args:
        if arg == "--version":
            return True
        if not arg.startswith("-"):
            return False
    return False
