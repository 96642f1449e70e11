"""Supervised worker processes: a worker that hangs or dies loses only the input it held.

Each worker is forked from the process that loaded the plugins, so it starts
with the converter already built (no second load), and converts one input at
a time with `newsld.batch.convert_input`. The pool hands inputs out, keeps
the outcomes in input order, and watches each worker:

- past the time limit (plus a grace for the worker's own limit to fire), or
  dead by any means (`os._exit`, a segfault, the OOM killer's SIGKILL), the
  worker is killed if need be and replaced; its input gets one line saying so;
- when the pool ends (done, error, Ctrl-C, SIGTERM turned into an exception),
  every worker is stopped; a worker whose parent dies (SIGKILL) is killed by
  the kernel (Linux `PR_SET_PDEATHSIG`) or exits by itself within a second.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from newsld.batch import Job, Limits, Outcome, convert_input, over_time
from newsld.convert import Converter
from newsld.model import Document

__all__ = ["GRACE_SECONDS", "Pool", "can_isolate"]

#: Seconds a worker gets past the time limit before it is killed from outside.
GRACE_SECONDS = 5.0
#: Inputs handed out ahead of the one the output waits for, per worker.
_AHEAD = 4
#: Inputs a worker holds at once: the one it converts and the next, waiting in its pipe,
#: so it never sits idle while the parent reads a result and sends the next input.
_DEPTH = 2
_PR_SET_PDEATHSIG = 1

# The converter a forked worker inherits (set just before each fork).
_INHERITED: Converter | None = None


def can_isolate() -> bool:
    """Whether workers can be forked here (POSIX)."""
    return "fork" in multiprocessing.get_all_start_methods()


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    #: The inputs it holds, in the order it converts them: (index, job).
    tasks: deque[tuple[int, Job]] = field(default_factory=deque)
    #: When the input it converts now is past the time limit and its grace.
    deadline: float = float("inf")


class Pool:
    """`processes` workers converting jobs with one converter, within `limits`."""

    def __init__(self, converter: Converter, processes: int, limits: Limits) -> None:
        self.converter = converter
        self.processes = processes
        self.limits = limits
        self.workers: list[_Worker] = []
        self.queue: list[tuple[int, Job]] = []
        self.done: dict[int, Outcome] = {}

    def run(self, jobs: Iterable[Job | Outcome]) -> Iterator[Outcome]:
        """Outcomes in the order of `jobs` (an Outcome among them passes straight through)."""
        pending = enumerate(jobs)
        given = 0  # how many jobs have been taken from `pending`
        wanted = 0  # the index of the next outcome to yield
        exhausted = False
        try:
            while True:
                # Take jobs only a little ahead of the output: memory stays flat however
                # many inputs there are, and one slow input holds back little.
                while not exhausted and given < wanted + _AHEAD * self.processes:
                    item = next(pending, None)
                    if item is None:
                        exhausted = True
                    elif isinstance(item[1], Outcome):
                        self.done[item[0]] = item[1]
                    else:
                        self.queue.append((item[0], item[1]))
                    given += item is not None
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
        """Hand queued jobs to the least busy workers, starting workers up to `processes`."""
        for gone in [w for w in self.workers if not w.tasks and not w.process.is_alive()]:
            _kill(gone)  # died between two inputs (killed from outside): it held nothing
            self.workers.remove(gone)
        while self.queue:
            worker = min(self.workers, key=lambda w: len(w.tasks), default=None)
            if (worker is None or worker.tasks) and len(self.workers) < self.processes:
                worker = self._start()
            if worker is None or len(worker.tasks) >= _DEPTH:
                return
            index, job = self.queue.pop(0)
            if not worker.tasks:
                worker.deadline = self._deadline()
            worker.tasks.append((index, job))
            with contextlib.suppress(OSError, ValueError):
                worker.connection.send((index, job))  # if it died, `_watch` reports the job

    def _deadline(self) -> float:
        seconds = self.limits.seconds
        return time.monotonic() + seconds + GRACE_SECONDS if seconds else float("inf")

    def _start(self) -> _Worker:
        global _INHERITED
        for stream in (sys.stdout, sys.stderr):  # a fork must not inherit unwritten output
            with contextlib.suppress(Exception):
                stream.flush()
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe(duplex=True)
        _INHERITED = self.converter
        process = context.Process(
            target=_serve, args=(theirs, os.getpid(), self.limits), daemon=True
        )
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        self.workers.append(worker)
        return worker

    def _watch(self) -> None:
        """Wait for a worker to finish, die or overrun; record what happened to its input."""
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
                self._lose(worker, over_time(self.limits))

    def _collect(self, worker: _Worker) -> None:
        index, job = worker.tasks[0]
        try:
            if not worker.connection.poll():
                raise EOFError
            answer: tuple[int, Document | None, str | None] = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            self._lose(worker, _death(worker.process))
            return
        except Exception as exc:  # a result that does not unpickle
            self._lose(worker, f"its result could not be read back ({type(exc).__name__}: {exc})")
            return
        self.done[index] = Outcome(job, answer[1], answer[2])
        worker.tasks.popleft()
        if worker.tasks:
            worker.deadline = self._deadline()  # it starts on the next one now

    def _lose(self, worker: _Worker, problem: str) -> None:
        """The input the worker converts is lost with `problem`; the worker is killed and
        forgotten, and the input waiting behind it goes back to the queue, untouched."""
        index, job = worker.tasks.popleft()
        self.done[index] = Outcome(job, problem=problem)
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


def _kill(worker: _Worker) -> None:
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join()
    worker.connection.close()


def _death(process: BaseProcess) -> str:
    """How a worker ended, as the problem of the input it held."""
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        why = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"the process converting it was killed by {name}{why}; its input is lost"
    return f"the process converting it exited (status {code}); its input is lost"


# ---------------------------------------------------------------- in the worker


def _serve(connection: Connection, parent: int, limits: Limits) -> None:
    """A worker's life: convert each job it is sent until told to stop.

    It always ends with `os._exit`: returning would let multiprocessing flush
    the standard streams, and with them output the parent had buffered at fork.
    """
    try:
        faulthandler.disable()  # a crash here is the parent's to report, in one line
        _die_with(parent)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        converter = _INHERITED
        assert converter is not None
        while True:
            message = connection.recv()
            if message is None:
                break
            index, job = message
            outcome = convert_input(converter, job, limits)
            _answer(connection, index, outcome.document, outcome.problem)
    finally:
        os._exit(0)


def _answer(
    connection: Connection, index: int, document: Document | None, problem: str | None
) -> None:
    try:
        connection.send((index, document, problem))
    except (OSError, EOFError):
        os._exit(0)  # the parent is gone
    except Exception as exc:  # a document that does not pickle: a plugin put odd values in it
        why = f"its document could not be passed on ({type(exc).__name__}: {exc})"
        connection.send((index, None, why))


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
