"""Screening submitted notebooks: a clear reason for each bad kind, and never a change to the file."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from actionlearning.cohort.screening import compare_with_release, read_notebook, screen
from tests.cohort_support import DATA, NOTEBOOK, SESSION, as_format_3, with_huge_output
from tests.conftest import REPO

GIVEN = json.loads((REPO / "exercises" / SESSION / NOTEBOOK).read_text("utf-8"))


def _write(tmp_path: Path, data: bytes | str | dict, name: str = NOTEBOOK) -> Path:
    path = tmp_path / name
    if isinstance(data, dict):
        data = json.dumps(data)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _kinds(problems):
    return [(p.kind, p.fatal) for p in problems]


def _cell(nb, grade_id):
    return next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


def _without(grade_id):
    nb = copy.deepcopy(GIVEN)
    nb["cells"] = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") != grade_id]
    return nb


def test_the_given_notebook_passes(tmp_path):
    assert screen(_write(tmp_path, GIVEN), GIVEN) == []


@pytest.mark.parametrize("source, kind, words", [
    ("corrupt.ipynb", "corrupt-json", "line 13, column 15"),
    ("not-utf8.ipynb", "not-utf8", "byte 0xe9 at line 6, column 20"),
    ("reflection.docx", "not-a-notebook", "Word document"),
])
def test_unreadable_files_are_fatal_with_where_and_what_to_do(tmp_path, source, kind, words):
    data = (DATA / "submissions" / source).read_bytes()
    path = _write(tmp_path, data)
    [problem] = screen(path, GIVEN)
    assert (problem.kind, problem.fatal) == (kind, True)
    assert words in problem.what and problem.todo
    assert path.read_bytes() == data  # screening never changes a file


@pytest.mark.parametrize("data, kind", [
    (b"", "empty-file"),
    (b"%PDF-1.7 ...", "not-a-notebook"),
    (b'{"hello": "world"}', "not-a-notebook"),
    (b'[1, 2, 3]', "not-a-notebook"),
    (b'{"nbformat": 5, "cells": []}', "new-format"),
    (b'\xef\xbb\xbf{"nbformat": 4}', "not-utf8"),
    (b'{"nbformat": 4, "nbformat_minor": 5, "cells": "none"}', "not-a-notebook"),
])
def test_other_unreadable_files(tmp_path, data, kind):
    [problem] = screen(_write(tmp_path, data), GIVEN)
    assert (problem.kind, problem.fatal) == (kind, True)


def test_an_old_format_notebook_is_upgraded_for_grading_with_a_note(tmp_path):
    nb, problems = read_notebook(_write(tmp_path, as_format_3(GIVEN)))
    assert _kinds(problems) == [("old-format", False)]
    assert nb["nbformat"] == 4 and compare_with_release(nb, GIVEN, NOTEBOOK) == []


def test_huge_outputs_are_a_note(tmp_path):
    assert _kinds(screen(_write(tmp_path, with_huge_output(GIVEN, 3)), GIVEN)) == [("huge-outputs", False)]


def test_altered_tests_and_locked_cells_are_notes_nbgrader_puts_right():
    nb = copy.deepcopy(GIVEN)
    _cell(nb, "check-kinds")["source"] = "3"
    _cell(nb, "intro")["source"] = "# mine"
    _cell(nb, "check-calls")["metadata"]["nbgrader"]["points"] = 20
    problems = compare_with_release(nb, GIVEN, NOTEBOOK)
    assert _kinds(problems) == [("altered-locked-cell", False), ("altered-test", False), ("altered-metadata", False)]
    assert "cell 5 (check-kinds)" in problems[1].what and NOTEBOOK in problems[1].what


def test_deleted_cells_depend_on_what_they_were():
    assert _kinds(compare_with_release(_without("check-calls"), GIVEN, NOTEBOOK)) == [("deleted-cell", False)]
    assert _kinds(compare_with_release(_without("reflection"), GIVEN, NOTEBOOK)) == [("deleted-cell", False)]
    assert _kinds(compare_with_release(_without("intro"), GIVEN, NOTEBOOK)) == [("deleted-locked-cell", False)]
    assert _kinds(compare_with_release(_without("answer-kinds"), GIVEN, NOTEBOOK)) == [("deleted-answer", False)]
    [fatal] = compare_with_release(_without("setup"), GIVEN, NOTEBOOK)
    assert (fatal.kind, fatal.fatal) == ("deleted-locked-cell", True)
    assert "cell 2 (setup)" in fatal.what and "fresh copy" in fatal.todo


def test_stripped_metadata_with_the_text_intact_is_only_a_note():
    nb = copy.deepcopy(GIVEN)
    del _cell(nb, "setup")["metadata"]["nbgrader"]
    assert _kinds(compare_with_release(nb, GIVEN, NOTEBOOK)) == [("altered-metadata", False)]


def test_a_changed_cell_type_is_a_note():
    nb = copy.deepcopy(GIVEN)
    cell = _cell(nb, "answer-question")
    cell["cell_type"] = "markdown"
    cell.pop("outputs"), cell.pop("execution_count")
    assert ("altered-cell", False) in _kinds(compare_with_release(nb, GIVEN, NOTEBOOK))


def test_a_renamed_grade_cell_is_named_with_what_it_was():
    """nbgrader stops with a bare KeyError on such a notebook; screening names the cell first."""
    nb = copy.deepcopy(GIVEN)
    _cell(nb, "answer-kinds")["metadata"]["nbgrader"]["grade_id"] = "my-answer"
    [problem] = compare_with_release(nb, GIVEN, NOTEBOOK)
    assert (problem.kind, problem.fatal) == ("renamed-cell", True)
    assert "cell 4 (my-answer)" in problem.what and "it was 'answer-kinds'" in problem.what
    assert "fresh copy" in problem.todo and "graded as normal" not in problem.todo


def test_a_copied_grade_cell_is_named():
    nb = copy.deepcopy(GIVEN)
    i = next(i for i, c in enumerate(nb["cells"]) if c["metadata"].get("nbgrader", {}).get("grade_id") == "check-kinds")
    nb["cells"].insert(i + 1, copy.deepcopy(nb["cells"][i]))
    [problem] = compare_with_release(nb, GIVEN, NOTEBOOK)
    assert (problem.kind, problem.fatal) == ("duplicate-cell", True)
    assert f"cell {i + 2} (check-kinds) has the same grade id as cell {i + 1}" in problem.what
