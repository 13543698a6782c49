"""The progress section at the foot of each trainee's feedback (actionlearning/course/progress.py)."""

from __future__ import annotations

from actionlearning.course.progress import HEADING, Marks, progress_markdown


def test_marks_so_far_with_comments_and_work_still_being_marked():
    text = progress_markdown([
        Marks("session-01", True, 5, 7, ("Good use of <em>silence</em>.\nKeep going.",)),
        Marks("session-02", False, 3, 7, ("Not shown until marking is finished.",)),
        Marks("session-03", True, 5, 5),
    ])
    assert text.startswith(f"## {HEADING}\n")
    assert "| Session 1: Why action learning? Revans, Lewin and the system | 5 out of 7 |" in text
    assert "| Session 2: Contracting, ground rules and the first meeting | marks to follow |" in text
    assert "| Session 3: Anatomy of a set meeting: time and airtime | 5 out of 5 |" in text
    assert "> Good use of &lt;em&gt;silence&lt;/em&gt;.\n> Keep going." in text
    assert "Not shown until" not in text


def test_no_comments_yet_is_said_plainly():
    assert "No written comments yet." in progress_markdown([Marks("session-01", True, 1, 5)])
