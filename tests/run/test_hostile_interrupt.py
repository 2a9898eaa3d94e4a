"""Ctrl-C in a parallel batch: workers stop promptly, exit 130, no traceback, no leftovers."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
REPORT = (REPO / "samples" / "clean-2024.txt").read_text(encoding="utf-8")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT are POSIX")


def _as_in_a_terminal() -> None:
    """A shell runs background jobs (and so this test run, sometimes) with SIGINT ignored, and
    Python keeps an ignored SIGINT; a terminal's foreground command has it at the default."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@pytest.mark.parametrize("whole_group", [True, False], ids=["terminal-ctrl-c", "sigint-to-parent"])
def test_ctrl_c_in_a_parallel_batch(tmp_path: Path, whole_group: bool) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    big = REPORT * 40  # enough work that the batch is still running when the signal comes
    for i in range(400):
        (folder / f"r{i:03d}.txt").write_text(big, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "checker", str(folder), "--jobs", "2", "--no-config",
                             "--no-progress", "--format", "json", "-o", str(tmp_path / "out.json")],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_as_in_a_terminal)
    pgid = proc.pid
    try:
        time.sleep(2.0)
        assert proc.poll() is None, proc.communicate()
        if whole_group:
            os.killpg(pgid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        start = time.perf_counter()
        out, err = proc.communicate(timeout=30)
        assert time.perf_counter() - start < 15
    finally:
        if proc.poll() is None:
            os.killpg(pgid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    deadline = time.time() + 10
    while _group_alive(pgid) and time.time() < deadline:
        time.sleep(0.1)
    alive = _group_alive(pgid)
    if alive:
        os.killpg(pgid, signal.SIGKILL)
    assert not alive, "worker processes were left running"
    assert not (tmp_path / "out.json").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
