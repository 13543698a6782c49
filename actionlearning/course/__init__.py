"""The course itself: the programme and the data the rest of the workbook reads.

- :mod:`~actionlearning.course.programme`: the nine sessions and the 3-, 6- and 9-meeting
  variants, read from ``data/programme.yaml``, the one source of truth that the handbook, the
  schedule and the cohort commands share
- :mod:`~actionlearning.course.datafiles`: reading the package's data files (``data/*.yaml``)
  with every problem named, and finding an entry by its id
- :mod:`~actionlearning.course.exercises`: the weekly exercises, trainer masters in
  ``source/`` and trainee versions generated into ``exercises/`` by nbgrader
"""
