"""The cohort at a glance: each trainee's status, automatic score and waiting reflection, per session.

Reports can be anonymised: names, emails and ids are replaced with stable codes (the same
trainee always gets the same code in a cohort, and the codes cannot be traced back without the
cohort's secret), rows are ordered by code rather than by roster, and free-text reasons, which
may quote file names, give way to their kind.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import hmac
import io
from dataclasses import dataclass

from actionlearning.cohort import nbgrader_course
from actionlearning.cohort.records import Records
from actionlearning.cohort.status import Row, status_rows
from actionlearning.cohort.store import Cohort

NOT_RELEASED = "not released"


def anonymous_codes(cohort: Cohort, ids: list[str]) -> dict[str, str]:
    """A stable code per trainee, such as ``T-K3Q7M``, from the cohort's secret."""
    for length in range(5, 53):
        codes = {}
        for i in ids:
            digest = hmac.new(cohort.salt.encode(), i.encode(), hashlib.sha256).digest()
            codes[i] = "T-" + base64.b32encode(digest).decode()[:length]
        if len(set(codes.values())) == len(ids):
            return codes
    raise AssertionError("unreachable: SHA-256 codes collided at full length")


@dataclass
class Report:
    cohort: Cohort
    sessions: list[str]  # every exercise in the cohort's programme, in order
    released: list[str]
    rows: dict[str, dict[str, Row | None]]  # trainee id -> session -> row (None: not released)
    labels: dict[str, str]  # trainee id -> what to call them (name, or code when anonymised)
    anonymised: bool = False

    @property
    def order(self) -> list[str]:
        return sorted(self.rows, key=lambda i: self.labels[i]) if self.anonymised else list(self.rows)


def build_report(cohort: Cohort, anonymise: bool = False) -> Report:
    roster = cohort.roster
    sessions = [e.slug for e in cohort.schedule.exercises]
    released = [s for s in sessions if nbgrader_course.release_notebooks(cohort, s)]
    rows: dict[str, dict[str, Row | None]] = {t.id: {s: None for s in sessions} for t in roster}
    if released:
        api = nbgrader_course.open_api(cohort)
        for s in released:
            for row in status_rows(cohort, s, Records(cohort, s), api):
                rows[row.trainee.id][s] = row
    if anonymise:
        labels = anonymous_codes(cohort, [t.id for t in roster])
    else:
        labels = {t.id: f"{t.id} ({t.name})" for t in roster}
    return Report(cohort, sessions, released, rows, labels, anonymise)


def cell_text(row: Row | None) -> str:
    """A compact summary for the text grid and the heatmap: score, or status; L late, R review."""
    if row is None:
        return "-"
    if row.status == "failed":
        return "failed"
    if row.status == "missing":
        return "missing"
    text = row.score_text or "to grade"
    if row.late:
        text += " L"
    if row.review:
        text += " R"
    return text


LEGEND = ("Score = automatic checks only. L: late (after the due date and any extension; recorded, "
          "never penalised). R: a reflection awaits your review. -: not released yet.")


def text_grid(report: Report) -> tuple[list[str], list[list[str]], str]:
    """The grid the report prints: its header, a row per trainee, and the legend."""
    sessions = report.released or report.sessions
    head = ["trainee"] + [s.replace("session-", "s") for s in sessions]
    body = [[report.labels[t]] + [cell_text(report.rows[t][s]) for s in sessions] for t in report.order]
    return head, body, LEGEND


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    """A table as UTF-8 CSV, each cell safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[spreadsheet_safe(c) for c in row] for row in rows])
    return out.getvalue()


CSV_COLUMNS = ["trainee", "first_name", "last_name", "email", "session", "status", "handed_in",
               "score", "max_score", "reflection_awaits_review", "reason", "notes"]
ANONYMOUS_COLUMNS = ["trainee", "session", "status", "handed_in", "score", "max_score",
                     "reflection_awaits_review", "reason", "notes"]


def report_csv(report: Report) -> str:
    """One line per trainee and session, in UTF-8 CSV."""
    out = io.StringIO()
    columns = ANONYMOUS_COLUMNS if report.anonymised else CSV_COLUMNS
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    trainees = {t.id: t for t in report.cohort.roster}
    for tid in report.order:
        t = trainees[tid]
        for s in report.sessions:
            row = report.rows[tid][s]
            record = {"trainee": report.labels[tid] if report.anonymised else tid,
                      "first_name": t.first_name, "last_name": t.last_name, "email": t.email,
                      "session": s}
            if row is None:
                record.update(status=NOT_RELEASED)
            else:
                failure = row.failure
                record.update(
                    status=row.status,
                    handed_in=row.timing,
                    score="" if row.score is None else f"{row.score:g}",
                    max_score="" if row.max_score is None else f"{row.max_score:g}",
                    reflection_awaits_review="yes" if row.review else "no",
                    reason=(failure.kind if report.anonymised else str(failure)) if failure else "",
                    notes="; ".join(p.kind if report.anonymised else str(p) for p in row.notes),
                )
            writer.writerow({k: spreadsheet_safe(v) for k, v in record.items()})
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A cell a spreadsheet will show, not run: text that would start a formula (``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return) gets a leading apostrophe (OWASP's advice on CSV
    injection). Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        try:
            float(value)
            return value
        except ValueError:
            return "'" + value
    return value
