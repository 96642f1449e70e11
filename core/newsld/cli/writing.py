"""Where `newsld convert` puts documents: stdout, one file, or one file per input in a folder.

The destination is chosen and checked before any input is converted
(`plan`), so a refused `-o` costs nothing. Then each outcome is reported (one
line per failed input, its warnings) and its document written:

- to a stream (stdout or one file), each document reaches the stream only
  when the exporter wrote it whole: an exporter that raises on one input
  loses that input, named with its plugin, not the stream. A stream that
  cannot be written (a full disk, a closed stdout) stops the batch with one
  line; a reader that stops reading (`| head`) stops it quietly;
- to a folder, each input is its own file, written whole or not at all.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newsld.batch import Outcome
from newsld.export import DocumentWriter, ExportOptions
from newsld.inputs import STDIN
from newsld.model import Document
from newsld.output import OutputError, atomic_output, check_folder, check_target
from newsld.registry import Exporter, Registry

__all__ = ["Destination", "StreamBroken", "plan", "say"]


def say(message: str) -> None:
    """One line on stderr, prefixed with `newsld:`."""
    try:
        sys.stderr.write(f"newsld: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass  # stderr is gone too: nothing left to tell


class StreamBroken(Exception):
    """The output stream cannot take more; `quiet` when its reader simply stopped."""

    def __init__(self, problem: str, quiet: bool = False) -> None:
        super().__init__(problem)
        self.quiet = quiet


@dataclass
class Destination:
    """Where the documents of a run go: `folder`, `file`, or neither (stdout)."""

    exporter: Exporter
    options: ExportOptions
    registry: Registry
    folder: Path | None = None
    file: Path | None = None

    def write(self, outcomes: Iterator[Outcome]) -> int:
        """Write every document; the number of inputs that failed (StreamBroken if output broke)."""
        if self.folder is not None:
            return self._to_folder(outcomes, self.folder)
        if self.file is not None:
            return self._to_file(outcomes, self.file)
        stdout = getattr(sys.stdout, "buffer", None)
        if stdout is None:
            raise StreamBroken("stdout is closed; give -o FILE")
        try:
            return _Stream(self, stdout, "stdout").write(outcomes)
        except OSError as exc:
            _silence_stdout()
            quiet = exc.errno == errno.EPIPE or isinstance(exc, BrokenPipeError)
            raise StreamBroken(f"cannot write to stdout ({exc.strerror or exc})", quiet) from None

    def _to_file(self, outcomes: Iterator[Outcome], path: Path) -> int:
        try:
            with atomic_output(path) as stream:
                failed = _Stream(self, stream, str(path)).write(outcomes, keep_empty=False)
        except _NothingWritten as nothing:
            return nothing.failed
        except OutputError as exc:
            raise StreamBroken(f"{exc.path}: {exc.problem}") from None
        except OSError as exc:
            raise StreamBroken(
                f"{path}: cannot write ({exc.strerror or exc}); not written"
            ) from None
        return failed

    def _to_folder(self, outcomes: Iterator[Outcome], folder: Path) -> int:
        failed = 0
        taken: set[Path] = set()
        for outcome in outcomes:
            failed += report(outcome)
            if outcome.document is None:
                continue
            target = _target(folder, outcome.job.source, self.exporter.extension, taken)
            failed += self._one_file(outcome, outcome.document, target)
        return failed

    def _one_file(self, outcome: Outcome, document: Document, target: Path) -> int:
        """Write one document to its own file; 1 when that failed (the line is printed)."""
        try:
            with atomic_output(target) as stream:
                writer = self.exporter.factory(stream, self.options)
                writer.start()
                writer.write(document)
                writer.finish()
        except OutputError as exc:
            say(f"error: {outcome.job.source}: output {exc.path} {exc.problem}")
        except OSError as exc:
            say(f"error: {outcome.job.source}: cannot write {target} ({exc.strerror or exc})")
        except Exception as exc:
            say(f"error: {outcome.job.source}: {self._fault(exc)}; not written")
        else:
            return 0
        return 1

    def _fault(self, exc: Exception) -> str:
        owner = self.registry.owner("exporters", self.exporter.name) or "unknown plugin"
        return f"exporter {self.exporter.name} ({owner}) failed: {type(exc).__name__}: {exc}"


class _NothingWritten(Exception):
    """Every input failed: the output file is not created at all."""

    def __init__(self, failed: int) -> None:
        super().__init__(failed)
        self.failed = failed


class _Stream:
    """Documents streamed through one writer, each passed on only once written whole."""

    def __init__(self, destination: Destination, stream: IO[bytes], name: str) -> None:
        self.destination = destination
        self.stream = stream
        self.name = name
        self.spool = io.BytesIO()
        self.writer: DocumentWriter = destination.exporter.factory(self.spool, destination.options)

    def write(self, outcomes: Iterator[Outcome], keep_empty: bool = True) -> int:
        failed = written = 0
        self._step(self.writer.start)
        for outcome in outcomes:
            failed += report(outcome)
            if outcome.document is None:
                continue
            document = outcome.document
            try:
                self.writer.write(document)
            except Exception as exc:  # the exporter's fault: this input is lost, not the stream
                self.spool.seek(0)
                self.spool.truncate()
                say(f"error: {outcome.job.source}: {self.destination._fault(exc)}; not written")
                failed += 1
                continue
            self._pass_on()
            written += 1
        if failed and not written and not keep_empty:
            raise _NothingWritten(failed)
        self._step(self.writer.finish)
        return failed

    def _step(self, step: Callable[[], None]) -> None:
        try:
            step()
        except OSError:
            raise
        except Exception as exc:
            raise StreamBroken(f"{self.name}: {self.destination._fault(exc)}") from None
        self._pass_on()

    def _pass_on(self) -> None:
        """Hand what the writer wrote to the real stream, and flush it (a pipe's reader waits)."""
        self.stream.write(self.spool.getvalue())
        self.stream.flush()
        self.spool.seek(0)
        self.spool.truncate()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit does not fail a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def report(outcome: Outcome) -> int:
    """Print why an input failed, or its document's warnings; 1 when something failed."""
    if outcome.document is None:
        say(f"error: {outcome.job.source}: {outcome.problem}")
        return 1
    for note in outcome.document.warnings:
        if note not in outcome.document.errors:
            say(f"warning: {outcome.job.source}: {note}")
    for error in outcome.document.errors:
        say(f"error: {outcome.job.source}: {error}")
    return 1 if outcome.document.errors else 0


def _target(folder: Path, source: str, extension: str, taken: set[Path]) -> Path:
    """`DIR/<input stem><extension>`; a second input with the same stem gets `-2`."""
    path = Path("stdin" if source == STDIN else source)
    stem = Path(path.stem).stem if path.suffix.lower() == ".gz" else path.stem
    target = folder / f"{stem}{extension}"
    number = 2
    while target in taken:
        target = folder / f"{stem}-{number}{extension}"
        number += 1
    taken.add(target)
    return target


def plan(
    output: str | None, exporter: Exporter, options: ExportOptions, registry: Registry, batch: bool
) -> Destination:
    """The destination `-o` names, checked before anything is converted (OutputError if refused).

    `-o` names a folder when it is one, ends with a slash, or takes a batch
    without the format's extension (`-o all.csv` streams a batch into one file).
    """
    destination = Destination(exporter, options, registry)
    if output is None:
        if getattr(sys.stdout, "buffer", None) is None:
            raise OutputError("stdout", "is closed; give -o FILE")
        return destination
    path = Path(output)
    if path.is_dir() or output.endswith(("/", os.sep)):
        check_folder(path)
        destination.folder = path
    elif batch and path.suffix.lower() != exporter.extension:
        if os.path.lexists(path):
            raise OutputError(
                path,
                f"exists and is not a folder: several inputs need a folder "
                f"(or one file named *{exporter.extension})",
            )
        check_folder(path)
        destination.folder = path
    else:
        check_target(path)
        destination.file = path
    return destination
