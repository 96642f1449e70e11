"""Whether this checkout writes the same documents as an earlier commit.

    python benchmarks/same_output.py [FOLDER...] [--against REV]

A speed change must not change what newsld finds. This converts every
article (`*.txt`) and page (`*.htm*`) of the folders with the code of REV
(default `main`, unpacked with `git archive` and run in a fresh process) and
with this checkout, and compares the JSON-LD documents, warnings and errors
byte for byte. It prints the number of inputs compared and the names of those
that differ (never their content: some folders are held out for measuring
only), and exits 1 when any differs. REV's documents are kept under the
system's temporary folder by commit, so a second check against the same
commit converts only this checkout.

FOLDER defaults to the gold and page folders of ../shared/eval and the extra
article folders beside the checkout (../dev2, ../dev3, ../dev4, ../dev-ev),
those that exist.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT.parent
DEFAULT_FOLDERS = (
    WORK / "shared" / "eval" / "dev",
    WORK / "shared" / "eval" / "dev-check",
    WORK / "dev2",
    WORK / "dev3",
    WORK / "dev4",
    WORK / "dev-ev",
    WORK / "shared" / "eval" / "pages-dev",
)

# One run in a child process: the tree to import is first on sys.path; prints one JSON
# object, input path -> its documents as canonical JSON (or the problem).
_RUN = """
import json, sys
from newsld import Converter, ReadOptions
converter = Converter()
out = {}
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    try:
        document = converter.convert(data, ReadOptions(source=path))
        out[path] = json.dumps(
            [converter.to_jsonld(document), document.warnings, document.errors],
            sort_keys=True, ensure_ascii=False,
        )
    except Exception as exc:
        out[path] = f"{type(exc).__name__}: {exc}"
json.dump(out, sys.stdout)
"""


def inputs(folders: Sequence[Path]) -> list[Path]:
    """The articles and pages of the folders."""
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html", ".htm"))
    return found


def documents(tree: Path, paths: Sequence[Path]) -> dict[str, str]:
    """Each input's documents as converted by the code of `tree`."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tree / "core"), str(tree / "plugins")])}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *map(str, paths)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, str] = json.loads(done.stdout)
    return result


def earlier(rev: str, paths: Sequence[Path]) -> dict[str, str]:
    """The documents of commit `rev`, from the cache or converted now."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", rev], capture_output=True, text=True, check=True
    ).stdout.strip()
    key = hashlib.sha256("\n".join(map(str, paths)).encode()).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / "newsld-same-output" / f"{commit}-{key}.json"
    if cache.is_file():
        cached: dict[str, str] = json.loads(cache.read_text())
        return cached
    with tempfile.TemporaryDirectory() as work:
        archive = Path(work) / "tree.tar"
        with archive.open("wb") as out:
            subprocess.run(["git", "-C", str(ROOT), "archive", commit], stdout=out, check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(Path(work) / "tree", filter="data")
        result = documents(Path(work) / "tree", paths)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(result))
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--against", default="main", help="the earlier commit (default main)")
    args = parser.parse_args(argv)
    paths = inputs(args.folders or DEFAULT_FOLDERS)
    before = earlier(args.against, paths)
    now = documents(ROOT, paths)
    differ = [p for p in map(str, paths) if before.get(p) != now.get(p)]
    print(f"{len(paths)} inputs compared against {args.against}: {len(differ)} differ")
    for path in differ:
        print(f"  differs: {path}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
