"""Supervision for new facilitators: the logic of session 9's supervision explorer.

Hawkins and Shohet's seven-eyed model looks at a piece of work through seven lenses, or eyes:
the situation, the practitioner's interventions, the relationship, the practitioner's own
process, the supervisory relationship and parallel process, the supervisor's own process, and
the wider context. Here the practitioner is a facilitator and their "client" is a set. Proctor
named three functions that supervision serves: formative, normative and restorative.

The model, the functions and a few sample episodes live in ``data/supervision.yaml``. An
:class:`Exploration` holds a facilitator's work on one episode: their notes through each eye,
what they want from supervision, and which eyes they have not looked through yet; it exports
Markdown for a supervision log. This module imports no ipywidgets; the SupervisionExplorer
widget is a view over it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from actionlearning.course.datafiles import read_yaml

DATA_FILE = "supervision.yaml"
EYE_COUNT = 7
FUNCTION_IDS = ("formative", "normative", "restorative")


class SupervisionDataError(ValueError):
    """The supervision data is malformed; the message names the entry and the field."""


@dataclass(frozen=True)
class Eye:
    number: int
    id: str
    name: str
    focus: str
    description: str
    questions: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.number}. {self.name}"


@dataclass(frozen=True)
class Function:
    id: str
    name: str
    description: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Episode:
    id: str
    title: str
    facilitator: str
    setting: str
    text: str
    prompts: dict[str, str] = field(default_factory=dict, compare=False)

    def prompt(self, eye: Eye) -> str:
        return self.prompts.get(eye.id, "")


@dataclass(frozen=True)
class Model:
    eyes: tuple[Eye, ...]
    functions: tuple[Function, ...]
    episodes: tuple[Episode, ...]

    def eye(self, key: object) -> Eye:
        """An eye by its id ('parallel'), its number (5 or '5') or its name, case ignored, or
        an :class:`Eye` itself."""
        if isinstance(key, Eye):
            key = key.id
        wanted = str(key).strip().lower()
        for eye in self.eyes:
            if wanted in (eye.id, str(eye.number), eye.name.lower(), eye.label.lower()):
                return eye
        known = ", ".join(e.id for e in self.eyes)
        raise KeyError(f"no eye {key!r}; use a number from 1 to {len(self.eyes)} or one of: {known}")

    def function(self, key: str) -> Function:
        wanted = str(key).strip().lower()
        for function in self.functions:
            if wanted in (function.id, function.name.lower()):
                return function
        raise KeyError(f"no function {key!r}; use one of: {', '.join(FUNCTION_IDS)}")

    def episode(self, key: str) -> Episode:
        for episode in self.episodes:
            if episode.id == key:
                return episode
        raise KeyError(f"no episode {key!r}; known: {', '.join(e.id for e in self.episodes)}")


# --- Loading --------------------------------------------------------------------------------


def _text(raw: dict, name: str, where: str, problems: list[str]) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: missing {name}")
        return ""
    return " ".join(value.split())


def _texts(raw: dict, name: str, where: str, problems: list[str], low: int, high: int) -> tuple[str, ...]:
    value = raw.get(name)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: {name} should be a list of sentences")
        return ()
    if not low <= len(value) <= high:
        problems.append(f"{where}: {name} has {len(value)} entries; give {low} to {high}")
    return tuple(" ".join(v.split()) for v in value)


def parse_model(data: object, source: str = DATA_FILE) -> Model:
    """The model from parsed YAML, with every problem named by entry and field."""
    if not isinstance(data, dict):
        raise SupervisionDataError(f"{source}: expected a mapping with eyes, functions and episodes")
    problems: list[str] = []
    for section in ("eyes", "functions", "episodes"):
        if not isinstance(data.get(section), list) or not data[section]:
            problems.append(f"{source}: expected a non-empty '{section}:' list")
    if problems:
        raise SupervisionDataError("\n".join(problems))

    eyes = []
    for n, raw in enumerate(data["eyes"], start=1):
        where = f"{source}: eye {n}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        where = f"{source}: eye {n} ({raw.get('id', 'no id')})"
        if raw.get("number") != n:
            problems.append(f"{where}: number is {raw.get('number')!r}; the eyes go in order, so use {n}")
        eyes.append(Eye(
            n,
            _text(raw, "id", where, problems),
            _text(raw, "name", where, problems),
            _text(raw, "focus", where, problems),
            _text(raw, "description", where, problems),
            _texts(raw, "questions", where, problems, 3, 4),
        ))
    if len(eyes) != EYE_COUNT:
        problems.append(f"{source}: the seven-eyed model has {EYE_COUNT} eyes, not {len(eyes)}")
    eye_ids = [e.id for e in eyes]
    if len(set(eye_ids)) != len(eye_ids):
        problems.append(f"{source}: eye ids must be different: {', '.join(eye_ids)}")

    functions = []
    for n, raw in enumerate(data["functions"], start=1):
        where = f"{source}: function {n}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        where = f"{source}: function {n} ({raw.get('id', 'no id')})"
        functions.append(Function(
            _text(raw, "id", where, problems),
            _text(raw, "name", where, problems),
            _text(raw, "description", where, problems),
            _texts(raw, "examples", where, problems, 2, 3),
        ))
    if tuple(f.id for f in functions) != FUNCTION_IDS:
        problems.append(f"{source}: the functions should be {', '.join(FUNCTION_IDS)}, in that order")

    episodes, seen = [], set()
    for n, raw in enumerate(data["episodes"], start=1):
        where = f"{source}: episode {n}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        where = f"{source}: episode {n} ({raw.get('id', 'no id')})"
        prompts = raw.get("prompts") or {}
        if not isinstance(prompts, dict):
            problems.append(f"{where}: prompts should map eye ids to text")
            prompts = {}
        unknown = sorted(set(map(str, prompts)) - set(eye_ids))
        if unknown:
            problems.append(f"{where}: prompts for unknown eyes: {', '.join(unknown)}")
        episode = Episode(
            _text(raw, "id", where, problems),
            _text(raw, "title", where, problems),
            _text(raw, "facilitator", where, problems),
            _text(raw, "setting", where, problems),
            _text(raw, "text", where, problems),
            {str(k): " ".join(str(v).split()) for k, v in prompts.items() if str(v).strip()},
        )
        if episode.id in seen:
            problems.append(f"{where}: the id {episode.id!r} is used twice")
        seen.add(episode.id)
        episodes.append(episode)
    if problems:
        raise SupervisionDataError("\n".join(problems))
    return Model(tuple(eyes), tuple(functions), tuple(episodes))


@cache
def load_model() -> Model:
    return parse_model(read_yaml(DATA_FILE))


# --- An exploration -------------------------------------------------------------------------

OWN_TITLE = "My own episode"


@dataclass
class Exploration:
    """A facilitator's work on one episode, through the seven eyes.

    Give a sample ``episode``, or leave it out and fill in ``own_title`` and ``own_text`` for an
    episode of your own. ``notes`` maps eye ids to what the facilitator wrote; ``functions`` are
    the Proctor functions they want supervision to serve this time; ``question`` is what they
    want from supervision, in a sentence.
    """

    episode: Episode | None = None
    own_title: str = ""
    own_text: str = ""
    question: str = ""
    functions: tuple[str, ...] = ()
    notes: dict[str, str] = field(default_factory=dict)
    date: dt.date = field(default_factory=dt.date.today)
    model: Model = field(default_factory=load_model, repr=False)

    # --- the episode ---

    @property
    def own(self) -> bool:
        return self.episode is None

    @property
    def title(self) -> str:
        if self.episode:
            return self.episode.title
        return " ".join(self.own_title.split()) or OWN_TITLE

    @property
    def text(self) -> str:
        return self.episode.text if self.episode else self.own_text.strip()

    def prompt(self, eye: object) -> str:
        """What a supervisor might wonder about this episode through ``eye`` ('' for your own)."""
        return self.episode.prompt(self.model.eye(eye)) if self.episode else ""

    # --- notes ---

    def note(self, eye: object) -> str:
        return self.notes.get(self.model.eye(eye).id, "")

    def set_note(self, eye: object, text: str) -> None:
        """Record ``text`` as the note for ``eye``; blank text removes the note."""
        eye_id = self.model.eye(eye).id
        if isinstance(text, str) and text.strip():
            self.notes[eye_id] = text
        else:
            self.notes.pop(eye_id, None)

    @property
    def explored(self) -> tuple[Eye, ...]:
        return tuple(e for e in self.model.eyes if self.notes.get(e.id, "").strip())

    @property
    def unexplored(self) -> tuple[Eye, ...]:
        return tuple(e for e in self.model.eyes if not self.notes.get(e.id, "").strip())

    @property
    def complete(self) -> bool:
        return not self.unexplored

    def set_functions(self, ids: Iterable[str]) -> None:
        """The functions wanted this time, kept in Proctor's order; unknown ids raise KeyError."""
        chosen = {self.model.function(i).id for i in ids}
        self.functions = tuple(f.id for f in self.model.functions if f.id in chosen)

    def progress(self) -> str:
        """One line: how many eyes are explored, and which are not yet."""
        done, total = len(self.explored), len(self.model.eyes)
        if not self.unexplored:
            return f"All {total} eyes explored."
        waiting = ", ".join(e.label for e in self.unexplored)
        return f"Explored {done} of {total} eyes. Not yet explored: {waiting}."

    def clear(self) -> None:
        """Start this episode again: notes, question and functions go; the episode stays."""
        self.notes.clear()
        self.question = ""
        self.functions = ()

    # --- export ---

    def to_markdown(self) -> str:
        """The exploration as a supervision log entry in Markdown."""
        lines = [f"# Supervision log: {self.title}", "", f"Date: {_long_date(self.date)}", ""]
        lines += ["## The episode", ""]
        if self.episode:
            lines += [f"*{self.episode.facilitator}. {self.episode.setting}*", ""]
        lines += [self.text or "(Not written yet: what happened, in a few sentences?)", ""]
        lines += ["## What I want from supervision", ""]
        lines += [self.question.strip() or "(Not written yet.)", ""]
        if self.functions:
            for fid in self.functions:
                function = self.model.function(fid)
                lines.append(f"- {function.name}: {_lower_first(function.description)}")
        else:
            lines.append("Functions: none chosen yet (formative, normative, restorative).")
        lines += ["", "## Through the seven eyes", ""]
        if not self.explored:
            lines += ["No eyes explored yet.", ""]
        for eye in self.explored:
            lines += [f"### {eye.label}", "", self.notes[eye.id].strip(), ""]
        if self.unexplored:
            lines += ["## Not yet explored", ""]
            lines += [f"- {eye.label}: {eye.focus}" for eye in self.unexplored]
            lines += ["", "Which of these might your supervisor's questions open up?", ""]
        return "\n".join(lines).rstrip() + "\n"

    def filename(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")[:40].strip("-") or "episode"
        return f"supervision-log-{self.date.isoformat()}-{slug}.md"

    def save(self, folder: str | os.PathLike = ".") -> Path:
        """Write the log into ``folder`` under a new name (never overwriting), readable by you
        alone, as reflections are confidential. Returns the path written."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self.filename()
        n = 2
        while path.exists():
            path = folder / f"{Path(self.filename()).stem}-{n}.md"
            n += 1
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(self.to_markdown())
        return path


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"
