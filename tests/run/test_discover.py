"""checker/run/discover.py: the paths a folder gives are spelled as pathlib spells them."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.run.discover import _prefix, walk


@pytest.mark.parametrize("spelled", [".", "./", "a", "a/", "./a", "a//b", "a/./b", "{tmp}/a/", "{tmp}//a"])
def test_a_folder_however_spelled_gives_the_paths_pathlib_gives(tmp_path, monkeypatch, spelled):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/y.txt", "a/b/x.txt", "a/b/z.docx"):
        (tmp_path / name).write_text("报告", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    root = spelled.format(tmp=tmp_path)
    expected = []
    for folder, dirnames, names in os.walk(root):
        dirnames.sort()
        expected += [str(Path(folder) / name) for name in sorted(names)]
    assert walk(Path(root)) == expected


@pytest.mark.parametrize("folder", ["/", "//", "//x", "///x", "a/./b", "./a/.", "..", "../a", "a/"])
def test_prefix_is_what_path_puts_before_a_name(folder):
    assert _prefix(folder) + "报告.txt" == str(Path(folder) / "报告.txt")
