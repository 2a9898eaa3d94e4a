"""checker.outline: numbered headings, and unnumbered part titles."""
from __future__ import annotations

import pytest

from checker.outline import detect_heading, plain_heading


@pytest.mark.parametrize("line, level, label, title", [
    ("一、2024年主要举措和成效", 1, "一、", "2024年主要举措和成效"),
    ("(二)严格规范执法。全年查处案件12件。", 2, "(二)", "严格规范执法"),
    ("3.推行告知承诺制", 3, "3.", "推行告知承诺制"),
    ("## 第二部分 存在的不足", 0, "第二部分 ", "存在的不足"),
])
def test_numbered_headings(line, level, label, title):
    heading = detect_heading(line, 1, 0)
    assert heading is not None and (heading.level, heading.label, heading.title) == (level, label, title)


@pytest.mark.parametrize("line", ["一、", "1.5万件", "二、。", "全年办结案件12件。"])
def test_not_numbered_headings(line):
    assert detect_heading(line, 1, 0) is None


def names_problems(title: str) -> bool:
    return "存在的不足" in title


@pytest.mark.parametrize("line, title, start, end", [
    ("存在的不足和原因", "存在的不足和原因", 0, 8),
    ("## 存在的不足和原因", "存在的不足和原因", 3, 11),
    ("**存在的不足和原因**", "存在的不足和原因", 2, 10),
    ("  存在的不足和原因:", "存在的不足和原因", 2, 10),
])
def test_plain_part_titles(line, title, start, end):
    heading = plain_heading(line, 7, 0, names_problems)
    assert heading is not None
    assert (heading.level, heading.style, heading.label, heading.title) == (1, "plain", "", title)
    assert (heading.start, heading.end, heading.line) == (start, end, 7)


@pytest.mark.parametrize("line", [
    "存在的不足主要是培训不足。",            # a sentence
    "存在的不足,一是培训不足",               # a comma: prose, not a title
    "存在的不足和原因" + "分析" * 20,         # too long for a title
    "推进依法行政",                           # names no statutory part
    "说明:存在的不足",                       # a colon inside
])
def test_not_plain_part_titles(line):
    assert plain_heading(line, 1, 0, names_problems) is None
