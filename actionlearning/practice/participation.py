"""Who spoke, and for how long: the logic of session 7's participation chart.

An observer in a set can keep an airtime log: each time someone speaks, who it was and for how
many seconds. This module turns such a log (or a tally of minutes per person) into each
person's share of the airtime, a Gini coefficient for the whole room, and a few flags that are
worth a facilitator's curiosity:

- anyone other than the presenter with more than a third of the airtime (:data:`DOMINANT_SHARE`);
- a facilitator with more than a tenth (:data:`FACILITATOR_SHARE`);
- a member who never spoke;
- a member with less than half of an equal share of the members' airtime (:data:`QUIET_FRACTION`).

"Members" here means everyone but the facilitator and the presenter: in a presenter slot the
presenter rightly takes much of the time, so a questioner is compared with the other
questioners, not with the whole room.

The thresholds are rules of thumb for noticing, not standards: the flags say what was seen and
ask a question, and the chart is only ever the start of a conversation about why.

**The Gini coefficient.** For the airtime of ``n`` people, ``x_1 ... x_n`` (seconds, minutes or
shares: the unit makes no difference), the Gini coefficient is the mean absolute difference
between every pair of people, divided by twice the mean:

    G = (sum over i of sum over j of |x_i - x_j|) / (2 * n**2 * mean(x))
      = (sum over i of sum over j of |x_i - x_j|) / (2 * n * sum(x))

Every ordered pair is counted, so each unordered pair twice, and a person paired with themselves
adds nothing. G is 0 when everyone speaks for the same time, and (n - 1) / n when one person
speaks and nobody else does, its largest possible value for ``n`` people. With the values
sorted so that x_(1) <= ... <= x_(n), the same number comes from a single pass:

    G = 2 * (sum over i of i * x_(i)) / (n * sum(x)) - (n + 1) / n

which is how :func:`gini` computes it. Two worked by hand: for [0, 10], the pairs give
|0 - 10| + |10 - 0| = 20, and 2 * 2 * 10 = 40, so G = 0.5; for [1, 2, 3], the ordered pairs
give 2 * (1 + 2 + 1) = 8, and 2 * 3 * 6 = 36, so G = 8 / 36 = 2/9, about 0.222.

This is the population form, used for income since Gini (1912). Some software multiplies it by
n / (n - 1) to estimate a larger population from a sample; a set is the whole population, so
this module does not.

Nothing here imports ipywidgets: the ParticipationChart widget is a thin view over it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from numbers import Real

from actionlearning.course.datafiles import by_id, entries, read_yaml

LOGS_FILE = "airtime_logs.yaml"

#: More than this share of the airtime, for anyone but the presenter, is flagged.
DOMINANT_SHARE = 1 / 3
#: More than this share for the facilitator is flagged: a facilitator's airtime should be low.
FACILITATOR_SHARE = 0.10
#: A member below this fraction of an equal share of the members' airtime is flagged as quiet.
QUIET_FRACTION = 0.5
#: Shares within this of the threshold are not flagged: a tally is never that precise.
TOLERANCE = 1e-9


class ParticipationError(ValueError):
    """An airtime log, tally or meetings file that cannot be used; the message names each
    problem, where it is, and what to do."""

    def __init__(self, problems: Sequence[str] | str):
        self.problems = (problems,) if isinstance(problems, str) else tuple(problems)
        super().__init__("\n".join(self.problems))


# --- numbers ---------------------------------------------------------------------------------


def _number(value: object) -> float | None:
    """``value`` as a finite, non-negative float, or None if it is not one."""
    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    value = float(value)
    return value if math.isfinite(value) and value >= 0 else None


def airtime_from_log(log: object, members: Iterable[str] = ()) -> dict[str, float]:
    """Total seconds per person from a log of ``(speaker, seconds)`` turns.

    People listed in ``members`` who never speak are included with 0 seconds: they were in the
    room, and their silence is part of the picture. The order is ``members`` first, then anyone
    else in the order they first spoke.
    """
    totals = {str(m): 0.0 for m in members}
    problems = []
    if isinstance(log, (str, bytes)) or not isinstance(log, Iterable):
        raise ParticipationError(
            f"the log should be a list of (speaker, seconds) pairs, not {type(log).__name__}"
        )
    for n, turn in enumerate(log, start=1):
        if isinstance(turn, (str, bytes)) or not isinstance(turn, Sequence) or len(turn) != 2:
            problems.append(f"turn {n}: expected a (speaker, seconds) pair, got {turn!r}")
            continue
        speaker, seconds = turn
        if not isinstance(speaker, str) or not speaker.strip():
            problems.append(f"turn {n}: the speaker should be a name, got {speaker!r}")
            continue
        value = _number(seconds)
        if value is None:
            problems.append(
                f"turn {n} ({speaker}): seconds should be a number of 0 or more, got {seconds!r}"
            )
            continue
        totals[speaker.strip()] = totals.get(speaker.strip(), 0.0) + value
    if problems:
        raise ParticipationError(problems)
    return totals


def turns_from_log(log: object, members: Iterable[str] = ()) -> dict[str, int]:
    """How many times each person spoke (a turn of any length counts once)."""
    airtime_from_log(log, members)  # the same checks, the same errors
    counts = {str(m): 0 for m in members}
    for speaker, _seconds in log:
        counts[speaker.strip()] = counts.get(speaker.strip(), 0) + 1
    return counts


def _checked(values: Mapping[str, object] | Iterable[object], what: str) -> list[float]:
    items = list(values.items()) if isinstance(values, Mapping) else list(enumerate(values, 1))
    problems = [
        f"{what} for {key}: expected a number of 0 or more, got {value!r}"
        for key, value in items
        if _number(value) is None
    ]
    if problems:
        raise ParticipationError(problems)
    if not items:
        raise ParticipationError(f"no {what} to work with: give at least one person")
    return [float(v) for _k, v in items]


def shares(airtime: Mapping[str, object]) -> dict[str, float]:
    """Each person's share of all the airtime, as a fraction from 0 to 1 (the shares sum to 1)."""
    values = _checked(airtime, "airtime")
    total = sum(values)
    if total <= 0:
        raise ParticipationError("nobody has any airtime yet, so there are no shares to compare")
    return {str(k): v / total for k, v in zip(airtime, values)}


def gini(values: Mapping[str, object] | Iterable[object]) -> float:
    """The Gini coefficient of non-negative amounts (see the module's docstring for the formula).

    0 means everyone had the same; (n - 1) / n means one person had all of it.
    """
    xs = sorted(_checked(values, "airtime"))
    n, total = len(xs), sum(xs)
    if total <= 0:
        raise ParticipationError("nobody has any airtime yet, so there is no inequality to measure")
    weighted = sum(i * x for i, x in enumerate(xs, start=1))
    return max(0.0, 2 * weighted / (n * total) - (n + 1) / n)


def gini_by_pairs(values: Mapping[str, object] | Iterable[object]) -> float:
    """The same coefficient straight from its definition, every pair compared (slower; for
    checking :func:`gini` and for reading alongside the formula)."""
    xs = _checked(values, "airtime")
    n, total = len(xs), sum(xs)
    if total <= 0:
        raise ParticipationError("nobody has any airtime yet, so there is no inequality to measure")
    return sum(abs(a - b) for a in xs for b in xs) / (2 * n * total)


def max_gini(n: int) -> float:
    """The largest Gini coefficient ``n`` people can have: one speaks, nobody else does."""
    return (n - 1) / n if n > 0 else 0.0


# --- an analysis -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """Something the numbers suggest a facilitator might be curious about."""

    kind: str  # "dominant", "facilitator", "silent" or "quiet"
    person: str
    share: float
    message: str

    @property
    def label(self) -> str:
        return FLAG_LABELS[self.kind]


FLAG_LABELS = {
    "dominant": "More than a third",
    "facilitator": "Facilitator over a tenth",
    "silent": "Never spoke",
    "quiet": "Under half an equal share",  # of the members' airtime
}


@dataclass(frozen=True)
class Participation:
    """The airtime of everyone in the room, in seconds, with the facilitator and presenter named
    (either may be None), and everything that follows from it."""

    seconds: Mapping[str, float]
    facilitator: str | None = None
    presenter: str | None = None
    turns: Mapping[str, int] | None = field(default=None, compare=False)

    def __post_init__(self):
        values = _checked(self.seconds, "airtime")
        object.__setattr__(self, "seconds", {str(k): v for k, v in zip(self.seconds, values)})
        problems = [
            f"the {role} {name!r} is not among the people in the log ({', '.join(self.seconds)})"
            for role, name in (("facilitator", self.facilitator), ("presenter", self.presenter))
            if name is not None and name not in self.seconds
        ]
        if self.facilitator is not None and self.facilitator == self.presenter:
            problems.append("the facilitator and the presenter should be different people")
        if problems:
            raise ParticipationError(problems)
        if self.total_seconds <= 0:
            raise ParticipationError("nobody has any airtime yet: give at least one person some time")

    @classmethod
    def from_log(cls, log, members: Iterable[str] = (), facilitator=None, presenter=None):
        members = list(members)
        return cls(airtime_from_log(log, members), facilitator, presenter, turns_from_log(log, members))

    @classmethod
    def from_minutes(cls, minutes: Mapping[str, object], facilitator=None, presenter=None):
        values = _checked(minutes, "minutes")
        return cls({str(k): v * 60 for k, v in zip(minutes, values)}, facilitator, presenter)

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(self.seconds)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())

    @property
    def minutes(self) -> dict[str, float]:
        return {p: s / 60 for p, s in self.seconds.items()}

    @property
    def shares(self) -> dict[str, float]:
        return shares(self.seconds)

    @property
    def equal_share(self) -> float:
        return 1 / len(self.seconds)

    @property
    def gini(self) -> float:
        """Inequality across everyone in the room, facilitator and presenter included."""
        return gini(self.seconds)

    @property
    def questioners(self) -> tuple[str, ...]:
        """Everyone but the facilitator and the presenter: in a slot, the set asking questions."""
        return tuple(p for p in self.seconds if p not in (self.facilitator, self.presenter))

    @property
    def questioners_gini(self) -> float | None:
        """Inequality among the questioners alone; None if fewer than two, or none spoke."""
        values = [self.seconds[p] for p in self.questioners]
        if len(values) < 2 or sum(values) <= 0:
            return None
        return gini(values)

    def role(self, person: str) -> str:
        if person == self.facilitator:
            return "facilitator"
        if person == self.presenter:
            return "presenter"
        return ""

    @property
    def flags(self) -> tuple[Flag, ...]:
        return flags(self)


def analyse(seconds: Mapping[str, object], facilitator=None, presenter=None) -> Participation:
    return Participation(seconds, facilitator, presenter)


def flags(p: Participation) -> tuple[Flag, ...]:
    """What the numbers suggest looking at, largest share first. See the module docstring."""
    found: list[Flag] = []
    share = p.shares
    members = p.questioners
    members_total = sum(p.seconds[m] for m in members)
    fair = 1 / len(members) if members else 0.0
    for person in sorted(p.people, key=lambda x: -share[x]):
        s = share[person]
        if person != p.presenter and s > DOMINANT_SHARE + TOLERANCE:
            found.append(Flag("dominant", person, s, (
                f"{person} had {_pct(s)} of the airtime, more than a third. What was going on "
                f"for them, and for the others, while they spoke? Who might have spoken otherwise?"
            )))
        if person == p.facilitator and s > FACILITATOR_SHARE + TOLERANCE:
            found.append(Flag("facilitator", person, s, (
                f"The facilitator, {person}, had {_pct(s)} of the airtime, more than a tenth. "
                "Was the set turning to the facilitator, or the facilitator stepping in? "
                "What might have happened if they had said less?"
            )))
        if person != p.facilitator and p.seconds[person] <= 0:
            found.append(Flag("silent", person, s, (
                f"{person} did not speak at all. Silence can be thinking, choice or exclusion: "
                "which was it, and how would you find out without putting them on the spot?"
            )))
        elif person in members and len(members) > 1 and members_total > 0:
            among = p.seconds[person] / members_total
            if among < QUIET_FRACTION * fair - TOLERANCE:
                whose = "the members'" if p.presenter is None else "the questioners'"
                found.append(Flag("quiet", person, s, (
                    f"{person} had {_pct(among)} of {whose} airtime, under half of an equal "
                    f"share ({_pct(fair)}). Is that usual for them, or something about today, "
                    "this issue or this room?"
                )))
    return tuple(found)


def _pct(share: float) -> str:
    return f"{100 * share:.0f}%" if share >= 0.01 or share == 0 else f"{100 * share:.1f}%"


def minutes_text(seconds: float) -> str:
    """Seconds as minutes to one decimal place: 150 -> "2.5 min"."""
    return f"{seconds / 60:.1f} min"


def summary_text(p: Participation) -> str:
    """A few plain lines: the totals, each person's time and share, the Gini, the flags."""
    share = p.shares
    lines = [
        f"{len(p.people)} people, {minutes_text(p.total_seconds)} of talk in all; "
        f"an equal share would be {_pct(p.equal_share)} each."
    ]
    for person in sorted(p.people, key=lambda x: -p.seconds[x]):
        role = f" ({p.role(person)})" if p.role(person) else ""
        lines.append(f"  {person}{role}: {minutes_text(p.seconds[person])}, {_pct(share[person])}")
    lines.append(
        f"Gini coefficient: {p.gini:.2f} (0 is perfectly even; {max_gini(len(p.people)):.2f} "
        "would be one voice only)."
    )
    if p.questioners_gini is not None and (p.facilitator or p.presenter):
        lines.append(f"Among the questioners alone: {p.questioners_gini:.2f}.")
    lines += [f"Flag: {f.message}" for f in p.flags] or ["No flags."]
    return "\n".join(lines)


# --- a chart that needs no JavaScript --------------------------------------------------------

INK = "#1d2b30"
COLOURS = {"facilitator": "#c98b2b", "presenter": "#6f8fb8", "": "#4a7c8c"}
WARN = "#b3261e"


def bar_chart_html(p: Participation, caption: str = "Airtime", sort: bool = True) -> str:
    """Each person's airtime as a horizontal bar, in a plain HTML table: no JavaScript, no
    images, readable by a screen reader as a table of names, minutes and shares.

    A dashed line in each row marks an equal share; a solid line marks a third. Bars are
    coloured by role (facilitator, presenter, member) and outlined in red when flagged.
    """
    share = p.shares
    people = sorted(p.people, key=lambda x: -p.seconds[x]) if sort else list(p.people)
    scale = max(max(share.values()), DOMINANT_SHARE) * 1.08
    flagged = {f.person for f in p.flags}
    cell = "padding:0.2em 0.5em;vertical-align:middle;text-align:left"
    rows = []
    for person in people:
        role = p.role(person)
        s = share[person]
        outline = f"outline:2px solid {WARN};outline-offset:-2px;" if person in flagged else ""
        marks = (
            f'<div style="position:absolute;top:-0.2em;bottom:-0.2em;left:{100 * p.equal_share / scale:.2f}%;'
            f'border-left:2px dashed {INK};opacity:0.55"></div>'
            f'<div style="position:absolute;top:-0.2em;bottom:-0.2em;left:{100 * DOMINANT_SHARE / scale:.2f}%;'
            f'border-left:2px solid {WARN};opacity:0.6"></div>'
        )
        bar = (
            f'<div style="position:relative;height:1.3em;min-width:12em;background:rgba(127,127,127,0.12)">'
            f'<div style="height:100%;width:{100 * s / scale:.2f}%;background:{COLOURS[role]};{outline}"></div>'
            f"{marks}</div>"
        )
        who = html.escape(person) + (f' <span style="opacity:0.75">({role})</span>' if role else "")
        if person in flagged:
            who += f' <span style="color:{WARN}" title="flagged">&#9873;</span>'
        rows.append(
            f'<tr><th scope="row" style="{cell};font-weight:normal;white-space:nowrap">{who}</th>'
            f'<td style="{cell};width:60%">{bar}</td>'
            f'<td style="{cell};text-align:right;white-space:nowrap">{minutes_text(p.seconds[person])}</td>'
            f'<td style="{cell};text-align:right">{_pct(s)}</td></tr>'
        )
    head = "".join(
        f'<th scope="col" style="{cell}">{h}</th>' for h in ("Person", "Airtime", "Time", "Share")
    )
    key = (
        f'<p style="font-size:0.8em;opacity:0.85;margin:0.2em 0">Dashed line: an equal share '
        f"({_pct(p.equal_share)}). Solid red line: a third. "
        f'<span style="display:inline-block;width:0.8em;height:0.8em;background:{COLOURS["facilitator"]}"></span> facilitator '
        f'<span style="display:inline-block;width:0.8em;height:0.8em;background:{COLOURS["presenter"]}"></span> presenter '
        f'<span style="display:inline-block;width:0.8em;height:0.8em;background:{COLOURS[""]}"></span> member. '
        f"&#9873; flagged. Gini {p.gini:.2f}.</p>"
    )
    return (
        '<div class="al-participation" style="max-width:48em">'
        f'<table style="border-collapse:collapse;width:100%;font-size:0.9em">'
        f'<caption style="text-align:left;font-weight:600;padding:0.3em 0">{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{key}</div>"
    )


def flags_html(p: Participation) -> str:
    found = p.flags
    if not found:
        body = (
            "<p><strong>No flags.</strong> Nobody over a third, the facilitator under a tenth, "
            "everyone heard. Is an even spread what this moment needed?</p>"
        )
    else:
        items = "".join(
            f'<li style="margin:0.2em 0"><strong>{html.escape(f.label)}:</strong> {html.escape(f.message)}</li>'
            for f in found
        )
        body = f"<p><strong>{len(found)} flag{'s' if len(found) > 1 else ''}</strong></p><ul style='margin-top:0'>{items}</ul>"
    return f'<div role="status" aria-live="polite">{body}</div>'


# --- the simulated meetings ------------------------------------------------------------------


@dataclass(frozen=True)
class Meeting:
    """One simulated stretch of a set meeting, with its airtime log."""

    id: str
    title: str
    setting: str
    segment: str
    facilitator: str | None
    presenter: str | None
    members: tuple[str, ...]
    log: tuple[tuple[str, float], ...]
    notice: tuple[str, ...]

    @property
    def participation(self) -> Participation:
        return Participation.from_log(self.log, self.members, self.facilitator, self.presenter)


_FIELDS = ("id", "title", "setting", "segment", "facilitator", "members", "log", "notice")


def parse_meetings(data: object, source: str = LOGS_FILE) -> tuple[Meeting, ...]:
    """Meetings from the parsed YAML; every problem is named by meeting, field and turn."""
    meetings, problems = [], []
    for where, raw in entries(data, "meetings", "meeting", _FIELDS, source, problems, ParticipationError):
        members = tuple(str(m) for m in raw["members"])
        if len(set(members)) != len(members):
            problems.append(f"{where}: a member is listed twice")
        for role in ("facilitator", "presenter"):
            if raw.get(role) and raw[role] not in members:
                problems.append(f"{where}: the {role} {raw[role]!r} is not in members")
        log = []
        for t, turn in enumerate(raw["log"], start=1):
            ok = isinstance(turn, list) and len(turn) == 2 and turn[0] in members
            if not ok or _number(turn[1]) is None or turn[1] <= 0:
                problems.append(
                    f"{where}: log turn {t} is {turn!r}; write [speaker, seconds] with a member's "
                    "name and a number of seconds above 0"
                )
                continue
            log.append((str(turn[0]), float(turn[1])))
        notice = tuple(str(q).strip() for q in raw["notice"])
        meetings.append(Meeting(
            str(raw["id"]), str(raw["title"]).strip(), " ".join(str(raw["setting"]).split()),
            " ".join(str(raw["segment"]).split()), str(raw["facilitator"]),
            str(raw["presenter"]) if raw.get("presenter") else None, members, tuple(log), notice,
        ))
    if problems:
        raise ParticipationError(problems)
    if not meetings:
        raise ParticipationError(f"{source}: there are no meetings")
    return tuple(meetings)


@cache
def load_meetings() -> tuple[Meeting, ...]:
    return parse_meetings(read_yaml(LOGS_FILE))


def meeting(meeting_id: str) -> Meeting:
    return by_id(load_meetings(), meeting_id, "simulated meeting")


def chart(meeting_id: str) -> str:
    """The chart of a packaged meeting, captioned with its title (for a book page)."""
    m = meeting(meeting_id)
    return bar_chart_html(m.participation, caption=f"{m.title}: {m.segment}")
