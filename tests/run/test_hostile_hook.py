"""The shipped pre-commit hook (issue 18): file names that look like options stay file names."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO, SAMPLES


def test_hook_passes_file_names_after_double_dash(tmp_path: Path) -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["args"][-1] == "--"
    evil = tmp_path / "--write-baseline=x.md"
    evil.write_text((SAMPLES / "clean-2024.txt").read_text(encoding="utf-8"), encoding="utf-8")
    # what pre-commit runs: entry, args, then the staged file names (relative, from the repo root)
    proc = subprocess.run([sys.executable, "-m", "checker", "--no-config", *hook["args"], evil.name],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert not (tmp_path / "x.md").exists()
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stdout.startswith("--write-baseline=x.md")  # checked as a report
