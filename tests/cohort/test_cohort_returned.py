"""Returned notebooks: whose each file is, from the id in its name, and what to collect."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from actionlearning.cohort.returned import ReturnedFile, find_trainee, match_notebook, plan_returned

IDS = ["t1", "t1-b", "aobrien", "why"]
NB = "why-action-learning.ipynb"
T0 = datetime(2026, 1, 20, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("shown, expected", [
    (f"t1_{NB}", ["t1"]),
    (f"t1-b_{NB}", ["t1-b"]),  # not t1 as well
    (f"{NB[:-6]} (aobrien).ipynb", ["aobrien"]),
    (f"Aoife OBrien_aobrien_assignsubmission_file_/{NB}", ["aobrien"]),
    (NB, []),  # 'why' in the notebook's own name is not an id
    (f"t12_{NB}", []),
    (f"t1 and aobrien {NB}", ["t1", "aobrien"]),
])
def test_find_trainee(shown, expected):
    assert find_trainee(shown, IDS, [NB]) == expected


def test_match_notebook():
    assert match_notebook("anything.ipynb", [NB]) == NB
    assert match_notebook("t1-part-b.ipynb", ["part-a.ipynb", "part-b.ipynb"]) == "part-b.ipynb"
    assert match_notebook("t1.ipynb", ["part-a.ipynb", "part-b.ipynb"]) is None


def _file(shown: str, when: datetime = T0, digest: str | None = None) -> ReturnedFile:
    return ReturnedFile(Path("/x") / shown, shown, when, digest or shown)


def _plan(files, existing=None):
    return plan_returned(files, IDS, [NB], existing or {})


def test_one_file_each():
    plan = _plan([_file(f"t1_{NB}"), _file(f"aobrien-{NB}")])
    assert sorted(v[:2] for v in plan.chosen.values()) == [("aobrien", NB), ("t1", NB)]
    assert plan.problems == {} and plan.unmatched == []


def test_several_copies_keep_the_newest_with_a_note():
    plan = _plan([_file(f"t1_{NB}", T0), _file(f"t1 (2) {NB}", T0 + timedelta(hours=2))])
    assert [v[0] for v in plan.chosen.values()] == ["t1"]
    assert next(iter(plan.chosen)) == f"/x/t1 (2) {NB}"
    [note] = plan.problems["t1"]
    assert note.kind == "several-submissions" and not note.fatal and "t1 (2)" in note.what


def test_several_copies_at_the_same_time_cannot_be_told_apart():
    plan = _plan([_file(f"t1_{NB}"), _file(f"t1 copy {NB}")])
    assert plan.chosen == {}
    [problem] = plan.problems["t1"]
    assert problem.fatal and "keep only the one" in problem.todo


def test_identical_copies_are_one():
    plan = _plan([_file(f"t1_{NB}", digest="same"), _file(f"t1 copy {NB}", T0 + timedelta(1), digest="same")])
    assert len(plan.chosen) == 1 and "t1" not in plan.problems


def test_unknown_and_ambiguous_names_are_not_collected():
    plan = _plan([_file(f"zz99_{NB}"), _file(f"t1 aobrien {NB}")])
    assert plan.chosen == {}
    assert [p.kind for p in plan.unmatched] == ["ambiguous-trainee", "unknown-trainee"]


def test_a_file_that_is_not_a_notebook():
    plan = _plan([_file("t1-reflection.docx")])
    [problem] = plan.problems["t1"]
    assert problem.kind == "not-a-notebook" and problem.fatal and "no notebook" in problem.what
    plan = _plan([_file("t1-reflection.docx"), _file(f"t1-{NB}")])
    assert not plan.problems["t1"][0].fatal and "ignored" in plan.problems["t1"][0].what


def test_what_was_collected_before_is_kept_unless_this_is_newer():
    existing = {"t1": (T0 + timedelta(days=1), {NB: "old"})}
    plan = _plan([_file(f"t1_{NB}", T0)], existing)
    assert plan.chosen == {} and "kept that one" in plan.problems["t1"][0].what
    plan = _plan([_file(f"t1_{NB}", T0 + timedelta(days=2))], existing)
    assert len(plan.chosen) == 1 and "replaces" in plan.problems["t1"][0].what
    plan = _plan([_file(f"t1_{NB}", T0, digest="old")], existing)
    assert plan.chosen == {} and "t1" not in plan.problems  # already collected: a rerun
