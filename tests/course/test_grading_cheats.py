"""Cheats against the automatic marks: code a trainee pastes into the first answer cell, written
blind of the grader's defences (tests/data/gaming/cheats.yaml). Run through nbgrader with the
workbook's configuration, no cheat may earn more than a blank submission, cell by cell, and a
cheat that stops the answers being read is recorded for the trainer.

Ten kinds run against every exercise (lying answer objects, close kin of the isinstance patch,
run with the rest); every other cheat runs against one exercise in turn (`make bench` runs them
all against all nine and prints the figures).
"""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import REPO, secret_lines
from tests.grading_support import SESSIONS, Course, with_code_first

pytestmark = pytest.mark.pipeline
CHEATS = {c["id"]: c for c in yaml.safe_load(
    (REPO / "tests" / "data" / "gaming" / "cheats.yaml").read_text("utf-8"))["cheats"]}
EVERY_EXERCISE = (
    "patch-award", "ast-node-interactivity-none", "patch-result-points",
    "fake-checks-in-sys-modules", "builtins-isinstance-anything", "displayhook-drop",
    "input-transformer-rewrite-award", "custom-exception-swallows",
    "fake-execute-result-first", "kill-kernel-at-hidden-tests",
)
OTHERS = sorted(set(CHEATS) - set(EVERY_EXERCISE))
CASES = [(cid, sid) for cid in EVERY_EXERCISE for sid in SESSIONS] + [
    (cid, SESSIONS[i % len(SESSIONS)]) for i, cid in enumerate(OTHERS)]
LEAKS = [cid for cid in CHEATS if cid.startswith("leak-") or "autofill" in cid]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return Course(tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="module")
def blank(course):
    """Each exercise handed in untouched: the marks a cheat must not beat."""
    found = {}
    for sid in SESSIONS:
        name, notebook = course.released(sid)
        found[sid] = course.autograde("blank", sid, name, notebook)
        assert found[sid].ok, found[sid].error
    return found


def test_the_corpus_has_at_least_ten_kinds_run_against_every_exercise():
    assert len({CHEATS[c]["kind"] for c in EVERY_EXERCISE}) >= 10
    assert {"patch-award", "ast-node-interactivity-none"} <= set(EVERY_EXERCISE)
    assert len(CHEATS) >= 30


@pytest.mark.parametrize(("cheat", "sid"), CASES, ids=[f"{c}-{s}" for c, s in CASES])
def test_a_cheat_earns_no_more_than_a_blank_submission(course, blank, cheat, sid):
    name, notebook = course.released(sid)
    graded = course.autograde(f"{cheat}-{sid}", sid, name, with_code_first(notebook, CHEATS[cheat]["code"]))
    if not graded.ok:  # the cheat stopped the notebook: nothing graded, and the batch says why
        assert graded.error
        return
    for cell, score in graded.scores.items():
        assert score <= blank[sid].scores[cell], f"{cheat} gained marks on {sid} {cell}"
    for record in graded.records:  # a cell that handed nothing in scored nothing, and says why
        assert record["points"] == 0 or not record["problem"]


@pytest.mark.parametrize("cheat", LEAKS)
def test_a_cheat_cannot_carry_the_key_into_its_own_feedback(course, blank, cheat):
    sid = "session-05"
    name, notebook = course.released(sid)
    student = f"leak-{cheat}"
    graded = course.autograde(student, sid, name, with_code_first(notebook, CHEATS[cheat]["code"]))
    if not graded.ok:
        return
    html = course.feedback(student, sid)
    leaked = [line for line in secret_lines(REPO / "source" / sid) if line in html]
    assert not leaked, leaked[:3]
