"""`newsld convert`: inputs to documents, written by one exporter.

One input and no `-o`: stdout. `-o DIR` (or several inputs): one file per
input, `DIR/<stem><extension>`. `-o FILE` whose extension is the format's:
every document streamed into that one file. Exit 0 when every input
converted, 1 when some failed (the rest are still written), 2 for a usage
error.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import typer

from newsld.cli import scale
from newsld.convert import Converter
from newsld.errors import InputError
from newsld.export import DocumentWriter, ExportOptions
from newsld.model import Document
from newsld.output import atomic_output
from newsld.partition import Settings
from newsld.plugins import default_plugins
from newsld.registry import Exporter, Reader, ReadOptions

STDIN = "-"


@dataclass(frozen=True)
class Job:
    """One input to convert, with the options that apply to it."""

    source: str
    reader: str | None
    published: str | None
    url: str | None


@dataclass
class Outcome:
    """A converted document, or why the input could not be converted."""

    job: Job
    document: Document | None = None
    problem: str | None = None


def convert(
    inputs: list[str] = typer.Argument(..., help="Files or folders to convert; '-' reads stdin."),
    to: str = typer.Option(
        "jsonld", "--to", "-t", help="Output format: jsonld, or any installed exporter."
    ),
    output: str | None = typer.Option(
        None, "--output", "-o", help="Output file, or folder (DIR/) for one file per input."
    ),
    from_: str | None = typer.Option(None, "--from", "-f", help="Force a reader (text, html...)."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date (ISO 8601) when the input lacks one."
    ),
    url: str | None = typer.Option(
        None, "--url", help="The article's URL when the input lacks one."
    ),
    only: str | None = typer.Option(
        None, "--only", help="Run only these extractors (comma-separated)."
    ),
    skip: str | None = typer.Option(
        None, "--skip", help="Do not run these extractors (comma-separated)."
    ),
    option: list[str] = typer.Option(
        [], "--option", "-O", help="Exporter option KEY=VALUE (see the exporter's docs)."
    ),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Convert in this many processes."),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Convert on a Dask cluster: its scheduler's ADDRESS, or local:N for N local workers.",
    ),
    resume: bool = typer.Option(
        False, "--resume", help="With -o DIR, skip parts already written and newer than inputs."
    ),
) -> None:
    """Convert news articles to structured data."""
    plugins = default_plugins()
    for error in plugins.errors:
        _say(f"warning: {error}")
    exporter = _exporter(plugins.registry.exporters, to)
    options = ExportOptions(plugins.registry.claim_types, _options(option))
    _check_options(exporter, options)
    _check_date(published)
    only_list, skip_list = _names(only), _names(skip) or []
    try:
        converter = Converter(plugins, only=only_list, skip=skip_list)
    except ValueError as exc:
        _usage(str(exc))
    if from_ is not None and from_ not in plugins.registry.readers:
        _usage(
            f"no reader named {from_!r} (installed: {', '.join(sorted(plugins.registry.readers))})"
        )
    sources, failed = _expand(inputs, plugins.registry.readers)
    if scale.takes(inputs, sources, exporter, output, scheduler, plugins.registry):
        settings = Settings(to, tuple(_options(option).items()), reader=from_, published=published,
                            url=url, only=_tuple(only_list), skip=tuple(skip_list),
                            resume=resume)  # fmt: skip
        failed += scale.run(converter, inputs, sources, exporter, output, settings,
                            scheduler=scheduler, jobs=jobs)  # fmt: skip
        raise typer.Exit(1 if failed else 0)
    jobs_list = [Job(s, from_, published, url) for s in sources]
    outcomes = _run(converter, jobs_list, jobs, only_list, skip_list)
    batch = len(jobs_list) > 1 or any(Path(i).is_dir() for i in inputs)
    failed += _write(outcomes, exporter, options, output, batch)
    raise typer.Exit(1 if failed else 0)


def _say(message: str) -> None:
    typer.echo(f"newsld: {message}", err=True)


def _usage(message: str) -> None:
    _say(f"error: {message}")
    raise typer.Exit(2)


def _exporter(exporters: dict[str, Exporter], name: str) -> Exporter:
    if name not in exporters:
        _usage(f"unknown format {name!r} for --to (installed: {', '.join(sorted(exporters))})")
    return exporters[name]


def _options(pairs: list[str]) -> dict[str, str]:
    found = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            _usage(f"--option {pair!r}: expected KEY=VALUE")
        found[key.strip()] = value.strip()
    return found


def _check_options(exporter: Exporter, options: ExportOptions) -> None:
    """An exporter refuses bad `-O` options when it is made: ask it before any input is read."""
    try:
        exporter.factory(io.BytesIO(), options)
    except ValueError as exc:
        _usage(f"--to {exporter.name}: {exc}")


def _tuple(names: list[str] | None) -> tuple[str, ...] | None:
    return None if names is None else tuple(names)


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [n.strip() for n in value.split(",") if n.strip()]


def _check_date(value: str | None) -> None:
    if value is None:
        return
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        _usage(f"--published {value!r} is not an ISO 8601 date (e.g. 2025-10-23)")


def _expand(inputs: list[str], readers: Mapping[str, Reader]) -> tuple[list[str], int]:
    """Files as given, folders as the readable files inside them; missing ones reported."""
    extensions = {ext for r in readers.values() for ext in r.extensions}
    sources: list[str] = []
    failed = 0
    for item in inputs:
        path = Path(item)
        if item == STDIN or path.is_file():
            sources.append(item)
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _readable(p, extensions))
            if not found:
                _say(
                    f"error: {item}: nothing to convert (no {', '.join(sorted(extensions))} files)"
                )
                failed += 1
            sources += [str(p) for p in found]
        else:
            _say(f"error: {item}: no such file or folder")
            failed += 1
    return sources, failed


def _readable(path: Path, extensions: set[str]) -> bool:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return bool(suffixes) and suffixes[-1] in extensions


# ---------------------------------------------------------------- converting

_WORKER: Converter | None = None


def _convert_one(converter: Converter, job: Job) -> Outcome:
    try:
        data = sys.stdin.buffer.read() if job.source == STDIN else Path(job.source).read_bytes()
    except OSError as exc:
        return Outcome(job, problem=exc.strerror or str(exc))
    options = ReadOptions(
        source="<stdin>" if job.source == STDIN else job.source,
        published=job.published,
        url=job.url,
    )
    try:
        return Outcome(job, converter.convert(data, options, job.reader))
    except InputError as exc:
        return Outcome(job, problem=exc.problem)
    except ValueError as exc:
        return Outcome(job, problem=str(exc))
    except RecursionError:
        return Outcome(job, problem="too deeply nested to read")
    except MemoryError:
        return Outcome(job, problem="too large to read in memory")


def _init_worker(only: list[str] | None, skip: list[str]) -> None:
    global _WORKER
    _WORKER = Converter(default_plugins(), only=only, skip=skip)


def _work(job: Job) -> Outcome:
    assert _WORKER is not None
    return _convert_one(_WORKER, job)


def _run(
    converter: Converter, jobs: list[Job], processes: int, only: list[str] | None, skip: list[str]
) -> Iterator[Outcome]:
    """Outcomes in input order, converted here or in a pool of processes."""
    if processes <= 1 or len(jobs) < 2 or any(j.source == STDIN for j in jobs):
        for job in jobs:
            yield _convert_one(converter, job)
        return
    with ProcessPoolExecutor(processes, initializer=_init_worker, initargs=(only, skip)) as pool:
        yield from pool.map(_work, jobs, chunksize=4)


# ---------------------------------------------------------------- writing


def _write(
    outcomes: Iterator[Outcome],
    exporter: Exporter,
    options: ExportOptions,
    output: str | None,
    batch: bool,
) -> int:
    """Write every document where it belongs; the number of inputs that failed."""
    if output is None:
        return _stream(outcomes, exporter.factory(sys.stdout.buffer, options))
    if _is_folder(output, exporter, batch):
        return _write_folder(outcomes, exporter, options, Path(output))
    try:
        with atomic_output(Path(output)) as stream:
            failed = _stream(outcomes, exporter.factory(stream, options), keep_empty=False)
    except _NothingWritten as nothing:
        return nothing.failed
    return failed


class _NothingWritten(Exception):
    """Every input failed: the output file is not created at all."""

    def __init__(self, failed: int) -> None:
        super().__init__(failed)
        self.failed = failed


def _is_folder(output: str, exporter: Exporter, batch: bool) -> bool:
    """`-o` names a folder when it is one, ends with a slash, or takes a batch
    without the format's extension (`-o all.csv` streams a batch into one file)."""
    if Path(output).is_dir() or output.endswith(("/", "\\")):
        return True
    return batch and Path(output).suffix.lower() != exporter.extension


def _stream(outcomes: Iterator[Outcome], writer: DocumentWriter, keep_empty: bool = True) -> int:
    failed = written = 0
    writer.start()
    for outcome in outcomes:
        failed += _report(outcome)
        if outcome.document is None:
            continue
        writer.write(outcome.document)
        written += 1
    if failed and not written and not keep_empty:
        raise _NothingWritten(failed)
    writer.finish()
    return failed


def _write_folder(
    outcomes: Iterator[Outcome], exporter: Exporter, options: ExportOptions, folder: Path
) -> int:
    failed = 0
    taken: set[Path] = set()
    for outcome in outcomes:
        failed += _report(outcome)
        if outcome.document is None:
            continue
        target = _target(folder, outcome.job.source, exporter.extension, taken)
        with atomic_output(target) as stream:
            writer = exporter.factory(stream, options)
            writer.start()
            writer.write(outcome.document)
            writer.finish()
    return failed


def _report(outcome: Outcome) -> int:
    """Print why an input failed, or its document's warnings; 1 when something failed."""
    if outcome.document is None:
        _say(f"error: {outcome.job.source}: {outcome.problem}")
        return 1
    for note in outcome.document.warnings:
        if note not in outcome.document.errors:
            _say(f"warning: {outcome.job.source}: {note}")
    for error in outcome.document.errors:
        _say(f"error: {outcome.job.source}: {error}")
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
