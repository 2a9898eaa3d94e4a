"""Globs are gitignore-style (pathspec): what a pattern names, relative to the config's folder."""
from __future__ import annotations

import pytest

from checker.run.globs import GlobError, compile_globs, matches_any, relative_to


@pytest.mark.parametrize("path, patterns, expected", [
    ("2024/dept/a.txt", ["2024/dept/**"], True),
    ("2024/dept/a.txt", ["dept"], True),             # a name without / at any depth, and all below it
    ("2024/dept/a.txt", ["*.txt"], True),
    ("2024/dept/a.txt", ["2024/*.txt"], False),      # * stays inside one folder
    ("x/2024/a.txt", ["**/2024/*.txt"], True),
    ("区/报告.docx", ["区/*.docx"], True),
    ("2024/区政府.docx", ["2024/**", "!2024/区政府.docx"], False),  # ! takes a file back
    ("2024/区司法局.docx", ["2024/**", "!2024/区政府.docx"], True),
    ("a.md", [], False),
])
def test_matches(path, patterns, expected):
    assert matches_any(path, patterns) is expected


@pytest.mark.parametrize("bad", ["[z-a]", "!"])
def test_a_bad_pattern_is_refused_with_its_text(bad):
    with pytest.raises(GlobError, match="not a usable glob"):
        compile_globs((bad,))


def test_relative_to(tmp_path):
    assert relative_to(str(tmp_path / "a" / "b.txt"), str(tmp_path)) == "a/b.txt"
    assert relative_to("-", str(tmp_path)) == "-"
