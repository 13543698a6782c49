"""The session 3 airtime planner, driven as a trainee would: move sliders, press buttons, read."""

import ipywidgets as w
import pytest

from actionlearning.practice.airtime import MeetingDesign, PlanError
from actionlearning.widgets import AirtimePlanner
from actionlearning.widgets.common import STATIC_NOTE


def test_first_screen_is_the_static_note_then_the_workable_day():
    planner = AirtimePlanner()
    note = planner.children[0].value
    assert note.startswith(STATIC_NOTE.removesuffix("</div>")) and "the workable day" in note
    assert planner.design == MeetingDesign()
    assert "180 of 180 minutes planned" in planner.summary.value
    assert "No warnings" in planner.warnings.value and "3 of 9 members present today" in planner.warnings.value
    table = planner.table.value
    for row in ("0:00", "Check-in", "0:45", "Presenter slot 1", "Exploratory questions", "Break",
                "2:40", "Process review", "2:50", "Check-out", "End: 180 of 180 minutes"):
        assert row in table
    assert 'role="img"' in planner.bar.value and "3:00" in planner.bar.value
    assert planner.preset.value == "Workable day: three slots of 35"


def test_every_number_is_a_labelled_keyboard_control():
    planner = AirtimePlanner()
    for slider in planner.inputs.values():
        assert isinstance(slider, w.IntSlider) and slider.description
        assert slider.readout  # the number can be typed as well as slid
    assert {s.description for s in planner.inputs.values()} >= {"Members in the set", "Each presenter slot"}


def test_moving_a_slider_updates_the_plan_bar_and_warnings():
    planner = AirtimePlanner()
    planner.inputs["presenters"].value = 5
    assert "250 of 180 minutes planned" in planner.summary.value and "70 over" in planner.summary.value
    assert "70 minutes over" in planner.warnings.value
    assert "#b3261e" in planner.bar.value  # the over-run is marked on the bar
    planner.inputs["slot"].value = 15
    assert "under 20 minutes" in planner.warnings.value
    assert "30 spare" in planner.summary.value and "spare</div>" in planner.bar.value


def test_the_warnings_named_in_the_brief_all_appear():
    planner = AirtimePlanner()
    planner.set(process_review=0, check_out=20)
    assert "No process review" in planner.warnings.value
    planner.set(members=12, check_in=10, process_review=10, check_out=10, updates=25)
    assert "A check-in of 10 minutes for 12 members" in planner.warnings.value
    planner.set(members=2)
    assert "3 presenter slots for 2 members" in planner.warnings.value


def test_share_spare_time_fills_the_day():
    planner = AirtimePlanner()
    planner.inputs["presenters"].value = 4
    planner.fill_button.click()
    assert planner.inputs["slot"].value == 26 and planner.inputs["process_review"].value == 11
    assert "180 of 180" in planner.summary.value and "unallocated" not in planner.warnings.value


def test_presets_keep_the_members_and_reset_returns_to_the_workable_day():
    planner = AirtimePlanner()
    planner.inputs["members"].value = 10
    planner.preset.value = "Workable day: four slots of 28"
    assert planner.inputs["slot"].value == 28 and planner.inputs["presenters"].value == 4
    assert planner.inputs["members"].value == 10
    assert "180 of 180" in planner.summary.value
    planner.inputs["bidding"].value = 0
    planner.reset_button.click()
    assert planner.design == MeetingDesign()
    assert planner.preset.value == "Workable day: three slots of 35"


def test_a_planner_can_start_from_another_design_and_rejects_a_bad_one():
    planner = AirtimePlanner(MeetingDesign(members=12, presenters=4, slot=70))
    assert planner.inputs["slot"].value == 70 and planner.inputs["slot"].max >= 70
    with pytest.raises(PlanError, match="Members: expected a whole number"):
        AirtimePlanner(MeetingDesign(members="nine"))
    with pytest.raises(PlanError, match="outside 0 to 180"):
        planner.set(slot=500)


def test_text_from_the_plan_is_escaped():
    planner = AirtimePlanner()
    assert "<script" not in planner.table.value and "<script" not in planner.warnings.value
