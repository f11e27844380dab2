"""Score the plan reader on every seed, rendering and unseen layout against its gold;
exit 1 on a miss. Pass group names (seeds, renderings, unseen) to run only those."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assure.importers import read_plan  # noqa: E402
from assure.importers.scoring import MAX_SECONDS, TARGETS, Score, score_plan  # noqa: E402

SEEDS = ROOT / "assure" / "demo" / "data" / "seeds"
GOLD = ROOT / "assure" / "demo" / "data" / "gold"
RENDERINGS = ROOT / "assure" / "importers" / "tests" / "data" / "renderings"
UNSEEN = ROOT / "assure" / "importers" / "tests" / "data" / "unseen"
COLUMNS = ("recall", "precision", "priority", "ref", "leads", "due")


def cases() -> dict[str, list[tuple[Path, Path]]]:
    """Every seed, rendering and unseen document with the gold it should read as."""
    seeds = [(path, GOLD / f"{path.stem}.json") for path in sorted(SEEDS.glob("*.txt"))]
    renderings = [
        (path, GOLD / f"{path.name.split('.')[0]}.json")
        for path in sorted(RENDERINGS.glob("*"))
        if path.is_file() and not path.name.startswith(".")
    ]
    unseen = [
        (path, path.with_name(path.name + ".json"))
        for path in sorted(UNSEEN.glob("*"))
        if path.is_file() and path.suffix != ".json" and not path.name.startswith(".")
    ]
    return {"seeds": seeds, "renderings": renderings, "unseen": unseen}


def run_one(path: Path, gold_path: Path) -> tuple[Score, float]:
    """Read one file (timed) and score it."""
    data = path.read_bytes()
    started = time.perf_counter()
    result = read_plan(data, path.name)
    seconds = time.perf_counter() - started
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return score_plan(gold, result.plan), seconds


def run_group(name: str, files: list[tuple[Path, Path]]) -> bool:
    """Print one group's table with its totals; return whether any target was missed."""
    header = f"{name:34} {'gold':>4} {'read':>4} " + " ".join(
        f"{c:>9}" for c in COLUMNS
    )
    print(header + f" {'ms':>6}  misses")
    print("-" * (len(header) + 16))
    failed = False
    totals: dict[str, float] = {c: 0.0 for c in COLUMNS}
    gold_total = read_total = matched_total = 0
    for path, gold_path in files:
        score, seconds = run_one(path, gold_path)
        misses = score.misses() + (["time"] if seconds > MAX_SECONDS else [])
        failed = failed or bool(misses)
        gold_total += score.gold_actions
        read_total += score.read_actions
        matched_total += score.matched
        for column in COLUMNS[2:]:
            totals[column] += getattr(score, column) * score.matched
        values = " ".join(f"{getattr(score, c):9.3f}" for c in COLUMNS)
        print(
            f"{path.name:34} {score.gold_actions:4} {score.read_actions:4} {values} "
            f"{seconds * 1000:6.0f}  {', '.join(misses) or '-'}"
        )
    matched = matched_total or 1
    overall = [matched_total / (gold_total or 1), matched_total / (read_total or 1)]
    overall += [totals[c] / matched for c in COLUMNS[2:]]
    print("-" * (len(header) + 16))
    print(
        f"{'total':34} {gold_total:4} {read_total:4} "
        + " ".join(f"{value:9.3f}" for value in overall)
    )
    print()
    return failed


def main() -> int:
    """Print a table of scores per file and in total for each group (seeds, renderings,
    unseen layouts); return 1 if any target is missed."""
    failed = False
    groups = cases()
    only = set(sys.argv[1:])
    for name, files in groups.items():
        if only and name not in only:
            continue
        failed = run_group(name, files) or failed
    print(
        "targets: "
        + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items())
        + f", time <= {MAX_SECONDS:.0f} s per file"
    )
    print("FAILED: a target was missed" if failed else "OK: every target met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
