"""Runs in parts: a Parquet dataset per part, `--resume`, archives into one output, Dask.

The Dask test starts a local cluster of two worker processes over a few
hundred inputs (texts, pages and a WARC made here) and checks that the
dataset is the one a single process writes, row for row, with the same
failure lines.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from newsld.cli import app
from newsld_plugins.warc import writing

pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra is not installed")

PAGES = sorted((Path(__file__).resolve().parents[1] / "data" / "pages").glob("*.html"))
TABLES = ("articles", "claims", "entities")
PEOPLE = ["Maria Lopez", "John Okafor", "Ana Silva", "Peter Novak", "Lena Berg", "Omar Haddad"]
TOWNS = ["Riverton", "Lakeside", "Port Ellis", "Kingsford", "Ashby"]


def text_article(number: int) -> str:
    """A short news text with a quote, a toll and a sanctions action, varied by `number`."""
    person, town = PEOPLE[number % len(PEOPLE)], TOWNS[number % len(TOWNS)]
    return (
        f"---\ndatePublished: 2025-10-{1 + number % 28:02d}\n---\n"
        f"Storm report {number} from {town}\n\n"
        f'"We will rebuild the bridge by spring," said {person}, the mayor of {town}.\n\n'
        f"At least {number % 40 + 2} people were killed and {number % 7 + 1} injured when the "
        f"storm hit {town} on Monday, police said.\n\n"
        f"The European Union imposed sanctions on Northwind Shipping {number} on Tuesday.\n"
    )


def corpus(folder: Path, texts: int) -> list[str]:
    """Texts, the test pages, one empty file (a failure) and a WARC of the pages."""
    folder.mkdir(parents=True, exist_ok=True)
    inputs = []
    for number in range(texts):
        path = folder / f"story-{number:03d}.txt"
        path.write_text(text_article(number), encoding="utf-8")
        inputs.append(str(path))
    (folder / "empty.txt").write_bytes(b"")
    archive = folder / "pages.warc.gz"
    archive.write_bytes(b"".join(
        writing.response(f"https://pages.example/{p.stem}", p.read_bytes()) for p in PAGES
    ))  # fmt: skip
    return [*inputs, *map(str, PAGES), str(folder / "empty.txt"), str(archive)]


def convert(*args: str) -> Result:
    return CliRunner().invoke(app, ["convert", *args])


def lines(result: Result, kind: str) -> list[str]:
    return sorted(line for line in result.stderr.splitlines() if line.startswith(f"newsld: {kind}"))


def parts(out: Path) -> dict[str, list[str]]:
    return {t: sorted(p.name for p in (out / t).glob("*.parquet")) for t in TABLES}


def test_a_dataset_is_written_in_parts_and_resumed(tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", texts=5)
    out = tmp_path / "out"
    first = convert(*inputs, "--to", "parquet", "-o", f"{out}/")
    assert first.exit_code == 1  # the empty file
    [error] = lines(first, "error")
    assert error.startswith(f"newsld: error: {tmp_path}/in/empty.txt: ")
    assert "pages.parquet" in parts(out)["claims"] and len(parts(out)["claims"]) == 2
    written = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    time.sleep(0.01)
    again = convert(*inputs, "--to", "parquet", "-o", f"{out}/", "--resume")
    assert f"newsld: {tmp_path}/in/pages.warc.gz: already written (--resume)" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == written
    story = Path(inputs[0])
    os.utime(story, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))  # an input changed
    third = convert(*inputs, "--to", "parquet", "-o", f"{out}/", "--resume")
    rewritten = [p for p in out.rglob("*.parquet") if p.stat().st_mtime_ns != written[p]]
    assert third.exit_code == 1
    assert sorted(p.parent.name for p in rewritten) == list(TABLES)
    assert all(p.name.startswith("files-") for p in rewritten)


def test_parts_of_another_run_are_pointed_out(tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", texts=2)
    out = tmp_path / "out"
    convert(*inputs, "--to", "parquet", "-o", f"{out}/")
    result = convert(inputs[0], "--to", "parquet", "-o", f"{out}/")
    assert "part(s) this run does not write" in result.stderr


def test_an_archive_streams_into_one_file_with_the_other_inputs(tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", texts=3)
    out = f"{tmp_path}/a.parquet"
    result = convert(*inputs, "--to", "parquet", "-O", "table=articles", "-o", out)
    table = pq.read_table(out).to_pylist()
    assert len(table) == 3 + 2 * len(PAGES)
    archived = f"{tmp_path}/in/pages.warc.gz#offset="
    assert sum(row["source"].startswith(archived) for row in table) == len(PAGES)
    assert result.exit_code == 1 and len(lines(result, "error")) == 1


def test_scheduler_needs_a_folder(tmp_path: Path) -> None:
    result = convert(str(PAGES[0]), "--to", "parquet", "--scheduler", "local:1")
    assert result.exit_code == 2 and "give -o DIR/" in result.stderr


def test_a_dask_cluster_writes_the_dataset_one_process_writes(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    pytest.importorskip("fastwarc", reason="the warc extra is not installed")
    inputs = corpus(tmp_path / "in", texts=260)
    single = convert(*inputs, "--to", "parquet", "-o", f"{tmp_path}/single/")
    dask = ["--scheduler", "local:2"]
    cluster = convert(*inputs, "--to", "parquet", "-o", f"{tmp_path}/dask/", *dask)
    assert (single.exit_code, cluster.exit_code) == (1, 1)
    assert lines(cluster, "error") == lines(single, "error") != []
    assert lines(cluster, "warning") == lines(single, "warning")
    assert parts(tmp_path / "dask") == parts(tmp_path / "single")
    assert len(parts(tmp_path / "single")["claims"]) == 4  # three groups of files, one archive
    for table in TABLES:
        one = pq.read_table(tmp_path / "single" / table).sort_by("source")
        many = pq.read_table(tmp_path / "dask" / table).sort_by("source")
        assert one.num_rows > 0 and one.equals(many), table
    articles = pq.read_table(tmp_path / "dask" / "articles")
    assert articles.num_rows == 260 + 2 * len(PAGES)
