"""Simulated set rounds: scenarios, their loader and validator, and the engine.

Scenario files and how to write them: ``actionlearning.simulation.schema``.
Loading with line-numbered problems: ``actionlearning.simulation.loader``.
Playing a round: ``actionlearning.simulation.engine``; what it amounts to:
``actionlearning.simulation.debrief``; how its parts read: ``actionlearning.simulation.text``.

This package imports no ipywidgets; the practice widget is a thin view over ``Round``.
"""

from actionlearning.simulation.debrief import AirtimeShare, Debrief, MeasureChange, Step
from actionlearning.simulation.engine import Round, check_choices, iter_paths, parse_choices, play
from actionlearning.simulation.loader import (
    Problem,
    ScenarioError,
    check_text,
    load_library,
    load_scenario,
    parse_scenario,
    scenario_files,
    validate,
)
from actionlearning.simulation.schema import (
    FACILITATOR,
    MOVES,
    OUTCOMES,
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

__all__ = [
    "AirtimeShare", "Choice", "Debrief", "Ending", "FACILITATOR", "Line", "MOVES", "Measure",
    "MeasureChange", "Member", "Moment", "OUTCOMES", "Presenter", "Problem", "Round", "STAGES",
    "Scenario", "ScenarioError", "Stage", "Step", "check_choices", "check_text", "iter_paths",
    "load_library", "load_scenario", "parse_choices", "parse_scenario", "play",
    "scenario_files", "validate",
]
