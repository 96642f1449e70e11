"""The command-line reference (docs/cli.md), rendered from the commands' own --help.

    python -m newsld.cli.reference > docs/cli.md

A test renders it again and compares, so the page cannot drift from the code.
"""

from __future__ import annotations

from typer.testing import CliRunner

from newsld.cli import app

COMMANDS = ("convert", "plugins", "schema", "validate")
INTRO = """# Command-line reference

Generated from `newsld --help` by `python -m newsld.cli.reference > docs/cli.md`;
a test keeps it in step with the code.

Exit status of every command: 0 when everything worked; 1 when some input
failed (the others are still converted and written, and each failure is one
line on stderr naming the input and the problem); 2 for a usage error.
"""


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "88", "NO_COLOR": "1"})
    return result.stdout.rstrip() + "\n"


def render() -> str:
    """The whole reference page as Markdown."""
    parts = [INTRO, "## newsld\n", "```text", _help(), "```\n"]
    for name in COMMANDS:
        parts += [f"## newsld {name}\n", "```text", _help(name), "```\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
