"""Folders that cannot be listed are reported, not skipped (issue 18), and globs cannot make the
walk run long."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from checker import cli
from checker.run.globs import GlobError, matches_any
from tests.conftest import SAMPLES

REPORT = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")


def _run(capsys, *args: str) -> tuple[int, dict]:
    code = cli.main([*args, "--no-config", "--format", "json", "--no-progress", "-j", "1"])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder whatever its mode")
def test_a_folder_without_read_permission_is_reported(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(REPORT, encoding="utf-8")
    locked.chmod(0)
    try:
        code, data = _run(capsys, str(tmp_path))
    finally:
        locked.chmod(0o755)
    assert code == 1 and len(data["reports"]) == 2
    bad = next(r for r in data["reports"] if r["path"].rstrip("/").endswith("locked"))
    assert bad["findings"][0]["rule"] == "input-error" and "文件夹" in bad["findings"][0]["message"]


def test_a_folder_too_deep_to_open_is_reported(tmp_path: Path, capsys) -> None:
    """A path past PATH_MAX cannot be opened, even by root: the walk reports it."""
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(24):
            os.mkdir("d" * 200, dir_fd=fd)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
    finally:
        os.close(fd)
    code, data = _run(capsys, str(tmp_path))
    assert code == 1 and len(data["reports"]) == 2
    finding = data["reports"][1]["findings"][0]
    assert finding["rule"] == "input-error" and "文件夹" in finding["message"]


def test_many_stars_in_a_glob_are_refused_fast() -> None:
    began = time.monotonic()
    with pytest.raises(GlobError, match="usable"):
        matches_any("a" * 60, ("*a*a*a*a*a*a*a*a*c",))
    assert time.monotonic() - began < 5
    assert matches_any("2024/报告.docx", ("**/*.docx",)) and matches_any("x-a-b.txt", ("*a*b*",))


def test_many_stars_in_exclude_are_a_usage_error(tmp_path: Path, capsys) -> None:
    (tmp_path / ("a" * 60 + ".txt")).write_text(REPORT, encoding="utf-8")
    assert cli.main([str(tmp_path), "--no-config", "--exclude", "*a*a*a*a*a*a*a*a*c"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fzcheck: error:") and "Traceback" not in err
