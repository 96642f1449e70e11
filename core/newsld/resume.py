"""`--resume`: an output is done when it exists and is newer than every input it came from.

Outputs are named after their inputs (a file per input, or a part per group
of inputs or per archive), so a run that stopped half-way is run again with
`--resume` and converts only what has no current output. Any loop can ask
`is_current(outputs, inputs)` before converting.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

__all__ = ["is_current"]


def is_current(outputs: Iterable[Path], inputs: Iterable[Path]) -> bool:
    """Every output exists and was written after the newest input changed."""
    try:
        written = min((p.stat().st_mtime_ns for p in outputs), default=None)
        changed = max((p.stat().st_mtime_ns for p in inputs), default=0)
    except OSError:  # an output (or an input) is missing
        return False
    return written is not None and written >= changed
