"""Time the board report for the largest demo plan: build, Word and PDF.

Run it with python: `python benchmarks/bench_reports.py`. It loads the demo into a
throwaway SQLite database, so it never touches var/assure.sqlite3. Targets: Word within
1 s and PDF within 3 s of asking, beyond Python start-up (build included).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SLUG = "south-gloucestershire"  # the largest demo plan: 61 actions
TARGETS = {"docx": 1.0, "pdf": 3.0}


def _setup(database: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "assure.config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)  # WeasyPrint reports each layout step at INFO
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from assure.demo.loader import demo_load

    demo_load()


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        _setup(Path(folder) / "bench.sqlite3")
        print(f"set-up (migrate, load the demo): {time.perf_counter() - started:.1f}s")

        from assure.accounts.models import Partnership
        from assure.reports.builders import board_report_build
        from assure.reports.renderers.docx import board_report_docx
        from assure.reports.renderers.pdf import board_report_pdf

        partnership = Partnership.objects.get(slug=SLUG)
        renderers = {"docx": board_report_docx, "pdf": board_report_pdf}
        report = board_report_build(partnership=partnership)
        print(
            f"{SLUG}: {report.total_actions} actions, "
            f"{len(report.overdue)} overdue, {len(report.silent)} silent"
        )
        failed = False
        for fmt, render in renderers.items():
            # First call: includes importing the library and loading fonts.
            first = _timed(
                lambda r=render: r(board_report_build(partnership=partnership))
            )
            runs = [
                _timed(lambda r=render: r(board_report_build(partnership=partnership)))
                for _ in range(5)
            ]
            build = statistics.median(
                _timed(lambda: board_report_build(partnership=partnership))
                for _ in range(5)
            )
            verdict = "ok" if max(first, *runs) <= TARGETS[fmt] else "OVER TARGET"
            failed |= verdict != "ok"
            print(
                f"{fmt:4}: first {first:.3f}s, median {statistics.median(runs):.3f}s, "
                f"worst {max(runs):.3f}s (build alone {build:.3f}s); "
                f"target <= {TARGETS[fmt]:.0f}s: {verdict}"
            )
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
