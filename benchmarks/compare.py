"""This checkout against an earlier commit: conversions per second, rounds interleaved.

    python benchmarks/compare.py [CORPUS_DIR] [--against REV] [--rounds N]

Unpacks REV (default HEAD~1) with `git archive` into a temporary folder and
times the full conversion (every extractor on) of the same articles with
both versions of the code, one round of each in turn, each in a fresh
process that imports its own `newsld` and `newsld_plugins` from its own
tree (the third-party packages installed here are shared). Interleaving
the rounds and taking the best of each cancels most of the noise of a busy
machine; the figure that counts is the ratio, printed last.

CORPUS_DIR defaults to ../shared/eval/dev, else tests/data/gold.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = (ROOT.parent / "shared" / "eval" / "dev", ROOT / "tests" / "data" / "gold")

# One timed round in a child process: the tree to import is first on sys.path.
_ROUND = """
import sys, time
from pathlib import Path
from newsld import Converter, ReadOptions
articles = [(str(p), p.read_bytes()) for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
only = sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[3] else None
converter = Converter(only=only) if only else Converter()
for name, data in articles:  # warm up: plugins loaded, regexes compiled
    converter.to_jsonld(converter.convert(data, ReadOptions(name)))
start = time.perf_counter()
for _ in range(int(sys.argv[2])):
    for name, data in articles:
        converter.to_jsonld(converter.convert(data, ReadOptions(name)))
print(len(articles) * int(sys.argv[2]) / (time.perf_counter() - start))
"""


def corpus(folder: Path | None) -> Path:
    """The folder of articles to convert."""
    for candidate in [folder] if folder else DEFAULT_CORPORA:
        if candidate and candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    raise SystemExit("no corpus found: pass a folder of .txt articles")


def unpack(rev: str, into: Path) -> Path:
    """The source tree of `rev`, unpacked from git."""
    archive = into / "tree.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", rev], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree"


def one_round(tree: Path, articles: Path, repeat: int, only: str = "") -> float:
    """Conversions per second of one round with the code of `tree`."""
    path = os.pathsep.join([str(tree / "core"), str(tree / "plugins")])
    env = {**os.environ, "PYTHONPATH": path}
    done = subprocess.run(
        [sys.executable, "-c", _ROUND, str(articles), str(repeat), only],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--against", default="HEAD~1", help="the earlier commit (default HEAD~1)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus per round")
    parser.add_argument("--only", default="", help="extractors to run (default: all)")
    args = parser.parse_args(argv)
    articles = corpus(args.corpus)
    with tempfile.TemporaryDirectory() as work:
        earlier = unpack(args.against, Path(work))
        best = {"this checkout": 0.0, args.against: 0.0}
        for _ in range(args.rounds):
            for name, tree in ((args.against, earlier), ("this checkout", ROOT)):
                rate = one_round(tree, articles, args.repeat, args.only)
                best[name] = max(best[name], rate)
    print(f"corpus: {articles} ({len(list(articles.glob('*.txt')))} articles)")
    running = args.only or "all extractors"
    print(f"best of {args.rounds} interleaved rounds, {running}:")
    for name, rate in best.items():
        print(f"  {name:24} {rate:8.1f} conv/s")
    print(f"ratio this checkout / {args.against}: {best['this checkout'] / best[args.against]:.2f}")


if __name__ == "__main__":
    main()
