"""The command-line reference (docs/cli.md), rendered from the commands' own --help.

    python -m newsld.cli.reference > docs/cli.md

A test renders it again and compares, so the page cannot drift from the code.
"""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from newsld.cli import build_app
from newsld.plugins import load_plugins

INTRO = """# Command-line reference

Generated from `newsld --help` by `python -m newsld.cli.reference > docs/cli.md`;
a test keeps it in step with the code. Here the built-in plugins are loaded, so
the commands they add are listed too; `newsld --help` itself loads no
plugin, lists the core commands and says that plugins can add more.

Exit status of every command: 0 when everything worked; 1 when some input
failed (the others are still converted and written, and each failure is one
line on stderr naming the input and the problem); 2 for a usage error.
"""


def _help(app: typer.Typer, *args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "88", "NO_COLOR": "1"})
    return result.stdout.rstrip() + "\n"


def render() -> str:
    """The whole reference page as Markdown: the core commands and the built-ins' own."""
    app = build_app(load_plugins(third_party=False))
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    parts = [INTRO, "## newsld\n", "```text", _help(app), "```\n"]
    for name in names:
        parts += [f"## newsld {name}\n", "```text", _help(app, name), "```\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
