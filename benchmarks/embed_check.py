"""`newsld embed` then `newsld check` on real pages: no problem check did not report before.

    python benchmarks/embed_check.py ../shared/eval/pages-dev

For each page, `newsld check` on the original and on the page embedded by
`newsld embed` (by default, then with `--replace`): a problem reported after
embedding that was not reported before is a regression. A page whose markup
has no article node at all has only the `article` error before; after
embedding it has newsld's article, whose warnings (the properties the page
gives nowhere) are counted apart, and none may be an error. Prints the
counts per mode; exit status 1 when any page got worse.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from newsld_plugins.search.check import check_page


def problems(data: bytes) -> set[tuple[str, str]]:
    return {(p.level, p.message) for p in check_page(data)}


def run(pages: list[Path], mode: list[str]) -> int:
    worse = before_total = after_total = new_total = bare = bare_warnings = changed = 0
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["newsld", "embed", *map(str, pages), "-o", out, "-q", *mode], check=False)
        for page in pages:
            before = problems(page.read_bytes())
            embedded = Path(out, page.name)
            if not embedded.exists():
                print(f"{page.name}: not embedded")
                worse += 1
                continue
            changed += embedded.read_bytes() != page.read_bytes()
            after = problems(embedded.read_bytes())
            before_total, after_total = before_total + len(before), after_total + len(after)
            if any(message.startswith("no Article") for _, message in before):
                bare += 1
                bare_warnings += len(after)
                errors = [m for level, m in after if level == "error"]
                worse += bool(errors)
                for message in errors:
                    print(f"{page.name}: error on newsld's article: {message}")
                continue
            new = after - before
            new_total += len(new)
            worse += bool(new)
            for level, message in sorted(new):
                print(f"{page.name}: new {level}: {message}")
    name = " ".join(mode) or "default"
    print(
        f"embed {name}: {len(pages)} pages, {changed} changed; check problems "
        f"{before_total} before, {after_total} after; {new_total} new on the "
        f"{len(pages) - bare} pages with the publisher's article; {bare} pages without "
        f"article markup lost their error for {bare_warnings} warnings on newsld's article; "
        f"{worse} pages worse"
    )
    return worse


def main(folder: str) -> int:
    pages = sorted(Path(folder).glob("*.html"))
    worse = sum(run(pages, mode) for mode in ([], ["--replace"]))
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
