"""The weekly exercises through nbgrader, on a temporary course folder: generate, submit,
autograde, generate feedback. A solution scores full automatic marks; a blank exercise scores
zero without crashing; the reflections wait for the trainer."""

from __future__ import annotations

import pytest
from nbgrader.api import Gradebook

from tests.grading_support import SESSIONS, Course

pytestmark = pytest.mark.pipeline


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return Course(tmp_path_factory.mktemp("course"))


def _autograde(course, student, sid, who):
    """Hand in the master (``who="master"``) or the released exercise, autograded: automatic
    score, its maximum, whether each manual item waits, and whether the submission does."""
    name, notebook = course.master(sid) if who == "master" else course.released(sid)
    graded = course.autograde(student, sid, name, notebook)
    assert graded.ok, graded.error
    with Gradebook(course.api.coursedir.db_url) as gb:
        submission = gb.find_submission(sid, student)
        auto = [g for nb in submission.notebooks for g in nb.grades if g.cell.cell_type == "code"]
        manual = [g for nb in submission.notebooks for g in nb.grades if g.cell.cell_type == "markdown"]
        return (
            sum(g.auto_score or 0 for g in auto),
            sum(g.max_score for g in auto),
            [g.needs_manual_grade for g in manual],
            submission.needs_manual_grade,
        )


@pytest.mark.parametrize("sid", SESSIONS)
def test_solution_scores_full_automatic_marks(course, sid):
    got, possible, _, needs_review = _autograde(course, f"solution-{sid}", sid, "master")
    assert possible >= 2 and got == possible
    assert needs_review  # the reflection waits for the trainer


@pytest.mark.parametrize("sid", SESSIONS)
def test_blank_exercise_scores_zero_without_crashing(course, sid):
    got, possible, _, _ = _autograde(course, f"blank-{sid}", sid, "released")
    assert possible >= 2 and got == 0


@pytest.mark.parametrize("sid", SESSIONS)
def test_feedback_explains_the_scores(course, sid):
    _autograde(course, f"partial-{sid}", sid, "released")
    html = course.feedback(f"partial-{sid}", sid)
    # a trainee is never marked down without a reason they can read: every check prints
    # its report (actionlearning.checks.CheckResult.report), marking each missed item ✗
    assert "✗" in html
