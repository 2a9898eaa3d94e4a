"""checker.parse.title_block: where the title stands and over how many lines.  Synthetic page heads (ours)."""
from __future__ import annotations

import pytest

from checker.parse.title_block import find_title

BODY = ["2024年，云溪区坚持依法行政。现将有关情况报告如下：", "一、主要举措和成效"]


def no_heading(index: int) -> bool:
    return False


@pytest.mark.parametrize("head, want", [
    (["云溪区人民政府2024年法治政府建设情况报告"], (0, 1)),
    (["首页 > 政务公开", "云溪区人民政府2024年法治政府建设情况报告"], (1, 1)),
    # the body's name above a title that names none
    (["云溪区人民政府", "关于2024年法治政府建设情况的报告"], (0, 2)),
    # broken after the year; broken after 关于
    (["云溪区司法局2024年度", "法治政府建设工作报告"], (0, 2)),
    (["云溪区人民政府关于", "2024年度法治政府建设情况的报告"], (0, 2)),
    # two short lines that are a title only together, with a blank line between
    (["云中省2024年度法治政府建设工作", "", "情况报告"], (0, 3)),
    # three lines, the closing word letter-spaced
    (["云中市人民政府", "关于2024年度法治政府建设工作情况的", "报 告"], (0, 3)),
    # a joint report's party committee above the government
    (["中共云溪区委", "云溪区人民政府", "关于2024年法治政府建设情况的报告"], (0, 3)),
    # no title at all
    (["首页 > 政务公开"], (None, 1)),
])
def test_find_title(head, want):
    assert find_title(head + BODY, no_heading) == want
