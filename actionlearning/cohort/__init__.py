"""The trainer's cohort, week by week, on nbgrader's own API: never re-implemented by hand.

A small shared core:

- :mod:`~actionlearning.cohort.problems`: what went wrong with one trainee's work, and what to do
- :mod:`~actionlearning.cohort.store`: the cohort home, a cohort's folder and settings, private permissions
- :mod:`~actionlearning.cohort.nbgrader_course`: a cohort as an nbgrader course (config, API, gradebook)
- :mod:`~actionlearning.cohort.records`: what each batch found for each trainee, kept per session
- :mod:`~actionlearning.cohort.status`: where each trainee stands on a session (the batch tables' rows)

Its inputs: :mod:`~actionlearning.cohort.roster` (the roster CSV), and
:mod:`~actionlearning.cohort.schedule` with :mod:`~actionlearning.cohort.ical` (dates, a calendar).

Then one module per step of the trainer's week, in order:

- :mod:`~actionlearning.cohort.create`: a cohort from a roster, all or nothing
- :mod:`~actionlearning.cohort.release`: a session's exercise to the exchange or as files
- :mod:`~actionlearning.cohort.collect`: submissions from the exchange; with
  :mod:`~actionlearning.cohort.collect_returned` and :mod:`~actionlearning.cohort.returned`,
  notebooks returned by email or from a learning platform
- :mod:`~actionlearning.cohort.screening`: why a notebook cannot be graded, before nbgrader tries
- :mod:`~actionlearning.cohort.autograde`: the automatic marks, and why any could not be given
- :mod:`~actionlearning.cohort.review`: JupyterLab with formgrader, for the reflections
- :mod:`~actionlearning.cohort.feedback`: feedback to each trainee alone
- :mod:`~actionlearning.cohort.report` and :mod:`~actionlearning.cohort.heatmap`: the cohort at a glance

The command line is :mod:`actionlearning.cli.cohort`.
"""

from actionlearning.cohort.problems import CohortError, Problem
from actionlearning.cohort.roster import RosterError, Trainee, read_roster

__all__ = ["CohortError", "Problem", "RosterError", "Trainee", "read_roster"]
