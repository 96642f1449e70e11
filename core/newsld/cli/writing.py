"""Where `newsld convert` puts documents: stdout, one file, or one file per input in a folder.

The destination is chosen and checked before any input is converted
(`plan`), so a refused `-o` costs nothing. Then each outcome is reported (one
line per failed input, its warnings) and its document written:

- to a stream (stdout or one file), each document reaches the stream only
  when the exporter wrote it whole: an exporter that raises on one input
  loses that input, named with its plugin, not the stream. A stream that
  cannot be written (a full disk, a closed stdout) stops the batch with one
  line; a reader that stops reading (`| head`) stops it quietly;
- to a folder, each input is its own file, written whole or not at all,
  named before the run (`outputs`): `DIR/<stem><extension>`, or with
  `--keep-dirs` the input's path under the folder it was found in; a name two
  inputs would share is reported and the later one gets `-2`.

`-o NAME.EXT` is a file when a format writes `.EXT` files, and a usage error
when none does: a name with an extension is never taken for a folder. One
article given twice in a stream (the same `@id`) is a warning, or left out
with `--dedupe`.
"""

from __future__ import annotations

import errno
import io
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import IO

from newsld.batch import Outcome
from newsld.cli.console import Tally, detail, info, say, warn
from newsld.cli.sources import Source
from newsld.export import DocumentWriter, ExportOptions
from newsld.model import Document
from newsld.output import OutputError, atomic_output, check_folder, check_target
from newsld.registry import Exporter, Registry

__all__ = [
    "LINES_EXTENSIONS",
    "Destination",
    "Duplicates",
    "StreamBroken",
    "extensions_of",
    "name_outputs",
    "plan",
    "say",
]

#: File extensions of JSON Lines: one document a line, even when there is one.
LINES_EXTENSIONS = (".jsonl", ".ndjson")


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
    #: The output file in `folder` of each input, in the order of the outcomes (`name_outputs`).
    outputs: list[Path] = field(default_factory=list)
    #: Counts the inputs as they end (a progress bar, the summary).
    tally: Tally = field(default_factory=lambda: Tally(None, show=False, summary=False))
    #: Leave out a later document with an `@id` the stream already holds.
    dedupe: bool = False

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
        for number, outcome in enumerate(outcomes):
            failed += report(outcome)
            document = outcome.document
            if document is None:
                self.tally.done(failed=True)
                continue
            own = Source(outcome.job.source, Path(outcome.job.source).name)
            target = (
                self.outputs[number]
                if number < len(self.outputs)
                else name_outputs([own], folder, self.exporter.extension)[0]
            )
            lost = self._one_file(outcome, document, target)
            failed += lost
            self.tally.done(failed=bool(lost), errors=bool(document.errors))
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
            detail(traceback.format_exc())
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


class Duplicates:
    """The articles one stream holds, by `@id`: a second one is a warning, or left out."""

    def __init__(self, dedupe: bool) -> None:
        self.dedupe = dedupe
        self.seen: dict[str, str] = {}

    def keep(self, document: Document, source: str) -> bool:
        """Whether to write `document`: False only for a repeat under `--dedupe`."""
        first = self.seen.get(document.id)
        if first is None:
            self.seen[document.id] = source
            return True
        if self.dedupe:
            info(f"{source}: left out: the same article ({document.id}) as {first} (--dedupe)")
            return False
        warn(
            f"{source}: the same article ({document.id}) as {first}: the output holds it "
            "twice (--dedupe keeps the first)"
        )
        return True


class _Stream:
    """Documents streamed through one writer, each passed on only once written whole."""

    def __init__(self, destination: Destination, stream: IO[bytes], name: str) -> None:
        self.destination = destination
        self.stream = stream
        self.name = name
        self.spool = io.BytesIO()
        self.writer: DocumentWriter = destination.exporter.factory(self.spool, destination.options)
        self.duplicates = Duplicates(destination.dedupe)

    def write(self, outcomes: Iterator[Outcome], keep_empty: bool = True) -> int:
        failed = written = 0
        tally = self.destination.tally
        self._step(self.writer.start)
        for outcome in outcomes:
            failed += report(outcome)
            if outcome.document is None:
                tally.done(failed=True)
                continue
            document = outcome.document
            if not self.duplicates.keep(document, outcome.job.source):
                tally.skip()
                continue
            try:
                self.writer.write(document)
            except Exception as exc:  # the exporter's fault: this input is lost, not the stream
                self.spool.seek(0)
                self.spool.truncate()
                say(f"error: {outcome.job.source}: {self.destination._fault(exc)}; not written")
                detail(traceback.format_exc())
                failed += 1
                tally.done(failed=True)
                continue
            self._pass_on()
            written += 1
            tally.done(errors=bool(document.errors))
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
        detail(outcome.details)
        return 1
    for note in outcome.document.warnings:
        # A document read back had its warnings told when it was made.
        if note not in outcome.document.errors and not outcome.document.restored:
            warn(f"{outcome.job.source}: {note}")
    for error in outcome.document.errors:
        say(f"error: {outcome.job.source}: {error}")
        detail(outcome.document.details.get(error, ""))
    return 1 if outcome.document.errors else 0


def name_outputs(
    sources: Sequence[Source], folder: Path, extension: str, keep_dirs: bool = False
) -> list[Path]:
    """The output file of each input: `DIR/<stem><extension>` (under the input's own folders
    with `keep_dirs`). A name two inputs would share is reported, and the later gets `-2`."""
    taken: dict[str, str] = {}  # casefolded: a clash on a case-blind disk is a clash too
    outputs = []
    for source in sources:
        relative = PurePath(source.relative if keep_dirs else PurePath(source.relative).name)
        name = relative.name
        stem = (
            PurePath(PurePath(name).stem).stem
            if name.lower().endswith(".gz")
            else PurePath(name).stem
        )
        base = folder / relative.parent
        target, number = base / f"{stem}{extension}", 2
        while str(target).casefold() in taken:
            target, number = base / f"{stem}-{number}{extension}", number + 1
        if number > 2:
            first = taken[str(base / f"{stem}{extension}").casefold()]
            warn(
                f"{source.path}: {first} writes {base / f'{stem}{extension}'} too; "
                f"written to {target} (--keep-dirs keeps inputs' folders apart)"
            )
        taken[str(target).casefold()] = source.path
        outputs.append(target)
    return outputs


def extensions_of(exporter: Exporter) -> tuple[str, ...]:
    """The file extensions a format is written under: its own, then the others it takes."""
    return (exporter.extension, *exporter.extensions)


def plan(
    output: str | None, exporter: Exporter, options: ExportOptions, registry: Registry, batch: bool
) -> Destination:
    """The destination `-o` names, checked before anything is converted (OutputError if refused).

    `-o` names a folder when it is one, ends with a slash, or takes a batch and
    has no extension. A name with an extension is one file, in a format that
    writes that extension (`-o all.csv` streams a batch into one file).
    """
    destination = Destination(exporter, options, registry)
    if output is None:
        if getattr(sys.stdout, "buffer", None) is None:
            raise OutputError("stdout", "is closed; give -o FILE")
        return destination
    path = Path(output)
    suffix = path.suffix.lower()
    if path.is_dir() or output.endswith(("/", os.sep)):
        check_folder(path)
        destination.folder = path
    elif suffix and suffix not in extensions_of(exporter):
        raise OutputError(
            path,
            f"the {exporter.name} format writes {', '.join(extensions_of(exporter))} files, "
            f"not {suffix} (end the name with / for a folder)",
        )
    elif batch and not suffix:
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
        if suffix in LINES_EXTENSIONS:
            destination.options = ExportOptions(
                options.claim_types, {**options.options, "lines": "yes"}
            )
    return destination
