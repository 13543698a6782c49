"""Fair items: answers that can fairly go either way earn full credit, with a reason that does
not give the key away; options to choose between are each a real temptation."""

from __future__ import annotations

import json
import re

from actionlearning.checks import ACCEPTED
from actionlearning.practice.questions import assess
from tests.conftest import REPO
from tests.grading_support import score_answer


def _master(sid: str) -> dict:
    return json.loads(next((REPO / "source" / sid).glob("*.ipynb")).read_text("utf-8"))


def _cell(master: dict, grade_id: str) -> str:
    cell = next(c for c in master["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)
    return "".join(cell["source"])


def test_session_5_accepts_the_second_fair_reading_of_b_c_and_e():
    key = {"a": "advice", "b": "leading", "c": "rhetorical", "d": "open",
           "e": "advice", "f": "rhetorical", "g": "leading", "h": "open"}
    fair = dict(key, b="rhetorical", c="leading", e="leading")
    fraction, result = score_answer(_master("session-05"), "answer-spot", f"labels = {fair!r}")
    assert fraction == 1
    report = result.report()
    assert report.count(ACCEPTED) == 3 and "the key" not in report
    # but not every label is fair everywhere
    unfair = dict(key, d="leading")
    assert score_answer(_master("session-05"), "answer-spot", f"labels = {unfair!r}")[0] < 1


def test_session_4_offers_only_open_questions_to_choose_between():
    """Each option is open in form, so choosing the honest one takes judgement about what is
    tucked inside it, not spotting a closed question or a 'why'."""
    text = _cell(_master("session-04"), "part-4")
    options = re.findall(r"^- [A-D]\. (.+)$", text, flags=re.M)
    assert len(options) == 8
    for option in options:
        a = assess(option)
        assert a.form == "open" and "why" not in a.issues, (option, a)
