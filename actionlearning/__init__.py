"""The Action Learning Set Facilitation workbook: course logic, practice widgets and checks.

Logic modules (programme, puzzles, checks, ...) import no ipywidgets; the views live in
``actionlearning.widgets``.
"""

__version__ = "0.1.0"
