"""Reading a WARC file with FastWARC: HTML pages become records, the rest is counted.

A `response` record with HTTP status 200 and an HTML content type is a page
to convert: its payload, named `ARCHIVE#offset=N` (the record's byte offset,
as CDX indexes give it), with the target URI and `WARC-Date` as fallbacks for
a page that names no url or date. Every other record is `Skipped` with the
reason. A record the library cannot read is `Broken`, and reading goes on at
the next record that starts after it (`framing`).

A page whose payload digest does not match is held back one record: if the
archive ends or breaks right after it, it was cut short and is `Broken`;
otherwise it converts with a warning (crawlers disagree on what the payload
digest covers, so a mismatch alone is no proof of damage).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from datetime import datetime
from typing import Any

from newsld.convert import MAX_INPUT_BYTES
from newsld.errors import InputError
from newsld.records import ArchiveItem, Broken, Record, Skipped
from newsld_plugins.warc.framing import next_record_start, record_end

__all__ = ["EXTRA_MISSING", "read_records"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
EXTRA_MISSING = "reading WARC files needs FastWARC: pip install 'newsld[warc]'"
DIGEST_MISMATCH = "the archive's payload digest does not match this record: it may be damaged"

Run = Generator[ArchiveItem, None, int | None]


def read_records(path: str, start: int = 0, stop: int | None = None) -> Iterator[ArchiveItem]:
    """Every record from byte `start` to the first one starting at or after `stop`."""
    _library(path)
    position = start if start == 0 else next_record_start(path, start)
    while position is not None and (stop is None or position < stop):
        position = yield from _run(path, position, stop)


def _library(path: str) -> None:
    try:
        import fastwarc.warc  # noqa: F401
    except ImportError:
        raise InputError(path, EXTRA_MISSING) from None


def _run(path: str, position: int, stop: int | None) -> Run:
    """Records from `position` until the archive ends or breaks; where to go on (None: done)."""
    from fastwarc.warc import ArchiveIterator

    last: int | None = None
    held: Record | None = None
    with open(path, "rb") as stream:
        stream.seek(position)
        records = ArchiveIterator(stream, parse_http=True, auto_decode="all")
        try:
            for record in records:
                offset = int(record.stream_pos)
                if stop is not None and offset >= stop:
                    if held is not None:
                        yield held  # a record follows it: it was whole
                    return None
                if held is not None:
                    yield held
                    held = None
                last = offset
                item, damaged = _item(path, offset, record)
                if damaged and isinstance(item, Record):
                    held = item
                    continue
                yield item
                if isinstance(item, Broken):
                    return next_record_start(path, offset + 1)
        except Exception as exc:  # the library's error on a damaged record
            return (yield from _recover(path, position, last, held, exc))
    if held is not None:
        yield _cut_short(held, "the archive ends inside it")
    return None


def _recover(
    path: str, position: int, last: int | None, held: Record | None, exc: Exception
) -> Run:
    """One `Broken` for the record the library stopped at; where the next record starts."""
    if held is not None and last is not None:
        # The held page ran into the next record: it was cut short, and the next may be inside it.
        yield _cut_short(held, f"the next record is unreadable ({exc})")
        return next_record_start(path, last + 1)
    end = record_end(path, last) if last is not None else position
    broken = end if end is not None else position
    yield Broken(_source(path, broken), f"unreadable record ({exc})")
    return next_record_start(path, broken + 1)


def _cut_short(page: Record, why: str) -> Broken:
    return Broken(page.source, f"truncated record: its payload digest does not match and {why}")


def _source(path: str, offset: int) -> str:
    return f"{path}#offset={offset}"


def _item(path: str, offset: int, record: Any) -> tuple[ArchiveItem, bool]:
    """The record as a page to convert, or why not; and whether its digest failed."""
    from fastwarc.warc import WarcRecordType, has_payload_digest

    source = _source(path, offset)
    if record.record_type != WarcRecordType.response:
        return Skipped(source, f"{record.record_type} record"), False
    if record.headers.get("Content-Length") is None:
        return Broken(source, "truncated record: its headers are cut short"), False
    skipped = _not_a_page(record)
    if skipped:
        return Skipped(source, skipped), False
    if record.content_length > MAX_INPUT_BYTES:
        return Broken(source, f"larger than {MAX_INPUT_BYTES // 2**20} MB"), False
    damaged = bool(has_payload_digest(record)) and not record.verify_payload_digest(consume=False)
    page = Record(
        record.reader.read(MAX_INPUT_BYTES + 1),
        source,
        reader="html",
        fallback_url=_target(record),
        fallback_date=_capture_date(record),
        notes=(DIGEST_MISMATCH,) if damaged else (),
    )
    return page, damaged


def _not_a_page(record: Any) -> str | None:
    """Why an HTTP response is not a page to convert (None: it is one)."""
    if not record.is_http:
        return "not an HTTP response"
    status = record.http_headers.status_code
    if status != 200:
        return f"redirect (HTTP {status})" if 300 <= (status or 0) < 400 else f"HTTP {status}"
    media = (record.http_content_type or "").strip().lower()
    if media not in HTML_TYPES:
        return f"not HTML ({media or 'no content type'})"
    return None


def _target(record: Any) -> str | None:
    uri = (record.headers.get("WARC-Target-URI") or "").strip().strip("<>")
    return uri or None


def _capture_date(record: Any) -> str | None:
    value = (record.headers.get("WARC-Date") or "").strip()
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value
