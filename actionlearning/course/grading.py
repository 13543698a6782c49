"""Marks a trainer can trust: nbgrader's autograde and feedback, with the key kept out of reach.

nbgrader, left to its defaults, runs the hidden tests in the trainee's own kernel, after the
trainee's cells: anything those cells patched is still patched, and a grade cell that shows
nothing and raises nothing earns full credit. Its feedback shows the hidden tests and the mark
scheme. The workbook's ``nbgrader_config.py`` puts three preprocessors of ours in the way:

- :class:`KeepKeyOut` (after nbgrader restores the grade cells from the master): a code grade
  cell keeps only its visible half, which hands the answers in (:func:`checks.hand_in`). The
  hidden tests, with the key, never reach the trainee's kernel.
- :class:`TrustedScores` (after the notebook has run): for each code grade cell it reads the
  handed-in answers from the saved outputs as plain values, runs the master's setup cell and
  the cell's hidden tests in a clean namespace of the grader's own, and writes the result as the
  cell's only outputs: the trainee's reasons, the trainer's notes and the points. A cell that
  handed nothing in scores nothing, and what went wrong is recorded in the notebook's metadata
  for the batch table.
- :class:`FeedbackView` (before feedback is rendered): the trainer's notes, the mark scheme and
  every output the trainee's own code printed are removed, so feedback holds the trainee's
  answers, their marks, the reasons written for them and the trainer's comments, and nothing
  that gives the key away.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
from collections.abc import Iterable

from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, NbGraderPreprocessor
from traitlets import Bool

from actionlearning.checks import CheckResult
from actionlearning.checks.answers import HandedIn, read_answers

SETUP_PREFIX = "setup"  # the grade_id of a master's setup cells: run again, trusted, to score
METADATA = "actionlearning"  # our key in a notebook's or an output's metadata
HIDDEN = re.compile(r"^[ \t]*#+ *BEGIN HIDDEN TESTS[^\n]*\n(.*?)^[ \t]*#+ *END HIDDEN TESTS",
                    re.S | re.M)


class GradingFault(RuntimeError):
    """A master's hidden tests could not run: a fault for the course's authors, not the trainee."""


def hidden_tests(source: str) -> str:
    """The hidden half of a master grade cell (empty when it has none)."""
    return "\n".join(m.group(1) for m in HIDDEN.finditer(source))


class _MissingAsNone(dict):
    """Handed-in answers: a name that was not handed in reads as not answered."""

    def __missing__(self, key):
        return None


def trusted_score(setup: Iterable[str], hidden: str, answers: dict,
                  sources: dict[str, str] | None = None) -> CheckResult:
    """Run the master's ``setup`` cells and a grade cell's ``hidden`` tests in a fresh namespace,
    with ``answers`` bound to the handed-in answers and ``sources`` to the text of the trainee's
    answer cells (by grade_id); the value of the hidden tests' last expression.

    Only master code runs here, on plain values and text: nothing the trainee wrote is executed.
    Raises :class:`GradingFault` when the master's code fails or gives no result.
    """
    tree = ast.parse(hidden or "pass")
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        raise GradingFault("the hidden tests must end with an expression giving the check's result")
    last = ast.Expression(tree.body.pop().value)
    namespace: dict = {"__name__": "__grading__"}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for code in setup:
                exec(compile(code, "<master setup>", "exec"), namespace)  # noqa: S102 (the master's own code)
            namespace["answers"] = _MissingAsNone(answers)
            namespace["sources"] = _MissingAsNone(sources or {})
            exec(compile(tree, "<hidden tests>", "exec"), namespace)  # noqa: S102
            result = eval(compile(last, "<hidden tests>", "eval"), namespace)  # noqa: S307
    except Exception as exc:
        raise GradingFault(f"{type(exc).__name__}: {exc}") from exc
    if not isinstance(result, CheckResult):
        raise GradingFault(f"the hidden tests gave {type(result).__name__}, not a CheckResult")
    return result


def points_for(result: CheckResult, max_points: float) -> float:
    return round(result.fraction * max_points, 2)


def graded_outputs(result: CheckResult | None, points: float, problem: str = "") -> list[NotebookNode]:
    """A scored grade cell's only outputs: reasons for the trainee, notes for the trainer, the
    points (which nbgrader reads as partial credit)."""
    if result is None:
        trainee = f"Not marked: {problem}. Your trainer has been told and will look at it."
        trainer = ""
    else:
        trainee = result.report()
        trainer = result.report(trainer=True)
    outputs = [_display(trainee, "trainee")]
    if trainer:
        outputs.append(_display(trainer, "trainer"))
    outputs.append(NotebookNode(output_type="execute_result", execution_count=None, metadata={},
                                data={"text/plain": f"{points:g}"}))
    return outputs


def _display(text: str, audience: str) -> NotebookNode:
    return NotebookNode(output_type="display_data", data={"text/plain": text},
                        metadata={METADATA: {"audience": audience}})


class KeepKeyOut(ClearHiddenTests):
    """Sanitising a submission: code grade cells lose their hidden tests before anything runs."""

    def preprocess_cell(self, cell, resources, cell_index):
        if utils.is_grade(cell) and cell.cell_type == "code":
            self._remove_hidden_test_region(cell)
        return cell, resources


class TrustedScores(NbGraderPreprocessor):
    """After the notebook has run: score each code grade cell from its handed-in answers."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        records = []
        with Gradebook(info["db_url"]) as gb:
            try:  # no master, no marks: every grade cell then scores nothing, with the fault said
                sources = {c.name: c.source for c in
                           gb.find_notebook(info["notebook"], info["assignment"]).source_cells}
            except MissingEntry:
                sources = {}
        setup = [code for name, code in sources.items() if name.startswith(SETUP_PREFIX)]
        answered = {c.metadata.nbgrader["grade_id"]: c.source for c in nb.cells
                    if utils.is_solution(c) and c.cell_type == "code"}
        for cell in nb.cells:
            if utils.is_grade(cell) and cell.cell_type == "code":
                grade_id = cell.metadata.nbgrader["grade_id"]
                records.append(self._score(cell, grade_id, setup, sources.get(grade_id, ""), answered))
        nb.metadata.setdefault(METADATA, {})["grading"] = records
        return nb, resources

    def _score(self, cell, grade_id: str, setup: list[str], master: str, answered: dict) -> dict:
        max_points = float(cell.metadata.nbgrader.get("points", 0))
        handed: HandedIn = read_answers(cell.get("outputs", []))
        record = {"cell": grade_id, "problem": "", "remark": handed.remark, "fault": ""}
        result = None
        if handed.problem:
            record["problem"] = handed.problem
        else:
            try:
                if not master:
                    raise GradingFault("the master of this cell is not in the gradebook")
                result = trusted_score(setup, hidden_tests(master), handed.answers, answered)
            except GradingFault as exc:
                record["fault"] = str(exc)
                self.log.error("The hidden tests of %s could not run: %s", grade_id, exc)
        if handed.unreadable and not record["problem"]:
            record["remark"] = "; ".join(filter(None, [
                record["remark"], f"not plain data, so marked as unanswered: {', '.join(handed.unreadable)}"]))
        points = points_for(result, max_points) if result else 0.0
        why = record["problem"] or ("the marking could not run" if record["fault"] else "")
        cell.outputs = graded_outputs(result, points, why)
        record["points"] = points
        return record


class FeedbackView(NbGraderPreprocessor):
    """What a trainee's feedback may show: answers, marks, reasons and comments, never the key.

    The trainer's notes go, and so does every output of the trainee's own cells (whatever their
    code printed, it cannot carry anything into feedback); mark schemes are cleared by nbgrader's
    own ClearMarkScheme, which runs after this.
    """

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type != "code":
            return cell, resources
        if utils.is_grade(cell):
            cell.outputs = [o for o in cell.get("outputs", [])
                            if o.get("metadata", {}).get(METADATA, {}).get("audience") != "trainer"]
        else:
            cell.outputs = []
        return cell, resources


class ClearAnyMarkScheme(ClearMarkScheme):
    """nbgrader's ClearMarkScheme, which also tolerates mark-scheme markers typed by a trainee."""

    enforce_metadata = Bool(False).tag(config=True)
