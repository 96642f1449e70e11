"""The archive check: a WARC of real pages converts to the same claims as the pages themselves.

    python benchmarks/warc_check.py [PAGES_DIR] [WORK_DIR]   (default: ../shared/eval/pages-dev)

Builds `test.warc.gz` from every page of PAGES_DIR (a 200 response each,
target URI `https://pages.example/<name>`), plus a redirect, a PDF, a 404 and
a record cut short at the end; runs `newsld convert test.warc.gz --to parquet
-o out/` and `newsld convert PAGES_DIR/*.html --to parquet -o direct/` with
the command line; and compares the claims of each page, column by column,
leaving out what names the input (ids, url, source). The pages are not
licensed for the repository: the archive is built here, never committed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from newsld_plugins.warc import writing

DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "pages-dev"
CAPTURED = "2025-11-20T09:30:00Z"
#: Columns that name the input or hang from its url, not what the page claims.
NAMING = {"articleId", "url", "claimId", "source", "datePublished"}


def build(pages: list[Path], path: Path) -> dict[int, Path]:
    """The archive, and the page at each record offset."""
    offsets: dict[int, Path] = {}
    with open(path, "wb") as out:
        for page in pages:
            offsets[out.tell()] = page
            uri = f"https://pages.example/{page.stem}"
            out.write(writing.response(uri, page.read_bytes(), date=CAPTURED))
        site = "https://pages.example"
        out.write(writing.response(f"{site}/old", b"", status="301 Moved Permanently"))
        pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
        out.write(writing.response(f"{site}/r.pdf", pdf, content_type="application/pdf"))
        out.write(writing.response(f"{site}/gone", b"<html></html>", status="404 Not Found"))
        cut = writing.response(f"{site}/cut", pages[0].read_bytes())
        out.write(cut[: len(cut) // 2])
    return offsets


def newsld(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "newsld"), "convert", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def claims(folder: Path, names: dict[str, str]) -> pd.DataFrame:
    table = pd.read_parquet(folder / "claims")
    table["page"] = table["source"].map(names)
    columns = [c for c in table.columns if c not in NAMING and not c.endswith(("Id", "Ids"))]
    rows = table[columns].astype(str)
    return rows.sort_values(list(rows.columns)).reset_index(drop=True)


def main() -> None:
    pages_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PAGES
    work = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="warc-check-"))
    pages = sorted(p.resolve() for p in pages_dir.glob("*.html"))
    offsets = build(pages, work / "test.warc.gz")
    archived = newsld("test.warc.gz", "--to", "parquet", "-o", "out/", cwd=work)
    newsld(*map(str, pages), "--to", "parquet", "-o", str(work / "direct") + "/", cwd=work)
    print(f"{len(pages)} pages of {pages_dir} in {work / 'test.warc.gz'}")
    print(f"archive run: exit {archived.returncode}; its lines about records:")
    for line in archived.stderr.splitlines():
        if "error:" in line or line.startswith("newsld: test.warc.gz:"):
            print("   ", line)
    articles = pd.read_parquet(work / "out" / "articles")
    print(f"articles from the archive: {len(articles)}")
    by_record = {f"test.warc.gz#offset={o}": p.name for o, p in offsets.items()}
    by_file = {str(p): p.name for p in pages}
    from_archive = claims(work / "out", by_record)
    from_pages = claims(work / "direct", by_file)
    same = from_archive.equals(from_pages)
    print(f"claims: {len(from_archive)} from the archive, {len(from_pages)} from the pages")
    print(f"every claim of every page the same: {same}")
    if not same:
        merged = from_archive.merge(from_pages, how="outer", indicator=True)
        differing = merged[merged["_merge"] != "both"]
        print(f"differing claim rows: {len(differing)} on pages {sorted(set(differing['page']))}")
    fallback = articles["warnings"].map(lambda w: any("capture date" in n for n in list(w or [])))
    print(f"pages dated by the archive's capture date (they name no date): {int(fallback.sum())}")


if __name__ == "__main__":
    main()
