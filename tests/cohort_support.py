"""Trainees, for the cohort tests and benchmark: notebooks they hand in, and how they hand them in.

A trainee's notebook starts from what they were given (the cohort's release copy); answers come
from the trainer's master, without its solution markers. Submitting goes through nbgrader's own
exchange code, as a trainee's JupyterLab does.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from tests.conftest import REPO

DATA = Path(__file__).resolve().parent / "data" / "cohort"
SESSION = "session-01"
NOTEBOOK = "why-action-learning.ipynb"
REFLECTION = ("A consultant colleague offered the ward manager a ready-made rota template when the "
              "real question was why the team kept losing its evening staff. " * 12).strip()

os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"


def master(session: str = SESSION, name: str = NOTEBOOK) -> dict:
    return json.loads((REPO / "source" / session / name).read_text("utf-8"))


def given(cohort, session: str = SESSION, name: str = NOTEBOOK) -> dict:
    """The trainee version the cohort was given."""
    return json.loads((cohort.root / "release" / session / name).read_text("utf-8"))


def _grade_id(cell: dict) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def answered(cohort, only: tuple[str, ...] | None = None, session: str = SESSION) -> dict:
    """The given notebook with the master's answers in its answer cells (or only those in ``only``),
    and a reflection written."""
    answers = {}
    for cell in master(session)["cells"]:
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            source = "".join(cell["source"])
            answers[_grade_id(cell)] = "\n".join(
                line for line in source.splitlines() if "BEGIN SOLUTION" not in line and "END SOLUTION" not in line)
    nb = given(cohort, session)
    for cell in nb["cells"]:
        gid = _grade_id(cell)
        if gid in answers and (only is None or gid in only):
            cell["source"] = answers[gid]
        elif not gid and cell["cell_type"] == "markdown" and only is None:
            cell["source"] = REFLECTION
    return nb


def set_answer(nb: dict, grade_id: str, source: str) -> dict:
    nb = copy.deepcopy(nb)
    next(c for c in nb["cells"] if _grade_id(c) == grade_id)["source"] = source
    return nb


def without(nb: dict, *grade_ids: str) -> dict:
    nb = copy.deepcopy(nb)
    nb["cells"] = [c for c in nb["cells"] if _grade_id(c) not in grade_ids]
    return nb


def as_format_3(nb: dict) -> str:
    import nbformat

    return nbformat.writes(nbformat.convert(nbformat.reads(json.dumps(nb), as_version=4), 3), version=3)


def with_huge_output(nb: dict, megabytes: float = 5) -> dict:
    """The notebook with a cell that printed a great deal (as if a loop printed by mistake)."""
    nb = copy.deepcopy(nb)
    line = "step done, all fine " * 4 + "\n"
    count = int(megabytes * 1e6 / len(line))
    setup = next(c for c in nb["cells"] if _grade_id(c) == "setup")
    setup["outputs"] = [{"output_type": "stream", "name": "stdout", "text": line * count}]
    return nb


def dumps(nb: dict) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False)


def submit(cohort, trainee: str, notebook: dict | str | bytes, *, when: datetime | None = None,
           work: Path, session: str = SESSION, name: str = NOTEBOOK, extra: dict[str, bytes] | None = None) -> None:
    """Hand ``notebook`` in through nbgrader's exchange as ``trainee`` would, at time ``when``."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeSubmit
    from traitlets.config import Config

    folder = work / trainee / session
    folder.mkdir(parents=True, exist_ok=True)
    data = notebook if isinstance(notebook, bytes) else (
        notebook if isinstance(notebook, str) else dumps(notebook)).encode("utf-8")
    (folder / name).write_bytes(data)
    for extra_name, content in (extra or {}).items():
        (folder / extra_name).write_bytes(content)

    class Submit(ExchangeSubmit):
        def set_timestamp(self):
            if when is None:
                super().set_timestamp()
            else:
                self.timestamp = when.astimezone(timezone.utc).strftime(self.timestamp_format)

    config = Config()
    config.Exchange.root = cohort.exchange
    config.Exchange.cache = str(work / trainee / ".cache")
    config.Exchange.assignment_dir = str(work / trainee)
    config.CourseDirectory.course_id = cohort.course_id
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = session
    coursedir.student_id = trainee
    Submit(coursedir=coursedir, authenticator=Authenticator(config=config), config=config).start()


def zip_returned(path: Path, files: dict[str, bytes], when: datetime, tz: str = "Europe/London") -> Path:
    """A zip of returned files, as a learning platform's download would be (zip files keep local
    times, here the cohort's)."""
    from zoneinfo import ZoneInfo

    local = when.astimezone(ZoneInfo(tz)).timetuple()[:6]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=local)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return path


def tree_digest(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file below ``folder`` with its content digest and size: to show nothing changed."""
    import hashlib

    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_size)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def now() -> datetime:
    return datetime.now(timezone.utc)


def answer_of(cohort, grade_id: str, session: str = SESSION) -> str:
    """The master's answer for one answer cell, as a trainee would type it."""
    return next("".join(c["source"]) for c in answered(cohort, only=(grade_id,), session=session)["cells"]
                if _grade_id(c) == grade_id)


def review(cohort, trainees, session: str = SESSION, fraction: float = 0.5) -> None:
    """Mark every part the trainer marks, as formgrader would, for ``trainees``: ``fraction`` of
    each part's marks and a comment, in the cohort's own gradebook (sqlite or PostgreSQL)."""
    from nbgrader.api import Gradebook

    from actionlearning.cohort.nbgrader_course import db_url

    with Gradebook(db_url(cohort), cohort.course_id) as gb:
        for trainee in trainees:
            for nb in gb.find_submission(session, trainee).notebooks:
                for grade in nb.grades:
                    if grade.needs_manual_grade:
                        grade.manual_score = grade.max_score * fraction
                        grade.needs_manual_grade = False
                for comment in nb.comments[:1]:
                    comment.manual_comment = f"A note for {trainee} alone: <b>your questions</b> opened things up."
            gb.db.commit()
