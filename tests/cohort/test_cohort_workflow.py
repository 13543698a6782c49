"""Cohort folders, several cohorts side by side, release, and the collection cases that need no
autograding (each of these runs in a second or two)."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from actionlearning.cohort import nbgrader_course as course
from actionlearning.cohort.autograde import autograde
from actionlearning.cohort.collect import collect
from actionlearning.cohort.create import create_cohort
from actionlearning.cohort.extensions import cancel_extension, grant_extension, load_extensions, parse_until, timing
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.release import release
from actionlearning.cohort.status import read_timestamp, status_rows
from actionlearning.cohort.store import (
    EXCHANGE_ENV,
    HOME_ENV,
    list_cohorts,
    load_cohort,
    resolve_exchange,
    resolve_home,
    with_exchange,
)
from tests import cohort_support as ts
from tests.conftest import REPO

pytestmark = pytest.mark.pipeline
S, NB = ts.SESSION, ts.NOTEBOOK


@pytest.fixture
def place(tmp_path):
    return tmp_path / "home", tmp_path / "exchange", tmp_path / "trainees"


def _roster(tmp_path: Path, *ids: str) -> Path:
    path = tmp_path / f"roster-{'-'.join(ids)}.csv"
    path.write_text("id,first_name,last_name,email\n" + "".join(f"{i},First {i},Last,{i}@example.org\n" for i in ids),
                    encoding="utf-8")
    return path


def _cohort(tmp_path, place, name="spring", ids=("t01", "t02", "t03"), **kw):
    home, exchange, _ = place
    kw.setdefault("check_owner", False)  # the test's one account submits for every trainee
    return create_cohort(home, name, _roster(tmp_path, *ids), kw.pop("meetings", 9),
                         kw.pop("start", date.today() - timedelta(days=3)), exchange=str(exchange), **kw)


def test_a_cohort_folder_is_an_nbgrader_course_private_to_its_owner(tmp_path, place):
    cohort = _cohort(tmp_path, place)
    root = cohort.root
    assert sorted(p.name for p in root.iterdir()) == [
        "cohort.json", "gradebook.db", "nbgrader_config.py", "roster.csv", "source"]
    assert (root / "source").resolve() == REPO / "source"
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.lstat().st_mode) & 0o077 == 0 for p in root.iterdir() if not p.is_symlink())
    config = course.nbgrader_config(cohort)
    assert config.CourseDirectory.root == str(root) and config.CourseDirectory.course_id == "spring"
    assert config.CourseDirectory.release_directory == "release"
    assert config.Exchange.root == str(place[1]) and config.OverwriteCells.add_missing_cells is True
    assert config.ClearSolutions.text_stub == "Write your answer here."  # the shared course layout
    api = course.open_api(cohort)
    assert [s["id"] for s in api.get_students()] == ["t01", "t02", "t03"]


def test_formgrader_reads_the_cohort_from_its_folder(tmp_path, place, monkeypatch):
    """`cohort review` starts JupyterLab in the cohort folder: nbgrader's own app, started there,
    must find this cohort's course, gradebook and roster."""
    from nbgrader.apps.baseapp import NbGrader

    cohort = _cohort(tmp_path, place)
    monkeypatch.chdir(cohort.root)
    app = NbGrader()
    app.load_config_file()
    assert app.config.CourseDirectory.root == str(cohort.root)
    assert app.config.CourseDirectory.course_id == "spring"
    from actionlearning.cohort.review import review_command

    command = review_command(cohort)
    assert command[1] == "lab" and f"--ServerApp.root_dir={cohort.root}" in command
    assert "--LabApp.default_url=/formgrader" in command


def test_home_and_exchange_come_from_flag_then_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "env-home"))
    monkeypatch.setenv(EXCHANGE_ENV, str(tmp_path / "env-x"))
    assert resolve_home() == tmp_path / "env-home" and resolve_home(tmp_path / "h") == tmp_path / "h"
    assert resolve_exchange() == str(tmp_path / "env-x") and resolve_exchange(str(tmp_path / "f")) == str(tmp_path / "f")
    monkeypatch.delenv(HOME_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert resolve_home() == tmp_path / "data" / "actionlearning" / "cohorts"


@pytest.mark.parametrize("name, message", [("Spring 2026", "lower-case"), ("-x", "start")])
def test_bad_names_and_places(tmp_path, place, name, message):
    with pytest.raises(CohortError, match=message):
        _cohort(tmp_path, place, name=name)


def test_cohort_data_is_refused_inside_the_repository(tmp_path):
    with pytest.raises(CohortError, match="inside the repository"):
        create_cohort(REPO / "cohorts", "spring", _roster(tmp_path, "t01"), 9, date(2026, 1, 14))
    assert not (REPO / "cohorts").exists()


def test_a_name_is_used_once_and_a_missing_cohort_is_explained(tmp_path, place):
    _cohort(tmp_path, place)
    with pytest.raises(CohortError, match="already exists"):
        _cohort(tmp_path, place)
    with pytest.raises(CohortError, match="cohorts there: spring"):
        load_cohort(place[0], "autumn")


def test_several_cohorts_side_by_side_from_one_source(tmp_path, place):
    spring = _cohort(tmp_path, place, "spring", ("t01", "t02"), meetings=9)
    autumn = _cohort(tmp_path, place, "autumn", ("a01", "a02", "a03"), meetings=3,
                     start=date.today() - timedelta(days=120))
    assert [c.name for c in list_cohorts(place[0])] == ["autumn", "spring"]
    for c in (spring, autumn):
        release(c, S)
    assert spring.schedule.exercise(S).due != autumn.schedule.exercise(S).due
    ts.submit(spring, "t01", ts.answered(spring), work=place[2])
    ts.submit(autumn, "a02", ts.given(autumn), work=place[2])
    s = {r.trainee.id: (r.status, r.late) for r in collect(spring, S).rows}
    a = {r.trainee.id: (r.status, r.late) for r in collect(autumn, S).rows}
    assert s == {"t01": ("submitted", False), "t02": ("missing", False)}
    # autumn's session 1 was due weeks ago
    assert a == {"a01": ("missing", False), "a02": ("submitted", True), "a03": ("missing", False)}
    assert course.open_api(spring).get_submitted_students(S) == {"t01"}
    assert course.open_api(autumn).get_submitted_students(S) == {"a02"}
    assert (spring.root / "source").resolve() == (autumn.root / "source").resolve()


def test_release_once_then_only_with_force(tmp_path, place):
    cohort = _cohort(tmp_path, place)
    first = release(cohort, S)
    assert not first.already and first.files == [cohort.root / "release" / S / NB]
    assert (place[1] / "spring" / "outbound" / S / NB).is_file()
    assert release(cohort, S).already
    assert not release(cohort, S, force=True).already
    with pytest.raises(CohortError, match="not released yet|has not been released"):
        collect(cohort, "session-02")


def test_release_without_a_usable_exchange_still_prepares_the_files(tmp_path, place):
    cohort = with_exchange(_cohort(tmp_path, place), "/proc/no-exchange-here")
    done = release(cohort, S)
    assert done.files and done.exchange is None and "hand out as files" in done.exchange_error


def test_an_exercise_not_yet_written_is_named(tmp_path, place):
    workbook = tmp_path / "workbook"  # a workbook whose later exercises are still being written
    (workbook / "source").mkdir(parents=True)
    (workbook / "nbgrader_config.py").write_bytes((REPO / "nbgrader_config.py").read_bytes())
    (workbook / "source" / S).symlink_to(REPO / "source" / S)
    cohort = _cohort(tmp_path, place, repository=workbook)
    with pytest.raises(CohortError, match="not written yet.*session-01"):
        release(cohort, "session-02")
    assert release(cohort, S).files


def test_ctrl_c_inside_nbgrader_stops_the_batch_and_records_nothing(tmp_path, place, monkeypatch):
    from nbgrader.apps import NbGraderAPI

    cohort = _cohort(tmp_path, place)
    release(cohort, S)
    ts.submit(cohort, "t01", ts.answered(cohort), work=place[2])
    collect(cohort, S)
    # nbgrader catches the interruption and reports it as a failed call
    monkeypatch.setattr(NbGraderAPI, "autograde", lambda self, *a, **k: {
        "success": False, "error": "Traceback (most recent call last):\n...\nKeyboardInterrupt", "log": ""})
    with pytest.raises(KeyboardInterrupt):
        autograde(cohort, S)
    from actionlearning.cohort.records import Records

    assert Records(cohort, S).step("t01", "autograde") == {}


def test_collecting_from_an_exchange_never_released_to_says_what_to_do(tmp_path, place):
    cohort = _cohort(tmp_path, place)
    release(cohort, S, exchange=False)
    with pytest.raises(CohortError, match="--from"):
        collect(cohort, S)


def test_a_notebook_over_the_size_limit_is_reported_not_lost(tmp_path, place):
    cohort = _cohort(tmp_path, place)
    with (cohort.root / "nbgrader_config.py").open("a") as fh:
        fh.write("c.CourseDirectory.max_file_size = 200  # kilobytes, for this test\n")
    release(cohort, S)
    ts.submit(cohort, "t01", ts.with_huge_output(ts.answered(cohort), 0.5), work=place[2])
    ts.submit(cohort, "t02", ts.answered(cohort), work=place[2], extra={"notes.txt": b"my notes"})
    rows = {r.trainee.id: r for r in collect(cohort, S).rows}
    assert rows["t01"].status == "failed" and rows["t01"].failure.kind == "too-large"
    assert "clear outputs" in rows["t01"].failure.todo
    assert rows["t02"].status == "submitted"


def test_wrong_notebook_name_and_no_notebook_in_the_exchange(tmp_path, place):
    cohort = _cohort(tmp_path, place)
    release(cohort, S)
    ts.submit(cohort, "t01", ts.answered(cohort), work=place[2], name="why-action-learning-Copy1.ipynb")
    ts.submit(cohort, "t02", b"my answers", work=place[2], name="answers.txt")
    rows = {r.trainee.id: r for r in collect(cohort, S).rows}
    assert rows["t01"].failure.kind == "wrong-name" and "Copy1" in rows["t01"].failure.what
    assert rows["t02"].failure.kind == "not-a-notebook" and "answers.txt" in rows["t02"].failure.what


def test_a_deleted_locked_cell_is_not_graded_and_says_why(tmp_path, place):
    cohort = _cohort(tmp_path, place)
    release(cohort, S)
    ts.submit(cohort, "t01", ts.without(ts.answered(cohort), "setup"), work=place[2])
    collect(cohort, S)
    batch = autograde(cohort, S)
    row = next(r for r in batch.rows if r.trainee.id == "t01")
    assert row.status == "failed" and row.failure.kind == "deleted-locked-cell" and row.result == "not graded"
    assert not (cohort.root / "autograded" / "t01").exists()


def test_returned_folder_uses_file_times_for_lateness(tmp_path, place):
    cohort = _cohort(tmp_path, place)
    release(cohort, S)
    due = cohort.schedule.exercise(S).due
    folder = tmp_path / "emails"
    folder.mkdir()
    for trainee, when in (("t01", due - timedelta(days=1)), ("t02", due + timedelta(days=1))):
        path = folder / f"{trainee}-{NB}"
        path.write_text(ts.dumps(ts.answered(cohort)), encoding="utf-8")
        os.utime(path, (when.timestamp(), when.timestamp()))
    before = ts.tree_digest(folder)
    rows = {r.trainee.id: (r.status, r.timing) for r in collect(cohort, S, source=folder).rows}
    assert rows == {"t01": ("submitted", "on time"), "t02": ("submitted", "late by 1 day"), "t03": ("missing", "")}
    assert ts.tree_digest(folder) == before
    late = read_timestamp(cohort.root / "submitted" / "t02" / S)
    assert late == (due + timedelta(days=1)).astimezone(timezone.utc).replace(tzinfo=None)

    # An extension granted afterwards: the same submission is now within it, and nothing is re-collected.
    grant_extension(cohort, "t02", S, due + timedelta(days=2))
    row = next(r for r in status_rows(cohort, S) if r.trainee.id == "t02")
    assert (row.late, row.timing.startswith("within extension (to ")) == (False, True)
    assert cancel_extension(cohort, "t02", S) and not cancel_extension(cohort, "t02", S)
    assert next(r for r in status_rows(cohort, S) if r.trainee.id == "t02").late


def test_an_extension_must_be_for_someone_on_the_roster_and_after_the_due_date(tmp_path, place):
    cohort = _cohort(tmp_path, place)
    due = cohort.schedule.exercise(S).due
    with pytest.raises(CohortError, match="not on .* roster"):
        grant_extension(cohort, "t99", S, due + timedelta(days=1))
    with pytest.raises(CohortError, match="must end after that"):
        grant_extension(cohort, "t01", S, due - timedelta(hours=1))
    with pytest.raises(CohortError, match="is not a date"):
        parse_until("next Friday", cohort)
    assert parse_until("2031-03-14", cohort).strftime("%H:%M %Z") in ("23:59 GMT", "23:59 BST")
    assert parse_until("2031-07-14T17:00", cohort).strftime("%H:%M %Z") == "17:00 BST"
    assert (cohort.root / "extensions.json").exists() is False  # refused extensions write nothing
    (cohort.root / "extensions.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CohortError, match="damaged"):
        load_extensions(cohort)


def test_lateness_reads_as_a_trainer_would_say_it():
    due = datetime(2031, 3, 14, 23, 59, tzinfo=timezone.utc)
    assert timing(None, due, None).text == ""
    assert timing(due.replace(tzinfo=None), due, None).text == "on time"  # naive: UTC, as nbgrader keeps it
    assert timing(due + timedelta(minutes=5), due, None).text == "late by 5 min"
    assert timing(due + timedelta(hours=3, minutes=2), due, None).text == "late by 3 h 2 min"
    assert timing(due + timedelta(days=2, hours=4), due, None).text == "late by 2 days 4 h"
    until = due + timedelta(days=3)
    assert not timing(due + timedelta(days=2), due, until).late
    late = timing(due + timedelta(days=3, hours=1), due, until)
    assert late.late and late.text == "late by 1 h"


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b"PK\x03\x04 cut short"), "not a zip file|damaged"),
    (lambda p: None, "does not exist"),
])
def test_a_bad_returned_source_stops_before_anything_is_collected(tmp_path, place, make, message):
    cohort = _cohort(tmp_path, place)
    release(cohort, S)
    source = tmp_path / "download.zip"
    make(source)
    with pytest.raises(CohortError, match=message):
        collect(cohort, S, source=source)
    assert not (cohort.root / "submitted").exists()


def test_records_survive_damage(tmp_path, place):
    from actionlearning.cohort.records import Records

    cohort = _cohort(tmp_path, place)
    path = cohort.root / "records" / f"{S}.json"
    path.parent.mkdir()
    path.write_text("{not json")
    records = Records(cohort, S)
    assert records.data == {"trainees": {}, "unmatched": {}}
    assert path.with_suffix(".damaged.json").is_file()
    records.set("t01", "screen", [])
    assert json.loads(path.read_text())["trainees"]["t01"]["screen"]["problems"] == []


@pytest.mark.parametrize("value, shown", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("@SUM(1+1)", "'@SUM(1+1)"), ("-2+3", "'-2+3"), ("\tx", "'\tx"), ("-2.5", "-2.5"), ("Ann", "Ann"), (3, 3),
])
def test_csv_cells_that_would_start_a_formula_are_neutralised(value, shown):
    from actionlearning.cohort.report import spreadsheet_safe

    assert spreadsheet_safe(value) == shown


def test_a_loop_that_ignores_ctrl_c_is_reported_as_stopped_at_the_time_limit(tmp_path):
    from actionlearning.cohort.autograde import CellTracker, explain_failure

    cohort = _cohort(tmp_path, (tmp_path / "home", tmp_path / "exchange", None))
    tracker = CellTracker()
    tracker(cell={"source": "while True:\n    try: pass\n    except KeyboardInterrupt: pass",
                  "metadata": {"nbgrader": {"grade_id": "answer-kinds"}}}, cell_index=3)
    result = {"success": False, "log": "", "error": "nbclient.exceptions.CellTimeoutError: A cell timed out "
              "while it was being executed, after 60 seconds.\nThe message was: Timeout waiting for IOPub output."}
    problem = explain_failure(result, tracker, tmp_path / "log", cohort, S, "t01")
    assert problem.kind == "time-limit" and "stopped at the time limit" in problem.what
    assert "answer-kinds" in problem.what and problem.fatal
