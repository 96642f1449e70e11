"""Peak memory of streaming a batch into one CSV and one XML file, at 1x and 20x the corpus.

    python benchmarks/export_memory.py [CORPUS_DIR]   (default: ../shared/eval/dev)

Each article is converted once; the documents are then written `n` times over
through one writer per format, as `newsld convert DIR -o out.csv` streams a
batch. Peak memory (tracemalloc) must not grow with `n`: the writers keep one
document at a time.
"""

from __future__ import annotations

import sys
import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from newsld import Converter, Document, ExportOptions, ReadOptions

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


def documents(converter: Converter, paths: list[Path], times: int) -> Iterator[Document]:
    """Every article converted, `times` over, one at a time."""
    for _ in range(times):
        for path in paths:
            yield converter.convert(path.read_bytes(), ReadOptions(source=str(path)))


def peak(
    converter: Converter, paths: list[Path], fmt: str, table: str, times: int
) -> tuple[int, int, int]:
    """(peak bytes, documents written, output bytes) for one streamed export."""
    exporter = converter.registry.exporters[fmt]
    options = ExportOptions(converter.registry.claim_types, {"table": table} if table else {})
    with tempfile.TemporaryFile() as out:
        tracemalloc.start()
        writer = exporter.factory(out, options)
        writer.start()
        for document in documents(converter, paths, times):
            writer.write(document)
        writer.finish()
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top, writer.count, out.tell()


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    paths = sorted(corpus.glob("*.txt"))
    converter = Converter()
    print(f"{len(paths)} articles from {corpus}")
    for fmt, table in (("csv", "claims"), ("csv", "articles"), ("xml", "")):
        for times in (1, 20):
            top, count, size = peak(converter, paths, fmt, table, times)
            label = f"{fmt} {table}".strip()
            print(f"{label:13} x{times:<3} {count:4} documents {size / 1e6:6.2f} MB out", end="")
            print(f"  peak {top / 1e6:5.2f} MB")


if __name__ == "__main__":
    main()
