"""checker/read/lazy_pattern.py: patterns compiled on first use behave as compiled ones, and
fzcheck compiles no pattern when a module is imported."""
from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest

from checker.check.ruleset import load
from checker.read.lazy_pattern import LazyPattern, compiled, lazy, source
from checker.read.record import fields, is_record
from tests.conftest import REPO


def test_it_compiles_on_first_use_and_then_answers_as_the_compiled_pattern():
    pattern = lazy(r"(\d+)(件|次)", re.MULTILINE)
    assert "compiled" not in pattern.__dict__
    assert source(pattern) == (r"(\d+)(件|次)", re.MULTILINE)
    assert pattern.search("受理12件").groups() == ("12", "件")
    real = re.compile(r"(\d+)(件|次)", re.MULTILINE)
    assert compiled(pattern) is pattern.__dict__["compiled"]
    assert pattern.search == pattern.__dict__["search"]  # later calls go straight to the compiled method
    for text in ("", "3次 4件", "无数字"):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in real.finditer(text)]
        assert pattern.sub(r"\2", text) == real.sub(r"\2", text)
        assert pattern.split(text) == real.split(text)
    assert (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex) == \
        (real.pattern, real.flags, real.groups, real.groupindex)


def test_a_bad_pattern_fails_at_first_use():
    pattern = lazy("(unclosed")
    with pytest.raises(re.error):
        pattern.search("x")


def test_source_and_compiled_of_a_compiled_pattern():
    real = re.compile("a+")
    assert compiled(real) is real
    assert source(real) == ("a+", real.flags)


def test_every_bundled_rule_pattern_compiles():
    """The bundled rule set's patterns are compiled on first use, not at load: compile them all."""
    found: list[LazyPattern] = []

    def walk(value) -> None:
        if isinstance(value, LazyPattern):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item)
        elif is_record(value):
            for item in fields(value):
                walk(getattr(value, item.name))

    ruleset = load("national")
    for rule in ruleset.rules:
        walk(rule.compiled)
    walk(ruleset.sections)
    assert len(found) > 50
    for pattern in found:
        assert isinstance(compiled(pattern), re.Pattern), pattern


def _module_level_compiles(path) -> list[str]:
    """``re.compile(...)`` calls that run when the module is imported (outside any function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node, in_function: bool) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            in_function = True
        if (not in_function and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "compile" and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"):
            found.append(f"{path.relative_to(REPO)}:{node.lineno}")
        for child in ast.iter_child_nodes(node):
            visit(child, in_function)

    visit(tree, False)
    return found


def test_no_pattern_is_compiled_when_a_module_is_imported():
    """Module-level patterns use lazy(): importing fzcheck compiles nothing (start-up time)."""
    found = [hit for path in sorted((REPO / "checker").rglob("*.py"))
             if path.name != "lazy_pattern.py" for hit in _module_level_compiles(path)]
    assert not found, "use checker.read.lazy_pattern.lazy() instead of re.compile() here:\n" + "\n".join(found)


def test_importing_the_command_line_and_loading_the_rules_compiles_almost_nothing():
    code = ("import re, sys\n"
            "seen = []\n"
            "original = re._compile\n"
            "def spy(pattern, flags):\n"
            "    if not isinstance(pattern, re.Pattern): seen.append(pattern)\n"
            "    return original(pattern, flags)\n"
            "re._compile = spy\n"
            "import checker.cli\n"
            "from checker.check.ruleset import load\n"
            "load('national')\n"
            "print(len(set(seen)))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert int(out) < 25  # the standard library's own (argparse, json, …); fzcheck's ~300 wait for first use
