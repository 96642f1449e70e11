"""Helpers of the hostile-input suite: batches of good and bad inputs, plugins that misbehave,
and the checks every test makes (exit code, one line naming the input, no traceback, the good
outputs written, nothing left behind).

Every hostile input is generated here or in the test; none is stored.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from newsld import Analysis, Article, Claim, Evidence, Extractor
from newsld.plugins import LOAD_PLUGINS_ENV
from newsld.testing import plugin_module

GOOD = "Talks resume\n\nThe minister said the talks would resume in Geneva on Monday.\n"


def good_article(number: int) -> str:
    """A small article of ordinary prose (each one different)."""
    return f"Talks resume {number}\n\nThe minister said talks would resume in round {number}.\n"


def write_batch(folder: Path, good: int, bad: dict[str, bytes]) -> tuple[list[Path], list[Path]]:
    """`good` ordinary articles and the given bad inputs in `folder`: (good paths, bad paths)."""
    folder.mkdir(parents=True, exist_ok=True)
    goods = []
    for number in range(good):
        path = folder / f"good-{number:02d}.txt"
        path.write_text(good_article(number), encoding="utf-8")
        goods.append(path)
    bads = []
    for name, data in bad.items():
        path = folder / name
        path.write_bytes(data)
        bads.append(path)
    return goods, bads


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("newsld: error:")]


def assert_failed_alone(result: Any, source: Path | str, problem: str, code: int = 1) -> None:
    """Exit `code`, no traceback, and exactly one error line: naming `source` and `problem`."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code == code, result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == 1, result.stderr
    assert str(source) in errors[0] and problem in errors[0], errors[0]


def leftovers(folder: Path) -> list[str]:
    """Temporary or half-written files under `folder`."""
    return sorted(
        str(p) for p in folder.rglob("*") if p.name.endswith(".part") or p.name.startswith(".")
    )


def outputs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


# ---------------------------------------------------------------- misbehaving plugins


class _Dist:
    def __init__(self, name: str) -> None:
        self.name, self.version = f"newsld-{name}", "1.0"


class EntryPoint:
    """An installed plugin as importlib.metadata reports it; `load` may raise or exit."""

    def __init__(self, name: str, target: ModuleType | Callable[[], ModuleType]) -> None:
        self.name, self.target, self.dist = name, target, _Dist(name)

    def load(self) -> ModuleType:
        return self.target if isinstance(self.target, ModuleType) else self.target()


def extractor_plugin(
    name: str, misbehave: Callable[[], Iterable[Claim]], marker: str = "HOSTILE"
) -> ModuleType:
    """A plugin whose extractor misbehaves on articles holding `marker` (and is fine elsewhere)."""

    def extract(article: Article, analysis: Analysis) -> Iterable[Claim]:
        if marker in article.body:
            return misbehave()
        return [Claim("quote", "fine", [Evidence(0, 4)], 0.5, properties={"quoteKind": "indirect"})]

    return plugin_module(f"newsld_{name}", extractors=[Extractor(name, extract, ("quote",))])


def hostile_article(number: int = 0) -> str:
    return f"Hostile {number}\n\nThis HOSTILE article makes the plugin misbehave ({number}).\n"


# ---------------------------------------------------------------- a real process


def newsld_process(
    args: list[str], tmp_path: Path, plugin: str = "", **popen: Any
) -> subprocess.Popen[bytes]:
    """`newsld ARGS` as its own process; `plugin` is Python code defining `extract(article,
    analysis)`, installed as the extractor `hostile` (after the built-ins)."""
    script = tmp_path / "run_newsld.py"
    script.write_text(
        textwrap.dedent(
            """
            import os, signal, sys, time
            from newsld import Extractor, plugins
            from newsld.testing import plugin_module
            """
        )
        + textwrap.dedent(plugin)
        + textwrap.dedent(
            """
            if "extract" in globals():
                module = plugin_module("newsld_hostile", extractors=[Extractor("hostile", extract)])
                class Point:
                    name, dist = "hostile", None
                    def load(self):
                        return module
                plugins._entry_points = lambda: [Point()]
            from newsld.cli import main
            sys.argv = ["newsld", *sys.argv[1:]]
            main()
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, LOAD_PLUGINS_ENV: "hostile", **popen.pop("env", {})}
    return subprocess.Popen([sys.executable, str(script), *args], env=env, **popen)


def run_newsld(args: list[str], tmp_path: Path, plugin: str = "", **popen: Any) -> Any:
    """Run `newsld_process` to its end: an object with exit_code, stdout and stderr (text)."""
    process = newsld_process(
        args,
        tmp_path,
        plugin,
        stdout=popen.pop("stdout", subprocess.PIPE),
        stderr=subprocess.PIPE,
        **popen,
    )
    out, err = process.communicate(timeout=120)
    return _Finished(process.returncode, out or b"", err.decode("utf-8", "replace"))


class _Finished:
    def __init__(self, code: int, stdout: bytes, stderr: str) -> None:
        self.exit_code, self.stdout_bytes, self.stderr = code, stdout, stderr
