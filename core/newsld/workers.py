"""Supervised worker processes: a worker that hangs or dies loses only the work it held.

A `Pool` runs one function (`work`) over a stream of items in forked worker
processes and yields the results in the items' order. Workers are forked
from the process that loaded the plugins, so they start with its converter
(no second load). The pool watches each worker:

- past the item's time budget (plus a grace for the step's own time limit to
  fire), or dead by any means (`os._exit`, a segfault, the OOM killer's
  SIGKILL), the worker is killed if need be and replaced; its item's result is
  `lost(item, why)`, one line saying so; the item queued behind it goes to
  another worker untouched;
- when the pool ends (done, an error, Ctrl-C, SIGTERM turned into an
  exception), every worker is stopped; a worker whose parent dies (SIGKILL) is
  killed by the kernel (Linux `PR_SET_PDEATHSIG`) or exits by itself within a
  second.

`newsld.batch.convert_inputs` runs it over inputs, `newsld convert` over the
parts of an archive or a dataset.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

__all__ = ["GRACE_SECONDS", "Pool", "can_isolate"]

#: Seconds a worker gets past an item's time budget before it is killed from outside.
GRACE_SECONDS = 5.0
#: Items handed out ahead of the one the output waits for, per worker.
_AHEAD = 4
#: Items a worker holds at once: the one it works on and the next, waiting in its pipe,
#: so it never sits idle while the parent reads a result and sends the next item.
_DEPTH = 2
_PR_SET_PDEATHSIG = 1

T = TypeVar("T")
R = TypeVar("R")

# The work a forked worker does (set just before each fork, inherited by the child).
_WORK: Callable[[Any], Any] | None = None


def can_isolate() -> bool:
    """Whether workers can be forked here (POSIX)."""
    return "fork" in multiprocessing.get_all_start_methods()


@dataclass
class _Worker(Generic[T]):
    process: BaseProcess
    connection: Connection
    #: The items it holds, in the order it works on them: (index, item).
    tasks: deque[tuple[int, T]] = field(default_factory=deque)
    #: When the item it works on now is past its budget and the grace.
    deadline: float = float("inf")


@dataclass(frozen=True)
class _Failed:
    """What a worker sends back when `work` raised (it should not): why."""

    problem: str


class Pool(Generic[T, R]):
    """`processes` workers running `work` over items.

    `lost(item, why)` is the result of an item whose worker died or overran;
    `seconds(item)` is an item's time budget (None: no limit from outside).
    """

    def __init__(
        self,
        work: Callable[[T], R],
        lost: Callable[[T, str], R],
        processes: int,
        seconds: Callable[[T], float | None],
    ) -> None:
        self.work, self.lost, self.seconds = work, lost, seconds
        self.processes = max(1, processes)
        self.workers: list[_Worker[T]] = []
        self.queue: list[tuple[int, T]] = []
        self.done: dict[int, R] = {}

    def run(self, items: Iterable[T]) -> Iterator[R]:
        """The result of each item, in the items' order."""
        pending = enumerate(items)
        given = 0  # how many items have been taken from `pending`
        wanted = 0  # the index of the next result to yield
        exhausted = False
        try:
            while True:
                # Take items only a little ahead of the output: memory stays flat however
                # many there are, and one slow item holds back little.
                while not exhausted and given < wanted + _AHEAD * self.processes:
                    item = next(pending, None)
                    if item is None:
                        exhausted = True
                    else:
                        self.queue.append(item)
                        given += 1
                self._feed()
                while wanted in self.done:
                    yield self.done.pop(wanted)
                    wanted += 1
                if exhausted and wanted == given:
                    return
                self._watch()
        finally:
            self._stop()

    def _feed(self) -> None:
        """Hand queued items to the least busy workers, starting workers up to `processes`."""
        for gone in [w for w in self.workers if not w.tasks and not w.process.is_alive()]:
            _kill(gone)  # died between two items (killed from outside): it held nothing
            self.workers.remove(gone)
        while self.queue:
            worker = min(self.workers, key=lambda w: len(w.tasks), default=None)
            if (worker is None or worker.tasks) and len(self.workers) < self.processes:
                worker = self._start()
            if worker is None or len(worker.tasks) >= _DEPTH:
                return
            index, item = self.queue.pop(0)
            if not worker.tasks:
                worker.deadline = self._deadline(item)
            worker.tasks.append((index, item))
            with contextlib.suppress(OSError, ValueError):
                worker.connection.send((index, item))  # if it died, `_watch` says so

    def _deadline(self, item: T) -> float:
        seconds = self.seconds(item)
        return time.monotonic() + seconds + GRACE_SECONDS if seconds else float("inf")

    def _start(self) -> _Worker[T]:
        global _WORK
        for stream in (sys.stdout, sys.stderr):  # a fork must not inherit unwritten output
            with contextlib.suppress(Exception):
                stream.flush()
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe(duplex=True)
        _WORK = self.work
        process = context.Process(target=_serve, args=(theirs, os.getpid()), daemon=True)
        process.start()
        theirs.close()
        worker: _Worker[T] = _Worker(process, ours)
        self.workers.append(worker)
        return worker

    def _watch(self) -> None:
        """Wait for a worker to finish, die or overrun; record what happened to its item."""
        busy = [w for w in self.workers if w.tasks]
        if not busy:
            return
        deadline = min(w.deadline for w in busy)
        timeout = None if deadline == float("inf") else max(0.0, deadline - time.monotonic())
        handles: list[Connection | int] = [w.connection for w in busy]
        handles += [w.process.sentinel for w in busy]
        ready = set(wait(handles, timeout))
        for worker in busy:
            if worker.connection in ready or worker.process.sentinel in ready:
                self._collect(worker)
            elif time.monotonic() >= worker.deadline:
                seconds = self.seconds(worker.tasks[0][1])
                self._lose(worker, f"stopped after the time limit of {seconds:g} s")

    def _collect(self, worker: _Worker[T]) -> None:
        index, item = worker.tasks[0]
        try:
            if not worker.connection.poll():
                raise EOFError
            answer_index, result = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            self._lose(worker, _death(worker.process))
            return
        except Exception as exc:  # a result that does not unpickle
            self._lose(worker, f"its result could not be read back ({type(exc).__name__}: {exc})")
            return
        assert answer_index == index
        worker.tasks.popleft()
        self.done[index] = (
            self.lost(item, result.problem) if isinstance(result, _Failed) else result
        )
        if worker.tasks:
            worker.deadline = self._deadline(worker.tasks[0][1])  # it starts on the next one

    def _lose(self, worker: _Worker[T], problem: str) -> None:
        """The item the worker works on is lost with `problem`; the worker is killed and
        forgotten, and the item waiting behind it goes back to the queue, untouched."""
        index, item = worker.tasks.popleft()
        self.done[index] = self.lost(item, problem)
        self.queue[:0] = worker.tasks
        _kill(worker)
        self.workers.remove(worker)

    def _stop(self) -> None:
        """Stop every worker: ask the idle ones to leave, kill the busy ones."""
        for worker in self.workers:
            if not worker.tasks:
                with contextlib.suppress(OSError, ValueError):
                    worker.connection.send(None)
        deadline = time.monotonic() + 1.0
        for worker in self.workers:
            if not worker.tasks:
                worker.process.join(max(0.0, deadline - time.monotonic()))
            _kill(worker)
        self.workers.clear()


def _kill(worker: _Worker[Any]) -> None:
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join()
    worker.connection.close()


def _death(process: BaseProcess) -> str:
    """How a worker ended, as the problem of the item it held."""
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        why = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"the process converting it was killed by {name}{why}; its input is lost"
    return f"the process converting it exited (status {code}); its input is lost"


# ---------------------------------------------------------------- in the worker


def _serve(connection: Connection, parent: int) -> None:
    """A worker's life: run the work on each item it is sent until told to stop.

    It always ends with `os._exit`: returning would let multiprocessing flush
    the standard streams, and with them output the parent had buffered at fork.
    """
    try:
        faulthandler.disable()  # a crash here is the parent's to report, in one line
        _die_with(parent)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        work = _WORK
        assert work is not None
        inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        threading.Thread(target=_receive, args=(connection, inbox), daemon=True).start()
        while True:
            message = inbox.get()
            if message is None:
                break
            index, item = message
            try:
                result = work(item)
            except Exception as exc:  # the work is meant never to raise: say it did
                result = _Failed(f"{type(exc).__name__}: {exc}")
            _answer(connection, index, result)
    finally:
        os._exit(0)


def _receive(connection: Connection, inbox: queue.SimpleQueue[Any]) -> None:
    """Take each item off the pipe as it comes (the parent sends at most `_DEPTH`).

    The parent sends the next item while this worker works on one: an item and a
    result each larger than the pipe's buffer (a page that travels with its job, out
    and back) would otherwise block both sides in `send` for ever.
    """
    try:
        while True:
            message = connection.recv()
            inbox.put(message)
            if message is None:
                return
    except Exception:  # the parent is gone, or an item did not unpickle: the worker
        inbox.put(None)  # leaves, and the parent reports the item it held as lost


def _answer(connection: Connection, index: int, result: Any) -> None:
    try:
        connection.send((index, result))
    except (OSError, EOFError):
        os._exit(0)  # the parent is gone
    except Exception as exc:  # a result that does not pickle: a plugin put odd values in it
        why = f"its result could not be passed on ({type(exc).__name__}: {exc})"
        connection.send((index, _Failed(why)))


def _die_with(parent: int) -> None:
    """Make sure this worker does not outlive its parent."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(0)  # the parent died before the line above took effect

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
