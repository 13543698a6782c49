"""A cohort's schedule as an iCalendar file (RFC 5545), written with the ``icalendar`` library.

One timed event per meeting, in the cohort's own time zone: its DTSTART and DTEND carry a TZID
parameter, and ``icalendar`` adds the matching VTIMEZONE component (with its summer and winter
rules for the months the cohort runs), so a cohort that spans a change to or from summer time
shows the right local times in any calendar. One all-day event per due date, marked as free
time. ``icalendar`` escapes the text, folds the lines at 75 octets and ends them in CRLF. Every
event has a UID that stays the same when the file is exported again, so a calendar updates its
events rather than duplicating them, and exporting the same schedule twice gives the same file.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event, vText

from actionlearning.cohort.schedule import Schedule

PRODID = "-//Action Learning Set Facilitation workbook//actionlearning cohort//EN"


def _event(uid: str, stamp: datetime, summary: str, description: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("description", description)
    return event


def to_ics(cohort: str, schedule: Schedule, stamp: datetime) -> str:
    """The calendar of ``cohort``; ``stamp`` (aware) is the DTSTAMP of every event."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # icalendar writes an X- property it does not know unescaped: say that this one is TEXT
    calendar.add("x-wr-calname", vText(f"Action learning cohort {cohort}"))
    stamp = stamp.astimezone(timezone.utc)  # DTSTAMP is always in UTC

    for m in schedule.meetings:
        exercises = [e for e in schedule.exercises if e.meeting.number == m.number]
        released = ", ".join(e.slug for e in exercises)
        due = exercises[0].due.strftime("%A %d %B %Y, %H:%M") if exercises else ""
        event = _event(
            f"{cohort}-meeting-{m.number}@actionlearning", stamp,
            f"Action learning ({cohort}): meeting {m.number}",
            f"{m.title}\nAfter the meeting: exercise{'s' if len(exercises) > 1 else ''} {released} "
            f"released, due {due}.",
        )
        event.add("dtstart", m.start)  # aware, in the cohort's time zone: written with its TZID
        event.add("dtend", m.end)
        calendar.add_component(event)
    for e in schedule.exercises:
        day = e.due.date()
        event = _event(
            f"{cohort}-{e.slug}-due@actionlearning", stamp,
            f"Exercise {e.slug} due ({cohort})",
            f"{e.session.title}\nDue by {e.due.strftime('%H:%M')} ({e.due.tzname()}).",
        )
        event.add("dtstart", day)  # a date: written with VALUE=DATE, an all-day event
        event.add("dtend", day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)

    if schedule.meetings:
        # The time zone's rules from a year before the first meeting to a year after the last
        # due date: enough for any calendar, without decades of history.
        first = min(m.start for m in schedule.meetings).date()
        last = max([m.end for m in schedule.meetings] + [e.due for e in schedule.exercises]).date()
        calendar.add_missing_timezones(first_date=date(first.year - 1, 1, 1),
                                       last_date=date(last.year + 1, 12, 31))
    return calendar.to_ical().decode("utf-8")
