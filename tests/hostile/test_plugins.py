"""Plugin faults are named, bounded and local (issue 13, point 8).

A claim type with an invalid schema or a schema elsewhere on the network is
refused when plugins load, naming the plugin, and nothing is fetched. A sniff
that raises, an exporter that raises, a claim property that is not JSON, a
plugin that calls `sys.exit`: each is one line naming the plugin, and the
rest works. (Extractors that hang, yield forever or kill their process are
in test_time_and_workers.py.) `newsld --version` loads no plugin at all.
"""

from __future__ import annotations

import json
import socket
import sys
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import IO, Any

import pytest

import newsld.cli
from newsld import (
    Claim,
    ClaimType,
    Evidence,
    Exporter,
    ExportOptions,
    Reader,
    __version__,
    hookimpl,
)
from newsld.model import Document
from newsld.testing import plugin_module
from newsld_plugins.jsonld_exporter import JsonLdWriter
from tests.hostile.support import (
    GOOD,
    assert_failed_alone,
    error_lines,
    extractor_plugin,
    hostile_article,
    outputs,
    write_batch,
)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach the network fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"newsld tried the network: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)


@pytest.mark.parametrize(
    ("schema", "problem"),
    [
        ({"type": "no-such-type"}, "its schema is invalid at /properties/level/type"),
        (
            {"$ref": "https://example.org/level.schema.json"},
            "its schema refers to 'https://example.org/level.schema.json'",
        ),
        ({"$ref": "#/$defs/nowhere"}, "which is not in the document schema"),
    ],
    ids=["invalid", "remote-ref", "dangling-ref"],
)
def test_a_claim_type_with_a_bad_schema_is_refused_at_load_naming_its_plugin(
    cli: Any,
    install: Callable[..., None],
    no_network: None,
    tmp_path: Path,
    schema: dict[str, Any],
    problem: str,
) -> None:
    install(
        levels=plugin_module(
            "newsld_levels", claim_types=[ClaimType("level", properties={"level": schema})]
        )
    )
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = cli("convert", str(path))
    assert result.exit_code == 0  # the input converts; the plugin's fault is a warning
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1
    assert warnings[0].startswith("newsld: warning: plugin levels: claim type 'level' refused: ")
    assert problem in warnings[0]
    listed = cli("plugins", "--json")
    assert listed.exit_code == 1
    assert json.loads(listed.stdout)["plugins"][0]["registers"] == {}


def _sniff_raises(data: bytes) -> float:
    raise RuntimeError("cannot sniff")


def test_a_sniff_that_raises_is_named_and_the_other_readers_still_read(
    cli: Any, install: Callable[..., None]
) -> None:
    reader = Reader("odd", lambda data, options: None, (".odd",), sniff=_sniff_raises)  # type: ignore[arg-type,return-value]
    install(oddity=plugin_module("newsld_oddity", readers=[reader]))
    result = cli("convert", "-", input=GOOD.encode())
    assert_failed_alone(result, "-", "reader odd (oddity) sniff raised RuntimeError: cannot sniff")
    assert json.loads(result.stdout)["headline"] == "Talks resume"


class _FragileWriter(JsonLdWriter):
    """JSON Lines that fail on an article saying HOSTILE (after writing half of it)."""

    def __init__(self, stream: IO[bytes], options: ExportOptions) -> None:
        super().__init__(stream, options)

    def write(self, document: Document) -> None:
        if "HOSTILE" in document.article.body:
            self.stream.write(b'{"half": ')
            raise KeyError("no layout for this one")
        super().write(document)


@pytest.mark.parametrize("into", ["stdout", "folder"])
def test_an_exporter_that_raises_loses_that_input_only(
    cli: Any, install: Callable[..., None], tmp_path: Path, into: str
) -> None:
    install(
        fragile=plugin_module(
            "newsld_fragile", exporters=[Exporter("fragile", _FragileWriter, ".jsonl")]
        )
    )
    goods, bads = write_batch(tmp_path / "in", 3, {"hostile.txt": hostile_article().encode()})
    out = tmp_path / "out"
    args = ["convert", str(tmp_path / "in"), "--to", "fragile"]
    result = cli(*args, *(["-o", f"{out}/"] if into == "folder" else []))
    problem = "exporter fragile (fragile) failed: KeyError: 'no layout for this one'; not written"
    assert_failed_alone(result, bads[0], problem)
    if into == "folder":
        assert outputs(out) == [f"{p.stem}.jsonl" for p in goods]
    else:
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert [d["headline"] for d in lines] == [f"Talks resume {n}" for n in range(3)]


def not_json() -> Iterable[Claim]:
    yield Claim(
        "quote", "odd", [Evidence(0, 4)], 0.5, properties={"quoteKind": "direct", "when": {"a set"}}
    )


def an_object() -> Iterable[Claim]:
    yield Claim(
        "quote", "odd", [Evidence(0, 4)], 0.5, properties={"quoteKind": "direct", "who": object()}
    )


@pytest.mark.parametrize("misbehave", [not_json, an_object])
def test_a_claim_property_that_is_not_json_is_named(
    cli: Any, install: Callable[..., None], tmp_path: Path, misbehave: Any
) -> None:
    install(hostile=extractor_plugin("hostile", misbehave))
    path = tmp_path / "a.txt"
    path.write_text(hostile_article(), encoding="utf-8")
    result = cli("convert", str(path), "--to", "csv")
    assert_failed_alone(result, path, "extractor hostile (hostile) made an invalid claim: a ")
    assert "not a JSON value" in result.stderr


def _exits() -> ModuleType:
    sys.exit(3)


def _exits_in_a_hook() -> ModuleType:
    module = ModuleType("newsld_quits")

    @hookimpl
    def register_extractors(register: Callable[[Any], None]) -> None:
        sys.exit("bye")

    module.register_extractors = register_extractors  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize(
    ("load", "problem"),
    [
        (_exits, "plugin quitter: failed to load: it called sys.exit(3)"),
        (_exits_in_a_hook, "plugin quitter: register_extractors failed: it called sys.exit('bye')"),
    ],
    ids=["at-import", "in-a-hook"],
)
def test_a_plugin_calling_sys_exit_is_reported_and_skipped(
    cli: Any, install: Callable[..., None], tmp_path: Path, load: Any, problem: str
) -> None:
    install(quitter=load)
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = cli("convert", str(path))
    assert (result.exit_code, error_lines(result.stderr)) == (0, [])
    assert result.stderr == f"newsld: warning: {problem}\n"
    assert json.loads(result.stdout)["@type"] == "NewsArticle"


def test_version_loads_no_plugin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_loading() -> Any:
        raise AssertionError("--version loaded the plugins")

    monkeypatch.setattr(newsld.cli, "default_plugins", no_loading)
    monkeypatch.setattr(sys, "argv", ["newsld", "--version"])
    with pytest.raises(SystemExit) as exit_:
        newsld.cli.main()
    assert exit_.value.code in (0, None)
    assert capsys.readouterr().out == f"newsld {__version__}\n"
