"""Grades for a learning platform: Moodle's and Canvas's gradebook imports, and a plain CSV.

Built from hand-made reports, so nbgrader is not needed."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest

from actionlearning.cohort.lms import PLATFORMS, IdMapError, lms_export, read_id_map, session_title
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.report import Report
from actionlearning.cohort.roster import Trainee
from actionlearning.cohort.status import Row

ZOE = Trainee("t01", "Zoë", "Durand", "zoe@example.org")
SIAN = Trainee("t02", "Siân", "Evans", "sian@example.org")
EVE = Trainee("t03", "=HYPERLINK(\"http://evil\")", "+Smith", "eve@example.org")
ROSTER = [ZOE, SIAN, EVE]
SESSIONS = ["session-01", "session-02", "session-03"]
CANVAS_IDS = {"t01": "101", "t02": "102", "t03": "103"}


def make_report(roster=ROSTER, released=2, anonymised=False) -> Report:
    """Session 1 and 2 released (session 3 not): scores, a late one, a missing one, a failure,
    and a submission not graded yet."""
    zoe, sian, eve = roster[:3]
    graded = {
        ("t01", "session-01"): Row(zoe, "autograded", score=8, max_score=10),
        ("t01", "session-02"): Row(zoe, "autograded", late=True, score=7.5, max_score=10),
        ("t02", "session-01"): Row(sian, "missing"),
        ("t02", "session-02"): Row(sian, "awaiting review", score=9, max_score=10, review=True),
        ("t03", "session-01"): Row(eve, "failed", reason="the notebook is not valid JSON"),
        ("t03", "session-02"): Row(eve, "submitted"),  # collected, not autograded yet
    }
    released_sessions = SESSIONS[:released]
    rows = {t.id: {s: graded.get((t.id, s)) if s in released_sessions else None for s in SESSIONS}
            for t in roster}
    labels = ({t.id: f"T-CODE{i}" for i, t in enumerate(roster)} if anonymised
              else {t.id: f"{t.id} ({t.name})" for t in roster})
    return Report(SimpleNamespace(roster=list(roster)), SESSIONS, released_sessions, rows, labels,
                  anonymised)


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def write(tmp_path, text: str, name: str = "ids.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --- Moodle ------------------------------------------------------------------------------------


def test_moodle_by_email_one_line_per_trainee_and_a_grade_item_per_released_session():
    assert parse(lms_export(make_report(), "moodle", {})) == [
        ["Email address", "First name", "Last name", "Session 1 exercise", "Session 2 exercise"],
        ["zoe@example.org", "Zoë", "Durand", "8", "7.5"],
        ["sian@example.org", "Siân", "Evans", "-", "9"],
        ["eve@example.org", "'=HYPERLINK(\"http://evil\")", "'+Smith", "-", "-"],
    ]


def test_moodle_by_id_number_when_an_id_map_is_given():
    ids = {"t01": "S1001", "t02": "S1002", "t03": "-S1003"}
    rows = parse(lms_export(make_report(), "moodle", ids))
    assert rows[0][:3] == ["ID number", "First name", "Last name"]
    assert [r[0] for r in rows[1:]] == ["S1001", "S1002", "'-S1003"]  # a formula-like id is neutralised


def test_moodle_refuses_a_partial_id_map_naming_whose_id_numbers_are_missing():
    with pytest.raises(CohortError) as caught:
        lms_export(make_report(), "moodle", {"t01": "S1001"})
    message = str(caught.value)
    assert "t02 (Siân Evans)" in message and "t03" in message and "t01" not in message
    assert "without it to match everyone by email" in message


def test_moodle_without_an_id_map_needs_every_email():
    no_email = Trainee("t02", "Siân", "Evans")
    with pytest.raises(CohortError, match=r"t02 \(Siân Evans\) have no email in the roster"):
        lms_export(make_report([ZOE, no_email, EVE]), "moodle", {})


# --- Canvas ------------------------------------------------------------------------------------


def test_canvas_its_published_header_points_possible_row_and_canvas_user_ids():
    assert parse(lms_export(make_report(), "canvas", CANVAS_IDS)) == [
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Session 1 exercise",
         "Session 2 exercise"],
        ["    Points Possible", "", "", "", "", "10", "10"],
        ["Durand, Zoë", "101", "", "", "", "8", "7.5"],
        ["Evans, Siân", "102", "", "", "", "", "9"],
        ["'+Smith, =HYPERLINK(\"http://evil\")", "103", "", "", "", "", ""],
    ]


def test_canvas_points_possible_is_blank_until_anyone_is_graded():
    report = make_report()
    for per in report.rows.values():
        per["session-02"] = Row(per["session-02"].trainee, "missing")
    assert parse(lms_export(report, "canvas", CANVAS_IDS))[1][5:] == ["10", ""]


@pytest.mark.parametrize("ids, named", [({}, ["t01", "t02", "t03"]), ({"t02": "102"}, ["t01", "t03"])])
def test_canvas_refuses_without_canvas_user_ids_naming_who(ids, named):
    with pytest.raises(CohortError) as caught:
        lms_export(make_report(), "canvas", ids)
    message = str(caught.value)
    assert message.startswith("Canvas cannot import grades without each student's Canvas user ID")
    assert [t.id for t in ROSTER if f"{t.id} (" in message] == named
    assert "Grades > Export" in message


def test_canvas_user_ids_must_be_numbers():
    with pytest.raises(CohortError, match=r"'zoe' for t01\. Use the ID column"):
        lms_export(make_report(), "canvas", {**CANVAS_IDS, "t01": "zoe"})


# --- plain CSV ---------------------------------------------------------------------------------


def test_plain_csv_one_line_per_trainee_and_session_blank_when_there_is_no_score():
    rows = parse(lms_export(make_report(), "csv", {"t01": "u-1"}))
    assert rows[0] == ["trainee", "platform_id", "session", "score", "max_score", "status", "late"]
    assert rows[1:4] == [
        ["t01", "u-1", "session-01", "8", "10", "autograded", "no"],
        ["t01", "u-1", "session-02", "7.5", "10", "autograded", "yes"],
        ["t01", "u-1", "session-03", "", "", "not released", ""],
    ]
    assert rows[4:7] == [
        ["t02", "", "session-01", "", "", "missing", "no"],
        ["t02", "", "session-02", "9", "10", "awaiting review", "no"],
        ["t02", "", "session-03", "", "", "not released", ""],
    ]
    assert rows[7][:6] == ["t03", "", "session-01", "", "", "failed"] and len(rows) == 10


def test_plain_csv_works_before_anything_is_released_but_the_platforms_do_not():
    report = make_report(released=0)
    assert {r[5] for r in parse(lms_export(report, "csv"))[1:]} == {"not released"}
    for platform in ("moodle", "canvas"):
        with pytest.raises(CohortError, match="No session has been released"):
            lms_export(report, platform, CANVAS_IDS)


# --- every platform ----------------------------------------------------------------------------


@pytest.mark.parametrize("platform", PLATFORMS)
def test_an_anonymised_report_is_refused(platform):
    with pytest.raises(CohortError, match=f"An anonymised report cannot be exported to {platform}"):
        lms_export(make_report(anonymised=True), platform, CANVAS_IDS)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_non_ascii_names_survive_in_utf8(platform, tmp_path):
    text = lms_export(make_report(), platform, CANVAS_IDS)
    path = write(tmp_path, text, "grades.csv")
    back = path.read_bytes().decode("utf-8")
    if platform != "csv":  # the plain CSV carries ids, not names
        assert "Zoë" in back and "Siân" in back


def test_formula_like_cells_never_start_a_formula():
    for platform in PLATFORMS:
        for row in parse(lms_export(make_report(), platform, CANVAS_IDS)):
            for cell in row:
                assert not cell.startswith(("=", "+", "@")), (platform, cell)
                assert not cell.startswith("-") or cell == "-", (platform, cell)


def test_unknown_platform_and_strangers_in_the_id_map_are_refused():
    with pytest.raises(CohortError, match="choose one of moodle, canvas, csv"):
        lms_export(make_report(), "blackboard", {})
    with pytest.raises(CohortError, match="names t99, who are not in this cohort"):
        lms_export(make_report(), "csv", {"t99": "x"})


def test_session_titles():
    assert [session_title(s) for s in ("session-01", "session-09", "intro")] == [
        "Session 1 exercise", "Session 9 exercise", "intro"]


# --- the id map --------------------------------------------------------------------------------


def test_id_map_from_a_spreadsheets_utf8_export_with_bom_crlf_and_blank_lines(tmp_path):
    path = write(tmp_path, "\ufefftrainee,platform_id,note\r\nt01,101,Zoë\r\n\r\n t02 , 102 ,\r\n")
    assert read_id_map(path, ROSTER) == {"t01": "101", "t02": "102"}


def _problems(tmp_path, text: str, roster=ROSTER, encoding="utf-8") -> tuple[str, list]:
    with pytest.raises(IdMapError) as caught:
        read_id_map(write(tmp_path, text, encoding=encoding), roster)
    message = str(caught.value)
    assert str(tmp_path / "ids.csv") in message and "run the command again" in message
    return message, caught.value.problems


def test_id_map_missing_header(tmp_path):
    message, problems = _problems(tmp_path, "t01,101\nt02,102\n")
    assert problems == [(1, "the first line must be the header trainee,platform_id "
                            "(found: t01,101)")]
    assert "ids.csv, line 1:" in message


def test_id_map_empty_file(tmp_path):
    _, problems = _problems(tmp_path, "")
    assert problems[0][0] == 1 and "(found: nothing)" in problems[0][1]


def test_id_map_blank_ids(tmp_path):
    message, problems = _problems(tmp_path, "trainee,platform_id\nt01,\n,102\n")
    assert problems == [
        (2, "the platform_id of 't01' is blank: fill it in, or delete the line"),
        (3, "the trainee id is blank: give the trainee's id from the roster"),
    ]
    assert "ids.csv, line 2:" in message and "ids.csv, line 3:" in message


def test_id_map_duplicate_trainee_and_platform_ids(tmp_path):
    _, problems = _problems(tmp_path, "trainee,platform_id\nt01,101\nt02,101\nt01,103\n")
    assert problems == [
        (3, "the platform_id '101' is already given to 't01' on line 2: each trainee needs their own"),
        (4, "'t01' is already mapped on line 2: keep one line each"),
    ]


def test_id_map_roster_id_not_in_the_cohort(tmp_path):
    message, problems = _problems(tmp_path, "trainee,platform_id\nt01,101\nT02,102\n")
    assert problems == [(3, "'T02' is not a trainee of this cohort: use the id from the cohort's roster")]
    assert "ids.csv, line 3:" in message


def test_id_map_not_utf8(tmp_path):
    _, problems = _problems(tmp_path, "trainee,platform_id\nt01,Zoë\n", encoding="cp1252")
    assert problems == [(2, "not UTF-8 text; save the file as 'CSV UTF-8'")]


def test_id_map_unreadable_file(tmp_path):
    with pytest.raises(CohortError, match="Cannot read the id map"):
        read_id_map(tmp_path / "absent.csv")


def test_id_map_feeds_the_export(tmp_path):
    ids = read_id_map(write(tmp_path, "trainee,platform_id\nt01,101\nt02,102\nt03,103\n"), ROSTER)
    assert [r[1] for r in parse(lms_export(make_report(), "canvas", ids))[2:]] == ["101", "102", "103"]
