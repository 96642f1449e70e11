"""Nothing hangs, and a dying worker loses only its input (issue 13, points 1, 4 and 8).

An extractor that loops, swallows the time limit, yields forever, exits the
process, segfaults or is killed (as the OOM killer does) costs one input,
reported in one line; the rest of the batch is written. Killing newsld itself
leaves no worker behind and no half-written file.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import json
import os
import signal
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from newsld import Claim, Converter, Evidence, load_plugins, workers
from newsld.batch import Job, Limits, convert_input, convert_inputs
from newsld.plugins import default_plugins
from tests.hostile.support import (
    GOOD,
    assert_failed_alone,
    error_lines,
    extractor_plugin,
    hostile_article,
    leftovers,
    newsld_process,
    outputs,
    write_batch,
)


def spin() -> Iterable[Claim]:
    while True:  # a pure-Python loop that never returns
        pass


def swallow_everything() -> Iterable[Claim]:
    while True:  # catches even the time limit: only killing the worker stops it
        with contextlib.suppress(BaseException):
            time.sleep(0.05)


def yield_forever() -> Iterable[Claim]:
    claim = Claim("quote", "again", [Evidence(0, 4)], 0.5, properties={"quoteKind": "indirect"})
    return itertools.repeat(claim)


def exit_process() -> Iterable[Claim]:
    os._exit(3)


def segfault() -> Iterable[Claim]:
    ctypes.string_at(0)
    return []


def killed() -> Iterable[Claim]:
    os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer does
    return []


def batch(tmp_path: Path) -> tuple[list[Path], Path]:
    """Five good articles and one that makes the extractor misbehave, in one folder."""
    goods, bads = write_batch(
        tmp_path / "in", 5, {"hostile.txt": hostile_article().encode("utf-8")}
    )
    return goods, bads[0]


KILLERS = [
    pytest.param(spin, "stopped after the time limit of 0.5 s", id="loops"),
    pytest.param(exit_process, "exited (status 3); its input is lost", id="os._exit"),
    pytest.param(segfault, "killed by SIGSEGV", id="segfault"),
    pytest.param(killed, "killed by SIGKILL (out of memory?)", id="oom-killed"),
]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(("misbehave", "problem"), KILLERS)
def test_an_input_that_hangs_or_kills_its_worker_is_one_line(
    cli: Any,
    install: Callable[..., None],
    tmp_path: Path,
    misbehave: Callable[[], Iterable[Claim]],
    problem: str,
    jobs: str,
) -> None:
    install(hostile=extractor_plugin("hostile", misbehave))
    goods, bad = batch(tmp_path)
    out = tmp_path / "out"
    result = cli("convert", str(tmp_path / "in"), "-o", f"{out}/", "--timeout", "0.5", "-j", jobs)
    assert_failed_alone(result, bad, problem)
    assert outputs(out) == [f"{p.stem}.jsonld" for p in goods]
    assert leftovers(tmp_path) == []


def test_a_loop_that_swallows_the_time_limit_is_killed_from_outside(
    cli: Any, install: Callable[..., None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "GRACE_SECONDS", 0.3)
    install(hostile=extractor_plugin("hostile", swallow_everything))
    goods, bad = batch(tmp_path)
    out = tmp_path / "out"
    result = cli("convert", str(tmp_path / "in"), "-o", f"{out}/", "--timeout", "0.3")
    assert_failed_alone(result, bad, "stopped after the time limit of 0.3 s")
    assert outputs(out) == [f"{p.stem}.jsonld" for p in goods]


def test_an_extractor_that_yields_forever_is_stopped_and_named(
    cli: Any, install: Callable[..., None], tmp_path: Path
) -> None:
    install(hostile=extractor_plugin("hostile", yield_forever))
    path = tmp_path / "hostile.txt"
    path.write_text(hostile_article(), encoding="utf-8")
    target = tmp_path / "hostile.jsonld"
    result = cli("convert", str(path), "-o", str(target))
    assert_failed_alone(result, path, "extractor hostile (hostile) yielded more than 1000 claims")
    assert all(c["extractor"] != "hostile" for c in json.loads(target.read_text())["hasPart"])


def test_stdin_is_converted_by_a_worker_too(cli: Any, install: Callable[..., None]) -> None:
    install(hostile=extractor_plugin("hostile", exit_process))
    result = cli("convert", "-", input=hostile_article().encode())
    assert_failed_alone(result, "-", "exited (status 3)")


# ---------------------------------------------------------------- killing newsld itself

SLOW_PLUGIN = """
def extract(article, analysis):
    if "HOSTILE" in article.body:
        with open(os.environ["WORKER_PIDS"], "a") as pids:
            pids.write(f"{os.getpid()}\\n")
        time.sleep(60)
    return []
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead already (waiting for its parent to read its status).
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().split(") ", 1)[1][0] != "Z"


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc to see the workers")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
@pytest.mark.parametrize("into", ["folder", "one file"])
def test_killing_newsld_leaves_no_worker_and_no_partial_file(
    tmp_path: Path, how: signal.Signals, into: str
) -> None:
    write_batch(tmp_path / "in", 2, {"z-hostile.txt": hostile_article().encode()})
    pids = tmp_path / "pids"
    out = tmp_path / "out"
    out.mkdir()
    target = f"{out}/" if into == "folder" else str(out / "all.jsonld")
    process = newsld_process(
        ["convert", str(tmp_path / "in"), "-o", target, "-j", "2"],
        tmp_path,
        SLOW_PLUGIN,
        env={"WORKER_PIDS": str(pids)},
    )
    deadline = time.monotonic() + 60
    while not (pids.exists() and pids.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    worker = int(pids.read_text().split()[0])
    process.send_signal(how)
    process.wait(timeout=30)
    deadline = time.monotonic() + 5  # a worker left alone ends within a second
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)
    assert leftovers(out) == []
    if into == "one file":
        assert outputs(out) == []  # the stream was never finished: no file at all
    if how == signal.SIGTERM:
        assert process.returncode == 128 + signal.SIGTERM


# ---------------------------------------------------------------- the step and the loop as an API


def test_the_step_never_raises_and_names_the_problem(tmp_path: Path) -> None:
    converter = Converter(load_plugins(third_party=False))
    missing = convert_input(converter, Job(str(tmp_path / "missing.txt")))
    assert (missing.document, missing.problem) == (None, "No such file or directory")
    given = convert_input(converter, Job("record-7", data=hostile_article().encode()))
    assert given.document is not None and given.document.article.source == "record-7"


def test_the_loop_in_one_process_still_stops_a_loop(install: Callable[..., None]) -> None:
    install(hostile=extractor_plugin("hostile", spin))
    converter = Converter(default_plugins())
    jobs = [Job(f"n{n}", data=(hostile_article(n) if n == 1 else GOOD).encode()) for n in range(3)]
    outcomes = list(convert_inputs(jobs, converter, limits=Limits(seconds=0.3), isolated=False))
    assert [o.job.source for o in outcomes] == ["n0", "n1", "n2"]
    assert [o.problem is None for o in outcomes] == [True, False, True]
    assert "stopped after the time limit of 0.3 s" in str(outcomes[1].problem)


# ---------------------------------------------------------------- runs in parts (archives)


def test_a_part_whose_worker_dies_is_one_line_and_the_other_parts_are_written(
    cli: Any, install: Callable[..., None], tmp_path: Path
) -> None:
    pytest.importorskip("fastwarc", reason="the warc extra is not installed")
    from newsld_plugins.warc import writing

    install(hostile=extractor_plugin("hostile", exit_process))
    pages = "".join(f"<p>The minister said talks would resume in round {n}.</p>" for n in range(9))
    for name, marker in (("calm", ""), ("wild", "HOSTILE")):
        html = f"<html><head><title>T</title></head><body><h1>T</h1>{pages}<p>{marker}</p></body>"
        record = writing.response(f"https://news.example/{name}", html.encode())
        (tmp_path / f"{name}.warc.gz").write_bytes(writing.warcinfo(name) + record)
    out = tmp_path / "out"
    archives = [str(tmp_path / "calm.warc.gz"), str(tmp_path / "wild.warc.gz")]
    result = cli("convert", *archives, "-o", f"{out}/", "-j", "2")
    assert "Traceback" not in result.stderr
    assert result.exit_code == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 1
    assert "wild: part not written: the process converting it exited (status 3)" in errors[0]
    assert outputs(out) == ["calm.jsonld"]
    assert leftovers(tmp_path) == []
