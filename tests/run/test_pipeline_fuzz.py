"""Property-based tests: arbitrary text, bytes and outline fragments through reader, parser and
engine.  No exception escapes, every finding lies inside the text, the JSON is always valid."""
from __future__ import annotations

import json
from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.formats import get
from checker.read.dispatch import read_bytes
from checker.read.source import InputError, Source
from checker.run.pipeline import check_source, input_error_result
from checker.run.result import RunResult

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])
OPTIONS = SimpleNamespace(colour=False, quiet=False, statistics=False, format="json")

LABELS = ["一、", "二、", "三、", "四、", "五、", "十一、", "(一)", "（二）", "（十）", "1.", "2、", "12.", "(3)", "（4）",
          "①", "②", "第一部分", "第二部分", "# ", "## ", "**", "> ", "- ", "  ", "\u3000", "\u00a0"]
WORDS = ["主要举措和成效", "存在的不足和原因", "党政主要负责人履行推进法治建设第一责任人职责情况", "下一年度主要安排",
         "其他需要报告的情况", "2024年", "2025年", "2023年", "法治政府建设", "成效显著", "明显提升", "12件", "98.5%",
         "××", "XX", "【】", "（", "）", "“", "”", "《", "》", "。", "；", "！", "？", "，", "：", "\t", "某区人民政府",
         "一网通办", "第一", "排名第一", "百分之", "101%", "位列全市第三", "\ud7ff", "\U0001F600", "\u200b", "\ufeff",
         "2024年法治政府建设情况报告", "关于", "的报告", "发布时间：2025-03-20", "责任编辑", "主持", "召开"]
fragment = st.one_of(st.sampled_from(LABELS), st.sampled_from(WORDS), st.text(max_size=8))
outline_line = st.lists(fragment, max_size=8).map("".join)
outline_text = st.lists(outline_line, max_size=40).map("\n".join)


def _check_report(report, lines: list[str]) -> None:
    count = max(1, len(lines))
    for f in report.findings:
        assert 1 <= f.line <= count, (f, count)
        assert 1 <= f.end_line <= count, (f, count)
        (f.line, f.column) <= (f.end_line, f.end_column) or _fail(f)
        for line, column in ((f.line, f.column), (f.end_line, f.end_column)):
            length = len(lines[line - 1]) if lines else 0
            assert 1 <= column <= length + 1, (f, length)
        assert f.rule != "internal-error", f.message
    assert 0 <= report.score <= 100


def _fail(f) -> None:
    raise AssertionError(f"finding ends before it starts: {f}")


def _json(report, ruleset) -> dict:
    text = get("json").render(RunResult(ruleset=ruleset.name, reports=[report]), ruleset, OPTIONS)
    data = json.loads(text)
    assert data["summary"]["reports"] == 1
    return data


def _run_lines(lines: list[str], ruleset, kind: str = "text"):
    report = check_source(Source(path="fuzz.txt", lines=lines, kind=kind), ruleset)
    _check_report(report, lines)
    _json(report, ruleset)
    return report


@SETTINGS
@given(outline_text)
def test_random_outlines(national, text: str) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if text else []
    _run_lines(lines, national)


@SETTINGS
@given(st.text(max_size=600))
def test_arbitrary_text(national, text: str) -> None:
    from checker.read.text import split_lines

    _run_lines(split_lines(text), national, kind="markdown")


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["r.txt", "r.md", "r.html", "r.docx", "-"]))
def test_arbitrary_bytes_through_the_whole_pipeline(national, data: bytes, name: str) -> None:
    try:
        source = read_bytes(data, name)
    except InputError as exc:
        assert exc.problem and "Traceback" not in exc.problem
        report = input_error_result(name, exc.problem, exc.hint)
        _json(report, national)
        return
    assert len(source.origins) == len(source.lines)
    report = check_source(source, national)
    _check_report(report, source.lines)
    _json(report, national)


@SETTINGS
@given(outline_text, st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"]), st.integers(0, 50),
       st.binary(min_size=1, max_size=3))
def test_encoded_outlines_with_damage(national, text: str, codec: str, at: int, junk: bytes) -> None:
    data = text.encode(codec, errors="replace")
    data = data[:at] + junk + data[at:]
    for name in ("r.txt", "r.html"):
        _read_and_check(national, data, name)


@SETTINGS
@given(outline_text)
def test_outlines_as_html_and_docx(national, text: str) -> None:
    from tests.docbuild import make_docx, make_html

    lines = text.split("\n")
    for data, name in ((make_html(lines, title=lines[0] or None).encode(), "r.html"), (make_docx(lines), "r.docx")):
        _read_and_check(national, data, name)


def _read_and_check(national, data: bytes, name: str) -> None:
    """Read bytes as a file of that name: either a clear InputError or a sound report."""
    try:
        source = read_bytes(data, name)
    except InputError as exc:
        assert exc.problem
        return
    report = check_source(source, national)
    _check_report(report, source.lines)
    _json(report, national)
