"""The session 7 participation chart, driven as a trainee would: choose, slide, reset."""

import ipywidgets as w
import pytest

from actionlearning.practice.participation import load_meetings, meeting
from actionlearning.widgets import ParticipationChart
from actionlearning.widgets.common import STATIC_NOTE


def test_first_state_is_a_useful_chart_with_the_static_note_first():
    chart = ParticipationChart()
    first = load_meetings()[0]
    assert chart.children[0].value.startswith(STATIC_NOTE[:60]) and "Practise live" in chart.children[0].value
    assert chart.choice.value == first.id == "first-meeting"
    # the chart, the numbers and the flags are there before anyone touches anything
    assert "<table" in chart.chart.value and "Grace" in chart.chart.value
    assert "Gini 0.56" in chart.summary.value and "30.8 min" in chart.summary.value
    assert "Facilitator over a tenth" in chart.flags.value
    assert "Questions to sit with" in chart.notice.value
    assert "observer's log: 47 turns" in chart.source.value
    assert chart.reset_button.disabled and not chart.edited
    assert list(chart.sliders) == list(first.members)
    assert chart.sliders["Grace"].description == "Grace (facilitator)"
    assert chart.sliders["Grace"].value == pytest.approx(7.0)


def test_every_control_can_be_reached_and_used_from_the_keyboard():
    chart = ParticipationChart()
    controls = [c for c in _walk(chart) if isinstance(c, w.DOMWidget) and not isinstance(c, (w.HTML, w.Box))]
    assert controls, "no controls found"
    # dropdowns, sliders (arrow keys, and a readout you can type into) and buttons only
    assert all(isinstance(c, (w.Dropdown, w.FloatSlider, w.Button)) for c in controls)
    assert all(s.readout and not s.continuous_update for s in chart.sliders.values())


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_moving_a_slider_recomputes_and_reset_returns_to_the_log():
    chart = ParticipationChart()
    before = chart.summary.value
    chart.sliders["Grace"].value = 1.5
    assert chart.edited and not chart.reset_button.disabled
    assert "Showing your changed minutes" in chart.source.value
    assert chart.summary.value != before
    assert "Facilitator over a tenth" not in chart.flags.value  # 1.5 of about 25 minutes
    assert "What would have to happen in the room" in chart.notice.value
    assert chart.participation.minutes["Grace"] == pytest.approx(1.5)
    # the others keep their logged time exactly
    assert chart.participation.seconds["Leon"] == meeting("first-meeting").participation.seconds["Leon"]
    chart.reset_button.click()
    assert not chart.edited and chart.reset_button.disabled
    assert chart.summary.value == before and chart.sliders["Grace"].value == pytest.approx(7.0)


def test_choosing_another_meeting_rebuilds_the_sliders():
    chart = ParticipationChart()
    chart.sliders["Grace"].value = 2
    chart.choice.value = "two-voices"
    assert not chart.edited
    assert list(chart.sliders) == list(meeting("two-voices").members)
    assert chart.slider_box.children == tuple(chart.sliders.values())
    assert "Ruth (facilitator)" in chart.sliders["Ruth"].description
    assert "More than a third" in chart.flags.value and "Never spoke" in chart.flags.value
    assert "Gini among the members alone" in chart.summary.value
    chart.set_minutes({"Tunde": 3, "Martin": 3})
    assert "Never spoke" not in chart.flags.value and "More than a third" not in chart.flags.value
    chart.show_meeting("a-working-set")
    assert chart.choice.value == "a-working-set" and "No flags" in chart.flags.value
    assert "Gini among the questioners alone <strong>0.08</strong>" in chart.summary.value


def test_everyone_at_zero_says_so_instead_of_breaking():
    chart = ParticipationChart("pairing")
    chart.set_minutes({name: 0 for name in chart.sliders})
    assert "Nothing to chart yet" in chart.summary.value and chart.chart.value == ""
    chart.sliders["Niamh"].value = 4  # the presenter, alone: not flagged for her own slot
    assert "<table" in chart.chart.value and "More than a third" not in chart.flags.value
    chart.sliders["Ravi"].value = 4
    assert "More than a third" in chart.flags.value and "Ravi had 50%" in chart.flags.value and "Never spoke" in chart.flags.value


def test_a_trainees_own_tally_comes_first():
    chart = ParticipationChart(minutes={"Me": 2, "Dev": 9, "Jo": 0, "Sam": 4}, facilitator="Me")
    assert chart.choice.value == "your-tally" and chart.choice.options[0] == ("Your own tally", "your-tally")
    assert "Showing the minutes you entered" in chart.source.value
    assert "Never spoke" in chart.flags.value and "Jo" in chart.flags.value
    assert set(chart.sliders) == {"Me", "Dev", "Jo", "Sam"}
    with pytest.raises(Exception, match="facilitator"):
        ParticipationChart(minutes={"A": 1}, facilitator="B")


def test_unknown_names_say_what_is_known():
    with pytest.raises(KeyError, match="known: first-meeting"):
        ParticipationChart("nope")
    chart = ParticipationChart()
    with pytest.raises(KeyError, match="choose from Grace"):
        chart.set_minutes({"Nobody": 2})


def test_text_from_the_data_is_escaped():
    chart = ParticipationChart(minutes={"<i>Me</i>": 2, "Dev & Jo": 3}, facilitator="<i>Me</i>")
    assert "<i>Me</i>" not in chart.chart.value and "&lt;i&gt;Me&lt;/i&gt;" in chart.chart.value
    assert "<i>Me</i>" not in chart.about.value
