"""Screening a submitted notebook before nbgrader grades it.

nbgrader grades what it can read and restores what it can (altered tests and locked cells come
back from the master; with ``add_missing_cells`` deleted graded cells come back too), but when
it cannot read a file it says only that "there was an error". Screening says why, where, and
what the trainer can do; it compares the submission with the version the trainee was given
(the cohort's release folder), never with the master, whose test cells hold hidden tests.

Screening reads; it never changes a file.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

from actionlearning.cohort.problems import Problem

LARGE_BYTES = 2_000_000  # a notebook this size is all outputs: worth a note
ASK_AGAIN = ("ask the trainee to download the notebook again from JupyterLab (File > Download) "
             "and send that file; then collect again")


def describe_cell(index: int, cell: dict) -> str:
    grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
    return f"cell {index + 1} ({grade_id})" if grade_id else f"cell {index + 1}"


def _line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


KNOWN_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a Word document or zip archive",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel document",
    b"{\\rtf": "a rich-text document",
    b"\x89PNG": "a PNG picture",
    b"\xff\xd8\xff": "a JPEG picture",
}


def read_notebook(path: Path) -> tuple[dict | None, list[Problem]]:
    """The notebook at ``path`` as plain JSON data (upgraded to format 4 if older), with what is
    wrong with it; ``None`` when it cannot be read at all (the problems then include a fatal one)."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem("unreadable", f"{name} could not be read ({exc.strerror})",
                              "check the file's permissions and collect again", fatal=True)]
    if not data.strip():
        return None, [Problem("empty-file", f"{name} is empty (0 bytes of notebook)", ASK_AGAIN, fatal=True)]
    for signature, kind in KNOWN_SIGNATURES.items():
        if data.startswith(signature):
            return None, [Problem("not-a-notebook", f"{name} is {kind}, not a notebook",
                                  "ask the trainee to send the .ipynb file itself (in JupyterLab: "
                                  "File > Download), not a copy saved in another format", fatal=True)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_and_column(data, exc.start)
        return None, [Problem(
            "not-utf8",
            f"{name} is not UTF-8 text: byte 0x{data[exc.start]:02x} at line {line}, column {column} "
            "(an editor probably saved it in another encoding, such as Windows-1252)",
            "ask the trainee to download the notebook again from JupyterLab, which always saves "
            "UTF-8, and not to open it in a word processor; then collect again",
            fatal=True)]
    if text.startswith("\ufeff"):
        return None, [Problem("not-utf8", f"{name} starts with a byte-order mark, which notebooks may not have",
                              ASK_AGAIN, fatal=True)]
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [Problem(
            "corrupt-json",
            f"{name} is damaged: not valid JSON at line {exc.lineno}, column {exc.colno} "
            f"({exc.msg.replace(' starting at', '').lower()}); "
            "it may have been cut short or edited by hand",
            ASK_AGAIN, fatal=True)]
    except RecursionError:
        return None, [Problem("corrupt-json", f"{name} is damaged: its JSON is nested far deeper than a "
                              "notebook's ever is", ASK_AGAIN, fatal=True)]
    if not isinstance(raw, dict) or "nbformat" not in raw:
        return None, [Problem("not-a-notebook", f"{name} is JSON but not a notebook (it has no 'nbformat')",
                              "ask the trainee to send the exercise notebook itself", fatal=True)]
    problems: list[Problem] = []
    version = raw.get("nbformat")
    if not isinstance(version, int) or version > 4:
        return None, [Problem("new-format", f"{name} uses notebook format {version!r}, newer than this "
                              "workbook's tools understand", "ask the trainee to save it from the "
                              "JupyterLab the course provides; then collect again", fatal=True)]
    import nbformat

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nb = nbformat.reads(text, as_version=4)
    except Exception as exc:  # noqa: BLE001 (nbformat raises many kinds for a malformed notebook)
        return None, [Problem("not-a-notebook", f"{name} is not a readable notebook ({exc})",
                              ASK_AGAIN, fatal=True)]
    if version < 4:
        problems.append(Problem(
            "old-format",
            f"{name} was saved in the old notebook format {version} (IPython 3 or earlier); nbgrader "
            "upgraded a copy to format 4 to grade it, and the original is untouched",
            "nothing, unless the scores look wrong; then ask the trainee to work in the course's JupyterLab"))
    if len(data) > LARGE_BYTES:
        problems.append(Problem(
            "huge-outputs",
            f"{name} is {len(data) / 1e6:.1f} MB, almost all of it cell outputs; nbgrader clears "
            "outputs before grading, so nothing was lost",
            "nothing; if it happens often, ask trainees to clear outputs (Edit > Clear Outputs of "
            "All Cells) before submitting"))
    return json.loads(json.dumps(nb)), problems


def _nbgrader(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _same(a: str, b: str) -> bool:
    return [line.rstrip() for line in a.strip().splitlines()] == [line.rstrip() for line in b.strip().splitlines()]


def compare_with_release(nb: dict, release: dict, name: str) -> list[Problem]:
    """What the trainee changed that they should not have: locked and graded cells deleted or
    altered, answer cells deleted. Notes where nbgrader puts it right; fatal where it cannot."""
    problems: list[Problem] = []
    submitted: dict[str, tuple[int, dict]] = {}
    known = {_nbgrader(c).get("grade_id") for c in release.get("cells", [])} - {None}
    unknown: list[tuple[int, dict]] = []
    for i, cell in enumerate(nb.get("cells", [])):
        gid = _nbgrader(cell).get("grade_id")
        if gid in submitted:
            problems.append(_duplicate(name, i, cell, submitted[gid][0]))
        elif gid and gid not in known:
            unknown.append((i, cell))
        elif gid:
            submitted[gid] = (i, cell)
    missing = [c for c in release.get("cells", []) if _nbgrader(c).get("grade_id") in known - set(submitted)]
    renamed = _renamed(name, unknown, missing)
    problems += renamed
    sources = [_source(c) for c in nb.get("cells", [])]
    for i, cell in enumerate(release.get("cells", [])):
        meta = _nbgrader(cell)
        gid = meta.get("grade_id")
        if not gid or (renamed and gid not in submitted):  # said already: renamed
            continue
        where = f"{name}, {describe_cell(i, cell)}"
        graded, locked = bool(meta.get("grade")), bool(meta.get("locked"))
        task, solution = bool(meta.get("task")), bool(meta.get("solution"))
        if gid not in submitted:
            if any(_same(s, _source(cell)) for s in sources) and _source(cell).strip():
                problems.append(Problem("altered-metadata", f"{where}: its nbgrader metadata was removed, "
                                        "though its text is intact", "nothing: it was graded as normal"))
            elif graded and cell.get("cell_type") == "code" or task:
                problems.append(Problem("deleted-cell", f"{where} was deleted; nbgrader put it back "
                                        "from the master and graded it", "nothing: the score is fair"))
            elif solution:
                problems.append(Problem("deleted-answer", f"{where}, an answer cell, was deleted, so "
                                        "the checks that need its answer may have scored zero",
                                        "if that seems an accident, ask the trainee to resubmit"))
            elif locked and cell.get("cell_type") == "code":
                problems.append(Problem(
                    "deleted-locked-cell",
                    f"{where}, a locked cell the checks depend on, was deleted; nbgrader cannot put it "
                    "back, so any score would be wrong",
                    "ask the trainee to fetch a fresh copy of the exercise, paste their answers into "
                    "it and submit again; then collect and autograde again", fatal=True))
            elif locked:
                problems.append(Problem("deleted-locked-cell", f"{where}, a locked instructions cell, "
                                        "was deleted", "nothing: it does not affect grading"))
            continue
        j, mine = submitted[gid]
        where = f"{name}, {describe_cell(j, mine)}"
        if mine.get("cell_type") != cell.get("cell_type"):
            problems.append(Problem("altered-cell", f"{where} was changed from a {cell.get('cell_type')} "
                                    f"cell to a {mine.get('cell_type')} cell; nbgrader changed it back",
                                    "nothing, unless the score looks wrong"))
        mine_meta = _nbgrader(mine)
        if bool(mine_meta.get("locked")) != locked or (graded and mine_meta.get("points") != meta.get("points")):
            problems.append(Problem("altered-metadata", f"{where}: its nbgrader settings (locked, points) "
                                    "were changed; nbgrader restored them from the master",
                                    "nothing: it was graded with the master's settings"))
        if locked and not _same(_source(mine), _source(cell)):
            if graded and cell.get("cell_type") == "code":
                problems.append(Problem("altered-test", f"{where}, a test cell, was altered; nbgrader "
                                        "graded with the master's test instead",
                                        "nothing: the alteration had no effect on the score"))
            else:
                problems.append(Problem("altered-locked-cell", f"{where}, a locked cell, was altered; "
                                        "nbgrader used the master's version", "nothing"))
    return problems


# nbgrader matches each cell to the master's by its grade id, and stops with a bare KeyError on
# a notebook where an id is new or appears twice: say which cells, and what to check.
CELL_IDS_TODO = ("open the submitted notebook and compare the cells named with the exercise as given: "
                 "if the answers are all there, ask the trainee to paste them into a fresh copy of the "
                 "exercise (fetch it again) and submit that; then collect and autograde again")


def _duplicate(name: str, index: int, cell: dict, first: int) -> Problem:
    return Problem("duplicate-cell", f"{name}, {describe_cell(index, cell)} has the same grade id as cell "
                   f"{first + 1} (a copied cell keeps its id), so nbgrader cannot tell which one to grade",
                   CELL_IDS_TODO, fatal=True)


def _renamed(name: str, unknown: list[tuple[int, dict]], missing: list[dict]) -> list[Problem]:
    """Cells whose grade id the master does not have; each paired, in order, with a master id the
    notebook lacks when there are as many of one as of the other."""
    was = [_nbgrader(c)["grade_id"] for c in missing] if len(missing) == len(unknown) else []
    return [Problem("renamed-cell", f"{name}, {describe_cell(i, cell)}: the exercise has no cell with "
                    f"this grade id" + (f"; it was '{was[k]}' when given" if was else "") +
                    ", so nbgrader cannot match it to the master and cannot grade the notebook",
                    CELL_IDS_TODO, fatal=True)
            for k, (i, cell) in enumerate(unknown)]


# Code in an answer cell that reaches into how the notebook runs or is marked. It cannot change
# the marks, which are given outside the trainee's kernel, but the trainer will want to know.
REACHING_IN = re.compile(
    r"\bget_ipython\s*\(|\bsys\.(?:modules|displayhook|stdout|stderr|meta_path|settrace|setprofile|exit)\b"
    r"|\b__builtins__\b|\bimport\s+builtins\b|\bfrom\s+builtins\s+import\b|\bimport\s+ctypes\b"
    r"|\bchecks(?:\.\w+)+\s*=(?!=)|\bos\.(?:_exit|kill|system)\b|\bdef\s+__(?:eq|hash|instancecheck)__\b"
    r"|\b(?:input_transformers\w*|ast_transformers|events\.register)\b|\bIPython\.(?:core|display)\b"
)


def reaching_in(nb: dict, name: str) -> list[Problem]:
    """Answer cells whose code reaches into how the notebook runs or is marked."""
    found = []
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code" or not _nbgrader(cell).get("solution"):
            continue
        hits = sorted({m.group(0).rstrip("( =").strip() for m in REACHING_IN.finditer(_source(cell))})
        if hits:
            shown = ", ".join(hits[:4]) + ("..." if len(hits) > 4 else "")
            found.append(Problem(
                "reaches-into-marking",
                f"{name}, {describe_cell(i, cell)}: code that reaches into how the notebook runs or "
                f"is marked ({shown}). It cannot change the marks, which are given outside the "
                "trainee's notebook from the answers alone",
                "look at that cell; if it was an attempt on the marks, talk it through with the trainee"))
    return found


def screen(path: Path, release: dict | None) -> list[Problem]:
    """Everything screening finds in the submitted notebook at ``path``."""
    nb, problems = read_notebook(path)
    if nb is not None:
        problems += reaching_in(nb, path.name)
    if nb is not None and release is not None:
        problems += compare_with_release(nb, release, path.name)
    return problems
