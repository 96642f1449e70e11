"""Text conversion speed, every figure a ratio against a peer timed in the same run.

    python benchmarks/run.py [CORPUS_DIR...] [--rounds N] [--jobs-articles 500]

CORPUS_DIR defaults to ../shared/eval/dev and ../shared/eval/dev-check (the
gold articles), else tests/data/gold. Over the same articles, in this process:

- the floor: one regular-expression word scan of each body,
  `re.findall(r"\\w+", body)`; every conversion figure is divided by it
  (issue 16 asks the full conversion to stay within 30 times it);
- the reader and JSON-LD alone (no extractors), the full conversion (every
  extractor on), the full conversion through the batch loop `newsld convert`
  uses (a supervised worker, the time limit, documents passed back), and the
  conversion with each extractor left out in turn;
- `newsld convert DIR -o OUT --jobs 2` against `--jobs 1` on that many articles
  (the corpus repeated), rounds interleaved, best of each (issue 16 asks 1.6
  times on an idle 2-core machine);
- `newsld --version` against starting Python itself.

The machine is named, with its load before and after: a load average near or
above the number of cores means other work shared the machine, and the
process-count ratio then says less than it would on an idle one.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from newsld import Converter, ReadOptions, load_plugins
from newsld.batch import Job, convert_inputs

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_CORPORA = ((EVAL / "dev", EVAL / "dev-check"), (ROOT / "tests" / "data" / "gold",))
NEWSLD = Path(sys.executable).parent / "newsld"
_WORDS = re.compile(r"\w+")

Articles = list[tuple[str, bytes]]


def corpus(folders: Sequence[Path]) -> Articles:
    """The article files of the folders (gold files and non-articles left out)."""
    for candidates in [tuple(folders)] if folders else DEFAULT_CORPORA:
        files = sorted(p for folder in candidates if folder.is_dir() for p in folder.glob("*.txt"))
        if files:
            return [(str(p), p.read_bytes()) for p in files]
    raise SystemExit("no corpus found: pass folders of .txt articles")


def interleaved(contenders: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """The shortest CPU time of each contender over `rounds` rounds that each run them all.

    Interleaving puts every contender under the same load, so a machine that gets
    busier or quieter during the run moves each figure alike and the ratios hold.
    """
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(rounds):
        for name, run in contenders.items():
            start = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - start)
    return best


def converting(converter: Converter, articles: Articles) -> Callable[[], None]:
    """Convert every article and build its JSON-LD."""

    def run() -> None:
        for source, data in articles:
            converter.to_jsonld(converter.convert(data, ReadOptions(source=source)))

    return run


def through_loop(converter: Converter, articles: Articles) -> Callable[[], None]:
    """Convert every article through the batch loop (one supervised worker process)."""

    def run() -> None:
        jobs = [Job(source, data=data) for source, data in articles]
        for outcome in convert_inputs(jobs, converter):
            assert outcome.document is not None, outcome.problem
            converter.to_jsonld(outcome.document)

    return run


def wall_seconds(run: Callable[[], object], rounds: int) -> float:
    """The shortest of `rounds` wall-clock timings (for work done in other processes)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def jobs_ratio(articles: Articles, count: int, rounds: int) -> tuple[float, float]:
    """Articles per second of `newsld convert --jobs 1` and `--jobs 2`, rounds interleaved."""
    with tempfile.TemporaryDirectory() as work:
        inputs = Path(work) / "in"
        inputs.mkdir()
        for number in range(count):
            source, data = articles[number % len(articles)]
            (inputs / f"{number:04d}-{Path(source).name}").write_bytes(data)
        best = {1: float("inf"), 2: float("inf")}
        for _ in range(rounds):
            for jobs in (1, 2):
                out = Path(work) / "out"
                shutil.rmtree(out, ignore_errors=True)
                command = [str(NEWSLD), "convert", str(inputs), "-o", f"{out}/", "-j", str(jobs)]
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                best[jobs] = min(best[jobs], time.perf_counter() - start)
    return count / best[1], count / best[2]


def start_up(rounds: int) -> tuple[float, float]:
    """Seconds of `newsld --version` and of `python -c pass` (wall clock, best of rounds)."""
    version = wall_seconds(lambda: subprocess.run([str(NEWSLD), "--version"], check=True,
                                                  capture_output=True), rounds)  # fmt: skip
    bare = [sys.executable, "-c", "pass"]
    python = wall_seconds(lambda: subprocess.run(bare, check=True), rounds)
    return version, python


def machine() -> str:
    """One line naming the machine the figures come from."""
    return (
        f"{platform.node()} {platform.machine()} {os.cpu_count()} cpus, "
        f"{platform.python_implementation()} {platform.python_version()}, {platform.system()}"
    )


def load() -> str:
    """The load averages, and whether they say the machine is busy."""
    one, five, _ = os.getloadavg()
    cpus = os.cpu_count() or 1
    busy = " (busy: other work shares the machine)" if one > 0.5 else " (idle)"
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {cpus} cpus{busy}"


def row(label: str, value: str, ratio: float, note: str = "") -> None:
    print(f"{label:44}{value:>14}{ratio:10.1f}x  {note}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs-articles", type=int, default=500, help="0 leaves out --jobs")
    args = parser.parse_args(argv)
    articles = corpus(args.corpus)
    print(f"machine: {machine()}")
    print(f"before: {load()}")
    plugins = load_plugins(third_party=False)
    names = sorted(plugins.registry.extractors)
    converter = Converter(plugins)
    converting(converter, articles)()  # warm caches and lazy imports
    bodies = [converter.convert(data, ReadOptions(source=s)).article.body for s, data in articles]
    contenders: dict[str, Callable[[], object]] = {
        "floor": lambda: [_WORDS.findall(body) for body in bodies],
        "reader": converting(Converter(plugins, only=[]), articles),
        "full": converting(converter, articles),
    }
    for name in names:
        contenders[name] = converting(Converter(plugins, skip=[name]), articles)
    best = interleaved(contenders, args.rounds)
    floor, full = best["floor"], best["full"]
    size = sum(len(body) for body in bodies)
    print(f"corpus: {len(articles)} articles, {size:,} characters of body; best of {args.rounds}")
    print(f"extractors: {', '.join(names)}")
    print(f"{'':44}{'per article':>14}{'ratio':>11}")
    per = 1000 / len(articles)
    row('re.findall(r"\\w+", body) (the floor)', f"{floor * per:.3f} ms", 1.0)
    reader = best["reader"]
    row("reader + JSON-LD (no extractors)", f"{reader * per:.3f} ms", reader / floor)
    row("all extractors", f"{full * per:.3f} ms", full / floor, "issue 16: at most 30x")
    for name in names:
        cost = full - best[name]
        row(f"  {name} alone costs", f"{cost * per:.3f} ms", cost / floor)
    looped = wall_seconds(through_loop(converter, articles), args.rounds)
    row("through the batch loop (wall clock)", f"{looped * per:.3f} ms", looped / floor)
    version, python = start_up(args.rounds)
    print(f"newsld --version: {version * 1000:.0f} ms, {version / python:.1f}x starting Python")
    if args.jobs_articles > 0:
        one, two = jobs_ratio(articles, args.jobs_articles, max(2, args.rounds // 2))
        print(
            f"newsld convert --jobs 1: {one:.1f} articles/s, --jobs 2: {two:.1f} articles/s "
            f"on {args.jobs_articles} articles: {two / one:.2f}x (issue 16: at least 1.6x idle)"
        )
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
