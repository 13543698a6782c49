"""Wait time: the logic of session 5's practice, a presenter who goes deeper the longer the set
waits.

Each *moment* is a question asked to a presenter. What happens next depends on how long the set
lets the silence run before someone speaks. Mary Budd Rowe's classroom studies found teachers
typically wait a second or less after a question, and that pauses of three seconds or more change
the answers they get; sets are no different. A moment has four stages, one for each length of
silence (:data:`BANDS`): what the presenter has reached by then, what a set member typically says
to break the silence at that point (rescuing, a second stacked question, advice in disguise, a
leading question), and a short facilitator's note.

:func:`respond` gives the presenter's response and the note for a chosen wait. The moments live
in ``data/wait_time.yaml``; this module imports no ipywidgets, and the WaitTime widget is a view
over it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from numbers import Real

from actionlearning.course.datafiles import by_id, entries, read_yaml

MOMENTS_FILE = "wait_time.yaml"

#: The longest wait the practice offers, in seconds (the widget's slider runs from 0 to this).
MAX_SECONDS = 30

#: What a set member does to fill the silence, as a trainee reads it.
FILLER_KINDS: dict[str, str] = {
    "rescue": "rescuing",
    "stacked": "a second, stacked question",
    "advice": "advice in disguise",
    "leading": "a leading question",
}


class MomentsError(ValueError):
    """The moments file is malformed; the message names the moment and the field."""


@dataclass(frozen=True)
class Band:
    """A length of silence: ``low`` to ``high`` whole seconds (``high`` is None: no upper end)."""

    index: int
    low: int
    high: int | None
    label: str

    def contains(self, seconds: float) -> bool:
        """Whether a wait of ``seconds`` falls in this band (fractions go to the shorter band:
        3.5 s is still 0–3, 20.5 s is more than 20)."""
        return _band_index(_check_seconds(seconds)) == self.index


#: The four lengths of silence, shortest first.
BANDS: tuple[Band, ...] = (
    Band(0, 0, 3, "0–3 seconds"),
    Band(1, 4, 10, "4–10 seconds"),
    Band(2, 11, 20, "11–20 seconds"),
    Band(3, 21, None, "more than 20 seconds"),
)


@dataclass(frozen=True)
class Filler:
    """What a set member says to break the silence."""

    kind: str
    who: str
    says: str

    @property
    def label(self) -> str:
        return FILLER_KINDS[self.kind]


@dataclass(frozen=True)
class Stage:
    """What the presenter has reached after one length of silence, and what happens next."""

    says: str
    filler: Filler
    note: str


@dataclass(frozen=True)
class Moment:
    id: str
    presenter: str
    role: str
    title: str
    situation: str
    asker: str
    question: str
    stages: tuple[Stage, ...]


@dataclass(frozen=True)
class Response:
    """What happens when the set waits ``seconds`` after ``moment``'s question."""

    moment: Moment
    seconds: float
    band: Band

    @property
    def depth(self) -> int:
        """How far the presenter got: 1 (the surface) to 4 (the deepest), one per band."""
        return self.band.index + 1

    @property
    def deepest(self) -> bool:
        return self.depth == len(BANDS)

    @property
    def stage(self) -> Stage:
        return self.moment.stages[self.band.index]

    @property
    def says(self) -> str:
        """The presenter's words at the deepest point this wait reached."""
        return self.stage.says

    @property
    def heard(self) -> tuple[str, ...]:
        """Everything the presenter has said by the end of the wait, shallowest first."""
        return tuple(s.says for s in self.moment.stages[: self.depth])

    @property
    def filler(self) -> Filler:
        return self.stage.filler

    @property
    def note(self) -> str:
        return self.stage.note

    @property
    def duration(self) -> str:
        """The wait in words: "1 second", "2.5 seconds"."""
        return say_seconds(self.seconds)

    def text(self) -> str:
        """The response as plain text: a trainee can paste it into a reflection."""
        m = self.moment
        lines = [
            f"{m.asker} asks {m.presenter}: {m.question}",
            f"The set waits {self.duration} ({self.band.label}).",
            *(f"{m.presenter}: {said}" for said in self.heard),
            f"Then {self.filler.who} breaks the silence ({self.filler.label}): {self.filler.says}",
            f"Note: {self.note}",
        ]
        return "\n".join(lines)


def say_seconds(seconds: float) -> str:
    n = f"{seconds:g}"
    return f"{n} second" if n == "1" else f"{n} seconds"


def _check_seconds(seconds: object) -> float:
    if isinstance(seconds, bool) or not isinstance(seconds, Real):
        raise ValueError(f"seconds must be a number, not {seconds!r}")
    value = float(seconds)
    if math.isnan(value) or value < 0:
        raise ValueError(f"seconds must be zero or more, not {seconds!r}")
    return value


def _band_index(seconds: float) -> int:
    if seconds < 4:
        return 0
    if seconds < 11:
        return 1
    if seconds <= 20:
        return 2
    return 3


def band_for(seconds: float) -> Band:
    """The length of silence ``seconds`` falls in: under 4 s, 4 to under 11 s, 11 to 20 s, or
    over 20 s.

    Raises ValueError for anything but a number of seconds, zero or more.
    """
    return BANDS[_band_index(_check_seconds(seconds))]


def respond(moment: Moment | str, seconds: float) -> Response:
    """The presenter's response, and a short note, when the set waits ``seconds`` after the
    question of ``moment`` (a :class:`Moment` or its id)."""
    if not isinstance(moment, Moment):
        moment = get_moment(moment)
    value = _check_seconds(seconds)
    return Response(moment, value, BANDS[_band_index(value)])


# --------------------------------------------------------------------------------------------
# Loading the moments

_MOMENT_FIELDS = ("id", "presenter", "role", "title", "situation", "asker", "question")


def _text(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def parse_moments(data: object, source: str = MOMENTS_FILE) -> tuple[Moment, ...]:
    """Moments from the parsed YAML; every problem is reported, naming the moment and field."""
    moments, problems = [], []
    walk = entries(data, "moments", "moment", _MOMENT_FIELDS, source, problems, MomentsError, " and stages")
    for where, raw in walk:
        stages_raw = raw.get("stages")
        if not isinstance(stages_raw, list) or len(stages_raw) != len(BANDS):
            problems.append(
                f"{where}: stages must be a list of {len(BANDS)}, one for each length of silence "
                f"({', '.join(b.label for b in BANDS)})"
            )
            continue
        stages = []
        for band, stage in zip(BANDS, stages_raw):
            at = f"{where}, stage {band.index + 1} ({band.label})"
            parsed = _parse_stage(stage, at, problems)
            if parsed:
                stages.append(parsed)
        if len(stages) == len(BANDS):
            fields = {f: _text(raw[f]) for f in _MOMENT_FIELDS}
            moments.append(Moment(**fields, stages=tuple(stages)))
    if problems:
        raise MomentsError("\n".join(problems))
    if not moments:
        raise MomentsError(f"{source}: there are no moments")
    return tuple(moments)


def _parse_stage(stage: object, at: str, problems: list[str]) -> Stage | None:
    if not isinstance(stage, dict):
        problems.append(f"{at}: expected a mapping with says, filler and note")
        return None
    missing = [f for f in ("says", "note") if not _text(stage.get(f, ""))]
    filler = stage.get("filler")
    if not isinstance(filler, dict):
        missing.append("filler")
    if missing:
        problems.append(f"{at}: missing {', '.join(missing)}")
        return None
    f_missing = [f for f in ("kind", "who", "says") if not _text(filler.get(f, ""))]
    if f_missing:
        problems.append(f"{at}: the filler is missing {', '.join(f_missing)}")
        return None
    kind = _text(filler["kind"])
    if kind not in FILLER_KINDS:
        problems.append(f"{at}: filler kind is {kind!r}; use one of {', '.join(FILLER_KINDS)}")
        return None
    return Stage(
        says=_text(stage["says"]),
        filler=Filler(kind, _text(filler["who"]), _text(filler["says"])),
        note=_text(stage["note"]),
    )


@cache
def load_moments() -> tuple[Moment, ...]:
    return parse_moments(read_yaml(MOMENTS_FILE))


def get_moment(moment_id: str) -> Moment:
    return by_id(load_moments(), moment_id, "moment")
