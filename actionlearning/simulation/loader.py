"""Loading and validating scenario files, with every problem reported by file and line.

``validate(path)`` returns a list of ``Problem`` (empty when the scenario is sound);
``load_scenario(path_or_name)`` returns a ``Scenario`` or raises ``ScenarioError`` carrying the
same list. The YAML is read with ``yaml.compose`` so that every node keeps its line; the checks
themselves are described in ``actionlearning.simulation.schema``.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

try:  # Python 3.11 and later; the old name in importlib.abc is gone in 3.14 (the live handbook's)
    from importlib.resources.abc import Traversable
except ImportError:  # Python 3.10
    from importlib.abc import Traversable

import yaml

from actionlearning.simulation.checker import ScenarioChecker
from actionlearning.simulation.problems import Problem, ScenarioError
from actionlearning.simulation.schema import Scenario

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --- where scenarios live ---------------------------------------------------------------------


def library() -> Traversable:
    """The packaged scenario folder."""
    return resources.files("actionlearning.simulation").joinpath("scenarios")


def scenario_files() -> list[Traversable]:
    """The packaged scenario files, sorted by name."""
    return sorted(
        (f for f in library().iterdir() if f.name.endswith((".yaml", ".yml"))),
        key=lambda f: f.name,
    )


def load_library() -> list[Scenario]:
    """Every packaged scenario, sorted by session and id (raises on the first invalid file)."""
    return sorted((_load_file(f) for f in scenario_files()), key=lambda s: (s.session, s.id))


def _looks_like_path(value: str | os.PathLike) -> bool:
    if isinstance(value, (os.PathLike, Traversable)):
        return True
    return (
        os.sep in value
        or "/" in value
        or value.endswith((".yaml", ".yml"))
        or Path(value).is_file()
    )


def resolve(path_or_name: str | os.PathLike | Traversable) -> str | os.PathLike | Traversable:
    """The file for a path, or for the id of a packaged scenario; ScenarioError if none."""
    if _looks_like_path(path_or_name):
        return path_or_name
    name = str(path_or_name)
    files = scenario_files()
    for f in files:
        if f.name in (f"{name}.yaml", f"{name}.yml"):
            return f
    for f in files:  # a file not named after its id
        try:
            data = yaml.load(f.read_text("utf-8"), Loader=_Loader)
        except yaml.YAMLError:
            continue
        if isinstance(data, dict) and data.get("id") == name:
            return f
    known = ", ".join(f.name.rsplit(".", 1)[0] for f in files) or "none"
    raise ScenarioError(
        [
            Problem(
                name,
                None,
                f"there is no scenario called '{name}' in the library (it has: {known}); "
                "give a file path to load a scenario of your own",
            )
        ]
    )


def load_scenario(path_or_name: str | os.PathLike | Traversable) -> Scenario:
    """Load and check a scenario from a file path, or by the id of a packaged scenario."""
    return _load_file(resolve(path_or_name))


def _load_file(source: str | os.PathLike | Traversable) -> Scenario:
    name, text, problems = _read(source)
    if problems:
        raise ScenarioError(problems)
    scenario, problems = check_text(text, name)
    if problems:
        raise ScenarioError(problems)
    assert scenario is not None
    return scenario


def validate(path: str | os.PathLike | Traversable) -> list[Problem]:
    """Every problem in a scenario file, sorted by line; an empty list when it is sound."""
    name, text, problems = _read(path)
    if problems:
        return problems
    return check_text(text, name)[1]


def parse_scenario(text: str, file: str = "<text>") -> Scenario:
    """A scenario from YAML text; ScenarioError (naming ``file``) if anything is wrong."""
    scenario, problems = check_text(text, file)
    if problems:
        raise ScenarioError(problems)
    assert scenario is not None
    return scenario


def _read(source: str | os.PathLike | Traversable) -> tuple[str, str, list[Problem]]:
    name = str(source)
    try:
        if isinstance(source, Traversable) and not isinstance(source, Path):
            text = source.read_text("utf-8")
        else:
            text = Path(source).read_text("utf-8")
    except FileNotFoundError:
        return name, "", [Problem(name, None, "no such file")]
    except IsADirectoryError:
        return name, "", [Problem(name, None, "is a folder, not a scenario file")]
    except UnicodeDecodeError as exc:
        return name, "", [Problem(name, None, f"is not UTF-8 text ({exc.reason})")]
    except OSError as exc:
        return name, "", [Problem(name, None, f"cannot be read: {exc.strerror or exc}")]
    return name, text, []


def check_text(text: str, file: str = "<text>") -> tuple[Scenario | None, list[Problem]]:
    """Check YAML text; the scenario (None if there were problems) and the problems found."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(file, exc)]
    except yaml.YAMLError as exc:
        return None, [Problem(file, None, f"is not valid YAML: {exc}")]
    if root is None:
        empty = "is empty; a scenario starts with id, title, session, ..."
        return None, [Problem(file, None, empty)]
    checker = ScenarioChecker(file)
    scenario = checker.run(root)
    problems = sorted(checker.problems, key=lambda p: (p.line or 0))
    return (None if problems else scenario), problems


def _syntax_problem(file: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    what = exc.problem or "cannot be parsed"
    if exc.context:
        context_line = exc.context_mark.line + 1 if exc.context_mark is not None else None
        where = f" (at line {context_line})" if context_line and context_line != line else ""
        what = f"{what}, {exc.context}{where}"
    hint = ""
    if "mapping values are not allowed" in what:
        hint = ("; is there a ': ' inside a line of text? Put the text in quotes, or start a "
                "folded block with '>' and put the text on the next lines")
    elif "tab" in what:
        hint = "; indent with spaces, not tabs"
    elif "quoted scalar" in what:
        hint = ("; is a quotation mark left open? (Inside single quotes, write an apostrophe "
                "as two: 'Let''s')")
    elif "flow sequence" in what or "flow mapping" in what:
        hint = "; is a [ or { bracket left open?"
    elif any(x in what for x in ("expected '-'", "expected <block end>", "expected ':'")):
        hint = "; check the indentation of this line and the lines before it"
    return Problem(file, line, f"YAML syntax error: {what}{hint}")


