"""The `newsld` command line: a typer app (`newsld.cli.application`), one module per command group.

The entry point imports the app only when a command needs it: `newsld
--version` answers from the version string alone, and the top-level help
loads no plugin (a command's own `--help` does, as the command may be a
plugin's).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from typing import TYPE_CHECKING, Any

from newsld.__about__ import __version__

if TYPE_CHECKING:
    from newsld.cli.application import app, build_app
    from newsld.plugins import default_plugins  # noqa: F401 (served by __getattr__)

__all__ = ["app", "build_app", "main"]

# Names served from the modules that define them, imported on first use (PEP 562).
_LAZY = {
    "app": "newsld.cli.application",
    "build_app": "newsld.cli.application",
    "default_plugins": "newsld.plugins",
}


def __getattr__(name: str) -> Any:
    home = _LAZY.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


_PLUGIN_COMMANDS = (
    "Plugins can add commands: 'newsld plugins --all' lists the plugins and their hooks, "
    "'newsld COMMAND --help' describes any command."
)


def main() -> None:
    """Entry point of the `newsld` console script."""
    args = sys.argv[1:]
    if args == ["--version"]:
        print(f"newsld {__version__}")  # nothing else to import or load
        sys.exit(0)
    folders = _plugins_dirs(args)
    module = sys.modules[__name__]
    if folders:  # before the plugins load: a folder's plugins may add commands
        importlib.import_module("newsld.cli.application").use_plugins_dirs(folders)
    if _top_level(args):  # the core commands; plugins are not loaded for the help
        application = module.build_app(None, epilog=_PLUGIN_COMMANDS)
    else:
        application = module.build_app(module.default_plugins())
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


def _top_level(args: list[str]) -> bool:
    """Whether the command line asks for the version or the top-level help, not a command."""
    folders = _plugins_dirs(args)
    if folders:  # past the `--plugins-dir` options
        args = [a for a in args if a not in folders and not a.startswith("--plugins-dir")]
    for arg in args:
        if arg in ("--version", "--help", "-h"):
            return True
        if not arg.startswith("-"):
            return False
    return not args  # no arguments: the help
