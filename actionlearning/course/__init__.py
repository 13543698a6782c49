"""The course itself: the programme and the data the rest of the workbook reads.

- :mod:`~actionlearning.course.programme`: the nine sessions and the 3-, 6- and 9-meeting
  variants, read from ``data/programme.yaml``, the one source of truth that the handbook, the
  schedule and the cohort commands share
- :mod:`~actionlearning.course.plans`: each training meeting's timed plan, block by block, for
  every variant (``data/plans/``), held to the course's own rules of thumb
- :mod:`~actionlearning.course.competences`: the facilitator competence framework, its three
  levels and the stages of practice (``data/competences.yaml``)
- :mod:`~actionlearning.course.observation`: each session's observation sheet and the debrief
- :mod:`~actionlearning.course.rotation`: a fair presenter rotation for a graduate's own set of
  three, six or nine meetings
- :mod:`~actionlearning.course.datafiles`: reading the package's data files (``data/*.yaml``)
  with every problem named, and finding an entry by its id
- :mod:`~actionlearning.course.exercises`: the weekly exercises, trainer masters in
  ``source/`` and trainee versions generated into ``exercises/`` by nbgrader
"""
