"""`newsld convert`: inputs to documents, written by one exporter.

One input and no `-o`: stdout. `-o DIR` (or several inputs): one file per
input, `DIR/<stem><extension>`. `-o FILE` whose extension is the format's:
every document streamed into that one file. Exit 0 when every input
converted, 1 when some failed (the rest are still written), 2 for a usage
error (a refused `-o` included).

Inputs are converted by `newsld.batch`: each within the size and time limits,
in supervised worker processes, so one input that hangs or kills its process
is one failed input; `newsld.cli.writing` puts the documents where they go.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import threading
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from types import FrameType

import typer

from newsld.batch import DEFAULT_TIMEOUT, Job, Limits, convert_inputs
from newsld.cli import scale
from newsld.cli.writing import StreamBroken, plan, say
from newsld.convert import Converter
from newsld.export import ExportOptions
from newsld.inputs import STDIN, walk
from newsld.output import OutputError
from newsld.partition import Settings
from newsld.plugins import default_plugins
from newsld.registry import Exporter, Reader

__all__ = ["convert", "terminate_as_exit"]


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
    timeout: float = typer.Option(
        DEFAULT_TIMEOUT,
        "--timeout",
        min=0,
        help="Seconds one input may take before it is stopped and reported (0: no limit).",
    ),
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
    batch = len(sources) > 1 or any(Path(i).is_dir() for i in inputs)
    try:
        destination = plan(output, exporter, options, plugins.registry, batch)
    except OutputError as exc:
        _usage(f"-o {exc.path}: {exc.problem}" if output else f"{exc.path} {exc.problem}")
    limits = Limits(seconds=timeout or None)
    if scale.takes(inputs, sources, exporter, output, scheduler, plugins.registry):
        settings = Settings(to, tuple(_options(option).items()), reader=from_, published=published,
                            url=url, only=_tuple(only_list), skip=tuple(skip_list),
                            timeout=limits.seconds, resume=resume)  # fmt: skip
        with terminate_as_exit():
            failed += scale.run(converter, inputs, sources, exporter, output, settings,
                                scheduler=scheduler, jobs=jobs)  # fmt: skip
        raise typer.Exit(1 if failed else 0)
    work = [Job(s, from_, published, url) for s in sources]
    run = convert_inputs(work, converter, processes=jobs, limits=limits)
    # Closing the run stops its workers at once, whether the batch ended, the output broke
    # off or a SIGTERM came.
    with terminate_as_exit(), contextlib.closing(run) as outcomes:
        try:
            failed += destination.write(outcomes)
        except StreamBroken as broken:
            if not broken.quiet:
                _say(f"error: {broken}")
            raise typer.Exit(1) from None
    raise typer.Exit(1 if failed else 0)


@contextlib.contextmanager
def terminate_as_exit() -> Iterator[None]:
    """SIGTERM as SystemExit(143) in the block, so workers and temporary files are cleaned up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _say(message: str) -> None:
    say(message)


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
    except Exception as exc:  # the exporter's own bug, named with its plugin
        _usage(f"--to {exporter.name}: the exporter failed to start ({type(exc).__name__}: {exc})")


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
        if item == STDIN or (os.path.exists(item) and not os.path.isdir(item)):
            sources.append(item)  # a file, a pipe or a device: reading says what it is
        elif os.path.isdir(item):
            found = walk(item, lambda name: _readable(Path(name), extensions))
            for note in found.notes:
                _say(f"{'error' if note.error else 'warning'}: {note.path}: {note.problem}")
                failed += note.error
            if not found.files and not found.notes:
                _say(
                    f"error: {item}: nothing to convert (no {', '.join(sorted(extensions))} files)"
                )
                failed += 1
            sources += found.files
        elif os.path.lexists(item):
            _say(f"error: {item}: a dangling link")
            failed += 1
        else:
            _say(f"error: {item}: no such file or folder")
            failed += 1
    return sources, failed


def _readable(path: Path, extensions: set[str]) -> bool:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return bool(suffixes) and suffixes[-1] in extensions
