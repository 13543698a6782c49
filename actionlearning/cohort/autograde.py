"""Autograde: run every collected submission that screening passed through nbgrader, and say in
the trainer's terms why any one could not be graded."""

from __future__ import annotations

import json
from pathlib import Path

from actionlearning.cohort import nbgrader_course, sandbox
from actionlearning.cohort.lock import one_writer
from actionlearning.cohort.problems import CohortError, Problem, first_fatal
from actionlearning.cohort.records import Records, keep_log
from actionlearning.cohort.sandboxed_kernel import STOPPED_OUTPUT
from actionlearning.cohort.screening import describe_cell
from actionlearning.cohort.status import (
    AUTOGRADED,
    Batch,
    Progress,
    check_released,
    check_session,
    is_current,
    no_progress,
    read_timestamp,
    screen_submission,
    stamp,
    status_rows,
    status_rows_for,
    submission_dir,
)
from actionlearning.cohort.store import Cohort, make_private, private_umask
from actionlearning.course.grading import METADATA

# --- autograde -------------------------------------------------------------------------------


class CellTracker:
    """Remembers which cell the kernel was running, to say where a dying kernel died."""

    def __init__(self):
        self.index: int | None = None
        self.cell: dict | None = None

    def __call__(self, cell=None, cell_index=None, **_):
        self.index, self.cell = cell_index, cell

    def __deepcopy__(self, memo):  # traitlets copies configured values: keep this one shared
        return self


UNSAFE = ("trainees' code ran WITHOUT the grading sandbox (--unsafe-no-sandbox), with your own "
          "rights: it could read and change anything you can")


@one_writer("autograde")
def autograde(cohort: Cohort, session: str, *, force: bool = False, unsafe: bool = False,
              progress: Progress = no_progress) -> Batch:
    """Autograde every collected submission of ``session`` that screening passed, each notebook
    run in the grading sandbox; with ``unsafe``, without it (the batch says so)."""
    check_session(cohort, session)
    check_released(cohort, session)
    why = "" if unsafe else sandbox.unavailable()
    if why:
        raise CohortError(
            f"Autograde runs trainees' code only in the grading sandbox, and none is available: "
            f"{why}. Nothing was graded. Only for work you trust, `--unsafe-no-sandbox` runs it "
            "with your own rights instead.")
    records = Records(cohort, session)
    tracker = CellTracker()
    limits = cohort.sandbox.to_dict()  # read from cohort.json each time, so edits take effect
    api = nbgrader_course.open_api(cohort, Execute={"on_cell_start": tracker},
                                   SandboxedExecute={"sandbox": not unsafe, "limits": limits},
                                   SandboxedKernelManager={"limits": limits})
    with nbgrader_course.quiet():
        done = api.get_autograded_students(session)
    roster = cohort.roster
    outcome: dict[str, str] = {}
    for i, t in enumerate(roster):
        folder = submission_dir(cohort, session, t.id)
        timestamp = read_timestamp(folder)
        if not folder.is_dir():
            outcome[t.id] = "nothing to grade"
        else:
            with private_umask():
                problems = screen_submission(cohort, session, t.id, records)
            if first_fatal(problems):
                records.clear(t.id, "autograde")
                outcome[t.id] = "not graded"
            elif t.id in done and not force and is_current(records.step(t.id, "autograde"), timestamp):
                outcome[t.id] = "already autograded"
            else:
                outcome[t.id] = _autograde_one(cohort, session, t.id, timestamp, api, tracker, records)
        row = status_rows_for(cohort, session, records, api, t.id)
        row.result = outcome[t.id]
        progress(i + 1, len(roster), row)
    make_private(cohort.root)
    rows = status_rows(cohort, session, records, api)
    for row in rows:
        row.result = outcome.get(row.trainee.id, "")
    batch = Batch("autograde", session, rows)
    if unsafe:
        batch.messages.append(f"WARNING: {UNSAFE}.")
    return batch



def _autograde_one(cohort: Cohort, session: str, trainee: str, timestamp, api, tracker: CellTracker,
                   records: Records) -> str:
    tracker.index = tracker.cell = None
    with nbgrader_course.quiet(), private_umask(), nbgrader_course.restored_environment():
        result = api.autograde(session, trainee, force=True, create=True)
    error = (result.get("error") or "").strip()
    if error.endswith("KeyboardInterrupt") or "\nKeyboardInterrupt" in error:
        raise KeyboardInterrupt  # nbgrader caught the trainer's Ctrl-C: stop the batch here
    log = keep_log(records, trainee, "autograde", result)
    if result.get("success"):
        graded = _graded_notebooks(cohort, session, trainee)
        notes = _timeouts(cohort, graded) + _marking_notes(graded) + _sandbox_notes(cohort, graded)
        records.set(trainee, "autograde", notes, ok=True, timestamp=stamp(timestamp))
        return "autograded"
    problem = explain_failure(result, tracker, log, cohort, session, trainee)
    records.set(trainee, "autograde", [problem], ok=False, timestamp=stamp(timestamp))
    return "could not grade"


def explain_failure(result: dict, tracker: CellTracker, log: Path, cohort: Cohort, session: str,
                    trainee: str) -> Problem:
    """Why nbgrader could not autograde a submission, in the trainer's terms."""
    text = (result.get("log") or "") + "\n" + (result.get("error") or "")
    where = f"submitted/{trainee}/{session}"
    cell = describe_cell(tracker.index, tracker.cell) if tracker.cell is not None else "a cell"
    first = ""
    if tracker.cell is not None:
        source = tracker.cell.get("source", "")
        first = ("".join(source) if isinstance(source, list) else source).strip().splitlines()[:1]
        first = f", which begins {first[0][:60]!r}" if first else ""
    if "DeadKernelError" in text or "Kernel died" in text:
        return Problem(
            "kernel-died",
            f"the Python kernel died while running {cell}{first}: the trainee's code may exit "
            f"Python, or go past the grading sandbox's limits ({cohort.sandbox.describe()})",
            f"look at that cell in {where}; ask the trainee to correct it and submit again, then "
            f"collect and autograde again (nbgrader's log: {log})", fatal=True)
    if "UnresponsiveKernelError" in text or "became unresponsive" in text:
        return Problem(
            "kernel-unresponsive",
            f"the kernel stopped responding while running {cell}{first} and could not be interrupted",
            f"look at that cell in {where}; ask the trainee to correct it and submit again "
            f"(nbgrader's log: {log})", fatal=True)
    if "SchemaTooOldError" in text or "old version of the nbgrader metadata" in text:
        return Problem(
            "old-format", "the notebook carries nbgrader metadata from an old version of nbgrader",
            "ask the trainee to fetch a fresh copy of the exercise, paste their answers in and "
            "submit again", fatal=True)
    if "SchemaTooNewError" in text or "metadata may be corrupted" in text:
        return Problem(
            "corrupt-metadata", "the notebook's nbgrader metadata is damaged (the cells' hidden settings)",
            "ask the trainee to fetch a fresh copy of the exercise, paste their answers in and "
            "submit again", fatal=True)
    if any(sign in text for sign in ("CellTimeoutError", "Timeout waiting for", "timed out")):
        return Problem(
            "time-limit",
            f"stopped at the time limit: {cell}{first} ran past {cohort.timeout} s and did not stop "
            "when interrupted (its code may catch KeyboardInterrupt in a loop), so the notebook "
            "could not be graded",
            f"look at that cell in {where}; ask the trainee to correct it and submit again, then "
            f"collect and autograde again (nbgrader's log: {log})", fatal=True)
    return Problem(
        "autograde-failed",
        f"nbgrader could not grade it: {nbgrader_course.last_words(result, 1)}",
        f"see nbgrader's log {log}; if the notebook looks sound, autograde again with --force", fatal=True)


def _graded_notebooks(cohort: Cohort, session: str, trainee: str) -> list[tuple[str, dict]]:
    """(file name, notebook) of each notebook autograde wrote for ``trainee``, read once for
    every note below."""
    found = []
    for path in sorted((cohort.root / AUTOGRADED / trainee / session).glob("*.ipynb")):
        try:
            nb = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(nb, dict):
            found.append((path.name, nb))
    return found


def _marking_notes(graded: list[tuple[str, dict]]) -> list[Problem]:
    """What the grader recorded while scoring: answers it could not read honestly, and faults in
    a master's hidden tests (see actionlearning.course.grading)."""
    notes = []
    for name, nb in graded:
        records = nb.get("metadata", {}).get(METADATA, {}).get("grading", [])
        for r in records if isinstance(records, list) else []:
            cell = f"{name}, the grade cell {r.get('cell', '?')}"
            if r.get("problem"):
                notes.append(Problem(
                    "answers-unreadable", f"{cell} scored nothing: {r['problem']}",
                    "look at the trainee's answer cells and the cell's output in formgrader; the "
                    "notebook's own code may have stopped the answers being handed in. If it was "
                    "an accident, ask the trainee to submit again"))
            if r.get("fault"):
                notes.append(Problem(
                    "marking-fault", f"{cell} could not be marked: {r['fault']}",
                    "this is a fault in the exercise's master, not the trainee's: tell the course's "
                    "authors; meanwhile grade that cell by hand in formgrader"))
            if r.get("remark"):
                notes.append(Problem("hand-in-remark", f"{cell}: {r['remark']}",
                                     "nothing, unless the score looks wrong"))
    return notes


# What the sandbox stops, as it shows in a cell's output, and how to say it to the trainer.
SANDBOX_SIGNS = (
    (STOPPED_OUTPUT, "printed more output than the sandbox keeps"),
    ("MemoryError", "ran out of the memory the sandbox allows"),
    ("File too large", "tried to write a file larger than the sandbox allows"),
    ("No space left on device", "tried to write more than the sandbox's disk allows"),
    ("Resource temporarily unavailable", "tried to start more processes than the sandbox allows"),
    ("Network is unreachable", "tried to reach the network, which the sandbox does not have"),
)


def _sandbox_notes(cohort: Cohort, graded: list[tuple[str, dict]]) -> list[Problem]:
    """What the grading sandbox stopped the notebook doing, cell by cell."""
    notes = []
    for name, nb in graded:
        for i, cell in enumerate(nb.get("cells", [])):
            text = json.dumps(cell.get("outputs", []))
            stopped = [what for sign, what in SANDBOX_SIGNS if sign in text]
            if stopped:
                notes.append(Problem(
                    "sandbox-stopped",
                    f"{name}, {describe_cell(i, cell)}: the grading sandbox stopped it: "
                    f"{'; '.join(stopped)} ({cohort.sandbox.describe()})",
                    "look at that cell; the rest of the notebook was graded as far as it went. If "
                    "the work needs more, raise the cohort's sandbox limits in cohort.json"))
    return notes


def _timeouts(cohort: Cohort, graded: list[tuple[str, dict]]) -> list[Problem]:
    notes = []
    for name, nb in graded:
        for i, cell in enumerate(nb.get("cells", [])):
            if any(o.get("ename") == "CellTimeoutError" for o in cell.get("outputs", [])):
                notes.append(Problem(
                    "cell-timeout",
                    f"{name}, {describe_cell(i, cell)} did not finish within {cohort.timeout} s; "
                    "it was stopped and the rest of the notebook graded",
                    "look at that cell: the code may loop forever. If it is only slow, raise "
                    "ExecutePreprocessor.timeout in the cohort's nbgrader_config.py and autograde "
                    "again with --force"))
    return notes
