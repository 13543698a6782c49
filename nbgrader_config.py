"""nbgrader's course layout, shared by every cohort: the trainer masters in source/ become the
trainee versions in exercises/. Cohort folders (outside the repository) load this file too."""

from pathlib import Path

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.root = str(Path(__file__).resolve().parent)
c.CourseDirectory.course_id = "action-learning-facilitation"
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "exercises"

# What a trainee sees where a solution was: a prompt, not nbgrader's default
# `raise NotImplementedError()`, so an untouched answer scores zero with reasons, not an error.
c.ClearSolutions.code_stub = {"python": "# ↑ Your answer goes in the lines above."}
c.ClearSolutions.text_stub = "Write your answer here."

# A notebook that never finishes must not hold up a cohort's batch.
c.ExecutePreprocessor.timeout = 120

# Trainees' code runs only in the grading sandbox (actionlearning/cohort/sandbox.py): bubblewrap,
# no network, a private copy of the notebook's folder, bounded memory, processes, disk and output.
# Marks a trainer can trust (actionlearning/course/grading.py): the hidden tests never run in
# the trainee's kernel, answers are handed in as plain values and scored by the grader itself,
# and feedback never shows the key, the trainer's notes or the mark scheme.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "actionlearning.course.grading.KeepKeyOut",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.Autograde.autograde_preprocessors = [
    "actionlearning.cohort.sandboxed_kernel.SandboxedExecute",  # nbgrader's Execute, in the grading sandbox
    "actionlearning.course.grading.TrustedScores",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "actionlearning.course.progress.ProgressSoFar",  # the trainee's marks and comments so far
    "actionlearning.course.grading.FeedbackView",
    "actionlearning.course.grading.ClearAnyMarkScheme",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Lateness is recorded and reported, never penalised (actionlearning/cohort/extensions.py):
# said here, so that a stricter setting in a trainer's own nbgrader configuration cannot apply.
c.LateSubmissionPlugin.penalty_method = "none"
