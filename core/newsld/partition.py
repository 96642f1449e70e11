"""A run cut into parts: groups of files, or byte ranges of an archive, each written whole.

A part is the unit a worker takes (a local process, a Dask worker): it reads
its inputs, converts each with the per-document step (`newsld.step`), and
writes its own outputs under names that depend only on its inputs, so any
number of workers write one dataset side by side, the same parts as a run in
one process, and `--resume` skips a part whose outputs are current. A part's
outputs appear together when it ends (temporary files, then renames) or not
at all; a part whose every input failed writes nothing.

Layout in the output folder: an exporter with tables (Parquet) writes
`DIR/<table>/<part><ext>` for each table; any other writes `DIR/<part><ext>`
(JSON Lines for JSON-LD). Parts are named after the archive (`crawl`, or
`crawl-00003` when it is split), or `files-<hash of their paths>`.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsld.convert import MAX_INPUT_BYTES, Converter
from newsld.errors import InputError
from newsld.export import DocumentWriter, ExportOptions
from newsld.inputs import read_input
from newsld.model import Document
from newsld.output import atomic_output
from newsld.records import ArchiveItem, Broken, Record, Skipped
from newsld.registry import Archive, Exporter, Registry
from newsld.resume import is_current
from newsld.step import convert_record, worker_converter

__all__ = [
    "ARCHIVE_PART_BYTES",
    "FILES_PER_PART",
    "Part",
    "Report",
    "Settings",
    "archive_format",
    "documents",
    "is_done",
    "plan",
    "run_part",
    "targets",
    "write_part",
]

#: Files converted by one part (a Dask task): enough to pay for the task, few enough to spread.
FILES_PER_PART = 100
#: A gzip archive larger than this is read in parts of about this size.
ARCHIVE_PART_BYTES = 256 * 2**20


@dataclass(frozen=True)
class Part:
    """Some files, or a byte range of one archive, and the name its outputs take."""

    name: str
    files: tuple[str, ...] = ()
    archive: str | None = None
    archive_format: str = ""
    start: int = 0
    stop: int | None = None

    @property
    def inputs(self) -> tuple[str, ...]:
        """The paths this part reads."""
        return (self.archive,) if self.archive is not None else self.files


@dataclass(frozen=True)
class Settings:
    """What a worker needs to convert a part: plain values, so it pickles to any machine."""

    exporter: str
    options: tuple[tuple[str, str], ...] = ()
    #: The output folder (None: the caller writes the documents itself).
    folder: str | None = None
    #: Relative paths are read and written against this folder (the caller's).
    base: str = "."
    reader: str | None = None
    published: str | None = None
    url: str | None = None
    only: tuple[str, ...] | None = None
    skip: tuple[str, ...] = ()
    timeout: float | None = None
    #: Skip a part whose outputs exist and are newer than its inputs.
    resume: bool = False


@dataclass
class Report:
    """What converting a part gave: how many documents, and the lines to print."""

    part: str
    inputs: tuple[str, ...]
    converted: int = 0
    #: (source, problem) of each input or record that could not be converted.
    failures: list[tuple[str, str]] = field(default_factory=list)
    #: (source, note) of each warning of a converted document.
    warnings: list[tuple[str, str]] = field(default_factory=list)
    #: Records of an archive passed over, by reason.
    skipped: Counter[str] = field(default_factory=Counter)
    resumed: bool = False
    #: Documents converted and then left out of the output (a repeat under --dedupe).
    left_out: int = 0


# ---------------------------------------------------------------- planning


def plan(
    sources: Sequence[str],
    registry: Registry,
    files_per_part: int = FILES_PER_PART,
    part_bytes: int = ARCHIVE_PART_BYTES,
    names: Sequence[str] | None = None,
) -> list[Part]:
    """The parts of a run, in input order: archives on their own, files in groups.

    With `names` (one per source), each file is a part of its own with that name: a
    folder of one output per input, as a run that is not in parts writes it.
    """
    parts: list[Part] = []
    group: list[str] = []
    taken: set[str] = set()
    for number, source in enumerate(sources):
        kind = archive_format(source, registry)
        if kind is None and names is not None:
            parts.append(Part(names[number], files=(source,)))
            taken.add(names[number])
            continue
        if kind is None:
            group.append(source)
            if len(group) >= files_per_part:
                parts.append(_files_part(group))
                group = []
            continue
        if group:
            parts.append(_files_part(group))
            group = []
        parts += _archive_parts(source, registry.archives[kind], part_bytes, taken)
    if group:
        parts.append(_files_part(group))
    return parts


def _files_part(files: list[str]) -> Part:
    digest = hashlib.sha1("\n".join(files).encode("utf-8", "surrogateescape")).hexdigest()
    return Part(f"files-{digest[:12]}", files=tuple(files))


def _archive_parts(path: str, archive: Archive, size: int, taken: set[str]) -> list[Part]:
    ranges = archive.split(path, size) if archive.split else [(0, None)]
    stem = _unique(_archive_stem(path, archive), taken)
    if len(ranges) == 1:
        return [Part(stem, archive=path, archive_format=archive.name)]
    return [
        Part(f"{stem}-{n:05d}", archive=path, archive_format=archive.name, start=a, stop=b)
        for n, (a, b) in enumerate(ranges)
    ]


def _archive_stem(path: str, archive: Archive) -> str:
    name = Path(path).name
    name = name[:-3] if name.lower().endswith(".gz") else name
    for extension in archive.extensions:
        if name.lower().endswith(extension):
            return name[: -len(extension)] or name
    return Path(name).stem


def _unique(stem: str, taken: set[str]) -> str:
    name, number = stem, 2
    while name in taken:
        name, number = f"{stem}-{number}", number + 1
    taken.add(name)
    return name


def archive_format(source: str, registry: Registry) -> str | None:
    """The archive format of a file: by its extension, else by its first bytes."""
    name = Path(source).name.lower().removesuffix(".gz")
    for archive in registry.archives.values():
        if any(name.endswith(extension) for extension in archive.extensions):
            return archive.name
    read_by_extension = {e for r in registry.readers.values() for e in r.extensions}
    if Path(name).suffix in read_by_extension or not Path(source).is_file():
        return None
    head = _head(source)
    scores = [(a.sniff(head) if a.sniff else 0.0, a.name) for a in registry.archives.values()]
    score, best = max(scores, default=(0.0, ""))
    return best if score >= 0.5 else None


def _head(path: str, size: int = 64) -> bytes:
    """The first bytes of a file, gzip undone (empty when unreadable)."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(4096)
        if head.startswith(b"\x1f\x8b"):
            return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, size)
    except (OSError, zlib.error, gzip.BadGzipFile):
        return b""
    return head[:size]


# ---------------------------------------------------------------- converting


def run_part(part: Part, settings: Settings) -> Report:
    """Convert and write one part with this worker's converter (what a Dask task runs)."""
    converter = worker_converter(settings.only, settings.skip)
    if settings.resume and is_done(part, settings, converter.registry.exporters[settings.exporter]):
        return Report(part.name, part.inputs, resumed=True)
    return write_part(part, settings, converter)


def is_done(part: Part, settings: Settings, exporter: Exporter) -> bool:
    """Whether the part's outputs exist and are newer than its inputs (`--resume`)."""
    inputs = [Path(settings.base, p) for p in part.inputs]
    return is_current([path for path, _ in targets(part, settings, exporter)], inputs)


def targets(
    part: Part, settings: Settings, exporter: Exporter
) -> list[tuple[Path, dict[str, str]]]:
    """The files a part writes, with the exporter options (`-O`) of each."""
    assert settings.folder is not None, "a part is written into a folder"
    folder = Path(settings.base, settings.folder)
    options = dict(settings.options)
    if not exporter.dataset_tables:
        return [(folder / f"{part.name}{exporter.extension}", options)]
    tables = [options["table"]] if "table" in options else list(exporter.dataset_tables)
    return [
        (folder / table / f"{part.name}{exporter.extension}", {**options, "table": table})
        for table in tables
    ]


def write_part(part: Part, settings: Settings, converter: Converter) -> Report:
    """Convert a part and write its outputs, all of them or none."""
    report = Report(part.name, part.inputs)
    exporter = converter.registry.exporters[settings.exporter]
    with contextlib.ExitStack() as stack:
        writers: list[DocumentWriter] = []
        for document in documents(part, settings, converter, report):
            if not writers:
                writers = _writers(stack, part, settings, converter, exporter)
            for writer in writers:
                writer.write(document)
        for writer in writers:
            writer.finish()
    return report


def _writers(
    stack: contextlib.ExitStack, part: Part, settings: Settings, converter: Converter,
    exporter: Exporter,
) -> list[DocumentWriter]:  # fmt: skip
    writers = []
    for path, options in targets(part, settings, exporter):
        stream = stack.enter_context(atomic_output(path))
        writer = exporter.factory(stream, ExportOptions(converter.registry.claim_types, options))
        writer.start()
        writers.append(writer)
    return writers


def documents(
    part: Part, settings: Settings, converter: Converter, report: Report
) -> Iterator[Document]:
    """The part's documents, one at a time; failures, warnings and skips go to `report`."""
    for item in _items(part, settings, converter.registry):
        if isinstance(item, Skipped):
            report.skipped[item.reason] += 1
            continue
        if isinstance(item, Broken):
            report.failures.append((item.source, item.problem))
            continue
        result = convert_record(converter, item, settings.timeout)
        if result.document is None:
            report.failures.append((result.source, result.problem or "not converted"))
            continue
        document = result.document
        if not document.restored:  # a document read back had its warnings told already
            report.warnings += [
                (result.source, w) for w in document.warnings if w not in document.errors
            ]
        report.failures += [(result.source, e) for e in document.errors]
        report.converted += 1
        yield document


def _items(part: Part, settings: Settings, registry: Registry) -> Iterator[ArchiveItem]:
    """The part's records: each file read whole, or the archive's records in its range."""
    if part.archive is None:
        for source in part.files:
            yield _file_record(source, settings)
        return
    records = registry.archives[part.archive_format].records
    path = str(Path(settings.base, part.archive))
    try:
        for item in records(path, part.start, part.stop):
            yield _named(item, path, part.archive, settings)
    except Exception as exc:  # the archive itself (missing extra, unreadable file)
        problem = getattr(exc, "problem", None) or f"{type(exc).__name__}: {exc}"
        yield Broken(part.archive, str(problem))


def _file_record(source: str, settings: Settings) -> Record | Broken:
    try:  # within the size limit, checked before reading (newsld.inputs)
        data = read_input(str(Path(settings.base, source)), MAX_INPUT_BYTES)
    except InputError as exc:
        return Broken(source, exc.problem)
    return Record(data, source, settings.reader, settings.published, settings.url)


def _named(item: ArchiveItem, path: str, given: str, settings: Settings) -> ArchiveItem:
    """An archive's item, named after the archive as the user gave it, with the run's overrides."""
    source = given + item.source[len(path) :] if item.source.startswith(path) else item.source
    if isinstance(item, Record):
        return replace(
            item,
            source=source,
            published=settings.published or item.published,
            url=settings.url or item.url,
        )
    return replace(item, source=source)
