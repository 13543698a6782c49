"""The Action Learning Set Facilitation workbook, one folder per part of the course.

``course`` (the programme and its data), ``practice`` (the logic of the practice tools),
``simulation`` (simulated set rounds), ``widgets`` (thin views over practice and simulation),
``checks`` (what the exercises' hidden tests call), ``cohort`` (the trainer's week on nbgrader),
``site`` (publishing the handbook) and ``cli`` (the ``actionlearning`` command). Only
``widgets`` imports ipywidgets.
"""

__version__ = "0.1.0"
