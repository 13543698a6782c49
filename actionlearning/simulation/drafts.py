"""A scenario as read so far: its moments and choices before the model is built, each keeping
the YAML node it came from so that later checks can point at the right line."""

from __future__ import annotations

from dataclasses import dataclass, field

from yaml.nodes import Node

from actionlearning.simulation.nodes import line_of
from actionlearning.simulation.schema import DEFAULT_PROMPT, Ending, Line


@dataclass
class ChoiceDraft:
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
class MomentDraft:
    node: Node
    id: str | None = None
    id_line: int = 0
    stage: str | None = None
    stage_node: Node | None = None
    lines: list[Line] = field(default_factory=list)
    prompt: str = DEFAULT_PROMPT
    choices: list[ChoiceDraft] | None = None
    ending: Ending | None = None
    has_ending: bool = False
    expert: int | None = None  # 1-based as written
    expert_node: Node | None = None

    @property
    def name(self) -> str:
        return f"moment '{self.id}'" if self.id else f"the moment at line {line_of(self.node)}"
