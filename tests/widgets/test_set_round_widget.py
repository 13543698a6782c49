"""The SetRound widget, played by clicking as a trainee would."""

import pytest

from actionlearning.simulation import load_library, play
from actionlearning.widgets import SetRound
from actionlearning.widgets.common import STATIC_NOTE


def _click_path(widget, path):
    for index in path:
        visible = [b for b in widget.buttons if b.layout.display != "none"]
        assert index < len(visible) == len(widget.round.choices)
        visible[index].click()


def test_first_screen_shows_the_setting_the_first_moment_and_a_worked_path_for_the_website():
    widget = SetRound("will-my-director-hear")
    s = widget.scenario
    note = widget.children[0].value
    assert note.startswith(STATIC_NOTE[:40]) and "<details" in note and "worked path" in note
    assert s.title in widget.intro.value
    assert "minute 0 of" in widget.status.value and "decision 1" in widget.status.value
    assert s.start.lines[0].text[:30] in widget.transcript.value.replace("&#x27;", "'")
    assert widget.prompt.value.count("<li>") == len(s.start.choices)
    assert widget.export.layout.display == "none"


@pytest.mark.parametrize("scenario", load_library(), ids=lambda s: s.id)
def test_the_expert_path_by_clicking_ends_in_a_debrief_matching_the_engine(scenario):
    widget = SetRound(scenario)
    _click_path(widget, scenario.expert_path)
    expected = play(scenario, scenario.expert_path).debrief()
    assert widget.round.finished
    assert expected.ending.title in widget.debrief_view.value
    assert "matched an experienced facilitator" in widget.debrief_view.value
    assert widget.export.value == expected.to_markdown() and widget.export.layout.display is None
    assert all(b.layout.display == "none" for b in widget.buttons)
    assert "aria-label" in widget.debrief_view.value  # the airtime bars say what they show


def test_a_different_path_is_compared_with_the_experts_and_restart_clears_it():
    scenario = load_library()[0]
    widget = SetRound(scenario)
    first = 0 if scenario.expert_path[0] != 0 else 1
    widget.buttons[first].click()
    assert "You chose:" in widget.feedback.value
    assert scenario.start.choices[first].feedback[:40] in widget.feedback.value.replace("&#x27;", "'")
    while not widget.round.finished:
        widget.buttons[0].click()
    assert "Where your path differed" in widget.debrief_view.value
    assert "might have chosen" in widget.debrief_view.value
    widget.restart_button.click()
    assert widget.round.path == () and widget.feedback.value == "" and widget.debrief_view.value == ""
    assert "decision 1" in widget.status.value


def test_without_coaching_feedback_waits_for_the_debrief():
    widget = SetRound("rush-to-solutions", coach=False)
    widget.buttons[0].click()
    assert widget.feedback.value == ""
