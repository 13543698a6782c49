"""The package is laid out by the course's parts, and its modules form no import cycles.

See the README's "How it fits together": one folder per part, no loose modules, logic apart
from views, and imports that run one way only.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "actionlearning"
PARTS = {"course", "practice", "simulation", "widgets", "checks", "cohort", "site", "cli"}
# The parts that hold logic: plain Python, tested directly, never importing a view framework.
LOGIC = ("course", "practice", "simulation", "checks", "cohort")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imported(path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``path`` imports, anywhere in the file (inside functions and
    under ``if TYPE_CHECKING:`` too: a dependency is a dependency). ``from a import b`` counts as
    ``a.b`` when that is a module."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            for a in node.names:
                found.add(f"{base}.{a.name}" if f"{base}.{a.name}" in known else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text("utf-8")))
    return {m for m in found if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imported(path, set(found)) for name, path in found.items()}


def test_the_package_holds_only_the_course_parts():
    entries = {p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"}
    assert entries == PARTS | {"__init__.py", "__main__.py"}, (
        "actionlearning/ holds one folder per part of the course: put a new module in the part it "
        f"serves. Found: {sorted(entries - PARTS - {'__init__.py', '__main__.py'})}"
    )
    for part in PARTS:
        assert (PACKAGE / part / "__init__.py").is_file(), f"{part}/ is not a package"


def test_each_part_says_what_lives_there():
    for part in PARTS:
        doc = ast.get_docstring(ast.parse((PACKAGE / part / "__init__.py").read_text("utf-8")))
        assert doc and len(doc.split()) >= 8, f"actionlearning/{part}/__init__.py needs a docstring"


def test_no_two_modules_import_each_other():
    graph = import_graph()
    pairs = sorted({tuple(sorted((a, b))) for a, deps in graph.items() for b in deps
                    if a in graph.get(b, ()) and not (a.startswith(b + ".") or b.startswith(a + "."))})
    assert not pairs, f"modules that import each other: {pairs}"


def test_no_import_cycles():
    """No chain of imports leads back to where it started (a package importing its own
    submodules to re-export them is not a cycle)."""
    graph = {a: {b for b in deps if not b.startswith(a + ".") and not a.startswith(b + ".")}
             for a, deps in import_graph().items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []
    for root in sorted(graph):
        if root in state:
            continue
        stack = [(root, iter(sorted(graph[root])))]
        trail = [root]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                trail.pop()
            elif state.get(child) == 1:
                cycles.append(trail[trail.index(child):] + [child])
            elif child not in state:
                state[child] = 1
                trail.append(child)
                stack.append((child, iter(sorted(graph[child]))))
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_logic_imports_no_view_framework():
    for name, path in modules().items():
        if name.split(".")[1:2] and name.split(".")[1] in LOGIC:
            tree = ast.parse(path.read_text("utf-8"))
            names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
            names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
            assert not any(n.split(".")[0] == "ipywidgets" for n in names), f"{name} imports ipywidgets"


def test_the_graph_sees_real_imports():
    """The checks above would pass on an empty graph: make sure it is read correctly."""
    graph = import_graph()
    assert "actionlearning.simulation.checker" in graph["actionlearning.simulation.loader"]
    assert "actionlearning.cohort.status" in graph["actionlearning.cohort.autograde"]
    assert "actionlearning.course.programme" in graph["actionlearning.site.programme_tables"]


def test_every_data_file_in_the_package_ships_with_it():
    """A file the package reads at run time (a scenario, a model) is listed in pyproject.toml's
    package data, or the installed package (and the handbook's browser kernel) goes without it."""
    import fnmatch
    import tomllib

    patterns = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]["actionlearning"]
    data = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert data, "the package holds data files"
    assert [f for f in data if not any(fnmatch.fnmatch(f, pattern) for pattern in patterns)] == []
