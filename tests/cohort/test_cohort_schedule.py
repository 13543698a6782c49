"""A cohort's schedule and its iCalendar file."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from actionlearning.cohort.ical import escape, fold, to_ics
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.schedule import build_schedule, parse_date, parse_time

START = date(2026, 1, 14)  # a Wednesday


def test_nine_meetings_spread_over_twenty_weeks_on_the_start_weekday():
    s = build_schedule(9, START)
    assert [m.week for m in s.meetings] == [1, 3, 6, 8, 11, 13, 15, 18, 20]
    assert s.meetings[0].start == datetime(2026, 1, 14, 10, 0, tzinfo=s.meetings[0].start.tzinfo)
    assert s.meetings[-1].start.date() == START + timedelta(weeks=19)
    assert all(m.start.weekday() == START.weekday() for m in s.meetings)
    assert [e.slug for e in s.exercises] == [f"session-{n:02d}" for n in range(1, 10)]


def test_released_after_its_meeting_and_due_before_the_next():
    s = build_schedule(9, START)
    for this, following in zip(s.exercises, s.exercises[1:]):
        assert this.release == this.meeting.end == this.meeting.start + timedelta(minutes=180)
        assert this.release < this.due < following.meeting.start
        assert this.due.date() == following.meeting.start.date() - timedelta(days=1)
        assert this.due.time() == time(23, 59)
    last = s.exercises[-1]
    assert last.due.date() == last.meeting.start.date() + timedelta(days=14)


def test_a_three_meeting_programme_releases_three_exercises_at_each_meeting():
    s = build_schedule(3, START)
    assert [m.week for m in s.meetings] == [1, 11, 20]
    first = [e for e in s.exercises if e.meeting.number == 1]
    assert [e.slug for e in first] == ["session-01", "session-02", "session-03"]
    assert len({e.due for e in first}) == 1


def test_times_follow_the_cohorts_time_zone_across_summer_time():
    s = build_schedule(9, date(2026, 3, 4), tz="Europe/London")  # clocks go forward on 29 March
    offsets = {m.start.utcoffset() for m in s.meetings}
    assert offsets == {timedelta(0), timedelta(hours=1)}
    assert all(m.start.hour == 10 for m in s.meetings)


def test_other_spans_and_times():
    s = build_schedule(6, START, weeks=12, at=time(13, 30), tz="Europe/Dublin")
    assert s.meetings[-1].week == 12 and s.meetings[0].start.hour == 13
    with pytest.raises(CohortError, match="at least 9"):
        build_schedule(9, START, weeks=5)


@pytest.mark.parametrize("call, message", [
    (lambda: build_schedule(9, START, tz="Mars/Olympus"), "Unknown time zone"),
    (lambda: parse_date("14/01/2026"), "YYYY-MM-DD"),
    (lambda: parse_time("ten"), "HH:MM"),
    (lambda: build_schedule(9, START).exercise("session-10"), "session-01"),
])
def test_bad_input_says_what_to_write(call, message):
    with pytest.raises(CohortError, match=message):
        call()


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_calendar_follows_rfc_5545():
    s = build_schedule(9, START)
    stamp = datetime(2026, 1, 2, 9, 0, tzinfo=timezone.utc)
    ics = to_ics("spring-2026", s, stamp)
    raw = ics.encode("utf-8")
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    lines = _unfold(ics)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events = ics.count("BEGIN:VEVENT")
    assert events == 9 + 9 == ics.count("END:VEVENT")
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(uids) == events == len(set(uids))
    assert sum(line == "DTSTAMP:20260102T090000Z" for line in lines) == events
    assert "DTSTART:20260114T100000Z" in lines  # 10:00 in London in January is 10:00 UTC
    assert "DTSTART;VALUE=DATE:20260127" in lines  # session 1 due the day before meeting 2
    assert to_ics("spring-2026", s, stamp) == ics  # the same file each time: calendars update, not duplicate


def test_folding_never_splits_a_character_and_text_is_escaped():
    line = "DESCRIPTION:" + "Siobhán Ní Mhurchú; é, ü\n" * 8
    folded = fold(line)
    for part in folded.encode("utf-8").split(b"\r\n"):
        assert len(part) <= 75
        part.decode("utf-8")  # each folded line is whole UTF-8
    assert folded.replace("\r\n ", "") == line
    assert escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
