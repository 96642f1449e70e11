"""How conversion time grows with input size, and what hostile inputs cost.

    python benchmarks/growth.py [--sizes 1,2,4,8] [--hostile-size 1] [--cap 120]

1. Growth: articles of ordinary prose of 1, 2, 4 and 8 MB (the gold articles of
   ../shared/eval/dev, else tests/data/gold, repeated) are converted with every
   extractor; the time of each and the fitted exponent of time ~ size^k are
   printed (k <= 1.15 is the bar: linear, with room for cache effects).
2. Hostile inputs: generated pathological articles (long capitalised runs, a
   line of capital letters, unbalanced quotation marks, many identical quotes,
   many "X said." sentences, many acronyms, a page head of repeated `<a `) are converted at
   one size next to prose of the same size; each time is printed as a ratio
   to the prose (5x is the bar). An input over the bar is timed again with the
   core layers alone and with each extractor alone (`--only`), so the slow
   part is named.

Every timing runs in a child process killed after `--cap` seconds (printed
as "> cap"), so a quadratic pass cannot hang the benchmark.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from newsld import Analysis, Converter, ReadOptions, load_plugins
from newsld.convert import article_base
from newsld.text.entities import mentions
from newsld.text.events import dates, event_sentences
from newsld.text.quotations import quotations

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT.parent / "shared" / "eval" / "dev", ROOT / "tests" / "data" / "gold")
MB = 1_000_000
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_PLUGINS = load_plugins(third_party=False)
#: The configurations an input can be timed in: every extractor, the core layers, one extractor.
EVERYTHING = "all extractors"
CORE = "core layers"
Task = Callable[[bytes, str, str], None]


# ---------------------------------------------------------------- inputs


def prose_sample() -> str:
    """Ordinary news prose: the bodies of the gold articles, joined."""
    for folder in CORPORA:
        files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        if files:
            bodies = [_FRONT.sub("", p.read_text(encoding="utf-8")) for p in files]
            return "\n\n".join(b.split("\n", 1)[-1].strip() for b in bodies)
    raise SystemExit("no corpus found (../shared/eval/dev or tests/data/gold)")


def _fill(unit: Callable[[random.Random], str], size: int) -> str:
    rng = random.Random(13)
    parts: list[str] = []
    length = 0
    while length < size:
        part = unit(rng)
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


_NAMES = ("Smith", "Jones", "Okafor", "Ivanova", "Leavitt", "Nguyen", "Haddad", "Moreau")
_WORDS = ("the", "minister", "said", "talks", "would", "resume", "in", "Geneva", "on", "Monday")


def hostile_bodies(size: int, prose: str) -> dict[str, str]:
    """The pathological bodies of about `size` characters, by name."""
    return {
        "prose": (prose * (size // len(prose) + 1))[:size],
        "capitalised run": _fill(lambda r: r.choice(_NAMES) + " ", size),
        "capital letters": _fill(lambda r: r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), size),
        "unbalanced quotes": _fill(lambda r: r.choice(('"', "“", "‘", *_WORDS)) + " ", size),
        "identical quotes": _fill(lambda r: '"We will not back down," Smith said. ', size),
        "X said.": _fill(lambda r: f"{r.choice(_NAMES)} said. ", size),
        "acronyms": _fill(_acronym, size),
    }


def _acronym(rng: random.Random) -> str:
    """An organisation named in full, then by an acronym of its own (each one new)."""
    letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
    return f"The {letters.title()} Bureau of Nothing said. {letters} said. "


def as_text(body: str) -> bytes:
    """A plain-text article with a headline and a date (extractors resolve dates)."""
    return f"---\ndatePublished: 2024-05-01\n---\nHeadline\n\n{body}\n".encode()


def as_page(body: str, head: str = "") -> bytes:
    """An HTML page holding `body` as paragraphs, with `head` inside its <head>."""
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n") if p.strip())
    return (
        f"<!doctype html><html><head><title>Headline</title>{head}</head>"
        f"<body><article><h1>Headline</h1>{paragraphs}</article></body></html>"
    ).encode()


# ---------------------------------------------------------------- timing


def _convert(data: bytes, source: str, configuration: str) -> None:
    if configuration == CORE:
        converter = Converter(_PLUGINS, only=[])
        article = converter.read(data, ReadOptions(source=source))
        analysis = Analysis(article, article_base(article))
        for layer in (quotations, mentions, dates, event_sentences):
            layer(analysis)
        return
    only = None if configuration == EVERYTHING else [configuration]
    converter = Converter(_PLUGINS, only=only)
    converter.to_jsonld(converter.convert(data, ReadOptions(source=source)))


def _embed(data: bytes, source: str, configuration: str) -> None:
    from newsld_plugins.search.embed import embed_jsonld
    from newsld_plugins.search.profile import search_jsonld

    converter = Converter(_PLUGINS, only=None if configuration == EVERYTHING else [configuration])
    document = converter.convert(data, ReadOptions(source=source), "html")
    embed_jsonld(data, search_jsonld(document, converter.registry.claim_types))


def _child(task: Task, args: tuple[bytes, str, str], out: Connection) -> None:
    start = time.perf_counter()
    task(*args)
    out.send(time.perf_counter() - start)


def timed(task: Task, data: bytes, source: str, configuration: str, cap: float) -> float:
    """Seconds `task` takes in a fresh child process; infinity past `cap`."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(task, (data, source, configuration), send))
    child.start()
    send.close()
    ready = receive.poll(cap)
    seconds = receive.recv() if ready else math.inf
    child.kill()
    child.join()
    return float(seconds)


def exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float:
    """The least-squares slope of log(seconds) on log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in seconds]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return num / sum((x - mean_x) ** 2 for x in xs)


def _show(seconds: float) -> str:
    return "> cap" if math.isinf(seconds) else f"{seconds:.2f}"


# ---------------------------------------------------------------- the report


def growth(prose: str, sizes: Sequence[float], cap: float, bar: float = 1.15) -> None:
    """Time prose of each size with every extractor and fit the exponent; past the bar, fit
    it again for the core layers alone and each extractor alone, to name the superlinear one."""
    print(f"growth: prose, every extractor ({', '.join(sorted(_PLUGINS.registry.extractors))})")
    k = _fit(prose, sizes, cap, EVERYTHING, bar)
    if k is not None and k <= bar:
        return
    print("\ngrowth by part (the core layers alone, then each extractor alone)")
    for configuration in [CORE, *sorted(_PLUGINS.registry.extractors)]:
        print(f"{configuration}:")
        _fit(prose, sizes, cap, configuration, bar)


def _fit(
    prose: str, sizes: Sequence[float], cap: float, configuration: str, bar: float
) -> float | None:
    times = []
    for megabytes in sizes:
        data = as_text(hostile_bodies(int(megabytes * MB), prose)["prose"])
        seconds = timed(_convert, data, "prose.txt", configuration, cap)
        times.append(seconds)
        print(f"  {megabytes:5g} MB  {_show(seconds):>8} s")
        if math.isinf(seconds):
            break
    if not all(math.isfinite(t) for t in times) or len(times) < 2:
        print("  fitted exponent: not measured (a size hit the cap)")
        return None
    k = exponent(sizes[: len(times)], times)
    print(f"  fitted exponent: {k:.2f} ({'within' if k <= bar else 'OVER'} the {bar:g} bar)")
    return k


@dataclass(frozen=True)
class Case:
    """One input to time, and the input of ordinary prose it is compared with."""

    name: str
    task: Task
    data: bytes
    source: str
    peer: str


def cases(prose: str, size: int) -> list[Case]:
    """The hostile inputs of about `size` characters, each with its prose peer."""
    bodies = hostile_bodies(size, prose)
    found = [
        Case(name, _convert, as_text(body), "article.txt", "prose") for name, body in bodies.items()
    ]
    page = as_page(bodies["prose"])
    a_head = as_page(bodies["prose"][: size // 2], head="<a " * (size // 6))
    for verb, task in (("convert", _convert), ("embed", _embed)):
        peer = f"page of prose ({verb})"
        found += [
            Case(peer, task, page, "page.html", peer),
            Case(f"<a in head ({verb})", task, a_head, "page.html", peer),
        ]
    return found


def hostile(prose: str, megabytes: float, cap: float, bar: float = 5.0) -> None:
    """Time each hostile input against prose of the same size; isolate the slow ones."""
    found = cases(prose, int(megabytes * MB))
    print(f"\nhostile inputs at {megabytes:g} MB, every extractor (bar: {bar:g}x prose)")
    print(f"  {'input':26}{'seconds':>10}{'vs prose':>10}")
    seconds = {}
    slow = []
    for case in found:
        seconds[case.name] = timed(case.task, case.data, case.source, EVERYTHING, cap)
        ratio = seconds[case.name] / seconds[case.peer]
        flag = "  SLOW" if ratio > bar else ""
        print(f"  {case.name:26}{_show(seconds[case.name]):>10}{ratio:>9.1f}x{flag}")
        if ratio > bar:
            slow.append(case)
    if slow:
        isolate(slow, {c.name: c for c in found}, cap, bar)


def isolate(slow: list[Case], by_name: dict[str, Case], cap: float, bar: float) -> None:
    """Time the slow inputs with the core layers alone and with each extractor alone."""
    configurations = [CORE, *sorted(_PLUGINS.registry.extractors)]
    print("\nwhere the slow inputs spend their time: seconds (ratio to prose, same configuration)")
    print(f"  {'input':26}" + "".join(f"{c:>18}" for c in configurations))
    for case in slow:
        peer = by_name[case.peer]
        cells = []
        for configuration in configurations:
            spent = timed(case.task, case.data, case.source, configuration, cap)
            base = timed(peer.task, peer.data, peer.source, configuration, cap)
            ratio = spent / base if base > 0 else math.inf
            cells.append(f"{_show(spent)} ({ratio:.0f}x){'!' if ratio > bar else ' '}")
        print(f"  {case.name:26}" + "".join(f"{c:>18}" for c in cells))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="Prose sizes in MB (comma-separated).")
    parser.add_argument(
        "--hostile-size", type=float, default=1.0, help="Size of hostile inputs in MB."
    )
    parser.add_argument("--cap", type=float, default=300.0, help="Seconds before a timing is cut.")
    parser.add_argument("--skip-growth", action="store_true")
    parser.add_argument("--skip-hostile", action="store_true")
    args = parser.parse_args(argv)
    prose = prose_sample()
    warm = hostile_bodies(20_000, prose)["prose"]  # lazy imports and caches, before any fork
    _convert(as_text(warm), "warm.txt", EVERYTHING)
    _embed(as_page(warm), "warm.html", EVERYTHING)
    if not args.skip_growth:
        growth(prose, [float(s) for s in args.sizes.split(",")], args.cap)
    if not args.skip_hostile:
        hostile(prose, args.hostile_size, args.cap)


if __name__ == "__main__":
    main()
