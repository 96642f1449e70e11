"""Batches as a user runs them: progress, inputs, outputs, resume, convert once and export
many, and plugins that fail, each through the `newsld` command."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
MAIN = "from newsld.cli import main; main()"
Cli = Callable[..., Any]


def article(number: int) -> str:
    return (
        f"Harbour story {number}\n\n"
        f'"We have never seen the water this warm," said Marta Ruiz, the harbour master, '
        f"on Monday. The gauge read {30 + number} degrees in Lisbon, officials said.\n"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three articles (one in a subfolder) with sidecar files a site generator leaves."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for number, name in enumerate(["a.txt", "b.md", "sub/c.txt"]):
        (root / name).write_text(article(number), encoding="utf-8")
    (root / "a.json").write_text('{"sidecar": true}', encoding="utf-8")
    (root / "sub" / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0 not text")
    return root


def documents(stdout: str) -> list[dict[str, Any]]:
    """What convert printed: one pretty document, or JSON Lines of several."""
    if stdout.startswith("{\n"):
        return [json.loads(stdout)]
    return [json.loads(line) for line in stdout.splitlines()]


def newsld(*args: str, env: dict[str, str] | None = None, **kwargs: Any) -> Any:
    return subprocess.run(
        [sys.executable, "-c", MAIN, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        **kwargs,
    )


# ---------------------------------------------------------------- 1. progress and verbosity


def on_a_terminal(*args: str) -> str:
    """Run newsld with stderr on a pseudo-terminal; what the terminal showed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", MAIN, *args], stdout=subprocess.DEVNULL, stderr=follower
    )
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    process.wait(60)
    os.close(leader)
    return shown.decode("utf-8", "replace")


def test_a_batch_shows_a_bar_on_a_terminal_and_a_summary_line(folder: Path, tmp_path: Path) -> None:
    shown = on_a_terminal("convert", str(folder), "-o", f"{tmp_path / 'out'}/")
    assert "3/3" in shown and "0 failed" in shown and "inputs/s" in shown  # the bar
    assert "newsld: 3 converted, 0 failed, 0 skipped in " in shown
    # Not a terminal: no bar, the summary only; -q: nothing at all.
    result = newsld("convert", str(folder), "-o", f"{tmp_path / 'again'}/")
    assert "inputs/s" not in result.stderr and "\x1b[" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("newsld: 3 converted, 0 failed, 0 skipped")
    result = newsld("convert", str(folder), "-o", f"{tmp_path / 'quiet'}/", "-q")
    assert result.returncode == 0 and result.stderr == ""


def test_h_is_help(cli: Cli) -> None:
    assert cli("convert", "-h").stdout == cli("convert", "--help").stdout
    assert "--resume" in cli("convert", "-h").stdout


# ---------------------------------------------------------------- 2. inputs


def test_a_folder_gives_the_files_a_reader_claims(cli: Cli, folder: Path) -> None:
    result = cli("convert", str(folder), "-q")
    assert result.exit_code == 0, result.stderr
    headlines = sorted(d["headline"] for d in documents(result.stdout))
    assert headlines == ["Harbour story 0", "Harbour story 1", "Harbour story 2"]


def test_include_exclude_and_an_input_list(cli: Cli, folder: Path, tmp_path: Path) -> None:
    def headlines(*args: str, input: str | None = None) -> list[str]:
        result = cli("convert", *args, "-q", input=input)
        assert result.exit_code == 0, result.stderr
        return sorted(d["headline"][-1] for d in documents(result.stdout))

    assert headlines(str(folder), "--include", "sub/*") == ["2"]
    assert headlines(str(folder), "--exclude", "*.md") == ["0", "2"]
    listing = tmp_path / "list.txt"
    listing.write_text(f"{folder / 'a.txt'}\n\n{folder / 'sub' / 'c.txt'}\n", encoding="utf-8")
    assert headlines("--input-list", str(listing)) == ["0", "2"]
    assert headlines("--input-list", "-", input=f"{folder / 'b.md'}\n") == ["1"]


# ---------------------------------------------------------------- 3. outputs


@pytest.mark.parametrize("name", ["all.jsonl", "all.ndjson", "all.json"])
def test_a_name_with_an_extension_is_one_json_lines_file(
    cli: Cli, folder: Path, tmp_path: Path, name: str
) -> None:
    out = tmp_path / name
    assert cli("convert", str(folder), "-o", str(out), "-q").exit_code == 0
    assert out.is_file()
    assert len([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]) == 3
    assert out.stat().st_mode & 0o044 == 0o044  # a web server may read it


def test_to_json_is_an_array_and_an_unknown_extension_a_usage_error(
    cli: Cli, folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "all.json"
    assert cli("convert", str(folder), "--to", "json", "-o", str(out)).exit_code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 3
    result = cli("convert", str(folder), "-o", str(tmp_path / "all.foo"))
    assert result.exit_code == 2 and "no installed format writes .foo files" in result.stderr
    assert not (tmp_path / "all.foo").exists()


def test_keep_dirs_and_clashing_names(cli: Cli, folder: Path, tmp_path: Path) -> None:
    (folder / "sub" / "a.txt").write_text(article(9), encoding="utf-8")
    kept = tmp_path / "kept"
    assert cli("convert", str(folder), "-o", f"{kept}/", "--keep-dirs", "-q").exit_code == 0
    written = sorted(str(p.relative_to(kept)) for p in kept.rglob("*.jsonld"))
    assert written == ["a.jsonld", "b.jsonld", "sub/a.jsonld", "sub/c.jsonld"]
    flat = tmp_path / "flat"
    result = cli("convert", str(folder), "-o", f"{flat}/")
    assert "writes" in result.stderr and "--keep-dirs" in result.stderr  # reported
    headlines = {json.loads(p.read_text(encoding="utf-8"))["headline"] for p in flat.iterdir()}
    assert len(headlines) == 4  # neither a.txt overwrote the other


def test_duplicates_are_a_warning_and_dedupe_keeps_one(
    cli: Cli, folder: Path, tmp_path: Path
) -> None:
    first = folder / "a.txt"
    (folder / "copy.txt").write_bytes(first.read_bytes())
    options = ("--url", "https://example.com/same")  # both have the same @id
    result = cli("convert", str(first), str(folder / "copy.txt"), *options)
    assert len(documents(result.stdout)) == 2 and "--dedupe" in result.stderr
    result = cli("convert", str(first), str(folder / "copy.txt"), *options, "--dedupe")
    assert len(documents(result.stdout)) == 1


# ---------------------------------------------------------------- 4. resume


def test_resume_skips_what_is_written_and_ctrl_c_leaves_finished_outputs(
    folder: Path, tmp_path: Path
) -> None:
    # Enough inputs that the interrupt lands mid-batch on a fast machine too.
    total = 300
    for number in range(3, total):
        (folder / f"more-{number}.txt").write_text(article(number), encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-c", MAIN, "convert", str(folder), "-o", f"{out}/"],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (out.exists() and len(list(out.iterdir())) >= 3) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    finished = sorted(out.iterdir())
    if process.returncode == 130:  # stopped before the end (a fast machine may finish first)
        assert "--resume" in stderr.splitlines()[-1]
        assert len(finished) < total
    assert all(json.loads(p.read_text(encoding="utf-8"))["@type"] for p in finished)
    assert all(p.suffix == ".jsonld" for p in finished)  # no partial file
    result = newsld("convert", str(folder), "-o", f"{out}/", "--resume")
    assert result.returncode == 0
    assert f"{total - len(finished)} converted, 0 failed, {len(finished)} skipped" in result.stderr
    assert len(list(out.iterdir())) == total
    # An input changed since its output was written is converted again.
    time.sleep(0.01)
    os.utime(folder / "a.txt")
    result = newsld("convert", str(folder), "-o", f"{out}/", "--resume")
    assert f"1 converted, 0 failed, {total - 1} skipped" in result.stderr


# ---------------------------------------------------------------- 5. convert once, export many


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_convert_once_and_export_many_gives_the_same_tables(cli: Cli, tmp_path: Path) -> None:
    inputs = [str(p) for p in sorted(GOLD.glob("*.txt"))[:4]]
    once = tmp_path / "all.jsonl"
    assert cli("convert", *inputs, "-o", str(once), "-q").exit_code == 0
    tables = {}
    for name in ("claims", "articles", "entities"):
        direct = cli("convert", *inputs, "--to", "csv", "-O", f"table={name}", "-q")
        exported = cli("convert", str(once), "--to", "csv", "-O", f"table={name}", "-q")
        assert exported.exit_code == 0, exported.stderr
        assert table(exported.stdout) == table(direct.stdout) != []
        tables[name] = table(exported.stdout)
    # The tables join on ids, with no claim row lost, and every row names its input.
    entities = {(row["articleId"], row["entityId"]) for row in tables["entities"]}
    speakers = [row for row in tables["claims"] if row["speakerId"]]
    assert speakers
    for row in tables["claims"]:
        for column in ("speakerId", "locationId", "authorityIds", "targetIds", "perpetratorIds"):
            for entity in filter(None, row[column].split("; ")):
                assert (row["articleId"], entity) in entities
    assert {row["source"] for row in tables["articles"]} == set(inputs)
    for row in tables["articles"]:
        assert row["datePublished"] == "" or row["datePublished"][:4].isdigit()
    # XML written from the JSON Lines reads back to the same claims.
    xml = tmp_path / "all.xml"
    assert cli("convert", str(once), "-o", str(xml), "-q").exit_code == 0
    from_xml = cli("convert", str(xml), "--to", "csv", "-q")
    assert from_xml.exit_code == 0, from_xml.stderr
    assert table(from_xml.stdout) == tables["claims"]


def test_dates_are_iso_and_languages_bcp47_from_every_reader(cli: Cli, tmp_path: Path) -> None:
    text = tmp_path / "story.md"
    text.write_text(
        "---\ndate: 23 October 2025\nlang: en_US\n---\nHeadline\n\nA body.\n", encoding="utf-8"
    )
    page = tmp_path / "story.html"
    page.write_text(
        '<html lang="en_GB"><head><title>Headline</title>'
        '<meta property="article:published_time" content="Thu, 23 Oct 2025 08:00:00 GMT">'
        "</head><body><article><h1>Headline</h1><p>A body paragraph long enough to be "
        "the article, with a few more words in it for the reader.</p></article></body></html>",
        encoding="utf-8",
    )
    text_doc = json.loads(cli("convert", str(text)).stdout)
    page_doc = json.loads(cli("convert", str(page)).stdout)
    assert (text_doc["datePublished"], text_doc["inLanguage"]) == ("2025-10-23", "en-US")
    assert (page_doc["datePublished"], page_doc["inLanguage"]) == (
        "2025-10-23T08:00:00+00:00",
        "en-GB",
    )


# ---------------------------------------------------------------- 6. readers


def test_front_matter_is_yaml_with_site_generators_keys(cli: Cli, tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        "---\n"
        'title: "Harbour hits: record heat"\n'
        "date: 2025-07-23T08:00:00+01:00\n"
        "authors:\n  - Ana Núñez\n  - 'Jo Roe'\n"
        "tags: [climate, ports]\n"
        "draft: false\n"
        "---\n"
        "The harbour gauge read 31.5 degrees on Monday, the port authority said.\n",
        encoding="utf-8",
    )
    result = cli("convert", str(post))
    assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr
    document = json.loads(result.stdout)
    assert document["headline"] == "Harbour hits: record heat"
    assert document["datePublished"] == "2025-07-23T08:00:00+01:00"
    assert [a["name"] for a in document["author"]] == ["Ana Núñez", "Jo Roe"]
    assert document["keywords"] == ["climate", "ports"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("July 4, 2025 at 3:15 p.m. ET", "2025-07-04T15:15:00-04:00"),
        ("January 4, 2025 at 3:15 p.m. ET", "2025-01-04T15:15:00-05:00"),
        ("4 July 2025 15:15 BST", "2025-07-04T15:15:00+01:00"),
        ("4 July 2025 15:15 CEST", "2025-07-04T15:15:00+02:00"),
        ("4 January 2025 15:15 PT", "2025-01-04T15:15:00-08:00"),
    ],
)
def test_zone_abbreviations_follow_daylight_saving(
    cli: Cli, tmp_path: Path, written: str, expected: str
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Storm hits coast</title></head><body><article>"
        f"<h1>Storm hits coast</h1><p class='byline'>By Jo Roe</p><p>Published {written}</p>"
        "<p>The storm reached the coast on Friday afternoon, officials said, and thousands "
        "of homes lost power across the region overnight.</p></article></body></html>",
        encoding="utf-8",
    )
    assert json.loads(cli("convert", str(page)).stdout)["datePublished"] == expected


# ---------------------------------------------------------------- 9. plugins


BROKEN_AT_IMPORT = 'raise RuntimeError("boom at import")\n'
BROKEN_EXTRACTOR = """
from newsld import Extractor, hookimpl

def extract(article, analysis):
    raise ValueError("the extractor broke")

@hookimpl
def register_extractors(register):
    register(Extractor("breaks", extract, ("quote",)))
"""


def test_plugins_from_a_folder_and_their_failures(tmp_path: Path, folder: Path) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "bad_import.py").write_text(BROKEN_AT_IMPORT, encoding="utf-8")
    (plugins / "breaks.py").write_text(BROKEN_EXTRACTOR, encoding="utf-8")
    env = {"NEWSLD_LOAD_PLUGINS": ""}
    listed = newsld("--plugins-dir", str(plugins), "plugins", env=env)
    assert "bad_import (failed to load: " in listed.stdout and "boom at import" in listed.stdout
    assert "breaks" in listed.stdout and "no plugins installed" not in listed.stdout
    source = str(folder / "a.txt")
    result = newsld("convert", source, env={**env, "NEWSLD_PLUGINS_DIR": str(plugins)})
    warnings = [line for line in result.stderr.splitlines() if "bad_import" in line]
    assert len(warnings) == 1 and warnings[0].startswith("newsld: warning: plugin bad_import")
    assert "extractor breaks (breaks) raised ValueError: the extractor broke" in result.stderr
    assert "Traceback" not in result.stderr
    verbose = newsld("--plugins-dir", str(plugins), "convert", source, "-v", env=env)
    assert "Traceback" in verbose.stderr and 'raise ValueError("the extractor broke")' in (
        verbose.stderr
    )
    strict = newsld(
        "--plugins-dir", str(plugins), "convert", source, env={**env, "NEWSLD_STRICT_PLUGINS": "1"}
    )
    assert strict.returncode != 0 and "NEWSLD_STRICT_PLUGINS" in strict.stderr
    assert strict.stdout == ""
