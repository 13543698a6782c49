"""The logic of each practice tool, in plain Python: no ipywidgets here.

Each module is the model behind one widget in :mod:`actionlearning.widgets` and is tested
directly; the widget only shows it and passes clicks in.

- :mod:`~actionlearning.practice.questions`: reading a question as a facilitator trainer would
- :mod:`~actionlearning.practice.question_lab`: the Question Lab's presenters and question log
- :mod:`~actionlearning.practice.airtime`: planning a meeting's time, round by round
- :mod:`~actionlearning.practice.participation`: who spoke, how long, and how evenly
- :mod:`~actionlearning.practice.wait_time`: practising the pause after a question
- :mod:`~actionlearning.practice.puzzles`: sorting issues into puzzles and problems
- :mod:`~actionlearning.practice.replay`: replaying a set's transcript and noticing
- :mod:`~actionlearning.practice.supervision`: the supervision explorer's model and episodes
"""
