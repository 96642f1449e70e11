"""Where inputs come from: files, pipes and stdin read within the size limit, folders walked.

Reading checks the size before it reads (a regular file's size, or chunks of
a pipe or stdin counted as they come), so a huge file, a pipe that never ends
or `/dev/zero` costs at most the limit in memory, never the machine. Devices
and sockets are refused without being opened.

Walking a folder takes the regular files whose names a reader claims. Links
are followed while they stay inside the folder; a link out of it, a link
back to a folder being walked (a loop) and a dangling link are reported,
never followed; FIFOs, devices and sockets are skipped.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from newsld.errors import InputError

__all__ = ["STDIN", "Found", "Note", "read_input", "read_stream", "too_large", "walk"]

#: The name that means standard input.
STDIN = "-"
_CHUNK = 1 << 20


def too_large(limit: int) -> str:
    """The problem of an input over the limit, in words."""
    return f"larger than {limit / 2**20:g} MB (the input size limit)"


def read_input(source: str, limit: int) -> bytes:
    """The bytes of a file, pipe or stdin (`-`); InputError past `limit` bytes or if unreadable."""
    if source == STDIN:
        return read_stream(sys.stdin.buffer, "<stdin>", limit)
    try:
        info = os.stat(source)
        if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
            raise InputError(source, "a device, not a file")
        if stat.S_ISSOCK(info.st_mode):
            raise InputError(source, "a socket, not a file")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise InputError(source, too_large(limit))
        with open(source, "rb") as stream:
            return read_stream(stream, source, limit)
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None


def read_stream(stream: IO[bytes], source: str, limit: int) -> bytes:
    """Everything a stream holds, read in chunks; InputError as soon as it passes `limit`."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(source, too_large(limit))
    return b"".join(chunks)


@dataclass(frozen=True)
class Note:
    """Something the walk met and did not take: where, what, and whether an input was lost."""

    path: str
    problem: str
    error: bool = False


@dataclass
class Found:
    """What a folder walk found: the files to convert, in order, and the notes on the rest."""

    files: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def walk(folder: str, wanted: Callable[[str], bool]) -> Found:
    """The regular files under `folder` whose name `wanted` accepts; notes on links and oddities."""
    root = os.path.realpath(folder)
    found = Found()
    files: list[Path] = []
    _walk_folder(folder, root, [_identity(root)], set(), wanted, files, found)
    found.files = [str(p) for p in sorted(files)]
    return found


def _identity(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return (info.st_dev, info.st_ino)


def _walk_folder(
    path: str,
    root: str,
    ancestors: list[tuple[int, int]],
    walked: set[tuple[int, int]],
    wanted: Callable[[str], bool],
    files: list[Path],
    found: Found,
) -> None:
    """Walk one folder; `ancestors` are the folders being walked above it (for loops)."""
    walked.add(ancestors[-1])
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        found.notes.append(Note(path, f"cannot read the folder ({exc.strerror})", error=True))
        return
    for entry in entries:
        if entry.is_symlink():
            _link(entry, root, ancestors, walked, wanted, files, found)
        elif entry.is_dir(follow_symlinks=False):
            identity = (entry.stat(follow_symlinks=False).st_dev, entry.inode())
            if identity not in walked:
                _walk_folder(entry.path, root, [*ancestors, identity], walked, wanted, files, found)
        elif wanted(entry.name):
            if entry.is_file(follow_symlinks=False):
                files.append(Path(entry.path))
            else:
                found.notes.append(
                    Note(entry.path, "not a regular file (a FIFO or device); skipped")
                )


def _link(
    entry: os.DirEntry[str],
    root: str,
    ancestors: list[tuple[int, int]],
    walked: set[tuple[int, int]],
    wanted: Callable[[str], bool],
    files: list[Path],
    found: Found,
) -> None:
    """Follow a link that stays inside the walked folder; report the others."""
    try:
        info = os.stat(entry.path)
    except OSError as exc:
        loop = exc.errno == errno.ELOOP  # a link to itself, or a ring of links
        if loop or wanted(entry.name):
            problem = "a link loop" if loop else "a dangling link"
            found.notes.append(Note(entry.path, f"{problem}; skipped", error=not loop))
        return
    target = os.path.realpath(entry.path)
    inside = target == root or target.startswith(root.rstrip(os.sep) + os.sep)
    is_dir = stat.S_ISDIR(info.st_mode)
    if not inside:
        if is_dir or wanted(entry.name):
            found.notes.append(Note(entry.path, f"links out of {root}; not followed"))
        return
    identity = (info.st_dev, info.st_ino)
    if is_dir:
        if identity in ancestors:
            found.notes.append(Note(entry.path, "a link loop (to a folder above it); not followed"))
        elif identity not in walked:
            _walk_folder(entry.path, root, [*ancestors, identity], walked, wanted, files, found)
    elif wanted(entry.name):
        if stat.S_ISREG(info.st_mode):
            files.append(Path(entry.path))
        else:
            found.notes.append(Note(entry.path, "not a regular file (a FIFO or device); skipped"))
