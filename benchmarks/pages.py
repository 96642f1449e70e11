"""Speed of reading web pages: newsld against trafilatura, same pages, same process.

    python benchmarks/pages.py PAGES_DIR [--repeat 3]

newsld runs the whole conversion (html reader, every installed extractor,
JSON-LD); trafilatura runs `extract(html, with_metadata=True)` and plain
`extract(html)`, its defaults. Each is timed over all pages, best of
`--repeat` rounds, and the ratio newsld / trafilatura in pages per second is
printed: at least 1.0 means newsld keeps up.
"""

from __future__ import annotations

import argparse
import gzip
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from newsld.convert import Converter
from newsld.registry import ReadOptions


def _pages(folder: Path) -> list[tuple[str, bytes]]:
    pages = []
    for path in sorted(folder.glob("*.htm*")):
        data = path.read_bytes()
        pages.append((path.name, gzip.decompress(data) if path.suffix == ".gz" else data))
    return pages


def _best_rate(
    run: Callable[[str, bytes], object], pages: list[tuple[str, bytes]], repeat: int
) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for name, data in pages:
            run(name, data)
        best = min(best, time.perf_counter() - start)
    return len(pages) / best


def main() -> None:
    """Time both and print pages per second and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages_dir", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = _pages(args.pages_dir)
    converter = Converter()

    def newsld(name: str, data: bytes) -> object:
        document = converter.convert(data, ReadOptions(source=name), reader="html")
        return converter.to_jsonld(document)

    rates = {
        "newsld convert (html reader + extractors + JSON-LD)": _best_rate(
            newsld, pages, args.repeat
        ),
        "trafilatura.extract(with_metadata=True)": _best_rate(
            lambda _, data: trafilatura.extract(data, with_metadata=True), pages, args.repeat
        ),
        "trafilatura.extract()": _best_rate(
            lambda _, data: trafilatura.extract(data), pages, args.repeat
        ),
    }
    ours = next(iter(rates.values()))
    extractors = ", ".join(e.name for e in converter.extractors) or "none"
    print(f"{len(pages)} pages, extractors: {extractors}")
    for label, rate in rates.items():
        print(f"{rate:8.1f} pages/s  {label}  (newsld / this: {ours / rate:.2f})")


if __name__ == "__main__":
    main()
