"""Small WARC files for tests and benchmarks: HTTP response records, one gzip member each.

`response(uri, body)` is one record's bytes (WARC/1.1 headers with block and
payload digests, the HTTP response, the closing blank lines), gzipped as its
own member unless `gzip=False`, so records concatenate into a valid archive
as crawlers write them. Reading is FastWARC's job; this only writes the few
records a test needs, with no dependency.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import uuid

__all__ = ["response", "warcinfo"]

CRLF = b"\r\n"


def response(
    uri: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    date: str = "2025-10-24T08:00:00Z",
    gzip_member: bool = True,
) -> bytes:
    """One `response` record holding an HTTP response with `body`."""
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
    head += f"Content-Length: {len(body)}\r\n\r\n"
    block = head.encode("latin-1") + body
    headers = {
        "WARC-Type": "response",
        "WARC-Target-URI": uri,
        "WARC-Date": date,
        "WARC-Payload-Digest": _digest(body),
        "Content-Type": "application/http; msgtype=response",
    }
    return _record(headers, block, gzip_member)


def warcinfo(filename: str, *, gzip_member: bool = True) -> bytes:
    """The `warcinfo` record an archive opens with."""
    fields = b"software: newsld tests\r\nformat: WARC File Format 1.1\r\n"
    headers = {
        "WARC-Type": "warcinfo",
        "WARC-Date": "2025-10-24T08:00:00Z",
        "WARC-Filename": filename,
        "Content-Type": "application/warc-fields",
    }
    return _record(headers, fields, gzip_member)


def _record(headers: dict[str, str], block: bytes, gzip_member: bool) -> bytes:
    lines = ["WARC/1.1", f"WARC-Record-ID: <urn:uuid:{_record_id(block, headers)}>"]
    lines += [f"{key}: {value}" for key, value in headers.items()]
    lines += [f"WARC-Block-Digest: {_digest(block)}", f"Content-Length: {len(block)}"]
    data = "\r\n".join(lines).encode("utf-8") + CRLF + CRLF + block + CRLF + CRLF
    return gzip.compress(data, mtime=0) if gzip_member else data


def _record_id(block: bytes, headers: dict[str, str]) -> uuid.UUID:
    # Derived from the content, so the same records give the same archive bytes.
    seed = hashlib.sha256(repr(sorted(headers.items())).encode() + block).digest()
    return uuid.UUID(bytes=seed[:16], version=4)


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")
