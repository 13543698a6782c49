"""Coding set talk against a trainers' key, and rewriting "why" questions (session 4).

Coding questions as open or closed, or clarifying or exploratory, is a judgement, and trained
coders using the same published rules still disagree on a share of them. So the transcript
exercise is marked in plain terms: one point for each utterance coded as the trainers' key codes
it, reported as "12 of the 15 agree" with the key. Where the key accepts a second code as
defensible (an ambiguous form), a trainee who chose it is given the benefit of the doubt and
counted as agreeing.

**Cohen's kappa** is an optional extra for the curious, never marked: agreement corrected for
the agreement two coders would reach by chance, given how often each used each code,
``kappa = (p_o - p_e) / (1 - p_e)`` (Cohen, 1960), with the usual verbal label (Landis and Koch,
1977). :func:`explain_kappa` works it through, step by step, for two observers' codings that the
exercise gives; the statistics are here for that, and for the Question Lab's blind batches.

Everything is plain Python. The statistics raise ``ValueError`` only on a programming error
(lists of different lengths); the ``score_*``, ``ready`` and ``explain_*`` functions never raise
on a trainee's answer, however malformed, and say why each point was or was not given.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from actionlearning.checks import ACCEPTED, CheckResult, ItemResult, as_pattern, keyed, same_for_all

__all__ = [
    "CODES",
    "QUESTION_KINDS",
    "cohen_kappa",
    "describe_kappa",
    "explain_kappa",
    "normalise_code",
    "percent_agreement",
    "ready",
    "score_coding",
    "score_why_rewrites",
]

#: The codes for the form of an utterance.
CODES: tuple[str, ...] = ("open", "closed", "not a question")
#: The codes for the purpose of a question.
QUESTION_KINDS: tuple[str, ...] = ("clarifying", "exploratory")

MISSING = "(no answer)"

# Forms a trainee might reasonably type for a code, read as the code itself.
_ALIASES = {
    "open question": "open",
    "closed question": "closed",
    "not question": "not a question",
    "not a q": "not a question",
    "statement": "not a question",
    "clarifying question": "clarifying",
    "clarify": "clarifying",
    "exploratory question": "exploratory",
    "explore": "exploratory",
    "exploring": "exploratory",
    "fresh": "exploratory",
}


# --------------------------------------------------------------------------------------------
# The statistics


def _paired(a: Sequence[object], b: Sequence[object]) -> list[tuple[object, object]]:
    a, b = list(a), list(b)
    if len(a) != len(b):
        raise ValueError(f"the two codings must be the same length, not {len(a)} and {len(b)}")
    return list(zip(a, b))


def percent_agreement(a: Sequence[object], b: Sequence[object]) -> float | None:
    """The proportion (0 to 1) of positions where ``a`` and ``b`` hold the same code.

    ``None`` when there is nothing to compare.
    """
    pairs = _paired(a, b)
    if not pairs:
        return None
    return sum(1 for x, y in pairs if x == y) / len(pairs)


def cohen_kappa(a: Sequence[object], b: Sequence[object]) -> float | None:
    """Cohen's kappa for two codings of the same items: ``(p_o - p_e) / (1 - p_e)``.

    ``p_o`` is the observed proportion of agreement and ``p_e`` the agreement expected by
    chance from each coder's own proportions of each code. Kappa is 1 for perfect agreement,
    0 for agreement no better than chance, and negative for worse than chance.

    Returns ``None`` when kappa is undefined: no items, or both coders used one and the same
    code throughout, so that chance agreement is already total (``p_e == 1``) and there is
    nothing left for skill to explain.
    """
    pairs = _paired(a, b)
    n = len(pairs)
    if n == 0:
        return None
    p_o = sum(1 for x, y in pairs if x == y) / n
    count_a = Counter(x for x, _ in pairs)
    count_b = Counter(y for _, y in pairs)
    p_e = sum(count_a[c] * count_b.get(c, 0) for c in count_a) / (n * n)
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1.0 - p_e)


def describe_kappa(kappa: float | None) -> str:
    """The conventional verbal label for a kappa (Landis and Koch, 1977)."""
    if kappa is None:
        return "undefined"
    if kappa < 0:
        return "less than chance"
    for upper, label in ((0.20, "slight"), (0.40, "fair"), (0.60, "moderate"), (0.80, "substantial")):
        if kappa <= upper:
            return label
    return "almost perfect"


# --------------------------------------------------------------------------------------------
# A trainee's coding against the key


def normalise_code(value: object) -> str | None:
    """A trainee's code in canonical form ("Open " -> "open"), or ``None`` if not text."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    text = text.strip(" .'\"")
    return _ALIASES.get(text, text)


def _as_mapping(answers: object) -> Mapping | None:
    return answers if isinstance(answers, Mapping) else None


def _lookup(answers: Mapping, item: str) -> object:
    """The answer for ``item``, whether the trainee's keys are strings or numbers."""
    if item in answers:
        return answers[item]
    if item.isdigit() and int(item) in answers:
        return answers[int(item)]
    return None


def _wrong_shape(answers: object, title: str, items: Iterable[str]) -> CheckResult:
    reason = (
        f"expected a dictionary such as {{'1': 'open', ...}}, but found {type(answers).__name__}; "
        "keep the shape of the answer cell and fill in each value"
    )
    return CheckResult(title, tuple(ItemResult(str(i), 0.0, 1.0, reason) for i in items))


def ready(answers: object, codes: Iterable[str], items: Iterable[str]) -> CheckResult:
    """Self-check before submitting: is every item coded with one of ``codes``?

    It reveals nothing about which codes are right.
    """
    codes = tuple(codes)
    items = tuple(str(i) for i in items)
    title = "Ready to submit"
    mapping = _as_mapping(answers)
    if mapping is None:
        return _wrong_shape(answers, title, items)
    allowed = " or ".join(repr(c) for c in codes)
    results = []
    for item in items:
        given = _lookup(mapping, item)
        code = normalise_code(given)
        if given is None:
            results.append(ItemResult(item, 0.0, 1.0, f"not coded yet: choose {allowed}"))
        elif code not in codes:
            results.append(ItemResult(item, 0.0, 1.0, f"{given!r} is not one of {allowed}"))
        else:
            results.append(ItemResult(item, 1.0, 1.0, "coded"))
    known = set(items) | {int(i) for i in items if i.isdigit()}
    extra = sorted(str(k) for k in mapping if k not in known)
    if extra:
        results.append(ItemResult(", ".join(extra), 0.0, 0.0, "not an item in this exercise; it is ignored"))
    return CheckResult(title, tuple(results))


def score_coding(
    answers: object,
    key: Mapping[str, str],
    reasons: Mapping[str, str] | None = None,
    *,
    codes: Sequence[str] = CODES,
    accept: Mapping[str, Iterable[str]] | None = None,
    title: str = "Your coding",
) -> CheckResult:
    """A trainee's coding of numbered utterances, scored against the trainers' ``key``.

    One point per utterance coded as the key codes it, or with a code that ``accept`` lists
    for that utterance as defensible (the benefit of the doubt), so credit is in proportion to
    agreement. The first line says, in plain terms, how many agree with the key; each utterance
    then says whether it agrees. The keyed code and ``reasons`` for it, and the commonest
    difference if it recurs, are in the trainer's notes, never in the trainee's reasons.
    """
    reasons = reasons or {}
    accept = accept or {}
    items = [str(i) for i in key]
    mapping = _as_mapping(answers)
    if mapping is None:
        return _wrong_shape(answers, title, items)

    allowed = " or ".join(repr(c) for c in codes)
    results: list[ItemResult] = []
    theirs: list[str] = []
    ours: list[str] = []
    for item in items:
        expected = normalise_code(key[item]) or ""
        also = {normalise_code(c): c for c in accept.get(item, ())}
        given = _lookup(mapping, item)
        code = normalise_code(given)
        ours.append(expected)
        fair = code is not None and code != expected and code in also
        theirs.append(expected if code == expected or fair else
                      MISSING if given is None or code not in codes else code)
        results.append(keyed(
            item, given, expected, reasons.get(item, "").strip(), agrees=code == expected,
            accepted=f"{code} is defensible here too" if fair else "",
            unreadable=f"{given!r} is not one of {allowed}" if given is not None and code not in codes else "",
        ))
    fair_count = sum(1 for r in results if r.reason == ACCEPTED)
    text, note = _summary(theirs, ours, fair_count)
    summary = ItemResult("agreement with the trainers' key", 0.0, 0.0, text, note)
    result = CheckResult(title, (summary, *results))
    if same_for_all((_lookup(mapping, i) for i in items), ours):
        return as_pattern(result)
    return result


def _summary(theirs: list[str], ours: list[str], fair: int = 0) -> tuple[str, str]:
    """How many agree with the key, in plain terms, for the trainee; the commonest difference,
    which names the key, for the trainer."""
    n = len(ours)
    if n == 0:
        return "the key has no items, so there is nothing to compare", ""
    if all(x == MISSING for x in theirs):
        return (f"nothing coded yet: code the {n} items and this will say how many agree with "
                "the key", "")
    agree = sum(1 for x, y in zip(theirs, ours) if x == y)
    text = f"{agree} of the {n} agree"
    if fair:
        text += f" ({fair} of them with a second code the key accepts as defensible)"
    uncoded = sum(1 for x in theirs if x == MISSING)
    if uncoded:
        text += f"; {uncoded} uncoded or unreadable, counted as disagreeing"
    note = ""
    misses = Counter((y, x) for x, y in zip(theirs, ours) if x != y and x != MISSING)
    if misses:
        (keyed_code, said), times = misses.most_common(1)[0]
        if times >= 2:
            note = f"the commonest difference: {times} items the key codes {keyed_code} were coded {said}"
    return text, note


def explain_kappa(first: object, second: object, yours: object = None) -> str:
    """For the curious, never marked: Cohen's kappa for two codings of the same items, worked
    through step by step (observed agreement, chance agreement from each coder's mix of codes,
    kappa and its conventional label). ``yours``, if given, is the trainee's own attempt, a
    dictionary with any of ``agreement``, ``chance`` and ``kappa``, each set beside the working.
    Never raises."""
    try:
        a = [normalise_code(x) or str(x) for x in first]
        b = [normalise_code(x) or str(x) for x in second]
        p_o, kappa = percent_agreement(a, b), cohen_kappa(a, b)
    except (TypeError, ValueError) as error:
        return f"These two codings cannot be compared: {error}."
    n = len(a)
    if not n or p_o is None:
        return "There is nothing to compare yet."
    count_a, count_b = Counter(a), Counter(b)
    others = sorted((set(count_a) | set(count_b)) - set(CODES))
    codes = [c for c in CODES if c in count_a or c in count_b] + others
    products = " + ".join(f"{count_a[c]} × {count_b[c]}" for c in codes)
    p_e = sum(count_a[c] * count_b[c] for c in codes) / (n * n)
    lines = [
        f"Observed agreement: {sum(x == y for x, y in zip(a, b))} of {n} = {p_o:.2f}",
        "Each observer's mix of codes: " + "; ".join(
            f"{c} {count_a[c]} and {count_b[c]}" for c in codes),
        f"Chance agreement: ({products}) / ({n} × {n}) = {p_e:.2f}",
    ]
    if kappa is None:
        lines.append("Cohen's kappa is undefined here: both used one and the same code throughout, "
                     "so chance alone would agree.")
    else:
        lines.append(f"Cohen's kappa: ({p_o:.2f} - {p_e:.2f}) / (1 - {p_e:.2f}) = {kappa:.2f}, "
                     f"{describe_kappa(kappa)} by the usual labels")
    if isinstance(yours, Mapping):
        figures = {"agreement": p_o, "chance": p_e, "kappa": kappa}
        said = []
        for name, right in figures.items():
            given = yours.get(name)
            if given is None or right is None:
                continue
            if isinstance(given, bool) or not isinstance(given, (int, float)):
                said.append(f"your {name} ({given!r}) is not a number")
            elif abs(given - right) <= 0.01:
                said.append(f"your {name}, {given:.2f}, matches")
            else:
                said.append(f"your {name} was {given:.2f}")
        if said:
            lines.append("Beside your working: " + "; ".join(said) + ".")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# "Why" questions rewritten as "What led to...?" and the like

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_WHY = re.compile(r"\b(?:why|how come)\b", re.I)
# A name or filler before the stem ("Dev, what led...", "So how...") is skipped.
_VOCATIVE = re.compile(
    r"^[^\W\d_]+,?\s+(?=(?:what|how|tell|say|talk|describe|help|in what way)\b)", re.I
)
_ADVICE_STEM = re.compile(r"^(?:what|how) about\b|^what if you\b|^how would it be if you\b", re.I)
_CLOSED_STEM = re.compile(
    r"^(?:how (?:many|much|often|long|old|soon)|what (?:time|date|day|year|number)|"
    r"(?:is|are|was|were|do|does|did|have|has|had|can|could|would|will|should|shall|may|might|"
    r"isn't|aren't|don't|doesn't|didn't|haven't|hasn't|can't|couldn't|wouldn't|won't|shouldn't)"
    r"|who|which|when|where)\b",
    re.I,
)
_OPEN_STEM = re.compile(
    r"^(?:what|how|in what way|tell (?:me|us)|say (?:more|a bit)|talk (?:me|us) through|"
    r"describe|help (?:me|us) understand)\b",
    re.I,
)
_STOPWORDS = frozenset(
    """a about after again all also am an and any are as at be because been before being but by
    can could did do does doing don't for from had has have having he her here him his how i if
    in into is it its just keep kept me more most my no not now of on once only or other our out
    over own really same she should so some still such than that the their them then there
    these they this those to too under until up very was we were what when where which while
    who whom why will with would you your yours how come led lead leads made make makes
    happened happen stop stopped hard haven't hasn't didn't doesn't isn't aren't wasn't can't
    won't wouldn't couldn't shouldn't you've you're think""".split()
)
WHY_REWRITE_MAX_WORDS = 25


def _content_words(text: str) -> set[str]:
    words = {w.lower().replace("\u2019", "'") for w in _WORD.findall(text)}
    return {w for w in words if len(w) >= 4 and w not in _STOPWORDS}


def score_why_rewrites(
    rewrites: object, originals: Sequence[str], title: str = "Your 'why' questions, rewritten"
) -> CheckResult:
    """Each rewrite of a "why" question, checked for form by four simple rules.

    A quarter of a point each for: no "why" (or "how come") left; one short question ending in
    a question mark; an open stem such as "What led...", "What...", "How..." (not a closed or
    advice-giving one); and keeping at least one of the original's own words, so it is still
    the presenter's question. The rules look at form only; whether a rewrite is a *good*
    question is for you and your set to judge.
    """
    originals = [str(o) for o in originals]
    labels = [f"rewrite {n}" for n in range(1, len(originals) + 1)]
    if isinstance(rewrites, str):
        rewrites = [rewrites]
    if not isinstance(rewrites, (list, tuple)):
        reason = (
            f"expected a list of {len(originals)} questions, each in quotation marks, but found "
            f"{type(rewrites).__name__}; keep the shape of the answer cell"
        )
        return CheckResult(title, tuple(ItemResult(label, 0.0, 1.0, reason) for label in labels))
    results = [
        _score_rewrite(label, rewrites[n] if n < len(rewrites) else None, original)
        for n, (label, original) in enumerate(zip(labels, originals))
    ]
    if len(rewrites) > len(originals):
        results.append(ItemResult(
            "extra", 0.0, 0.0, f"{len(rewrites) - len(originals)} more than asked for; they are ignored"
        ))
    return CheckResult(title, tuple(results))


def _score_rewrite(label: str, text: object, original: str) -> ItemResult:
    if not isinstance(text, str) or not text.strip():
        return ItemResult(label, 0.0, 1.0, f"no rewrite yet for: {original}")
    question = " ".join(text.split())
    if question.lower().rstrip("?. ") == " ".join(original.split()).lower().rstrip("?. "):
        return ItemResult(label, 0.0, 1.0, "this is the original question, unchanged: rewrite it without 'why'")
    stem = _VOCATIVE.sub("", question)  # "Dev, what led..." is still a "What" question
    points = 0.0
    good: list[str] = []
    bad: list[str] = []

    if _WHY.search(question):
        bad.append("it still asks 'why' (or 'how come'), which tends to invite a justification")
    else:
        points += 0.25
        good.append("no 'why'")

    marks = question.count("?")
    words = len(_WORD.findall(question))
    if marks == 1 and question.endswith("?") and words <= WHY_REWRITE_MAX_WORDS:
        points += 0.25
        good.append("one short question")
    elif marks == 0:
        bad.append("there is no question mark: end it with '?' so it reads as the question it is")
    elif marks > 1 or not question.endswith("?"):
        bad.append(f"found {marks} question marks; ask one question and let it land")
    else:
        bad.append(f"{words} words; try {WHY_REWRITE_MAX_WORDS} or fewer, so the presenter can hold it")

    if _ADVICE_STEM.match(stem):
        bad.append("'what about' or 'what if you' carries your own idea: advice with a question mark")
    elif _CLOSED_STEM.match(stem):
        bad.append("it opens like a closed question, answerable with yes, no or a fact; try 'What led...'")
    elif _OPEN_STEM.match(stem):
        points += 0.25
        good.append("an open stem")
    else:
        bad.append("begin with an open stem such as 'What led...', 'What...' or 'How...'")

    shared = sorted(_content_words(question) & _content_words(original))
    if shared:
        points += 0.25
        good.append(f"keeps the original's words ({', '.join(shared[:3])})")
    else:
        bad.append("it shares none of the original's words; keep the presenter's own words so it is still their question")

    reason = "; ".join(good) if not bad else ("; ".join(bad) + (f" (what works: {', '.join(good)})" if good else ""))
    return ItemResult(label, points, 1.0, reason)
