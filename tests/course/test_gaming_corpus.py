"""Answers written blind, from the trainee's version of each exercise and the handbook only
(tests/data/gaming/session-NN.yaml): for every automatically marked item, at least six answers
that try to earn marks without deserving them score at most a tenth of the item, and at least
three good answers, written in different ways, score full marks.

Each answer is scored as autograde scores it: run beside the master's setup, handed in through
the grade cell's own ``checks.hand_in`` line, and marked by the grader's ``trusted_score``. The
nbgrader pipeline around that path is tested in test_nbgrader_pipeline.py and
test_grading_cheats.py.
"""

from __future__ import annotations

import json

import pytest
import yaml

from tests.conftest import REPO
from tests.grading_support import SESSIONS, marking_cell, score_answer

GAMING = REPO / "tests" / "data" / "gaming"
ADVERSARIAL_MAX = 0.1


def _master(sid: str) -> dict:
    return json.loads(next((REPO / "source" / sid).glob("*.ipynb")).read_text("utf-8"))


def _corpus(sid: str) -> dict:
    return {item["answer_cell"]: item for item in yaml.safe_load((GAMING / f"{sid}.yaml").read_text("utf-8"))["items"]}


def _entries():
    for sid in SESSIONS:
        master = _master(sid)
        for answer_id, item in _corpus(sid).items():
            if marking_cell(master, answer_id) is None:
                continue  # marked by the trainer
            for kind in ("good", "adversarial"):
                for n, entry in enumerate(item[kind], 1):
                    yield pytest.param(sid, answer_id, kind, entry, id=f"{sid}-{answer_id}-{kind}-{n}")


@pytest.mark.parametrize("sid", SESSIONS)
def test_every_automatically_marked_item_has_a_blind_corpus(sid):
    master, corpus = _master(sid), _corpus(sid)
    answers = [c["metadata"]["nbgrader"]["grade_id"] for c in master["cells"]
               if c["metadata"].get("nbgrader", {}).get("solution") and c["cell_type"] == "code"]
    marked = [a for a in answers if marking_cell(master, a) is not None]
    assert marked
    for answer_id in marked:
        assert len(corpus[answer_id]["good"]) >= 3, answer_id
        assert len(corpus[answer_id]["adversarial"]) >= 6, answer_id


@pytest.mark.parametrize(("sid", "answer_id", "kind", "entry"), list(_entries()))
def test_blind_answers_score_as_a_fair_marker_would(sid, answer_id, kind, entry):
    fraction, result = score_answer(_master(sid), answer_id, entry["code"])
    if kind == "good":
        assert fraction == 1, f"{entry['why']}\n{result.report(trainer=True)}"
    else:
        assert fraction <= ADVERSARIAL_MAX, f"{entry['why']}\n{result.report(trainer=True)}"
