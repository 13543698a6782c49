"""``actionlearning question TEXT``: how the Question Lab reads a question."""

from __future__ import annotations

import argparse
import dataclasses
import json

from actionlearning.practice.question_lab import ISSUE_LABELS
from actionlearning.practice.questions import assess


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "question",
        help="assess a question as the Question Lab would",
        description="Assess a question: its form, anything flagged, feedback and a suggestion.",
    )
    p.add_argument("text", help='the question, in quotes: "Have you thought about asking HR?"')
    p.add_argument("--json", action="store_true", help="print the assessment as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    a = assess(args.text)
    if args.json:
        print(json.dumps(dataclasses.asdict(a), ensure_ascii=False, indent=2))
        return 0
    print(f"form:       {a.form + ' question' if a.is_question else 'not a question'}")
    print(f"flagged:    {', '.join(ISSUE_LABELS[i] for i in a.issues) or 'nothing'}")
    print(f"feedback:   {a.feedback}")
    if a.suggestion:
        print(f"suggestion: {a.suggestion}")
    return 0
