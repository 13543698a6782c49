"""`actionlearning cohort`: a thin layer; these check it parses, prints and exits as documented."""

from __future__ import annotations

import argparse
import stat
from datetime import date, timedelta

import pytest

from actionlearning.cli import cohort as cohort_cli
from tests import cohort_support as ts

pytestmark = pytest.mark.pipeline


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="actionlearning")
    cohort_cli.register(parser.add_subparsers())
    args = parser.parse_args(["cohort", *argv])
    return args.func(args)


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTIONLEARNING_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ACTIONLEARNING_EXCHANGE", str(tmp_path / "exchange"))
    return tmp_path


def test_a_bad_roster_is_reported_line_by_line(env, capsys):
    assert run("create", "spring", "--roster", str(ts.DATA / "rosters" / "invalid-ids.csv"),
               "--meetings", "9", "--start", "2026-01-14") == 1
    err = capsys.readouterr().err
    assert "invalid-ids.csv, line 2:" in err and "invalid-ids.csv, line 5:" in err
    assert "nothing was created" in err
    assert not (env / "home" / "spring").exists()


def test_create_list_schedule_release_report_review(env, capsys):
    start = (date.today() - timedelta(days=3)).isoformat()
    assert run("create", "spring", "--roster", str(ts.DATA / "roster-12.csv"), "--meetings", "6",
               "--start", start, "--timezone", "Europe/Dublin") == 0
    assert "12 trainees, 6 meetings" in capsys.readouterr().out

    assert run("list") == 0
    out = capsys.readouterr().out
    assert "spring" in out and "none" in out

    ics = env / "spring.ics"
    assert run("schedule", "spring", "--ics", str(ics)) == 0
    out = capsys.readouterr().out
    assert "Europe/Dublin" in out and "session-09" in out and "Contracting" in out
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")

    assert run("release", "spring", "session-01") == 0
    out = capsys.readouterr().out
    assert "Released session-01" in out and "nbgrader fetch_assignment session-01 --course spring" in out
    assert run("release", "spring", "session-01") == 0
    assert "already released" in capsys.readouterr().out

    assert run("collect", "spring", "session-01") == 0
    out = capsys.readouterr().out
    assert "[12/12] t12" in out and "session-01: 12 missing." in out

    csv_file, png = env / "report.csv", env / "report.png"
    args = ["report", "spring", "--csv", str(csv_file), "--anonymise"]
    if __import__("importlib.util").util.find_spec("matplotlib"):
        args += ["--png", str(png)]
    assert run(*args) == 0
    out = capsys.readouterr().out
    assert "anonymised" in out and "O'Brien" not in out and "T-" in out
    assert stat.S_IMODE(csv_file.stat().st_mode) == 0o600
    assert "Aoife" not in csv_file.read_text("utf-8")

    assert run("review", "spring", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "jupyter lab" in out.replace("/jupyter lab", " jupyter lab") and "/formgrader" in out


def _widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def test_tables_fit_a_hundred_columns_unless_asked_wide_and_write_csv(env, capsys):
    assert run("create", "spring", "--roster", str(ts.DATA / "roster-12.csv"), "--meetings", "9",
               "--start", "2026-01-14") == 0
    capsys.readouterr()
    schedule_csv = env / "schedule.csv"
    assert run("schedule", "spring", "--csv", str(schedule_csv)) == 0
    narrow = capsys.readouterr().out
    assert _widest(narrow) <= cohort_cli.WIDTH and "Questioning II" in narrow
    assert run("schedule", "spring", "--wide") == 0
    wide = capsys.readouterr().out
    assert _widest(wide) > cohort_cli.WIDTH  # the session titles on one line each
    assert "Questioning II: advice in disguise, leading questions, rescuing, silence" in wide
    rows = schedule_csv.read_text("utf-8").splitlines()
    assert rows[0] == "meeting,week,meets,exercise,session,released,due" and len(rows) == 10

    assert run("release", "spring", "session-01") == 0
    capsys.readouterr()
    assert run("collect", "spring", "session-01") == 0
    out = capsys.readouterr().out
    table = out[out.index("trainee "):out.index("session-01: 12 missing.")]
    assert _widest(table) <= cohort_cli.WIDTH and "handed in" in table


def test_extend_gives_one_trainee_more_time_and_takes_it_back(env, capsys):
    assert run("create", "spring", "--roster", str(ts.DATA / "roster-12.csv"), "--meetings", "9",
               "--start", "2026-01-14") == 0
    capsys.readouterr()
    assert run("extend", "spring", "t03", "session-01", "--until", "2026-02-20") == 0
    out = capsys.readouterr().out
    assert "t03 has until Fri 20 Feb 2026 23:59" in out and "never penalised" in out
    assert run("extend", "spring", "t03", "session-01", "--cancel") == 0
    assert "Took back t03's extension" in capsys.readouterr().out
    assert run("extend", "spring", "t03", "session-01", "--cancel") == 0
    assert "had no extension" in capsys.readouterr().out
    assert run("extend", "spring", "t99", "session-01", "--until", "2026-02-20") == 1
    assert "not on spring's roster" in capsys.readouterr().err
    assert run("extend", "spring", "t03", "session-01") == 2
    assert "either --until" in capsys.readouterr().err


def test_report_writes_a_learning_platforms_file(env, capsys):
    from actionlearning.cohort import lms

    assert cohort_cli.PLATFORMS == lms.PLATFORMS
    assert run("create", "spring", "--roster", str(ts.DATA / "roster-12.csv"), "--meetings", "9",
               "--start", "2026-01-14") == 0
    assert run("release", "spring", "session-01") == 0
    capsys.readouterr()
    out = env / "moodle.csv"
    assert run("report", "spring", "--lms", "moodle", "--out", str(out)) == 0
    assert f"Wrote {out} for moodle" in capsys.readouterr().out
    assert out.read_text("utf-8").splitlines()[0].startswith("Email address,First name,Last name,Session 1")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert run("report", "spring", "--lms", "canvas", "--out", str(env / "canvas.csv")) == 1
    assert "Canvas user ID" in capsys.readouterr().err  # without ids, no file Canvas would reject
    assert not (env / "canvas.csv").exists()


def test_errors_say_what_to_do(env, capsys):
    assert run("schedule", "nowhere") == 1
    assert "No cohort named 'nowhere'" in capsys.readouterr().err
    assert run("create", "spring", "--roster", str(ts.DATA / "roster-12.csv"), "--meetings", "9",
               "--start", "14/01/2026") == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert run("create", "spring", "--roster", str(ts.DATA / "roster-12.csv"), "--meetings", "9",
               "--start", "2026-01-14") == 0
    capsys.readouterr()
    assert run("autograde", "spring", "session-01") == 1
    assert "has not been released" in capsys.readouterr().err
    assert run("collect", "spring", "session-01", "--from", str(env / "nothing.zip")) == 1


def test_meetings_must_be_three_six_or_nine(env, capsys):
    with pytest.raises(SystemExit):
        run("create", "spring", "--roster", "x.csv", "--meetings", "5", "--start", "2026-01-14")
    assert "invalid choice" in capsys.readouterr().err


def test_the_group_prints_its_help(capsys):
    assert run() == 2
    assert "release" in capsys.readouterr().err


def test_the_group_plugs_into_the_actionlearning_command(env, capsys, monkeypatch):
    from actionlearning import cli

    if "actionlearning.cli.cohort" not in cli.COMMAND_GROUPS:
        monkeypatch.setattr(cli, "COMMAND_GROUPS", (*cli.COMMAND_GROUPS, "actionlearning.cli.cohort"))
    assert cli.main(["cohort", "list"]) == 0
    assert "No cohorts" in capsys.readouterr().out


def test_feedback_waits_for_review_and_partial_sends_what_is_ready(env, capsys):
    from actionlearning.cohort.store import load_cohort

    start = (date.today() - timedelta(days=3)).isoformat()
    assert run("create", "spring", "--roster", str(ts.DATA / "roster-12.csv"), "--meetings", "9",
               "--start", start, "--no-owner-check") == 0  # the test's one account submits for all
    assert run("release", "spring", "session-01") == 0
    cohort = load_cohort(env / "home", "spring")
    ts.submit(cohort, "t01", ts.answered(cohort), work=env / "work")
    assert run("collect", "spring", "session-01") == 0
    assert run("autograde", "spring", "session-01") == 0
    capsys.readouterr()
    assert run("feedback", "spring", "session-01") == 1
    err = capsys.readouterr().err
    assert "waiting for your review (t01)" in err and "no feedback was sent" in err and "--partial" in err
    assert run("feedback", "spring", "session-01", "--partial") == 0
    out = capsys.readouterr().out
    assert "held back: awaiting your review" in out and "Held back for your review: t01" in out

    # review opens formgrader where the work is, and lists each piece waiting, a click away
    assert run("review", "spring", "--dry-run", "--port", "8765") == 0
    out = capsys.readouterr().out
    assert "--LabApp.default_url=/formgrader/gradebook/session-01/why-action-learning" in out
    assert "Waiting for your review: 1 submission" in out
    assert "http://localhost:8765/formgrader/submissions/" in out and "t01" in out
    assert "JUPYTER_PATH=" in out and "cohort/templates" in out


def test_review_refuses_to_start_as_root_with_its_own_message(env, capsys, monkeypatch):
    assert run("create", "spring", "--roster", str(ts.DATA / "roster-12.csv"), "--meetings", "9",
               "--start", "2026-01-14") == 0
    capsys.readouterr()
    monkeypatch.setattr(cohort_cli.os, "geteuid", lambda: 0)
    monkeypatch.setattr(cohort_cli.subprocess, "call", lambda *a, **k: pytest.fail("Jupyter was started"))
    assert run("review", "spring", "--no-browser") == 1
    err = capsys.readouterr().err
    assert "will not start as root" in err and "What to do" in err and "--allow-root" in err


def test_formgrader_takes_mathjax_from_the_trainers_own_server(tmp_path):
    """formgrader's page template, rendered as formgrader renders it, with review's JUPYTER_PATH:
    MathJax comes from jupyter-server-mathjax on the trainer's server, not a CDN."""
    import subprocess
    import sys

    from actionlearning.cohort.review import review_environment

    code = (
        "import nbformat\n"
        "from traitlets.config import Config\n"
        "from nbconvert.exporters import HTMLExporter\n"
        "from nbgrader.server_extensions.formgrader import handlers\n"
        "c = Config()\n"
        "c.HTMLExporter.template_name = 'formgrade'\n"
        "c.HTMLExporter.extra_template_basedirs = [handlers.template_path]\n"
        "nb = nbformat.v4.new_notebook()\n"
        "resources = {'base_url': '', 'index': 0, 'total': 1, 'assignment_id': 'session-01',\n"
        "             'notebook_id': 'x', 'notebook_path': 'x', 'student': 't01', 'submission_id': 'x',\n"
        "             'first_name': 'A', 'last_name': 'B'}\n"
        "html, _ = HTMLExporter(config=c).from_notebook_node(nb, resources=resources)\n"
        "print(html)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=review_environment(),
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "/static/jupyter_server_mathjax/MathJax.js" in done.stdout
    assert "cdnjs" not in done.stdout and "https://" not in done.stdout.split("<body")[0]


def test_ctrl_c_during_create_says_nothing_was_created(env, capsys, monkeypatch):
    import actionlearning.cohort.create as create

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(create, "create_cohort", interrupted)
    assert run("create", "spring", "--roster", str(ts.DATA / "roster-12.csv"), "--meetings", "9",
               "--start", "2026-01-14") == 130
    err = capsys.readouterr().err
    assert "nothing was created" in err and "Everything finished so far is kept" not in err
