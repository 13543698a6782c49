"""The cohort's automatic scores as the file a learning platform's gradebook imports.

:func:`lms_export` turns a :class:`~actionlearning.cohort.report.Report` into CSV text for one
of :data:`PLATFORMS`; :func:`read_id_map` reads the trainer's map from roster ids to the ids the
platform knows its users by (a CSV with the header ``trainee,platform_id``). Only sessions
released to the cohort get a column, and every cell goes through
:func:`~actionlearning.cohort.report.spreadsheet_safe`. An anonymised report cannot be
exported: a gradebook has to know whose grade is whose.

**moodle**: Grades > Import > CSV file ("Import grades from CSV"). Sources: MoodleDocs,
"Grade import" (https://docs.moodle.org/en/Grade_import), and the importer itself,
``grade/import/csv/classes/load_data.php`` and ``grade/import/lib.php`` in moodle/moodle::

    Email address | First name | Last name | Session 1 exercise | Session 2 exercise | ...

- The first column identifies the trainee: ``Email address`` by default, or ``ID number``
  (Moodle's user ID number) when an id map is given. On Moodle's preview page the trainer sets
  "Map from" to that column and "Map to" to "Email address" (useremail) or "ID number"
  (useridnumber), leaves the name columns on "Ignore", and maps each session column to its
  grade item (or "New grade item").
- Moodle matches every line by that one field, and abandons the whole import at a line whose
  user it cannot find or whose identifier is blank. So every trainee needs one: an email in the
  roster, or, with an id map, a Moodle ID number each. (There is no per-trainee fallback
  within one file; a partial map is refused, saying whose ID numbers are missing.)
- No score is written ``-``, Moodle's own mark for "no grade" (its exports write it). On an
  existing grade item Moodle reads ``-`` and a blank alike as no grade, which sets the grade to
  none (it does not leave an earlier grade unchanged); but in a "New grade item" Moodle stores
  a blank cell as 0 and skips only ``-``.

**canvas**: Grades > Import (the steps: Canvas Instructor Guide, "How do I import grades in the
Gradebook?"). Source of the rules below: Canvas's importer, ``app/models/gradebook_importer.rb``
in instructure/canvas-lms::

    Student       | ID    | SIS User ID | SIS Login ID | Section | Session 1 exercise | ...
        Points Possible |  |  |  |  | 10 | ...
    Durand, Zoë   | 12345 |             |              |         | 8                  | ...

- The header and the "Points Possible" row are as Canvas's own gradebook export writes them.
  ``Student`` is the sortable name ("Last, First"); ``ID`` is the **Canvas user ID**, from the
  id map. Canvas looks a student up by ``ID`` first, then by SIS User ID or SIS Login ID, and
  by name only as a last resort; the Canvas user ID is the one every course has (it is the ID
  column of Canvas's Grades > Export), SIS or not. The SIS columns and Section stay blank.
- Without a Canvas user ID for every trainee no file is written: the error names whose are
  missing.
- A session column whose title matches an assignment's name updates it; otherwise Canvas
  offers to create the assignment, with the points of the "Points Possible" row. Canvas reads
  a blank cell as no score.

**csv**: for any other platform, one line per trainee and session (unreleased sessions too)::

    trainee | platform_id | session | score | max_score | status | late

``trainee`` is the roster id, ``platform_id`` the id map's entry (blank without one),
``status`` the report's status (one of :data:`~actionlearning.cohort.status.STATUSES`) or "not
released", ``late`` yes when handed in after the due date and any extension, else no (blank when
not released); score and max_score are blank until there is a score.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.report import NOT_RELEASED, Report, spreadsheet_safe
from actionlearning.cohort.roster import Trainee

PLATFORMS = ("moodle", "canvas", "csv")
ID_MAP_COLUMNS = ("trainee", "platform_id")
CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
CANVAS_POINTS = "    Points Possible"  # indented as Canvas's export writes it
PLAIN_COLUMNS = ("trainee", "platform_id", "session", "score", "max_score", "status", "late")


class _Verbatim(str):
    """A cell this module writes itself and knows to be harmless, kept from spreadsheet_safe:
    Moodle's no-grade mark ``-`` would otherwise gain an apostrophe and fail the import."""


MOODLE_NO_GRADE = _Verbatim("-")


class IdMapError(CohortError):
    """The id map has problems: ``problems`` lists (line, message) pairs."""

    def __init__(self, path: Path, problems: list[tuple[int, str]]):
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  {path.name}, line {n}: {msg}" for n, msg in problems)
        super().__init__(
            f"The id map {path} has {len(problems)} problem(s); nothing was exported:\n{lines}\n"
            f"Fix these lines (the header is {','.join(ID_MAP_COLUMNS)}, then one line per "
            "trainee; save the file as 'CSV UTF-8' from a spreadsheet) and run the command again."
        )


def read_id_map(path: Path | str, roster: Iterable[Trainee] | None = None) -> dict[str, str]:
    """Roster id -> platform id, from a CSV with the header ``trainee,platform_id`` (UTF-8, a
    byte-order mark tolerated; other columns are ignored). Every problem is reported with its
    line, all at once; with ``roster``, ids not in it are problems too."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CohortError(
            f"Cannot read the id map {path}: {exc.strerror}. Check the file name.") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise IdMapError(path, [(line, "not UTF-8 text; save the file as 'CSV UTF-8'")]) from None

    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[tuple[int, str]] = []
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        if any(c not in header for c in ID_MAP_COLUMNS):
            raise IdMapError(path, [(1, (
                f"the first line must be the header {','.join(ID_MAP_COLUMNS)} "
                f"(found: {','.join(header) or 'nothing'})"))])
        at = [header.index(c) for c in ID_MAP_COLUMNS]
        known = None if roster is None else {t.id for t in roster}
        mapping: dict[str, str] = {}
        lines: dict[str, int] = {}  # roster id -> its line
        owners: dict[str, tuple[str, int]] = {}  # platform id -> (roster id, line)
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank lines are harmless
            tid, pid = (row[i].strip() if i < len(row) else "" for i in at)
            if not tid:
                problems.append((line, "the trainee id is blank: give the trainee's id from the "
                                       "roster"))
            elif known is not None and tid not in known:
                problems.append((line, f"{tid!r} is not a trainee of this cohort: use the id from "
                                       "the cohort's roster"))
            elif tid in lines:
                problems.append((line, f"{tid!r} is already mapped on line {lines[tid]}: keep one "
                                       "line each"))
            if not pid:
                whose = f" of {tid!r}" if tid else ""
                problems.append((line, f"the platform_id{whose} is blank: fill it in, or delete "
                                       "the line"))
            elif pid in owners:
                other, first = owners[pid]
                problems.append((line, f"the platform_id {pid!r} is already given to {other!r} on "
                                       f"line {first}: each trainee needs their own"))
            if tid and pid and tid not in lines and pid not in owners:
                mapping[tid], lines[tid], owners[pid] = pid, line, (tid, line)
    except csv.Error as exc:
        problems.append((reader.line_num,
                         f"not readable as CSV ({exc}); check the quotes on this line"))
    if problems:
        raise IdMapError(path, problems)
    return mapping


def session_title(session: str) -> str:
    """What the gradebook column is called: ``session-01`` -> ``Session 1 exercise``."""
    number = session.removeprefix("session-")
    return f"Session {int(number)} exercise" if number.isdigit() else session


def lms_export(report: Report, platform: str, id_map: dict[str, str] | None = None) -> str:
    """The CSV text ``platform``'s gradebook imports (see the module's docstring for each)."""
    if platform not in PLATFORMS:
        raise CohortError(
            f"Unknown learning platform {platform!r}: choose one of {', '.join(PLATFORMS)}.")
    if report.anonymised:
        raise CohortError(
            f"An anonymised report cannot be exported to {platform}: a gradebook needs to know "
            "whose grade is whose. Export the report without --anonymise.")
    id_map = id_map or {}
    strangers = sorted(set(id_map) - set(report.rows))
    if strangers:
        raise CohortError(f"The id map names {', '.join(strangers)}, who are not in this cohort's "
                          "roster: correct or remove those lines.")
    trainees = {t.id: t for t in report.cohort.roster}
    people = [trainees[tid] for tid in report.order]
    build = {"moodle": _moodle, "canvas": _canvas, "csv": _plain}[platform]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in build(report, people, id_map):
        writer.writerow([c if isinstance(c, _Verbatim) else spreadsheet_safe(c) for c in row])
    return out.getvalue()


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _who(people: list[Trainee]) -> str:
    return ", ".join(f"{t.id} ({t.name})" for t in people)


def _released(report: Report, platform: str) -> list[str]:
    if not report.released:
        raise CohortError(f"No session has been released to this cohort yet, so there are no "
                          f"grades to export to {platform}.")
    return report.released


def _score(report: Report, tid: str, session: str) -> str:
    row = report.rows[tid][session]
    return _number(row.score if row else None)


def _moodle(report: Report, people: list[Trainee], id_map: dict[str, str]) -> list[list[str]]:
    sessions = _released(report, "Moodle")
    # Moodle matches every line by one field and abandons the whole import at a line it cannot
    # match, so every trainee needs the same kind of identifier.
    if id_map:
        missing = [t for t in people if t.id not in id_map]
        if missing:
            raise CohortError(
                f"The id map gives no Moodle ID number for {_who(missing)}. Moodle matches every "
                "line of an import by the same field and abandons the import at a line it cannot "
                "match: add them to the id map, or export without it to match everyone by email.")
        label, identify = "ID number", lambda t: id_map[t.id]
    else:
        missing = [t for t in people if not t.email]
        if missing:
            raise CohortError(
                f"{_who(missing)} have no email in the roster, and without an id map Moodle "
                "matches trainees by email address: add their emails to the roster, or give an id "
                "map with everyone's Moodle ID number.")
        label, identify = "Email address", lambda t: t.email
    rows = [[label, "First name", "Last name"] + [session_title(s) for s in sessions]]
    for t in people:
        rows.append([identify(t), t.first_name, t.last_name]
                    + [_score(report, t.id, s) or MOODLE_NO_GRADE for s in sessions])
    return rows


def _canvas(report: Report, people: list[Trainee], id_map: dict[str, str]) -> list[list[str]]:
    sessions = _released(report, "Canvas")
    missing = [t for t in people if t.id not in id_map]
    if missing:
        raise CohortError(
            f"Canvas cannot import grades without each student's Canvas user ID, and the id map "
            f"has none for {_who(missing)}. Export the gradebook from Canvas (Grades > Export): "
            "its ID column holds them; add a line trainee,platform_id for each to the id map.")
    not_numbers = [t for t in people if not id_map[t.id].isdigit()]
    if not_numbers:
        raise CohortError(
            "Canvas user IDs are numbers, but the id map gives "
            + ", ".join(f"{id_map[t.id]!r} for {t.id}" for t in not_numbers)
            + ". Use the ID column of Canvas's gradebook export (Grades > Export).")
    rows = [list(CANVAS_COLUMNS) + [session_title(s) for s in sessions],
            [CANVAS_POINTS, "", "", "", ""] + [_number(_points(report, s)) for s in sessions]]
    for t in people:
        sortable = ", ".join(n for n in (t.last_name, t.first_name) if n)  # as Canvas exports names
        rows.append([sortable, id_map[t.id], "", "", ""]
                    + [_score(report, t.id, s) for s in sessions])
    return rows


def _points(report: Report, session: str) -> float | None:
    """A session's maximum score: the same for everyone, known once anyone's work is graded."""
    rows = (per[session] for per in report.rows.values())
    return max((r.max_score for r in rows if r and r.max_score is not None), default=None)


def _plain(report: Report, people: list[Trainee], id_map: dict[str, str]) -> list[list[str]]:
    rows = [list(PLAIN_COLUMNS)]
    for t in people:
        for s in report.sessions:
            row = report.rows[t.id][s]
            if row is None:
                rows.append([t.id, id_map.get(t.id, ""), s, "", "", NOT_RELEASED, ""])
            else:
                rows.append([t.id, id_map.get(t.id, ""), s, _number(row.score),
                             _number(row.max_score), row.status,
                             "yes" if row.late else "no"])
    return rows
