"""checker.parse.outline: numbered headings, and unnumbered part titles."""
from __future__ import annotations

import pytest

from checker.parse.outline import detect_heading, plain_heading, split_heading


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


@pytest.mark.parametrize("label, title, level", [
    ("一、", "2024年主要举措和成效", 1),
    ("**(二)**", "严格规范公正文明执法", 2),
    ("第三部分", "存在的不足和原因", 0),
])
def test_label_alone_with_its_title_on_the_next_line(label, title, level):
    line, next_line = label, title
    heading = split_heading(line, next_line, 4, 100, 100 + len(line) + 1)
    assert heading is not None and (heading.level, heading.title, heading.line) == (level, title, 4)
    assert heading.start == 100 + label.index(label.strip("*")[0])
    assert heading.end == 100 + len(line) + 1 + len(title)


@pytest.mark.parametrize("line, next_line", [
    ("1.", "区司法局"),                          # an arabic label alone is usually a table cell
    ("一、", "全年办结案件12件。"),               # the next line is a sentence
    ("一、", "(一)加强统筹协调"),                 # the next line is a heading of its own
    ("一、", ""),
    ("一、推进依法行政", "全年办结案件12件"),      # not a bare label
])
def test_not_split_headings(line, next_line):
    assert split_heading(line, next_line, 1, 0, len(line) + 1) is None


def test_a_mirrors_stray_comma_before_the_mark():
    """一,、 (a copying site's stray comma, session 13) is the heading 一、; 一,二 is not a heading."""
    heading = detect_heading("一,、法治建设第一责任人履职情况", 1, 0)
    assert heading is not None and heading.level == 1 and heading.title == "法治建设第一责任人履职情况"
    assert detect_heading("一,二季度完成整改", 1, 0) is None
