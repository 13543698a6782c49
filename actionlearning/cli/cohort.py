"""``actionlearning cohort``: run a cohort week by week, on nbgrader.

A thin layer over :mod:`actionlearning.cohort`: it parses, calls, and prints. Every command
takes ``--home DIR`` (else $ACTIONLEARNING_HOME) and ``--exchange DIR`` (else
$ACTIONLEARNING_EXCHANGE, else what the cohort was created with). A batch exits 0 when it
completed, even if some trainees' work could not be collected or graded: the table says whose,
why, and what to do.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from actionlearning.cohort.hub import AUTHENTICATORS
from actionlearning.cohort.lms import PLATFORMS
from actionlearning.course.programme import MEETING_COUNTS

SESSION_HELP = "the exercise, session-01 ... session-09"
WIDTH = 100  # the widest a table prints unless --wide


def register(subparsers: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", metavar="DIR",
                        help="the folder holding cohorts (default: $ACTIONLEARNING_HOME, else "
                             "~/.local/share/actionlearning/cohorts)")
    common.add_argument("--exchange", metavar="DIR",
                        help="nbgrader's exchange folder (default: $ACTIONLEARNING_EXCHANGE, else the "
                             "cohort's own, else /usr/local/share/nbgrader/exchange)")
    p = subparsers.add_parser(
        "cohort", help="run a cohort: roster, schedule, release, collect, autograde, feedback, report",
        description="Run a cohort week by week: release each exercise after its meeting, collect "
                    "what comes back, autograde it, review reflections, return feedback.")
    sub = p.add_subparsers(title="cohort commands", metavar="COMMAND")

    c = sub.add_parser("create", parents=[common], help="create a cohort from a roster",
                       description="Create a cohort: its roster, programme variant and schedule.")
    c.add_argument("name", help="the cohort's name: lower-case letters, digits, - and _ (e.g. spring-2026)")
    c.add_argument("--roster", required=True, metavar="FILE.csv", help="CSV with the header id,first_name,last_name,email (and, optionally, username: "
                   "the account a trainee submits from, when it is not their id)")
    c.add_argument("--meetings", required=True, type=int, choices=MEETING_COUNTS, help="the programme variant")
    c.add_argument("--start", required=True, metavar="YYYY-MM-DD", help="the date of the first meeting")
    c.add_argument("--weeks", type=int, help="spread the meetings over this many weeks (default: 20)")
    c.add_argument("--time", default="10:00", metavar="HH:MM", help="when meetings start (default 10:00)")
    c.add_argument("--timezone", default="Europe/London", help="the cohort's time zone (default Europe/London)")
    c.add_argument("--timeout", type=int, default=120, metavar="SECONDS",
                   help="how long one cell may run while autograding (default 120)")
    c.add_argument("--no-owner-check", dest="check_owner", action="store_false",
                   help="collect submissions whoever's account made them: only where every trainee's "
                        "files belong to one account (JupyterHub with containers)")
    c.add_argument("--database", metavar="URL",
                   help="keep the gradebook in PostgreSQL (postgresql://USER@HOST/DATABASE; the database "
                        "is made if missing; a password goes in ~/.pgpass, never the URL) rather than "
                        "the file gradebook.db in the cohort's folder")
    c.set_defaults(func=run_create)

    c = sub.add_parser("list", parents=[common], help="list the cohorts")
    c.set_defaults(func=run_list)

    tables = argparse.ArgumentParser(add_help=False)
    tables.add_argument("--wide", action="store_true",
                        help=f"print tables at full width (by default they fit {WIDTH} columns)")

    c = sub.add_parser("schedule", parents=[common, tables], help="show the meetings, release and due dates")
    c.add_argument("name")
    c.add_argument("--ics", metavar="FILE", help="also write the schedule as an iCalendar file")
    c.add_argument("--csv", metavar="FILE", help="also write the schedule as a CSV file")
    c.set_defaults(func=run_schedule)

    c = sub.add_parser("extend", parents=[common], help="give one trainee more time for an exercise",
                       description="Give one trainee a later due date for one exercise. Work that comes "
                                   "in by then is recorded as within the extension, not late. Lateness "
                                   "is recorded and reported, never penalised.")
    c.add_argument("name")
    c.add_argument("trainee", help="the trainee's id, as in the roster")
    c.add_argument("session", help=SESSION_HELP)
    c.add_argument("--until", metavar="YYYY-MM-DD[THH:MM]",
                   help="the new due date: by 23:59 that day, or at the time given (the cohort's time zone)")
    c.add_argument("--cancel", action="store_true", help="take the extension back")
    c.set_defaults(func=run_extend)

    c = sub.add_parser("release", parents=[common], help="release an exercise to the cohort")
    c.add_argument("name")
    c.add_argument("session", help=SESSION_HELP)
    c.add_argument("--force", action="store_true", help="release again, replacing what was released")
    c.add_argument("--no-exchange", action="store_true",
                   help="only prepare the notebooks to hand out as files (no exchange)")
    c.set_defaults(func=run_release)

    c = sub.add_parser("collect", parents=[common, tables], help="collect submissions")
    c.add_argument("name")
    c.add_argument("session", help=SESSION_HELP)
    c.add_argument("--from", dest="source", metavar="ZIP_OR_FOLDER",
                   help="notebooks returned by email or downloaded from a learning platform, each "
                        "with the trainee's id in its file name (default: the exchange)")
    c.set_defaults(func=run_batch, step="collect")

    c = sub.add_parser("autograde", parents=[common, tables], help="run the automatic checks")
    c.add_argument("name")
    c.add_argument("session", help=SESSION_HELP)
    c.add_argument("--force", action="store_true", help="grade again those already graded")
    c.add_argument("--unsafe-no-sandbox", action="store_true",
                   help="run trainees' code without the grading sandbox, with your own rights "
                        "(only for work you trust, where bubblewrap cannot run)")
    c.set_defaults(func=run_batch, step="autograde")

    c = sub.add_parser("feedback", parents=[common, tables], help="generate and release feedback",
                       description="Generate and release feedback, once every part you mark is graded.")
    c.add_argument("name")
    c.add_argument("session", help=SESSION_HELP)
    c.add_argument("--partial", action="store_true",
                   help="send the feedback that is ready and hold back those still awaiting your review")
    c.set_defaults(func=run_batch, step="feedback")

    c = sub.add_parser("report", parents=[common, tables], help="each trainee's status and scores")
    c.add_argument("name")
    c.add_argument("--csv", metavar="FILE", help="write one line per trainee and session")
    c.add_argument("--png", metavar="FILE", help="write a heatmap picture of the cohort")
    c.add_argument("--anonymise", action="store_true", help="replace names with stable codes")
    c.add_argument("--lms", choices=PLATFORMS, help="write the scores as the named learning platform's "
                   "gradebook imports them (csv: a plain file for any other)")
    c.add_argument("--ids", metavar="FILE.csv", help="for --lms: each trainee's id on the platform, in a "
                   "CSV with the header trainee,platform_id")
    c.add_argument("--out", metavar="FILE", help="for --lms: where to write (default: COHORT-PLATFORM-grades.csv)")
    c.set_defaults(func=run_report)

    c = sub.add_parser("review", parents=[common, tables], help="open formgrader to review reflections",
                       description="List the work waiting for your review, then start JupyterLab on the "
                                   "cohort folder with nbgrader's formgrader open in its own tab, on the "
                                   "first exercise with work waiting. Stop it with Ctrl-C.")
    c.add_argument("name")
    c.add_argument("--port", type=int, help="the port to serve on (default: a free one)")
    c.add_argument("--no-browser", action="store_true", help="do not open a browser")
    c.add_argument("--allow-root", action="store_true",
                   help="start even as root (only where root is the only account, as in a container)")
    c.add_argument("--dry-run", action="store_true", help="print the command and the work waiting, and stop")
    c.set_defaults(func=run_review)

    c = sub.add_parser("hub", parents=[common], help="write a JupyterHub configuration for the cohort",
                       description="Write the cohort's JupyterHub configuration: one machine with real "
                                   "accounts (jupyterhub_config.py), and Zero to JupyterHub's Helm values "
                                   "for more. Trainers grade in formgrader as the grader account; trainees "
                                   "fetch and submit in JupyterLab. Write it again when the roster changes.")
    c.add_argument("name")
    c.add_argument("--trainer", action="append", default=[], metavar="USER", required=True,
                   help="a trainer's account on the hub (again for each co-trainer)")
    c.add_argument("--out", required=True, metavar="DIR", help="the folder to write into (e.g. /etc/jupyterhub)")
    c.add_argument("--grader-account", metavar="USER", default="",
                   help="the account formgrader runs as, owning the cohort's folder (default grader-NAME)")
    c.add_argument("--environment", metavar="DIR", default=sys.prefix,
                   help="the virtual environment made from requirements.txt (default: this one)")
    c.add_argument("--authenticator", choices=AUTHENTICATORS, default="pam",
                   help="pam: the machine's accounts and passwords (default); shared-password: one "
                        "password from $ACTIONLEARNING_HUB_PASSWORD, for a trial")
    c.add_argument("--ip", default="127.0.0.1", help="the address to listen on (default 127.0.0.1, "
                   "behind the organisation's HTTPS front door)")
    c.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    for flag, default, what in (("--hub-port", 8081, "the hub's own API"), ("--proxy-api-port", 8001, "the proxy's API"),
                                ("--service-port", 9999, "formgrader")):
        c.add_argument(flag, type=int, default=default,
                       help=f"the port on 127.0.0.1 for {what} (default {default}; another for a second hub)")
    c.add_argument("--idle-minutes", type=int, default=60,
                   help="stop a server nobody has used for this long (default 60)")
    c.set_defaults(func=run_hub)

    p.set_defaults(func=lambda args: (p.print_help(sys.stderr), 2)[1])


# --- helpers ----------------------------------------------------------------------------------


def _guard(function):
    """Errors as a sentence and exit code 1; an interruption as a reassurance and 130."""
    def wrapped(args):
        from actionlearning.cohort import CohortError

        try:
            return function(args)
        except CohortError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            if function.__name__ == "run_create":  # creating a cohort is all or nothing
                print("\nInterrupted: nothing was created. Run the same command again to create "
                      "the cohort.", file=sys.stderr)
            else:
                print("\nInterrupted. Everything finished so far is kept; run the same command "
                      "again to complete the batch.", file=sys.stderr)
            return 130
    wrapped.__name__ = function.__name__
    return wrapped


def _cohort(args):
    from actionlearning.cohort.store import (
        load_cohort,
        resolve_exchange,
        resolve_home,
        with_exchange,
    )

    return with_exchange(load_cohort(resolve_home(args.home), args.name), resolve_exchange(args.exchange))


def _when(moment: datetime) -> str:
    return moment.strftime("%a %d %b %Y %H:%M")


def _console(wide: bool = False):
    """Where tables and progress go: the terminal's width, at most WIDTH columns unless ``wide``.
    Text is printed as given: nothing in it (a file name, a reason) is read as markup."""
    from rich.console import Console

    console = Console(markup=False, emoji=False, highlight=False)
    # a terminal narrower than WIDTH keeps its own width; output to a file or a pipe gets WIDTH
    console.width = 10_000 if wide else min(console.width if console.is_terminal else WIDTH, WIDTH)
    return console


def _table(header: list[str], rows: list[list[str]], wide: bool = False) -> None:
    """Print a table that fits the terminal (and WIDTH), wrapping long cells within their column."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for name in header:
        table.add_column(name, no_wrap=wide)
    for row in rows:
        table.add_row(*row)
    _console(wide).print(table)


def _wrap(text: str, indent: str = "    ") -> str:
    return textwrap.fill(text, width=WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)  # paths stay whole


# --- commands ---------------------------------------------------------------------------------


@_guard
def run_create(args) -> int:
    from actionlearning.cohort.create import create_cohort
    from actionlearning.cohort.gradebook_db import describe_gradebook
    from actionlearning.cohort.schedule import parse_date, parse_time
    from actionlearning.cohort.store import resolve_exchange, resolve_home

    cohort = create_cohort(
        resolve_home(args.home), args.name, Path(args.roster), args.meetings, parse_date(args.start),
        weeks=args.weeks, at=parse_time(args.time), tz=args.timezone,
        exchange=resolve_exchange(args.exchange), timeout=args.timeout, check_owner=args.check_owner,
        database=args.database)
    print(f"Created the cohort {cohort.name!r} with {len(cohort.roster)} trainees, "
          f"{cohort.meetings} meetings from {cohort.start:%d %B %Y}.")
    print(f"  its folder (private to you): {cohort.root}")
    print(f"  exchange: {cohort.exchange} (course id {cohort.course_id})")
    print(f"  gradebook: {describe_gradebook(cohort)}")
    print(f"Next: `actionlearning cohort schedule {cohort.name}`, then "
          f"`actionlearning cohort release {cohort.name} session-01` after the first meeting.")
    return 0


@_guard
def run_list(args) -> int:
    from actionlearning.cohort.nbgrader_course import release_notebooks
    from actionlearning.cohort.store import list_cohorts, resolve_home

    home = resolve_home(args.home)
    cohorts = list_cohorts(home)
    if not cohorts:
        print(f"No cohorts in {home} yet; create one with `actionlearning cohort create`.")
        return 0
    rows = []
    for c in cohorts:
        released = [e.slug for e in c.schedule.exercises if release_notebooks(c, e.slug)]
        rows.append([c.name, str(c.meetings), f"{c.start:%Y-%m-%d}", str(len(c.roster)),
                     ", ".join(s.replace("session-", "") for s in released) or "none"])
    _table(["cohort", "meetings", "start", "trainees", "released"], rows)
    print(f"\n(in {home})")
    return 0


@_guard
def run_schedule(args) -> int:
    from actionlearning.cohort.ical import to_ics

    cohort = _cohort(args)
    schedule = cohort.schedule
    rows = []
    for e in schedule.exercises:
        m = e.meeting
        rows.append([str(m.number), f"{m.week}", _when(m.start), e.slug, e.session.title,
                     _when(e.release), _when(e.due)])
    header = ["meeting", "week", "meets", "exercise", "session", "released", "due"]
    print(f"Cohort {cohort.name}: {cohort.meetings} meetings, times in {cohort.timezone}")
    _table(header, rows, args.wide)
    if args.csv:
        from actionlearning.cohort.report import csv_text

        Path(args.csv).write_text(csv_text(header, rows), encoding="utf-8")
        print(f"\nWrote {args.csv}.")
    if args.ics:
        path = Path(args.ics)
        path.write_bytes(to_ics(cohort.name, schedule, cohort.created).encode("utf-8"))
        print(f"\nWrote the calendar {path}: import it into Outlook, Google or Apple Calendar.")
    return 0


@_guard
def run_release(args) -> int:
    from actionlearning.cohort.release import release

    cohort = _cohort(args)
    done = release(cohort, args.session, force=args.force, exchange=not args.no_exchange)
    if done.already:
        print(f"{args.session} was already released to {cohort.name}"
              + (f" (in {done.exchange})" if done.exchange else "") + "; nothing changed. "
              "Use --force to release it again.")
    else:
        print(f"Released {args.session} to {cohort.name}; due {_when(done.due)} ({cohort.timezone}).")
    for f in done.files:
        print(f"  to hand out as a file: {f}")
    if done.exchange and not done.already:
        print(f"  in the exchange: {done.exchange}; trainees fetch it in JupyterLab's Assignments "
              f"tab, or with `nbgrader fetch_assignment {args.session} --course {cohort.course_id}`")
    if done.exchange_error:
        print(f"error: {done.exchange_error}", file=sys.stderr)
        return 1
    return 0


@contextmanager
def _progress(wide: bool = False):
    """A progress bar on a terminal (none when the output is a file), and one line per trainee as
    each is done; yields the callback the batch calls."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = _console(wide)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("trainees", total=None)

        def done(i: int, n: int, row) -> None:
            bar.update(task, completed=i, total=n)
            score = f"  {row.score_text}" if row.score_text else ""
            bar.console.print(f"[{i:>{len(str(n))}}/{n}] {row.trainee.id:<14} {row.result:<30} "
                              f"{row.status}{score}")

        yield done


def print_batch(batch, wide: bool = False) -> None:
    """The table that ends every batch, then the reasons and notes, then unmatched files."""
    rows = [[r.trainee.id, r.trainee.name, r.status, r.timing or "-", r.score_text or "-", r.result]
            for r in batch.rows]
    print()
    _table(["trainee", "name", "status", "handed in", "score", batch.step], rows, wide)
    details = [r for r in batch.rows if r.failure or r.notes]
    if details:
        print("\nWhy, and what to do:")
        for r in details:
            print(f"  {r.trainee.id} ({r.trainee.name}):")
            if r.failure:
                print(_wrap(f"FAILED: {r.failure.what}. What to do: {r.failure.todo}."))
            for p in r.notes:
                print(_wrap(f"note: {p.what}." + (f" What to do: {p.todo}." if p.todo else "")))
    if batch.unmatched:
        print("\nNot collected (nobody on the roster):")
        for p in batch.unmatched:
            print(_wrap(f"{p.what}. What to do: {p.todo}."))
    counts = {}
    for r in batch.rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    print(f"\n{batch.session}: {summary}.")
    for message in batch.messages:
        print(_wrap(message, indent=""))


@_guard
def run_batch(args) -> int:
    from actionlearning.cohort.autograde import autograde
    from actionlearning.cohort.collect import collect
    from actionlearning.cohort.feedback import feedback

    cohort = _cohort(args)
    if args.step == "collect":
        source = Path(args.source) if args.source else None
        from actionlearning.cohort.untrusted import printable

        where = f"from {printable(str(source))}" if source else f"from the exchange {cohort.exchange}"
        print(f"Collecting {args.session} for {cohort.name} {where}...", flush=True)
        with _progress(args.wide) as progress:
            batch = collect(cohort, args.session, source=source, progress=progress)
    elif args.step == "autograde":
        print(f"Autograding {args.session} for {cohort.name} (a cell may run for up to "
              f"{cohort.timeout} s)...", flush=True)
        with _progress(args.wide) as progress:
            batch = autograde(cohort, args.session, force=args.force, unsafe=args.unsafe_no_sandbox,
                              progress=progress)
    else:
        print(f"Generating and releasing feedback on {args.session} for {cohort.name}...", flush=True)
        with _progress(args.wide) as progress:
            batch = feedback(cohort, args.session, partial=args.partial, progress=progress)
    print_batch(batch, args.wide)
    return 0


@_guard
def run_extend(args) -> int:
    from actionlearning.cohort.extensions import LATE_POLICY, cancel_extension, grant_extension, parse_until

    cohort = _cohort(args)
    if args.cancel == bool(args.until):
        print("error: give either --until DATE (the new due date) or --cancel.", file=sys.stderr)
        return 2
    if args.cancel:
        if cancel_extension(cohort, args.trainee, args.session):
            print(f"Took back {args.trainee}'s extension for {args.session}; it is due "
                  f"{_when(cohort.schedule.exercise(args.session).due)} again.")
        else:
            print(f"{args.trainee} had no extension for {args.session}; nothing changed.")
        return 0
    until = parse_until(args.until, cohort)
    due = grant_extension(cohort, args.trainee, args.session, until)
    print(f"{args.trainee} has until {_when(until)} ({cohort.timezone}) for {args.session}, "
          f"due {_when(due)} for everyone else.")
    print(f"Work that comes in by then shows as within the extension. Lateness is {LATE_POLICY}.")
    return 0


@_guard
def run_report(args) -> int:
    from actionlearning.cohort.heatmap import write_heatmap
    from actionlearning.cohort.report import build_report, report_csv, text_grid
    from actionlearning.cohort.store import write_private

    cohort = _cohort(args)
    report = build_report(cohort, anonymise=args.anonymise)
    print(f"Cohort {cohort.name}" + (" (anonymised)" if args.anonymise else ""))
    header, rows, legend = text_grid(report)
    _table(header, rows, args.wide)
    print(_wrap(legend, indent=""))
    if args.lms:
        from actionlearning.cohort.lms import lms_export, read_id_map

        ids = read_id_map(Path(args.ids), cohort.roster) if args.ids else {}
        path = Path(args.out or f"{cohort.name}-{args.lms}-grades.csv")
        write_private(path, lms_export(report, args.lms, ids))
        print(f"Wrote {path} for {args.lms} (readable by you only).")
    if args.csv:
        write_private(Path(args.csv), report_csv(report))
        print(f"Wrote {args.csv} (readable by you only).")
    if args.png:
        path = write_heatmap(report, Path(args.png))
        os.chmod(path, 0o600)
        print(f"Wrote {args.png} (readable by you only).")
    return 0


@_guard
def run_review(args) -> int:
    from actionlearning.cohort.review import free_port, review_command, review_environment, waiting

    cohort = _cohort(args)
    work = waiting(cohort)
    port = args.port or free_port()
    command = review_command(cohort, port=port, browser=not args.no_browser, work=work,
                             allow_root=args.allow_root)
    base = f"http://localhost:{port}"
    if args.dry_run:
        print(f"cd {cohort.root} && JUPYTER_PATH={review_environment()['JUPYTER_PATH']} " + " ".join(command))
    if work:
        print(f"Waiting for your review: {len(work)} submission{'s' if len(work) > 1 else ''}, "
              "each a click away once formgrader is open:")
        _table(["exercise", "trainee", "open it"],
               [[w.session, w.trainee, w.url(base)] for w in work], args.wide)
    else:
        print("Nothing is waiting for your review.")
    if args.dry_run:
        return 0
    if os.geteuid() == 0 and not args.allow_root:
        print("error: JupyterLab will not start as root, and formgrader should not run with root's "
              "rights. What to do: run this command as your own (non-root) user; only on a machine "
              "where root is the only account (a container), add --allow-root.", file=sys.stderr)
        return 1
    print(f"Starting JupyterLab on {cohort.root} with formgrader open at {base}; stop it with Ctrl-C.",
          flush=True)
    code = subprocess.call(command, cwd=cohort.root, env=review_environment())
    if code not in (0, 130, -2):
        print(f"error: JupyterLab stopped with exit code {code} (its own message is above). What to "
              f"do: if port {port} is taken, choose another with --port; if Jupyter is missing, "
              "install the workbook's requirements (make book, or pip install -r requirements.txt).",
              file=sys.stderr)
        return 1
    return 0


@_guard
def run_hub(args) -> int:
    from actionlearning.cohort.hub import HubPlan, folder_owner_problem, write_hub
    from actionlearning.cohort.store import load_cohort, resolve_home, with_exchange

    cohort = with_exchange(load_cohort(resolve_home(args.home), args.name), args.exchange)
    plan = HubPlan(cohort=cohort, trainers=tuple(args.trainer), out=Path(args.out),
                   grader=args.grader_account, environment=Path(args.environment),
                   authenticator=args.authenticator, ip=args.ip, port=args.port, hub_port=args.hub_port,
                   proxy_api_port=args.proxy_api_port, service_port=args.service_port,
                   idle_minutes=args.idle_minutes)
    written = write_hub(plan)
    print(f"Wrote the hub for {cohort.name!r} ({len(plan.trainees)} trainees; trainers "
          f"{', '.join(plan.trainers)}; formgrader as {plan.grader_account}) into {plan.out}:")
    for path in written:
        print(f"  {path.relative_to(plan.out)}")
    warning = folder_owner_problem(plan)
    if warning:
        print(f"Before starting it: {warning}")
    print(f"One machine: as root, `jupyterhub -f {plan.out / 'jupyterhub_config.py'}`; each trainee and "
          "trainer needs an account of their own on it. More than one machine: kubernetes/values.yaml.")
    return 0
