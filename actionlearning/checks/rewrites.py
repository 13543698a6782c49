"""Advice in disguise rewritten as open questions (session 5).

Each rewrite is read by :func:`actionlearning.practice.questions.assess`, the same reading the Question
Lab gives, and scored out of one:

- 1: an open question with no advice, leading or rhetorical issue, which is not a copy of the
  original and does not simply carry the original's idea in an open wrapper;
- ½: open, but it still carries the asker's idea ("What do you think about asking the heads
  to co-chair it?"), or repeats a rewrite already given for another item; or may be heard as
  advising or leading only as a judgement call (the reading says so); or a closed question
  with none of those issues;
- ¼: open but still advising, leading or judging; or a statement that reflects rather than
  advises;
- 0: blank, a copy of the original, a closed question that still advises, leads or judges, or
  advice said as a statement.

Every item says why, using the assessment's feedback. Nothing a trainee types makes it raise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from difflib import SequenceMatcher

from actionlearning.checks import CheckResult, ItemResult
from actionlearning.practice.questions import assess

TITLE = "Your rewrites"
#: Issues that mean the rewrite still steers the presenter.
STEERING = ("advice", "leading", "rhetorical")
#: Issues that cost nothing here (session 4's subject) but are worth a word.
TIPS = {
    "why": "it starts with 'why', which can sound like a demand for justification; 'What led "
    "to...?' often opens the same ground",
    "stacked": "it asks more than one question; ask one and let the presenter take their time",
    "long": "it is long; a short question in the presenter's words leaves them more room",
}
#: How similar (0 to 1) a rewrite may be to its original before it counts as a copy.
COPY_RATIO = 0.9
#: Share of the original idea's content words a rewrite may keep before it counts as carrying it.
IDEA_SHARE = 0.75

_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
_ADVICE_STEM = re.compile(
    r"^(?:have you (?:ever )?(?:thought (?:about|of)|considered|tried|looked (?:at|into))|"
    r"did you (?:think about|consider|try)|why (?:don't|not|do not) you(?: just)?|"
    r"why not(?: just)?|"
    r"could(?:n't)? you(?: not)?(?: just| maybe)?|can(?:'t)? you(?: not)?(?: just)?|"
    r"(?:would|wouldn't) it (?:not )?be (?:better|best|easier|simpler|worth) (?:to )?|"
    r"what about(?: trying)?|how about(?: trying)?|would you consider|is it worth)\s+"
)
_STOP = frozenset(
    """a an the to of for on in at by with and or but it its it's this that these those them
    they their you your yours i me my we us our just maybe perhaps then so up out about into
    from as be is are was were been being have has had do does did not no some any all one
    more most very really first again while who what which when where how""".split()
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _normal(text: str) -> str:
    return " ".join(_words(text))


def _idea_words(original: str) -> set[str]:
    """The content words of the suggestion inside an advice-in-disguise question."""
    norm = _normal(original)
    m = _ADVICE_STEM.match(norm + " ")
    idea = norm[m.end():] if m else norm
    return {_stem(w) for w in idea.split() if w not in _STOP and len(w) > 2}


def is_copy(rewrite: str, original: str) -> bool:
    """True when ``rewrite`` is the original, word for word or nearly so."""
    a, b = _normal(rewrite[:2000]), _normal(original)
    if not a:
        return False
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= COPY_RATIO and matcher.ratio() >= COPY_RATIO


def carries_idea(rewrite: str, original: str) -> bool:
    """True when ``rewrite`` keeps most of the original's suggestion (three words or more)."""
    idea = _idea_words(original)
    if len(idea) < 3:
        return False
    kept = idea & {_stem(w) for w in _words(rewrite)}
    return len(kept) >= 3 and len(kept) / len(idea) >= IDEA_SHARE


def _result(item: str, points: float, reason: str) -> ItemResult:
    return ItemResult(item, points, 1.0, reason)


def score_rewrite(
    rewrite: object,
    original: str,
    earlier: Mapping[str, str] | None = None,
    item: str = "rewrite",
) -> ItemResult:
    """One rewrite of ``original``, scored out of 1 with a reason. ``earlier`` maps items
    already scored to their normalised rewrites, so that a repeat can be named."""
    if rewrite is None or (isinstance(rewrite, str) and not rewrite.strip()):
        return _result(item, 0.0, "not answered yet: write your open question between the quotes")
    if not isinstance(rewrite, str):
        kind = type(rewrite).__name__
        return _result(item, 0.0, f"expected text in quotation marks, but found {kind}")
    text = " ".join(rewrite.split())
    if is_copy(text, original):
        return _result(
            item, 0.0,
            "this is the original question, word for word or nearly; rewrite it so that the "
            "presenter's own thinking comes first",
        )
    a = assess(text)
    feedback = a.feedback.strip()
    steering = [i for i in a.issues if i in STEERING]
    if not a.is_question:
        if "advice" in feedback.lower():
            return _result(item, 0.0, f"advice said as a statement. {feedback}")
        return _result(item, 0.25, f"not a question yet. {feedback}")
    steers = _steer_words(steering)
    if a.form != "open":
        if steering:
            return _result(item, 0.0, f"a closed question that still {steers}. {feedback}")
        return _result(item, 0.5, f"the advice has gone, but the question is closed. {feedback}")
    # an open wrapper round the original suggestion ("What do you think about asking...?"):
    # named as the original idea, whether or not the reading also hears it as advice
    if carries_idea(text, original) and set(steering) <= {"advice"}:
        return _result(
            item, 0.5,
            "open, but it still carries the original idea, so the presenter would be reacting to "
            "the asker's solution rather than finding their own; ask about what they see, want "
            "or notice",
        )
    if steering and set(steering) <= set(a.judgement_calls):
        return _result(item, 0.5, f"open, but it may still be heard as if it {steers}. {feedback}")
    if steering:
        return _result(item, 0.25, f"open in form, but it still {steers}. {feedback}")
    normal = _normal(text)
    for other, earlier_text in (earlier or {}).items():
        if normal == earlier_text:
            return _result(
                item, 0.5,
                f"a good open question, but the same as your rewrite for {other}; try one that "
                "fits this presenter, in their own words",
            )
    tips = [TIPS[i] for i in a.issues if i in TIPS]
    reason = "an open question that leaves the presenter's thinking free"
    if tips:
        reason += "; one thing to notice: " + "; and ".join(tips)
    return _result(item, 1.0, reason)


def _steer_words(issues: list[str]) -> str:
    if not issues:
        return ""
    words = {
        "advice": "offers advice",
        "leading": "leads towards an answer",
        "rhetorical": "judges or confronts",
    }
    parts = [words[i] for i in issues]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def score_rewrites(rewrites: object, originals: Mapping[str, str]) -> CheckResult:
    """Score a dictionary of rewrites against ``originals`` (item -> the advice-in-disguise
    question), one point per item, with a reason each."""
    items = tuple(originals)
    if not isinstance(rewrites, Mapping):
        reason = (
            f"expected a dictionary such as {{'a': \"...\"}}, but found {type(rewrites).__name__}; "
            "keep the shape of the answer cell and write each rewrite between the quotation marks"
        )
        return CheckResult(TITLE, tuple(ItemResult(str(k), 0.0, 1.0, reason) for k in items))
    results, earlier = [], {}
    for item in items:
        rewrite = rewrites.get(item)
        results.append(score_rewrite(rewrite, originals[item], earlier, item=str(item)))
        if isinstance(rewrite, str) and rewrite.strip():
            earlier.setdefault(str(item), _normal(rewrite))
    extra = sorted(str(k) for k in rewrites if k not in originals)
    if extra:
        note = "not an item in this exercise; it is ignored"
        results.append(ItemResult(", ".join(extra), 0.0, 0.0, note))
    return CheckResult(TITLE, tuple(results))
