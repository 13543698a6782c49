"""The session 2 contract check: eight elements, partial credit, a reason for each, never raises."""

import pytest

from actionlearning import checks
from actionlearning.checks.contract import ELEMENT_NAMES, score_contract, sentences

FULL = """\
- What is said in the set stays in the set; our own learning is ours to share, other people's stories are not.
- The one exception: if a child or adult may be at risk of harm, whoever has the duty acts on it that day through their own organisation's safeguarding procedures, telling the person concerned first where that is safe; the set hears only that it is being handled.
- We come to every meeting and start on time; if we can't make it, we let the facilitator know.
- We share airtime fairly and bid for time, so the quieter voices get their turn.
- We ask questions rather than give advice.
- These are our rules: anyone can raise them, and we review them every third meeting.
- The programme board hears only themes the set has agreed, unattributed.
- We meet six times over nine months, on dates we fix today."""


def _points(result):
    return {item.item: item.points for item in result.items}


def test_a_full_contract_scores_every_element_and_quotes_what_it_found():
    result = score_contract(FULL)
    assert [i.item for i in result.items] == list(ELEMENT_NAMES)
    assert result.points == result.possible == 8
    report = result.report()
    assert "found 'We ask questions rather than give advice.'" in report
    assert "found 'The programme board hears only themes" in report


def test_the_module_is_reached_through_checks():
    assert checks.contract.score_contract(FULL).points == 8


@pytest.mark.parametrize(
    "draft, element, points",
    [
        ("Confidential unless a child may be at risk of harm; if so, whoever has the duty follows their own procedures that day.", "its safeguarding limit", 1),
        ("Confidential unless someone is at risk of harm. If so, the one who knows rings their safeguarding lead today.", "its safeguarding limit", 1),
        ("If a child is at risk we'd refer it.", "its safeguarding limit", 1),
        ("Confidential unless someone is at risk of serious harm.", "its safeguarding limit", 0.5),
        ("Confidential unless someone is at risk of harm. If so, we talk to them first.", "its safeguarding limit", 0.5),
        ("Confidential unless someone is at risk of harm. We share airtime fairly.", "its safeguarding limit", 0.5),
        # the decision left with the set: half, however much else is right
        ("Confidential unless someone is at risk of serious harm; if so we tell the set first.", "its safeguarding limit", 0.5),
        ("Confidential, except where someone's at risk of harm, when we'd agree together what to do.", "its safeguarding limit", 0.5),
        ("If anyone may be at risk of harm, we say so in the set first, agree with the person concerned who needs to know, and follow our procedures.", "its safeguarding limit", 0.5),
        ("If we are worried about a child, we talk it through here before anyone acts.", "its safeguarding limit", 0.5),
        ("Nothing leaves the room, no exceptions.", "its safeguarding limit", 0),
        ("Safeguarding overrides everything, and we tell the DSL. No exceptions to confidentiality.", "its safeguarding limit", 0.5),
        ("We attend every meeting.", "attendance and punctuality", 0.5),
        ("We start and finish on time.", "attendance and punctuality", 0.5),
        ("Commit to all six meetings, and arrive on time.", "attendance and punctuality", 1),
        ("Keep to time.", "airtime", 0.5),
        ("Everyone gets a chance to speak; no one dominates.", "airtime", 1),
        ("Ask, don't tell.", "questions rather than advice", 1),
        ("We ask open questions.", "questions rather than advice", 0.5),
        ("No advice.", "questions rather than advice", 0.5),
        ("Statements only in response to questions.", "questions rather than advice", 1),
        ("We'll revisit these ground rules at the start of each meeting.", "review and ownership", 0.5),
        ("We agreed these rules together and can change them.", "review and ownership", 1),
        ("We review our actions each month.", "review and ownership", 0),
        ("The board gets updates.", "what sponsors hear", 0.5),
        ("Our managers will know we attend, nothing more.", "what sponsors hear", 1),
        ("Our sponsors are supportive.", "what sponsors hear", 0),
        ("Chatham House rules apply.", "confidentiality", 1),
        ("We don't tell anyone outside the set.", "confidentiality", 1),
        ("We meet six times over nine months, on dates in our diaries.", "the series and its dates", 1),
        ("Every six weeks from September to April.", "the series and its dates", 1),
        ("We meet monthly.", "the series and its dates", 0.5),
        ("Six meetings in all; the sixth is our last.", "the series and its dates", 0.5),
        ("We come to every meeting, on time.", "the series and its dates", 0),
    ],
)
def test_each_element_gives_partial_credit(draft, element, points):
    assert _points(score_contract(draft))[element] == points


def test_reasons_say_what_to_consider_adding():
    report = score_contract("Confidentiality. Be on time. Respect each other.").report()
    assert "what about coming to every meeting" in report
    assert "no limit to confidentiality found" in report
    assert "what, if anything, goes to the board" in report
    assert "Your contract: 1.5 of 8" in report
    assert "nothing found about the series" in report


def test_a_limit_that_leaves_the_decision_with_the_set_says_whose_it_is():
    report = score_contract(
        "If anyone may be at risk of serious harm, we say so in the set first and agree with the "
        "person concerned who needs to be told."
    ).report()
    assert "'say so in the set first' leaves the decision with the set" in report
    assert "acts that day through their own organisation's procedures" in report
    assert "'serious harm' is not the statutory test" in report


def test_a_limit_with_its_route_is_quoted_without_a_caution():
    report = score_contract(FULL).report()
    assert "the limit and what would happen" in report
    assert "leaves the decision with the set" not in report
    assert "statutory test" not in report


def test_a_promise_of_absolute_confidentiality_is_named():
    report = score_contract("Nothing leaves the room, no exceptions.").report()
    assert "promises more than a set can keep" in report


def test_chatham_house_is_questioned_gently():
    report = score_contract("Chatham House rules apply.").report()
    assert "only not attributed: is that what the set means?" in report


def test_a_list_of_agreements_is_read_like_lines():
    assert score_contract(FULL.splitlines()).points == 8


def test_a_long_contract_is_noted_in_the_title():
    result = score_contract(FULL + "\n" + "We also agree to be kind to one another. " * 40)
    assert "long for a flip chart" in result.title
    assert result.points == 8


def test_curly_apostrophes_read_like_straight_ones():
    assert score_contract("Ask, don\u2019t tell.").points == 1


def test_bullets_and_numbering_are_stripped():
    assert sentences("1. One thing\n- another; and a third.\n\n* a fourth") == [
        "One thing", "another;", "and a third.", "a fourth",
    ]


@pytest.mark.parametrize("draft", [None, "", "   ", 3, ["a", 2], {"x": "y"}, b"bytes", 4.5])
def test_malformed_or_empty_drafts_score_zero_with_a_reason_and_never_raise(draft):
    result = score_contract(draft)
    assert result.points == 0 and result.possible == 8
    assert all(item.reason for item in result.items)
    assert "no contract yet" in result.report() or "expected text" in result.report()


def test_very_long_input_is_handled_quickly():
    result = score_contract("we ask questions rather than give advice and " * 5000)
    assert result.points >= 1
