"""Every check runs in a worker process with a wall-clock and a memory limit (issue 18): a file
past either gets an input-error naming the limit and its flag, and the batch goes on."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

import re
import resource
import signal
import threading

from checker.run.isolate import Budget, Exceeded, Pool, call, in_this_process
from tests.conftest import REPO, SAMPLES

BIG = "某区2024年法治政府建设情况报告\n一、主要举措和成效\n" + "全年办理行政复议案件12件，占比30%。\n" * 600_000  # ~31 MB


def _cli(*args: str, timeout: float = 120) -> dict:
    proc = subprocess.run([sys.executable, "-m", "checker", "--no-config", "--format", "json", "--fail-on", "never",
                           "--no-progress", *args], cwd=REPO, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_text(BIG, encoding="utf-8")
    assert path.stat().st_size < 32 * 1024 * 1024
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_past_the_time_limit_is_stopped_and_the_batch_goes_on(big: Path, jobs: str) -> None:
    data = _cli(str(big), str(SAMPLES / "clean-2024.txt"), "--timeout-per-file", "1", "-j", jobs)
    stopped, clean = data["reports"]
    (finding,) = stopped["findings"]
    assert finding["rule"] == "input-error" and "检查超时" in finding["message"]
    assert "--timeout-per-file" in finding["message"] and "1 秒" in finding["message"]
    assert not any(f["rule"] == "input-error" for f in clean["findings"])


def test_a_file_past_the_memory_limit_is_stopped(big: Path) -> None:
    data = _cli(str(big), str(SAMPLES / "clean-2024.txt"), "--max-memory-mb", "64")
    stopped, clean = data["reports"]
    (finding,) = stopped["findings"]
    assert finding["rule"] == "input-error" and "内存超限" in finding["message"]
    assert "--max-memory-mb" in finding["message"] and "64 MB" in finding["message"]
    assert not any(f["rule"] == "input-error" for f in clean["findings"])


def test_limit_flags_are_validated() -> None:
    for args in (["--timeout-per-file", "nan"], ["--timeout-per-file", "inf"], ["--timeout-per-file", "0"],
                 ["--max-memory-mb", "1"], ["--max-memory-mb", "²"]):
        proc = subprocess.run([sys.executable, "-m", "checker", "--no-config", str(SAMPLES / "clean-2024.txt"), *args],
                              cwd=REPO, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, args


def _spin(seconds: float) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "done"


def _grab(mb: int) -> int:
    return len(bytearray(mb * 1024 * 1024))


def test_pool_replaces_a_stopped_worker() -> None:
    with Pool(1, Budget(timeout=1, memory_mb=200)) as pool:
        began = time.monotonic()
        results = pool.map(_spin, [0, 30, 0])
        assert time.monotonic() - began < 15
    assert results[0] == results[2] == "done"
    assert isinstance(results[1], Exceeded) and results[1].kind == "timeout"


def test_call_stops_a_runaway_closure_and_a_memory_hog() -> None:
    assert call(lambda n: n + 1, 1, Budget(5, 200)) == 2
    assert call(_grab, 1000, Budget(5, 200)) == Exceeded("memory", Budget(5, 200))
    assert call(lambda _: _spin(30), None, Budget(1, 200)).kind == "timeout"


@pytest.mark.parametrize(("flag", "value", "words"), [("--timeout-per-file", "1", "检查超时"), ("--max-memory-mb", "64", "内存超限")])
def test_one_text_file_alone_is_checked_in_this_process_within_the_same_limits(big: Path, flag, value, words) -> None:
    """One .txt file is checked without a worker process; its limits hold all the same."""
    began = time.monotonic()
    data = _cli(str(big), flag, value)
    (stopped,) = data["reports"]
    (finding,) = stopped["findings"]
    assert finding["rule"] == "input-error" and words in finding["message"] and flag in finding["message"]
    if flag == "--timeout-per-file":
        assert time.monotonic() - began < 60


def test_in_this_process_stops_python_code_a_runaway_regex_and_a_memory_hog() -> None:
    before = (signal.getsignal(signal.SIGALRM), resource.getrlimit(resource.RLIMIT_AS))
    assert in_this_process(lambda n: n + 1, 1, Budget(5, 200)) == ("ok", 2)
    assert in_this_process(_spin, 30, Budget(1, 200)) == ("timeout",)
    assert in_this_process(lambda s: re.match(r"(a+)+$", s), "a" * 60 + "b", Budget(1, 200)) == ("timeout",)
    assert in_this_process(_grab, 1000, Budget(5, 200)) == ("memory",)
    assert in_this_process(lambda _: 1 / 0, None, Budget(5, 200))[0] == "error"
    assert (signal.getsignal(signal.SIGALRM), resource.getrlimit(resource.RLIMIT_AS)) == before
    assert _grab(300) > 0  # the memory limit is gone again


def test_in_this_process_off_the_main_thread_uses_a_worker() -> None:
    got: list = []
    thread = threading.Thread(target=lambda: got.append(in_this_process(_spin, 30, Budget(1, 200))))
    thread.start()
    thread.join(30)
    assert got == [("timeout",)]
