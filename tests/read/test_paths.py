"""checker/read/paths.py spells paths as pathlib does, without importing it."""
import os
from pathlib import Path, PurePosixPath

import pytest

from checker.read.paths import posix, spelled, suffix

SPELLINGS = ["", ".", "./", "..", "../x", "a", "a/", "a//b", "./a/./b/", "/", "//", "///", "//a/b", "///a//b/",
             "/a/../b", "a/.", "a/./", "报告/2024年度.txt", "x.tar.gz", ".bashrc", "a/.hidden", "name.", "a.b/c",
             "a/b.", "dir.d/", "...", "a/..txt", "report.TXT", " spaced name .docx"]


@pytest.mark.skipif(os.sep != "/", reason="POSIX spellings")
@pytest.mark.parametrize("path", SPELLINGS)
def test_the_same_strings_as_pathlib(path):
    assert spelled(path) == str(PurePosixPath(path)) == str(Path(path))
    assert suffix(path) == Path(path).suffix


@pytest.mark.parametrize("path", ["a/b", "/x/y.txt", "报告"])
def test_posix_of_a_clean_path(path):
    assert posix(os.path.normpath(path)) == Path(os.path.normpath(path)).as_posix()
