"""Convert once, export many: the tables from one JSON Lines file equal direct conversions.

    python benchmarks/export_once.py ../shared/eval/pages-dev

Converts the pages once to JSON Lines, writes the claims, articles and
entities tables from that file (`newsld convert all.jsonl --to csv`), and
compares their rows with the three tables converted directly from the
pages. Then joins the claims table to the entities table on (`articleId`,
id) for every id column (`speakerId`, `locationId`, `authorityIds`,
`targetIds`, `targetCountryIds`, `perpetratorIds`): every id must find its
entity, so no claim row is lost in the join. Prints the counts and the
seconds each way; exit status 1 when anything differs or an id is unmatched.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TABLES = ("claims", "articles", "entities")
ID_COLUMNS = ("speakerId", "locationId", "authorityIds", "targetIds", "targetCountryIds",
              "perpetratorIds")  # fmt: skip


def newsld(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run(["newsld", *args, "-q"], check=False)
    return time.perf_counter() - started


def table(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def main(folder: str) -> int:
    failures = 0
    with tempfile.TemporaryDirectory() as out:
        work = Path(out)
        once = newsld("convert", folder, "-o", str(work / "all.jsonl"))
        direct = exported = 0.0
        for name in TABLES:
            direct += newsld("convert", folder, "--to", "csv", "-O", f"table={name}",
                             "-o", str(work / f"direct-{name}.csv"))  # fmt: skip
            exported += newsld("convert", str(work / "all.jsonl"), "--to", "csv", "-O",
                               f"table={name}", "-o", str(work / f"export-{name}.csv"))  # fmt: skip
            a, b = table(work / f"direct-{name}.csv"), table(work / f"export-{name}.csv")
            same = a == b
            failures += not same
            print(f"{name}: {len(a)} rows direct, {len(b)} from all.jsonl: "
                  f"{'the same rows' if same else 'DIFFERENT'}")  # fmt: skip
        claims, entities = table(work / "export-claims.csv"), table(work / "export-entities.csv")
        known = {(row["articleId"], row["entityId"]) for row in entities}
        ids = unmatched = joined = 0
        for row in claims:
            found = [i for c in ID_COLUMNS for i in (row.get(c) or "").split("; ") if i]
            ids += len(found)
            missing = [i for i in found if (row["articleId"], i) not in known]
            unmatched += len(missing)
            joined += not missing
        failures += unmatched
        print(f"join: {len(claims)} claim rows, {ids} entity ids, {unmatched} unmatched; "
              f"{joined} rows keep every entity in the join")  # fmt: skip
        print(f"seconds: 3 direct conversions {direct:.1f}; "
              f"1 conversion {once:.1f} + 3 exports {exported:.1f}")  # fmt: skip
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
