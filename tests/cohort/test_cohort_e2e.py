"""A cohort's week from end to end, on a temporary home and exchange: a cohort of twelve from a
roster; session 1 released; submissions complete, partial, blank, late and of every bad kind;
collect (exchange, then a zip from a learning platform), autograde (interrupted, then rerun),
feedback, report. Statuses, scores, originals and permissions are checked at the end."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from actionlearning.cohort.autograde import autograde
from actionlearning.cohort.collect import collect
from actionlearning.cohort.create import create_cohort
from actionlearning.cohort.feedback import HELD_BACK, feedback
from actionlearning.cohort.nbgrader_course import db_url
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.release import release
from actionlearning.cohort.report import build_report, report_csv
from tests import cohort_support as ts

pytestmark = pytest.mark.pipeline
S = ts.SESSION
NB = ts.NOTEBOOK
TIMEOUT = 6  # seconds: the never-finishing cell costs this once


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    """Run the whole week once; the tests below read what it left."""
    tmp = tmp_path_factory.mktemp("cohort-week")
    home, exchange, work = tmp / "home", tmp / "exchange", tmp / "trainees"
    start = date.today() - timedelta(days=3)  # session 1 is due in about ten days
    cohort = create_cohort(home, "spring-2026", ts.DATA / "roster-12.csv", 9, start,
                           exchange=str(exchange), timeout=TIMEOUT,
                           check_owner=False)  # the test's one account submits for everyone
    released = release(cohort, S)
    assert released.exchange and not released.exchange_error
    due = cohort.schedule.exercise(S).due

    complete = ts.answered(cohort)
    # through the exchange, as trainees' JupyterLab would
    ts.submit(cohort, "t01", complete, work=work)
    ts.submit(cohort, "t02", ts.answered(cohort, only=("answer-kinds",)), work=work)
    ts.submit(cohort, "t03", ts.given(cohort), work=work)
    ts.submit(cohort, "t04", ts.answered(cohort, only=("answer-kinds",)), work=work,
              when=due - timedelta(days=2))
    ts.submit(cohort, "t04", complete, work=work, when=due + timedelta(hours=20))  # late, and twice
    tampered = ts.set_answer(ts.answered(cohort, only=("answer-calls", "answer-question")),
                             "check-kinds", "3  # full marks, please")  # an altered test
    tampered = ts.without(tampered, "check-calls")  # a deleted graded cell
    tampered = ts.set_answer(tampered, "intro", "# My own title")  # an altered locked cell
    ts.submit(cohort, "t05", tampered, work=work)
    ts.submit(cohort, "t07", ts.set_answer(complete, "answer-question", "while True:\n    pass"), work=work)
    ts.submit(cohort, "t08", ts.set_answer(complete, "answer-question", "import os\nos._exit(1)"), work=work)
    ts.submit(cohort, "stranger", complete, work=work)  # not on the roster
    # t06 hands in nothing; the rest come back by email, zipped by the trainer
    returned = ts.zip_returned(tmp / "returned.zip", {
        f"t09_{NB}": ts.as_format_3(ts.with_huge_output(complete)).encode("utf-8"),
        f"t10 {NB}": (ts.DATA / "submissions" / "corrupt.ipynb").read_bytes(),
        f"Björn Åkesson (t11)/{NB}": (ts.DATA / "submissions" / "not-utf8.ipynb").read_bytes(),
        "t12-reflection.docx": (ts.DATA / "submissions" / "reflection.docx").read_bytes(),
        f"zz99_{NB}": ts.dumps(complete).encode("utf-8"),
    }, when=ts.now() - timedelta(hours=1))
    originals = {"exchange": ts.tree_digest(exchange / cohort.course_id / "inbound"),
                 "zip": ts.tree_digest(tmp)["returned.zip"]}

    out = {"cohort": cohort, "tmp": tmp, "originals": originals, "returned": returned}
    out["collect"] = collect(cohort, S)
    out["collect_zip"] = collect(cohort, S, source=returned)
    # collecting again changes nothing
    out["collect_again"] = collect(cohort, S)
    out["collect_zip_again"] = collect(cohort, S, source=returned)

    # an autograde interrupted after three trainees, then run again
    seen = []

    def stop_after_three(i, n, row):
        seen.append(row.trainee.id)
        if i == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        autograde(cohort, S, progress=stop_after_three)
    out["interrupted_after"] = list(seen)
    progress = []
    out["autograde"] = autograde(cohort, S, progress=lambda i, n, row: progress.append((i, n, row.trainee.id)))
    out["progress"] = progress
    with pytest.raises(CohortError) as refused:  # reflections still wait for the trainer
        feedback(cohort, S)
    out["feedback_refused"] = str(refused.value)
    ts.review(cohort, ("t01", "t02", "t09"))  # the trainer grades three trainees' reflections
    out["feedback"] = feedback(cohort, S, partial=True)
    out["report"] = build_report(cohort)
    out["anonymous"] = build_report(cohort, anonymise=True)
    return out


def _rows(batch):
    return {r.trainee.id: r for r in batch.rows}


def _kinds(row):
    return {p.kind for p in row.notes}


def test_collection_reports_every_trainee_and_the_strangers(week):
    rows = _rows(week["collect"])
    assert len(rows) == 12
    assert rows["t06"].status == "missing" and rows["t10"].status == "missing"  # zip not yet collected
    assert [p.kind for p in week["collect"].unmatched] == ["unknown-trainee"]
    assert "stranger" in week["collect"].unmatched[0].what
    zip_rows = _rows(week["collect_zip"])
    assert zip_rows["t10"].status == "failed" and zip_rows["t10"].failure.kind == "corrupt-json"
    assert {p.kind for p in week["collect_zip"].unmatched} == {"unknown-trainee"}
    assert "zz99" in week["collect_zip"].unmatched[0].what


def test_collecting_again_changes_nothing(week):
    first, again = _rows(week["collect_zip"]), _rows(week["collect_zip_again"])
    assert {t: (r.status, r.reason) for t, r in first.items()} == {t: (r.status, r.reason) for t, r in again.items()}
    cohort = week["cohort"]
    assert len(list((cohort.root / "downloaded" / S / "archive").iterdir())) == 1
    for trainee in ("t01", "t04", "t09"):
        assert [p.name for p in (cohort.root / "submitted" / trainee / S).glob("*.ipynb")] == [NB]


def test_statuses_and_scores(week):
    rows = _rows(week["autograde"])
    got = {t: (r.status, r.score) for t, r in rows.items()}
    review = "awaiting review"  # autograded; each has a reflection for the trainer to mark
    assert got == {
        "t01": (review, 5), "t02": (review, 3), "t03": (review, 0),
        "t04": (review, 5), "t05": (review, 2), "t06": ("missing", None),
        "t07": (review, 5), "t08": ("failed", None), "t09": (review, 5),
        "t10": ("failed", None), "t11": ("failed", None), "t12": ("failed", None),
    }
    assert {t for t, r in rows.items() if r.late} == {"t04"} and rows["t04"].timing.startswith("late by ")
    assert rows["t01"].timing == "on time" and rows["t06"].timing == ""
    assert all(r.max_score == 5 for r in rows.values() if r.score is not None)  # parts 1 and 2
    assert all(r.review for r in rows.values() if r.score is not None)  # reflections await review


def test_each_bad_kind_says_why_where_and_what_to_do(week):
    rows = _rows(week["autograde"])
    failures = {t: rows[t].failure for t in ("t08", "t10", "t11", "t12")}
    assert {t: f.kind for t, f in failures.items()} == {
        "t08": "kernel-died", "t10": "corrupt-json", "t11": "not-utf8", "t12": "not-a-notebook"}
    assert "cell 10 (answer-question)" in failures["t08"].what and "os" in failures["t08"].what
    assert "line 13, column 15" in failures["t10"].what and NB in failures["t10"].what
    assert "byte 0xe9 at line 6" in failures["t11"].what
    assert "t12-reflection.docx" in failures["t12"].what
    assert all(f.todo for f in failures.values())
    assert {"several-submissions"} <= _kinds(rows["t04"])
    assert {"altered-test", "deleted-cell", "altered-locked-cell"} <= _kinds(rows["t05"])
    assert "cell-timeout" in _kinds(rows["t07"])
    timeout = next(p for p in rows["t07"].notes if p.kind == "cell-timeout")
    assert "answer-question" in timeout.what and f"{TIMEOUT} s" in timeout.what
    assert {"old-format", "huge-outputs"} <= _kinds(rows["t09"])


def test_an_interrupted_batch_completes_when_run_again_without_duplicates(week):
    assert week["interrupted_after"] == ["t01", "t02", "t03"]
    rows = _rows(week["autograde"])
    assert [rows[t].result for t in ("t01", "t02", "t03")] == ["already autograded"] * 3
    assert [n for _, n, _ in week["progress"]] == [12] * 12
    from nbgrader.api import Gradebook

    cohort = week["cohort"]
    with Gradebook(db_url(cohort), cohort.course_id) as gb:
        names = [s.student.id for s in gb.find_assignment(S).submissions]
    assert len(names) == len(set(names))


def test_feedback_waits_for_the_trainers_review(week):
    refused, rows = week["feedback_refused"], _rows(week["feedback"])
    assert "no feedback was sent" in refused and "--partial" in refused
    assert all(t in refused for t in ("t01", "t03", "t05", "t07"))
    held = {t for t, r in rows.items() if r.result == HELD_BACK}
    assert held == {"t03", "t04", "t05", "t07"}
    assert any("Held back for your review: t03, t04, t05, t07" in m for m in week["feedback"].messages)


def test_feedback_goes_to_each_trainee_alone(week):
    rows, cohort = _rows(week["feedback"]), week["cohort"]
    released = {t for t, r in rows.items() if r.result == "feedback released"}
    assert released == {"t01", "t02"}
    assert rows["t09"].result == "feedback ready to send"  # came by email: sent by hand
    assert "feedback-by-hand" in _kinds(rows["t09"])
    pages = list((Path(cohort.exchange) / cohort.course_id / "feedback").glob("*.html"))
    assert len(pages) == len(released)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in pages)  # the trainee can fetch it
    html = (cohort.root / "feedback" / "t02" / S / NB.replace(".ipynb", ".html")).read_text("utf-8")
    assert "✗" in html  # the reasons for lost marks


def test_each_feedback_page_shows_that_trainees_progress_so_far_and_nobody_elses(week):
    cohort = week["cohort"]
    for trainee, other in (("t01", "t02"), ("t02", "t01")):
        page = (cohort.root / "feedback" / trainee / S / NB.replace(".ipynb", ".html")).read_text("utf-8")
        assert "Your progress so far" in page and "Session 1: Why action learning?" in page
        assert f"A note for {trainee} alone" in page and f"A note for {other} alone" not in page
        section = page[page.index("Your progress so far"):]
        assert "<b>your questions</b>" not in section  # in the summary, a comment's markup is shown as text


def test_report_with_anonymised_twin(week):
    report, anonymous = week["report"], week["anonymous"]
    lines = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert len(lines) == 12 * 9  # every trainee, every session of the 9-meeting programme
    t05 = next(r for r in lines if r["trainee"] == "t05" and r["session"] == S)
    assert (t05["status"], t05["score"], t05["reflection_awaits_review"]) == ("awaiting review", "2", "yes")
    statuses = {r["trainee"]: (r["status"], r["handed_in"]) for r in lines if r["session"] == S}
    assert statuses["t01"] == ("returned", "on time")  # feedback released to them
    assert statuses["t09"] == ("feedback ready", "on time")  # came by email: the trainer sends it
    assert statuses["t04"][0] == "awaiting review" and statuses["t04"][1].startswith("late by ")
    assert t05["last_name"] == "Thị Lan"
    assert next(r for r in lines if r["trainee"] == "t01" and r["session"] == "session-02")["status"] == "not released"
    text = report_csv(anonymous)
    for t in week["cohort"].roster:
        assert t.id not in text and t.last_name not in text and t.email not in text
    codes = sorted(anonymous.labels.values())
    assert len(set(codes)) == 12 and build_report(week["cohort"], anonymise=True).labels == anonymous.labels
    failed = next(r for r in csv.DictReader(io.StringIO(text)) if r["status"] == "failed")
    assert failed["reason"] in {"kernel-died", "corrupt-json", "not-utf8", "not-a-notebook"}


def test_heatmap_picture(week):
    pytest.importorskip("matplotlib", reason="the heatmap needs matplotlib (add it to requirements.txt)")
    from actionlearning.cohort.heatmap import write_heatmap

    png = write_heatmap(week["anonymous"], week["tmp"] / "cohort.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_submitted_originals_are_untouched(week):
    cohort, originals = week["cohort"], week["originals"]
    assert ts.tree_digest(Path(cohort.exchange) / cohort.course_id / "inbound") == originals["exchange"]
    assert ts.tree_digest(week["tmp"])["returned.zip"] == originals["zip"]
    # nbgrader's copies match what was handed in
    inbound = Path(cohort.exchange) / cohort.course_id / "inbound"
    t01 = next(inbound.glob(f"t01+{S}+*"))
    assert (t01 / NB).read_bytes() == (cohort.root / "submitted" / "t01" / S / NB).read_bytes()


def test_trainee_work_is_readable_by_its_owner_only(week):
    root = week["cohort"].root
    loose = [str(p.relative_to(root)) for p in root.rglob("*")  # rglob does not enter source/, a link
             if not p.is_symlink() and stat.S_IMODE(p.lstat().st_mode) & 0o077]
    assert loose == []
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    for step in ("submitted", "autograded", "feedback", "downloaded"):
        assert any((root / step).rglob("*.ipynb")) or any((root / step).rglob("*.html"))


def test_records_are_plain_json_naming_the_problems(week):
    data = json.loads((week["cohort"].root / "records" / f"{S}.json").read_text("utf-8"))
    assert data["trainees"]["t10"]["screen"]["problems"][0]["kind"] == "corrupt-json"


def test_a_kernel_that_dies_leaves_no_grading_flag_behind(week):
    """nbgrader leaves NBGRADER_EXECUTION set when a run fails (t08's kernel died); anything this
    process starts next, JupyterLab for review say, would think it was being graded."""
    import os

    assert _rows(week["autograde"])["t08"].failure.kind == "kernel-died"
    assert "NBGRADER_EXECUTION" not in os.environ
