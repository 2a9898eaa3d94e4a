"""The pinyin a mirror site inserts after characters, left out for reading metadata
(``checker/parse/page_marks.py``).  Synthetic text (ours)."""
from __future__ import annotations

import pytest

from checker.parse.page_marks import without_pinyin


@pytest.mark.parametrize("text, want", [
    ("云溪区(qū)人民政府关(guān)于", "云溪区人民政府关于"),
    ("2024年(nián)法治政府建设(shè)情况的报(bào)告", "2024年法治政府建设情况的报告"),
    ("绿(lǜ)色", "绿色"),
    ("區（qū）對（duì）", "區對"),  # full-width brackets, traditional characters
])
def test_toned_pinyin_after_a_character_is_left_out(text, want):
    assert without_pinyin(text) == want


@pytest.mark.parametrize("text", [
    "（一）深入学习贯彻习近平法治思想",
    "《法治政府建设实施纲要(2021—2025年)》",
    "《行政执法公示办法(试行)》",
    "审核规范性文件37件(A类)",
    "下载附件(pdf)",            # a Latin word without a tone mark
    "读作的(de)",               # no toned vowel: not counted
    "编号B(qū)",                # not after a Han character
])
def test_text_of_its_own_in_brackets_stays(text):
    assert without_pinyin(text) == text
