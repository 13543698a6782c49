"""Transcript replay: the logic of session 8's practice.

A transcript is a presenter slot in a set, written line by line, with *pauses* at the moments
an experienced facilitator would notice. A :class:`Replay` plays the transcript to the next
pause, records what the trainee notices and might do (or not do), and then shows their notes
beside the experienced facilitator's note. The notes can be exported as Markdown, to start an
entry in the trainee's reflective log.

This is practice in Schön's two kinds of reflection at once: at each pause the trainee
reflects as if in action, with the slot still running, while the comparison and the export are
reflection on action. The transcripts live in ``data/replays.yaml``; this module imports no
ipywidgets, and the TranscriptReplay widget is a view over it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from actionlearning.course.datafiles import by_id, entries, read_yaml

REPLAYS_FILE = "replays.yaml"

#: The two questions asked at every pause.
PROMPTS: tuple[str, ...] = ("What do you notice?", "What might you do, or not do?")

#: How many pauses a transcript may have.
MIN_PAUSES, MAX_PAUSES = 4, 6

#: What the export says when a pause was reached but not yet compared.
NOT_COMPARED = "Not compared yet: press Compare at this pause to see it."
NO_NOTES = "(No notes written at this pause.)"


class ReplayError(ValueError):
    """A transcript file is malformed, or a replay was asked to do something it cannot do now.

    For a file, the message names the transcript, the script item and the field."""


@dataclass(frozen=True)
class Person:
    name: str
    role: str


@dataclass(frozen=True)
class Line:
    """One thing that happens: a person speaking, or (``who`` is None) a stage direction."""

    who: str | None
    says: str

    @property
    def is_direction(self) -> bool:
        return self.who is None

    def text(self) -> str:
        return f"({self.says})" if self.who is None else f"{self.who}: {self.says}"


@dataclass(frozen=True)
class Pause:
    """A moment at which the replay stops.

    ``at`` says where we are in the slot and is shown at the pause; ``moment`` names what the
    experienced facilitator saw, and is shown only with their ``note``.
    """

    number: int
    at: str
    moment: str
    note: str
    prompt: str = ""

    @property
    def prompts(self) -> tuple[str, ...]:
        return PROMPTS + ((self.prompt,) if self.prompt else ())


Beat = Line | Pause


@dataclass(frozen=True)
class Transcript:
    id: str
    title: str
    set: str
    situation: str
    facilitator: str
    people: tuple[Person, ...]
    script: tuple[Beat, ...]

    @property
    def pauses(self) -> tuple[Pause, ...]:
        return tuple(b for b in self.script if isinstance(b, Pause))

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(b for b in self.script if isinstance(b, Line))

    def role(self, name: str) -> str:
        for person in self.people:
            if person.name == name:
                return person.role
        return ""


@dataclass(frozen=True)
class Segment:
    """What one press of *play* brings: the lines up to the next pause, and that pause (None
    when the transcript played to its end)."""

    lines: tuple[Line, ...]
    pause: Pause | None


@dataclass(frozen=True)
class Comparison:
    """A trainee's notes at one pause, beside the experienced facilitator's note."""

    pause: Pause
    before: Line | None
    yours: str
    revealed: bool

    @property
    def theirs(self) -> str:
        return self.pause.note if self.revealed else NOT_COMPARED

    @property
    def wrote_notes(self) -> bool:
        return bool(self.yours.strip())

    def text(self) -> str:
        """Plain text, for a reflection or a message to a supervisor."""
        lines = [f"Pause {self.pause.number}: {self.pause.at}"]
        if self.before:
            lines.append(f"Just before: {self.before.text()}")
        lines.append(f"My notes: {self.yours.strip() or NO_NOTES}")
        if self.revealed:
            lines.append(f"An experienced facilitator ({self.pause.moment}): {self.pause.note}")
        else:
            lines.append(f"An experienced facilitator: {NOT_COMPARED}")
        return "\n".join(lines)


@dataclass
class Replay:
    """One trainee's way through one transcript, a pause at a time."""

    transcript: Transcript
    position: int = 0
    notes: dict[int, str] = field(default_factory=dict)
    compared: set[int] = field(default_factory=set)

    # --- where we are ---

    @property
    def started(self) -> bool:
        return self.position > 0

    @property
    def finished(self) -> bool:
        return self.position >= len(self.transcript.script)

    @property
    def played(self) -> tuple[Beat, ...]:
        return self.transcript.script[: self.position]

    @property
    def lines_played(self) -> tuple[Line, ...]:
        return tuple(b for b in self.played if isinstance(b, Line))

    @property
    def pause(self) -> Pause | None:
        """The pause the replay is stopped at, if it is stopped at one."""
        if self.position and isinstance(self.transcript.script[self.position - 1], Pause):
            return self.transcript.script[self.position - 1]
        return None

    @property
    def pauses_reached(self) -> tuple[Pause, ...]:
        return tuple(b for b in self.played if isinstance(b, Pause))

    @property
    def segments(self) -> tuple[Segment, ...]:
        """Everything played so far, split at the pauses (the last may be still open)."""
        found, lines = [], []
        for beat in self.played:
            if isinstance(beat, Pause):
                found.append(Segment(tuple(lines), beat))
                lines = []
            else:
                lines.append(beat)
        if lines:
            found.append(Segment(tuple(lines), None))
        return tuple(found)

    def progress(self) -> str:
        total = len(self.transcript.pauses)
        if self.finished:
            return f"The end of the slot: all {total} pauses reached."
        if not self.started:
            return f"Not started: {total} pauses ahead."
        pause = self.pause
        if pause:
            return f"Pause {pause.number} of {total}"
        return f"Playing: {len(self.pauses_reached)} of {total} pauses reached."

    # --- moving on ---

    def play(self) -> Segment:
        """Play on to the next pause (or to the end); return what was played."""
        if self.finished:
            raise ReplayError("The transcript has played to the end; start again to replay it.")
        lines = []
        script = self.transcript.script
        while self.position < len(script):
            beat = script[self.position]
            self.position += 1
            if isinstance(beat, Pause):
                return Segment(tuple(lines), beat)
            lines.append(beat)
        return Segment(tuple(lines), None)

    def restart(self) -> None:
        """Back to the beginning, with the notes cleared."""
        self.position = 0
        self.notes.clear()
        self.compared.clear()

    # --- notes and comparisons ---

    def write(self, text: object) -> None:
        """Record the trainee's notes at the current pause (replacing any earlier notes)."""
        pause = self._require_pause("write notes")
        self.notes[pause.number] = text if isinstance(text, str) else ""

    def compare(self, text: object | None = None) -> Comparison:
        """Reveal the experienced facilitator's note at the current pause, beside the
        trainee's notes (recording ``text`` first, when given)."""
        pause = self._require_pause("compare")
        if text is not None:
            self.write(text)
        self.compared.add(pause.number)
        return self.comparison(pause)

    def comparison(self, pause: Pause) -> Comparison:
        return Comparison(
            pause=pause,
            before=self._line_before(pause),
            yours=self.notes.get(pause.number, ""),
            revealed=pause.number in self.compared,
        )

    def comparisons(self) -> tuple[Comparison, ...]:
        """One comparison for every pause reached so far, compared or not."""
        return tuple(self.comparison(p) for p in self.pauses_reached)

    def to_markdown(self) -> str:
        """The trainee's notes and the experienced facilitator's, as Markdown for a log."""
        t = self.transcript
        out = [
            f"# Transcript replay: {_md(t.title)}",
            "",
            f"*{_md(t.set)}.* {_md(t.situation)}",
            "",
            "Practice notes on an invented transcript. If you copy them into your log, add your "
            "own reflection, and keep real people's names out of it.",
            "",
        ]
        reached = self.comparisons()
        if not reached:
            out += ["No pauses reached yet: press *Play to next pause* to begin.", ""]
        for comp in reached:
            out += [f"## Pause {comp.pause.number} of {len(t.pauses)}: {_md(comp.pause.at)}", ""]
            if comp.before:
                out += [f"> {_md(comp.before.text())}", ""]
            out += ["**My notes.**", ""]
            out += [_md_lines(comp.yours) if comp.wrote_notes else NO_NOTES, ""]
            if comp.revealed:
                out += [f"**An experienced facilitator's note: {_md(comp.pause.moment)}.**", ""]
                out += [_md(comp.pause.note), ""]
            else:
                out += ["**An experienced facilitator's note.**", "", NOT_COMPARED, ""]
        out += [
            "## For your log",
            "",
            "Which pause stays with you? Take it round Gibbs's cycle: what happened, what you "
            "felt, what was good and bad about it, what sense you make of it, what you conclude, "
            "and what you will do next time you facilitate.",
        ]
        return "\n".join(out).rstrip() + "\n"

    def summary(self) -> str:
        reached = self.comparisons()
        written = sum(c.wrote_notes for c in reached)
        compared = sum(c.revealed for c in reached)
        total = len(self.transcript.pauses)
        return (
            f"{len(reached)} of {total} pauses reached; notes written at {written}, "
            f"compared at {compared}."
        )

    def _require_pause(self, doing: str) -> Pause:
        pause = self.pause
        if pause is None:
            where = "the end of the transcript" if self.finished else "no pause"
            raise ReplayError(f"Cannot {doing} now: the replay is at {where}.")
        return pause

    def _line_before(self, pause: Pause) -> Line | None:
        """The last spoken line before ``pause`` (stage directions are skipped)."""
        script = self.transcript.script
        index = script.index(pause)
        for beat in reversed(script[:index]):
            if isinstance(beat, Line) and not beat.is_direction:
                return beat
        return None


def _md(text: str) -> str:
    """Text made safe for a Markdown export: no stray HTML, one line per paragraph."""
    return " ".join(text.replace("<", "&lt;").replace(">", "&gt;").split())


def _md_lines(text: str) -> str:
    """A trainee's notes for the export: made safe as :func:`_md`, keeping their lines (a list
    stays a list) and at most one blank line between paragraphs."""
    kept = [_md(line) for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept))


# --------------------------------------------------------------------------------------------
# Loading the transcripts

_FIELDS = ("id", "title", "set", "situation", "facilitator")
_PAUSE_FIELDS = ("at", "moment", "note")


def _text(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def parse_transcripts(data: object, source: str = REPLAYS_FILE) -> tuple[Transcript, ...]:
    """Transcripts from the parsed YAML; every problem is reported, naming the transcript, the
    script item and the field."""
    transcripts, problems = [], []
    walk = entries(data, "replays", "transcript", _FIELDS, source, problems, ReplayError, ", people and script")
    for where, raw in walk:
        people = _parse_people(raw.get("people"), where, problems)
        if people is None:
            continue
        names = {p.name for p in people}
        facilitator = _text(raw["facilitator"])
        if facilitator not in names:
            problems.append(f"{where}: the facilitator {facilitator!r} is not one of the people")
        script = _parse_script(raw.get("script"), names, where, problems)
        if script is None:
            continue
        fields = {f: _text(raw[f]) for f in _FIELDS}
        transcripts.append(Transcript(**fields, people=people, script=script))
    if problems:
        raise ReplayError("\n".join(problems))
    if not transcripts:
        raise ReplayError(f"{source}: there are no transcripts")
    return tuple(transcripts)


def _parse_people(raw: object, where: str, problems: list[str]) -> tuple[Person, ...] | None:
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where}: people must be a list of {{name, role}}")
        return None
    people, ok = [], True
    for n, person in enumerate(raw, start=1):
        if not isinstance(person, dict) or not _text(person.get("name", "")) or not _text(person.get("role", "")):
            problems.append(f"{where}, person {n}: expected a mapping with name and role")
            ok = False
            continue
        people.append(Person(_text(person["name"]), _text(person["role"])))
    names = [p.name for p in people]
    for name in sorted({x for x in names if names.count(x) > 1}):
        problems.append(f"{where}: the person {name!r} is listed twice")
        ok = False
    return tuple(people) if ok else None


def _parse_script(raw: object, names: set[str], where: str, problems: list[str]) -> tuple[Beat, ...] | None:
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where}: script must be a list of lines and pauses")
        return None
    beats: list[Beat] = []
    before = len(problems)
    pauses = 0
    for n, item in enumerate(raw, start=1):
        at = f"{where}, script item {n}"
        if not isinstance(item, dict) or len(item) != 1:
            problems.append(f"{at}: expected one 'Name: words', 'do: ...' or 'pause:' entry")
            continue
        (key, value), = item.items()
        key = _text(key)
        if key == "pause":
            pause = _parse_pause(value, pauses + 1, at, problems)
            if pause:
                pauses += 1
                beats.append(pause)
            continue
        if not _text(value):
            problems.append(f"{at}: {key!r} has nothing to say")
            continue
        if key == "do":
            beats.append(Line(None, _text(value)))
        elif key in names:
            beats.append(Line(key, _text(value)))
        else:
            problems.append(f"{at}: {key!r} is not one of the people ({', '.join(sorted(names))})")
    if len(problems) > before:
        return None
    if not MIN_PAUSES <= pauses <= MAX_PAUSES:
        problems.append(f"{where}: has {pauses} pauses; a transcript needs {MIN_PAUSES} to {MAX_PAUSES}")
        return None
    if isinstance(beats[0], Pause):
        problems.append(f"{where}: the script starts with a pause; give the trainee something to see first")
        return None
    if isinstance(beats[-1], Pause):
        problems.append(f"{where}: the script ends with a pause; let the trainee see what happened next")
        return None
    if any(isinstance(a, Pause) and isinstance(b, Pause) for a, b in zip(beats, beats[1:])):
        problems.append(f"{where}: two pauses in a row; put at least one line between them")
        return None
    return tuple(beats)


def _parse_pause(raw: object, number: int, at: str, problems: list[str]) -> Pause | None:
    if not isinstance(raw, dict):
        problems.append(f"{at}: a pause needs at, moment and note")
        return None
    missing = [f for f in _PAUSE_FIELDS if not _text(raw.get(f, ""))]
    if missing:
        problems.append(f"{at}: the pause is missing {', '.join(missing)}")
        return None
    return Pause(number, *(_text(raw[f]) for f in _PAUSE_FIELDS), prompt=_text(raw.get("prompt", "")))


@cache
def load_transcripts() -> tuple[Transcript, ...]:
    return parse_transcripts(read_yaml(REPLAYS_FILE))


def get_transcript(transcript_id: str) -> Transcript:
    return by_id(load_transcripts(), transcript_id, "transcript")
