"""What would move an issue on right now: programmed knowledge or questioning insight (session 1).

Each issue is answered ``"P"`` or ``"Q"``, with a line of reasoning. Where the trainers' key is
clear, the answer is scored against it, as :func:`actionlearning.checks.keyed` scores any key,
and the reason is the trainer's to read. Where an issue is mixed, so that either answer can be
defended (a problem whose next step hangs on a fact, a request for an answer that hides a
problem), either answer earns the point when a reason comes with it, and the feedback answers
each with a question of its own rather than a verdict. Without a reason a mixed issue earns
nothing, since there the reasoning is what earns the mark; a reason copied word for word to
another issue is not a reason for this one. Nothing here raises on an answer, however it is
written.
"""

from __future__ import annotations

from collections.abc import Mapping

from actionlearning.checks import CheckResult, ItemResult, as_pattern, keyed, same_for_all

CALLS = ("P", "Q")
ITEMS = "abcdef"
MIN_REASON_WORDS = 4
TITLE = "P or Q, right now"

# The session 1 exercise's mixed issues, and what the feedback asks after each answer: both are
# accepted, so naming which answer this is gives nothing away, and the question is the feedback.
MIXED: dict[str, dict[str, str]] = {
    "c": {
        "P": "Once the figure is in hand, what might the set's questions about the board and the "
             "reluctant partners add?",
        "Q": "If the presenter brought this to the set before doing the sum, what would the set's "
             "questions have to work on?",
    },
    "d": {
        "P": "Suppose the presenter had the best model by Friday: what would change between "
             "meetings?",
        "Q": "Which question might help the presenter see who could move this, and what is theirs "
             "to do?",
    },
    "f": {
        "P": "What might stop the presenter finding out this week, and would that be worth a "
             "question in the set?",
        "Q": "If the contracts turn out to rule it out, how much of what the set explored would "
             "still stand?",
    },
}


def _said(value: object) -> str | None:
    """The answer as one of CALLS, or None when it is not one of them."""
    if not isinstance(value, str):
        return None
    text = value.strip().upper()
    return text if text in CALLS else None


def _plain(text: object) -> str:
    return " ".join(text.lower().split()) if isinstance(text, str) else ""


def _reason(reasons: object, item: str) -> str:
    """The trainee's reason for ``item``: text of a few words, not the same words as the reason
    for another issue; otherwise empty."""
    if not isinstance(reasons, Mapping):
        return ""
    text = _plain(reasons.get(item))
    if len(text.split()) < MIN_REASON_WORDS:
        return ""
    if any(_plain(other) == text for key, other in reasons.items() if key != item):
        return ""
    return text


def ready(calls: object, reasons: object, items: str = ITEMS) -> CheckResult:
    """Self-check before submitting: is each issue answered "P" or "Q", with a line of reasoning?
    It reveals nothing about which answers are right."""
    title = "Ready to submit"
    if not isinstance(calls, Mapping):
        reason = (f"expected a dictionary such as {{'a': 'P'}}, but found {type(calls).__name__}; "
                  "keep the shape of the answer cell and fill in each value")
        return CheckResult(title, tuple(ItemResult(i, 0.0, 1.0, reason) for i in items))
    results = []
    for item in items:
        given = calls.get(item)
        if given is None:
            results.append(ItemResult(item, 0.0, 1.0, "not answered yet: choose 'P' or 'Q'"))
        elif _said(given) is None:
            results.append(ItemResult(item, 0.0, 1.0, f"{given!r} is not one of 'P' or 'Q'"))
        elif not _reason(reasons, item):
            results.append(ItemResult(
                item, 0.5, 1.0,
                f"answered; now add a line of reasoning for this issue (a few words or more, in "
                f"your own words for each) in reasons[{item!r}]"))
        else:
            results.append(ItemResult(item, 1.0, 1.0, "answered, with a reason"))
    return CheckResult(title, tuple(results))


def score_calls(
    calls: object,
    reasons: object,
    key: Mapping[str, str],
    notes: Mapping[str, str] | None = None,
    *,
    mixed: Mapping[str, Mapping[str, str]] = MIXED,
) -> CheckResult:
    """A point per issue: against ``key`` where it is clear, and for either answer with a reason
    where the issue is ``mixed``. ``notes`` explain the key, for the trainer alone."""
    notes = notes or {}
    if not isinstance(calls, Mapping):
        reason = (f"expected a dictionary such as {{'a': 'P'}}, but found {type(calls).__name__}; "
                  "keep the shape of the answer cell and fill in each value")
        return CheckResult(TITLE, tuple(ItemResult(i, 0.0, 1.0, reason) for i in key))
    results = []
    for item, expected in key.items():
        given = calls.get(item)
        said = _said(given)
        unreadable = "" if said is not None or given is None else f"{given!r} is not one of the answers offered"
        if item not in mixed:
            results.append(keyed(item, given, expected, notes.get(item, ""),
                                 agrees=said == expected.upper(), unreadable=unreadable))
            continue
        note = (f"the key: {expected}, though either answer earns the mark with a reason. "
                f"{notes.get(item, '')}").strip()
        if given is None:
            results.append(ItemResult(item, 0.0, 1.0, "not answered", note))
        elif said is None:
            results.append(ItemResult(item, 0.0, 1.0, unreadable, note))
        elif _reason(reasons, item):
            results.append(ItemResult(
                item, 1.0, 1.0,
                f"you said {said}, with a reason: accepted, since this one can fairly go either way. "
                f"{mixed[item][said]}", note))
        else:
            results.append(ItemResult(
                item, 0.0, 1.0,
                f"you said {said}, with no reason of its own: this one can fairly go either way, so "
                f"the reasoning is what earns the mark. {mixed[item][said]}", note))
    result = CheckResult(TITLE, tuple(results))
    if same_for_all((calls.get(i) for i in key), key.values()):
        return as_pattern(result)
    return result
