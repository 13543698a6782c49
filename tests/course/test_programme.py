import pytest

from actionlearning.course.programme import (
    MEETING_COUNTS,
    ProgrammeError,
    load_programme,
    meeting_week,
    parse_programme,
    sessions_table,
    variants_table,
)


def test_nine_sessions_with_slugs_and_titles():
    p = load_programme()
    assert [s.number for s in p.sessions] == list(range(1, 10))
    assert p.session(1).title == "Why action learning? Revans, Lewin and the system"
    assert p.session("session-09").number == 9
    assert p.session(4).page == "book/sessions/session-04"


def test_unknown_session_names_the_known_ones():
    with pytest.raises(KeyError, match="session-01"):
        load_programme().session("session-10")


@pytest.mark.parametrize("count", MEETING_COUNTS)
def test_each_variant_covers_every_session_once_within_twenty_weeks(count):
    p = load_programme()
    meetings = p.meetings(count)
    assert len(meetings) == count
    assert [s.number for m in meetings for s in m.sessions] == list(range(1, 10))
    weeks = [m.week for m in meetings]
    assert weeks[0] == 1 and weeks[-1] == p.weeks_for(count) <= p.weeks
    assert weeks == sorted(set(weeks))


def test_variants_follow_the_curriculum():
    p = load_programme()
    assert [[s.number for s in m.sessions] for m in p.meetings(6)] == [[1, 2], [3], [4, 5], [6], [7], [8, 9]]
    assert [[s.number for s in m.sessions] for m in p.meetings(3)] == [[1, 2, 3], [4, 5, 6], [7, 8, 9]]


def test_meetings_spread_evenly():
    assert [meeting_week(i, 3, 20) for i in range(3)] == [1, 11, 20]
    assert meeting_week(0, 1, 20) == 1


def test_unknown_variant_is_a_clear_error():
    with pytest.raises(ValueError, match="no 4-meeting programme; choose one of 3, 6, 9"):
        load_programme().meetings(4)


def test_malformed_data_is_named():
    good = {
        "course": {"title": "t", "weeks": 20, "session_minutes": 180, "group_size": [8, 10]},
        "sessions": [{"number": 1, "title": "a", "themes": "", "practice": "", "exercise": ""}],
        "variants": {1: [[1]]},
    }
    assert parse_programme(good).sessions[0].slug == "session-01"
    bad = dict(good, variants={1: [[1, 1]]})
    with pytest.raises(ProgrammeError, match="1-meeting variant"):
        parse_programme(bad)
    with pytest.raises(ProgrammeError, match="malformed"):
        parse_programme({"course": {}})


def test_tables_link_only_pages_that_exist():
    table = sessions_table(link=lambda s: "/book/sessions/session-01" if s.number == 1 else None)
    assert "{doc}`Why action learning? Revans, Lewin and the system </book/sessions/session-01>`" in table
    assert "| 2. Contracting, ground rules and the first meeting |" in table
    assert len(table.splitlines()) == 2 + 9


def test_variants_table_lists_every_meeting_and_its_exercises():
    table = variants_table()
    assert len(table.splitlines()) == 2 + 6 + 3
    assert "`session-04`, `session-05`" in table
