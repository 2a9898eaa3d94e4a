"""A hostile .fzcheck.yaml in a shared repository: exit 2 with one line, never a traceback."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO, SAMPLES

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))


@pytest.mark.parametrize("text", [BOMB, "a: " + "[" * 5000 + "]" * 5000 + "\n"], ids=["alias-bomb", "deep"])
def test_hostile_config_exits_2_with_one_line(tmp_path, text):
    (tmp_path / ".fzcheck.yaml").write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "checker", str(SAMPLES / "clean-2024.txt")], cwd=tmp_path,
                          capture_output=True, timeout=60, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    err = proc.stderr.decode("utf-8").strip().splitlines()
    assert proc.returncode == 2, proc.stderr.decode()
    assert len(err) == 1 and ".fzcheck.yaml" in err[0] and b"Traceback" not in proc.stderr
