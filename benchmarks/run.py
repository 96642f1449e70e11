"""Conversions per second over a corpus of articles, in one process.

    python benchmarks/run.py [CORPUS_DIR] [--rounds N]

CORPUS_DIR defaults to ../shared/eval/dev (the gold articles), else
tests/data/gold. Reports, for the same articles in the same process: the
full pipeline (every extractor on), the reader alone (no extractors, the
peer every other figure is divided by), and the pipeline with each extractor
left out in turn, so the cost of each extractor shows as a ratio. The
pipeline is also timed through the batch loop `newsld convert` uses (one
supervised worker process, the per-input time limit, documents passed back to
the parent), so the cost of that isolation shows against the same figure.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Sequence
from pathlib import Path

from newsld import Converter, ReadOptions, load_plugins
from newsld.batch import Job, convert_inputs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = (ROOT.parent / "shared" / "eval" / "dev", ROOT / "tests" / "data" / "gold")


def corpus(folder: Path | None) -> list[tuple[str, bytes]]:
    """The article files of a folder (gold files and non-articles left out)."""
    for candidate in [folder] if folder else DEFAULT_CORPORA:
        if candidate and candidate.is_dir():
            files = sorted(p for p in candidate.glob("*.txt"))
            if files:
                return [(str(p), p.read_bytes()) for p in files]
    raise SystemExit("no corpus found: pass a folder of .txt articles")


def rate(converter: Converter, articles: list[tuple[str, bytes]], rounds: int) -> float:
    """Conversions per second (document built and serialised), best of `rounds`."""
    best = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        for source, data in articles:
            converter.to_jsonld(converter.convert(data, ReadOptions(source=source)))
        best = max(best, len(articles) / (time.perf_counter() - start))
    return best


def loop_rate(converter: Converter, articles: list[tuple[str, bytes]], rounds: int) -> float:
    """Conversions per second through the batch loop (a worker process, the time limit)."""
    best = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        jobs = [Job(source, data=data) for source, data in articles]
        for outcome in convert_inputs(jobs, converter):
            assert outcome.document is not None, outcome.problem
            converter.to_jsonld(outcome.document)
        best = max(best, len(articles) / (time.perf_counter() - start))
    return best


def machine() -> str:
    """One line naming the machine the figures come from."""
    return (
        f"{platform.node()} {platform.machine()} {os.cpu_count()} cpus, "
        f"{platform.python_implementation()} {platform.python_version()}, {platform.system()}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    articles = corpus(args.corpus)
    plugins = load_plugins(third_party=False)
    names = sorted(plugins.registry.extractors)
    converter = Converter(plugins)
    rate(converter, articles, 1)  # warm caches and lazy imports
    reader_only = rate(Converter(plugins, only=[]), articles, args.rounds)
    full = rate(converter, articles, args.rounds)
    print(f"machine: {machine()}")
    print(f"corpus: {len(articles)} articles, best of {args.rounds} rounds")
    print(f"extractors: {', '.join(names)}")
    print(f"{'configuration':34}{'conv/s':>10}{'vs reader alone':>18}")
    print(f"{'reader + JSON-LD (no extractors)':34}{reader_only:10.1f}{1.0:18.2f}")
    print(f"{'all extractors':34}{full:10.1f}{full / reader_only:18.2f}")
    looped = loop_rate(converter, articles, args.rounds)
    print(f"{'  through the batch loop':34}{looped:10.1f}{looped / reader_only:18.2f}")
    for name in names:
        without = rate(Converter(plugins, skip=[name]), articles, args.rounds)
        print(f"{'  without ' + name:34}{without:10.1f}{without / reader_only:18.2f}")


if __name__ == "__main__":
    main()
