"""Files that vanish, cannot be read, or are not files at all, in the middle of a batch:
each gets its own ``input-error`` and the batch goes on (serial and parallel)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import cli
from checker.read import dispatch as readers
from checker.read.dispatch import read_path
from checker.read.source import InputError
from checker.run.pipeline import check_path

REPO = Path(__file__).resolve().parents[2]
REPORT = (REPO / "samples" / "clean-2024.txt").read_text(encoding="utf-8")


def _batch(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(REPORT, encoding="utf-8")
    return folder


def _run_json(args: list[str], out: Path) -> dict:
    code = cli.main([*args, "--no-config", "--format", "json", "-o", str(out), "--fail-on", "never",
                     "--no-progress"])
    assert code == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _problems(data: dict) -> dict[str, list[str]]:
    return {Path(r["path"]).name: [f["message"] for f in r["findings"] if f["rule"] == "input-error"]
            for r in data["reports"]}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_file_deleted_after_discovery(tmp_path: Path, monkeypatch, jobs: str) -> None:
    folder = _batch(tmp_path)
    from checker.run import discover

    real_expand = discover.expand

    def expand_then_delete(paths, config=None, notes=None):
        files = real_expand(paths, config, notes)
        (folder / "b.txt").unlink()
        return files

    monkeypatch.setattr(cli, "expand", expand_then_delete)
    problems = _problems(_run_json([str(folder), "--jobs", jobs], tmp_path / "out.json"))
    assert problems["a.txt"] == [] and problems["c.txt"] == []
    assert len(problems["b.txt"]) == 1 and "不存在" in problems["b.txt"][0]


def test_dangling_symlink(tmp_path: Path) -> None:
    folder = _batch(tmp_path)
    (folder / "link.txt").symlink_to(tmp_path / "gone.txt")
    problems = _problems(_run_json([str(folder)], tmp_path / "out.json"))
    assert "符号链接" in problems["link.txt"][0] and problems["a.txt"] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_named_txt_does_not_hang(tmp_path: Path) -> None:
    folder = _batch(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.docx")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "checker", str(folder), "--no-config", "--format", "json",
                           "--fail-on", "never"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert time.perf_counter() - start < 60
    assert proc.returncode == 0, proc.stderr
    problems = _problems(json.loads(proc.stdout))
    assert "不是普通文件" in problems["pipe.txt"][0] and "不是普通文件" in problems["pipe.docx"][0]
    assert problems["a.txt"] == []


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_socket_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError:
        pytest.skip("cannot bind a Unix socket here")
    try:
        with pytest.raises(InputError):
            read_path(str(path))
    finally:
        server.close()


def test_directory_named_like_a_report(tmp_path: Path, national) -> None:
    folder = tmp_path / "报告.txt"
    folder.mkdir()
    (folder / "inner.txt").write_text(REPORT, encoding="utf-8")
    with pytest.raises(InputError, match="目录"):
        read_path(str(folder))
    problems = _problems(_run_json([str(folder)], tmp_path / "out.json"))
    assert problems == {"inner.txt": []}  # a directory argument is recursed, whatever its name


def test_unreadable_file_is_reported_and_the_batch_goes_on(tmp_path: Path, monkeypatch) -> None:
    folder = _batch(tmp_path)
    real_open = os.open

    def deny(path, flags, *args, **kwargs):
        if str(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(readers.os, "open", deny)
    problems = _problems(_run_json([str(folder), "--jobs", "1"], tmp_path / "out.json"))
    assert problems["b.txt"] == ["无法读取文件：权限不足。请检查文件权限"]
    assert problems["a.txt"] == [] and problems["c.txt"] == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_chmod_000_file(tmp_path: Path) -> None:
    folder = _batch(tmp_path)
    (folder / "b.txt").chmod(0)
    try:
        problems = _problems(_run_json([str(folder), "--jobs", "2"], tmp_path / "out.json"))
    finally:
        (folder / "b.txt").chmod(0o600)
    assert "权限" in problems["b.txt"][0]


def test_read_error_in_the_middle_of_a_file(tmp_path: Path, monkeypatch, national) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")

    class Broken:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def fileno(self):
            return self.fh.fileno()

        def read(self, n=-1):
            raise OSError(5, "Input/output error")

    real = readers._open_regular
    monkeypatch.setattr(readers, "_open_regular", lambda p: Broken(real(p)))
    (finding,) = check_path(str(path), national).findings
    assert finding.rule == "input-error" and "Input/output error" in finding.message


def test_unexpected_reader_bug_is_an_input_error_not_a_traceback(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = _batch(tmp_path)
    from checker.read import text

    real = text.read_text

    def buggy(data, path, kind="text"):
        if path.endswith("b.txt"):
            raise IndexError("reader bug")
        return real(data, path, kind)

    monkeypatch.setattr(text, "read_text", buggy)
    problems = _problems(_run_json([str(folder), "--jobs", "1"], tmp_path / "out.json"))
    assert "IndexError" in problems["b.txt"][0] and problems["a.txt"] == []
    assert "Traceback" not in capsys.readouterr().err
