"""The session 9 supervision explorer, driven as a trainee would: choose, step, write, export."""

import datetime as dt
import stat

from actionlearning.practice.supervision import load_model
from actionlearning.widgets import SupervisionExplorer
from actionlearning.widgets.common import STATIC_NOTE

DAY = dt.date(2027, 3, 4)


def test_first_screen_is_useful_without_python():
    widget = SupervisionExplorer(date=DAY)
    model = load_model()
    first, eye = model.episodes[0], model.eyes[0]
    assert widget.children[0].value == STATIC_NOTE
    assert "Keyboard:" in widget.children[1].value
    assert widget.choose.value == first.id and first.text.split()[0] in widget.episode.value
    assert widget.own_box.layout.display == "none"
    # the first eye, its questions and this episode's prompt are on show
    assert "Eye 1 of 7: The situation" in widget.eye_text.value
    assert widget.eye_text.value.count("<li") == len(eye.questions)
    assert "For this episode, a supervisor might wonder" in widget.eye_text.value
    assert widget.previous_button.disabled and not widget.next_button.disabled
    assert "Explored 0 of 7 eyes" in widget.progress.value
    assert widget.log_box.layout.display == "none"
    assert [box.description for box in widget.functions.values()] == ["Formative", "Normative", "Restorative"]


def test_stepping_through_the_eyes_keeps_each_note():
    widget = SupervisionExplorer(date=DAY)
    widget.notes.value = "Mark spoke at the end of the check-in."
    assert "Explored 1 of 7" in widget.progress.value
    widget.next_button.click()
    assert widget.eye.value == "interventions" and widget.notes.value == ""
    assert "Eye 2 of 7: Your interventions" in widget.eye_text.value
    widget.notes.value = "I explained instead of asking."
    for _ in range(10):
        widget.next_button.click()
    assert widget.eye.value == "context" and widget.next_button.disabled
    widget.eye.value = "situation"  # the drop-down, as the keyboard would
    assert widget.notes.value == "Mark spoke at the end of the check-in."
    assert widget.previous_button.disabled
    assert widget.exploration.note(2) == "I explained instead of asking."
    assert "Explored 2 of 7" in widget.progress.value


def test_each_episode_keeps_its_own_exploration():
    widget = SupervisionExplorer(date=DAY)
    widget.notes.value = "first episode note"
    widget.question.value = "How can I stay curious?"
    widget.functions["restorative"].value = True
    second = load_model().episodes[1]
    widget.choose.value = second.id
    assert second.text.split()[0] in widget.episode.value
    assert widget.notes.value == "" and widget.question.value == ""
    assert not widget.functions["restorative"].value
    assert "Explored 0 of 7" in widget.progress.value
    widget.choose.value = load_model().episodes[0].id
    assert widget.notes.value == "first episode note" and widget.question.value == "How can I stay curious?"
    assert widget.functions["restorative"].value and widget.exploration.functions == ("restorative",)


def test_your_own_episode():
    widget = SupervisionExplorer(date=DAY)
    widget.choose.value = "own"
    assert widget.own_box.layout.display is None
    assert "For this episode" not in widget.eye_text.value and "Your own episode" in widget.eye_text.value
    widget.own_title.value = "The member who never bids"
    widget.own_text.value = "Sam has not presented in four meetings."
    widget.notes.value = "Who else is quiet?"
    log = widget.export()
    assert log.startswith("# Supervision log: The member who never bids")
    assert "Sam has not presented in four meetings." in log and "Who else is quiet?" in log
    assert widget.log_box.value == log and widget.log_box.layout.display is None


def test_export_then_save_to_a_private_file(tmp_path):
    widget = SupervisionExplorer(folder=tmp_path, date=DAY)
    widget.question.value = "What do I do with Mark's challenge next time?"
    widget.functions["formative"].value = True
    widget.notes.value = "Two others nodded."
    widget.export_button.click()
    assert "## Through the seven eyes\n\n### 1. The situation\n\nTwo others nodded." in widget.log_box.value
    assert "- Formative:" in widget.log_box.value
    widget.save_button.click()
    saved = list(tmp_path.glob("supervision-log-2027-03-04-*.md"))
    assert len(saved) == 1 and "Saved to" in widget.status.value
    assert saved[0].read_text("utf-8") == widget.log_box.value
    assert stat.S_IMODE(saved[0].stat().st_mode) == 0o600


def test_a_save_that_fails_says_so_and_offers_the_copy(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    widget = SupervisionExplorer(folder=blocker, date=DAY)
    assert widget.save() is None
    assert "could not be saved" in widget.status.value and "Show my log" in widget.status.value


def test_clearing_asks_first():
    widget = SupervisionExplorer(date=DAY)
    widget.notes.value = "a note"
    widget.next_button.click()
    widget.clear_button.click()
    assert widget.clear_button.description == "Click again to clear" and "Click again" in widget.status.value
    widget.notes.value = "carry on writing"  # stands the warning down
    assert widget.clear_button.description == "Clear this episode" and widget.status.value == ""
    widget.clear_button.click()
    widget.clear_button.click()
    assert widget.exploration.notes == {} and widget.eye.value == "situation" and widget.notes.value == ""
    assert "Cleared" in widget.status.value


def test_episode_text_and_prompts_are_escaped():


    from actionlearning.course.datafiles import read_yaml
    from actionlearning.practice.supervision import DATA_FILE, parse_model

    data = read_yaml(DATA_FILE)
    data["episodes"][0]["text"] = "She said <script>alert(1)</script> and left."
    data["episodes"][0]["prompts"]["situation"] = "Was it <b>bold</b>?"
    widget = SupervisionExplorer(parse_model(data), date=DAY)
    assert "<script>" not in widget.episode.value and "&lt;script&gt;" in widget.episode.value
    assert "<b>bold" not in widget.eye_text.value and "&lt;b&gt;bold" in widget.eye_text.value
