"""What newsld tells its user on stderr: problems, warnings, details with -v, progress, a summary.

Every message is one line, `newsld: ...`. Verbosity is set once per command:
`-q` keeps the errors and drops the rest (warnings, the summary, the bar);
`-v` adds details (a plugin's traceback when it fails, what a run passed
over). A batch shows rich's progress bar (rich comes with typer) while it runs,
on stderr and only when stderr is a terminal: inputs done, failures, inputs
per second and time left. It is redrawn when an input ends, never by a
thread of its own, so the workers forked during a run inherit no lock a
drawing thread held; lines printed meanwhile go above it. When the run ends
the bar goes and one summary line stays: converted, failed, skipped, seconds.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

__all__ = [
    "Tally",
    "detail",
    "error",
    "info",
    "is_quiet",
    "is_verbose",
    "say",
    "set_verbosity",
    "warn",
]

_QUIET, _NORMAL, _VERBOSE = 0, 1, 2
_level = _NORMAL


def set_verbosity(quiet: bool = False, verbose: bool = False) -> None:
    """`-q` or `-v` for the command that runs now (neither: the default)."""
    global _level
    _level = _QUIET if quiet else _VERBOSE if verbose else _NORMAL


def is_quiet() -> bool:
    """Whether `-q` was given."""
    return _level == _QUIET


def is_verbose() -> bool:
    """Whether `-v` was given."""
    return _level == _VERBOSE


def say(message: str) -> None:
    """One line on stderr, prefixed with `newsld:` (printed whatever the verbosity)."""
    try:
        sys.stderr.write(f"newsld: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass  # stderr is gone too: nothing left to tell


def error(message: str) -> None:
    """`newsld: error: ...`: an input, an output or a plugin that failed."""
    say(f"error: {message}")


def warn(message: str) -> None:
    """`newsld: warning: ...`, unless `-q`."""
    if _level != _QUIET:
        say(f"warning: {message}")


def info(message: str) -> None:
    """`newsld: ...`: what a run did or passed over, with `-v` only."""
    if _level == _VERBOSE:
        say(message)


def detail(text: str) -> None:
    """Lines that explain the last message (a traceback), indented, with `-v` only."""
    if _level != _VERBOSE or not text.strip():
        return
    lines = "".join(f"    {line}\n" for line in text.rstrip().splitlines())
    try:
        sys.stderr.write(lines)
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


class Tally:
    """The count of a run, shown as a bar while it runs and as one line when it ends.

    `total` is how many inputs (or parts) there are, when known. The bar is
    drawn only when `show` and stderr is a terminal and `-q` is not given;
    the summary is printed when `summary` and `-q` is not given.
    """

    def __init__(self, total: int | None, *, show: bool = True, summary: bool = True) -> None:
        self.total = total
        #: What an archive's records are called, by archive (for its summing-up line).
        self.units: dict[str, str] = {}
        self.converted = self.failed = self.skipped = self.with_errors = 0
        self.started = time.monotonic()
        self.summary = summary and _level != _QUIET
        self.interrupted = False
        self.hint = ""
        self._bar: Progress | None = None
        self._task = None
        if show and _level != _QUIET and _is_terminal():
            self._bar = _progress_bar()
            self._task = self._bar.add_task("", total=total, failed=0, rate="")

    def __enter__(self) -> Tally:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
        if kind is not None and issubclass(kind, KeyboardInterrupt):
            self.interrupted = True
        if self.summary and (kind is None or self.interrupted):
            say(self.line())

    def done(self, *, failed: bool = False, errors: bool = False) -> None:
        """One input ended: converted (with plugin `errors`, or not), or `failed`."""
        if failed:
            self.add(failed=1)
        else:
            self.add(converted=1, errors=int(errors))

    def skip(self) -> None:
        """One input passed over on purpose (already written, a duplicate left out)."""
        self.add(skipped=1)

    def add(
        self, *, converted: int = 0, failed: int = 0, skipped: int = 0, errors: int = 0,
        steps: int | None = None,
    ) -> None:  # fmt: skip
        """Counts to add, and how far the bar moves (by default, by as many inputs)."""
        self.converted += converted
        self.failed += failed
        self.skipped += skipped
        self.with_errors += errors
        self._advance(converted + failed + skipped if steps is None else steps)

    def line(self) -> str:
        """`60 converted, 2 failed, 3 skipped in 4.1 s`."""
        converted = f"{self.converted} converted"
        if self.with_errors:
            converted += f" ({self.with_errors} with plugin errors)"
        seconds = time.monotonic() - self.started
        text = f"{converted}, {self.failed} failed, {self.skipped} skipped in {seconds:.1f} s"
        if self.interrupted:
            return f"interrupted: {text}{self.hint}"
        return text

    def _advance(self, count: int) -> None:
        if self._bar is None or self._task is None:
            return
        done = self.converted + self.failed + self.skipped
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = f"{done / elapsed:.1f} inputs/s"
        self._bar.update(self._task, advance=count, failed=self.failed, rate=rate)
        self._bar.refresh()


def _is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("newsld"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
        transient=True,
        auto_refresh=False,
        redirect_stdout=False,
        redirect_stderr=True,
    )
