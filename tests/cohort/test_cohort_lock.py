"""One writer at a time: a second command on a cohort waits for the first, saying which, or
refuses; run for real, two autogrades and a collect at once grade everyone right, lose no
records, and each keeps its own logs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from actionlearning.cohort.create import create_cohort
from actionlearning.cohort.lock import LOCK, CohortBusy, writing
from actionlearning.cohort.release import release
from tests import cohort_support as ts
from tests.conftest import REPO

pytestmark = pytest.mark.pipeline
S = ts.SESSION


def _cohort(tmp_path, ids=("t01", "t02")):
    roster = tmp_path / "roster.csv"
    roster.write_text("id,first_name,last_name,email\n" + "".join(f"{i},First,{i.upper()},\n" for i in ids),
                      encoding="utf-8")
    return create_cohort(tmp_path / "home", "spring", roster, 9, date.today() - timedelta(days=3),
                         exchange=str(tmp_path / "exchange"), check_owner=False)


def test_a_second_writer_refuses_or_waits_saying_for_what(tmp_path):
    cohort = _cohort(tmp_path)
    said: list[str] = []
    entered = threading.Event()

    def second():
        with writing(cohort, "collect", waiting=said.append):
            entered.set()

    with writing(cohort, "autograde"):
        with pytest.raises(CohortBusy) as refused:
            with writing(cohort, "feedback", wait=False):
                pass
        assert f"`autograde` (process {os.getpid()}" in str(refused.value)
        assert "feedback did nothing: run it again" in str(refused.value)
        waiter = threading.Thread(target=second)
        waiter.start()
        assert not entered.wait(1.0)  # still waiting while autograde holds the lock
        assert len(said) == 1 and said[0].startswith("Waiting: `autograde`") and "collect starts" in said[0]
    waiter.join(10)
    assert entered.is_set()  # and in, once autograde let go


def test_the_lock_goes_when_its_holder_dies(tmp_path):
    """A command killed half-way leaves nothing to clear by hand."""
    cohort = _cohort(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom pathlib import Path\n"
         "from actionlearning.cohort.store import load_cohort\n"
         "from actionlearning.cohort.lock import writing\n"
         "with writing(load_cohort(Path(sys.argv[1]), 'spring'), 'autograde'):\n"
         "    print('held', flush=True); time.sleep(600)\n", str(cohort.root.parent)],
        cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(CohortBusy, match=f"process {holder.pid}"):
            with writing(cohort, "collect", wait=False):
                pass
    finally:
        holder.kill()
        holder.wait()
    with writing(cohort, "collect", wait=False):
        pass


def test_two_autogrades_and_a_collect_at_once(tmp_path):
    cohort = _cohort(tmp_path, ids=("t01", "t02", "t03"))
    release(cohort, S)
    for tid in ("t01", "t02"):
        ts.submit(cohort, tid, ts.answered(cohort), work=tmp_path / "trainees")
    subprocess.run(_command(cohort, tmp_path, "collect"), cwd=REPO, check=True, capture_output=True)
    logs = cohort.root / "logs" / S
    [first] = logs.iterdir()
    first_logs = {p.name: p.read_bytes() for p in first.iterdir()}
    ts.submit(cohort, "t03", ts.answered(cohort), work=tmp_path / "trainees")  # late: the next collect

    # the three start while the test holds the lock, so that all three meet it however the
    # machine schedules them (a fast collect could otherwise finish before the others start)
    with writing(cohort, "the test"):
        runs = [subprocess.Popen(_command(cohort, tmp_path, step), cwd=REPO, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
                for step in ("autograde", "autograde", "collect")]
        _until_waiting(cohort.root / LOCK, 3)
    outs = [(run.wait(600), *run.communicate()) for run in runs]
    context = "\n---\n".join(out + err for _, out, err in outs)
    assert [code for code, _, _ in outs] == [0, 0, 0], context
    assert "FAILED" not in context and "IntegrityError" not in context, context
    assert sum("Waiting: `" in err for _, _, err in outs) == 3, context  # each waited, then took turns

    records = json.loads((cohort.root / "records" / f"{S}.json").read_text("utf-8"))["trainees"]
    assert {"exchange", "screen"} <= set(records["t03"]), "collect's records were lost"
    assert all(records[t]["autograde"]["ok"] for t in ("t01", "t02")), records
    assert {p.name: p.read_bytes() for p in first.iterdir()} == first_logs  # kept as it was
    # the first collect's, then autograde's, collect's, and the other autograde's if it graded t03
    assert len(list(logs.iterdir())) >= 3


def _until_waiting(lock: Path, count: int, timeout: float = 180) -> None:
    """Until ``count`` processes are blocked on ``lock`` (Linux lists them in /proc/locks, each
    line marked "->", with the file's inode)."""
    inode = f":{lock.stat().st_ino} "
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        waiting = [line for line in Path("/proc/locks").read_text().splitlines() if "->" in line and inode in line]
        if len(waiting) >= count:
            return
        time.sleep(0.2)
    pytest.fail(f"{count} commands did not reach the cohort's lock within {timeout:.0f} s")


def _command(cohort, tmp_path, step: str) -> list[str]:
    return [sys.executable, "-m", "actionlearning", "cohort", step, "spring", S,
            "--home", str(cohort.root.parent), "--exchange", str(tmp_path / "exchange")]
