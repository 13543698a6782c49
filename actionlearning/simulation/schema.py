"""The scenario schema: how to write a simulated set round, and the model it loads into.

A scenario is one YAML file in ``actionlearning/simulation/scenarios/``, named after its id
(``advice-in-disguise.yaml`` holds ``id: advice-in-disguise``). A trainee plays it as the
facilitator: the scenario shows what the set says, stops at a critical moment, offers the
trainee two to four things a facilitator might reasonably do, and moves on to what follows.
Each choice costs simulated minutes, gives people airtime, moves the scenario's measures and
carries feedback that the trainee reads in the debrief.

Check a file as you write it::

    actionlearning scenario validate path/to/my-scenario.yaml
    actionlearning scenario play path/to/my-scenario.yaml --choices 2,1,3,1,2,1

The validator reports every problem at once, as ``FILE:LINE: message``.

A small but complete scenario
=============================

::

    id: silence-after-a-question          # lower case, digits and hyphens; the file's name
    title: The silence after a good question
    session: 5                             # the session (1-9) of the programme it serves
    setting: >                             # one paragraph: where, when, who, what is at stake
      The third meeting of a set from the Calderbrook i-THRIVE programme ...

    set:
      members:                             # everyone in the set except the facilitator
        - id: leanne                       # used in lines, airtime and presenter
          name: Leanne Marsh
          role: Community CAMHS team manager
          organisation: Calderbrook CAMHS
          tendencies: Thinks aloud; apologises for silences; goes deeper when given time.
        - id: marcus
          name: Marcus Webb
          role: Head of Children's Transformation
          organisation: Calderbrook ICB
          tendencies: Generous, quick, fills silences with suggestions.
      presenter:
        member: leanne
        issue: My team still talks in tiers, and I think I may be the one who is stuck.

    stages:                                # the stages the scenario covers, in meeting order,
      questioning: 12                      # each with its time budget in minutes
      action: 6

    measures:                              # running totals the choices move
      presenter_ownership: {start: 5, description: The presenter owns the issue and the action}
      safety: 5                            # a bare number is the starting value

    moments:                               # the first moment listed is where the round starts
      - id: long-pause
        stage: questioning
        lines:                             # what is said; a member id or narration per line
          - narration: Femi has asked, "What would you lose if the tiers went?" Leanne is quiet.
          - marcus: Can I just jump in with a thought?
        prompt: Ten seconds of silence. What do you do?     # optional; a default is shown
        choices:                           # two to four
          - label: Hold up a hand to Marcus and keep the silence.   # what you do or say
            move: silence                  # one of MOVES (below)
            response:                      # optional: what happens straight after the choice
              - leanne: I think ... I'd lose being the person who built them.
            next: ownership                # the moment that follows
            minutes: 3                     # simulated time, charged to this moment's stage
            airtime: {facilitator: 0.25, leanne: 2}   # minutes of talk, per member id
            effects: {presenter_ownership: 2, safety: 1}
            feedback: >                    # why, grounded in the curriculum's frameworks
              Keeping the silence gives Leanne the time a fresh question needs ...
          - label: Let Marcus in.
            move: silence
            next: marcus-plan
            minutes: 4
            airtime: {marcus: 3, leanne: 0.5}
            effects: {presenter_ownership: -1}
            feedback: >
              ...
      - id: ownership
        stage: action
        lines:
          - leanne: I'm going to tell the team the story of how the tiers came about.
        ending:                            # a moment has either choices or an ending
          title: Leanne's own experiment
          outcome: good                    # good, mixed or poor
          text: >
            One paragraph that closes the round ...
      - id: marcus-plan
        ...

    expert_path: [1, 2]                    # what an experienced facilitator would choose,
                                           # numbered from 1 as the trainee sees the choices

Fields
======

Top level: ``id``, ``title``, ``session``, ``setting``, ``set``, ``stages``, ``measures``,
``moments`` and ``expert_path`` are all required; nothing else is allowed (a misspelt field is
reported with a suggestion).

``set.members``
    A list of members, each with ``id``, ``name``, ``role``, ``organisation`` and
    ``tendencies`` (a sentence on how this person tends to behave in a set: it helps a trainee
    read the room, and keeps the author's voices consistent). The ids ``facilitator`` and
    ``narration`` are reserved. The facilitator is always the trainee, and is never a member.
``set.presenter``
    ``member`` (a member id) and ``issue`` (the issue in the presenter's words).
``stages``
    A mapping from stage to minutes, in the order of a set meeting: ``check-in``,
    ``updates``, ``bidding``, ``presentation``, ``clarifying``, ``questioning``, ``action``,
    ``process-review``, ``check-out`` (see ``STAGES``). List only the stages the scenario
    covers; the budget is the time the scenario allows for the part of the stage it plays.
``measures``
    A mapping from measure name (lower case and underscores) to its starting value, or to
    ``{start: N, description: ...}``. Measures are plain running totals of the choices'
    effects, never clamped, so every number in a debrief can be traced back to the YAML.
    Write them so that higher is better (``safety``, not ``anxiety``).
``moments``
    A list. Each moment has an ``id``, a ``stage`` (one of the stages declared), ``lines``
    (a non-empty list of one-key mappings: a member id, or ``narration``, to the text) and
    either ``choices`` (two to four) or an ``ending``. A decision moment may also have a
    ``prompt`` (the question put to the trainee; default ``What do you do?``) and
    ``expert`` (the number of the choice an experienced facilitator would make here, for
    moments off the expert path: the debrief then has something to compare a trainee with
    after they have left the expert's route).
``choices``
    Each choice has ``label`` (what the facilitator does or says, in the second person or
    as quoted words), ``move`` (the kind of intervention, from ``MOVES``), ``next``,
    ``minutes``, ``feedback`` and optionally ``response`` (lines, as in a moment, that
    happen straight after the choice and before the next moment: use them to show the
    consequence of this choice when several choices lead to the same moment), ``airtime``
    and ``effects``.
``ending``
    ``title``, ``outcome`` (``good``, ``mixed`` or ``poor``) and ``text``, the closing
    paragraph.
``expert_path``
    The choices an experienced facilitator would make, from the first moment to an ending,
    numbered from 1 (as ``--choices`` is). It must end at an ending whose outcome is good.

Time and airtime
================

A moment is an instant. A choice's ``minutes`` cover everything from the facilitator's choice
up to the next moment, including its ``response`` and the ``lines`` shown at the next moment;
they are charged to the stage of the moment where the choice is made. ``airtime`` gives the
minutes of that stretch each person spends talking (member ids and ``facilitator``); it may
add up to less than ``minutes`` (silence, writing, thinking) but never to more. Numbers are
whole minutes, or halves or quarters (``0.25`` is fifteen seconds), which keeps every sum
exact. The round's clock starts at 0 at the first moment.

What the validator checks
=========================

YAML syntax; required fields, their types and unknown fields; duplicate keys and duplicate
ids (members, moments); unknown speakers, stages, moves and ``next`` targets; moments that
cannot be reached from the first moment; loops (a path must always move forward); moves back
to an earlier stage; dead ends (a moment with neither choices nor an ending); two to four
choices; feedback on every choice; airtime and effects only for declared members and
measures, airtime never exceeding a choice's minutes; stages declared but never played; an
expert path (and every ``expert``) that picks valid choices and ends well; and that no path
runs past the time budget of any stage it passes through.

Writing good scenarios
======================

* Every option should be something a reasonable new facilitator might do, with honest
  trade-offs: no straw men. The feedback on the expert's choice names its costs too.
* Feedback is warm, non-directive and grounded: name the idea and whose it is ("Marquardt's
  ground rule that statements come only in response to questions ...").
* Let consequences show. Use a choice's ``response`` for its immediate effect, and keep two
  or three versions of a later moment (a set that trusts, a set that is wary) when a choice
  should change what happens next. Branches may join again: the graph is a network, not a
  tree, which keeps the number of moments manageable while every path stays distinct.
* Where branches join, write the joining moment's lines, and every ending's text, so that
  they are true whichever way the trainee arrived: an ending that thanks "Mo's question" is
  wrong on a path where Mo never asked it. Play a few unlikely paths before you commit.
* Keep the measures honest: the expert path should score well on them, and good endings
  should on average score better than poor ones (the tests check both for the library).
* Silence has two kinds: a silence held on purpose (after a deep question, when the presenter
  is about to go further) is often the best move; saying nothing while harm or drift goes on is
  a failure to intervene. Give every silence response lines that show what happens in the
  quiet, and let its feedback say which kind it was.
* More than one closing should reach a good ending: the presenter's own words for a next step,
  a question to take away, a check-back at the next meeting, as well as a commitment rating.
  tests/simulation/test_scenario_balance.py holds the library to both points.
* A ': ' inside unquoted text breaks YAML; quote such lines, or use a ``>`` block.
* Aim for at least six decisions on every path and at least three endings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

#: The stages of a set meeting, in order, as scenario files name them.
STAGES: tuple[str, ...] = (
    "check-in",
    "updates",
    "bidding",
    "presentation",
    "clarifying",
    "questioning",
    "action",
    "process-review",
    "check-out",
)

STAGE_TITLES: Mapping[str, str] = MappingProxyType(
    {
        "check-in": "Check-in",
        "updates": "Updates",
        "bidding": "Bidding",
        "presentation": "Presentation",
        "clarifying": "Clarifying questions",
        "questioning": "Exploratory questions",
        "action": "From problem to action",
        "process-review": "Process review",
        "check-out": "Check-out",
    }
)

#: The kinds of facilitator move a choice can make, with a short description of each.
MOVES: Mapping[str, str] = MappingProxyType(
    {
        "silence": "stay silent and let the set work",
        "question": "ask the presenter or the set a question",
        "invite": "bring someone in",
        "redirect": "redirect a contribution (for example, ask for the question behind advice)",
        "ground-rule": "return to a ground rule or the contract",
        "process-comment": "make a brief comment on the process",
        "hypothesis": "offer a tentative hypothesis about what is happening in the group",
        "summarise": "summarise or reflect back",
        "information": "give information or a proposal (programmed knowledge)",
        "call-time": "call time or move the set on",
        "time-out": "call a short time-out for process review",
    }
)

#: How an ending turned out.
OUTCOMES: tuple[str, ...] = ("good", "mixed", "poor")

FACILITATOR = "facilitator"
NARRATION = "narration"
RESERVED_IDS = frozenset({FACILITATOR, NARRATION})
DEFAULT_PROMPT = "What do you do?"


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    role: str
    organisation: str
    tendencies: str


@dataclass(frozen=True)
class Presenter:
    member: str
    issue: str


@dataclass(frozen=True)
class Stage:
    name: str
    minutes: float

    @property
    def title(self) -> str:
        return STAGE_TITLES.get(self.name, self.name)


@dataclass(frozen=True)
class Measure:
    name: str
    start: float
    description: str = ""

    @property
    def title(self) -> str:
        return self.name.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Line:
    """One line of a moment: ``speaker`` is a member id, or None for narration."""

    speaker: str | None
    text: str

    @property
    def is_narration(self) -> bool:
        return self.speaker is None


@dataclass(frozen=True)
class Choice:
    label: str
    move: str
    next: str
    minutes: float
    feedback: str
    response: tuple[Line, ...] = ()
    airtime: Mapping[str, float] = field(default_factory=dict)
    effects: Mapping[str, float] = field(default_factory=dict)
    line: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True)
class Ending:
    title: str
    outcome: str
    text: str


@dataclass(frozen=True)
class Moment:
    id: str
    stage: str
    lines: tuple[Line, ...]
    choices: tuple[Choice, ...] = ()
    ending: Ending | None = None
    prompt: str = DEFAULT_PROMPT
    expert: int | None = None  # 0-based index of the expert's choice here, if declared
    line: int = field(default=0, compare=False, repr=False)

    @property
    def is_ending(self) -> bool:
        return self.ending is not None


@dataclass(frozen=True)
class Scenario:
    """A loaded, valid scenario. Choice indices in Python are 0-based, like any list;
    in YAML and on the command line they are numbered from 1."""

    id: str
    title: str
    session: int
    setting: str
    members: tuple[Member, ...]
    presenter: Presenter
    stages: tuple[Stage, ...]
    measures: tuple[Measure, ...]
    moments: tuple[Moment, ...]
    expert_path: tuple[int, ...]  # 0-based
    source: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_members", {m.id: m for m in self.members})
        object.__setattr__(self, "_moments", {m.id: m for m in self.moments})
        object.__setattr__(self, "_stages", {s.name: s for s in self.stages})
        object.__setattr__(self, "_expert", _expert_map(self))

    # --- look-ups -------------------------------------------------------------------------
    def member(self, member_id: str) -> Member:
        return self._members[member_id]

    def moment(self, moment_id: str) -> Moment:
        return self._moments[moment_id]

    def stage(self, name: str) -> Stage:
        return self._stages[name]

    def name_of(self, person: str) -> str:
        """A person's display name: a member's name, or "You" for the facilitator."""
        if person == FACILITATOR:
            return "You (facilitator)"
        return self._members[person].name

    @property
    def start(self) -> Moment:
        return self.moments[0]

    @property
    def people(self) -> tuple[str, ...]:
        """Everyone who can have airtime: the members, then the facilitator."""
        return tuple(m.id for m in self.members) + (FACILITATOR,)

    @property
    def minutes(self) -> float:
        """The total time budget: the sum of the stages' budgets."""
        return sum(s.minutes for s in self.stages)

    @property
    def decisions(self) -> tuple[Moment, ...]:
        return tuple(m for m in self.moments if not m.is_ending)

    @property
    def endings(self) -> tuple[Moment, ...]:
        return tuple(m for m in self.moments if m.is_ending)

    def expert_choice(self, moment_id: str) -> int | None:
        """The 0-based choice an experienced facilitator makes at this moment: the expert
        path's choice where the path passes through it, else the moment's ``expert``."""
        return self._expert.get(moment_id)

    def count_paths(self) -> int:
        """How many distinct complete paths the scenario has (counted, not enumerated), walking
        the moments with a stack rather than recursion, so a long chain is as safe as a short one."""
        counts: dict[str, int] = {}
        stack = [(self.start.id, False)]
        while stack:
            moment_id, expanded = stack.pop()
            if moment_id in counts:
                continue
            m = self._moments[moment_id]
            if m.is_ending:
                counts[moment_id] = 1
            elif expanded:
                counts[moment_id] = sum(counts[c.next] for c in m.choices)
            else:
                stack.append((moment_id, True))
                stack.extend((c.next, False) for c in m.choices if c.next not in counts)
        return counts[self.start.id]


def _expert_map(scenario: Scenario) -> dict[str, int]:
    expert = {m.id: m.expert for m in scenario.moments if m.expert is not None}
    moment = scenario.moments[0] if scenario.moments else None
    for index in scenario.expert_path:
        if moment is None or moment.is_ending or not 0 <= index < len(moment.choices):
            break
        expert[moment.id] = index
        moment = scenario._moments.get(moment.choices[index].next)
    return expert
