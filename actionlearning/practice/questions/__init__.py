"""Assess a question as a facilitator trainer would: its form, its issues, and why.

``assess(text)`` reads one turn of set talk (what a member or facilitator says to the
presenter) and returns a :class:`QuestionAssessment`: whether it is a question at all, whether
it is open or closed, which of the common faults it shows (:data:`ISSUES`), a sentence or two
of feedback, and where it helps a suggested rewrite. ``score_questions(texts)`` turns a list of
attempts into partial credit with a reason per item, for the auto-checked exercises.

The rules follow the curriculum's coding rules, which rest on the Motivational Interviewing
Treatment Integrity manual (MITI 3.1.1 and 4.2.1):

- an open question invites a wide range of answers and the presenter's own perspective; a
  closed question can be answered yes/no, with a choice, or with a specific fact (how many,
  how often, how long, when, where, who, which, a time, a name, a 1-10 scale);
- an invitation to explore phrased as a request ("Tell me more", "Talk me through...", "Could
  you say more?") is open;
- a reflection said as a question ("So you feel stuck?") is closed; a statement turned into a
  question by an agreement tag ("So what you need is more funding, right?") is closed and
  leading, even when it opens with a wh-word;
- only one question is counted per turn: several questions are ``"stacked"`` and the form is
  that of the *first* real question (the one the presenter hears first; a courtesy question
  such as "Can I ask something?" is not a real question, and nor is a subordinate clause
  such as "When Bev says it's unsafe, ..." before the question itself);
- a question whose purpose is to persuade is advice, not a neutral question, including a
  negative suggestion ("Wouldn't it be simpler to...?", advice and leading) and a reproach
  that names the asker's next step ("Why haven't you asked...?", advice and why); a
  confronting question is ``"rhetorical"``.

Expert coders agree on open versus closed only moderately, so the rules give the benefit of
the doubt where the wording is ambiguous (``benefit_of_doubt``), and the feedback always says
why. Everything is plain ``re`` on a capped slice of the text, so a call takes well under a
millisecond on ordinary input and never raises.

The parts, in the order a turn passes through them: :mod:`.sentences` (normalising and
splitting), :mod:`.vocabulary` (the names of forms and issues, word lists and patterns),
:mod:`.classify` (one sentence), :mod:`.assessment` (a whole turn), :mod:`.feedback` (what to
say, and a rewrite) and :mod:`.scoring` (partial credit over a list of attempts).

This package imports no ipywidgets: the question lab widget is a view over it.
"""

from actionlearning.practice.questions.assessment import QuestionAssessment, assess
from actionlearning.practice.questions.scoring import ItemScore, QuestionScore, score_questions
from actionlearning.practice.questions.vocabulary import FORMS, ISSUES

__all__ = [
    "FORMS",
    "ISSUES",
    "ItemScore",
    "QuestionAssessment",
    "QuestionScore",
    "assess",
    "score_questions",
]
