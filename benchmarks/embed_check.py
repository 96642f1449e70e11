"""`newsld embed` then `newsld check` on real pages: no problem check did not report before.

    python benchmarks/embed_check.py ../shared/eval/pages-dev [--replace]

For each page, `newsld check` on the original and on the embedded page
(default mode, and with `--replace`): a problem reported after embedding
that was not reported before is a regression. A page whose markup has no
article node at all has only the `article` error before; after embedding it
has newsld's article, and its problems are listed apart (they are the
properties the page gives nowhere), with none allowed to be an error.
Exit status 1 when any page got worse.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from newsld_plugins.search.check import check_page


def problems(data: bytes) -> set[tuple[str, str]]:
    return {(p.level, p.message) for p in check_page(data)}


def main(folder: str, replace: bool) -> int:
    pages = sorted(Path(folder).glob("*.html"))
    worse = 0
    bare: list[str] = []
    with tempfile.TemporaryDirectory() as out:
        command = ["newsld", "embed", *map(str, pages), "-o", out, "-q"]
        if replace:
            command.append("--replace")
        subprocess.run(command, check=False)
        for page in pages:
            before = problems(page.read_bytes())
            embedded = Path(out, page.name)
            if not embedded.exists():
                print(f"{page.name}: not embedded")
                worse += 1
                continue
            after = problems(embedded.read_bytes())
            new = after - before
            if any(level == "error" and "no Article" in message for level, message in before):
                errors = [m for level, m in after if level == "error"]
                bare.append(f"{page.name}: {len(after)} problems after, {len(errors)} errors")
                worse += bool(errors)
                continue
            if new:
                worse += 1
                print(f"{page.name}: new problems: {sorted(new)}")
    mode = "--replace" if replace else "default"
    print(f"{len(pages)} pages, {mode}: {worse} worse; {len(bare)} had no article markup:")
    for line in bare:
        print("  " + line)
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--replace" in sys.argv[2:]))
