"""Rosters: every problem reported with its line, all at once, and nothing created."""

from __future__ import annotations

from datetime import date

import pytest

from actionlearning.cohort.create import create_cohort
from actionlearning.cohort.roster import RosterError, is_valid_id, parse_roster, read_roster
from tests.cohort_support import DATA

ROSTERS = DATA / "rosters"


def test_twelve_trainees_with_apostrophes_hyphens_and_accents():
    trainees = read_roster(DATA / "roster-12.csv")
    assert len(trainees) == 12
    names = {t.id: t.name for t in trainees}
    assert names["t01"] == "Aoife O'Brien" and names["t05"] == "Nguyễn Thị Lan"
    assert names["t07"] == "Mary-Kate D'Arcy" and names["t06"] == "Øyvind Ødegård"


def test_a_spreadsheets_utf8_export_with_bom_crlf_quotes_and_curly_apostrophe():
    trainees = read_roster(ROSTERS / "excel-utf8-bom.csv")
    assert [(t.id, t.name, t.email) for t in trainees] == [
        ("t01", "Zoë D\u2019Arcy", "zoe@example.org"), ("t02", "Jean-Luc O'Neill-Ó Briain", "")]


def _problems(name: str) -> list[tuple[int, str]]:
    with pytest.raises(RosterError) as caught:
        read_roster(ROSTERS / name)
    assert "nothing was created" in str(caught.value)
    return caught.value.problems


def test_duplicate_id_names_both_lines():
    assert _problems("duplicate-id.csv") == [(4, "the id 't01' is already used on line 2")]


def test_invalid_ids_each_with_its_line():
    problems = _problems("invalid-ids.csv")
    assert [line for line, _ in problems] == [2, 3, 4, 5]
    assert "perhaps 't01'" in problems[0][1]
    assert "lower-case letters, digits" in problems[1][1]
    assert problems[3][1] == "the id is empty"


def test_missing_column_names_it():
    [(line, message)] = _problems("missing-column.csv")
    assert line == 1 and "last_name" in message


def test_windows_encoding_names_the_line_and_the_fix():
    [(line, message)] = _problems("windows-1252.csv")
    assert line == 3 and "0xe9" in message and "CSV UTF-8" in message


def test_ragged_rows_empty_names_and_bad_emails():
    problems = dict(_problems("ragged.csv"))
    assert sorted(problems) == [3, 4, 5, 6]
    assert "double quotes" in problems[3] and "3 field(s)" in problems[4]
    assert "no name" in problems[5] and "not-an-email" in problems[6]


@pytest.mark.parametrize("data, expected", [
    (b"", "empty"),
    (b"id,first_name,last_name,email\n", "no trainees"),
    (b"name,email\nx,y\n", "lacks the column"),
    (b"id,id,first_name,last_name,email\n", "repeats"),
])
def test_degenerate_files(data, expected):
    with pytest.raises(RosterError, match=expected):
        parse_roster(data)


def test_id_rule():
    assert all(map(is_valid_id, ["t01", "a", "jo-smith", "jo_smith2"]))
    assert not any(map(is_valid_id, ["T01", "-x", "_x", "a b", "a+b", "é", "x" * 65, ""]))


def test_a_bad_roster_creates_nothing(tmp_path):
    home = tmp_path / "home"
    with pytest.raises(RosterError):
        create_cohort(home, "spring", ROSTERS / "duplicate-id.csv", 9, date(2026, 1, 14), exchange=str(tmp_path / "x"))
    assert not home.exists() or not any(home.iterdir())


def test_names_with_control_characters_are_refused_with_their_line(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("id,first_name,last_name,email\nt01,Ann,Ash,a@x.org\n"
                      "t02,\"Ben\x1b[31m\",Birch,b@x.org\nt03,Cat,\"Ce\u200bdar\",c@x.org\n", "utf-8")
    with pytest.raises(RosterError) as error:
        read_roster(roster)
    text = str(error.value)
    assert "line 3" in text and "line 4" in text and "control character" in text
    assert "\x1b" not in text  # shown escaped, never raw on the trainer's terminal


def test_a_create_killed_half_way_leaves_nothing_once_create_runs_again(tmp_path):
    home = tmp_path / "home"
    stale = home / ".spring.creating-abc123"
    (stale / "source").mkdir(parents=True)
    create_cohort(home, "spring", DATA / "roster-12.csv", 9, date(2026, 1, 14), exchange=str(tmp_path / "x"))
    assert not stale.exists() and (home / "spring" / "cohort.json").is_file()
    assert not list(home.glob(".spring.creating-*"))


def test_a_username_column_gives_each_trainee_their_login():
    trainees = parse_roster(b"id,first_name,last_name,email,username\n"
                            b"t01,Aoife,O'Brien,,aobrien\nt02,Zo\xc3\xab,Smith,,\n")
    assert [(t.id, t.account) for t in trainees] == [("t01", "aobrien"), ("t02", "t02")]


@pytest.mark.parametrize("rows, expected", [
    (b"t01,A,B,,bad+name\n", (2, "the username 'bad+name' is not an account name")),
    (b"t01,A,B,,x/y\n", (2, "the username 'x/y' is not an account name")),
    (b"t01,A,B,,shared\nt02,C,D,,shared\n", (3, "'shared' already names the trainee on line 2")),
    (b"t01,A,B,,\nt02,C,D,,t01\n", (3, "'t01' already names the trainee on line 2")),  # another's id
])
def test_each_login_submits_for_one_trainee_only(rows, expected):
    with pytest.raises(RosterError) as caught:
        parse_roster(b"id,first_name,last_name,email,username\n" + rows)
    [(line, message)] = caught.value.problems
    assert line == expected[0] and message.startswith(expected[1])
