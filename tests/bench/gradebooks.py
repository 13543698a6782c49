"""A thirty-trainee week on each gradebook: the cohort's commands from release to report, with
the gradebook in sqlite (the cohort's folder) and in PostgreSQL (a throwaway cluster of Debian's
postgresql on a private socket). Prints each step's time, the time per notebook, and the ratio
PostgreSQL / sqlite; nothing is asserted. Skipped, saying why, without Debian's postgresql.

Run with ``python -m tests.bench.gradebooks`` (or call ``run()``)."""

from __future__ import annotations

import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from tests import cohort_support as ts

TRAINEES = 30
STEPS = ("release", "collect", "autograde", "review", "feedback", "report")


def _week(tmp: Path, name: str, database: str | None) -> dict[str, float]:
    from actionlearning.cohort.autograde import autograde
    from actionlearning.cohort.collect import collect
    from actionlearning.cohort.create import create_cohort
    from actionlearning.cohort.feedback import feedback
    from actionlearning.cohort.release import release
    from actionlearning.cohort.report import build_report

    roster = tmp / f"{name}.csv"
    roster.write_text("id,first_name,last_name,email\n" + "".join(
        f"t{i:02d},Trainee,Number {i},\n" for i in range(1, TRAINEES + 1)), "utf-8")
    cohort = create_cohort(tmp / "home", name, roster, 9, date.today() - timedelta(days=3),
                           exchange=str(tmp / "exchange"), check_owner=False, database=database)
    took = {}

    def timed(step, action):
        started = time.perf_counter()
        action()
        took[step] = time.perf_counter() - started

    timed("release", lambda: release(cohort, ts.SESSION))
    variants = [ts.answered(cohort), ts.answered(cohort, only=("answer-kinds",)), ts.given(cohort)]
    for i, trainee in enumerate(cohort.roster):
        ts.submit(cohort, trainee.id, variants[i % len(variants)], work=tmp / name)
    timed("collect", lambda: collect(cohort, ts.SESSION))
    timed("autograde", lambda: autograde(cohort, ts.SESSION))
    timed("review", lambda: ts.review(cohort, [t.id for t in cohort.roster]))
    timed("feedback", lambda: feedback(cohort, ts.SESSION))
    timed("report", lambda: build_report(cohort))
    return took


def run() -> None:
    from tests.postgres_support import postgres_bin, throwaway_cluster

    if postgres_bin() is None:
        print("skipped: Debian's postgresql is not installed (apt-get install postgresql)")
        return
    with tempfile.TemporaryDirectory() as tmp, throwaway_cluster() as url:
        tmp = Path(tmp)
        on_disk = _week(tmp, "ondisk", None)
        on_pg = _week(tmp, "onpg", url("bench_gradebook"))
    print(f"{'a week of ' + str(TRAINEES) + ' trainees':24s} {'sqlite':>9s} {'PostgreSQL':>11s} {'ratio':>7s}")
    for step in STEPS:
        print(f"{step:24s} {on_disk[step]:8.1f}s {on_pg[step]:10.1f}s {on_pg[step] / on_disk[step]:6.2f}x")
    total_disk, total_pg = sum(on_disk.values()), sum(on_pg.values())
    print(f"{'whole week':24s} {total_disk:8.1f}s {total_pg:10.1f}s {total_pg / total_disk:6.2f}x")
    print(f"{'per notebook':24s} {total_disk / TRAINEES:8.2f}s {total_pg / TRAINEES:10.2f}s")


if __name__ == "__main__":
    run()
