"""Loading and validating scenario files, with every problem reported by file and line.

``validate(path)`` returns a list of ``Problem`` (empty when the scenario is sound);
``load_scenario(path_or_name)`` returns a ``Scenario`` or raises ``ScenarioError`` carrying the
same list. The YAML is read with ``yaml.compose`` so that every node keeps its line; the checks
themselves are described in ``actionlearning.simulation.schema``.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import deque
from dataclasses import dataclass, field
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Iterable, Iterator

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from actionlearning.simulation.schema import (
    DEFAULT_PROMPT,
    FACILITATOR,
    MOVES,
    NARRATION,
    OUTCOMES,
    RESERVED_IDS,
    STAGES,
    Choice,
    Ending,
    Line,
    Measure,
    Member,
    Moment,
    Presenter,
    Scenario,
    Stage,
)

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
_MEASURE = re.compile(r"^[a-z][a-z0-9_]*$")
_MIN_CHOICES, _MAX_CHOICES = 2, 4

_TOP = {
    "id": True,
    "title": True,
    "session": True,
    "setting": True,
    "set": True,
    "stages": True,
    "measures": True,
    "moments": True,
    "expert_path": True,
}
_SET = {"members": True, "presenter": True}
_MEMBER = {"id": True, "name": True, "role": True, "organisation": True, "tendencies": True}
_PRESENTER = {"member": True, "issue": True}
_MEASURE_FIELDS = {"start": True, "description": False}
_MOMENT = {
    "id": True,
    "stage": True,
    "lines": True,
    "prompt": False,
    "choices": False,
    "ending": False,
    "expert": False,
}
_CHOICE = {
    "label": True,
    "move": True,
    "response": False,
    "next": True,
    "minutes": True,
    "airtime": False,
    "effects": False,
    "feedback": True,
}
_ENDING = {"title": True, "outcome": True, "text": True}


# --- problems ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario file. ``line`` is 1-based, or None for the whole file."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class ScenarioError(ValueError):
    """A scenario could not be loaded; ``problems`` lists everything found wrong."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"the scenario has {n} problem{'s' if n != 1 else ''}:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


# --- where scenarios live ---------------------------------------------------------------------


def library() -> Traversable:
    """The packaged scenario folder."""
    return resources.files("actionlearning.simulation").joinpath("scenarios")


def scenario_files() -> list[Traversable]:
    """The packaged scenario files, sorted by name."""
    return sorted(
        (f for f in library().iterdir() if f.name.endswith((".yaml", ".yml"))),
        key=lambda f: f.name,
    )


def load_library() -> list[Scenario]:
    """Every packaged scenario, sorted by session and id (raises on the first invalid file)."""
    return sorted((_load_file(f) for f in scenario_files()), key=lambda s: (s.session, s.id))


def _looks_like_path(value: str | os.PathLike) -> bool:
    if isinstance(value, (os.PathLike, Traversable)):
        return True
    return (
        os.sep in value
        or "/" in value
        or value.endswith((".yaml", ".yml"))
        or Path(value).is_file()
    )


def resolve(path_or_name: str | os.PathLike | Traversable) -> str | os.PathLike | Traversable:
    """The file for a path, or for the id of a packaged scenario; ScenarioError if none."""
    if _looks_like_path(path_or_name):
        return path_or_name
    name = str(path_or_name)
    files = scenario_files()
    for f in files:
        if f.name in (f"{name}.yaml", f"{name}.yml"):
            return f
    for f in files:  # a file not named after its id
        try:
            data = yaml.load(f.read_text("utf-8"), Loader=_Loader)
        except yaml.YAMLError:
            continue
        if isinstance(data, dict) and data.get("id") == name:
            return f
    known = ", ".join(f.name.rsplit(".", 1)[0] for f in files) or "none"
    raise ScenarioError(
        [
            Problem(
                name,
                None,
                f"there is no scenario called '{name}' in the library (it has: {known}); "
                "give a file path to load a scenario of your own",
            )
        ]
    )


def load_scenario(path_or_name: str | os.PathLike | Traversable) -> Scenario:
    """Load and check a scenario from a file path, or by the id of a packaged scenario."""
    return _load_file(resolve(path_or_name))


def _load_file(source: str | os.PathLike | Traversable) -> Scenario:
    name, text, problems = _read(source)
    if problems:
        raise ScenarioError(problems)
    scenario, problems = check_text(text, name)
    if problems:
        raise ScenarioError(problems)
    assert scenario is not None
    return scenario


def validate(path: str | os.PathLike | Traversable) -> list[Problem]:
    """Every problem in a scenario file, sorted by line; an empty list when it is sound."""
    name, text, problems = _read(path)
    if problems:
        return problems
    return check_text(text, name)[1]


def parse_scenario(text: str, file: str = "<text>") -> Scenario:
    """A scenario from YAML text; ScenarioError (naming ``file``) if anything is wrong."""
    scenario, problems = check_text(text, file)
    if problems:
        raise ScenarioError(problems)
    assert scenario is not None
    return scenario


def _read(source: str | os.PathLike | Traversable) -> tuple[str, str, list[Problem]]:
    name = str(source)
    try:
        if isinstance(source, Traversable) and not isinstance(source, Path):
            text = source.read_text("utf-8")
        else:
            text = Path(source).read_text("utf-8")
    except FileNotFoundError:
        return name, "", [Problem(name, None, "no such file")]
    except IsADirectoryError:
        return name, "", [Problem(name, None, "is a folder, not a scenario file")]
    except UnicodeDecodeError as exc:
        return name, "", [Problem(name, None, f"is not UTF-8 text ({exc.reason})")]
    except OSError as exc:
        return name, "", [Problem(name, None, f"cannot be read: {exc.strerror or exc}")]
    return name, text, []


def check_text(text: str, file: str = "<text>") -> tuple[Scenario | None, list[Problem]]:
    """Check YAML text; the scenario (None if there were problems) and the problems found."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(file, exc)]
    except yaml.YAMLError as exc:
        return None, [Problem(file, None, f"is not valid YAML: {exc}")]
    if root is None:
        empty = "is empty; a scenario starts with id, title, session, ..."
        return None, [Problem(file, None, empty)]
    checker = _Checker(file)
    scenario = checker.run(root)
    problems = sorted(checker.problems, key=lambda p: (p.line or 0))
    return (None if problems else scenario), problems


def _syntax_problem(file: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    what = exc.problem or "cannot be parsed"
    if exc.context:
        context_line = exc.context_mark.line + 1 if exc.context_mark is not None else None
        where = f" (at line {context_line})" if context_line and context_line != line else ""
        what = f"{what}, {exc.context}{where}"
    hint = ""
    if "mapping values are not allowed" in what:
        hint = ("; is there a ': ' inside a line of text? Put the text in quotes, or start a "
                "folded block with '>' and put the text on the next lines")
    elif "tab" in what:
        hint = "; indent with spaces, not tabs"
    elif "quoted scalar" in what:
        hint = ("; is a quotation mark left open? (Inside single quotes, write an apostrophe "
                "as two: 'Let''s')")
    elif "flow sequence" in what or "flow mapping" in what:
        hint = "; is a [ or { bracket left open?"
    elif any(x in what for x in ("expected '-'", "expected <block end>", "expected ':'")):
        hint = "; check the indentation of this line and the lines before it"
    return Problem(file, line, f"YAML syntax error: {what}{hint}")


# --- the checker ------------------------------------------------------------------------------


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    return {
        "null": "empty",
        "bool": f"true/false ({node.value})",
        "int": f"a number ({node.value})",
        "float": f"a number ({node.value})",
    }.get(tag, f"text ('{_clip(node.value)}')")


def _clip(text: str, n: int = 30) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _named(node: Node, fallback: str, noun: str) -> str:
    """"member 'ben'" when the mapping has a plain id, else the fallback ("member 2")."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                if _ID.match(value.value):
                    return f"{noun} '{value.value}'"
    return fallback


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


@dataclass
class _ChoiceDraft:
    number: int  # 1-based
    node: Node
    label: str | None = None
    move: str | None = None
    response: list[Line] = field(default_factory=list)
    next: str | None = None
    next_node: Node | None = None
    minutes: float | None = None
    airtime: dict[str, float] = field(default_factory=dict)
    effects: dict[str, float] = field(default_factory=dict)
    feedback: str | None = None


@dataclass
class _MomentDraft:
    node: Node
    id: str | None = None
    id_line: int = 0
    stage: str | None = None
    stage_node: Node | None = None
    lines: list[Line] = field(default_factory=list)
    prompt: str = DEFAULT_PROMPT
    choices: list[_ChoiceDraft] | None = None
    ending: Ending | None = None
    has_ending: bool = False
    expert: int | None = None  # 1-based as written
    expert_node: Node | None = None

    @property
    def name(self) -> str:
        return f"moment '{self.id}'" if self.id else f"the moment at line {_line(self.node)}"


class _Checker:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self._constructor = SafeConstructor()
        self.members: dict[str, Member] = {}
        self.member_lines: dict[str, int] = {}
        self.stages: dict[str, Stage] = {}
        self.stage_lines: dict[str, int] = {}
        self.measures: dict[str, Measure] = {}
        self.moments: list[_MomentDraft] = []
        self.by_id: dict[str, _MomentDraft] = {}

    # --- reporting and typed access ------------------------------------------------------
    def add(self, where: Node | int | None, message: str) -> None:
        line = _line(where) if isinstance(where, Node) else where
        self.problems.append(Problem(self.file, line, message))

    def mapping(self, node: Node, what: str, fields: dict[str, bool],
                missing: dict[str, str] | None = None) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.add(node, f"{what} should be a mapping of fields, not {_describe(node)}")
            return None
        found: dict[str, Node] = {}
        lines: dict[str, int] = {}
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode):
                self.add(key_node, f"{what}: a field name should be plain text")
                continue
            key = key_node.value
            if key in found or key in lines:
                self.add(key_node, f"{what} gives '{key}' twice (first at line {lines[key]})")
                continue
            lines[key] = _line(key_node)
            if key not in fields:
                self.add(
                    key_node,
                    f"unknown field '{key}' in {what}{_suggest(key, fields)} "
                    f"(fields: {', '.join(fields)})",
                )
                continue
            found[key] = value
        for name, required in fields.items():
            if required and name not in found and name not in lines:
                self.add(node, f"{what} has no '{name}'{(missing or {}).get(name, '')}")
        return found

    def sequence(self, node: Node, what: str) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.add(node, f"{what} should be a list, not {_describe(node)}")
            return None
        return list(node.value)

    def text(self, node: Node, what: str) -> str | None:
        if not isinstance(node, ScalarNode):
            self.add(node, f"{what} should be text, not {_describe(node)}")
            return None
        if node.tag.endswith(":null") or not node.value.strip():
            self.add(node, f"{what} is empty")
            return None
        return " ".join(node.value.split())

    def ident(self, node: Node, what: str, pattern: re.Pattern = _ID) -> str | None:
        value = self.text(node, what)
        if value is not None and not pattern.match(value):
            allowed = "lower-case letters, digits and underscores" if pattern is _MEASURE else (
                "lower-case letters, digits, hyphens and underscores"
            )
            self.add(node, f"{what} '{value}' should start with a letter and use only {allowed}")
            return None
        return value

    def number(self, node: Node, what: str, *, positive: bool = False,
               non_negative: bool = False) -> float | None:
        if not isinstance(node, ScalarNode) or not node.tag.endswith((":int", ":float")):
            self.add(node, f"{what} should be a number, not {_describe(node)}")
            return None
        value = float(self._constructor.construct_object(node))
        if value != value or value in (float("inf"), float("-inf")):
            self.add(node, f"{what} should be a finite number, not {node.value}")
            return None
        if not (value * 4).is_integer():
            self.add(node, f"{what} is {node.value}; use whole minutes or halves or quarters "
                           "(0.5, 0.25), which keeps every sum exact")
            return None
        if positive and value <= 0:
            self.add(node, f"{what} should be more than 0, not {node.value}")
            return None
        if non_negative and value < 0:
            self.add(node, f"{what} should not be negative ({node.value})")
            return None
        return value

    def integer(self, node: Node, what: str, low: int, high: int) -> int | None:
        if not isinstance(node, ScalarNode) or not node.tag.endswith(":int"):
            self.add(node, f"{what} should be a whole number, not {_describe(node)}")
            return None
        value = int(self._constructor.construct_object(node))
        if not low <= value <= high:
            self.add(node, f"{what} should be between {low} and {high}, not {value}")
            return None
        return value

    # --- the document -------------------------------------------------------------------
    def run(self, root: Node) -> Scenario | None:
        top = self.mapping(root, "the scenario", _TOP)
        if top is None:
            return None
        sid = self.ident(top["id"], "id") if "id" in top else None
        title = self.text(top["title"], "title") if "title" in top else None
        session = (
            self.integer(top["session"], "session", 1, _session_count())
            if "session" in top
            else None
        )
        setting = self.text(top["setting"], "setting") if "setting" in top else None
        presenter = self.read_set(top["set"]) if "set" in top else None
        if "stages" in top:
            self.read_stages(top["stages"])
        if "measures" in top:
            self.read_measures(top["measures"])
        if "moments" in top:
            self.read_moments(top["moments"])
        expert_path, expert_nodes = self.read_expert_path(top.get("expert_path"))

        self.check_graph(expert_path, expert_nodes)
        if self.problems or None in (sid, title, session, setting, presenter):
            return None
        return self.build(sid, title, session, setting, presenter, expert_path)

    def read_set(self, node: Node) -> Presenter | None:
        fields = self.mapping(node, "set", _SET)
        if fields is None:
            return None
        if "members" in fields:
            items = self.sequence(fields["members"], "set.members") or []
            if isinstance(fields["members"], SequenceNode) and not items:
                self.add(fields["members"], "set.members is empty; a set needs members")
            for i, item in enumerate(items, 1):
                self.read_member(item, i)
        presenter = None
        if "presenter" in fields:
            p = self.mapping(fields["presenter"], "set.presenter", _PRESENTER)
            if p is not None:
                member = self.ident(p["member"], "set.presenter.member") if "member" in p else None
                issue = self.text(p["issue"], "set.presenter.issue") if "issue" in p else None
                if member is not None and member not in self.members:
                    self.add(
                        p["member"],
                        f"the presenter '{member}' is not a member of the set"
                        f"{_suggest(member, self.members)}",
                    )
                    member = None
                if member is not None and issue is not None:
                    presenter = Presenter(member, issue)
        return presenter

    def read_member(self, node: Node, index: int) -> None:
        what = _named(node, f"member {index}", "member")
        f = self.mapping(node, what, _MEMBER)
        if f is None:
            return
        mid = self.ident(f["id"], f"{what}'s id") if "id" in f else None
        if mid is not None:
            what = f"member '{mid}'"
            if mid in RESERVED_IDS:
                self.add(f["id"], f"'{mid}' is reserved and cannot be a member's id")
                mid = None
            elif mid in self.members or mid in self.member_lines:
                self.add(
                    f["id"],
                    f"duplicate member id '{mid}' (first used at line {self.member_lines[mid]})",
                )
                mid = None
        values = {k: self.text(f[k], f"{what}'s {k}") for k in _MEMBER if k != "id" and k in f}
        if mid is not None:
            self.member_lines[mid] = _line(f["id"])
            if len(values) == 4 and None not in values.values():
                self.members[mid] = Member(mid, **values)  # type: ignore[arg-type]
            else:  # keep the id known so that lines and airtime are not also reported
                self.members[mid] = Member(mid, mid, "", "", "")

    def read_stages(self, node: Node) -> None:
        if not isinstance(node, MappingNode):
            self.add(node, f"stages should map each stage to its minutes, not {_describe(node)}")
            return
        if not node.value:
            self.add(node, "stages is empty; list the stages the scenario covers")
        last = -1
        for key_node, value in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else None
            if name not in STAGES:
                self.add(
                    key_node,
                    f"unknown stage '{name}'{_suggest(str(name), STAGES)} "
                    f"(stages: {', '.join(STAGES)})",
                )
                continue
            if name in self.stage_lines:
                self.add(key_node, f"stage '{name}' is given twice "
                                   f"(first at line {self.stage_lines[name]})")
                continue
            self.stage_lines[name] = _line(key_node)
            order = STAGES.index(name)
            if order < last:
                self.add(
                    key_node,
                    f"stage '{name}' is out of order; stages follow a set meeting: "
                    f"{', '.join(STAGES)}",
                )
            last = max(last, order)
            minutes = self.number(value, f"the time budget of stage '{name}'", positive=True)
            if minutes is not None:
                self.stages[name] = Stage(name, minutes)

    def read_measures(self, node: Node) -> None:
        if not isinstance(node, MappingNode):
            self.add(node, f"measures should map each measure to its start, not {_describe(node)}")
            return
        if not node.value:
            self.add(node, "measures is empty; declare at least one measure")
        lines: dict[str, int] = {}
        for key_node, value in node.value:
            name = self.ident(key_node, "measure name", _MEASURE)
            if name is None:
                continue
            if name in lines:
                self.add(key_node,
                         f"measure '{name}' is declared twice (first at line {lines[name]})")
                continue
            lines[name] = _line(key_node)
            description = ""
            if isinstance(value, MappingNode):
                f = self.mapping(value, f"measure '{name}'", _MEASURE_FIELDS)
                if f is None or "start" not in f:
                    self.measures[name] = Measure(name, 0.0)
                    continue
                start = self.number(f["start"], f"the start of measure '{name}'")
                if "description" in f:
                    description = self.text(f["description"], f"the description of '{name}'") or ""
            else:
                start = self.number(value, f"the start of measure '{name}'")
            self.measures[name] = Measure(name, start if start is not None else 0.0, description)

    def read_lines(self, node: Node, what: str) -> list[Line]:
        items = self.sequence(node, what)
        if items is None:
            return []
        lines = []
        for i, item in enumerate(items, 1):
            where = f"line {i} of {what}"
            if not isinstance(item, MappingNode) or len(item.value) != 1:
                self.add(item, f"{where} should be one 'speaker: text' pair (a member id or "
                               "narration), as in '- leanne: I think...'")
                continue
            key_node, value = item.value[0]
            speaker = key_node.value if isinstance(key_node, ScalarNode) else None
            text = self.text(value, where)
            if speaker == FACILITATOR:
                self.add(key_node, f"{where}: the facilitator is the trainee, whose words are "
                                   "the choices' labels; use narration for what they have done")
                continue
            if speaker != NARRATION and speaker not in self.members:
                self.add(
                    key_node,
                    f"{where}: unknown speaker '{speaker}'"
                    f"{_suggest(str(speaker), [*self.members, NARRATION])} "
                    "(a member id, or narration)",
                )
                continue
            if text is not None:
                lines.append(Line(None if speaker == NARRATION else speaker, text))
        return lines

    def read_moments(self, node: Node) -> None:
        items = self.sequence(node, "moments")
        if items is None:
            return
        if not items:
            self.add(node, "moments is empty; a scenario needs at least a decision and an ending")
        for index, item in enumerate(items, 1):
            draft = _MomentDraft(item)
            f = self.mapping(item, _named(item, f"moment {index}", "moment"), _MOMENT)
            self.moments.append(draft)
            if f is None:
                continue
            if "id" in f:
                draft.id = self.ident(f["id"], f"moment {index}'s id")
                draft.id_line = _line(f["id"])
                if draft.id in self.by_id:
                    first = self.by_id[draft.id].id_line
                    self.add(f["id"],
                             f"duplicate moment id '{draft.id}' (first used at line {first})")
                elif draft.id is not None:
                    self.by_id[draft.id] = draft
            what = draft.name
            if "stage" in f:
                draft.stage = self.text(f["stage"], f"the stage of {what}")
                draft.stage_node = f["stage"]
                if draft.stage is not None and draft.stage not in self.stages:
                    if draft.stage in STAGES and draft.stage not in self.stage_lines:
                        self.add(f["stage"], f"{what} is in stage '{draft.stage}', which is not "
                                             f"among the scenario's stages "
                                             f"({', '.join(self.stage_lines) or 'none'})")
                    elif draft.stage not in STAGES:
                        self.add(f["stage"], f"{what} has an unknown stage '{draft.stage}'"
                                             f"{_suggest(draft.stage, STAGES)}")
                    draft.stage = None
            if "lines" in f:
                draft.lines = self.read_lines(f["lines"], what)
                if isinstance(f["lines"], SequenceNode) and not f["lines"].value:
                    self.add(f["lines"], f"{what} has no lines; say what happens, even if it is "
                                         "only narration")
            if "prompt" in f:
                draft.prompt = self.text(f["prompt"], f"the prompt of {what}") or DEFAULT_PROMPT
            if "choices" in f:
                self.read_choices(f["choices"], draft)
            if "ending" in f:
                draft.has_ending = True
                draft.ending = self.read_ending(f["ending"], what)
            if "expert" in f:
                draft.expert_node = f["expert"]
                draft.expert = self.integer(f["expert"], f"the expert choice of {what}", 1, 99)
            if draft.choices is not None and draft.has_ending:
                self.add(item, f"{what} has both choices and an ending; give it one or the other")
            elif draft.choices is None and not draft.has_ending:
                self.add(item, f"{what} is a dead end: it has neither choices nor an ending")
            if draft.has_ending and draft.expert_node is not None:
                self.add(draft.expert_node, f"{what} is an ending, so it has no expert choice")
            elif draft.choices is not None and draft.expert is not None:
                if draft.expert > len(draft.choices):
                    self.add(draft.expert_node, f"the expert choice of {what} is {draft.expert}, "
                                                f"but it has only {len(draft.choices)} choices")
                    draft.expert = None

    def read_choices(self, node: Node, draft: _MomentDraft) -> None:
        items = self.sequence(node, f"the choices of {draft.name}")
        draft.choices = []
        if items is None:
            return
        if not _MIN_CHOICES <= len(items) <= _MAX_CHOICES:
            self.add(node, f"{draft.name} has {len(items)} choice{'s' if len(items) != 1 else ''}; "
                           f"give it {_MIN_CHOICES} to {_MAX_CHOICES}, or make it an ending")
        for number, item in enumerate(items, 1):
            c = _ChoiceDraft(number, item)
            draft.choices.append(c)
            what = f"choice {number} of {draft.name}"
            f = self.mapping(item, what, _CHOICE, {
                "feedback": "; every choice needs feedback explaining its consequences",
                "next": "; every choice leads to a next moment",
            })
            if f is None:
                continue
            if "label" in f:
                c.label = self.text(f["label"], f"the label of {what}")
            if "move" in f:
                c.move = self.text(f["move"], f"the move of {what}")
                if c.move is not None and c.move not in MOVES:
                    self.add(f["move"], f"{what} has an unknown move '{c.move}'"
                                        f"{_suggest(c.move, MOVES)} (moves: {', '.join(MOVES)})")
                    c.move = None
            if "response" in f:
                c.response = self.read_lines(f["response"], f"the response to {what}")
            if "next" in f:
                c.next = self.ident(f["next"], f"the next moment of {what}")
                c.next_node = f["next"]
            if "minutes" in f:
                c.minutes = self.number(f["minutes"], f"the minutes of {what}", positive=True)
            if "airtime" in f:
                c.airtime = self.read_amounts(f["airtime"], what, "airtime")
            if "effects" in f:
                c.effects = self.read_amounts(f["effects"], what, "effects")
            if "feedback" in f:
                c.feedback = self.text(f["feedback"], f"the feedback of {what}")
            if c.minutes is not None and c.airtime and sum(c.airtime.values()) > c.minutes:
                self.add(f["airtime"], f"the airtime of {what} adds up to "
                                       f"{_fmt(sum(c.airtime.values()))} minutes, more than the "
                                       f"{_fmt(c.minutes)} minutes it takes")

    def read_amounts(self, node: Node, what: str, kind: str) -> dict[str, float]:
        if not isinstance(node, MappingNode):
            self.add(node, f"the {kind} of {what} should be a mapping, not {_describe(node)}")
            return {}
        result: dict[str, float] = {}
        if kind == "airtime":
            known, noun = [*self.members, FACILITATOR], "member of the set (or facilitator)"
        else:
            known, noun = list(self.measures), "declared measure"
        for key_node, value in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else str(key_node)
            if key in result:
                self.add(key_node, f"the {kind} of {what} gives '{key}' twice")
                continue
            if key not in known:
                self.add(key_node, f"the {kind} of {what} names '{key}', which is not a {noun}"
                                   f"{_suggest(key, known)}")
                continue
            if kind == "airtime":
                amount = self.number(value, f"{key}'s airtime in {what}", non_negative=True)
            else:
                amount = self.number(value, f"the effect on {key} in {what}")
            if amount is not None:
                result[key] = amount
        return result

    def read_ending(self, node: Node, what: str) -> Ending | None:
        f = self.mapping(node, f"the ending of {what}", _ENDING)
        if f is None:
            return None
        title = self.text(f["title"], f"the ending title of {what}") if "title" in f else None
        text = self.text(f["text"], f"the ending text of {what}") if "text" in f else None
        outcome = self.text(f["outcome"], f"the outcome of {what}") if "outcome" in f else None
        if outcome is not None and outcome not in OUTCOMES:
            self.add(f["outcome"], f"the outcome of {what} is '{outcome}'; "
                                   f"use one of {', '.join(OUTCOMES)}")
            outcome = None
        if None in (title, text, outcome):
            return None
        return Ending(title, outcome, text)  # type: ignore[arg-type]

    def read_expert_path(self, node: Node | None) -> tuple[list[int] | None, list[Node]]:
        if node is None:
            return None, []
        items = self.sequence(node, "expert_path")
        if items is None:
            return None, []
        if not items:
            self.add(node, "expert_path is empty; give the choices an experienced facilitator "
                           "would make, numbered from 1")
            return None, []
        path = []
        for i, item in enumerate(items, 1):
            n = self.integer(item, f"step {i} of expert_path", 1, _MAX_CHOICES)
            if n is None:
                return None, []
            path.append(n)
        return path, items

    # --- the graph ----------------------------------------------------------------------
    def check_graph(self, expert_path: list[int] | None, expert_nodes: list[Node]) -> None:
        by_id = self.by_id
        complete = True  # every edge known: safe to look for loops and time overruns
        for m in self.moments:
            for c in m.choices or ():
                if c.next is None or c.minutes is None:
                    complete = False
                if c.next is not None and c.next not in by_id:
                    self.add(c.next_node, f"choice {c.number} of {m.name} leads to '{c.next}', "
                                          f"but there is no moment with that id"
                                          f"{_suggest(c.next, by_id)}")
                    complete = False
                    continue
                target = by_id.get(c.next) if c.next else None
                if target and m.stage and target.stage and (
                    STAGES.index(target.stage) < STAGES.index(m.stage)
                ):
                    self.add(c.next_node, f"choice {c.number} of {m.name} goes back from stage "
                                          f"'{m.stage}' to '{target.stage}'; a round moves "
                                          "forward through the stages")
            if m.stage is None or m.id is None:
                complete = False
        if not self.moments or self.moments[0].id is None:
            return
        start = self.moments[0]

        # reachability from the first moment
        seen = {start.id}
        queue = deque([start])
        while queue:
            m = queue.popleft()
            for c in m.choices or ():
                if c.next in by_id and c.next not in seen:
                    seen.add(c.next)
                    queue.append(by_id[c.next])
        for m in self.moments:
            if m.id is not None and by_id.get(m.id) is m and m.id not in seen:
                self.add(m.id_line, f"{m.name} cannot be reached from the first moment "
                                    f"('{start.id}'): no choice leads to it")

        # stages declared but never played
        played = {m.stage for m in self.moments if m.stage}
        for name, line in self.stage_lines.items():
            if name not in played and self.moments:
                self.add(line, f"stage '{name}' is declared but no moment happens in it")

        loops = self.find_loops(start)
        self.check_expert(start, expert_path, expert_nodes)
        if complete and not loops:
            self.check_time(start, seen)

    def find_loops(self, start: _MomentDraft) -> bool:
        by_id = self.by_id
        state: dict[str, int] = {}  # 1 on the current path, 2 done
        found = False
        stack: list[tuple[_MomentDraft, Iterator[_ChoiceDraft]]] = [
            (start, iter(start.choices or ()))
        ]
        trail = [start.id]
        state[start.id] = 1
        while stack:
            m, it = stack[-1]
            c = next(it, None)
            if c is None:
                state[m.id] = 2
                stack.pop()
                trail.pop()
                continue
            target = by_id.get(c.next) if c.next else None
            if target is None:
                continue
            if state.get(target.id) == 1:
                loop = trail[trail.index(target.id):] + [target.id]
                self.add(c.next_node, f"choice {c.number} of {m.name} leads back to "
                                      f"'{target.id}', making a loop ({' -> '.join(loop)}); "
                                      "every path must move forward to an ending")
                found = True
            elif target.id not in state:
                state[target.id] = 1
                trail.append(target.id)
                stack.append((target, iter(target.choices or ())))
        return found

    def check_expert(self, start: _MomentDraft, path: list[int] | None,
                     nodes: list[Node]) -> dict[str, int]:
        route: dict[str, int] = {}
        if path is None:
            return route
        m: _MomentDraft | None = start
        for i, (n, node) in enumerate(zip(path, nodes), 1):
            if m is None or m.choices is None:
                if m is not None and m.has_ending:
                    self.add(node, f"the expert path reaches the ending '{m.id}' after {i - 1} "
                                   f"choices, but lists {len(path)}")
                return route
            if n > len(m.choices):
                self.add(node, f"step {i} of expert_path chooses {n} at {m.name}, which has only "
                               f"{len(m.choices)} choices")
                return route
            route[m.id] = n
            if m.expert is not None and m.expert != n:
                self.add(m.expert_node, f"{m.name} gives {m.expert} as the expert choice, but "
                                        f"expert_path chooses {n} there")
            c = m.choices[n - 1]
            m = self.by_id.get(c.next) if c.next else None
            if m is None:
                return route
        if m is not None and m.choices is not None:
            self.add(nodes[-1] if nodes else None,
                     f"the expert path stops at {m.name} after {len(path)} choices; it should "
                     "continue to an ending")
        elif m is not None and m.ending is not None and m.ending.outcome != "good":
            self.add(nodes[-1], f"the expert path ends at '{m.id}', whose outcome is "
                                f"'{m.ending.outcome}'; an expert path should end well")
        return route

    def check_time(self, start: _MomentDraft, reachable: set[str]) -> None:
        """Report, for each stage, a path that spends more than the stage's budget in it."""
        by_id = self.by_id
        longest: dict[str, tuple[float, int | None]] = {}  # moment -> (minutes, best choice)

        def within(m: _MomentDraft) -> float:
            if m.id in longest:
                return longest[m.id][0]
            # iterative post-order over the stage-restricted sub-graph
            stack = [(m, False)]
            while stack:
                node, expanded = stack.pop()
                if node.id in longest:
                    continue
                if not expanded:
                    stack.append((node, True))
                    for c in node.choices or ():
                        t = by_id[c.next]
                        if t.stage == node.stage and t.id not in longest:
                            stack.append((t, False))
                    continue
                best, best_i = 0.0, None
                for i, c in enumerate(node.choices or ()):
                    t = by_id[c.next]
                    total = c.minutes + (longest[t.id][0] if t.stage == node.stage else 0.0)
                    if best_i is None or total > best:
                        best, best_i = total, i
                longest[node.id] = (best, best_i)
            return longest[m.id][0]

        # a shortest route to each reachable moment, to show a whole path in the message
        parent: dict[str, tuple[str, int] | None] = {start.id: None}
        queue = deque([start])
        while queue:
            m = queue.popleft()
            for i, c in enumerate(m.choices or ()):
                if c.next not in parent:
                    parent[c.next] = (m.id, i)
                    queue.append(by_id[c.next])

        for name, stage in self.stages.items():
            worst, worst_m = -1.0, None
            for mid in reachable:
                m = by_id[mid]
                if m.stage == name and (t := within(m)) > worst:
                    worst, worst_m = t, m
            if worst_m is None or worst <= stage.minutes:
                continue
            steps: list[tuple[str, int]] = []
            at = worst_m.id
            while parent[at] is not None:
                prev, i = parent[at]
                steps.append((prev, i))
                at = prev
            steps.reverse()
            m = worst_m
            while (best_i := longest[m.id][1]) is not None:
                steps.append((m.id, best_i))
                t = by_id[m.choices[best_i].next]
                if t.stage != name:
                    break
                m = t
            spent, crossing = 0.0, None
            for mid, i in steps:
                if by_id[mid].stage == name:
                    spent += by_id[mid].choices[i].minutes
                    if crossing is None and spent > stage.minutes:
                        crossing = by_id[mid].choices[i]
            numbers = ", ".join(str(i + 1) for _, i in steps)
            self.add(
                crossing.node if crossing else self.stage_lines[name],
                f"a path runs past the time budget of stage '{name}' ({_fmt(stage.minutes)} "
                f"minutes): choosing {numbers} spends {_fmt(spent)} minutes in it",
            )

    # --- the model ----------------------------------------------------------------------
    def build(self, sid, title, session, setting, presenter, expert_path) -> Scenario:
        moments = []
        for m in self.moments:
            choices = tuple(
                Choice(
                    label=c.label,
                    move=c.move,
                    next=c.next,
                    minutes=c.minutes,
                    feedback=c.feedback,
                    response=tuple(c.response),
                    airtime=dict(c.airtime),
                    effects=dict(c.effects),
                    line=_line(c.node),
                )
                for c in m.choices or ()
            )
            moments.append(
                Moment(
                    id=m.id,
                    stage=m.stage,
                    lines=tuple(m.lines),
                    choices=choices,
                    ending=m.ending,
                    prompt=m.prompt,
                    expert=m.expert - 1 if m.expert is not None else None,
                    line=m.id_line,
                )
            )
        return Scenario(
            id=sid,
            title=title,
            session=session,
            setting=setting,
            members=tuple(self.members.values()),
            presenter=presenter,
            stages=tuple(sorted(self.stages.values(), key=lambda s: STAGES.index(s.name))),
            measures=tuple(self.measures.values()),
            moments=tuple(moments),
            expert_path=tuple(n - 1 for n in expert_path),
            source=self.file,
        )


def _session_count() -> int:
    try:
        from actionlearning.programme import load_programme

        return len(load_programme().sessions)
    except Exception:  # the programme data is checked by its own tests
        return 9
