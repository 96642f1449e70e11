"""Parts converted on a Dask cluster (dask.distributed, the `dask` extra).

`--scheduler ADDRESS` connects to a running scheduler (`tcp://host:8786`,
started by `dask scheduler`, dask-kubernetes or dask-jobqueue); `local:N`
starts a cluster of N worker processes on this machine for the run. Each part
is one task: the worker converts it with its own converter (built once per
worker process) and writes the part's outputs itself, so inputs and the
output folder must be reachable at the same paths from every worker (a
shared file system). Reports come back as parts finish.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Sequence
from typing import Any

from newsld.errors import NewsldError
from newsld.partition import Part, Report, Settings, run_part

__all__ = ["EXTRA_MISSING", "LOCAL", "run_on_dask"]

EXTRA_MISSING = "--scheduler needs Dask: pip install 'newsld[dask]'"
LOCAL = "local:"


def run_on_dask(parts: Sequence[Part], settings: Settings, scheduler: str) -> Iterator[Report]:
    """Every part's report, in the order the parts finish."""
    try:
        from distributed import as_completed
    except ImportError:
        raise NewsldError(EXTRA_MISSING) from None
    with _client(scheduler) as client:
        futures = {
            client.submit(run_part, part, settings, pure=False, key=f"newsld-{part.name}"): part
            for part in parts
        }
        for future in as_completed(futures):  # type: ignore[no-untyped-call,unused-ignore]
            yield _report(future, futures[future])


def _report(future: Any, part: Part) -> Report:
    try:
        report: Report = future.result()
    except Exception as exc:  # the task failed or killed its workers: this part is lost
        why = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
        return Report(part.name, part.inputs, failures=[(part.name, f"part not written ({why})")])
    return report


@contextlib.contextmanager
def _client(scheduler: str) -> Iterator[Any]:
    """A client of the scheduler named, or of a local cluster started for the run."""
    import dask
    from distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        # Set before the cluster starts: a part that keeps killing workers is given up.
        stack.enter_context(dask.config.set({"distributed.scheduler.allowed-failures": 2}))
        try:
            if scheduler.startswith(LOCAL):
                cluster = stack.enter_context(
                    LocalCluster(  # type: ignore[no-untyped-call,unused-ignore]
                        n_workers=_workers(scheduler),
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                )
                client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call,unused-ignore]
            else:
                connect = Client(scheduler, timeout="20s")  # type: ignore[no-untyped-call,unused-ignore]
                client = stack.enter_context(connect)
        except (OSError, TimeoutError) as exc:
            raise NewsldError(f"--scheduler {scheduler}: cannot reach it ({exc})") from None
        yield client


def _workers(scheduler: str) -> int:
    count = scheduler[len(LOCAL) :]
    if not count.isdigit() or int(count) < 1:
        raise NewsldError(f"--scheduler {scheduler}: expected local:N with N at least 1")
    return min(int(count), 4 * (os.cpu_count() or 1))
