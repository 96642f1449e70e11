"""The per-document step every loop calls: one record in, one result out, never an exception.

`newsld.process(record)` is what a Spark `mapPartitions`, a Ray Data `map` or
any other engine calls: a `Record` (or a dict with `data` or `text`, `source`
and options) in, a plain dict out. It is a module-level function, so it
pickles by name; the converter it uses is built once per worker process, on
first use, and kept. The command line's loops (one process, a local pool, a
Dask cluster) call the same step through `convert_record`.

A time limit (`timeout` seconds) stops a step that runs too long and reports
it as that input's failure. It interrupts Python code, in the main thread or
in a worker thread (where Dask runs tasks); a single call into C (one regular
expression match) finishes before the limit can act.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
import traceback
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from newsld.convert import Converter
from newsld.errors import InputError
from newsld.metadata import iso_datetime
from newsld.model import Article, Document
from newsld.plugins import default_plugins
from newsld.records import Record
from newsld.registry import ReadOptions

__all__ = ["Result", "StepTimeout", "convert_record", "process", "time_limit", "worker_converter"]


class StepTimeout(BaseException):
    """Raised inside a step that ran past its time limit.

    A `BaseException`, like `KeyboardInterrupt`, so a plugin's `except Exception`
    does not swallow it and the whole step stops.
    """


@dataclass
class Result:
    """What one step gave: a document, or why the record could not be converted."""

    source: str
    document: Document | None = None
    problem: str | None = None
    #: What explains the problem, when a plugin caused it: its traceback.
    details: str = ""

    def as_dict(self, converter: Converter) -> dict[str, Any]:
        """The plain dict `newsld.process` returns (the document as JSON-LD)."""
        document = self.document
        errors = list(document.errors) if document else []
        return {
            "source": self.source,
            "document": converter.to_jsonld(document) if document else None,
            "error": self.problem,
            "warnings": [w for w in document.warnings if w not in errors] if document else [],
            "errors": errors,
        }


def process(
    record: Record | Mapping[str, Any],
    *,
    only: Sequence[str] | None = None,
    skip: Sequence[str] = (),
    timeout: float | None = None,
) -> dict[str, Any]:
    """Convert one record to a plain dict: `source`, `document` (JSON-LD) or `error`,
    `warnings`, `errors` (extractors that failed inside a converted document)."""
    source = str(record.get("source", "<input>")) if isinstance(record, Mapping) else "<input>"
    try:
        given = record if isinstance(record, Record) else Record.from_mapping(record)
        converter = worker_converter(tuple(only) if only is not None else None, tuple(skip))
    except (TypeError, ValueError) as exc:
        return {"source": source, "document": None, "error": str(exc), "warnings": [], "errors": []}
    return convert_record(converter, given, timeout).as_dict(converter)


@lru_cache(maxsize=8)
def worker_converter(only: tuple[str, ...] | None, skip: tuple[str, ...]) -> Converter:
    """The converter of this process for these extractor choices, built on first use."""
    return Converter(default_plugins(), only=only, skip=skip)


def convert_record(converter: Converter, record: Record, timeout: float | None = None) -> Result:
    """One record to a document, or to the one-line reason it failed."""
    try:
        with time_limit(timeout):
            return Result(record.source, _document(converter, record))
    except StepTimeout:
        problem = f"stopped after the time limit of {timeout:g} s"
    except InputError as exc:
        return Result(record.source, problem=exc.problem, details=exc.details)
    except ValueError as exc:
        problem = str(exc)
    except RecursionError:
        problem = "too deeply nested to read"
    except MemoryError:
        problem = "too large to read in memory"
    except Exception as exc:  # a bug must cost one input, not the batch
        problem = f"internal error: {type(exc).__name__}: {exc}"
        return Result(record.source, problem=problem, details=traceback.format_exc())
    return Result(record.source, problem=problem)


def _document(converter: Converter, record: Record) -> Document:
    options = ReadOptions(source=record.source, published=record.published, url=record.url)
    if record.fallback_url is None and record.fallback_date is None and not record.notes:
        return converter.convert(record.content, options, record.reader)
    article = converter.read(record.content, options, record.reader)
    _fall_back(article, record)
    article.warnings.extend(note for note in record.notes if note not in article.warnings)
    return converter.build(article)


def _fall_back(article: Article, record: Record) -> None:
    """An archived page's target URI and capture date, where the page names none."""
    if record.fallback_url:
        # A relative canonical ("/news/story") is read against the address it was fetched from.
        article.url = (
            urljoin(record.fallback_url, article.url) if article.url else record.fallback_url
        )
    if record.fallback_date and not article.date_published:
        article.date_published = iso_datetime(record.fallback_date) or record.fallback_date
        article.warnings.append(
            f"datePublished is the archive's capture date ({record.fallback_date}): "
            "the page gives none"
        )


# ---------------------------------------------------------------- time limit


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `StepTimeout` in this thread if the block runs longer than `seconds`."""
    if not seconds or seconds <= 0:
        yield
        return
    thread = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                _raise_in(thread, StepTimeout)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["armed"] = False
            if state["fired"]:
                _raise_in(thread, None)  # the block ended as the limit fired: drop it
        timer.cancel()


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    """Ask CPython to raise `exception` in `thread` at its next bytecode (None cancels)."""
    target = ctypes.py_object(exception) if exception is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), target)
