"""Hostile plain-text inputs: empty, binary, damaged encodings, NUL bytes, too big, one huge line.

Each sample is made here.  Every case ends in a clear ``input-error`` finding or a clean
result, never a traceback (issue #6)."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from checker import cli
from checker.read.dispatch import read_bytes, read_path
from checker.read.limits import Limits
from checker.read.source import InputError
from checker.run.pipeline import check_path

REPO = Path(__file__).resolve().parents[2]
REPORT = (REPO / "samples" / "clean-2024.txt").read_text(encoding="utf-8")


def _input_errors(result) -> list:
    return [f for f in result.findings if f.rule == "input-error"]


def test_empty_file_is_a_warning_not_a_crash(tmp_path: Path, national) -> None:
    path = tmp_path / "空.txt"
    path.write_bytes(b"")
    result = check_path(str(path), national)
    (warning,) = _input_errors(result)
    assert warning.severity == "warning" and "为空" in warning.message and warning.line == 1


def test_blank_file_says_so(tmp_path: Path, national) -> None:
    path = tmp_path / "blank.md"
    path.write_bytes(b" \r\n\t\n\n")
    (warning,) = _input_errors(check_path(str(path), national))
    assert "空白" in warning.message


@pytest.mark.parametrize(("head", "what"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"GIF89a\x01\x00", "GIF"),
    (b"PK\x03\x04\x14\x00\x06\x00", ".docx"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (b"\x1f\x8b\x08\x00", "gzip"),
])
def test_binary_file_with_a_text_extension(tmp_path: Path, national, head: bytes, what: str) -> None:
    for name in ("报告.txt", "报告.html"):
        path = tmp_path / name
        path.write_bytes(head + bytes(range(256)) * 40)
        (error,) = _input_errors(check_path(str(path), national))
        assert error.severity == "error" and what in error.message and "。" in error.message


def test_random_binary_without_magic(tmp_path: Path) -> None:
    import random

    rng = random.Random(6)
    data = bytes(rng.randrange(1, 256) for _ in range(20000))  # no NUL, no known magic number
    with pytest.raises(InputError, match="二进制"):
        read_bytes(data, "x.txt")


def test_gbk_file_with_a_stray_byte_is_read_with_a_warning_naming_the_line(tmp_path: Path, national) -> None:
    lines = REPORT.splitlines()
    damaged = "\n".join(lines[:6]).encode("gbk") + b"\n" + b"\xff" + "\n".join(lines[6:]).encode("gbk")
    path = tmp_path / "gbk.txt"
    path.write_bytes(damaged)
    source = read_path(str(path))
    assert source.encoding == "gb18030"
    assert source.lines[0] == lines[0] and source.lines[10] == lines[10]  # the rest decodes normally
    result = check_path(str(path), national)
    (warning,) = _input_errors(result)
    assert warning.severity == "warning" and warning.line == 7 and "第7行" in warning.message
    assert result.sections  # the report is still checked


def test_utf8_file_with_a_stray_byte_stays_utf8(national) -> None:
    lines = REPORT.splitlines()
    data = "\n".join(lines[:3]).encode() + b"\n\x80" + "\n".join(lines[3:]).encode()
    source = read_bytes(data, "r.txt")
    assert source.encoding == "utf-8"
    assert source.lines[3] == "\ufffd" + lines[3] and source.lines[-1] == lines[-1]
    assert source.warnings == [(4, source.warnings[0][1])] and "第4行" in source.warnings[0][1]


def test_mixed_encodings_gbk_and_utf8_lines() -> None:
    data = "一、主要举措和成效\n".encode() + "二、存在的不足和原因\n".encode("gbk") + "三、下一年度主要安排\n".encode()
    source = read_bytes(data, "mixed.txt")
    assert len(source.lines) == 3 and source.warnings and source.warnings[0][0] in (1, 2, 3)


def test_nul_bytes_give_an_input_error_naming_the_line(tmp_path: Path, national) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes("第一行\n第二行".encode() + b"\x00\x00\x01" + "\n第三行".encode())
    (error,) = _input_errors(check_path(str(path), national))
    assert "NUL" in error.message and "第2行" in error.message


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path, national, monkeypatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(REPORT.encode() * 20)
    source = read_path(str(path), limits=Limits(max_file_size=len(REPORT.encode()) * 100))
    assert source.lines
    with pytest.raises(InputError, match="过大") as info:
        read_path(str(path), limits=Limits(max_file_size=1000))
    assert "--max-file-size" in info.value.hint
    # through the CLI flag, and the batch goes on with the next file
    small = tmp_path / "small.txt"
    small.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out.json"
    code = cli.main([str(path), str(small), "--no-config", "--format", "json", "-o", str(out),
                     "--max-file-size", "100k", "--fail-on", "never"])
    assert code == 0
    reports = json.loads(out.read_text(encoding="utf-8"))["reports"]
    assert [f["rule"] for f in reports[0]["findings"]] == ["input-error"]
    assert reports[1]["sections"] and not any(f["rule"] == "input-error" for f in reports[1]["findings"])


def test_stdin_is_bounded_too(monkeypatch, capsys) -> None:
    import io
    import sys

    class Stdin:
        buffer = io.BytesIO(b"x" * 5000)

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert cli.main(["-", "--no-config", "--format", "json", "--max-file-size", "1k"]) == 1
    report = json.loads(capsys.readouterr().out)["reports"][0]
    assert report["findings"][0]["rule"] == "input-error" and "过大" in report["findings"][0]["message"]


def test_a_single_line_of_several_megabytes_is_checked_in_linear_time(tmp_path: Path, national) -> None:
    """A saved page or a converter can put a whole report on one line; the parser and the
    rules must stay linear (sentence splitting, heading lookup, item nesting, masking)."""
    body = "".join(line for line in REPORT.splitlines()[1:] if not line.startswith(("一、", "二、", "三、", "四、", "五、")))
    unit = body * 2
    def make(copies: int) -> Path:
        text = "\n".join([REPORT.splitlines()[0], "一、2024年主要举措和成效", unit * copies, "二、存在的不足和原因",
                          unit * copies, "三、党政主要负责人履行推进法治建设第一责任人职责情况", unit * copies,
                          "四、2025年主要安排", unit * copies])
        path = tmp_path / f"line{copies}.txt"
        path.write_text(text, encoding="utf-8")
        return path

    timings = []
    for copies in (20, 80):
        path = make(copies)
        start = time.perf_counter()
        result = check_path(str(path), national)
        timings.append(time.perf_counter() - start)
        assert result.sections and not _input_errors(result)
        assert path.stat().st_size > copies * 40_000
    # four times the text may cost at most ~8 times the time (quadratic would be 16×)
    assert timings[1] < max(8 * timings[0], 3.0), timings


def test_many_headings_do_not_make_the_rules_quadratic(tmp_path: Path, national) -> None:
    lines = ["某区人民政府2024年法治政府建设情况报告"]
    for i in range(30000):
        lines += [f"{'一二三四五六七八九'[i % 9]}、工作××情况", "（一）成效显著，明显提升。", "1. 2023年【】"]
    path = tmp_path / "heads.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    start = time.perf_counter()
    result = check_path(str(path), national)
    assert time.perf_counter() - start < 60
    by_rule: dict[str, int] = {}
    for finding in result.findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    assert max(by_rule.values()) <= 1001  # capped per rule (--max-findings-per-rule), plus the note
    assert any("未列出" in f.message for f in result.findings)
