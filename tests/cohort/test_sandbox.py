"""The grading sandbox: a hostile submission, autograded with the cohort, tries to read another
trainee's work, read and change the masters and the gradebook, reach a port on 127.0.0.1, fork
without end, fill the disk and print 50 MB. Every attempt fails, the other trainee's grade is
unchanged, the hostile notebook is graded as far as it goes, and the batch table says what the
sandbox stopped."""

from __future__ import annotations

import hashlib
import json
import socket
from datetime import date, timedelta

import pytest

from actionlearning.cohort import sandbox
from actionlearning.cohort.autograde import autograde
from actionlearning.cohort.collect import collect
from actionlearning.cohort.create import create_cohort
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.release import release
from actionlearning.cohort.sandbox import Limits, sandbox_command
from tests import cohort_support as ts
from tests.conftest import REPO

S, NB = ts.SESSION, ts.NOTEBOOK

HOSTILE = '''
import json, os, socket, sqlite3, time
results = {{}}
def attempt(name, action):
    try:
        action()
        results[name] = "done"
    except BaseException as exc:
        results[name] = f"{{type(exc).__name__}}: {{exc}}"
attempt("read-other", lambda: open({other!r}).read())
attempt("read-master", lambda: open({master!r}).read())
attempt("write-master", lambda: open({master!r}, "a").write("# changed by a trainee"))
attempt("gradebook", lambda: sqlite3.connect({gradebook!r}).execute("update grade set auto_score = 0").connection.commit())
attempt("connect", lambda: socket.create_connection(("127.0.0.1", {port}), timeout=3))
def fill_the_disk():
    with open("filler.bin", "wb") as f:
        for _ in range(4096):
            f.write(b"x" * (1 << 20))
            f.flush()
attempt("disk", fill_the_disk)
attempt("tmp", lambda: [open(f"/tmp/filler{{i}}.bin", "wb").write(b"x" * (32 << 20)) for i in range(64)])
print("ATTEMPTS", json.dumps(results))
print("x" * (50 << 20))
'''

# Last, in the last answer cell: processes without end. Each child lingers a moment; once the
# sandbox's limit stops the forking, the notebook reaps them and carries on.
BOMB = '''
import os, time
def fork_without_end():
    try:
        for _ in range(5000):
            if os.fork() == 0:
                time.sleep(2)
                os._exit(0)
    finally:
        while True:
            try:
                os.wait()
            except ChildProcessError:
                break
fork_without_end()
'''


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sandbox")
    cohort = create_cohort(tmp / "home", "spring", ts.DATA / "roster-12.csv", 9,
                           date.today() - timedelta(days=3), exchange=str(tmp / "exchange"),
                           timeout=60, check_owner=False)  # the test's one account submits for all
    release(cohort, S)
    ts.submit(cohort, "t01", ts.answered(cohort), work=tmp / "work")
    collect(cohort, S)
    autograde(cohort, S)
    first = ts_scores(cohort)
    master = cohort.root / "source" / S / NB
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.5)
    code = HOSTILE.format(other=str(cohort.root / "submitted" / "t01" / S / NB), master=str(master),
                          gradebook=str(cohort.root / "gradebook.db"), port=listener.getsockname()[1])
    hostile = ts.set_answer(ts.answered(cohort), "answer-kinds",
                            code + "\n" + ts.answer_of(cohort, "answer-kinds"))
    hostile = ts.set_answer(hostile, "answer-question", ts.answer_of(cohort, "answer-question") + BOMB)
    before = {"master": _digest(master), "t01": _digest(cohort.root / "submitted" / "t01" / S / NB)}
    ts.submit(cohort, "t02", hostile, work=tmp / "work")
    collect(cohort, S)
    batch = autograde(cohort, S)
    try:
        listener.accept()
        reached = True
    except OSError:
        reached = False
    listener.close()
    rows = {r.trainee.id: r for r in batch.rows}
    assert (cohort.root / "autograded" / "t02" / S / NB).exists(), rows["t02"].failure
    notebook = json.loads((cohort.root / "autograded" / "t02" / S / NB).read_text("utf-8"))
    outputs = json.dumps([c.get("outputs", []) for c in notebook["cells"]])
    # what the cell printed, however the kernel split it into stream outputs (it does, under load)
    printed = "".join("".join(o["text"]) if isinstance(o["text"], list) else o["text"]
                      for c in notebook["cells"] for o in c.get("outputs", []) if o.get("output_type") == "stream")
    attempts = json.loads(printed.split("ATTEMPTS ", 1)[1].split("\n", 1)[0])
    bomb = json.dumps(next(c for c in notebook["cells"] if ts._grade_id(c) == "answer-question")["outputs"])
    return {"cohort": cohort, "batch": batch, "first": first, "after": ts_scores(cohort),
            "attempts": attempts, "bomb": bomb, "reached": reached, "before": before, "master": master,
            "outputs_size": len(outputs)}


def ts_scores(cohort):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{cohort.root / 'gradebook.db'}", cohort.course_id) as gb:
        return {s.student.id: s.score for s in gb.find_assignment(S).submissions}


pytestmark = pytest.mark.pipeline


def test_every_hostile_attempt_fails(graded):
    attempts = graded["attempts"]
    for name in ("read-other", "read-master", "write-master", "gradebook", "connect"):
        assert attempts[name] != "done" and not attempts[name].startswith("Error"), (name, attempts)
    assert attempts["disk"] != "done" and attempts["tmp"] != "done"
    assert "BlockingIOError" in graded["bomb"]  # the sandbox's process limit stopped the forking
    assert not graded["reached"]  # nothing connected to the trainer's machine


def test_nothing_outside_the_sandbox_changed(graded):
    cohort = graded["cohort"]
    assert _digest(graded["master"]) == graded["before"]["master"]
    assert _digest(cohort.root / "submitted" / "t01" / S / NB) == graded["before"]["t01"]
    assert graded["after"]["t01"] == graded["first"]["t01"] > 0


def test_the_hostile_notebook_is_graded_as_far_as_it_goes(graded):
    rows = {r.trainee.id: r for r in graded["batch"].rows}
    assert rows["t02"].status == "awaiting review" and rows["t02"].score == rows["t01"].score
    assert graded["outputs_size"] < 5 << 20  # the 50 MB print was not kept


def test_the_batch_table_says_what_the_sandbox_stopped(graded):
    rows = {r.trainee.id: r for r in graded["batch"].rows}
    stopped = " ".join(p.what for p in rows["t02"].notes if p.kind == "sandbox-stopped")
    assert "printed more output than the sandbox keeps" in stopped
    assert "more processes than the sandbox allows" in stopped
    assert "disk allows" in stopped or "larger than the sandbox allows" in stopped
    assert not [p for p in rows["t01"].notes if p.kind == "sandbox-stopped"]


def test_without_a_sandbox_autograde_refuses_and_says_how_to_install_one(graded, monkeypatch):
    monkeypatch.setattr(sandbox, "bwrap_path", lambda: None)
    with pytest.raises(CohortError) as refused:
        autograde(graded["cohort"], S, force=True)
    assert "apt-get install bubblewrap" in str(refused.value) and "--unsafe-no-sandbox" in str(refused.value)


def test_the_command_shares_nothing_of_the_cohort():
    command = sandbox_command(["python", "-m", "ipykernel_launcher"], workdir="/home/t/cohort/autograded/t01/s",
                              sockets="/tmp/k", limits=Limits(memory_mb=512))
    text = " ".join(command)
    assert "--unshare-net" in command and "--unshare-pid" in command and "--clearenv" in command
    assert f"--as={512 << 20}" in text
    mounts = [command[i + 2] for i, a in enumerate(command) if a in ("--bind", "--ro-bind")]
    assert not any(m.startswith("/home/t/cohort") and m != "/home/t/cohort/autograded/t01/s" for m in mounts)
    assert str(REPO / "source") not in text


@pytest.mark.parametrize("bad, why", [
    ({"memory_mb": 0}, "at least 1"), ({"memory": 5}, "unknown sandbox limits"), ({"processes": "64"}, "whole number"),
])
def test_limits_are_checked(bad, why):
    with pytest.raises(ValueError, match=why):
        Limits.from_dict(bad)
