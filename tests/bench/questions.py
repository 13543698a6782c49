"""Benchmark for actionlearning.practice.questions: accuracy per label, and latency.

Two kinds of corpus, reported apart: the development corpus (tests/data/question_corpus.yaml),
written alongside the rules, which measures agreement with itself; and the blind corpus
(tests/data/question_blind/batch-*/corpus.yaml), written and labelled by people who had not seen
the rules, which measures what the rules hear. Each blind batch's first score, taken before any
rule changed, is kept in tests/data/question_blind/README.md; the goals printed are issue 17's.

Run with ``python -m tests.bench.questions`` (or call ``run()``). Prints plain-text figures
only; the thresholds that guard accuracy live in tests/practice/test_questions.py.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import yaml

from actionlearning.practice.questions import ISSUES, assess

DATA = Path(__file__).resolve().parents[1] / "data"
CORPUS_PATH = DATA / "question_corpus.yaml"
BLIND_BATCHES = sorted((DATA / "question_blind").glob("batch-*/corpus.yaml"))
REPEATS = 20
FORMS = ("open", "closed", None)


def _label(form: str | None) -> str:
    return "none" if form is None else form


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def goals(corpus: list[dict], results: list) -> dict[str, float]:
    """Issue 17's measures: form right (open, closed or not a question); advice in disguise
    found; honest questions (questions with no issue) wrongly flagged as advice; leading found."""
    pairs = list(zip(corpus, results))
    advice = [r for item, r in pairs if "advice" in item["issues"]]
    leading = [r for item, r in pairs if "leading" in item["issues"]]
    honest = [r for item, r in pairs if item["is_question"] and not item["issues"]]
    return {
        "form": sum(item["form"] == r.form for item, r in pairs) / len(pairs),
        "advice recall": sum("advice" in r.issues for r in advice) / len(advice),
        "honest flagged as advice": sum("advice" in r.issues for r in honest) / len(honest),
        "leading recall": sum("leading" in r.issues for r in leading) / len(leading),
    }


GOALS = {"form": (">=", 0.92), "advice recall": (">=", 0.85), "honest flagged as advice": ("<=", 0.05),
         "leading recall": (">=", 0.80)}


def report(name: str, corpus: list[dict]) -> list:
    results = [assess(item["text"]) for item in corpus]
    n = len(corpus)
    print(f"{name}: {n} labelled utterances")
    print()
    isq = sum(item["is_question"] == r.is_question for item, r in zip(corpus, results))
    form = sum(item["form"] == r.form for item, r in zip(corpus, results))
    exact = sum(
        item["form"] == r.form and tuple(item["issues"]) == r.issues
        for item, r in zip(corpus, results)
    )
    print(f"is_question accuracy   {_pct(isq, n)}  ({isq}/{n})")
    print(f"form accuracy          {_pct(form, n)}  ({form}/{n})")
    print(f"form and issues exact  {_pct(exact, n)}  ({exact}/{n})")
    print()
    print("form confusion (rows: label, columns: predicted)")
    print(f"{'':>10}" + "".join(f"{_label(p):>9}" for p in FORMS) + f"{'recall':>9}")
    for gold in FORMS:
        row = [
            sum(item["form"] == gold and r.form == pred for item, r in zip(corpus, results))
            for pred in FORMS
        ]
        total = sum(row)
        print(
            f"{_label(gold):>10}"
            + "".join(f"{c:>9}" for c in row)
            + f"{_pct(row[FORMS.index(gold)], total):>9}"
        )
    print()

    print("issues (per issue over all utterances)")
    print(
        f"{'':>11}{'tp':>5}{'fp':>5}{'fn':>5}{'tn':>6}"
        f"{'precision':>11}{'recall':>9}{'accuracy':>10}"
    )
    for issue in ISSUES:
        tp = fp = fn = tn = 0
        for item, r in zip(corpus, results):
            gold, got = issue in item["issues"], issue in r.issues
            tp += gold and got
            fp += got and not gold
            fn += gold and not got
            tn += not gold and not got
        print(
            f"{issue:>11}{tp:>5}{fp:>5}{fn:>5}{tn:>6}{_pct(tp, tp + fp):>11}{_pct(tp, tp + fn):>9}"
            f"{_pct(tp + tn, n):>10}"
        )
    print()

    print_goals(corpus, results)
    return results


def print_goals(corpus: list[dict], results: list) -> None:
    print("issue 17's goals")
    for goal, value in goals(corpus, results).items():
        sign, target = GOALS[goal]
        met = value >= target if sign == ">=" else value <= target
        print(f"  {goal:<26}{100 * value:6.1f}%   (goal {sign} {100 * target:.0f}%: {'met' if met else 'not met'})")
    print()


def run() -> None:
    corpus = _load(CORPUS_PATH)
    texts = [item["text"] for item in corpus]
    report(f"development corpus ({CORPUS_PATH.name}), written alongside the rules", corpus)
    pooled, pooled_results = [], []
    for batch in BLIND_BATCHES:
        corpus = _load(batch)
        pooled += corpus
        pooled_results += report(f"blind corpus ({batch.parent.name}), written and labelled without the rules", corpus)
    print(f"all blind batches together: {len(pooled)} labelled utterances. Each batch's own figures, above,")
    print("measure the change it was written for; pooled, the figures are steadier.")
    print_goals(pooled, pooled_results)

    times: list[float] = []
    for _ in range(REPEATS):
        for t in texts:
            start = time.perf_counter()
            assess(t)
            times.append(time.perf_counter() - start)
    times.sort()
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
    print(f"latency per call over the corpus x{REPEATS} ({len(times)} calls)")
    print(
        f"  median {1000 * statistics.median(times):.3f} ms   p99 {1000 * p99:.3f} ms   "
        f"max {1000 * times[-1]:.3f} ms"
    )
    big = {
        "10,000-char paste": ("You said the board is split. " * 345)[:9_980] + " What next?",
        "1,000,000 chars": "x" * 1_000_000,
        "'what, ' x 20,000": "what, " * 20_000,
    }
    for name, text in big.items():
        start = time.perf_counter()
        assess(text)
        print(f"  {name:<20} {1000 * (time.perf_counter() - start):.3f} ms")


if __name__ == "__main__":
    run()
