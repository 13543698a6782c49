"""Reading a scenario document: each field checked and turned into a draft, the paths
checked, and the model built when nothing is wrong. Field lists here are the file format that
``actionlearning.simulation.schema`` describes.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from actionlearning.simulation import paths
from actionlearning.simulation.drafts import ChoiceDraft, MomentDraft
from actionlearning.simulation.nodes import (
    MEASURE,
    NodeReader,
    describe,
    fmt,
    line_of,
    named,
    suggest,
)
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


class ScenarioChecker(NodeReader):
    def __init__(self, file: str):
        super().__init__(file)
        self.members: dict[str, Member] = {}
        self.member_lines: dict[str, int] = {}
        self.stages: dict[str, Stage] = {}
        self.stage_lines: dict[str, int] = {}
        self.measures: dict[str, Measure] = {}
        self.moments: list[MomentDraft] = []
        self.by_id: dict[str, MomentDraft] = {}


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

        paths.PathCheck(self.add, self.moments, self.by_id, self.stages, self.stage_lines).check(expert_path, expert_nodes)
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
                        f"{suggest(member, self.members)}",
                    )
                    member = None
                if member is not None and issue is not None:
                    presenter = Presenter(member, issue)
        return presenter

    def read_member(self, node: Node, index: int) -> None:
        what = named(node, f"member {index}", "member")
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
            self.member_lines[mid] = line_of(f["id"])
            if len(values) == 4 and None not in values.values():
                self.members[mid] = Member(mid, **values)  # type: ignore[arg-type]
            else:  # keep the id known so that lines and airtime are not also reported
                self.members[mid] = Member(mid, mid, "", "", "")

    def read_stages(self, node: Node) -> None:
        if not isinstance(node, MappingNode):
            self.add(node, f"stages should map each stage to its minutes, not {describe(node)}")
            return
        if not node.value:
            self.add(node, "stages is empty; list the stages the scenario covers")
        last = -1
        for key_node, value in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else None
            if name not in STAGES:
                self.add(
                    key_node,
                    f"unknown stage '{name}'{suggest(str(name), STAGES)} "
                    f"(stages: {', '.join(STAGES)})",
                )
                continue
            if name in self.stage_lines:
                self.add(key_node, f"stage '{name}' is given twice "
                                   f"(first at line {self.stage_lines[name]})")
                continue
            self.stage_lines[name] = line_of(key_node)
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
            self.add(node, f"measures should map each measure to its start, not {describe(node)}")
            return
        if not node.value:
            self.add(node, "measures is empty; declare at least one measure")
        lines: dict[str, int] = {}
        for key_node, value in node.value:
            name = self.ident(key_node, "measure name", MEASURE)
            if name is None:
                continue
            if name in lines:
                self.add(key_node,
                         f"measure '{name}' is declared twice (first at line {lines[name]})")
                continue
            lines[name] = line_of(key_node)
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
                    f"{suggest(str(speaker), [*self.members, NARRATION])} "
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
            draft = MomentDraft(item)
            f = self.mapping(item, named(item, f"moment {index}", "moment"), _MOMENT)
            self.moments.append(draft)
            if f is None:
                continue
            if "id" in f:
                draft.id = self.ident(f["id"], f"moment {index}'s id")
                draft.id_line = line_of(f["id"])
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
                                             f"{suggest(draft.stage, STAGES)}")
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

    def read_choices(self, node: Node, draft: MomentDraft) -> None:
        items = self.sequence(node, f"the choices of {draft.name}")
        draft.choices = []
        if items is None:
            return
        if not _MIN_CHOICES <= len(items) <= _MAX_CHOICES:
            self.add(node, f"{draft.name} has {len(items)} choice{'s' if len(items) != 1 else ''}; "
                           f"give it {_MIN_CHOICES} to {_MAX_CHOICES}, or make it an ending")
        for number, item in enumerate(items, 1):
            c = ChoiceDraft(number, item)
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
                                        f"{suggest(c.move, MOVES)} (moves: {', '.join(MOVES)})")
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
                                       f"{fmt(sum(c.airtime.values()))} minutes, more than the "
                                       f"{fmt(c.minutes)} minutes it takes")

    def read_amounts(self, node: Node, what: str, kind: str) -> dict[str, float]:
        if not isinstance(node, MappingNode):
            self.add(node, f"the {kind} of {what} should be a mapping, not {describe(node)}")
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
                                   f"{suggest(key, known)}")
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
                    line=line_of(c.node),
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
        from actionlearning.course.programme import load_programme

        return len(load_programme().sessions)
    except Exception:  # the programme data is checked by its own tests
        return 9
