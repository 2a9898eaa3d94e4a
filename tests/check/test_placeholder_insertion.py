"""Template leftovers inserted into the clean sample fire `placeholder` on exactly that line."""
from __future__ import annotations

import pytest

from checker.run.pipeline import check_text
from tests.conftest import SAMPLES
from tests.reportkit import findings, report

CLEAN = SAMPLES / "clean-2024.txt"
INSERTS = ["全年召开会议*次。", "办理复议案件XX件。", "办结率××%。", "共召开会议＊次。", "审核文件ＸＸ件。",
           "2024年3月X日前公开报告。", "印发文件（云政发〔 〕号）。", "审核文件【待补充】件。", "某县司法局参加。", "TODO：补数据。"]


def _lines() -> list[str]:
    return CLEAN.read_text(encoding="utf-8").split("\n")


def _body_line(lines: list[str]) -> int:
    """A measures paragraph of the clean sample (0-based)."""
    return next(i for i, line in enumerate(lines) if line.startswith("修订公布区级权责清单"))


@pytest.mark.parametrize("insert", INSERTS)
def test_insertion_fires_on_that_line_only(national, insert):
    lines = _lines()
    index = _body_line(lines)
    lines[index] = lines[index] + insert
    result = check_text("\n".join(lines), national)
    got = {f.line for f in result.findings if f.rule == "placeholder"}
    assert got == {index + 1}


def test_clean_sample_has_no_placeholder(national):
    result = check_text(CLEAN.read_text(encoding="utf-8"), national)
    assert [f for f in result.findings if f.rule == "placeholder"] == []


@pytest.mark.parametrize("text", ["推行7×24小时自助服务，坚持“一网通办”，培训4次。", "**规范执法**：培训4次。", "按7*24小时提供服务。"])
def test_lookalikes_pass(national, text):
    assert findings(report(measures=text), national, "placeholder") == []


def test_placeholder_in_title(national):
    got = findings(report(title="某县人民政府20XX年法治政府建设情况报告"), national, "placeholder")
    assert {f.excerpt for f in got} == {"某县", "20XX"}


def test_secrecy_markers(national):
    text = report(opening="内部资料 注意保密", measures="依法保护商业秘密和国家秘密，审查文件93件。")
    got = findings(text, national, "secrecy-marker")
    assert {f.excerpt for f in got} == {"内部资料", "注意保密"} and all(f.severity == "error" for f in got)
