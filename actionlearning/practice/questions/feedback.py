"""Feedback a trainee can act on, and a suggested rewrite where one helps."""

from __future__ import annotations

import re

from actionlearning.practice.questions.classify import Clause, further_questions, original_case
from actionlearning.practice.questions.sentences import WORD
from actionlearning.practice.questions.vocabulary import LONG_REASON, LONG_WORDS

# --------------------------------------------------------------------------------------------
# Feedback and suggestions

_WHY_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)^why (?:didn't|did not) you (?:just )?(.+)$"), "What made it hard to {0}?"),
    (re.compile(r"(?i)^why did you (?:just )?(.+)$"), "What led you to {0}?"),
    (re.compile(r"(?i)^why do you think (.+)$"), "What makes you think {0}?"),
    (re.compile(r"(?i)^why do you say (.+)$"), "What makes you say {0}?"),
    (re.compile(r"(?i)^why do you (.+)$"), "What leads you to {0}?"),
    (
        re.compile(r"(?i)^why (?:did|does|do) (the [\w' -]+?|[^\W\d_]+) (.+)$"),
        "What led {0} to {1}?",
    ),
    (re.compile(r"(?i)^why (?:is|are) (that|this|it) (.+)$"), "What makes {0} {1}?"),
    (re.compile(r"(?i)^why (?:is|are) (the [\w' -]+?) (so \w+|\w+)$"), "What makes {0} {1}?"),
    (re.compile(r"(?i)^why now$"), "What makes now the time?"),
    (re.compile(r"(?i)^how come (?:you )?(.+)$"), "What led to that?"),
)
_ADVICE_IDEA = re.compile(
    r"^(?:have you (?:ever )?(?:thought (?:about|of)|considered|tried|looked (?:at|into)|"
    r"explored)|did you (?:think about|consider|try)|what about|how about|why (?:don't|not) "
    r"you(?: just)?|why not(?: just)?|could you(?: not| just| maybe)?|couldn't you(?: just)?|"
    r"would it help to|wouldn't it be better to|"
    r"(?:would|wouldn't) it (?:not )?be (?:[a-z]+er|more [a-z]+|less [a-z]+|kinder|wiser) to|"
    r"(?:isn't it|is it not) (?:[a-z]+er|more [a-z]+|less [a-z]+) (?:just )?to|"
    r"wouldn't it make (?:more )?sense to|would you consider|is it worth|might it be "
    r"worth|how could it hurt to)\s+(.{3,60}?)$"
)
# Open alternatives to closed questions, by what the closed question asks about.
_CLOSED_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:did|have|has|had) you (?:already )?(?:tell|told|speak|spoken|spoke|talk|"
                r"talked|ask|asked|raise|raised|mention|mentioned|contact|contacted|email|"
                r"emailed|ring|rung|rang|call|called|write|written|wrote)\b"),
     "What conversations have you had about it so far?"),
    (re.compile(r"^(?:are|were|do|did|have) you (?:feel|feeling|felt|worried|anxious|ok|okay|"
                r"frustrated|angry|upset|scared|tired|supported|happy|confident|clear)\b"),
     "How are you feeling about it?"),
    (re.compile(r"^(?:do|did) you (?:trust|like|respect|believe|get on with)\b"),
     "How would you describe the relationship?"),
    (re.compile(r"^(?:do|did|have|has|are|is|was|were) you (?:\w+ )?(?:know|aware|been told|"
                r"heard)\b"), "What do you know so far, and what don't you know?"),
    (re.compile(r"^(?:is|are|was|were|has|have|does|do|did|will|would|can|could) (?:the|this|"
                r"that|it|there|they|he|she|[a-z\u00c0-\u024f]+'s)\b"),
     "What's your understanding of where things stand?"),
)
_FACT_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^how (?:many|much)\b"),
        "What does that number mean for you and the people involved?",
    ),
    (re.compile(r"^(?:when|how long|how often|how soon|what time|what date|what day)\b"),
     "What does the timing mean for you?"),
    (re.compile(r"^(?:who|whom|whose)\b"), "How do the people involved see it?"),
    (re.compile(r"^where\b"), "What's happening there, as you see it?"),
)


_JUST = re.compile(r"\bjust\b ?", re.IGNORECASE)


def _clean_question(core: str) -> str:
    core = core.strip(" ,;:?!.")
    core = _JUST.sub("", core)
    return core.strip()


def _why_rewrite(core: str) -> str:
    c = _clean_question(core)
    for pattern, template in _WHY_REWRITES:
        m = pattern.match(c)
        if m:
            out = template.format(*(g.strip() for g in m.groups()))
            return out[:1].upper() + out[1:]
    return "What led to that?"


def _advice_idea(clause: Clause) -> str | None:
    m = _ADVICE_IDEA.match(_clean_question(clause.core))
    return original_case(clause, m.group(1)) if m else None


def _as_question(clause: Clause, drop_reason: bool = False, first_only: bool = False) -> str:
    core = clause.core
    if first_only:  # "What did the head say, and how did you respond?": the first question alone
        further = next(further_questions(core), None)
        if further:
            core = core[: further.start()].rstrip(" ,;:-\u2014")
    reason = LONG_REASON.search(core) if drop_reason else None
    if reason and reason.start() > 0:
        core = core[: reason.start()].rstrip(" ,;:-\u2014")
    core = original_case(clause, core).strip(" ,;:?!.")
    return (core[:1].upper() + core[1:] + "?") if core else ""


def _closed_hint(core: str, table: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, hint in table:
        if pattern.match(core):
            return hint
    return "How do you see it?"


def feedback_for(
    main: Clause, issues: tuple[str, ...], count: int, words: int, asked: list[Clause]
) -> tuple[str, str | None]:
    core = main.core
    if "advice" in issues:
        idea = _advice_idea(main)
        what = f" ({idea})" if idea else ""
        return (
            f"This sounds like advice in the form of a question: it carries your own idea{what} "
            "rather than the presenter's. Holding it back leaves room for them to find their "
            "own way, and an open question about their options does that.",
            "What options have you considered?",
        )
    if "rhetorical" in issues:
        return (
            "This sounds judgemental or confronting: even with a question mark, it tells the "
            "presenter what you think of their choice. If something feels off to you, a "
            "curious question will usually open more than a challenge.",
            "What's your thinking behind that?",
        )
    if "leading" in issues:
        return (
            "The wording signals the answer you expect, which makes it hard for the presenter "
            "to disagree or find their own view. Try asking what they make of it, without "
            "your answer built in.",
            "How do you see it?",
        )
    if "stacked" in issues:
        first = _as_question(asked[0], first_only=True)
        return (
            f"This asks {count} questions at once, so the presenter has to choose which to "
            "answer and usually takes the last or the easiest. Ask one, then let the silence "
            "do the work.",
            first or None,
        )
    if "why" in issues:
        return (
            "'Why' questions tend to invite justification and can put the presenter on the "
            "defensive; 'What led to...?' often opens the same ground more gently.",
            _why_rewrite(original_case(main, core)),
        )
    if "long" in issues:
        shorter = _as_question(asked[-1], drop_reason=True) if asked else ""
        if len(WORD.findall(shorter)) >= 20 or not shorter:
            shorter = "What matters most to you here?"
        why_long = (
            f"At {words} words, this has started to become a statement"
            if words >= LONG_WORDS
            else "With your own reasoning built in ('because...'), this has started to become "
            "a statement"
        )
        return (
            why_long + "; a short question in the presenter's own words leaves them more room.",
            shorter,
        )
    if main.form == "open":
        if main.benefit:
            if main.subtype == "request":
                return (
                    "This reads as an invitation to explore, so it counts as open, though its "
                    "wording could be answered 'yes' or 'no'; dropping the wrapper makes the "
                    "invitation clearer.",
                    "Say more about that.",
                )
            return (
                "This can be read as open, inviting the presenter's own perspective; its wording "
                "is a little ambiguous, so it gets the benefit of the doubt.",
                None,
            )
        if main.subtype == "request":
            return (
                "This is an invitation to explore, which counts as an open question: it leaves "
                "the presenter free to take it wherever they need to.",
                None,
            )
        return (
            "This is an open question: it invites the presenter's own perspective and can't be "
            "answered with a simple yes or no.",
            None,
        )
    # Closed, with no other issue.
    if main.subtype == "scale":
        return (
            "A scaling question is closed (it asks for a number), but it is a useful one for "
            "commitment; follow it with an open question about the number.",
            "What makes it that number and not a lower one?",
        )
    if main.subtype == "fact":
        return (
            "This is a closed question: it asks for a specific fact. That's fine for "
            "clarifying; to help the presenter explore, try opening with 'What' or 'How'.",
            _closed_hint(core, _FACT_HINTS),
        )
    if main.subtype == "choice":
        return (
            "This is a closed question: it offers a choice between answers you have already "
            "thought of. An open question lets the presenter name their own.",
            "How do you see it?",
        )
    if main.subtype in ("reflection", "tag"):
        return (
            "This is a reflection said as a question, which counts as closed: the presenter can "
            "simply agree or disagree. Said as a statement it works well; or invite more.",
            "Tell me more about that.",
        )
    if main.subtype == "meta":
        return (
            "This asks permission or checks the process, which is a closed question. In a set "
            "you can usually just ask the question itself.",
            None,
        )
    return (
        "This is a closed question: it can be answered 'yes' or 'no'. That's fine for "
        "clarifying a fact; to help the presenter explore, try opening with 'What' or 'How'.",
        _closed_hint(core, _CLOSED_HINTS),
    )
