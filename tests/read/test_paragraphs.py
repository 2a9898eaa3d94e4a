"""Paragraph rebuilding and page furniture on laid-out lines (the shared part of the PDF and
OFD readers)."""
from __future__ import annotations

from checker.read.furniture import is_page_number, strip_furniture
from checker.read.paragraphs import PageLine, rebuild

SIZE = 10.0
LEFT, RIGHT = 50.0, 450.0  # a 40-character text block


def _lines(*rows: tuple[str, float, float], page: int = 1, top: float = 100.0) -> list[PageLine]:
    """(text, left, right) rows set one under the other."""
    out = []
    for text, left, right in rows:
        out.append(PageLine(text, page, left, right, top, SIZE))
        top += 1.5 * SIZE
    return out


def test_lines_broken_at_the_width_are_joined():
    lines = _lines(("区政府全年审核规范性文件37件，提出修改意见126条，规范性", LEFT, RIGHT),
                   ("文件报备率、及时率均为100%。", LEFT, 200.0),
                   ("（二）严格规范公正文明执法", LEFT, 180.0))
    assert [p.text for p in rebuild(lines)] == ["区政府全年审核规范性文件37件，提出修改意见126条，规范性文件报备率、及时率均为100%。",
                                                "（二）严格规范公正文明执法"]


def test_a_short_line_a_heading_and_a_sentence_end_close_the_paragraph():
    lines = _lines(("云溪区人民政府2024年法治政府建设情况报告", 120.0, 330.0),
                   ("一、主要举措和成效", LEFT, 140.0),
                   ("全年召开常务会议12次，听取专题汇报2次，将法治建设纳入绩效考核；", LEFT, RIGHT),
                   ("（一）完善推进机制", LEFT, 150.0),
                   ("3月底前制定工作要点，分解任务42项，逐项明确牵头单位和完成时限", LEFT, RIGHT),
                   ("1. 第一项", LEFT, 100.0))
    assert [p.text for p in rebuild(lines)] == [
        "云溪区人民政府2024年法治政府建设情况报告", "一、主要举措和成效",
        "全年召开常务会议12次，听取专题汇报2次，将法治建设纳入绩效考核；", "（一）完善推进机制",
        "3月底前制定工作要点，分解任务42项，逐项明确牵头单位和完成时限", "1. 第一项"]


def test_first_line_indents_decide_where_paragraphs_start():
    indent = LEFT + 2 * SIZE
    lines = _lines(("区政府把法治政府建设纳入全区发展总体布局。年初制定工作要点，", indent, RIGHT),
                   ("分解任务42项。全年召开常务会议审议法治建设相关议题12项。", LEFT, RIGHT),
                   ("听取专题汇报2次。", LEFT, 150.0),
                   ("修订公布区级权责清单，共保留行政权力事项3,412项。", indent, 400.0),
                   ("其余事项已明确整改责任人。", indent, 200.0))
    assert [p.text for p in rebuild(lines)] == [
        "区政府把法治政府建设纳入全区发展总体布局。年初制定工作要点，分解任务42项。全年召开常务会议审议法治建设相关议题12项。听取专题汇报2次。",
        "修订公布区级权责清单，共保留行政权力事项3,412项。", "其余事项已明确整改责任人。"]


def test_a_word_that_would_have_fitted_means_the_paragraph_ended():
    lines = _lines(("这一行写满了文字区的宽度，确定了文字区右边界的位置。", LEFT, RIGHT),
                   ("第一段没有句号结尾但明显没有写满这一行", LEFT, 300.0),
                   ("第二段", LEFT, 110.0))
    assert [p.text for p in rebuild(lines)][1:] == ["第一段没有句号结尾但明显没有写满这一行", "第二段"]
    # a digit run that could not fit keeps the line going although it stops short of the edge
    lines = _lines(("全年收到政务服务“好差评”数量达到", LEFT, RIGHT - 35.0),
                   ("44.89万件，差评整改率100%。", LEFT, 260.0))
    assert [p.text for p in rebuild(lines)] == ["全年收到政务服务“好差评”数量达到44.89万件，差评整改率100%。"]


def test_latin_words_broken_across_lines_keep_a_space():
    lines = _lines(("the annual report on law-based government in", LEFT, RIGHT), ("English", LEFT, 120.0))
    assert rebuild(lines)[0].text == "the annual report on law-based government in English"


def test_paragraph_keeps_its_first_line():
    lines = _lines(("区政府把法治政府建设纳入全区经济社会发展总体布局，年初制定", LEFT, RIGHT), page=2)
    lines += _lines(("工作要点。", LEFT, 100.0), page=3)
    (paragraph,) = rebuild(lines)
    assert paragraph.first.page == 2 and paragraph.text.endswith("年初制定工作要点。")


def test_page_number_forms():
    for text in ("— 3 —", "-3-", "- 3 -", "3", "第 3 页 共 9 页", "第3页", "共9页 第3页", "3/9", "Page 3 of 9", "·12·"):
        assert is_page_number(text), text
    for text in ("2024年", "三、存在的不足", "第三条", "3个", "一、"):
        assert not is_page_number(text), text


def test_running_headers_footers_and_page_numbers_are_dropped():
    pages, heights = [], []
    for number in range(1, 5):
        lines = [PageLine("云溪区人民政府文件", number, 200.0, 400.0, 30.0, SIZE),
                 PageLine(f"正文第{number}页的内容，各不相同{'甲乙丙丁'[number - 1]}。", number, LEFT, RIGHT, 120.0, SIZE),
                 PageLine(f"— {number} —", number, 280.0, 320.0, 800.0, SIZE),
                 PageLine(f"打印时间 2025-03-{number:02d}", number, LEFT, 200.0, 815.0, SIZE)]
        pages.append(lines)
        heights.append(842.0)
    kept = strip_furniture(pages, heights)
    assert [[line.text for line in page] for page in kept] == [[pages[i][1].text] for i in range(4)]


def test_a_body_line_at_the_top_is_kept_unless_it_repeats():
    pages = [[PageLine("一、2024年主要举措", 1, LEFT, 200.0, 60.0, SIZE)],
             [PageLine("二、存在的不足", 2, LEFT, 200.0, 60.0, SIZE)],
             [PageLine("三、第一责任人职责", 3, LEFT, 200.0, 60.0, SIZE)]]
    assert strip_furniture(pages, [842.0] * 3) == pages
