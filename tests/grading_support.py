"""A temporary nbgrader course built from the repository's masters, for the grading tests: hand
in a notebook as a trainee, autograde it through the workbook's own configuration, read back
each grade cell's score, the grader's records and the feedback page."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory

from actionlearning.cohort.nbgrader_course import restored_environment
from actionlearning.course.exercises import course_config, session_ids
from tests.conftest import REPO

SESSIONS = session_ids(REPO)


@dataclass
class Graded:
    ok: bool  # nbgrader autograded it
    scores: dict[str, float]  # grade_id -> automatic score, code grade cells only
    records: list[dict]  # what the grader recorded for each code grade cell
    error: str = ""

    @property
    def total(self) -> float:
        return sum(self.scores.values())


class Course:
    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(REPO / "source", root / "source")
        config = course_config(REPO, CourseDirectory={"root": str(root)})
        self.api = NbGraderAPI(CourseDirectory(config=config), config=config)
        for sid in SESSIONS:
            result = self.api.generate_assignment(sid)
            assert result["success"], result.get("error")

    def released(self, sid: str) -> tuple[str, dict]:
        """(file name, notebook JSON) of the trainee version of ``sid``."""
        path = next((self.root / self.api.coursedir.release_directory / sid).glob("*.ipynb"))
        return path.name, json.loads(path.read_text("utf-8"))

    def master(self, sid: str) -> tuple[str, dict]:
        path = next((self.root / "source" / sid).glob("*.ipynb"))
        return path.name, json.loads(path.read_text("utf-8"))

    def autograde(self, student: str, sid: str, name: str, notebook: dict) -> Graded:
        dest = self.root / "submitted" / student / sid
        dest.mkdir(parents=True)
        (dest / name).write_text(json.dumps(notebook), "utf-8")
        (dest / "timestamp.txt").write_text("2026-11-25 10:00:00.000000 UTC")
        with restored_environment():  # nbgrader leaves NBGRADER_EXECUTION set when a run fails
            result = self.api.autograde(sid, student)
        if not result["success"]:
            return Graded(False, {}, [], (result.get("error") or result.get("log") or "")[-2000:])
        with Gradebook(self.api.coursedir.db_url) as gb:
            submission = gb.find_submission(sid, student)
            scores = {g.name: float(g.auto_score or 0) for nb in submission.notebooks
                      for g in nb.grades if g.cell.cell_type == "code"}
        graded = json.loads((self.root / "autograded" / student / sid / name).read_text("utf-8"))
        return Graded(True, scores, graded["metadata"].get("actionlearning", {}).get("grading", []))

    def feedback(self, student: str, sid: str) -> str:
        result = self.api.generate_feedback(sid, student)
        assert result["success"], result.get("error")
        return "\n".join(p.read_text("utf-8") for p in (self.root / "feedback" / student / sid).glob("*.html"))


def answer_cells(notebook: dict) -> list[dict]:
    """The trainee's answer cells (nbgrader solution cells), in order."""
    return [c for c in notebook["cells"] if c["metadata"].get("nbgrader", {}).get("solution")]


def with_code_first(notebook: dict, code: str) -> dict:
    """The notebook with ``code`` pasted at the top of its first answer cell."""
    notebook = json.loads(json.dumps(notebook))
    cell = answer_cells(notebook)[0]
    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    cell["source"] = code.rstrip("\n") + "\n\n" + source
    return notebook


def with_answer(notebook: dict, grade_id: str, code: str) -> dict:
    """The notebook with the answer cell ``grade_id`` replaced by ``code``."""
    notebook = json.loads(json.dumps(notebook))
    cell = next(c for c in answer_cells(notebook) if c["metadata"]["nbgrader"]["grade_id"] == grade_id)
    cell["source"] = code
    return notebook


# --- scoring one answer as the grader would, without a kernel: for the blind corpora ----------

def source_of(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _grade_id(cell: dict) -> str:
    return cell["metadata"].get("nbgrader", {}).get("grade_id", "")


def marking_cell(master: dict, answer_id: str) -> dict | None:
    """The code grade cell that marks the answer cell ``answer_id`` (the next cell that hands
    answers in), or None when that answer is marked by the trainer."""
    cells = master["cells"]
    start = next(i for i, c in enumerate(cells) if _grade_id(c) == answer_id)
    for cell in cells[start + 1:]:
        md = cell["metadata"].get("nbgrader", {})
        if md.get("solution"):
            return None
        if md.get("grade") and cell["cell_type"] == "code":
            return cell
    return None


def score_answer(master: dict, answer_id: str, code: str):
    """(fraction of the item's marks, CheckResult) for ``code`` in the answer cell ``answer_id``.

    Runs the setup, the master's own solutions for the answer cells before this one, and
    ``code``; hands the answers in through the grade cell's visible half; scores them with the
    grader's :func:`trusted_score`, exactly as autograde does after the kernel.
    """
    import contextlib
    import io

    from actionlearning.course.grading import SETUP_PREFIX, hidden_tests, trusted_score

    cell = marking_cell(master, answer_id)
    if cell is None:
        return None, None
    setup = [source_of(c) for c in master["cells"] if _grade_id(c).startswith(SETUP_PREFIX)]
    namespace: dict = {}
    sources = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for text in setup:
            exec(text, namespace)  # noqa: S102 (the master's own setup)
        for c in master["cells"]:
            md = c["metadata"].get("nbgrader", {})
            if md.get("solution") and c["cell_type"] == "code":
                text = code if _grade_id(c) == answer_id else source_of(c)
                sources[_grade_id(c)] = text
                try:
                    exec(text, namespace)  # noqa: S102 (test data, written for this test)
                except Exception:
                    pass  # an answer that fails to run leaves its names unset, as in a kernel
                if _grade_id(c) == answer_id:
                    break
        visible = source_of(cell).split("### BEGIN HIDDEN TESTS")[0]
        hand_in = next(line for line in visible.splitlines() if "checks.hand_in(" in line)
        try:
            exec(hand_in, namespace)  # noqa: S102
            answers = namespace["answers"]
        except Exception:
            answers = {}  # the grade cell stopped before handing in: nothing to score
    result = trusted_score(setup, hidden_tests(source_of(cell)), answers, sources)
    return result.fraction, result
