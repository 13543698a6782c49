"""The Question Lab's learned issues (actionlearning/practice/questions/learned.py): saved as
their training data gives them, trained apart from the blind batches, read with the standard
library alone, and offered to the trainee as a judgement call."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from actionlearning.practice.questions import assess
from actionlearning.practice.questions.assessment import DOUBT, rule_features
from actionlearning.practice.questions.learned import MODEL_PATH, learned_issues, probability
from tests.conftest import REPO
from tests.data.question_training import train

BLIND = REPO / "tests" / "data" / "question_blind"


def _texts(paths) -> set[str]:
    return {train._key(item["text"]) for path in paths for item in yaml.safe_load(path.read_text("utf-8"))}


def test_the_saved_models_are_what_the_training_data_gives():
    saved = json.loads(MODEL_PATH.read_text("utf-8"))
    assert train.same_models(train.fit(), saved), "run: python -m tests.data.question_training.train"
    assert set(saved["issues"]) == set(train.LEARNED)
    assert any("question_training/set-" in path for path in saved["trained_on"])


def test_the_models_never_learn_from_a_blind_batch():
    """Nothing is read from the blind batches, and a stock phrase that a training writer and a
    blind writer both reached ("What's stopping you?") is left out of the training."""
    assert all(BLIND not in path.parents for path in train.SOURCES)
    blind = _texts(BLIND.glob("batch-*/raw/writer-*.yaml"))
    assert blind & _texts(train.SOURCES), "the check below would pass for want of shared turns"
    taught = {train._key(item["text"]) for item in train.training_items()}
    assert taught and not blind & taught


def test_the_models_read_with_the_standard_library_alone():
    # As in the handbook's browser kernel: no numpy, scipy or scikit-learn to import.
    text = "Is it worth a word with the head?"
    code = (
        "import sys\n"
        "for name in ('numpy', 'scipy', 'sklearn'): sys.modules[name] = None\n"
        "from actionlearning.practice.questions.assessment import rule_features\n"
        "from actionlearning.practice.questions.learned import probability\n"
        f"print(round(probability('advice', rule_features({text!r})), 6))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) == round(probability("advice", rule_features(text)), 6)


def _heard_by_the_model_alone(issue: str) -> list[str]:
    """Training turns a model flags with the issue and the rules do not."""
    added = []
    for item in train.training_items():
        feats = rule_features(item["text"])
        if feats and issue in learned_issues(feats, [f.split("=", 1)[1] for f in feats if f.startswith("rule=")]):
            added.append(item["text"])
    return added


@pytest.mark.parametrize("issue", train.LEARNED)
def test_what_a_model_hears_beyond_the_rules_is_offered_as_a_judgement_call(issue):
    """Every training question a model flags and the rules do not: the trainee is told of the
    issue, and that experienced facilitators might hear it differently; and the suggested
    rewrite, where there is one, no longer has it."""
    added = _heard_by_the_model_alone(issue)
    assert len(added) >= 10, f"the {issue} model should hear what the rules miss"
    for text in added:
        result = assess(text)
        assert issue in result.issues and issue in result.judgement_calls, text
        assert result.feedback.endswith(DOUBT), text
        if result.suggestion:
            assert issue not in assess(result.suggestion).issues, (text, result.suggestion)


@pytest.mark.parametrize("text", [
    "What would you like to happen?", "What options have you considered so far?",
    "How are you feeling about the meeting?", "What would happen if you did nothing?",
    "Who else could help you with this?", "What's stopping you?", "So the review is in March?",
])
def test_plain_honest_questions_stay_honest(text):
    assert assess(text).issues == (), text


def test_a_judgement_call_costs_half_a_mark_not_all():
    """In the exercises, an open question flagged only by the model's second opinion earns half
    marks with the reason, not none: experienced facilitators could hear it either way."""
    from actionlearning.checks.rewrites import score_rewrite
    from actionlearning.practice.questions import score_questions

    only = [t for t in _heard_by_the_model_alone("advice")
            if (a := assess(t)).form == "open" and a.issues == ("advice",)]
    assert only, "an open question flagged as advice by the model alone"
    for text in only:
        item = score_questions([text]).items[0]
        assert item.points == 0.5 and "could hear it either way" in item.reason, (text, item)
        result = score_rewrite(text, "Have you thought about ringing the regional director today?")
        assert result.points == 0.5 and "may still be heard" in result.reason, (text, result)
    firm = "Why don't you just ring the regional director?"
    assert assess(firm).judgement_calls == () and "advice" in assess(firm).issues
    assert score_questions([firm]).items[0].points == 0.0
