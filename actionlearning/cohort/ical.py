"""A cohort's schedule as an iCalendar file (RFC 5545), written by hand: it is small.

One timed event per meeting (in UTC, so no time-zone component is needed) and one all-day
event per due date. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
character; every event has a UID that stays the same when the file is exported again, so a
calendar updates its events rather than duplicating them.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from actionlearning.cohort.schedule import Schedule

PRODID = "-//Action Learning Set Facilitation workbook//actionlearning cohort//EN"


def escape(text: str) -> str:
    """An iCalendar TEXT value: backslash, semicolon, comma and newline escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, continuation lines starting with a space."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def to_ics(cohort: str, schedule: Schedule, stamp: datetime) -> str:
    """The calendar of ``cohort``; ``stamp`` (aware) is the DTSTAMP of every event."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(f'Action learning cohort {cohort}')}"]

    def event(uid: str, summary: str, description: str, when: list[str]) -> None:
        lines.extend(["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{utc(stamp)}", *when,
                      f"SUMMARY:{escape(summary)}", f"DESCRIPTION:{escape(description)}", "END:VEVENT"])

    for m in schedule.meetings:
        exercises = [e for e in schedule.exercises if e.meeting.number == m.number]
        released = ", ".join(e.slug for e in exercises)
        due = exercises[0].due.strftime("%A %d %B %Y, %H:%M") if exercises else ""
        event(f"{cohort}-meeting-{m.number}@actionlearning",
              f"Action learning ({cohort}): meeting {m.number}",
              f"{m.title}\nAfter the meeting: exercise{'s' if len(exercises) > 1 else ''} {released} "
              f"released, due {due}.",
              [f"DTSTART:{utc(m.start)}", f"DTEND:{utc(m.end)}"])
    for e in schedule.exercises:
        day = e.due.date()
        event(f"{cohort}-{e.slug}-due@actionlearning",
              f"Exercise {e.slug} due ({cohort})",
              f"{e.session.title}\nDue by {e.due.strftime('%H:%M')} ({e.due.tzname()}).",
              [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
               "TRANSP:TRANSPARENT"])
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
