"""The trainer's cohort workflow, on nbgrader's own API: never re-implemented by hand.

- :mod:`~actionlearning.cohort.roster`: reading and checking a roster CSV
- :mod:`~actionlearning.cohort.schedule`, :mod:`~actionlearning.cohort.ical`: dates, and a calendar file
- :mod:`~actionlearning.cohort.store`: the cohort home, cohort folders, private permissions
- :mod:`~actionlearning.cohort.course`: a cohort as an nbgrader course (config, API, gradebook)
- :mod:`~actionlearning.cohort.screening`: why a submitted notebook cannot be graded, before nbgrader tries
- :mod:`~actionlearning.cohort.returned`: notebooks returned by email or from a learning platform
- :mod:`~actionlearning.cohort.workflow`: release, collect, autograde, feedback, and each trainee's status
- :mod:`~actionlearning.cohort.records`: what each batch found, kept per session
- :mod:`~actionlearning.cohort.report`, :mod:`~actionlearning.cohort.heatmap`: the cohort at a glance
- :mod:`~actionlearning.cohort.review`: JupyterLab with formgrader on the cohort

The command line is :mod:`actionlearning.cohort_cli`.
"""

from actionlearning.cohort.problems import CohortError, Problem
from actionlearning.cohort.roster import RosterError, Trainee, read_roster

__all__ = ["CohortError", "Problem", "RosterError", "Trainee", "read_roster"]
