"""Each trainee's progress so far, at the foot of every feedback page they are sent.

The section lists the trainee's marks on every exercise in the gradebook, and under them the
trainer's comments, session by session. It is read from the gradebook for that trainee alone, and it travels inside their own
feedback page, which nbgrader releases to them alone. So with each release, each trainee has the
whole course so far in one place, and no page holds anyone else's marks. An exercise whose
marking is not finished shows "marks to follow", not a partial score.

``nbgrader_config.py`` runs :class:`ProgressSoFar` when feedback is generated, after nbgrader's
GetGrades.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from nbformat.v4 import new_markdown_cell
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor

from actionlearning.course.programme import load_programme

HEADING = "Your progress so far"


@dataclass(frozen=True)
class Marks:
    """One exercise's marks for one trainee."""

    session: str  # session-01
    complete: bool  # every part the trainer marks has been marked
    score: float
    out_of: float
    comments: tuple[str, ...] = ()  # the trainer's comments, in the notebook's order


def trainee_marks(gradebook: Gradebook, trainee: str) -> list[Marks]:
    """Every exercise ``trainee`` has a submission for in ``gradebook``, in session order."""
    found = []
    for assignment in sorted(gradebook.assignments, key=lambda a: a.name):
        try:
            submission = gradebook.find_submission(assignment.name, trainee)
        except MissingEntry:
            continue
        notebooks = submission.notebooks
        found.append(Marks(
            session=assignment.name,
            complete=not any(g.needs_manual_grade for nb in notebooks for g in nb.grades),
            score=float(submission.score),
            out_of=float(submission.max_score),
            comments=tuple(c.manual_comment.strip() for nb in notebooks for c in nb.comments
                           if c.manual_comment and c.manual_comment.strip()),
        ))
    return found


def progress_markdown(marks: list[Marks]) -> str:
    """The section itself, in Markdown. Comments are shown as written, escaped."""
    titles = {s.slug: f"Session {s.number}: {s.title}" for s in load_programme().sessions}
    lines = [f"## {HEADING}", "",
             "Your marks on every exercise so far, and your trainer's comments. Only you and your "
             "trainer see this page.", "",
             "| Exercise | Marks |", "|---|---|"]
    for m in marks:
        title = html.escape(titles.get(m.session, m.session))
        lines.append(f"| {title} | {f'{m.score:g} out of {m.out_of:g}' if m.complete else 'marks to follow'} |")
    commented = [m for m in marks if m.complete and m.comments]
    for m in commented:
        lines += ["", f"**{html.escape(titles.get(m.session, m.session))}: your trainer's comments**", ""]
        for comment in m.comments:
            lines += ["> " + line for line in html.escape(comment).splitlines()] + [""]
    if not commented:
        lines += ["", "No written comments yet."]
    return "\n".join(lines).rstrip() + "\n"


class ProgressSoFar(NbGraderPreprocessor):
    """Append the trainee's progress so far to the feedback notebook, from the gradebook."""

    def preprocess(self, nb, resources):
        trainee = resources["nbgrader"]["student"]
        with Gradebook(resources["nbgrader"]["db_url"]) as gradebook:
            marks = trainee_marks(gradebook, trainee)
        nb.cells.append(new_markdown_cell(progress_markdown(marks)))
        return nb, resources
