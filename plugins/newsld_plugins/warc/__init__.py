"""The WARC archive plugin: web archives (`.warc`, `.warc.gz`) in, one document per HTML page.

Reading uses FastWARC (the `warc` extra, `pip install 'newsld[warc]'`); the
plugin registers without it, so `newsld plugins` lists it and a WARC input
without the extra is one line saying what to install.
"""

from __future__ import annotations

from collections.abc import Callable

from newsld import hookimpl
from newsld.registry import Archive
from newsld_plugins.warc.framing import split
from newsld_plugins.warc.reading import read_records

__all__ = ["read_records", "split"]


def _sniff(head: bytes) -> float:
    return 1.0 if head.startswith(b"WARC/1.") else 0.0


@hookimpl
def register_archives(register: Callable[[Archive], None]) -> None:
    register(
        Archive(
            name="warc",
            records=read_records,
            extensions=(".warc",),
            sniff=_sniff,
            split=split,
            description="Web archives (WARC 1.0/1.1, gzipped or not): every HTML page they hold",
        )
    )
