"""Practice widgets: thin ipywidgets views over the plain logic modules.

Each widget shows a useful first state on the static website, where no Python runs, and says
there how to use it live. Widgets are imported on first use (``from actionlearning.widgets
import QuestionLab``), so a page loads only what it shows.
"""

from importlib import import_module

# widget name -> module in this package
WIDGETS = {
    "IssueSorter": "issue_sorter",
    "QuestionLab": "question_lab",
    "SetRound": "set_round",
    "AirtimePlanner": "airtime_planner",
    "WaitTime": "wait_time",
    "ParticipationChart": "participation_chart",
    "TranscriptReplay": "transcript_replay",
    "SupervisionExplorer": "supervision_explorer",
}

__all__ = sorted(WIDGETS)


def __getattr__(name: str):
    if name not in WIDGETS:
        raise AttributeError(f"actionlearning.widgets has no widget {name!r}; known: {', '.join(__all__)}")
    return getattr(import_module(f"{__name__}.{WIDGETS[name]}"), name)
