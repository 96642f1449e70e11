"""One input converted within the limits, and the loop that converts many.

The step, `convert_input(converter, job, limits)`, is everything that happens
to one input named by its path (or given as bytes): it is read within the
size limit, handed as a `Record` to the per-document step every loop shares
(`newsld.step.convert_record`, which applies the time limit), and comes back
as an `Outcome` holding the document, or one line saying why there is none.
Nothing an input or a plugin does makes it raise.

The loop, `convert_inputs(jobs, converter, ...)`, runs the step over many
inputs and yields their outcomes in input order. By default the step runs in
worker processes the loop supervises (`newsld.workers`): a worker that
overruns the time limit or dies (a plugin calling `os._exit`, a segfault, the
OOM killer) is replaced, and only the input it held is lost, reported like
any other failed input. Whatever else runs many inputs (a progress bar,
`--resume`, a cluster) is a loop around the same step.
"""

from __future__ import annotations

import sys
from collections.abc import Generator, Iterable
from dataclasses import dataclass

from newsld.convert import MAX_INPUT_BYTES, Converter
from newsld.errors import InputError
from newsld.inputs import STDIN, read_input, read_stream, too_large
from newsld.model import Document
from newsld.records import Record
from newsld.registry import ReadOptions
from newsld.step import convert_record

__all__ = [
    "DEFAULT_TIMEOUT",
    "Job",
    "Limits",
    "Outcome",
    "convert_input",
    "convert_inputs",
]

#: Seconds one input may take by default. A real article converts in well under a
#: second; 8 MB of prose, far beyond any article, in about 45 s (benchmarks/growth.py).
DEFAULT_TIMEOUT = 120.0


@dataclass(frozen=True)
class Job:
    """One input to convert, with the options that apply to it.

    `source` is a path, `-` for stdin, or any label when `data` holds the
    input itself (stdin read by the loop, a record of an archive).
    """

    source: str
    reader: str | None = None
    published: str | None = None
    url: str | None = None
    data: bytes | None = None

    @property
    def options(self) -> ReadOptions:
        """What the reader is told about the input."""
        name = "<stdin>" if self.source == STDIN else self.source
        return ReadOptions(source=name, published=self.published, url=self.url)


@dataclass
class Outcome:
    """A converted document, or why the input could not be converted (one line)."""

    job: Job
    document: Document | None = None
    problem: str | None = None
    #: What explains the problem, when a plugin caused it: its traceback (`-v` shows it).
    details: str = ""


@dataclass(frozen=True)
class Limits:
    """What one input may cost: bytes read, and seconds (None or 0: no time limit)."""

    max_bytes: int = MAX_INPUT_BYTES
    seconds: float | None = DEFAULT_TIMEOUT


def convert_input(converter: Converter, job: Job, limits: Limits | None = None) -> Outcome:
    """Read and convert one input within `limits`: a document, or one line saying why not.

    The time limit is enforced here on Python code (`newsld.step.time_limit`);
    `convert_inputs` also enforces it from outside, which stops even code that
    does not return to Python, and a read that blocks.
    """
    limits = limits or Limits()
    try:
        data = job.data if job.data is not None else read_input(job.source, limits.max_bytes)
    except InputError as exc:
        return Outcome(job, problem=exc.problem)
    if len(data) > limits.max_bytes:
        return Outcome(job, problem=too_large(limits.max_bytes))
    options = job.options
    record = Record(data, options.source, job.reader, options.published, options.url)
    result = convert_record(converter, record, limits.seconds)
    return Outcome(job, result.document, result.problem, result.details)


def convert_inputs(
    jobs: Iterable[Job | Outcome],
    converter: Converter,
    *,
    processes: int = 1,
    limits: Limits | None = None,
    isolated: bool = True,
) -> Generator[Outcome, None, None]:
    """Outcomes of `jobs`, in their order, converted in `processes` supervised workers.

    `isolated=False` (or a platform without `fork`) converts in this process:
    faster to start, but a plugin that kills its process takes the batch with it.
    Stdin (`-`) is read here, within the size limit, before it is handed on. An
    `Outcome` among the jobs (an input that failed before it could be converted)
    passes straight through, in its place.
    """
    from newsld.workers import Pool, can_isolate  # the pool is needed only when isolating

    limits = limits or Limits()
    ready = (_read_stdin(job, limits) for job in jobs)
    if not isolated or not can_isolate():
        for job in ready:
            yield job if isinstance(job, Outcome) else convert_input(converter, job, limits)
        return

    def work(job: Job | Outcome) -> Outcome:
        return job if isinstance(job, Outcome) else convert_input(converter, job, limits)

    def lost(job: Job | Outcome, problem: str) -> Outcome:
        return Outcome(job.job if isinstance(job, Outcome) else job, problem=problem)

    pool = Pool(work, lost, processes, lambda job: limits.seconds)
    yield from pool.run(ready)


def _read_stdin(job: Job | Outcome, limits: Limits) -> Job | Outcome:
    """A stdin job with its bytes (read here: workers do not share our stdin)."""
    if isinstance(job, Outcome) or job.source != STDIN or job.data is not None:
        return job
    try:
        data = read_stream(sys.stdin.buffer, "<stdin>", limits.max_bytes)
    except InputError as exc:
        return Outcome(job, problem=exc.problem)
    except OSError as exc:
        return Outcome(job, problem=f"cannot read stdin ({exc.strerror or exc})")
    return Job(job.source, job.reader, job.published, job.url, data)
