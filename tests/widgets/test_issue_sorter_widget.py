"""The session 1 issue sorter, driven as a trainee would: choose, click, read."""

from actionlearning.practice.puzzles import Sorting, load_deck
from actionlearning.widgets import IssueSorter
from actionlearning.widgets.common import STATIC_NOTE


def _answer(widget, kind, calls):
    widget.kind.value = kind
    assert widget.check_button.disabled  # both judgements are needed
    widget.calls.value = calls
    assert not widget.check_button.disabled
    widget.check_button.click()


def test_first_screen_shows_the_first_issue_and_the_static_note():
    widget = IssueSorter()
    deck = load_deck()
    assert deck[0].issue.split()[0] in widget.issue.value
    assert f"Issue 1 of {len(deck)}" in widget.progress.value
    assert widget.children[0].value == STATIC_NOTE and "Practise live" in STATIC_NOTE
    assert widget.kind.value is None and widget.calls.value is None
    assert widget.check_button.disabled and widget.next_button.disabled


def test_a_whole_deck_by_clicking_then_restart():
    deck = load_deck()[:3]
    widget = IssueSorter(Sorting(deck))
    _answer(widget, deck[0].kind, deck[0].calls_for)
    assert "Both judgements match" in widget.feedback.value
    assert widget.kind.disabled and not widget.next_button.disabled
    widget.next_button.click()
    assert "Issue 2 of 3" in widget.progress.value and widget.feedback.value == ""
    wrong = "puzzle" if deck[1].kind == "problem" else "problem"
    _answer(widget, wrong, deck[1].calls_for)
    assert "the trainers read it as a" in widget.feedback.value
    widget.next_button.click()
    _answer(widget, deck[2].kind, deck[2].calls_for)
    assert widget.next_button.description == "See summary"
    widget.next_button.click()
    assert "Sorted 3 of 3" in widget.summary.value and widget.summary.layout.display is None
    assert widget.check_button.disabled and widget.kind.disabled
    widget.restart_button.click()
    assert "Issue 1 of 3" in widget.progress.value and widget.summary.layout.display == "none"
    assert not widget.kind.disabled


def test_feedback_escapes_html_in_card_text():
    from actionlearning.practice.puzzles import Card

    card = Card("x", "Is <b>this</b> a puzzle?", "puzzle", "P", "Because <script>.")
    widget = IssueSorter(Sorting((card,)))
    assert "&lt;b&gt;" in widget.issue.value
    _answer(widget, "puzzle", "P")
    assert "<script>" not in widget.feedback.value
