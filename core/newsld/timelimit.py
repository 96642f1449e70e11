"""A time limit on one input's conversion, for pure-Python code that runs too long.

`time_limit(seconds)` arms an interval timer; when it fires, `TimeLimitExceeded`
is raised in the code that is running, at the next Python instruction. It is
a `BaseException`, like `KeyboardInterrupt`, so an extractor's or reader's own
`except Exception` does not swallow it and carry on. It needs POSIX signals
and the main thread; elsewhere it is a no-op, and the limit is the batch
loop's alone (which kills a worker that overruns, whatever it is doing).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["TimeLimitExceeded", "can_limit_here", "time_limit"]


class TimeLimitExceeded(BaseException):
    """The input took longer than its time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def can_limit_here() -> bool:
    """Whether `time_limit` works in this thread (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `TimeLimitExceeded` in the block once it has run `seconds` (None or 0: no limit)."""
    if not seconds or seconds <= 0 or not can_limit_here():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
