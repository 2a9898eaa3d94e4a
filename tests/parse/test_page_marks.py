"""The pinyin a mirror site inserts after characters, left out for reading metadata
(``checker/parse/page_marks.py``).  Synthetic text (ours)."""
from __future__ import annotations

import pytest

from checker.parse.page_marks import MARKUP, without_pinyin


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


def test_the_bracket_first_form_finds_what_the_look_behind_first_form_finds():
    """INSERTED_PINYIN starts at the bracket (fast); written with the look-behind first it reads
    more plainly: both find the same spans on random text."""
    import random
    import re

    from checker.parse.page_marks import INSERTED_PINYIN, TONED

    plain = re.compile(rf"(?<=[\u3400-\u9fff])[(（][a-zü{TONED}]{{0,6}}[{TONED}][a-zü{TONED}]{{0,6}}[)）]")
    alphabet = list("區關于年法治(（)）qūguānnián a1一") + ["(qū)", "（nián）", "(一)"]
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert [m.span() for m in INSERTED_PINYIN.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_markdown_bold_goes_but_a_run_of_stars_masking_a_figure_stays():
    """**……** is Markdown's bold; 关于****年…… masks the year (session 16) and is the title as printed."""
    assert MARKUP.sub("", "**云溪区人民政府**2024年法治政府建设情况报告") == "云溪区人民政府2024年法治政府建设情况报告"
    assert MARKUP.sub("", "关于****年法治政府建设情况的报告") == "关于****年法治政府建设情况的报告"
