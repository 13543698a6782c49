"""Feedback a trainee can keep and pass on: their answers, their marks, a reason for each
automatic mark and the trainer's comments, and never the hidden tests, the key, the trainers'
notes or the mark scheme. Checked on all nine exercises, for a complete answer and a blank one.
The trainer, reviewing in formgrader, still sees the key and the reasoning behind each mark."""

from __future__ import annotations

import html
import json
import re

import pytest

from tests.conftest import REPO, secret_lines
from tests.grading_support import SESSIONS, Course

pytestmark = pytest.mark.pipeline
KEPT = ("HIDDEN TESTS", "MARK SCHEME")


def _plain(text: str) -> str:
    """Text as a reader sees it, for comparing a master's Markdown or code with rendered HTML."""
    text = re.sub(r"[*_`#>]|^\s*(?:[-+]|\d+\.)\s+", " ", text, flags=re.M)
    return " ".join(text.lower().split())


def _page_text(page: str) -> str:
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return _plain(html.unescape(re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return Course(tmp_path_factory.mktemp("course"))


@pytest.mark.parametrize("sid", SESSIONS)
@pytest.mark.parametrize("who", ["complete", "blank"])
def test_no_line_of_a_hidden_test_or_mark_scheme_reaches_feedback(course, sid, who):
    name, notebook = course.master(sid) if who == "complete" else course.released(sid)
    student = f"{who}-{sid}"
    graded = course.autograde(student, sid, name, notebook)
    assert graded.ok, graded.error
    page = course.feedback(student, sid)
    text = _page_text(page)
    secrets = [s for s in secret_lines(REPO / "source" / sid, min_length=12, regions=KEPT)
               if len(_plain(s)) >= 12]
    assert secrets
    leaked = [s for s in secrets if _plain(s) in text]
    assert not leaked, leaked[:5]
    assert "BEGIN MARK SCHEME" not in page and "HIDDEN TESTS" not in page
    assert "for the trainer" not in text and "the key:" not in text
    # every automatic mark comes with reasons written for the trainee
    assert len(re.findall(r"[✓✗½] ", html.unescape(page))) >= len(graded.scores)


@pytest.mark.parametrize("sid", SESSIONS)
def test_the_trainer_still_sees_the_key_when_reviewing(course, sid):
    name, notebook = course.master(sid)
    student = f"review-{sid}"
    assert course.autograde(student, sid, name, notebook).ok
    graded = json.loads((course.root / "autograded" / student / sid / name).read_text("utf-8"))
    text = json.dumps(graded)
    assert "for the trainer: the key:" in text
    assert "=== BEGIN MARK SCHEME ===" in text  # formgrader shows the rubric beside the answers
