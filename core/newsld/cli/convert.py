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
import sys
import threading
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import NoReturn

import typer

from newsld.batch import DEFAULT_TIMEOUT, Job, Limits, convert_inputs
from newsld.cli import scale
from newsld.cli.console import Tally, info, set_verbosity
from newsld.cli.sources import Source, find_sources, read_input_list
from newsld.cli.writing import Destination, StreamBroken, extensions_of, name_outputs, plan, say
from newsld.convert import Converter
from newsld.errors import InputError
from newsld.export import ExportOptions
from newsld.inputs import STDIN
from newsld.output import OutputError
from newsld.partition import Settings
from newsld.plugins import default_plugins
from newsld.registry import Exporter
from newsld.resume import is_current

__all__ = ["DEFAULT_FORMAT", "convert", "format_for", "terminate_as_exit"]

#: The format when neither --to nor -o's extension names one.
DEFAULT_FORMAT = "jsonld"


def convert(
    inputs: list[str] = typer.Argument(
        None, help="Files or folders to convert; '-' reads stdin.", show_default=False
    ),
    to: str | None = typer.Option(
        None,
        "--to",
        "-t",
        help="Output format: jsonld, or any installed exporter (default: the one -o's "
        "extension names, else jsonld).",
        show_default=False,
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Output file (its extension names the format: all.jsonl, claims.csv), or folder "
        "(DIR/) for one file per input.",
    ),
    from_: str | None = typer.Option(
        None, "--from", "-f", help="Force a reader (text, html...); folders give every file."
    ),
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
    input_list: str | None = typer.Option(
        None, "--input-list", help="Read input paths from this file, one a line ('-': stdin)."
    ),
    include: list[str] = typer.Option(
        [], "--include", help="In folders, convert only files matching this glob (repeatable)."
    ),
    exclude: list[str] = typer.Option(
        [], "--exclude", help="In folders, leave out files matching this glob (repeatable)."
    ),
    keep_dirs: bool = typer.Option(
        False, "--keep-dirs", help="With -o DIR, mirror the input folders' tree under DIR."
    ),
    dedupe: bool = typer.Option(
        False, "--dedupe", help="In one output, keep one document of each @id (warn otherwise)."
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
        False,
        "--resume",
        help="With -o DIR, skip inputs (or parts) whose output exists and is newer than them.",
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="Print errors only: no warnings, progress or summary."
    ),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Also print plugins' tracebacks and what was passed over."
    ),
) -> None:
    """Convert news articles to structured data."""
    if quiet and verbose:
        _usage("give -q or -v, not both")
    set_verbosity(quiet, verbose)
    plugins = default_plugins()
    registry = plugins.registry
    names = _inputs(inputs or [], input_list)
    exporter = _exporter(registry.exporters, to, output)
    options = ExportOptions(registry.claim_types, _options(option))
    _check_options(exporter, options)
    _check_date(published)
    only_list, skip_list = _names(only), _names(skip) or []
    try:
        converter = Converter(plugins, only=only_list, skip=skip_list)
    except ValueError as exc:
        _usage(str(exc))
    if from_ is not None and from_ not in registry.readers:
        _usage(f"no reader named {from_!r} (installed: {', '.join(sorted(registry.readers))})")
    extensions = {ext for r in registry.readers.values() for ext in r.extensions}
    found = find_sources(
        names, extensions, every_file=from_ is not None, include=include, exclude=exclude
    )
    sources, failed = found.paths, found.failed
    if not sources:
        raise typer.Exit(1 if failed else 0)
    batch = len(sources) > 1 or found.folders
    try:
        destination = plan(output, exporter, options, registry, batch)
    except OutputError as exc:
        _usage(f"-o {exc.path}: {exc.problem}" if output else f"{exc.path} {exc.problem}")
    if resume and destination.folder is None:
        _usage("--resume skips inputs whose output file exists: give -o DIR/")
    limits = Limits(seconds=timeout or None)
    if scale.takes(names, sources, exporter, output, scheduler, registry):
        settings = Settings(exporter.name, tuple(destination.options.options.items()),
                            reader=from_, published=published, url=url,
                            only=_tuple(only_list), skip=tuple(skip_list),
                            timeout=limits.seconds, resume=resume)  # fmt: skip
        folder = Path(output or ".")
        named = name_outputs(found.files, folder, "", keep_dirs)
        with terminate_as_exit(), _interruptible():
            failed += scale.run(converter, names, sources, exporter, output, settings,
                                scheduler=scheduler, jobs=jobs, dedupe=dedupe, batch=batch,
                                names=[str(n.relative_to(folder)) for n in named])  # fmt: skip
        raise typer.Exit(1 if failed else 0)
    destination.dedupe = dedupe
    tally = Tally(len(sources), show=_shows_progress(batch, destination), summary=batch)
    tally.failed = failed  # inputs that were missing, or unreadable folders
    todo = _to_convert(found.files, destination, keep_dirs, resume, tally)
    work = [Job(s.path, from_, published, url) for s in todo]
    run = convert_inputs(work, converter, processes=jobs, limits=limits)
    destination.tally = tally
    if destination.folder is not None:
        tally.hint = "; run it again with --resume to go on"
    # Closing the run stops its workers at once, whether the batch ended, the output broke
    # off, Ctrl-C or a SIGTERM came.
    with terminate_as_exit(), _interruptible(), tally, contextlib.closing(run) as outcomes:
        try:
            failed += destination.write(outcomes)
        except StreamBroken as broken:
            if not broken.quiet:
                _say(f"error: {broken}")
            raise typer.Exit(1) from None
    raise typer.Exit(1 if failed else 0)


def _inputs(inputs: list[str], input_list: str | None) -> list[str]:
    """The inputs named on the command line, then those of `--input-list`."""
    if input_list is None:
        if not inputs:
            _usage("give inputs to convert (files, folders, '-' for stdin) or --input-list FILE")
        return inputs
    if input_list == STDIN and STDIN in inputs:
        _usage("stdin cannot be both an input and the --input-list")
    try:
        listed = read_input_list(input_list)
    except InputError as exc:
        _usage(f"--input-list {input_list}: {exc.problem}")
    if not inputs and not listed:
        _usage(f"--input-list {input_list}: names no input")
    return [*inputs, *listed]


def _to_convert(
    sources: list[Source], destination: Destination, keep_dirs: bool, resume: bool, tally: Tally
) -> list[Source]:
    """The inputs to convert, each with its output file named when they go to a folder; with
    --resume, only those whose output is missing or older than the input."""
    if destination.folder is None:
        return sources
    outputs = name_outputs(sources, destination.folder, destination.exporter.extension, keep_dirs)
    todo = []
    for source, target in zip(sources, outputs, strict=True):
        if resume and source.path != STDIN and is_current([target], [Path(source.path)]):
            info(f"{source.path}: {target} is already written (--resume)")
            tally.skip()
            continue
        todo.append(source)
        destination.outputs.append(target)
    return todo


def _shows_progress(batch: bool, destination: Destination) -> bool:
    """A bar for a batch, unless the documents themselves go to the terminal."""
    if not batch:
        return False
    if destination.folder is None and destination.file is None:
        with contextlib.suppress(AttributeError, ValueError):
            return not sys.stdout.isatty()
    return True


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C ends the run with status 130 (the outputs already written stay, whole)."""
    try:
        yield
    except KeyboardInterrupt:
        raise typer.Exit(130) from None


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


def _usage(message: str) -> NoReturn:
    _say(f"error: {message}")
    raise typer.Exit(2)


def _exporter(exporters: dict[str, Exporter], name: str | None, output: str | None) -> Exporter:
    """The format `--to` names; without it, the one `-o`'s extension names, else JSON-LD."""
    if name is not None:
        if name not in exporters:
            _usage(f"unknown format {name!r} for --to (installed: {', '.join(sorted(exporters))})")
        return exporters[name]
    suffix = Path(output).suffix.lower() if output and not output.endswith(("/", os.sep)) else ""
    if not suffix or Path(output or "").is_dir():
        return exporters[DEFAULT_FORMAT]
    chosen = format_for(suffix, exporters)
    if chosen is None:
        known = sorted({e for x in exporters.values() for e in extensions_of(x)})
        _usage(
            f"-o {output}: no installed format writes {suffix} files ({', '.join(known)}); "
            "end the name with / for a folder"
        )
    return chosen


def format_for(suffix: str, exporters: Mapping[str, Exporter]) -> Exporter | None:
    """The format a file extension names: JSON-LD for its JSON family, else the first
    format registered with it as its own extension, else one that takes it too."""
    default = exporters.get(DEFAULT_FORMAT)
    if default is not None and suffix in extensions_of(default):
        return default
    own = [x for x in exporters.values() if x.extension == suffix]
    other = [x for x in exporters.values() if suffix in x.extensions]
    chosen = own or other
    return chosen[0] if chosen else None


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
