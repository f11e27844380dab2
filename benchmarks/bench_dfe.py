"""Time loading DfE statistics and computing indicators (run it with python)."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assure.scorecard.dfe import (  # noqa: E402
    compute_indicators,
    export_rows,
    find_authority,
    load_dataset,
)


def _best_of(runs: int, action) -> tuple[float, float]:
    """Best and median seconds over several runs."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def main() -> None:
    """Print load, lookup, compute and export timings."""
    load_dataset.cache_clear()
    started = time.perf_counter()
    dataset = load_dataset()
    print(f"load (cold, parse files): {time.perf_counter() - started:.3f}s")
    started = time.perf_counter()
    load_dataset()
    print(f"load (cached):            {time.perf_counter() - started:.6f}s")

    best, median = _best_of(50, lambda: find_authority("Somerset County Council"))
    print(f"find_authority: {best * 1000:.2f}ms best, {median * 1000:.2f}ms med")

    authority = find_authority("Somerset")
    values = compute_indicators(authority)
    best, median = _best_of(20, lambda: compute_indicators(authority))
    print(
        f"compute_indicators:       {best * 1000:.1f}ms best, "
        f"{median * 1000:.1f}ms median ({len(values)} values)"
    )
    best, median = _best_of(20, lambda: export_rows(values))
    rows = len(export_rows(values))
    print(f"export_rows:              {best * 1000:.1f}ms best ({rows} rows)")

    started = time.perf_counter()
    total = sum(len(compute_indicators(a)) for a in dataset.authorities.values())
    elapsed = time.perf_counter() - started
    count = len(dataset.authorities)
    print(f"all {count} authorities:     {elapsed:.2f}s ({total} values)")


if __name__ == "__main__":
    main()
