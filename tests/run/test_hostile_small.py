"""The small items of issue 18: each reproduced, each a one-line answer instead of a traceback,
a refusal or a silent surprise."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import cli
from checker.read.dispatch import read_bytes
from checker.read.text import normalise_codec
from checker.web.wsgi import WebApp
from tests.conftest import REPO, SAMPLES

REPORT = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")


def test_closed_stdin_is_an_input_error() -> None:
    proc = subprocess.run([sys.executable, "-m", "checker", "-", "--no-config"], cwd=REPO, capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "AttributeError" not in proc.stdout
    assert "标准输入" in proc.stdout


def test_huge_max_file_size_is_refused_at_once(capsys) -> None:
    assert cli.main([str(SAMPLES / "clean-2024.txt"), "--no-config", "--max-file-size", "99999999999999999999G"]) == 2
    assert "too large" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["flag", "config"])
def test_absurd_jobs_are_refused(tmp_path: Path, capsys, where: str) -> None:
    args = [str(SAMPLES / "clean-2024.txt")]
    if where == "flag":
        args += ["--no-config", "--jobs", "100000"]
    else:
        config = tmp_path / ".fzcheck.yaml"
        config.write_text("jobs: 100000\n", encoding="utf-8")
        args += ["--config", str(config)]
    assert cli.main(args) == 2
    assert "256" in capsys.readouterr().err


def test_utf16_with_a_stray_byte_is_read_with_a_warning() -> None:
    data = REPORT.encode("utf-16-le") + b"\x0a"
    source = read_bytes(data, "r.txt")
    assert source.lines[0] == REPORT.splitlines()[0]
    assert source.warnings


def test_content_length_superscript_is_400() -> None:
    app = WebApp(log=lambda line: None)
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/api/check", "QUERY_STRING": "name=a.txt",
               "CONTENT_LENGTH": "²", "CONTENT_TYPE": "application/octet-stream", "wsgi.input": io.BytesIO(b"x")}
    statuses = []
    app(environ, lambda status, headers: statuses.append(status))
    assert statuses[0].startswith("400")


@pytest.mark.parametrize("name", ["unicode_escape", "raw_unicode_escape", "rot13", "base64", "utf-7", "idna"])
def test_only_text_encodings_are_honoured(name: str) -> None:
    assert normalise_codec(name) is None
    page = f'<html><head><meta charset="{name}"></head><body><p>某区2024年法治政府建设情况报告</p>' \
           "<p>\\x1b[2J全年办理案件12件。</p></body></html>"
    source = read_bytes(page.encode("ascii", "xmlcharrefreplace"), "r.html")
    assert not any("\x1b" in line for line in source.lines)


def test_real_encodings_still_honoured() -> None:
    assert normalise_codec("gbk") == "gb18030" and normalise_codec("big5") == "big5"


def test_symlink_outside_the_tree_is_named(tmp_path: Path, capsys) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(REPORT, encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "link.txt").symlink_to(outside)
    assert cli.main([str(tree), "--no-config", "--format", "json", "--no-progress"]) in (0, 1)
    err = capsys.readouterr().err
    assert "symbolic link" in err and "outside" in err
