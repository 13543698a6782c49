"""A cohort's gradebook on PostgreSQL: a throwaway cluster from Debian's postgresql, on a private
socket. The same week, command by command, on a sqlite cohort and a PostgreSQL one gives the same
tables and the same report; the database is made when missing; two graders saving marks at once
lose nothing; a trainee's code, autograded in the sandbox, cannot reach the database; a bad URL
or an unreachable server is refused before anything is created."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from actionlearning.cli import main
from actionlearning.cohort.gradebook_db import checked_url, ensure_database
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.store import load_cohort
from tests import cohort_support as ts
from tests.postgres_support import throwaway_cluster

pytestmark = [pytest.mark.pipeline, pytest.mark.postgres]
S, NB = ts.SESSION, ts.NOTEBOOK
ROUNDS = 15  # each grader saves every mark this many times, in a transaction each


def command(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["cohort", *argv])
    return code, out.getvalue() + err.getvalue()


@pytest.fixture(scope="module")
def cluster():
    with throwaway_cluster() as url:
        yield url


def _week(tmp: Path, name: str, database: str | None) -> dict:
    """The trainer's week through the commands, for three trainees; every command's output."""
    where = ["--home", str(tmp / "home"), "--exchange", str(tmp / "exchange")]
    start = (date.today() - timedelta(days=3)).isoformat()
    outputs = {}

    def run(*argv):
        code, text = command(*argv, *where)
        assert code == 0, f"{argv}: {text}"
        outputs[argv[0]] = outputs.get(argv[0], "") + text
        return text

    run("create", name, "--roster", str(ts.DATA / "roster-12.csv"), "--meetings", "9", "--start", start,
        "--no-owner-check", *(["--database", database] if database else []))  # one account submits for all
    cohort = load_cohort(tmp / "home", name)
    run("schedule", name)
    run("extend", name, "t03", S, "--until", (date.today() + timedelta(days=30)).isoformat())
    run("release", name, S)
    ts.submit(cohort, "t01", ts.answered(cohort), work=tmp / name)
    ts.submit(cohort, "t02", ts.answered(cohort, only=("answer-kinds",)), work=tmp / name)
    ts.submit(cohort, "t03", ts.given(cohort), work=tmp / name)
    run("collect", name, S)
    run("autograde", name, S)
    run("review", name, "--dry-run")
    ts.review(cohort, ("t01", "t02"))
    run("feedback", name, S, "--partial")
    run("report", name, "--csv", str(tmp / f"{name}.csv"))
    run("report", name, "--lms", "moodle", "--out", str(tmp / f"{name}-moodle.csv"))
    run("list")
    outputs["report.csv"] = (tmp / f"{name}.csv").read_text("utf-8")
    outputs["moodle.csv"] = (tmp / f"{name}-moodle.csv").read_text("utf-8")
    return {"cohort": cohort, "outputs": outputs}


def _same_words(text: str, cohort, tmp: Path) -> str:
    """An output with what differs by design taken out: names, folders, the gradebook's place,
    the time a command took, a free port, formgrader's ids for submissions."""
    text = text.replace(str(tmp), "TMP").replace(cohort.name, "NAME")
    text = re.sub(r"gradebook: .*", "gradebook: WHERE", text)
    text = re.sub(r"(port=|localhost:)\d+", r"\1N", text)
    text = re.sub(r"\b[0-9a-f]{8,}\b", "ID", text)
    text = re.sub(r"\b\d+(\.\d+)? ?s\b", "N s", text)
    return re.sub(r"[ ─]+\n", "\n", text)


@pytest.fixture(scope="module")
def weeks(cluster, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("two-weeks")
    return {"sqlite": _week(tmp, "ondisk", None), "postgres": _week(tmp, "onpg", cluster("onpg_gradebook")),
            "tmp": tmp}


def test_every_command_says_the_same_on_postgresql_as_on_sqlite(weeks):
    on_disk, on_pg = weeks["sqlite"], weeks["postgres"]
    assert on_pg["cohort"].database.startswith("postgresql+psycopg://")
    assert not (on_pg["cohort"].root / "gradebook.db").exists()
    assert "the PostgreSQL database 'onpg_gradebook'" in on_pg["outputs"]["create"]
    for step in on_disk["outputs"]:
        if step == "list":  # lists both cohorts, each time
            continue
        assert (_same_words(on_pg["outputs"][step], on_pg["cohort"], weeks["tmp"])
                == _same_words(on_disk["outputs"][step], on_disk["cohort"], weeks["tmp"])), step
    report = on_pg["outputs"]["report.csv"]
    assert "t01" in report and "t02" in report and "awaiting review" not in report.split("\n")[1]


def test_the_database_is_made_when_missing_and_reused_after(cluster):
    url = checked_url(cluster("made_here"), "made-here")
    assert ensure_database(url) is True
    assert ensure_database(url) is False
    assert checked_url(cluster(""), "spring-2026").split("?")[0].endswith("/actionlearning_spring-2026")


def _grader(url: str, course: str, ids: list[int], kind: str, start, rounds: int) -> None:
    """One grader in formgrader: each save is a transaction of its own, as each click is."""
    from nbgrader.api import Comment, Grade, Gradebook

    start.wait()
    with Gradebook(url, course) as gb:
        for n in range(rounds):
            for row_id in ids:
                if kind == "grade":
                    gb.db.get(Grade, row_id).manual_score = n % 2
                else:
                    gb.db.get(Comment, row_id).manual_comment = f"round {n}"
                gb.db.commit()


def test_two_graders_saving_at_once_lose_nothing(weeks):
    from nbgrader.api import Gradebook

    cohort = weeks["postgres"]["cohort"]
    with Gradebook(cohort.database, cohort.course_id) as gb:
        notebooks = [nb for s in gb.find_assignment(S).submissions for nb in s.notebooks]
        grades = [g.id for nb in notebooks for g in nb.grades]
        comments = [c.id for nb in notebooks for c in nb.comments]
    assert len(grades) >= 6 and len(comments) >= 6
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(4)
    # two graders marking, two commenting, each half of the rows, all at once
    jobs = [spawn.Process(target=_grader, args=(cohort.database, cohort.course_id, ids, kind, start, ROUNDS))
            for kind, rows in (("grade", grades), ("comment", comments))
            for ids in (rows[::2], rows[1::2])]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join(timeout=300)
    assert [job.exitcode for job in jobs] == [0, 0, 0, 0]
    with Gradebook(cohort.database, cohort.course_id) as gb:
        notebooks = [nb for s in gb.find_assignment(S).submissions for nb in s.notebooks]
        assert {g.manual_score for nb in notebooks for g in nb.grades} == {(ROUNDS - 1) % 2}
        assert {c.manual_comment for nb in notebooks for c in nb.comments} == {f"round {ROUNDS - 1}"}


def test_a_trainees_code_cannot_reach_the_gradebook(weeks, cluster):
    cohort = weeks["postgres"]["cohort"]
    socket_folder = re.search(r"host=([^&]+)", cluster("x")).group(1)
    probe = (f"import glob, socket\nfound = glob.glob({socket_folder + '/.s.PGSQL.*'!r})\n"
             "reach = 'unreached'\nfor path in found:\n"
             "    try:\n        socket.socket(socket.AF_UNIX).connect(path); reach = 'REACHED'\n"
             "    except OSError as exc:\n        reach = type(exc).__name__\n"
             "print('PROBE', len(found), reach)\n")
    assert list(Path(socket_folder).glob(".s.PGSQL.*")), "the cluster's socket is where the probe looks"
    hostile = ts.set_answer(ts.answered(cohort), "answer-kinds", probe + ts.answer_of(cohort, "answer-kinds"))
    tmp = weeks["tmp"]
    ts.submit(cohort, "t04", hostile, work=tmp / "hostile")
    where = ["--home", str(tmp / "home"), "--exchange", str(tmp / "exchange")]
    assert command("collect", cohort.name, S, *where)[0] == 0
    code, text = command("autograde", cohort.name, S, *where)
    assert code == 0, text
    graded = (cohort.root / "autograded" / "t04" / S / NB).read_text("utf-8")
    assert "PROBE 0 unreached" in graded  # the socket is not even there inside the sandbox


def test_a_bad_database_url_is_refused_before_anything_is_made(tmp_path):
    where = ["--home", str(tmp_path / "home"), "--exchange", str(tmp_path / "exchange")]
    base = ["create", "spring", "--roster", str(ts.DATA / "roster-12.csv"), "--meetings", "9",
            "--start", "2026-01-14", *where]
    for url, says in (
        ("postgresql://grader:secret@db.example.org/spring", "~/.pgpass"),
        ("mysql://grader@db.example.org/spring", "not PostgreSQL's"),
        ("postgresql+asyncpg://grader@db.example.org/spring", "psycopg 3"),
        ("not a url at all", "Cannot read the database URL"),
        (f"postgresql://grader@/spring?host={tmp_path}/no-server-here", "Cannot reach PostgreSQL"),
    ):
        code, text = command(*base, "--database", url)
        assert code == 1 and says in text and "secret" not in text, (url, text)
        assert not (tmp_path / "home" / "spring").exists()
    with pytest.raises(CohortError, match="nothing was created"):
        ensure_database(checked_url(f"postgresql://grader@/spring?host={tmp_path}/none", "spring"))
