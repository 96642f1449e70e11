"""Archive scale: pages/s on 1 and 2 local Dask workers, and peak memory at 1x and 10x the corpus.

    python benchmarks/scale.py [PAGES_DIR]   (default: ../shared/eval/pages-dev)

The pages go into a WARC (twice over, so there is work to share), cut into
eight parts. The same archive is converted to a Parquet dataset in this
process (the peer), then on a local Dask cluster of one and of two worker
processes; cluster start-up is timed apart. Memory: a fresh process converts
a WARC of the corpus, then of ten copies of it, streaming into a Parquet
dataset; its peak resident size must stay flat (it holds one row group).
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsld.partition import Part, Settings, plan, write_part
from newsld.plugins import default_plugins
from newsld.step import worker_converter
from newsld_plugins.warc import writing

DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "pages-dev"


def build(pages: list[Path], copies: int, path: Path) -> int:
    """A WARC of `copies` times the pages; the number of pages in it."""
    with open(path, "wb") as out:
        for copy in range(copies):
            for page in pages:
                uri = f"https://pages.example/{copy}/{page.stem}"
                out.write(writing.response(uri, page.read_bytes()))
    return copies * len(pages)


def settings(folder: Path) -> Settings:
    return Settings("parquet", folder=str(folder), base="/")


def in_process(archive: Path, folder: Path, parts_wanted: int) -> float:
    converter = worker_converter(None, ())
    parts = _parts(archive, parts_wanted)
    write_part(parts[0], settings(folder / "warm-up"), converter)  # first-use costs, as workers pay
    began = time.perf_counter()
    for part in parts:
        write_part(part, settings(folder), converter)
    return time.perf_counter() - began


def on_dask(archive: Path, folder: Path, workers: int, parts_wanted: int) -> tuple[float, float]:
    """(seconds converting, seconds starting the cluster) on `workers` local processes."""
    from distributed import Client, LocalCluster

    parts = _parts(archive, parts_wanted)
    began = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
    with cluster, Client(cluster) as client:
        warm = client.map(_run, parts[:workers], settings=settings(folder / "warm-up"), pure=False)
        client.gather(warm)  # each worker's first-use costs, as the peer's
        ready = time.perf_counter()
        futures = client.map(_run, parts, settings=settings(folder), pure=False)
        client.gather(futures)
        done = time.perf_counter()
    return done - ready, ready - began


def _run(part: object, settings: Settings) -> None:
    from newsld.partition import run_part

    run_part(part, settings)  # type: ignore[arg-type]


def _parts(archive: Path, wanted: int) -> list[Part]:
    size = max(1, archive.stat().st_size // wanted + 1)
    return plan([str(archive)], default_plugins().registry, part_bytes=size)


def peak_memory(archive: Path) -> int:
    """Peak resident kB of a fresh process converting the archive to a Parquet dataset."""
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, __file__, "--memory-run", str(archive), out]
        found = subprocess.run(command, capture_output=True, text=True, check=True)
    return int(found.stdout.strip())


def memory_run(archive: str, out: str) -> None:
    converter = worker_converter(None, ())
    for part in plan([archive], default_plugins().registry, part_bytes=1 << 40):
        write_part(part, Settings("parquet", folder=out, base="/"), converter)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    info = Path("/proc/cpuinfo")
    if info.exists():
        lines = info.read_text().splitlines()
        names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
        cpu = names[0] if names else cpu
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    if sys.argv[1:2] == ["--memory-run"]:
        memory_run(sys.argv[2], sys.argv[3])
        return
    pages = sorted(Path(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_PAGES).glob("*.html"))
    work = Path(tempfile.mkdtemp(prefix="newsld-scale-"))
    print(f"machine: {machine()}")
    twice = work / "twice.warc.gz"
    count = build(pages, 2, twice)
    print(f"speed: {count} pages ({len(pages)} twice) in one WARC, 8 parts, to Parquet")
    alone = in_process(twice, work / "in-process", 8)
    print(f"  in this process (peer)  {count / alone:6.1f} pages/s")
    rates = {}
    for workers in (1, 2):
        seconds, start = on_dask(twice, work / f"dask-{workers}", workers, 8)
        rates[workers] = count / seconds
        print(f"  Dask, {workers} worker(s)       {rates[workers]:6.1f} pages/s", end="")
        print(f"  (cluster start {start:.1f} s)")
    print(f"  2 workers / 1 worker: {rates[2] / rates[1]:.2f}x;", end=" ")
    print(f"1 worker / in-process: {rates[1] * alone / count:.2f}x")
    print(f"  load average (other work on this machine): {os.getloadavg()[0]:.2f}")
    once, ten = work / "once.warc.gz", work / "ten.warc.gz"
    build(pages, 1, once)
    build(pages, 10, ten)
    small, large = peak_memory(once), peak_memory(ten)
    print(
        f"memory: peak resident {small / 1024:.0f} MB at 1x ({len(pages)} pages), "
        f"{large / 1024:.0f} MB at 10x ({10 * len(pages)} pages): ratio {large / small:.2f}"
    )


if __name__ == "__main__":
    main()
