"""The Question Lab: its logic (presenters' issues, the log) and the widget, driven by typing,
pressing Enter and clicking."""

import json

from actionlearning import checks
from actionlearning.cli import main
from actionlearning.practice.question_lab import ISSUE_LABELS, QuestionLog, load_issues
from actionlearning.practice.questions import ISSUES
from actionlearning.widgets import QuestionLab
from actionlearning.widgets.common import STATIC_NOTE


def test_every_flag_has_a_label_and_the_issue_library_is_complete():
    assert set(ISSUE_LABELS) == set(ISSUES)
    issues = load_issues()
    assert len(issues) >= 5 and len({i.id for i in issues}) == len(issues)
    assert all(len(i.issue.split()) >= 25 for i in issues)


def test_the_log_counts_open_questions_and_advice_in_disguise():
    log = QuestionLog()
    log.ask("What would a good outcome look like for you?")
    log.ask("Have you thought about asking HR?")
    log.ask("   ")  # nothing to log
    assert len(log.entries) == 2
    summary = log.summary("Dev")
    assert summary.startswith("I asked Dev 2 questions.")
    assert "Advice in disguise caught: 1." in summary
    assert log.count("advice") == 1 and log.clean_open == 1
    log.clear()
    assert log.summary() == "No questions asked yet."


def test_first_screen_shows_an_issue_an_example_and_the_static_note():
    lab = QuestionLab(debounce=0)
    assert lab.children[0].value == STATIC_NOTE
    assert load_issues()[0].presenter in lab.issue.value
    assert "For example" in lab.feedback.value and "advice in disguise" in lab.feedback.value
    assert "will be listed here" in lab.history.value


def test_typing_previews_without_logging_and_enter_logs():
    lab = QuestionLab(debounce=0)
    lab.box.value = "Why did you agree to that?"
    assert "a &#x27;why&#x27; question" in lab.feedback.value or "why" in lab.feedback.value.lower()
    assert lab.questions.entries == []
    lab.box._handle_custom_msg({"event": "submit"}, [])  # the front end's message for Enter
    assert len(lab.questions.entries) == 1 and lab.box.value == ""
    assert "Why did you agree to that?" in lab.history.value


def test_a_round_of_questions_by_clicking_then_switching_presenter():
    lab = QuestionLab(debounce=0)
    for q in ["What matters most to you in this?", "Have you thought about asking HR?",
              "So you feel stuck?"]:
        lab.box.value = q
        lab.ask_button.click()
    assert len(lab.questions.entries) == 3
    assert "I asked" in lab.summary.value and "Advice in disguise caught: 1." in lab.summary.value
    lab.ask_button.click()  # an empty box logs nothing
    assert len(lab.questions.entries) == 3
    lab.choose.value = 2
    assert lab.questions.entries == [] and load_issues()[2].presenter in lab.issue.value
    lab.box.value = "What happens next?"
    lab.clear_button.click()
    assert lab.box.value == "" and lab.questions.entries == []


def test_debounced_preview_arrives_after_a_pause():
    import time

    lab = QuestionLab(debounce=0.05)
    before = lab.feedback.value
    lab.box.value = "What would help most?"
    assert lab.feedback.value == before  # not yet
    time.sleep(0.3)
    assert lab.feedback.value != before


def test_the_cli_prints_the_assessment_and_json(capsys):
    assert main(["question", "Have you thought about asking HR?"]) == 0
    out = capsys.readouterr().out
    assert "flagged:" in out and "advice in disguise" in out
    assert main(["question", "--json", "What matters most?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["is_question"] is True and data["form"] == "open"


def test_checks_score_a_list_of_questions_with_reasons():
    result = checks.question_list.score_question_list(
        ["What matters most to you here?", "Have you thought about asking HR?"]
    )
    assert result.possible == 2 and 1 <= result.points < 2
    assert all(item.reason for item in result.items)
    for bad in (None, [], 42):
        empty = checks.question_list.score_question_list(bad)
        assert empty.points == 0 and "expected a list" in empty.report()
