"""Where WARC records start and end in a file, without parsing them.

The WARC library reads records in order and stops at the first one it cannot
read. These helpers let the reader go on past it: the end of the last good
record (where the broken one begins), the next place a record starts (a gzip
member that opens with `WARC/`, or a `WARC/1.x` line in an uncompressed
file), and byte ranges that each begin at a record, so workers can read one
archive in parts. Reads are in fixed-size chunks: memory does not grow with
the archive.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

__all__ = ["is_gzip", "next_record_start", "record_end", "split"]

GZIP_MEMBER = b"\x1f\x8b\x08"
CHUNK = 1 << 20
#: An uncompressed record starts with its version line.
_VERSION_LINE = re.compile(rb"WARC/1\.[01]\r?\n")
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)[ \t]*\r?$")
_MAX_HEADER = 1 << 16


def is_gzip(path: str) -> bool:
    """Whether the archive is gzip-compressed (record by record, as WARC files are)."""
    with open(path, "rb") as stream:
        return stream.read(2) == GZIP_MEMBER[:2]


def next_record_start(path: str, offset: int) -> int | None:
    """The offset of the first record that starts at or after `offset` (None: none left)."""
    gzipped = is_gzip(path)
    marker = GZIP_MEMBER if gzipped else b"WARC/1."
    with open(path, "rb") as stream:
        position = offset
        while True:
            stream.seek(position)
            chunk = stream.read(CHUNK + 512)
            if not chunk:
                return None
            found = _first_start(chunk, position, marker, gzipped)
            if found is not None:
                return found
            if len(chunk) <= CHUNK:
                return None
            position += CHUNK


def _first_start(chunk: bytes, base: int, marker: bytes, gzipped: bool) -> int | None:
    at = chunk.find(marker)
    while at != -1 and at < CHUNK:
        if _starts_record(chunk, at, gzipped):
            return base + at
        at = chunk.find(marker, at + 1)
    return None


def _starts_record(chunk: bytes, at: int, gzipped: bool) -> bool:
    head = chunk[at : at + 512]
    if gzipped:
        try:
            return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 16).startswith(b"WARC/")
        except zlib.error:
            return False
    # A version line followed by a record type, not a page quoting "WARC/1.0" in passing;
    # after a record cut short the next one starts mid-line, so the line start is not required.
    headers = head.split(b"\r\n\r\n", 1)[0]
    return _VERSION_LINE.match(head) is not None and b"\nWARC-Type:" in headers


def record_end(path: str, offset: int) -> int | None:
    """Where the record starting at `offset` ends (the next one would start); None if unknown."""
    return _member_end(path, offset) if is_gzip(path) else _plain_end(path, offset)


def _member_end(path: str, offset: int) -> int | None:
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    fed = 0
    with open(path, "rb") as stream:
        stream.seek(offset)
        while not inflater.eof:
            chunk = stream.read(1 << 16)
            if not chunk:
                return None
            fed += len(chunk)
            try:
                inflater.decompress(chunk, 1 << 20)
                while inflater.unconsumed_tail and not inflater.eof:
                    inflater.decompress(inflater.unconsumed_tail, 1 << 20)
            except zlib.error:
                return None
    return offset + fed - len(inflater.unused_data)


def _plain_end(path: str, offset: int) -> int | None:
    with open(path, "rb") as stream:
        stream.seek(offset)
        head = stream.read(_MAX_HEADER)
    end = head.find(b"\r\n\r\n")
    length = _CONTENT_LENGTH.search(head, 0, end if end != -1 else len(head))
    if end == -1 or length is None:
        return None
    # Headers, a blank line, the block, then the two line ends that close a record.
    return offset + end + 4 + int(length.group(1)) + 4


def split(path: str, size: int) -> list[tuple[int, int | None]]:
    """Byte ranges of about `size` bytes, each starting at a record.

    Only gzip archives are split: each record is its own gzip member, so a
    start found by scanning is a real record. In an uncompressed archive a
    page could quote a `WARC/1.0` line, so it stays whole.
    """
    total = Path(path).stat().st_size
    if size <= 0 or total <= size or not is_gzip(path):
        return [(0, None)]
    starts = [0]
    for guess in range(size, total, size):
        found = next_record_start(path, max(guess, starts[-1] + 1))
        if found is None:
            break
        if found > starts[-1]:
            starts.append(found)
    stops: list[int | None] = [*starts[1:], None]
    return list(zip(starts, stops, strict=True))
