"""exercises/ is nbgrader's output from source/: current, and free of anything secret."""

import json

import pytest

from actionlearning.course.exercises import LEAK_MARKERS, generate, notebooks, session_ids
from tests.conftest import REPO, secret_lines


def _cells(path):
    nb = json.loads(path.read_text("utf-8"))
    return [(c["cell_type"], "".join(c["source"]), c["metadata"]) for c in nb["cells"]]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("release")
    generate(REPO, release_directory=str(out))
    return out


def test_every_source_session_has_a_generated_exercise():
    assert session_ids(REPO) and session_ids(REPO) == sorted(p.name for p in (REPO / "exercises").iterdir())


def test_exercises_are_up_to_date_with_source(fresh):
    committed = [p.relative_to(REPO / "exercises") for p in notebooks(REPO / "exercises")]
    generated = [p.relative_to(fresh) for p in notebooks(fresh)]
    assert committed == generated, "run `make exercises` and commit exercises/"
    for rel in generated:
        assert _cells(REPO / "exercises" / rel) == _cells(fresh / rel), (
            f"exercises/{rel} is out of date with source/: run `make exercises` and commit it"
        )


def test_exercises_hold_no_solution_hidden_test_or_mark_scheme_text():
    secrets = secret_lines()
    assert len(secrets) > 10  # the masters do hold secrets, so this check can fail
    for path in notebooks(REPO / "exercises"):
        text = "\n".join(source for _, source, _ in _cells(path))
        for marker in LEAK_MARKERS:
            assert marker not in text, f"{path} contains {marker!r}"
        for line in secrets:
            assert line not in text, f"{path} leaks: {line}"


def test_source_notebooks_are_committed_clean():
    for path in notebooks(REPO / "source") + notebooks(REPO / "exercises"):
        nb = json.loads(path.read_text("utf-8"))
        assert "widgets" not in nb["metadata"], path
        assert not any(c.get("outputs") or c.get("execution_count") for c in nb["cells"]), path
