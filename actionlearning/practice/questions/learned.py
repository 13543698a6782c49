"""A learned second opinion on advice and leading, for the questions the rules pass as free of them.

Hedged advice and presupposition take more British forms than rules can list: on talk nobody
here wrote, three rounds of new patterns stopped raising recall (tests/data/question_blind/
README.md). So a small linear model per issue (logistic regression over the words of a turn and
what the rules made of it) reads each question the rules did not flag, and flags it when the
model is confident enough. What a model flags is marked as a judgement call, and the feedback
says so.

The models are trained by ``python -m tests.data.question_training.train`` (scikit-learn, at
development time only) on the development corpus and purpose-written training sets, never on
the blind batches, and saved beside this module as ``learned_issues.json``: for each issue,
feature weights, a bias and a threshold. Reading them needs only the standard library, so they
run the same in the handbook's browser kernel; nothing is downloaded.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from actionlearning.practice.questions.sentences import WORD, Sentence
from actionlearning.practice.questions.vocabulary import ISSUES

MODEL_PATH = Path(__file__).with_name("learned_issues.json")
# Words read per sentence: the start of a question carries its shape; the cap keeps a long turn fast.
_WORDS_PER_SENTENCE = 40


def features(sentences: Iterable[Sentence], form: str | None, subtype: str, rule_issues: Iterable[str]) -> set[str]:
    """The features of one turn: its words and word pairs, how each sentence starts and ends
    (where tags such as "..., isn't it?" sit), and what the rules made of it (form, subtype and issues). The trainer and the reader share this."""
    found = {f"form={form}", f"subtype={subtype}"}
    found.update(f"rule={issue}" for issue in rule_issues)
    for sentence in sentences:
        words = WORD.findall(sentence.low)[:_WORDS_PER_SENTENCE]
        if not words:
            continue
        mark = "?" if sentence.ends_q else "."
        found.add(f"start={' '.join(words[:2])}")
        found.add(f"start={' '.join(words[:3])}{mark}")
        found.add(f"end={' '.join(words[-2:])}{mark}")
        found.update(f"w={w}" for w in words)
        found.update(f"b={a} {b}" for a, b in zip(words, words[1:]))
    return found


@lru_cache(maxsize=1)
def _models() -> dict[str, tuple[dict[str, float], float, float]]:
    data = json.loads(MODEL_PATH.read_text("utf-8"))
    return {issue: (m["weights"], m["bias"], m["threshold"]) for issue, m in data["issues"].items()}


def probability(issue: str, found: set[str]) -> float:
    """How likely the issue's model finds it that a question with these features shows it."""
    weights, bias, _ = _models()[issue]
    z = bias + sum(weights.get(f, 0.0) for f in found)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def learned_issues(found: set[str], rule_issues: Iterable[str]) -> tuple[str, ...]:
    """The issues the models are confident of that the rules did not flag. A judgemental
    question is rhetorical rather than leading, so leading is not added to one."""
    have = set(rule_issues)
    added = []
    for issue, (_, _, threshold) in _models().items():
        if issue in have or (issue == "leading" and "rhetorical" in have):
            continue
        if probability(issue, found) >= threshold:
            added.append(issue)
    return tuple(i for i in ISSUES if i in added)
