"""A cohort's schedule and its iCalendar file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

import pytest
from icalendar import Calendar
from icalendar.parser import Contentline

from actionlearning.cohort.ical import to_ics
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.schedule import build_schedule, parse_date, parse_time
from actionlearning.course.programme import load_programme

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
    assert last.due.date() == last.meeting.start.date() + timedelta(days=21)


@pytest.mark.parametrize("count", [9, 6, 3])
def test_each_meeting_lasts_as_long_as_its_plan(count):
    from actionlearning.course.plans import meeting_plans

    s = build_schedule(count, START)
    assert [m.end - m.start for m in s.meetings] == [timedelta(minutes=p.minutes) for p in meeting_plans(count)]
    assert len({m.end - m.start for m in s.meetings}) == 1 and (count == 9) == (s.meetings[0].end - s.meetings[0].start == timedelta(hours=3))


def test_a_three_meeting_programme_releases_three_exercises_at_each_meeting():
    s = build_schedule(3, START)
    assert [m.week for m in s.meetings] == [1, 5, 9]  # three full days, four weeks apart
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


STAMP = datetime(2026, 1, 2, 9, 0, tzinfo=timezone.utc)
AWKWARD = "Zoë; wellbeing, leads"  # a comma, a semicolon and a non-ASCII character


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_calendar_follows_rfc_5545():
    s = build_schedule(9, START)
    ics = to_ics("spring-2026", s, STAMP)
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    assert "\r" not in ics.replace("\r\n", "")
    assert all(len(line) <= 75 for line in ics.encode("utf-8").split(b"\r\n"))
    lines = _unfold(ics)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    for line in ("VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                 "PRODID:-//Action Learning Set Facilitation workbook//actionlearning cohort//EN",
                 "X-WR-CALNAME:Action learning cohort spring-2026"):
        assert line in lines
    assert "DTSTART;TZID=Europe/London:20260114T100000" in lines  # local time, not UTC
    assert "DTSTART;TZID=Europe/London:20260527T100000" in lines  # in summer time, still 10:00
    assert "DTSTART;VALUE=DATE:20260127" in lines  # session 1 due the day before meeting 2
    events = lines[lines.index("BEGIN:VEVENT"):]
    times = [line for line in events if line.startswith(("DTSTART", "DTEND"))]
    assert len(times) == 2 * 18
    zoned = ("DTSTART;TZID=", "DTEND;TZID=", "DTSTART;VALUE=DATE:", "DTEND;VALUE=DATE:")
    assert all(line.startswith(zoned) for line in times)  # each names its zone or is a date
    # a VTIMEZONE comes before the events that use it
    assert lines.index("BEGIN:VTIMEZONE") < lines.index("BEGIN:VEVENT")


def test_calendar_events_read_back():
    s = build_schedule(9, START)
    calendar = Calendar.from_ical(to_ics("spring-2026", s, STAMP))
    meetings = [e for e in calendar.events if "-meeting-" in str(e["UID"])]
    dues = [e for e in calendar.events if str(e["UID"]).endswith("-due@actionlearning")]
    assert len(meetings) == 9 and len(dues) == 9 and len(calendar.events) == 18
    uids = [str(e["UID"]) for e in calendar.events]
    assert len(set(uids)) == 18
    assert all(e.decoded("DTSTAMP") == STAMP for e in calendar.events)

    for event, m in zip(meetings, s.meetings):
        assert str(event["UID"]) == f"spring-2026-meeting-{m.number}@actionlearning"
        assert event["DTSTART"].params["TZID"] == "Europe/London"
        assert event["DTEND"].params["TZID"] == "Europe/London"
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start.replace(tzinfo=None) == m.start.replace(tzinfo=None)  # the local wall time
        assert start == m.start and end == m.end  # and the same instant
        assert str(event["SUMMARY"]) == f"Action learning (spring-2026): meeting {m.number}"
        due = s.exercise(f"session-{m.number:02d}").due
        assert str(event["DESCRIPTION"]) == (
            f"{m.title}\nAfter the meeting: exercise session-{m.number:02d} released, "
            f"due {due:%A %d %B %Y, %H:%M}."
        )
        assert "TRANSP" not in event

    for event, e in zip(dues, s.exercises):
        assert str(event["UID"]) == f"spring-2026-{e.slug}-due@actionlearning"
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event.decoded("DTSTART") == e.due.date()
        assert event.decoded("DTEND") == e.due.date() + timedelta(days=1)
        assert str(event["TRANSP"]) == "TRANSPARENT"
        assert str(event["SUMMARY"]) == f"Exercise {e.slug} due (spring-2026)"
        assert str(event["DESCRIPTION"]) == f"{e.session.title}\nDue by 23:59 ({e.due.tzname()})."
    assert str(dues[0]["DESCRIPTION"]).endswith("(GMT).")
    assert str(dues[-1]["DESCRIPTION"]).endswith("(BST).")


def test_calendar_carries_the_time_zone_across_summer_time():
    s = build_schedule(9, START)  # January to the end of May: the clocks go forward on 29 March
    calendar = Calendar.from_ical(to_ics("spring-2026", s, STAMP))
    assert calendar.get_missing_tzids() == set()
    [zone] = calendar.timezones
    assert zone.tz_name == "Europe/London"
    names = {(c.name, str(c["TZNAME"])) for c in zone.subcomponents}
    assert ("DAYLIGHT", "BST") in names and ("STANDARD", "GMT") in names
    # a calendar that knows only this VTIMEZONE, not the tz database, gets every meeting right
    rules = zone.to_tz(lookup_tzid=False)
    offsets = [m.start.replace(tzinfo=rules).utcoffset() for m in s.meetings]
    assert offsets == [m.start.utcoffset() for m in s.meetings]
    assert set(offsets) == {timedelta(0), timedelta(hours=1)}


def test_calendar_in_another_time_zone():
    s = build_schedule(6, date(2026, 9, 2), weeks=12, at=time(13, 30), tz="Europe/Dublin")
    calendar = Calendar.from_ical(to_ics("autumn", s, STAMP))
    [zone] = calendar.timezones
    assert zone.tz_name == "Europe/Dublin"
    meetings = [e for e in calendar.events if "-meeting-" in str(e["UID"])]
    assert [e["DTSTART"].params["TZID"] for e in meetings] == ["Europe/Dublin"] * 6
    assert [e.decoded("DTSTART") for e in meetings] == [m.start for m in s.meetings]
    rules = zone.to_tz(lookup_tzid=False)  # the clocks go back on 25 October
    assert [m.start.replace(tzinfo=rules).utcoffset() for m in s.meetings] == [
        m.start.utcoffset() for m in s.meetings]


def test_awkward_text_round_trips_exactly():
    programme = load_programme()
    title = f"{AWKWARD}: a backslash \\ and\na second line"
    sessions = tuple(replace(x, title=title) if x.number == 1 else x for x in programme.sessions)
    s = build_schedule(9, START, programme=replace(programme, sessions=sessions))
    ics = to_ics(AWKWARD, s, STAMP)
    raw = ics.encode("utf-8")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    for line in raw.split(b"\r\n"):
        line.decode("utf-8")  # folding never splits a character
    [name] = [line for line in _unfold(ics) if line.startswith("X-WR-CALNAME:")]
    assert name == "X-WR-CALNAME:Action learning cohort Zoë\\; wellbeing\\, leads"  # escaped TEXT
    assert Contentline(name).parts()[2] == f"Action learning cohort {AWKWARD}"

    calendar = Calendar.from_ical(ics)
    first, due = calendar.events[0], calendar.events[9]
    assert str(first["UID"]) == f"{AWKWARD}-meeting-1@actionlearning"
    assert str(first["SUMMARY"]) == f"Action learning ({AWKWARD}): meeting 1"
    assert str(first["DESCRIPTION"]).startswith(f"{title}\nAfter the meeting: exercise session-01")
    assert str(due["UID"]) == f"{AWKWARD}-session-01-due@actionlearning"
    assert str(due["SUMMARY"]) == f"Exercise session-01 due ({AWKWARD})"
    assert str(due["DESCRIPTION"]) == f"{title}\nDue by 23:59 (GMT)."


def test_exporting_twice_gives_the_same_file():
    # the same UIDs, the same text: calendars update their events rather than duplicate them
    s = build_schedule(9, START)
    assert to_ics("spring-2026", s, STAMP) == to_ics("spring-2026", build_schedule(9, START), STAMP)
    assert to_ics(AWKWARD, s, STAMP) == to_ics(AWKWARD, s, STAMP)
    later = Calendar.from_ical(to_ics("spring-2026", s, STAMP + timedelta(days=30)))
    earlier = Calendar.from_ical(to_ics("spring-2026", s, STAMP))
    assert [str(e["UID"]) for e in later.events] == [str(e["UID"]) for e in earlier.events]
