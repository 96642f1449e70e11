"""`newsld convert` over archives, into datasets, and on Dask: runs made of parts.

`newsld convert` hands a run here when an input is an archive (a WARC file),
when the format writes a dataset (`--to parquet -o DIR/`), or with
`--scheduler`. The run is cut into parts (`newsld.partition`), converted here,
in `--jobs` processes or on a Dask cluster, and reported the way every run
is: one line per input or record that failed, its documents' warnings, and
for each archive how many pages it gave and which records were passed over.
With no output folder, the documents of every part stream into one output.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import typer

from newsld.cli.console import Tally, info, say
from newsld.cli.writing import Duplicates
from newsld.cluster import run_on_dask
from newsld.convert import Converter
from newsld.errors import NewsldError
from newsld.export import DocumentWriter, ExportOptions
from newsld.model import Document
from newsld.output import atomic_output
from newsld.partition import (
    Part,
    Report,
    Settings,
    archive_format,
    documents,
    is_done,
    plan,
    targets,
    write_part,
)
from newsld.registry import Exporter, Registry
from newsld.workers import Pool

__all__ = ["run", "takes"]


def takes(
    inputs: Sequence[str],
    sources: Sequence[str],
    exporter: Exporter,
    output: str | None,
    scheduler: str | None,
    registry: Registry,
) -> bool:
    """Whether this run is one of parts: an archive input, a dataset output, or a cluster."""
    if scheduler is not None:
        return True
    archives = any(archive_format(s, registry) for s in sources)
    return archives or bool(exporter.dataset_tables and _folder(inputs, sources, exporter, output))


def _folder(
    inputs: Sequence[str], sources: Sequence[str], exporter: Exporter, output: str | None
) -> bool:
    """`-o` names a folder: the rule of `newsld convert` (an archive counts as a batch)."""
    if output is None:
        return False
    if Path(output).is_dir() or output.endswith(("/", "\\")):
        return True
    batch = len(sources) > 1 or any(Path(i).is_dir() for i in inputs)
    return batch and Path(output).suffix.lower() != exporter.extension


def run(
    converter: Converter,
    inputs: Sequence[str],
    sources: Sequence[str],
    exporter: Exporter,
    output: str | None,
    settings: Settings,
    *,
    scheduler: str | None = None,
    jobs: int = 1,
    dedupe: bool = False,
    batch: bool = True,
    names: Sequence[str] | None = None,
) -> int:
    """Convert the run in parts and report it; the number of inputs and records that failed.

    `names` (one per source) are the output names of files for a folder of one file
    per input (a format that writes no dataset): each such file is then its own part.
    """
    folder = _folder(inputs, sources, exporter, output)
    own_files = folder and not exporter.dataset_tables and scheduler is None
    parts = plan(sources, converter.registry, names=names if own_files else None)
    if scheduler is not None and not folder:
        _usage("--scheduler writes each part into a folder: give -o DIR/")
    tally = Tally(len(parts), show=output is not None or not _stdout_is_terminal(),
                  summary=batch)  # fmt: skip
    archives = converter.registry.archives
    tally.units = {p.archive: archives[p.archive_format].unit for p in parts if p.archive}
    if not folder:
        with tally:
            stream = _stream(parts, settings, converter, exporter, output, Duplicates(dedupe))
            return _report_all(stream, parts, tally)
    settings = Settings(**{**settings.__dict__, "folder": output, "base": os.getcwd()})
    if not settings.resume:
        _warn_stale(parts, settings, exporter)
    tally.hint = "; run it again with --resume to go on"
    try:
        with tally:
            reports = _reports(parts, settings, converter, exporter, scheduler, jobs)
            return _report_all(reports, parts, tally)
    except NewsldError as exc:
        _say(f"error: {exc}")
        return 1


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _reports(
    parts: list[Part],
    settings: Settings,
    converter: Converter,
    exporter: Exporter,
    scheduler: str | None,
    jobs: int,
) -> Iterator[Report]:
    done = [p for p in parts if settings.resume and is_done(p, settings, exporter)]
    for part in done:
        yield Report(part.name, part.inputs, resumed=True)
    todo = [p for p in parts if p not in done]
    if scheduler is not None:
        yield from run_on_dask(todo, settings, scheduler)
    elif jobs > 1 and len(todo) > 1:
        yield from _pool(todo, settings, converter, jobs)
    else:
        for part in todo:
            yield write_part(part, settings, converter)


def _pool(
    parts: list[Part], settings: Settings, converter: Converter, jobs: int
) -> Iterator[Report]:
    """Parts in `jobs` supervised local processes (`newsld.workers`), forked with this run's
    converter: a part whose process died or overran is reported, and the other parts go on."""

    def lost(part: Part, why: str) -> Report:
        return Report(part.name, part.inputs, failures=[(part.name, f"part not written: {why}")])

    def budget(part: Part) -> float | None:
        # Each file of a part has the time limit; an archive's records are counted as they
        # come, so its part is bounded by each record's own limit inside the step.
        return settings.timeout * len(part.files) if settings.timeout and part.files else None

    def work(part: Part) -> Report:
        return write_part(part, settings, converter)

    yield from Pool(work, lost, jobs, budget).run(parts)


# ---------------------------------------------------------------- one output


def _stream(
    parts: list[Part],
    settings: Settings,
    converter: Converter,
    exporter: Exporter,
    output: str | None,
    duplicates: Duplicates,
) -> Iterator[Report]:
    """Every part's documents into stdout or one file (written whole, or not at all)."""
    options = ExportOptions(converter.registry.claim_types, dict(settings.options))
    if output is None:
        writer = exporter.factory(sys.stdout.buffer, options)
        writer.start()
        yield from _into(writer.write, parts, settings, converter, duplicates)
        writer.finish()
        return
    with atomic_output(Path(output)) as stream:
        lazy = _Lazy(exporter.factory(stream, options))
        yield from _into(lazy.write, parts, settings, converter, duplicates)
        if lazy.writer is None:
            raise _NothingWritten
        lazy.writer.finish()


class _NothingWritten(Exception):
    """Every input failed: the output file is not created."""


class _Lazy:
    """Starts its writer's output only when the first document comes."""

    def __init__(self, writer: DocumentWriter) -> None:
        self.pending = writer
        self.writer: DocumentWriter | None = None

    def write(self, document: Document) -> None:
        if self.writer is None:
            self.writer = self.pending
            self.writer.start()
        self.writer.write(document)


def _into(
    write: Callable[[Document], None],
    parts: list[Part],
    settings: Settings,
    converter: Converter,
    duplicates: Duplicates,
) -> Iterator[Report]:
    for part in parts:
        report = Report(part.name, part.inputs)
        for document in documents(part, settings, converter, report):
            if duplicates.keep(document, document.article.source or part.name):
                write(document)
            else:
                report.converted -= 1
                report.left_out += 1
        yield report


# ---------------------------------------------------------------- reporting


def _report_all(reports: Iterable[Report], parts: list[Part], tally: Tally) -> int:
    """Print each report as it comes, then a line per archive; the number of failures.

    The tally counts documents converted and inputs failed (or skipped by
    --resume, or left out by --dedupe); its bar advances by parts."""
    failed = 0
    done: list[Report] = []
    try:
        for report in reports:
            failed += _lines(report)
            done.append(report)
            _count_report(tally, report)
    except _NothingWritten:
        pass
    for archive, line in _archive_lines(done, parts, tally.units):
        # A stream of newsld's own documents skips nothing: its line is a detail (-v).
        (_say if tally.units.get(archive, "page") == "page" else _info)(line)
    return failed


def _lines(report: Report) -> int:
    for source, note in report.warnings:
        _say(f"warning: {source}: {note}")
    for source, problem in report.failures:
        _say(f"error: {source}: {problem}")
    return len(report.failures)


def _count_report(tally: Tally, report: Report) -> None:
    """A part's documents and failures into the tally, and one step of its bar."""
    failed = len({source for source, _ in report.failures})
    skipped = len(report.inputs) if report.resumed else report.left_out
    tally.add(converted=report.converted, failed=failed, skipped=skipped, steps=1)


def _archive_lines(
    reports: list[Report], parts: list[Part], units: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    """For each archive: pages converted, records failed, records skipped and why."""
    by_archive: dict[str, list[Report]] = {}
    archives = {p.name: p.archive for p in parts if p.archive is not None}
    for report in reports:
        archive = archives.get(report.part)
        if archive is not None:
            by_archive.setdefault(archive, []).append(report)
    for archive, found in by_archive.items():
        yield archive, _archive_line(archive, found, units.get(archive, "page"))


def _archive_line(archive: str, reports: list[Report], unit: str = "page") -> str:
    if all(r.resumed for r in reports):
        return f"{archive}: already written (--resume)"
    skipped: Counter[str] = Counter()
    for report in reports:
        skipped.update(report.skipped)
    converted = sum(r.converted for r in reports)
    failed = sum(len(r.failures) for r in reports)
    line = f"{archive}: {_count(converted, unit)} converted, {_count(failed, 'record')} failed"
    if skipped:
        reasons = ", ".join(f"{n} {reason}" for reason, n in _by_count(skipped))
        line += f", {_count(sum(skipped.values()), 'record')} skipped ({reasons})"
    return line


def _by_count(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _warn_stale(parts: list[Part], settings: Settings, exporter: Exporter) -> None:
    """A dataset folder holding parts this run does not write would be read with it."""
    if not exporter.dataset_tables:
        return
    expected = {path for part in parts for path, _ in targets(part, settings, exporter)}
    for folder in sorted({path.parent for path in expected}):
        others = sorted(p.name for p in folder.glob(f"*{exporter.extension}") if p not in expected)
        if others:
            _say(
                f"warning: {folder}: {len(others)} part(s) this run does not write "
                f"({', '.join(others[:3])}{'...' if len(others) > 3 else ''}) "
                "are read as part of the dataset; remove them if they are from another run"
            )


def _say(message: str) -> None:
    say(message)


def _info(message: str) -> None:
    info(message)


def _usage(message: str) -> None:
    _say(f"error: {message}")
    raise typer.Exit(2)
