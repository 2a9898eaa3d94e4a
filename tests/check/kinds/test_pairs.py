"""pairs kind (unbalanced-pair): a quote, title mark or bracket without its partner."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.reportkit import findings, report

RULE = "unbalanced-pair"


@pytest.mark.parametrize("text,mark", [
    ("全面推行“非现场执法模式，处罚案件2318件。", "“"),
    ("印发《城市管理领域轻微违法行为免罚清单，明确免罚情形23项。", "《"),
    ("推动数据应上尽上”，全年归集1.9万条。", "”"),
    ("设立工作站（含街道5个，全年服务214家次。", "（"),
])
def test_stray_marks(national, text, mark):
    got = findings(report(measures=text), national, RULE)
    assert len(got) == 1 and got[0].excerpt == mark and mark in got[0].message
    assert got[0].column == text.index(mark) + 1  # at the stray mark, not some characters before it


def test_marks_are_named_in_words(national):
    got = findings(report(measures="推动数据应上尽上”，全年归集1.9万条。"), national, RULE)
    assert got[0].message.startswith("右引号“””在本段中没有对应的左引号")
    got = findings(report(measures="印发《免罚清单，明确免罚情形23项。"), national, RULE)
    assert "左书名号“《”在本段中没有对应的右书名号" in got[0].message and "印发《免罚清单" in got[0].message


def test_balanced_and_nested_marks_pass(national):
    text = "印发《关于落实“谁执法谁普法”责任制的意见（试行）》，开展活动320场（含线上(12)场）。"
    assert findings(report(measures=text), national, RULE) == []


def test_two_strays_in_one_paragraph(national):
    text = "推动案件数据应上尽上”“应归尽归，全年归集1.9万条。"
    assert len(findings(report(measures=text), national, RULE)) == 2


def test_an_opening_mark_in_a_cut_off_last_paragraph_is_not_reported(national):
    text = "云溪区人民政府2024年法治政府建设情况报告\n一、2024年主要举措和成效\n全年审核规范性文件37件，提出修改意见182条，废止11件，印发《云溪区行政执法"
    assert findings(text, national, RULE) == []
    assert len(findings(text + "监督办法，全年督办案件12件。", national, RULE)) == 1  # finished: the 《 is stray


def test_a_mark_skipped_over_is_stray_even_in_a_cut_off_paragraph(national):
    text = "云溪区人民政府2024年法治政府建设情况报告\n一、2024年主要举措和成效\n落实《云溪区法治宣传教育规划(2021—2025年》，全年开展主题活动320场，覆盖群众6.8万人次，组织"
    got = findings(text, national, RULE)
    assert [f.excerpt for f in got] == ["("]


@given(st.text(alphabet="“”《》()\n 法治a", max_size=40), st.integers(0, 45), st.integers(0, 45))
def test_lines_with_marks_are_the_lines_that_hold_one(text, lo, hi):
    """One scan for marks over the span gives exactly the line pieces that hold a mark."""
    from checker.check.kinds.pairs import _lines_with_marks, marks_regex
    from checker.parse.document import Document
    from checker.read.source import Source

    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    doc = Document.from_source(Source(path="t", lines=text.split("\n")), lambda t: t)
    marks = marks_regex({"“": "”", "《": "》", "(": ")"}, {"”": "“", "》": "《", ")": "("})
    expected = [(a, b) for a, b in doc.lines_in(lo, hi) if marks.search(text, a, b)]
    assert list(_lines_with_marks(text, lo, hi, marks)) == expected


def test_a_mark_left_open_by_an_ellipsis_is_not_reported(national):
    """A page that shortens a paragraph ("开展“法治进社区...") left the closing mark out, not the drafter."""
    for ending in ("...", "……"):
        text = f"全年审核规范性文件37件，开展“法治进社区{ending}"
        assert findings(report(measures=text), national, RULE) == []
    assert len(findings(report(measures="全年开展“法治进社区活动12场。"), national, RULE)) == 1


def test_a_closer_without_opener_before_an_ellipsis_is_still_stray(national):
    got = findings(report(measures="全年开展法治进社区”活动12场……"), national, RULE)
    assert [f.excerpt for f in got] == ["”"]


# stray_kinds skips the stack walk when a line's marks are well nested (_nested): the answer must
# be the walk's on any text.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from checker.check.kinds import pairs  # noqa: E402


def _walk(text: str, closer_of: dict, opener_of: dict) -> tuple[list[int], list[int]]:
    """The stack walk alone (the kind's algorithm, written out again)."""
    stack: list[int] = []
    out: list[int] = []
    for i, ch in enumerate(text):
        if ch in closer_of:
            stack.append(i)
        elif ch in opener_of:
            want = opener_of[ch]
            match = next((k for k in range(len(stack) - 1, -1, -1) if text[stack[k]] == want), None)
            if match is None:
                out.append(i)
            else:
                out.extend(stack[match + 1:])
                del stack[match:]
    return out, stack


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="“”《》()【】字", max_size=24))
def test_nested_shortcut_gives_the_walks_answer(text):
    compiled = pairs.prepare({**pairs.DEFAULTS})
    closer_of, opener_of = compiled["closer_of"], compiled["opener_of"]
    assert pairs.stray_kinds(text, 0, len(text), closer_of, opener_of, compiled["marks"]) == _walk(text, closer_of, opener_of)
    assert pairs._nested("".join(c for c in text if c != "字"), closer_of, opener_of) <= (_walk(text, closer_of, opener_of) == ([], []))


def test_nested_needs_pairs_in_order():
    compiled = pairs.prepare({**pairs.DEFAULTS})
    closer_of, opener_of = compiled["closer_of"], compiled["opener_of"]
    assert pairs._nested("“《》”()", closer_of, opener_of)
    assert not pairs._nested("“《”》", closer_of, opener_of) and not pairs._nested("”“", closer_of, opener_of)


def test_a_page_widget_bar_inside_an_untitled_body_is_not_the_reports_text(national):
    """A page whose title was not recognised starts its body at the top, so the page's own
    font-size bar (cut after its label, as a copied page leaves it) falls inside it."""
    text = ("2025年，本县认真落实法治政府建设各项任务，全年办理行政复议案件32件。\n"
            "【字体:  \n"
            "一、主要举措和成效\n"
            "（一）推进依法行政。修订规范性文件5件，清理文件41件。\n")
    assert findings(text, national, RULE) == []
    stray = text.replace("【字体:  ", "【字体:  大 中 小  全年开展普法活动120场，覆盖群众3万人次，发放资料8000份。")
    assert len(findings(stray, national, RULE)) == 1  # a long line is the report's own text


def test_a_line_garbled_by_a_mirror_is_not_judged(national):
    """?zhèn)鬟_(dá)學(xué)習(xí): a mirror's 乱码 and inserted pinyin (session 16); its stray bracket is the
    garbling's, which text-garbled reports, while a clean line's stray mark is still found."""
    garbled = "全年召开专题学习会2次，全面?zhèn)鬟_(dá)學(xué)習(xí)貫徹法治思想。"
    assert findings(report(measures=garbled), national, RULE) == []
    assert len(findings(report(measures="全年召开专题学习会2次，全面传达学习贯彻法治思想)。"), national, RULE)) == 1
