"""Session 4's checks: the transcript coding marked by agreement with a key, in plain terms
(how many of N agree), with its partial credit and reasons; the statistics behind the optional,
unmarked extra on Cohen's kappa (against hand-worked examples and the degenerate cases) and its
worked explanation; and the "why" rewrites' form rules. No trainee input may make them raise."""

import pytest

from actionlearning import checks
from actionlearning.checks import ACCEPTED, PATTERN
from actionlearning.checks.agreement import (
    cohen_kappa,
    describe_kappa,
    explain_kappa,
    normalise_code,
    percent_agreement,
    ready,
    score_coding,
    score_why_rewrites,
)

O, C, N = "open", "closed", "not a question"


# --- the statistics, against examples worked by hand ----------------------------------------


def test_two_codes_half_kappa():
    # p_o = 3/4; marginals a: o .5, c .5; b: o .25, c .75; p_e = .125 + .375 = .5
    a, b = [O, O, C, C], [O, C, C, C]
    assert percent_agreement(a, b) == 0.75
    assert cohen_kappa(a, b) == pytest.approx(0.5)


def test_the_textbook_two_by_two():
    # 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15.
    # p_o = 35/50 = .7; a says yes 25/50, b says yes 30/50; p_e = .5*.6 + .5*.4 = .5
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert percent_agreement(a, b) == pytest.approx(0.7)
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_three_codes():
    # p_o = 4/6; a: o 3, c 2, n 1; b: o 2, c 2, n 2; p_e = (6 + 4 + 2) / 36 = 1/3
    a = [O, O, O, C, C, N]
    b = [O, O, C, C, N, N]
    assert percent_agreement(a, b) == pytest.approx(2 / 3)
    assert cohen_kappa(a, b) == pytest.approx(0.5)


def test_perfect_disagreement_is_minus_one_and_perfect_agreement_is_one():
    assert cohen_kappa([O, C], [C, O]) == pytest.approx(-1.0)
    assert cohen_kappa([O, C, N], [O, C, N]) == pytest.approx(1.0)


def test_one_coder_using_a_single_code_gives_kappa_zero_not_an_error():
    # p_o = 3/4; a all o; b: o 3, c 1; p_e = 1 * 3/4 = 3/4; kappa = 0
    assert cohen_kappa([O, O, O, O], [O, C, O, O]) == pytest.approx(0.0)


@pytest.mark.parametrize("a, b", [([O, O, O], [O, O, O]), ([N], [N])])
def test_both_coders_using_one_and_the_same_code_leaves_kappa_undefined(a, b):
    assert percent_agreement(a, b) == 1.0
    assert cohen_kappa(a, b) is None


def test_nothing_to_compare():
    assert percent_agreement([], []) is None
    assert cohen_kappa([], []) is None


def test_lengths_must_match():
    with pytest.raises(ValueError, match="same length"):
        cohen_kappa([O], [O, C])


@pytest.mark.parametrize(
    "kappa, label",
    [(None, "undefined"), (-0.1, "less than chance"), (0.0, "slight"), (0.2, "slight"),
     (0.35, "fair"), (0.5, "moderate"), (0.7, "substantial"), (0.81, "almost perfect"), (1.0, "almost perfect")],
)
def test_kappa_labels(kappa, label):
    assert describe_kappa(kappa) == label


@pytest.mark.parametrize(
    "given, code",
    [(" Open ", O), ("CLOSED", C), ("Not a question", N), ("not-a-question", N),
     ("open question", O), ("statement", N), ("Exploratory", "exploratory"), (3, None), (None, None)],
)
def test_codes_are_read_generously(given, code):
    assert normalise_code(given) == code


# --- a trainee's coding against the key ----------------------------------------------------

KEY = {"1": C, "2": O, "3": N, "4": O}
WHY = {"1": "asks for a fact", "3": "advice, with a question mark"}


def test_full_agreement():
    result = score_coding({"1": C, "2": O, "3": N, "4": O}, KEY, WHY)
    assert (result.points, result.possible) == (4, 4)
    assert "agreement with the trainers' key: 4 of the 4 agree" in result.report()
    assert "kappa" not in result.report(trainer=True)  # kappa is an unmarked extra, not in the marks


def test_partial_credit_in_proportion_to_agreement_with_the_key_kept_for_the_trainer():
    result = score_coding({"1": O, "2": O, "3": N, "4": C}, KEY, WHY)
    assert (result.points, result.possible) == (2, 4)
    report = result.report()
    assert "2 of the 4 agree" in report
    assert "✗ 1: you said 'open': not the reading we would give" in report
    assert "✓ 3: agreed" in report
    assert "asks for a fact" not in report and "the key" not in report.split("\n", 2)[2]
    trainer = result.report(trainer=True)
    assert "the key: closed. asks for a fact" in trainer
    assert "the key: not a question. advice, with a question mark" in trainer


def test_the_benefit_of_the_doubt_counts_as_agreement_and_says_so():
    result = score_coding({"1": C, "2": O, "3": C, "4": O}, KEY, WHY, accept={"3": [C]})
    assert result.points == 4
    report = result.report()
    assert "4 of the 4 agree (1 of them with a second code the key accepts as defensible)" in report
    assert f"3: {ACCEPTED}" in report and "not a question" not in report
    assert "closed is defensible here too" in result.report(trainer=True)


def test_missing_invalid_and_numbered_answers():
    result = score_coding({1: "Closed", "2": "maybe", "3": None, "9": O}, KEY)
    assert result.points == 1
    report = result.report()
    assert "✓ 1: agreed" in report
    assert "'maybe' is not one of 'open' or 'closed' or 'not a question'" in report
    assert "3: not answered" in report and "4: not answered" in report
    assert "3 uncoded or unreadable, counted as disagreeing" in report


def test_the_summary_names_the_commonest_difference():
    key = {str(n): O for n in range(1, 5)} | {"5": C}
    result = score_coding({"1": C, "2": C, "3": O, "4": O, "5": C}, key)
    assert "commonest" not in result.report()  # it would name the key
    assert "the commonest difference: 2 items the key codes open were coded closed" in result.report(trainer=True)


def test_coding_every_turn_alike_earns_nothing():
    result = score_coding({str(n): O for n in range(1, 5)}, KEY)
    assert result.points == 0 and PATTERN in result.report()


def test_a_single_difference_is_not_called_the_commonest():
    report = score_coding({"1": O, "2": O, "3": N, "4": O}, KEY).report()
    assert "commonest" not in report


def test_a_blank_coding_says_nothing_is_coded_rather_than_reporting_agreement():
    result = score_coding({k: None for k in KEY}, KEY)
    assert result.points == 0
    assert "nothing coded yet" in result.report()
    assert "0 of the 4" not in result.report()


def test_a_single_code_throughout_agreeing_with_a_single_code_key_is_full_agreement():
    report = score_coding({"1": O, "2": O}, {"1": O, "2": O}).report()
    assert "2 of the 2 agree" in report


# --- the optional extra: kappa worked through, never marked --------------------------------------

OBSERVER_1 = [O, O, O, C, O, O, N, O, O, O, C, O]
OBSERVER_2 = [O, O, O, O, O, O, N, O, C, O, C, O]


def test_explain_kappa_works_it_through_by_hand():
    # p_o = 10/12; each observer: open 9, closed 2, not a question 1; p_e = (81 + 4 + 1) / 144
    text = explain_kappa(OBSERVER_1, OBSERVER_2)
    assert "Observed agreement: 10 of 12 = 0.83" in text
    assert "(9 × 9 + 2 × 2 + 1 × 1) / (12 × 12) = 0.60" in text
    assert cohen_kappa(OBSERVER_1, OBSERVER_2) == pytest.approx((10 / 12 - 86 / 144) / (1 - 86 / 144))
    assert "= 0.59, moderate" in text


def test_explain_kappa_sets_a_trainees_working_beside_its_own():
    text = explain_kappa(OBSERVER_1, OBSERVER_2, {"agreement": 10 / 12, "chance": 0.5, "kappa": "high"})
    assert "your agreement, 0.83, matches" in text and "your chance was 0.50" in text
    assert "your kappa ('high') is not a number" in text
    assert "Beside your working" not in explain_kappa(OBSERVER_1, OBSERVER_2, {"kappa": None})


def test_explain_kappa_worked_on_the_two_by_two_in_the_text():
    # o o n c against c o n o: p_o = .5; p_e = (2*2 + 1*1 + 1*1) / 16 = 6/16; kappa = .2
    text = explain_kappa([O, O, N, C], [C, O, N, O])
    assert "2 of 4 = 0.50" in text and "= 0.20, slight" in text


@pytest.mark.parametrize(("first", "second"), [(None, OBSERVER_2), ([O], [O, C]), ([], []), (3, "open")])
def test_explain_kappa_never_raises(first, second):
    assert explain_kappa(first, second)


def test_explain_kappa_when_both_use_one_code():
    assert "undefined here" in explain_kappa([O, O], [O, O])


@pytest.mark.parametrize("answers", [None, "open", ["open"], 3, {"1": ["open"]}, {"1": {}}])
def test_malformed_codings_score_zero_with_a_reason_and_never_raise(answers):
    result = score_coding(answers, KEY)
    assert result.points == 0 and result.possible == 4
    assert "the key" not in result.report().split("\n", 2)[-1]
    assert any(w in result.report() for w in ("not answered", "is not one of", "expected a dictionary"))


def test_the_kinds_of_question_use_the_same_scoring():
    key = {"1": "clarifying", "2": "exploratory"}
    result = score_coding({"1": "clarifying", "2": "fresh"}, key, codes=("clarifying", "exploratory"))
    assert result.points == 2


def test_ready_says_what_is_missing_without_revealing_the_key():
    result = ready({"1": "Open", 2: "closed", "3": "perhaps", "7": O}, ("open", "closed", "not a question"), "1234")
    report = result.report()
    assert result.points == 2 and result.possible == 4
    assert "✓ 1: coded" in report and "✓ 2: coded" in report
    assert "3: 'perhaps' is not one of" in report
    assert "4: not coded yet" in report
    assert "7: not an item" in report
    assert "key" not in report
    assert ready("open", ("open",), "12").points == 0


def test_checks_reaches_the_module_on_first_use():
    assert checks.agreement.score_coding is score_coding


# --- "why" questions rewritten ----------------------------------------------------------------

ORIGINALS = [
    "Why did you agree to chair the working group?",
    "Why haven't you raised the waiting list with the board?",
]


@pytest.mark.parametrize(
    "rewrite, points",
    [
        ("What led you to agree to chair the working group?", 1.0),
        ("Dev, what has made it hard to raise the waiting list with the board?", 1.0),  # a name first is fine
        ("Dev what led you to agree to chair the working group?", 1.0),  # with or without a comma
        ("So what about handing the chair to someone else?", 0.75),  # advice, after a filler
        ("What has made it hard to take the waiting list to the board?", 1.0),
        ("What led to that?", 0.75),  # no words of the original's
        ("What led you to agree to chair it", 0.75),  # no question mark
        ("Did something lead you to agree to chair it?", 0.75),  # closed stem
        ("What about handing the chair to someone else?", 0.75),  # advice
        ("Why did you agree to chair the working group, really?", 0.5),
        ("Why did you agree to chair the working group?", 0.0),  # unchanged
        ("", 0.0),
        (None, 0.0),
    ],
)
def test_why_rewrite_form_rules(rewrite, points):
    original = ORIGINALS[1] if "hard" in str(rewrite) else ORIGINALS[0]
    result = score_why_rewrites([rewrite], [original])
    assert result.points == points, result.report()


def test_why_rewrites_reasons_are_readable():
    report = score_why_rewrites(
        ["How come you agreed to chair it? And who asked you?", None], ORIGINALS
    ).report()
    assert "still asks 'why' (or 'how come')" in report
    assert "found 2 question marks" in report
    assert "no rewrite yet for: Why haven't you raised the waiting list with the board?" in report


def test_a_long_rewrite_loses_the_short_question_point():
    long = "What led you to agree to chair the working group " + "when there was so much else " * 4 + "?"
    report = score_why_rewrites([long], ORIGINALS[:1]).report()
    assert "words; try 25 or fewer" in report


@pytest.mark.parametrize("rewrites", [None, 3, {"a": "b"}, [1, 2], "What led you to agree?"])
def test_malformed_rewrites_never_raise(rewrites):
    result = score_why_rewrites(rewrites, ORIGINALS)
    assert result.possible == 2
    assert result.points <= 1


def test_extra_rewrites_are_ignored_and_say_so():
    result = score_why_rewrites(["What led you to agree to chair?"] * 3, ORIGINALS[:1])
    assert result.points == 1
    assert "2 more than asked for" in result.report()
