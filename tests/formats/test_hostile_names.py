"""Terminal and CI-log injection, and file names that are not UTF-8 (issue 18): text output shows
control characters as \\xNN; every format, with -o or not, survives a GBK-named file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.formats import text
from checker.run.pipeline import check_text
from tests.conftest import REPO, SAMPLES

ESCAPES = "\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m\r\n::error::injected"


def test_text_format_shows_control_characters_escaped(national) -> None:
    body = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8").replace("。", f"。{ESCAPES}××", 1)
    report = check_text(body, national, path=f"evil{ESCAPES}.txt")
    from checker.run.result import RunResult

    out = text.render(RunResult(ruleset="national", reports=[report]), national)
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\r" not in out
    assert not any(line.startswith("::") for line in out.splitlines())
    assert "evil\\x1b]0;pwned\\x07" in out


def test_clipping_never_cuts_an_escape_in_half() -> None:
    clipped = text._clip("字" * (text.EXCERPT_MAX - 2) + "\x1b[31m")
    assert "\x1b" not in clipped and clipped.endswith("…")


@pytest.fixture()
def gbk_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    name = os.fsencode(folder) + b"/" + "报告".encode("gbk") + b".txt"
    with open(name, "wb") as handle:
        handle.write((SAMPLES / "clean-2024.txt").read_bytes())
    (folder / "typos.txt").write_bytes((SAMPLES / "typos-2024.txt").read_bytes())
    return folder


@pytest.mark.parametrize("fmt", ["text", "json", "html", "sarif", "junit", "github"])
@pytest.mark.parametrize("to_file", [False, True])
def test_non_utf8_file_names_never_crash(gbk_folder: Path, tmp_path: Path, fmt: str, to_file: bool) -> None:
    out = tmp_path / f"out.{fmt}"
    args = [sys.executable, "-m", "checker", str(gbk_folder), "--no-config", "-f", fmt, "--no-progress",
            *(["-o", str(out)] if to_file else [])]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict, as on a UTF-8 terminal
    proc = subprocess.run(args, cwd=REPO, capture_output=True, env=env, timeout=120)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr, proc.stderr[-1500:]
    data = out.read_bytes() if to_file and fmt != "html" else proc.stdout
    if to_file and fmt == "html":
        data = out.read_bytes() if out.is_file() else (out / "index.html").read_bytes()
    data.decode("utf-8")  # valid UTF-8 whatever the file name was
    if fmt == "json":
        paths = [r["path"] for r in json.loads(data)["reports"]]
        assert any(os.fsencode(p).endswith("报告".encode("gbk") + b".txt") for p in paths), paths
        assert len(paths) == 2
