"""The session 5 wait-time widget, driven as a trainee would: choose, slide, press Wait, read."""

import time

import ipywidgets as w

from actionlearning.practice.wait_time import load_moments, parse_moments
from actionlearning.widgets import WaitTime
from actionlearning.widgets.common import STATIC_NOTE


def _until(condition, timeout=5.0):
    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        time.sleep(0.01)
    return condition()


def test_first_screen_is_useful_without_python():
    widget = WaitTime()
    first = load_moments()[0]
    assert widget.children[0].value == STATIC_NOTE
    assert first.question.split()[0] in widget.scene.value and first.presenter in widget.scene.value
    assert widget.seconds.value == 2
    # the first state already shows what a quick-filling set hears, and the note
    assert "Depth reached:" in widget.response.value and "1 of 4" in widget.response.value
    assert first.stages[0].note.split()[0] in widget.response.value
    assert "Try a longer silence" in widget.response.value
    assert widget.last is not None and widget.last.depth == 1


def test_a_longer_wait_goes_deeper():
    widget = WaitTime()
    moment = load_moments()[0]
    widget.seconds.value = 15
    assert widget.response.value == "" and "15 seconds" in widget.status.value
    widget.wait_button.click()
    assert widget.last.depth == 3 and "3 of 4" in widget.response.value
    assert "After <strong>15 seconds</strong> of silence (11–20 seconds)" in widget.response.value
    assert widget.response.value.count("<li") == 3
    assert moment.stages[2].filler.who in widget.response.value
    widget.seconds.value = 25
    widget.wait_button.click()
    assert widget.last.deepest and "as deep as this moment goes" in widget.response.value


def test_choosing_another_moment_resets_then_waits_on_it():
    widget = WaitTime()
    other = load_moments()[3]
    widget.choose.value = 3
    assert other.question.split()[0] in widget.scene.value and other.presenter in widget.scene.value
    assert widget.response.value == "" and widget.last is None
    response = widget.wait()
    assert response.moment is other and other.stages[0].filler.who in widget.response.value


def test_waiting_in_real_time_then_revealing():
    widget = WaitTime(clock=0.002)
    widget.seconds.value = 6
    widget.realtime.value = True
    assert widget.wait() is None
    assert widget.wait_button.disabled and widget.seconds.disabled and widget.choose.disabled
    assert "silent for 6 seconds" in widget.status.value
    assert _until(lambda: widget.last is not None)
    assert widget.last.depth == 2 and "2 of 4" in widget.response.value
    assert not widget.wait_button.disabled and not widget.seconds.disabled


def test_a_real_time_wait_is_cancelled_by_changing_the_moment():
    widget = WaitTime(clock=60)
    widget.realtime.value = True
    widget.seconds.value = 10
    widget.wait_button.click()
    assert widget.wait_button.disabled
    widget.choose.value = 1
    assert not widget.wait_button.disabled and widget._timer is None
    assert widget.last is None and "Press <strong>Wait</strong>" in widget.status.value


def test_zero_seconds_in_real_time_shows_at_once():
    widget = WaitTime(clock=60)
    widget.realtime.value = True
    widget.seconds.value = 0
    assert widget.wait().depth == 1 and not widget.wait_button.disabled


def test_keyboard_usable_controls():
    widget = WaitTime()
    # standard, focusable controls: Tab between them, arrows on the slider, Enter on the button
    assert isinstance(widget.choose, w.Dropdown) and isinstance(widget.seconds, w.IntSlider)
    assert isinstance(widget.realtime, w.Checkbox) and isinstance(widget.wait_button, w.Button)
    assert widget.seconds.description and widget.wait_button.description == "Wait"
    assert (widget.seconds.min, widget.seconds.max, widget.seconds.step) == (0, 30, 1)
    assert "Keyboard" in widget.children[1].value


def test_text_is_escaped():
    stage = {"says": "I <b>froze</b>.", "note": "A <script> note.", "filler": {"kind": "rescue", "who": "Tom", "says": "<i>There</i>"}}
    raw = {
        "id": "x", "presenter": "Nisha", "role": "Manager", "title": "T", "situation": "<u>Situation</u>",
        "asker": "Amara", "question": "What <em>now</em>?", "stages": [stage] * 4,
    }
    widget = WaitTime(parse_moments({"moments": [raw]}))
    html = widget.scene.value + widget.response.value
    assert "<b>" not in html and "<script>" not in html and "<u>" not in html and "<em>now" not in html
    assert "&lt;b&gt;froze" in html
