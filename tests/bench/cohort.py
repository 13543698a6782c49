"""Autograding one session for a cohort of twelve, in the grading sandbox and without it, against
executing the same notebooks with nbclient alone: what the sandbox costs (the aim is at most
1.3 times unsandboxed autograde), and what nbgrader's bookkeeping costs. A busy machine
makes single timings swing by half, so the three are taken in turn, three rounds, and each
figure is the median.

Run with ``python -m tests.bench.cohort`` (or call ``run()``). Prints figures only.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from tests import cohort_support as ts

ROUNDS = 3


def run() -> None:
    import nbformat
    from nbclient import NotebookClient

    from actionlearning.cohort.autograde import autograde
    from actionlearning.cohort.collect import collect
    from actionlearning.cohort.create import create_cohort
    from actionlearning.cohort.release import release

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cohort = create_cohort(tmp / "home", "bench", ts.DATA / "roster-12.csv", 9,
                               date.today() - timedelta(days=3), exchange=str(tmp / "exchange"),
                               check_owner=False)  # one account submits for everyone
        release(cohort, ts.SESSION)
        roster = cohort.roster
        variants = [ts.answered(cohort), ts.answered(cohort, only=("answer-kinds",)), ts.given(cohort)]
        for i, t in enumerate(roster):
            ts.submit(cohort, t.id, variants[i % len(variants)], work=tmp / "trainees")
        collect(cohort, ts.SESSION)
        n = len(roster)

        notebooks = [cohort.root / "submitted" / t.id / ts.SESSION / ts.NOTEBOOK for t in roster]

        def sandboxed():
            batch = autograde(cohort, ts.SESSION, force=True)
            assert all(r.score is not None for r in batch.rows), [r.reason for r in batch.rows]

        def unsafe():
            batch = autograde(cohort, ts.SESSION, force=True, unsafe=True)
            assert all(r.score is not None for r in batch.rows), [r.reason for r in batch.rows]

        def bare():
            for path in notebooks:
                nb = nbformat.reads(path.read_text("utf-8"), as_version=4)
                NotebookClient(nb, timeout=cohort.timeout, kernel_name="python3",
                               resources={"metadata": {"path": str(path.parent)}}).execute()

        times: dict[str, list[float]] = {"sandboxed": [], "unsafe": [], "bare": []}
        for _ in range(ROUNDS):
            for name, step in (("sandboxed", sandboxed), ("unsafe", unsafe), ("bare", bare)):
                started = time.perf_counter()
                step()
                times[name].append(time.perf_counter() - started)
        graded, unsandboxed, plain = (statistics.median(times[k]) for k in ("sandboxed", "unsafe", "bare"))
        sizes = [len(json.dumps(json.loads(p.read_text("utf-8")))) for p in notebooks]

    print(f"trainees, one notebook each:      {n:6d}   (about {sum(sizes) / n / 1000:.0f} kB a notebook)")
    print(f"autograde batch, total:           {graded:6.1f} s   (median of {ROUNDS} rounds)")
    print(f"autograde, per notebook:          {graded / n:6.2f} s   (in the grading sandbox)")
    print(f"unsandboxed, per notebook:        {unsandboxed / n:6.2f} s   (--unsafe-no-sandbox)")
    rounds = ", ".join(f"{a / b:.2f}" for a, b in zip(times["sandboxed"], times["unsafe"]))
    print(f"sandboxed / unsandboxed:          {graded / unsandboxed:6.2f} x   (aim at most 1.3; "
          f"each round: {rounds})")
    print(f"nbclient alone, total:            {plain:6.1f} s")
    print(f"nbclient alone, per notebook:     {plain / n:6.2f} s")
    print(f"autograde / nbclient:             {graded / plain:6.2f} x")
    print(f"overhead per notebook:            {(graded - plain) / n:6.2f} s")


if __name__ == "__main__":
    run()
