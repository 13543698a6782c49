"""Practice widgets: thin ipywidgets views over the plain logic modules.

Each widget shows a useful first state on the static website, where no Python runs, and says
there how to use it live.
"""

from actionlearning.widgets.issue_sorter import IssueSorter

__all__ = ["IssueSorter"]
