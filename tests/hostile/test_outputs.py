"""Outputs are ordinary files, and nothing is cut short in silence (issue 13, points 5 and 6).

Files get the permissions any tool gives; `-o` onto a link, FIFO, device or
a file in a batch is refused before anything is converted, and never
replaced; a full disk or a closed stdout is one line and a non-zero exit,
`| head` ends quietly. `embed` keeps a gzipped page gzipped. A folder walk
stays inside the folder and says what it did not follow.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import signal
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.support import (
    GOOD,
    assert_failed_alone,
    error_lines,
    leftovers,
    newsld_process,
    outputs,
    run_newsld,
    write_batch,
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o027)
    yield
    os.umask(previous)


# ---------------------------------------------------------------- 6. ordinary files


def test_new_files_get_0666_less_the_umask(
    cli: Any, article: Path, tmp_path: Path, umask: None
) -> None:
    for target in (tmp_path / "one.jsonld", tmp_path / "out" / "a.jsonld"):
        assert cli("convert", str(article), "-o", str(target)).exit_code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_file_written_over_keeps_its_mode(cli: Any, article: Path, tmp_path: Path) -> None:
    target = tmp_path / "a.jsonld"
    target.write_text("old")
    target.chmod(0o600)
    assert cli("convert", str(article), "-o", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text())["@type"] == "NewsArticle"


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _link(path: Path) -> Path:
    real = path.with_name("real.jsonld")
    real.write_text("keep me")
    path.symlink_to(real)
    return path


def _device(path: Path) -> Path:
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # a copy of /dev/null's node
    except PermissionError:
        pytest.skip("making a device node needs privileges")
    return path


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (_fifo, "is a FIFO, not a regular file; not replaced"),
        (_link, "is a symbolic link"),
        (_device, "is a device, not a regular file; not replaced"),
    ],
    ids=["fifo", "symlink", "device"],
)
def test_o_onto_a_fifo_link_or_device_is_refused_and_left_alone(
    cli: Any, article: Path, tmp_path: Path, make: Any, problem: str
) -> None:
    target = make(tmp_path / "out.jsonld")
    before = os.lstat(target)
    result = cli("convert", str(article), "-o", str(target))
    assert_failed_alone(result, target, problem, code=2)
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    if target.is_symlink():
        assert target.read_text() == "keep me"


def test_a_link_or_fifo_inside_the_output_folder_is_not_replaced(cli: Any, tmp_path: Path) -> None:
    goods, _ = write_batch(tmp_path / "in", 3, {})
    out = tmp_path / "out"
    out.mkdir()
    _fifo(out / "good-01.jsonld")
    result = cli("convert", str(tmp_path / "in"), "-o", f"{out}/")
    assert_failed_alone(result, goods[1], f"output {out / 'good-01.jsonld'} is a FIFO")
    assert stat.S_ISFIFO(os.lstat(out / "good-01.jsonld").st_mode)
    assert (out / "good-00.jsonld").is_file() and (out / "good-02.jsonld").is_file()


def test_o_naming_an_existing_file_in_a_batch_is_refused(cli: Any, tmp_path: Path) -> None:
    goods, _ = write_batch(tmp_path / "in", 2, {})
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    result = cli("convert", *map(str, goods), "-o", str(notes))
    # A name with an extension no format writes is refused, never taken for a folder.
    assert_failed_alone(result, notes, "no installed format writes .txt files", code=2)
    assert notes.read_text() == "mine"
    plain = tmp_path / "notes"
    plain.write_text("mine")
    result = cli("convert", *map(str, goods), "-o", str(plain))
    assert_failed_alone(result, plain, "exists and is not a folder", code=2)
    assert plain.read_text() == "mine"


def test_o_under_a_file_is_refused(cli: Any, article: Path, tmp_path: Path) -> None:
    result = cli("convert", str(article), "-o", str(article / "out.jsonld"))
    assert_failed_alone(result, article, "is a file, not a folder", code=2)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_refused(cli: Any, article: Path, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o555)
    result = cli("convert", str(article), "-o", str(folder / "a.jsonld"))
    assert_failed_alone(result, folder, "the folder is not writable", code=2)
    assert outputs(folder) == []


def test_embed_keeps_a_gzipped_page_gzipped_even_in_place(cli: Any, tmp_path: Path) -> None:
    body = "".join(f"<p>The minister said talks would resume in round {n}.</p>" for n in range(9))
    html = f"<html><head><title>Talks</title></head><body><h1>Talks</h1>{body}</body></html>"
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(html.encode()))
    page.chmod(0o640)
    out = tmp_path / "site"
    assert cli("embed", str(page), "-o", str(out)).exit_code == 0
    assert cli("embed", str(page), "--in-place").exit_code == 0
    for written in (out / "page.html.gz", page):
        assert b"data-newsld" in gzip.decompress(written.read_bytes())
    assert stat.S_IMODE(page.stat().st_mode) == 0o640


# ---------------------------------------------------------------- the folder walk


def test_the_folder_walk_stays_inside_and_says_what_it_skipped(cli: Any, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD)
    folder = tmp_path / "in"
    goods, _ = write_batch(folder, 2, {})
    (folder / "out-link.txt").symlink_to(outside)
    (folder / "inner-link.txt").symlink_to(goods[0])
    (folder / "loop").symlink_to(folder)
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    _fifo(folder / "pipe.txt")
    out = tmp_path / "out"
    result = cli("convert", str(folder), "-o", f"{out}/")
    assert "Traceback" not in result.stderr
    assert result.exit_code == 1  # the dangling link is an input that could not be read
    assert error_lines(result.stderr) == [
        f"newsld: error: {folder / 'dangling.txt'}: a dangling link; skipped"
    ]
    notes = [line for line in result.stderr.splitlines() if line.startswith("newsld: warning:")]
    assert notes == [
        f"newsld: warning: {folder / 'loop'}: a link loop (to a folder above it); not followed",
        f"newsld: warning: {folder / 'out-link.txt'}: links out of {folder}; not followed",
        f"newsld: warning: {folder / 'pipe.txt'}: not a regular file (a FIFO or device); skipped",
    ]
    assert outputs(out) == ["good-00.jsonld", "good-01.jsonld", "inner-link.jsonld"]


# ---------------------------------------------------------------- 5. nothing cut short


def test_a_full_disk_on_stdout_is_an_error(tmp_path: Path, article: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = run_newsld(["convert", str(article), str(article)], tmp_path, stdout=full)
    assert result.exit_code == 1
    assert result.stderr == "newsld: error: cannot write to stdout (No space left on device)\n"


def test_a_closed_stdout_is_an_error(tmp_path: Path, article: Path) -> None:
    result = run_newsld(
        ["convert", str(article)],
        tmp_path,
        stdout=None,
        close_fds=True,
        preexec_fn=lambda: os.close(1),
    )
    assert result.exit_code != 0
    assert result.stderr == "newsld: error: stdout is closed; give -o FILE\n"


def test_a_reader_that_stops_reading_ends_the_batch_quietly(tmp_path: Path) -> None:
    write_batch(tmp_path / "in", 40, {})
    process = newsld_process(
        ["convert", str(tmp_path / "in")],
        tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()  # `| head -1`
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert json.loads(first)["@type"] == "NewsArticle"
    assert stderr == b""


def _small_files() -> None:
    """In the child: files may not grow past 4 KB (writes beyond fail, as on a full disk)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_disk_that_fills_up_leaves_no_half_written_file(tmp_path: Path) -> None:
    write_batch(tmp_path / "in", 12, {})
    out = tmp_path / "out"
    out.mkdir()
    target = out / "all.jsonld"
    result = run_newsld(
        ["convert", str(tmp_path / "in"), "-o", str(target)], tmp_path, preexec_fn=_small_files
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"newsld: error: {target}: cannot write (File too large); not written\n"
    )
    assert outputs(out) == [] and leftovers(tmp_path) == []
