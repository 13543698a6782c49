"""The engine: a trainee facilitates a simulated set round, one choice at a time.

Plain, deterministic Python with no view code: the command line and the practice widget are
thin views over ``Round``::

    from actionlearning.simulation import Round, load_scenario

    game = Round(load_scenario("advice-in-disguise"))
    game.moment.lines          # what the set has just said
    game.choices               # what the facilitator can do now (0-based in Python)
    game.choose(1)             # the second choice; returns the Step taken
    game.clock, game.stage_time_left, game.airtime, game.measures
    if game.finished:
        print(game.debrief().to_markdown())

Choice indices are 0-based in Python and numbered from 1 in YAML and on the command line.
"""

from __future__ import annotations

import os
from types import MappingProxyType
from typing import Iterable, Iterator, Sequence

from actionlearning.simulation.debrief import AirtimeShare, Debrief, MeasureChange, Step
from actionlearning.simulation.loader import load_scenario
from actionlearning.simulation.schema import (
    Choice,
    Ending,
    Moment,
    Scenario,
    Stage,
)


class Round:
    """One play of a scenario. ``Round(scenario)`` accepts a Scenario, a path or a name."""

    def __init__(self, scenario: Scenario | str | os.PathLike):
        if not isinstance(scenario, Scenario):
            scenario = load_scenario(scenario)
        self.scenario = scenario
        self.restart()

    def restart(self) -> None:
        """Back to the first moment, the clock at 0, nothing said."""
        s = self.scenario
        self._moment = s.start
        self._clock = 0.0
        self._stage_used = {stage.name: 0.0 for stage in s.stages}
        self._airtime = {person: 0.0 for person in s.people}
        self._measures = {m.name: m.start for m in s.measures}
        self._steps: list[Step] = []

    # --- where the round is -------------------------------------------------------------
    @property
    def moment(self) -> Moment:
        return self._moment

    @property
    def choices(self) -> tuple[Choice, ...]:
        return self._moment.choices

    @property
    def finished(self) -> bool:
        return self._moment.is_ending

    @property
    def ending(self) -> Ending | None:
        return self._moment.ending

    @property
    def stage(self) -> Stage:
        return self.scenario.stage(self._moment.stage)

    @property
    def clock(self) -> float:
        """Simulated minutes since the first moment."""
        return self._clock

    @property
    def stage_time_left(self) -> float:
        """Minutes left in the current stage's budget."""
        return self.stage.minutes - self._stage_used[self._moment.stage]

    @property
    def time_left(self) -> float:
        """Minutes left in the whole scenario's budget."""
        return self.scenario.minutes - self._clock

    @property
    def airtime(self) -> dict[str, float]:
        """Minutes of talk so far, per member id and ``facilitator`` (a copy)."""
        return dict(self._airtime)

    @property
    def measures(self) -> dict[str, float]:
        """The measures' current values (a copy)."""
        return dict(self._measures)

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(self._steps)

    @property
    def path(self) -> tuple[int, ...]:
        """The 0-based choices made so far."""
        return tuple(s.index for s in self._steps)

    @property
    def decision(self) -> int:
        """The number (from 1) of the decision now being made."""
        return len(self._steps) + 1

    def expert_choice(self) -> int | None:
        """The 0-based choice an experienced facilitator would make here, if known."""
        if self.finished:
            return None
        return self.scenario.expert_choice(self._moment.id)

    # --- playing ------------------------------------------------------------------------
    def choose(self, index: int) -> Step:
        """Make the choice with this 0-based index; the Step it took."""
        m = self._moment
        if m.is_ending:
            raise ValueError(
                f"The round has already ended ('{m.ending.title}'); call restart() to play again."
            )
        n = len(m.choices)
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < n:
            raise ValueError(
                f"There is no choice {index!r} at moment '{m.id}': choose an index from 0 to "
                f"{n - 1} (in Python choices count from 0; on the command line, from 1)."
            )
        c = m.choices[index]
        stage = self.stage
        before = self._clock
        self._clock = before + c.minutes
        self._stage_used[m.stage] += c.minutes
        for person, minutes in c.airtime.items():
            self._airtime[person] += minutes
        for name, delta in c.effects.items():
            self._measures[name] += delta
        step = Step(
            number=len(self._steps) + 1,
            moment=m,
            index=index,
            choice=c,
            stage=stage,
            clock_before=before,
            clock_after=self._clock,
            stage_time_left=stage.minutes - self._stage_used[m.stage],
            measures_after=MappingProxyType(dict(self._measures)),
            expert_index=self.scenario.expert_choice(m.id),
        )
        self._steps.append(step)
        self._moment = self.scenario.moment(c.next)
        return step

    def undo(self) -> None:
        """Take back the last choice (replays the others: the engine is deterministic)."""
        if not self._steps:
            raise ValueError("There is no choice to take back: the round is at its start.")
        path = self.path[:-1]
        self.restart()
        for index in path:
            self.choose(index)

    def debrief(self) -> Debrief:
        """The debrief of a finished round."""
        if not self.finished:
            raise ValueError(
                f"The round is not finished: decision {self.decision} (moment "
                f"'{self._moment.id}') still needs a choice."
            )
        s = self.scenario
        total = sum(self._airtime.values())
        airtime = tuple(
            AirtimeShare(
                p, s.name_of(p), self._airtime[p], self._airtime[p] / total if total else 0.0
            )
            for p in s.people
        )
        measures = tuple(
            MeasureChange(m.name, m.title, m.description, m.start, self._measures[m.name])
            for m in s.measures
        )
        return Debrief(s, tuple(self._steps), self._moment, self._clock, measures, airtime)


def play(scenario: Scenario | str | os.PathLike, choices: Iterable[int]) -> Round:
    """A round played through the given 0-based choices (ValueError on an invalid one)."""
    game = Round(scenario)
    for i, index in enumerate(choices, 1):
        if game.finished:
            raise ValueError(
                f"The round ended at '{game.moment.id}' after {i - 1} choices; "
                "there are more choices than decisions."
            )
        try:
            game.choose(index)
        except ValueError as exc:
            raise ValueError(f"Decision {i}: {exc}") from None
    return game


def parse_choices(text: str) -> list[int]:
    """'2,1,3' (numbered from 1, as on the command line) as 0-based indices."""
    result = []
    for i, part in enumerate(text.replace(" ", "").split(","), 1):
        if not part.isdigit() or int(part) < 1:
            raise ValueError(
                f"choice {i} is {part!r}; give whole numbers from 1, separated by commas, "
                "for example --choices 2,1,3"
            )
        result.append(int(part) - 1)
    return result


def check_choices(scenario: Scenario, choices: Sequence[int]) -> str | None:
    """Why a list of 0-based choices is not a complete path (None if it is one)."""
    moment = scenario.start
    for i, index in enumerate(choices, 1):
        if moment.is_ending:
            return (
                f"the round ends after {i - 1} choices (at '{moment.id}'), but {len(choices)} "
                "were given"
            )
        if not 0 <= index < len(moment.choices):
            return (
                f"choice {i} is {index + 1}, but decision {i} (moment '{moment.id}') has only "
                f"{len(moment.choices)} choices"
            )
        moment = scenario.moment(moment.choices[index].next)
    if not moment.is_ending:
        return (
            f"the round is not finished after {len(choices)} choices: decision "
            f"{len(choices) + 1} (moment '{moment.id}') needs a choice too"
        )
    return None


def iter_paths(scenario: Scenario) -> Iterator[tuple[int, ...]]:
    """Every complete path through the scenario, as tuples of 0-based choices."""
    stack: list[tuple[Moment, tuple[int, ...]]] = [(scenario.start, ())]
    while stack:
        moment, path = stack.pop()
        if moment.is_ending:
            yield path
            continue
        for index in range(len(moment.choices) - 1, -1, -1):
            stack.append((scenario.moment(moment.choices[index].next), path + (index,)))
