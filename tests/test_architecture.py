"""The package's folders are the pipeline's stages: imports only go down, and nothing imports
itself back through a circle.  Walks every module's ``import`` statements with ``ast``
(function-level imports included: a lazy import is still a dependency)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "checker"

# Each stage may import the stages before it in this list, never one after it.  ``formats`` and
# ``web`` are both outputs; the web app shows the HTML and JSON formats, so it sits above them.
STAGES = ("read", "parse", "check", "run", "formats", "web")
TOP = {"checker", "checker.__main__", "checker.cli", "checker.arguments", "checker.argparser"}  # the command line, above every stage


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The checker modules ``name`` imports (a name imported from a package counts as the
    submodule when there is one, else as the package)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "checker")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "checker":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    found.discard(name)
    return found


def stage(name: str) -> int:
    """0.. for the stages in order, -1 for the package root (only ``__version__``), and one past
    the last stage for the command line."""
    if name in TOP:
        return -1 if name == "checker" else len(STAGES)
    return STAGES.index(name.split(".")[1])


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: imported(name, path, set(mods)) for name, path in mods.items()}


def test_every_module_is_in_a_stage():
    for name in modules():
        assert name in TOP or name.split(".")[1] in STAGES, f"{name} is in no stage folder"


def test_the_package_root_holds_only_the_version():
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    assert not [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]


def test_imports_only_go_down_the_stages():
    upward = [f"{name} → {dep}" for name, deps in graph().items() for dep in deps
              if dep != "checker" and stage(dep) > stage(name)]
    assert not upward, "imports that climb to a later stage:\n" + "\n".join(sorted(upward))


def test_no_import_circles():
    deps = graph()
    state: dict[str, int] = {}
    stack: list[str] = []
    circles: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(deps.get(node, ())):
            if dep not in deps:
                continue
            if state.get(dep) == 1:
                circles.append(" → ".join(stack[stack.index(dep):] + [dep]))
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(deps):
        if node not in state:
            visit(node)
    assert not circles, "import circles:\n" + "\n".join(circles)


@pytest.mark.parametrize("source, expected", [
    ("from ...read.source import Source", {"checker.read.source"}),
    ("from checker.check import kinds", {"checker.check.kinds"}),
    ("def f():\n    from ...run.batch import run", {"checker.run.batch"}),
])
def test_the_walk_sees_relative_absolute_and_lazy_imports(tmp_path, source, expected):
    """The checks above are only as good as this walk: it must see every import form."""
    path = tmp_path / "mod.py"
    path.write_text(source, encoding="utf-8")
    known = {"checker.read.source", "checker.check.kinds", "checker.run.batch"}
    assert imported("checker.check.kinds.mod", path, known) == expected
