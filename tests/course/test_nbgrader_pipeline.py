"""The weekly exercises through nbgrader, on a temporary course folder: generate, submit,
autograde, generate feedback. A solution scores full automatic marks; a blank exercise scores
zero without crashing; the reflections wait for the trainer."""

from __future__ import annotations

import shutil

import pytest
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory

from actionlearning.course.exercises import course_config, session_ids
from tests.conftest import REPO

pytestmark = pytest.mark.pipeline
SESSIONS = session_ids(REPO)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    shutil.copytree(REPO / "source", root / "source")
    config = course_config(REPO, CourseDirectory={"root": str(root)})
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    for sid in SESSIONS:
        result = api.generate_assignment(sid)
        assert result["success"], result.get("error")
    return root, api


def _submit(root, student, sid, folder):
    """Hand in every notebook of ``folder`` (a master or a released exercise) as ``student``."""
    dest = root / "submitted" / student / sid
    dest.mkdir(parents=True)
    for nb in (folder / sid).glob("*.ipynb"):
        shutil.copy(nb, dest / nb.name)
    (dest / "timestamp.txt").write_text("2026-11-25 10:00:00.000000 UTC")


def _autograde(course, student, sid, folder):
    root, api = course
    _submit(root, student, sid, folder)
    result = api.autograde(sid, student)
    assert result["success"], result.get("error") or result.get("log")
    with Gradebook(api.coursedir.db_url) as gb:
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
    got, possible, _, needs_review = _autograde(course, f"solution-{sid}", sid, course[0] / "source")
    assert possible >= 2 and got == possible
    assert needs_review  # the reflection waits for the trainer


@pytest.mark.parametrize("sid", SESSIONS)
def test_blank_exercise_scores_zero_without_crashing(course, sid):
    got, possible, _, _ = _autograde(course, f"blank-{sid}", sid, course[0] / course[1].coursedir.release_directory)
    assert possible >= 2 and got == 0


@pytest.mark.parametrize("sid", SESSIONS)
def test_feedback_explains_the_scores(course, sid):
    root, api = course
    _autograde(course, f"partial-{sid}", sid, root / api.coursedir.release_directory)
    result = api.generate_feedback(sid, f"partial-{sid}")
    assert result["success"], result.get("error")
    pages = list((root / "feedback" / f"partial-{sid}" / sid).glob("*.html"))
    assert pages
    html = pages[0].read_text("utf-8")
    # a trainee is never marked down without a reason they can read: every check prints
    # its report (actionlearning.checks.CheckResult.report), marking each missed item ✗
    assert "✗" in html
