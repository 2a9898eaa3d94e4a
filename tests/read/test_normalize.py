"""Folding for matching (``checker/read/normalize.py``): one code point to one, so offsets and
columns stay those of the text as read."""
from __future__ import annotations

from checker.read.normalize import normalize
from checker.run.pipeline import check_text

LOST = ("云溪区人民政府2024年法治政府建设情况报告\n??2024年，云溪区坚持依法行政。\n??一、主要举措和成效\n"
        "??全年审核规范性文件12件。\n??二、存在的不足和原因\n??执法人员培训不足，主要是经费不足。\n")


def test_folding_keeps_the_length():
    text = "（一）全年办理１２件，ＡＢＣ：“好”\u3000结束"
    assert len(normalize(text)) == len(text)
    assert normalize(text).startswith("(一)全年办理12件,ABC:")


def test_indents_lost_to_question_marks_are_spaces_again(national):
    assert normalize(LOST).count("??") == 0 and len(normalize(LOST)) == len(LOST)
    result = check_text(LOST, national, "page.txt")
    assert [s["key"] for s in result.sections][:2] == ["measures", "problems"]
    assert "placeholder" not in {f.rule for f in result.findings}


def test_question_marks_in_a_line_or_on_one_line_stay():
    assert normalize("办理??件。") == "办理??件。"
    one = "标题\n??只有这一行以问号开头。\n正文。\n"
    assert normalize(one) == one
