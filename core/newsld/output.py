"""Output files written whole or not at all, as ordinary files, never through a link or device.

`atomic_output(path)` gives a stream that becomes `path` only when the block
ends without an exception. The bytes go to an unnamed file in the target's
folder (Linux `O_TMPFILE`), which gets a name only at the very end, so even a
SIGKILL leaves no half-written `.part` file behind; elsewhere a `.part` file
is used and removed on any error. A new file gets the permissions any tool
gives (0666 less the umask); a file written over keeps its mode.

`check_target(path)` refuses, before anything is converted, what newsld must
never write to or replace: a symbolic link, a device, a FIFO, a socket, a
folder, or a path under a file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from newsld.errors import NewsldError

__all__ = ["OutputError", "atomic_output", "check_folder", "check_target"]


class OutputError(NewsldError):
    """An output newsld will not write: where, and why."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


_KINDS = (
    (stat.S_ISLNK, "a symbolic link (newsld does not write through links; give the real path)"),
    (stat.S_ISCHR, "a device, not a regular file"),
    (stat.S_ISBLK, "a device, not a regular file"),
    (stat.S_ISFIFO, "a FIFO, not a regular file"),
    (stat.S_ISSOCK, "a socket, not a regular file"),
    (stat.S_ISDIR, "a folder, not a file"),
)


def check_target(path: Path) -> int | None:
    """The mode of the regular file at `path` (None when there is none); else OutputError."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        _check_parent(path.parent)
        return None
    except NotADirectoryError:
        _check_parent(path.parent)  # names the file that stands where a folder should
        raise OutputError(path, "a folder on its path is a file") from None
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    for test, problem in _KINDS:
        if test(info.st_mode):
            raise OutputError(path, f"is {problem}; not replaced")
    _check_parent(path.parent)
    return stat.S_IMODE(info.st_mode)


def _check_parent(folder: Path) -> None:
    """The folder a file goes in: an existing, writable folder, or one that can be made."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        if existing.is_symlink():  # a dangling link on the path
            raise OutputError(existing, "a dangling link on the output's path")
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(folder, f"cannot be made: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(existing, "the folder is not writable")


def check_folder(folder: Path) -> None:
    """An output folder: existing and writable, or one that can be made."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(folder, "is a file, not a folder")
    _check_parent(folder)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A binary stream that becomes `path` only if the block ends without an exception."""
    keep = check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(path.parent, "is a file, not a folder") from None
    fd, temp = _temporary(path)
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            if keep is not None:
                os.fchmod(stream.fileno(), keep)
            with _interrupts_held():
                # Ctrl-C between naming the file and renaming it would leave the name behind.
                if temp is None:
                    temp = _name(stream.fileno(), path)
                os.replace(temp, path)
                temp = None
    except BaseException:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C and termination until the block ends (where the platform can), so a
    file is named and renamed into place as one step; the signal arrives just after."""
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _temporary(path: Path) -> tuple[int, Path | None]:
    """A file to write into: unnamed (`O_TMPFILE`, named at the end) where it can be."""
    flags = getattr(os, "O_TMPFILE", 0)
    if flags and os.path.isdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # not on every file system
            return os.open(path.parent, flags | os.O_WRONLY, 0o666), None
    temp = _part_name(path)
    return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temp


def _part_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")


def _name(fd: int, path: Path) -> Path:
    """Give an unnamed file a temporary name beside `path` (to rename it over `path`)."""
    temp = _part_name(path)
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        # linkat(..., AT_SYMLINK_FOLLOW) on /proc/self/fd/N: os.link does so given a dir_fd.
        os.link(f"/proc/self/fd/{fd}", temp.name, dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)
    return temp
