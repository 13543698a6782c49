"""The trainer's week, on nbgrader's API: release, collect, autograde, feedback.

Each batch goes trainee by trainee, on nbgrader's own calls (``NbGraderAPI``, its exchange,
its ZipCollect), checks every call's ``success``, records what it found for that trainee
before moving on, and carries on past any one trainee's bad work. Reruns are safe: nbgrader
collects only newer submissions, a trainee already autograded is skipped unless their
submission changed, and records are overwritten, never appended.

Nothing here changes a submitted original: the exchange's inbound folder and the zip or folder
given to ``collect --from`` are only read; nbgrader works on its copies in ``submitted/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from actionlearning.cohort import course
from actionlearning.cohort.problems import CohortError, Problem, first_fatal
from actionlearning.cohort.records import Records, keep_log
from actionlearning.cohort.returned import ReturnedFile, plan_returned
from actionlearning.cohort.roster import Trainee
from actionlearning.cohort.screening import describe_cell, screen
from actionlearning.cohort.store import Cohort, make_private, private_umask

SUBMITTED, AUTOGRADED, FEEDBACK, DOWNLOADED = "submitted", "autograded", "feedback", "downloaded"


@dataclass
class Row:
    """One trainee's state for a session, as a batch or the report shows it."""

    trainee: Trainee
    status: str = "missing"  # submitted | late | missing | failed
    reason: str = ""  # why it failed, and what to do
    score: float | None = None  # automatic score, once autograded
    max_score: float | None = None
    review: bool = False  # a reflection awaits the trainer's review
    notes: list[Problem] = field(default_factory=list)
    failure: Problem | None = None
    result: str = ""  # what this batch did for the trainee

    @property
    def score_text(self) -> str:
        return "" if self.score is None else f"{self.score:g}/{self.max_score:g}"


@dataclass
class Batch:
    step: str
    session: str
    rows: list[Row]
    unmatched: list[Problem] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


Progress = Callable[[int, int, Row], None]


def _no_progress(i: int, n: int, row: Row) -> None:
    pass


# --- shared helpers ------------------------------------------------------------------------


def check_session(cohort: Cohort, session: str):
    """The scheduled exercise ``session``, which must exist in source/."""
    exercise = cohort.schedule.exercise(session)
    if not (cohort.root / "source" / session).is_dir():
        raise CohortError(
            f"The exercise for {session} is not written yet: {cohort.repository / 'source' / session} "
            "does not exist. Sessions with exercises: "
            + ", ".join(sorted(p.name for p in (cohort.root / "source").glob("session-*"))) + "."
        )
    return exercise


def check_released(cohort: Cohort, session: str) -> list[Path]:
    notebooks = course.release_notebooks(cohort, session)
    if not notebooks:
        raise CohortError(
            f"{session} has not been released to this cohort yet: run "
            f"`actionlearning cohort release {cohort.name} {session}` first."
        )
    return notebooks


def submission_dir(cohort: Cohort, session: str, trainee: str) -> Path:
    return cohort.root / SUBMITTED / trainee / session


def read_timestamp(folder: Path) -> datetime | None:
    """A submission's time (naive UTC, as nbgrader keeps it) from its timestamp.txt."""
    from nbgrader.utils import parse_utc

    path = folder / "timestamp.txt"
    if not path.is_file():
        return None
    try:
        return parse_utc(path.read_text("utf-8").strip())
    except (ValueError, OverflowError):
        return None


def _stamp(moment: datetime | None) -> str | None:
    return moment.isoformat(sep=" ") if moment else None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _release_copy(cohort: Cohort, session: str) -> dict[str, dict]:
    return {p.name: json.loads(p.read_text("utf-8")) for p in course.release_notebooks(cohort, session)}


def _naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def screen_submission(cohort: Cohort, session: str, trainee: str, records: Records) -> list[Problem]:
    """Screen what was collected for ``trainee`` and record it against the submission's time."""
    folder = submission_dir(cohort, session, trainee)
    release = _release_copy(cohort, session)
    problems: list[Problem] = []
    for name, nb in release.items():
        path = folder / name
        if path.is_file():
            problems += screen(path, nb)
    records.set(trainee, "screen", problems, timestamp=_stamp(read_timestamp(folder)))
    return problems


def _current(entry: dict, timestamp: datetime | None) -> bool:
    return bool(entry) and entry.get("timestamp") == _stamp(timestamp)


def status_rows(cohort: Cohort, session: str, records: Records | None = None, api=None,
                only: str | None = None) -> list[Row]:
    """Every trainee's status, score and review flag for ``session`` (or only that of ``only``)."""
    records = records or Records(cohort, session)
    due = _naive_utc(cohort.schedule.exercise(session).due)
    expected = [p.name for p in course.release_notebooks(cohort, session)]
    grades = _grades(cohort, session, api)
    rows = []
    for t in cohort.roster:
        if only is not None and t.id != only:
            continue
        folder = submission_dir(cohort, session, t.id)
        timestamp = read_timestamp(folder)
        collected = any((folder / n).is_file() for n in expected) if expected else folder.is_dir()
        channel = records.problems(t.id, "exchange", "returned")
        screened = records.step(t.id, "screen")
        graded = records.step(t.id, "autograde")
        later = []
        if _current(screened, timestamp):
            later += [Problem.from_dict(p) for p in screened.get("problems", [])]
        if _current(graded, timestamp):
            later += [Problem.from_dict(p) for p in graded.get("problems", [])]
        row = Row(t)
        if collected:
            failure = first_fatal(later)
            # what went wrong on the way in no longer stops anything once a notebook is here
            row.notes = [Problem(p.kind, p.what, p.todo) for p in channel] + [
                p for p in later if p is not failure]
            row.status = "late" if timestamp and timestamp > due else "submitted"
        else:
            failure = first_fatal(channel)
            row.notes = [p for p in channel if p is not failure]
        if failure:
            row.status, row.failure, row.reason = "failed", failure, str(failure)
        if t.id in grades and not failure:
            row.score, row.max_score, row.review = grades[t.id]
        rows.append(row)
    return rows


def _grades(cohort: Cohort, session: str, api=None) -> dict[str, tuple[float, float, bool]]:
    """Automatic score, its maximum, and whether a reflection awaits review, for each trainee
    whose current submission nbgrader has autograded."""
    from nbgrader.api import Gradebook, MissingEntry

    if not (cohort.root / "gradebook.db").is_file():
        return {}
    api = api or course.open_api(cohort)
    with course.quiet():
        done = api.get_autograded_students(session)
        found = {}
        with Gradebook(course.db_url(cohort), cohort.course_id) as gb:
            for trainee in done:
                try:
                    s = gb.find_submission(session, trainee)
                except MissingEntry:
                    continue
                review = any(g.needs_manual_grade for nb in s.notebooks for g in nb.grades)
                found[trainee] = (float(s.code_score), float(s.max_code_score), review)
    return found


# --- release ---------------------------------------------------------------------------------


@dataclass
class Released:
    session: str
    files: list[Path]
    due: datetime
    already: bool = False
    exchange: str | None = None  # the exchange folder released to, if any
    exchange_error: str | None = None


def release(cohort: Cohort, session: str, *, force: bool = False, exchange: bool = True) -> Released:
    """Generate the trainee version of ``session`` for this cohort (with its due date in the
    gradebook) and release it to the exchange. Already released: nothing happens unless ``force``."""
    exercise = check_session(cohort, session)
    overrides = {"ExchangeReleaseAssignment": {"force": True}} if force else {}
    api = course.open_api(cohort, **overrides)
    files = course.release_notebooks(cohort, session)
    with course.quiet():
        released = session in api.get_released_assignments() if api.exchange_is_functional else False
    if files and not force and (released or not exchange):
        return Released(session, files, exercise.due, already=True,
                        exchange=str(Path(cohort.exchange) / cohort.course_id) if released else None)
    with course.quiet(), private_umask():
        course.checked(api.generate_assignment(session, force=True, create=True),
                       f"Generating the trainee version of {session}")
        course.set_due_date(cohort, session, exercise.due)
    files = course.release_notebooks(cohort, session)
    done = Released(session, files, exercise.due)
    if exchange:
        with course.quiet():
            result = api.release_assignment(session)
        try:
            course.checked(result, f"Releasing {session} to the exchange {cohort.exchange}")
            done.exchange = str(Path(cohort.exchange) / cohort.course_id)
        except CohortError as exc:
            done.exchange_error = (
                f"{exc}\nThe exercise is ready to hand out as files instead: "
                f"{', '.join(str(f) for f in files)}. To use an exchange, give --exchange DIR or set "
                "ACTIONLEARNING_EXCHANGE to a folder everyone can reach."
            )
    make_private(cohort.root)
    return done


# --- collect ---------------------------------------------------------------------------------


def collect(cohort: Cohort, session: str, *, source: Path | None = None,
            progress: Progress = _no_progress) -> Batch:
    """Collect ``session`` from the exchange, or from a zip or folder of returned notebooks."""
    check_session(cohort, session)
    check_released(cohort, session)
    records = Records(cohort, session)
    api = course.open_api(cohort)
    roster = cohort.roster
    if source is None and not _inbound(cohort).is_dir():
        raise CohortError(
            f"There is no exchange folder for {cohort.name} at {_inbound(cohort)}: release the "
            f"exercise to the exchange first, give --exchange if it is elsewhere, or collect "
            "returned files with --from.")
    result: dict[str, str] = {}
    unmatched: list[Problem] = []
    with private_umask():
        if source is not None:  # nbgrader's ZipCollect takes the whole batch at once
            result, unmatched = _collect_returned(cohort, session, Path(source), api, records)
        for i, t in enumerate(roster):
            if source is None:
                result[t.id] = _collect_exchange(cohort, session, t, api, records)
            if submission_dir(cohort, session, t.id).is_dir():
                screen_submission(cohort, session, t.id, records)
            row = status_rows_for(cohort, session, records, api, t.id)
            row.result = result.get(t.id, "")
            progress(i + 1, len(roster), row)
        if source is None:
            unmatched = _unknown_in_exchange(cohort, session)
            records.set_unmatched("exchange", unmatched)
    make_private(cohort.root)
    rows = status_rows(cohort, session, records, api)
    for row in rows:
        row.result = result.get(row.trainee.id, "")
    return Batch("collect", session, rows, unmatched)


def _inbound(cohort: Cohort) -> Path:
    return Path(cohort.exchange) / cohort.course_id / "inbound"


def _inbound_entries(cohort: Cohort, session: str) -> list[tuple[str, datetime | None, Path]]:
    """(username, time, folder) of each submission of ``session`` in the exchange."""
    from nbgrader.utils import parse_utc

    found = []
    folder = _inbound(cohort)
    if not folder.is_dir():
        return found
    for path in folder.glob(f"*+{session}+*"):
        parts = path.name.rsplit("+", 3)  # as nbgrader splits it: user+assignment+time[+random]
        if len(parts) < 3:
            continue
        user, _, stamp = parts[0], parts[1], parts[2]
        try:
            when = parse_utc(stamp)
        except (ValueError, OverflowError):
            when = None
        found.append((user, when, path))
    return found


def _collect_exchange(cohort: Cohort, session: str, trainee: Trainee, api, records: Records) -> str:
    from nbgrader.utils import temp_attrs

    mine = sorted((e for e in _inbound_entries(cohort, session) if e[0] == trainee.id),
                  key=lambda e: e[1] or datetime.min, reverse=True)
    if not mine:
        records.set(trainee.id, "exchange", [], submissions=0)
        return "nothing in the exchange"
    with course.quiet(), temp_attrs(api.coursedir, student_id=trainee.id):
        result = api.collect(session, update=True)
    log = keep_log(cohort, session, trainee.id, "collect", result)
    problems: list[Problem] = []
    if not (result or {}).get("success"):
        problems.append(Problem(
            "collect-failed",
            f"nbgrader could not collect the submission from the exchange: {course.last_words(result or {}, 2)}",
            f"see the log {log}; check that you can read {mine[0][2]}", fatal=True))
    if len(mine) > 1:
        problems.append(Problem(
            "several-submissions",
            f"{len(mine)} submissions in the exchange; collected the newest "
            f"({mine[0][1]:%Y-%m-%d %H:%M} UTC), the others stay in the exchange untouched",
            "nothing, unless an earlier one is the one to grade"))
    problems += _compare_with_inbound(cohort, session, trainee.id, mine[0][2], api)
    records.set(trainee.id, "exchange", problems, submissions=len(mine), newest=_stamp(mine[0][1]))
    return "collected from the exchange" if not first_fatal(problems) else "could not collect"


def _compare_with_inbound(cohort: Cohort, session: str, trainee: str, entry: Path, api) -> list[Problem]:
    """Notebooks the trainee handed in that nbgrader did not copy, or that have the wrong name."""
    expected = [p.name for p in course.release_notebooks(cohort, session)]
    given = sorted(p for p in entry.rglob("*") if p.is_file() and p.name not in (
        "timestamp.txt", "submission_secret.txt"))
    notebooks = [p for p in given if p.suffix == ".ipynb"]
    collected = submission_dir(cohort, session, trainee)
    limit_kb = api.coursedir.max_file_size
    problems = []
    for name in expected:
        path = entry / name
        if path.is_file() and not (collected / name).is_file():
            size = path.stat().st_size
            if size > limit_kb * 1000:
                problems.append(Problem(
                    "too-large",
                    f"{name} is {size / 1e6:.0f} MB, over the exchange's limit of {limit_kb / 1000:.0f} MB "
                    "(almost certainly cell outputs), so nbgrader did not collect it",
                    "ask the trainee to clear outputs (Edit > Clear Outputs of All Cells), save and "
                    "submit again; or raise CourseDirectory.max_file_size in the cohort's "
                    "nbgrader_config.py and collect again", fatal=True))
            else:
                problems.append(Problem("not-collected", f"{name} was handed in but not collected",
                                        "collect again; if it persists, see the collect log", fatal=True))
        elif not path.is_file():
            others = [p.name for p in notebooks if p.name not in expected]
            if others:
                problems.append(Problem(
                    "wrong-name", f"no {name} in the submission, but {', '.join(others)}",
                    f"ask the trainee to rename it {name} and submit again, or collect it with "
                    f"--from a folder holding it renamed {trainee}-{name}", fatal=True))
            elif given:
                problems.append(Problem(
                    "not-a-notebook",
                    f"no notebook in the submission, only {', '.join(p.name for p in given)}",
                    "ask the trainee to submit the exercise notebook itself", fatal=True))
            else:
                problems.append(Problem("empty-submission", "the submission in the exchange is empty",
                                        "ask the trainee to submit again", fatal=True))
    return problems


def _unknown_in_exchange(cohort: Cohort, session: str) -> list[Problem]:
    ids = {t.id for t in cohort.roster}
    return [Problem(
        "unknown-trainee",
        f"a submission in the exchange from {user!r} ({path.name}), who is not on the roster",
        "if it is a trainee whose login differs from their roster id, correct the roster id; "
        "otherwise it can be ignored (it was not collected)", fatal=True)
        for user, _, path in sorted(_inbound_entries(cohort, session), key=lambda e: e[2].name)
        if user not in ids]


def _stage(source: Path, archive: Path) -> Path:
    """Copy what the trainer gave into nbgrader's archive folder, once (reruns reuse it)."""
    if not source.exists():
        raise CohortError(f"{source} does not exist; give the zip file or folder of returned notebooks.")
    archive.mkdir(parents=True, exist_ok=True)
    if source.is_file():
        if not zipfile.is_zipfile(source):
            if source.suffix == ".ipynb":
                raise CohortError(f"{source} is a single notebook: put it in a folder and give the folder.")
            raise CohortError(f"{source} is not a zip file (it may be damaged or still downloading); "
                              "download it again, or give the folder of notebooks instead.")
        try:
            with zipfile.ZipFile(source) as zf:
                bad = zf.testzip()
        except (zipfile.BadZipFile, OSError) as exc:
            raise CohortError(f"The zip file {source} is damaged ({exc}); download it again.") from exc
        if bad:
            raise CohortError(f"The zip file {source} is damaged at {bad!r}; download it again.")
        target = archive / f"{source.stem}-{_digest(source)[:10]}.zip"
        if not target.exists():
            shutil.copy2(source, target)
        return target
    listing = sorted(
        (str(p.relative_to(source)), _digest(p)) for p in source.rglob("*") if p.is_file())
    if not listing:
        raise CohortError(f"The folder {source} is empty.")
    label = hashlib.sha256(json.dumps(listing).encode()).hexdigest()[:10]
    target = archive / f"{source.name}-{label}"
    if not target.exists():
        shutil.copytree(source, target.with_name(target.name + ".partial"), copy_function=shutil.copy2,
                        dirs_exist_ok=True)
        os.replace(target.with_name(target.name + ".partial"), target)
    return target


def _zip_collect(cohort: Cohort, session: str, step: str, plan: dict):
    """Run one step of nbgrader's ZipCollect ("extract" or "transfer") on the cohort."""
    from nbgrader.apps.zipcollectapp import ZipCollectApp
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import capture_log

    from actionlearning.cohort.returned import ReturnedCollector, ReturnedExtractor

    class CohortZipCollect(ZipCollectApp):
        def start(self):  # ZipCollectApp.start, one step at a time
            self.init_plugins()
            if step == "extract":
                self.extract_archive_files()
            else:
                self.process_extracted_files()

    config = course.nbgrader_config(
        cohort,
        ZipCollectApp={"force": True, "downloaded_directory": DOWNLOADED,
                       "extractor_plugin": ReturnedExtractor, "collector_plugin": ReturnedCollector},
        ExtractorPlugin={"force": True},
        ReturnedExtractor={"timezone": cohort.timezone},
        ReturnedCollector={"plan": plan},
    )
    with course.quiet():
        app = CohortZipCollect(config=config)
        for handler in list(app.log.handlers):
            app.log.removeHandler(handler)
        app.log.setLevel("INFO")
        app.coursedir = CourseDirectory(config=config, parent=app)
        app.coursedir.assignment_id = session
        return capture_log(app)


def _collect_returned(cohort: Cohort, session: str, source: Path, api, records: Records):
    downloaded = cohort.root / DOWNLOADED / session
    _stage(source, downloaded / "archive")
    extracted = downloaded / "extracted"
    result = _zip_collect(cohort, session, "extract", {})
    log = keep_log(cohort, session, "_returned", "extract", result)
    if not result.get("success"):
        raise CohortError(f"nbgrader could not extract {source}: {course.last_words(result, 3)} "
                          f"(full log: {log}). Nothing was collected.")
    files = []
    for path in sorted(p for p in extracted.rglob("*") if p.is_file()):
        files.append(ReturnedFile(
            path=path, shown=_shown(path.relative_to(extracted)),
            modified=datetime.fromtimestamp(path.stat().st_mtime, timezone.utc), digest=_digest(path)))
    roster = cohort.roster
    notebooks = [p.name for p in course.release_notebooks(cohort, session)]
    existing = {}
    for t in roster:
        folder = submission_dir(cohort, session, t.id)
        if folder.is_dir():
            when = read_timestamp(folder)
            existing[t.id] = (when.replace(tzinfo=timezone.utc) if when else None,
                              {n: _digest(folder / n) for n in notebooks if (folder / n).is_file()})
    plan = plan_returned(files, [t.id for t in roster], notebooks, existing)
    chosen = {os.path.normpath(path): [tid, nb, when.isoformat()] for path, (tid, nb, when) in plan.chosen.items()}
    outcome = {}
    if chosen:
        result = _zip_collect(cohort, session, "transfer", chosen)
        log = keep_log(cohort, session, "_returned", "transfer", result)
        if not result.get("success"):
            raise CohortError(f"nbgrader could not copy the returned notebooks into {SUBMITTED}/: "
                              f"{course.last_words(result, 3)} (full log: {log}).")
    collected = {tid for tid, _, _ in plan.chosen.values()}
    for t in roster:
        problems = plan.problems.get(t.id, [])
        records.set(t.id, "returned", problems, source=str(source))
        if t.id in collected:
            outcome[t.id] = f"collected from {source.name}"
        elif any(p.fatal for p in problems):
            outcome[t.id] = "could not collect"
        elif t.id in existing:
            outcome[t.id] = "nothing new"
        else:
            outcome[t.id] = f"nothing in {source.name}"
    records.set_unmatched("returned", plan.unmatched)
    return outcome, plan.unmatched


def _shown(relative: Path) -> str:
    """A returned file's name as the trainer knows it: without nbgrader's archive label."""
    parts = list(relative.parts)
    if parts and "-" in parts[0]:
        parts[0] = parts[0].rsplit("-", 1)[0]
    return "/".join(parts)


# --- autograde -------------------------------------------------------------------------------


class CellTracker:
    """Remembers which cell the kernel was running, to say where a dying kernel died."""

    def __init__(self):
        self.index: int | None = None
        self.cell: dict | None = None

    def __call__(self, cell=None, cell_index=None, **_):
        self.index, self.cell = cell_index, cell

    def __deepcopy__(self, memo):  # traitlets copies configured values: keep this one shared
        return self


def autograde(cohort: Cohort, session: str, *, force: bool = False,
              progress: Progress = _no_progress) -> Batch:
    """Autograde every collected submission of ``session`` that screening passed."""
    check_session(cohort, session)
    check_released(cohort, session)
    records = Records(cohort, session)
    tracker = CellTracker()
    api = course.open_api(cohort, Execute={"on_cell_start": tracker})
    with course.quiet():
        done = api.get_autograded_students(session)
    roster = cohort.roster
    outcome: dict[str, str] = {}
    for i, t in enumerate(roster):
        folder = submission_dir(cohort, session, t.id)
        timestamp = read_timestamp(folder)
        if not folder.is_dir():
            outcome[t.id] = "nothing to grade"
        else:
            with private_umask():
                problems = screen_submission(cohort, session, t.id, records)
            if first_fatal(problems):
                records.clear(t.id, "autograde")
                outcome[t.id] = "not graded"
            elif t.id in done and not force and _current(records.step(t.id, "autograde"), timestamp):
                outcome[t.id] = "already autograded"
            else:
                outcome[t.id] = _autograde_one(cohort, session, t.id, timestamp, api, tracker, records)
        row = status_rows_for(cohort, session, records, api, t.id)
        row.result = outcome[t.id]
        progress(i + 1, len(roster), row)
    make_private(cohort.root)
    rows = status_rows(cohort, session, records, api)
    for row in rows:
        row.result = outcome.get(row.trainee.id, "")
    return Batch("autograde", session, rows)


def status_rows_for(cohort, session, records, api, trainee_id: str) -> Row:
    return status_rows(cohort, session, records, api, only=trainee_id)[0]


def _autograde_one(cohort: Cohort, session: str, trainee: str, timestamp, api, tracker: CellTracker,
                   records: Records) -> str:
    tracker.index = tracker.cell = None
    with course.quiet(), private_umask():
        result = api.autograde(session, trainee, force=True, create=True)
    error = (result.get("error") or "").strip()
    if error.endswith("KeyboardInterrupt") or "\nKeyboardInterrupt" in error:
        raise KeyboardInterrupt  # nbgrader caught the trainer's Ctrl-C: stop the batch here
    log = keep_log(cohort, session, trainee, "autograde", result)
    if result.get("success"):
        notes = _timeouts(cohort, session, trainee)
        records.set(trainee, "autograde", notes, ok=True, timestamp=_stamp(timestamp))
        return "autograded"
    problem = explain_failure(result, tracker, log, cohort, session, trainee)
    records.set(trainee, "autograde", [problem], ok=False, timestamp=_stamp(timestamp))
    return "could not grade"


def explain_failure(result: dict, tracker: CellTracker, log: Path, cohort: Cohort, session: str,
                    trainee: str) -> Problem:
    """Why nbgrader could not autograde a submission, in the trainer's terms."""
    text = (result.get("log") or "") + "\n" + (result.get("error") or "")
    where = f"submitted/{trainee}/{session}"
    cell = describe_cell(tracker.index, tracker.cell) if tracker.cell is not None else "a cell"
    first = ""
    if tracker.cell is not None:
        source = tracker.cell.get("source", "")
        first = ("".join(source) if isinstance(source, list) else source).strip().splitlines()[:1]
        first = f", which begins {first[0][:60]!r}" if first else ""
    if "DeadKernelError" in text or "Kernel died" in text:
        return Problem(
            "kernel-died",
            f"the Python kernel died while running {cell}{first}: the trainee's code may exit "
            "Python or use up the memory",
            f"look at that cell in {where}; ask the trainee to correct it and submit again, then "
            f"collect and autograde again (nbgrader's log: {log})", fatal=True)
    if "UnresponsiveKernelError" in text or "became unresponsive" in text:
        return Problem(
            "kernel-unresponsive",
            f"the kernel stopped responding while running {cell}{first} and could not be interrupted",
            f"look at that cell in {where}; ask the trainee to correct it and submit again "
            f"(nbgrader's log: {log})", fatal=True)
    if "SchemaTooOldError" in text or "old version of the nbgrader metadata" in text:
        return Problem(
            "old-format", "the notebook carries nbgrader metadata from an old version of nbgrader",
            "ask the trainee to fetch a fresh copy of the exercise, paste their answers in and "
            "submit again", fatal=True)
    if "SchemaTooNewError" in text or "metadata may be corrupted" in text:
        return Problem(
            "corrupt-metadata", "the notebook's nbgrader metadata is damaged (the cells' hidden settings)",
            "ask the trainee to fetch a fresh copy of the exercise, paste their answers in and "
            "submit again", fatal=True)
    return Problem(
        "autograde-failed",
        f"nbgrader could not grade it: {course.last_words(result, 1)}",
        f"see nbgrader's log {log}; if the notebook looks sound, autograde again with --force", fatal=True)


def _timeouts(cohort: Cohort, session: str, trainee: str) -> list[Problem]:
    notes = []
    for path in sorted((cohort.root / AUTOGRADED / trainee / session).glob("*.ipynb")):
        try:
            nb = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        for i, cell in enumerate(nb.get("cells", [])):
            if any(o.get("ename") == "CellTimeoutError" for o in cell.get("outputs", [])):
                notes.append(Problem(
                    "cell-timeout",
                    f"{path.name}, {describe_cell(i, cell)} did not finish within {cohort.timeout} s; "
                    "it was stopped and the rest of the notebook graded",
                    "look at that cell: the code may loop forever. If it is only slow, raise "
                    "ExecutePreprocessor.timeout in the cohort's nbgrader_config.py and autograde "
                    "again with --force"))
    return notes


# --- feedback --------------------------------------------------------------------------------


def feedback(cohort: Cohort, session: str, *, progress: Progress = _no_progress) -> Batch:
    """Generate feedback for every autograded trainee, and release it to them alone."""
    check_session(cohort, session)
    check_released(cohort, session)
    records = Records(cohort, session)
    api = course.open_api(cohort)
    with course.quiet():
        done = api.get_autograded_students(session)
    roster = cohort.roster
    outcome: dict[str, str] = {}
    for i, t in enumerate(roster):
        if t.id not in done:
            outcome[t.id] = "no feedback (not autograded)"
        else:
            outcome[t.id] = _feedback_one(cohort, session, t.id, api, records)
        row = status_rows_for(cohort, session, records, api, t.id)
        row.result = outcome[t.id]
        progress(i + 1, len(roster), row)
    make_private(cohort.root)
    rows = status_rows(cohort, session, records, api)
    for row in rows:
        row.result = outcome.get(row.trainee.id, "")
        if row.trainee.id in done:
            row.notes += records.problems(row.trainee.id, "feedback")
    return Batch("feedback", session, rows)


def _feedback_one(cohort: Cohort, session: str, trainee: str, api, records: Records) -> str:
    from nbgrader.utils import notebook_hash

    with course.quiet(), private_umask():
        result = api.generate_feedback(session, trainee, force=True)
    log = keep_log(cohort, session, trainee, "feedback", result)
    if not result.get("success"):
        records.set(trainee, "feedback", [Problem(
            "feedback-failed", f"nbgrader could not generate feedback: {course.last_words(result, 1)}",
            f"see nbgrader's log {log}")], ok=False)
        return "could not generate feedback"
    made = cohort.root / FEEDBACK / trainee / session
    pages = sorted(made.glob("*.html"))
    secret = made / "submission_secret.txt"
    if not secret.is_file():
        records.set(trainee, "feedback", [Problem(
            "feedback-by-hand", "this submission came outside the exchange, so its feedback cannot "
            "be released there", f"send {', '.join(str(p) for p in pages)} to the trainee yourself")],
            ok=True, released=False)
        return "feedback ready to send"
    with course.quiet():
        result = api.release_feedback(session, trainee)
    released = keep_log(cohort, session, trainee, "release-feedback", result)
    if not (result or {}).get("success"):
        records.set(trainee, "feedback", [Problem(
            "release-failed", f"feedback was generated but could not be released to the exchange: "
            f"{course.last_words(result or {}, 1)}",
            f"send {', '.join(str(p) for p in pages)} to the trainee yourself, or fix the exchange "
            f"and run feedback again (nbgrader's log: {released})")], ok=False)
        return "feedback not released"
    # nbgrader copies the page with its mode, which is ours (0600); the trainee, another user on
    # a shared machine, must read it: it sits under a secret name in a folder no one can list.
    out = Path(cohort.exchange) / cohort.course_id / "feedback"
    key = secret.read_text("utf-8")  # exactly as nbgrader reads it
    for page in pages:
        target = out / f"{notebook_hash(secret=key, notebook_id=page.stem)}.html"
        if target.is_file():
            os.chmod(target, 0o644)
    records.set(trainee, "feedback", [], ok=True, released=True)
    return "feedback released"
