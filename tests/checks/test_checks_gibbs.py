"""The session 8 Gibbs log check: six stages, partial credit, a reason for each, never raises."""

import pytest

from actionlearning import checks
from actionlearning.checks.gibbs import (
    MIN_WORDS,
    STAGES,
    concrete_action,
    feelings_named,
    score_gibbs,
    sections,
    when_found,
)


def _words(n, word="word"):
    return " ".join([word] * n)


def _log(**bodies):
    """A log with a heading and enough words for every stage, overridden by ``bodies``."""
    default = {
        "Description": "The presenter asked me what I would do, and I answered. " + _words(60),
        "Feelings": "I felt flattered, then uneasy and a little embarrassed. " + _words(30),
        "Evaluation": "The first half of the slot went well; my answer did not. " + _words(40),
        "Analysis": "I offered P where Q was needed, and it relieved my own anxiety. " + _words(60),
        "Conclusion": "I could have handed the question back to her. " + _words(30),
        "Action plan": (
            "At the next set meeting I will offer my own experience only in the resources round, "
            "and count to ten when a silence runs on."
        ),
    }
    default.update({k.replace("_", " ").capitalize(): v for k, v in bodies.items()})
    return "\n\n".join(f"## {k}\n{v}" for k, v in default.items() if v is not None)


def _points(result):
    return {item.item: item.points for item in result.items}


def test_a_full_log_scores_every_stage_and_says_what_it_found():
    result = score_gibbs(_log())
    assert [i.item for i in result.items] == list(STAGES)
    assert result.points == result.possible == 6
    report = result.report()
    assert "feelings named: flattered, uneasy, embarrassed" in report
    assert "a concrete action: 'I will offer my own experience" in report
    assert "a when: 'At the next set meeting'" in report
    assert "a guide for redrafting, not a mark: your trainer reads and marks the log" in result.title


def test_the_module_is_reached_through_checks():
    assert checks.gibbs.score_gibbs(_log()).points == 6


@pytest.mark.parametrize(
    "heading, stage",
    [
        ("## Description", "description"),
        ("# 1. Description: what happened?", "description"),
        ("### What happened?", "description"),
        ("**Feelings**", "feelings"),
        ("Thoughts and feelings:", "feelings"),
        ("## What were you thinking and feeling?", "feelings"),
        ("Evaluation", "evaluation"),
        ("## What was good and bad about the experience?", "evaluation"),
        ("Stage 4: Analysis", "analysis"),
        ("## What sense can I make of it?", "analysis"),
        ("## Conclusions (general)", "conclusion"),
        ("## What else could I have done?", "conclusion"),
        ("__Action plan__", "action plan"),
        ("## If it arose again, what would I do?", "action plan"),
        ("Personal action plan -", "action plan"),
    ],
)
def test_headings_in_many_forms_are_recognised(heading, stage):
    found, order = sections(f"{heading}\nSome words here.")
    assert order == [stage] and found[stage] == "Some words here."


def test_labelled_lines_keep_their_words_and_ordinary_sentences_are_not_headings():
    found, order = sections(
        "Description: we met on Tuesday.\n"
        "Feeling anxious: that was me at first.\n"
        "**Feelings:** I was nervous.\n"
        "## Feelings: anxious, then relieved\n"
        "Next time: I will wait."
    )
    assert order == ["description", "feelings"]
    assert "Feeling anxious: that was me" in found["description"]
    assert found["feelings"] == "I was nervous.\nanxious, then relieved\nNext time: I will wait."


@pytest.mark.parametrize(
    "stage, body, points",
    [
        ("description", _words(MIN_WORDS["description"]), 1),
        ("description", _words(10), 0.5),
        ("description", "", 0),
        ("analysis", _words(59), 0.5),
        ("feelings", "I felt anxious. " + _words(30), 1),
        ("feelings", "I was anxious.", 0.75),
        ("feelings", "I felt that the set was rushing. " + _words(30), 0.5),
        ("feelings", "I was a bit cross with myself. " + _words(30), 1),
        ("feelings", "The set went cross-organisational. " + _words(30), 0.5),
        ("action plan", "I will ask the set for a time-out at the next meeting, because the advice came early and the presenter lost her thread.", 1),
        ("action plan", "I will ask the set for a time-out, because the advice came early in the slot and the presenter lost her thread.", 0.75),
        ("action plan", "I will be more patient at the next meeting, because the advice came early today and the presenter lost her thread.", 0.5),
        ("action plan", "I will be more patient.", 0),
        ("action plan", "- Ask my supervisor about power in the set, by Friday", 0.75),
        ("action plan", "I won't fill the next silence at our meeting on 3 March; I'll count to ten instead, and see what the presenter does with it.", 1),
    ],
)
def test_each_stage_gives_partial_credit(stage, body, points):
    assert _points(score_gibbs(_log(**{stage.replace(" ", "_"): body})))[stage] == points


def test_a_missing_stage_says_what_to_add():
    result = score_gibbs(_log(analysis=None))
    assert _points(result)["analysis"] == 0
    assert "no Analysis section found: add a heading such as '## Analysis'" in result.report()


def test_the_blank_template_scores_zero_and_says_each_heading_is_empty():
    template = "\n".join(f"## {s.capitalize()}\n\n" for s in STAGES)
    result = score_gibbs(template)
    assert result.points == 0
    assert result.report().count("heading is there, with nothing under it yet") == 6


def test_reasons_for_feelings_and_actions_teach():
    report = score_gibbs(
        _log(feelings="I felt like the set was rushing.", action_plan="I will be more patient next time.")
    ).report()
    assert "introduces a thought; name what you felt" in report
    assert "'I will be more patient next time' is an intention" in report
    assert "'next time' is a start: when exactly" in report


def test_notes_on_order_and_identifying_details_cost_nothing():
    log = _log(description="The presenter (call her on 07700 900123) said... " + _words(60))
    parts = log.split("\n\n")
    swapped = "\n\n".join([parts[1], parts[0], *parts[2:]])
    result = score_gibbs(swapped)
    assert result.points == 6
    assert "out of Gibbs's order" in result.title
    assert "a long number (a phone or NHS number?)" in result.title
    assert "an email address" in score_gibbs(_log(conclusion="Mail x.y@nhs.net. " + _words(30))).title


def test_prose_without_headings_is_told_how_to_structure_it():
    result = score_gibbs("I facilitated today and it went quite well, I think. " * 20)
    assert result.points == 0
    assert "no stage headings found" in result.title


def test_a_mapping_of_stages_is_read_as_sections():
    log = {"Description": _words(60), "Feelings": "I was relieved. " + _words(30)}
    points = _points(score_gibbs(log))
    assert points["description"] == 1 and points["feelings"] == 1 and points["analysis"] == 0


@pytest.mark.parametrize("log", [None, "", "   ", 3, ["a", 2], {"a": 1}, b"## Description", object()])
def test_malformed_logs_score_zero_with_a_reason_and_never_raise(log):
    result = score_gibbs(log)
    assert result.points == 0 and result.possible == 6
    assert all(item.reason for item in result.items)


def test_helpers():
    assert feelings_named("I was anxious, then relieved; my heart was racing.") == [
        "anxious", "relieved", "heart was racing"
    ]
    assert feelings_named("I felt that it was fine to wait.") == []
    assert concrete_action("I will try waiting ten seconds.")[0]
    assert concrete_action("I will try to be calmer.") == (None, "I will try to be calmer")
    assert when_found("We meet on Tuesday 4 March, and again in April.") == "on Tuesday 4 March"
    assert when_found("next time") is None
