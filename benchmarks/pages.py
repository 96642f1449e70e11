"""Web page conversion speed and memory, every figure a ratio against a peer in the same run.

    python benchmarks/pages.py [PAGES_DIR] [--repeat 3] [--megabytes 8]

PAGES_DIR defaults to ../shared/eval/pages-dev. Over the same pages, in this
process, best of `--repeat` rounds (CPU time):

- newsld's whole conversion (html reader, every installed extractor, JSON-LD)
  against `trafilatura.extract(html, with_metadata=True)` and plain
  `trafilatura.extract(html)`, in pages per second (issue 16 asks at least
  1.5 times the first);
- the same conversion against parsing the page with `lxml.html.fromstring`,
  the floor of any reader built on lxml (issue 16 asks at most 10 times), and
  the reader alone (no extractors) against it;
- the parts of the reader against the same floor: newsld's parsing of the page
  (decoding included), its metadata reading, and trafilatura's main-text
  extraction alone with newsld's options on the already parsed tree, which is
  the least a reader with trafilatura as its extractor pays after parsing;
- the peak memory of converting one page of `--megabytes` MB (the pages' own
  paragraphs, each made unique, inside one article), measured in a fresh
  process, in bytes per input byte (issue 16 asks at most 30), and that of
  the reader alone.

The machine and its load are printed with the figures.
"""

from __future__ import annotations

import argparse
import gzip
import html
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import lxml.html
import trafilatura

from newsld.convert import Converter
from newsld.registry import ReadOptions
from newsld_plugins.html.maintext import trafilatura_paragraphs
from newsld_plugins.html.metadata import page_metadata
from newsld_plugins.html.parse import decode_page, parse_page

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import interleaved, load, machine  # the benchmarks folder is not a package

DEFAULT_PAGES = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "pages-dev"
_PARAGRAPH = re.compile(rb"<p[\s>].*?</p>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")

# Peak memory of one conversion, in a fresh process: bytes of the page on stdin.
# On Linux the peak is the process's own high-water mark (VmHWM): ru_maxrss starts a
# child at the resident size of the parent it was forked from, so a benchmark that
# holds the pages and their trees would hide most of the conversion's peak.
_MEMORY = """
import resource, sys
from newsld import Converter, ReadOptions

def peak_kb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

page = sys.stdin.buffer.read()
converter = Converter(only=[] if sys.argv[1:] == ["--reader"] else None)
small = b"<html><body><article><p>" + b"Officials said on Monday that two people died. " * 40
small += b"</p></article></body></html>"
converter.to_jsonld(converter.convert(small, ReadOptions("a.html")))
before = peak_kb()
converter.to_jsonld(converter.convert(page, ReadOptions("big.html")))
after = peak_kb()
print((after - before) * 1024 / len(page))
"""


def _pages(folder: Path) -> list[tuple[str, bytes]]:
    pages = []
    for path in sorted(folder.glob("*.htm*")):
        data = path.read_bytes()
        pages.append((path.name, gzip.decompress(data) if path.suffix == ".gz" else data))
    return pages


def big_page(pages: list[tuple[str, bytes]], megabytes: float) -> bytes:
    """One article page of about `megabytes` MB made of the pages' paragraphs, each unique."""
    texts = [
        " ".join(_TAG.sub(" ", p.decode("utf-8", "replace")).split())
        for _, data in pages
        for p in _PARAGRAPH.findall(data)
    ]
    texts = [t for t in texts if len(t) > 80] or ["Officials said two people died in the attack."]
    parts, size, number = [], 0, 0
    while size < megabytes * 2**20:
        part = f"<p>{html.escape(texts[number % len(texts)])} ({number})</p>\n"
        parts.append(part)
        size += len(part.encode())
        number += 1
    head = "<!doctype html><html><head><title>A long story</title></head><body><article>"
    return (head + "<h1>A long story</h1>" + "".join(parts) + "</article></body></html>").encode()


def memory_per_byte(page: bytes, reader_only: bool = False) -> float:
    """Peak memory of converting `page` in a fresh process, per input byte."""
    command = [sys.executable, "-c", _MEMORY, *(["--reader"] if reader_only else [])]
    done = subprocess.run(command, input=page, capture_output=True, check=True)
    return float(done.stdout.decode().strip().splitlines()[-1])


def main() -> None:
    """Time newsld and its peers over the pages, and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages_dir", nargs="?", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--megabytes", type=float, default=8.0, help="0 leaves out memory")
    args = parser.parse_args()
    pages = _pages(args.pages_dir)
    print(f"machine: {machine()}")
    print(f"before: {load()}")
    converter, reader = Converter(), Converter(only=[])

    def newsld(name: str, data: bytes) -> object:
        return converter.to_jsonld(converter.convert(data, ReadOptions(source=name), "html"))

    def reader_alone(name: str, data: bytes) -> object:
        return reader.to_jsonld(reader.convert(data, ReadOptions(source=name), "html"))

    def over_pages(run: Callable[[str, bytes], object]) -> Callable[[], object]:
        return lambda: [run(name, data) for name, data in pages]

    newsld(*pages[0])  # lazy imports and compiled checks, out of the timings
    trees = [parse_page(decode_page(data, name)) for name, data in pages]
    best = interleaved(
        {
            "newsld": over_pages(newsld),
            "trafilatura.extract(with_metadata=True)": over_pages(
                lambda _, data: trafilatura.extract(data, with_metadata=True)
            ),
            "trafilatura.extract()": over_pages(lambda _, data: trafilatura.extract(data)),
            "lxml": over_pages(lambda _, data: lxml.html.fromstring(data)),
            "reader": over_pages(reader_alone),
            "parse": over_pages(lambda name, data: parse_page(decode_page(data, name))),
            "metadata": lambda: [page_metadata(tree) for tree in trees if tree is not None],
            "trafilatura": lambda: [trafilatura_paragraphs(t) for t in trees if t is not None],
        },
        args.repeat,
    )
    ours, floor, alone = best.pop("newsld"), best.pop("lxml"), best.pop("reader")
    parts = {name: best.pop(name) for name in ("parse", "metadata", "trafilatura")}
    peers = best
    extractors = ", ".join(e.name for e in converter.extractors) or "none"
    print(f"{len(pages)} pages of {args.pages_dir}, extractors: {extractors}")
    print(f"{len(pages) / ours:8.1f} pages/s  newsld convert (html reader + extractors + JSON-LD)")
    for label, seconds in peers.items():
        note = "  (issue 16: at least 1.5)" if "with_metadata" in label else ""
        print(f"{len(pages) / seconds:8.1f} pages/s  {label}: newsld {seconds / ours:.2f}x{note}")
    print(f"newsld's time / lxml.html.fromstring's: {ours / floor:.1f}x (issue 16: at most 10)")
    print(f"  the html reader alone (no extractors): {alone / floor:.1f}x, of which")
    print(f"    decoding and parsing the page: {parts['parse'] / floor:.1f}x")
    print(f"    reading its metadata: {parts['metadata'] / floor:.1f}x")
    extraction = parts["trafilatura"] / floor
    print(f"    trafilatura's extraction alone, on the parsed tree: {extraction:.1f}x")
    if args.megabytes > 0:
        page = big_page(pages, args.megabytes)
        per_byte = memory_per_byte(page)
        print(
            f"peak memory converting a {len(page) / 2**20:.1f} MB page: {per_byte:.1f} bytes "
            "per input byte (issue 16: at most 30)"
        )
        print(f"  the html reader alone (no extractors): {memory_per_byte(page, True):.1f}")
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
