"""Which inputs a command converts: names given, an input list, and folders walked.

Inputs come from the command line and from `--input-list FILE` (one path a
line; `-` reads the list from stdin). A folder stands for the files under it
that a reader claims by their extension (`.html`, `.txt`...; every file
with `--from`), so the sidecar files beside articles (`.json` annotations,
images) are not inputs; `--include` and `--exclude` narrow a walk by glob
patterns. A pattern without a slash is matched against each file's name and
each folder's name on its way (`--exclude drafts` leaves out a `drafts/`
folder); with one, against the path under the folder given
(`--include '2024/*.html'`). Each input keeps the path it has under the
folder it was found in, which `--keep-dirs` mirrors under `-o DIR`.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from newsld.cli.console import error, info, warn
from newsld.convert import MAX_INPUT_BYTES
from newsld.inputs import STDIN, read_input, walk

__all__ = ["Source", "Sources", "find_sources", "read_input_list"]


@dataclass(frozen=True)
class Source:
    """One input: its path as given (or found), and its path under the folder it came from."""

    path: str
    #: Where it sits under the folder given (`a/b.html`), or its own name for a file
    #: named on its own: what `--keep-dirs` mirrors, and the stem outputs are named after.
    relative: str


@dataclass
class Sources:
    """What the inputs named: the files to convert, in order, and how many failed already."""

    files: list[Source] = field(default_factory=list)
    failed: int = 0
    #: Whether a folder was given (a batch, whatever it holds).
    folders: bool = False

    @property
    def paths(self) -> list[str]:
        """The paths of the files, in order."""
        return [source.path for source in self.files]


def read_input_list(name: str) -> list[str]:
    """The paths an input list names, one a line (blank lines skipped); InputError if unreadable."""
    data = read_input(name, MAX_INPUT_BYTES)
    text = data.decode("utf-8", "surrogateescape").lstrip("\ufeff")
    return [line.rstrip("\r") for line in text.split("\n") if line.strip()]


def find_sources(
    names: Sequence[str],
    extensions: Iterable[str],
    *,
    every_file: bool = False,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Sources:
    """Files as given, folders as the files inside them a reader claims; missing ones reported."""
    claimed = frozenset(extensions)
    found = Sources()
    seen: set[str] = set()
    for name in names:
        if name == STDIN or (os.path.exists(name) and not os.path.isdir(name)):
            _add(found, seen, Source(name, _own_name(name)))
        elif os.path.isdir(name):
            found.folders = True
            _walk(found, seen, name, claimed, every_file, include, exclude)
        elif os.path.lexists(name):
            error(f"{name}: a dangling link")
            found.failed += 1
        else:
            error(f"{name}: no such file or folder")
            found.failed += 1
    return found


def _add(found: Sources, seen: set[str], source: Source) -> None:
    seen.add(source.path)
    found.files.append(source)


def _own_name(name: str) -> str:
    """The path `--keep-dirs` keeps for a file named on its own: as given when it is
    relative and stays below the current folder, else its name alone."""
    path = PurePath("stdin" if name == STDIN else name)
    if path.is_absolute() or ".." in path.parts:
        return path.name
    return str(path)


def _walk(
    found: Sources,
    seen: set[str],
    folder: str,
    claimed: frozenset[str],
    every_file: bool,
    include: Sequence[str],
    exclude: Sequence[str],
) -> None:
    passed: list[str] = []

    def wanted(name: str) -> bool:
        if every_file or _claimed(name, claimed):
            return True
        passed.append(name)
        return False

    walked = walk(folder, wanted)
    chosen = _chooser(folder, include, exclude)
    for note in walked.notes:
        if chosen(note.path):
            (error if note.error else warn)(f"{note.path}: {note.problem}")
            found.failed += note.error
    files = [path for path in walked.files if chosen(path)]
    for path in files:
        _add(found, seen, Source(path, os.path.relpath(path, folder)))
    left = len(walked.files) - len(files)
    if not files and not walked.notes:
        what = "files" if every_file else f"{', '.join(sorted(claimed))} files"
        narrowed = " matching --include/--exclude" if left else ""
        error(f"{folder}: nothing to convert (no {what}{narrowed})")
        found.failed += 1
    if passed:
        kinds = sorted({PurePath(n).suffix.lower() or n for n in passed})
        info(f"{folder}: {len(passed)} files no reader claims passed over ({', '.join(kinds[:8])})")
    if left:
        info(f"{folder}: {left} files left out by --include/--exclude")


def _claimed(name: str, extensions: frozenset[str]) -> bool:
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return bool(suffixes) and suffixes[-1] in extensions


def _chooser(folder: str, include: Sequence[str], exclude: Sequence[str]) -> Callable[[str], bool]:
    """Whether a path found under `folder` passes `--include` and `--exclude`."""
    if not include and not exclude:
        return lambda path: True

    def chosen(path: str) -> bool:
        relative = Path(os.path.relpath(path, folder)).as_posix()
        if include and not any(_matches(relative, p) for p in include):
            return False
        return not any(_matches(relative, p) for p in exclude)

    return chosen


def _matches(relative: str, pattern: str) -> bool:
    """A glob against the path under the folder, or (without a slash) any name on it."""
    if "/" in pattern.strip("/"):
        return fnmatch.fnmatchcase(relative, pattern.strip("/"))
    return any(fnmatch.fnmatchcase(part, pattern.strip("/")) for part in relative.split("/"))
