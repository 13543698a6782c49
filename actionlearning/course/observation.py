"""Observation sheets: what an observer watches for in one presenter slot of a meeting, drawn from
the meeting's plan (its focus competences) and the competence framework (their look-fors and
indicators), with the structured debrief that follows every slot."""

from __future__ import annotations

from actionlearning.course.competences import Framework, load_framework
from actionlearning.course.plans import Plan

# The order of the debrief after every facilitated slot, and what each voice is asked.
DEBRIEF_ORDER = (
    ("The facilitators, the lead first", "What did you notice? What did you choose, and what else was open to you?"),
    ("The presenter", "What helped you think? What got in the way?"),
    ("The observers", "Evidence for the focus competences: one thing that helped, and one question."),
    ("The trainer", "Briefly, last: one observation and one offer."),
)

NOTE_ROWS = 6  # rows for timed notes; the printed sheet must still fit one A4 page


FRAMEWORK_PAGE = "/book/toolkit/competence-framework"


def sheet_markdown(plan: Plan, framework: Framework | None = None) -> str:
    """The observation sheet for the meeting ``plan``: who and when, the focus competences with
    what to look for and what "developing" sounds like, a notes grid and the debrief order."""
    fw = framework or load_framework()
    developing = fw.levels[len(fw.levels) // 2]
    out = [f"*{plan.sheet_note}*", ""] if plan.sheet_note else []
    out += [
        "**Facilitator:** ____________  **Co-facilitator:** ____________  **Presenter:** ____________  "
        "**Observer:** ____________  **Date:** ________",
        "",
    ]
    for competence_id in plan.observe:
        c = fw.competence(competence_id)
        out += [f"**{c.name}**", ""]
        out += [f"- {question}" for question in c.look_for]
        out += [f"- *{developing.name} looks like:* " + " ".join(c.indicators[developing.id]), ""]
    out += [f"Every level of each competence: {{doc}}`the competence framework <{FRAMEWORK_PAGE}>`.", ""]
    out += ["| Time | What was said or done (words, not judgements) | Competence |", "|---|---|---|"]
    out += ["| | | |"] * NOTE_ROWS
    out += ["", "**The debrief**, 5 to 10 minutes, in this order:", ""]
    out += [f"{n}. *{who}.* {ask}" for n, (who, ask) in enumerate(DEBRIEF_ORDER, start=1)]
    return "\n".join(out)
