"""Run-in text (copied from a PDF viewer, no line breaks): numbered parts found in mid-line,
never inside a sentence such as 第一、二季度.  Synthetic reports (ours)."""
from __future__ import annotations

from checker.run.pipeline import check_text

RUN_IN = ("云溪区人民政府2024年法治政府建设情况报告\n"
          "2024年，云溪区坚持依法行政，第一、二季度完成清理文件12件。一、主要举措和成效（一）深化审批改革。"
          "全年审核规范性文件37件，开展执法培训6期。二、存在的不足和原因 执法规范化水平不高，主要是培训不足。"
          "三、党政主要负责人履行推进法治建设第一责任人职责情况 区长主持召开常务会议研究法治议题4次。"
          "四、2025年工作安排 6月底前出台行政执法监督办法。")


def test_parts_found_in_mid_line(national):
    result = check_text(RUN_IN, national, "pdf.txt")
    assert [s["key"] for s in result.sections] == ["measures", "problems", "duty", "plan"]
    assert "section-missing" not in {f.rule for f in result.findings}


def test_no_split_inside_a_sentence(national):
    result = check_text(RUN_IN, national, "pdf.txt")
    titles = [h["title"] for h in result.outline["headings"]]
    assert not any(t.startswith("二季度") for t in titles)
    assert titles[0] == "主要举措和成效" and titles[1] == "深化审批改革"


def test_out_of_order_numbers_are_not_parts(national):
    text = "云溪区人民政府2024年法治政府建设情况报告\n2024年，云溪区坚持依法行政。三、这不是标题。一、主要举措和成效。全年审核文件37件。"
    result = check_text(text, national, "pdf.txt")
    assert [h["title"] for h in result.outline["headings"]] == ["主要举措和成效"]


def test_line_broken_reports_are_untouched(national):
    """Where parts start lines, mid-line labels are left alone (only run-in text is split)."""
    text = RUN_IN.replace("。一、", "。\n一、").replace("。二、", "。\n二、")
    parts = [h for h in check_text(text, national, "lines.txt").outline["headings"] if h["level"] == 1]
    assert [(h["line"], h["column"]) for h in parts] == [(3, 1), (4, 1)]


def test_a_title_running_into_the_opening(national):
    """No line break after the title either, and the year spaced as a PDF viewer copies it:
    the title is the head of the line, up to where the opening starts."""
    text = RUN_IN.replace("报告\n2024年，", "报告2024 年，").replace("2024年法治", "2024 年度法治")
    result = check_text(text, national, "pdf.txt")
    meta = result.metadata
    assert meta["title"] == "云溪区人民政府2024 年度法治政府建设情况报告"
    assert meta["issuer"] == "云溪区人民政府" and meta["year"] == 2024
    assert not any(f.rule == "title-format" and "找不到报告标题" in f.message for f in result.findings)


def test_a_sentence_about_a_report_is_not_a_run_in_title(national):
    """A first line that mentions a report in a sentence has no title at its head."""
    text = RUN_IN.replace("云溪区人民政府2024年法治政府建设情况报告\n",
                          "按照要求，现将云溪区2024年法治政府建设情况报告如下。")
    assert check_text(text, national, "pdf.txt").metadata["title"] is None


def test_a_run_in_title_followed_by_the_addressee(national):
    text = ("中共云中镇委员会云中镇人民政府关于报送2024年度法治政府建设的报告 中共云溪市委、云溪市人民政府: "
            "2024年，云中镇坚持依法行政，现将有关情况报告如下：一、主要举措和成效 全年审核文件37件。"
            "二、存在的不足和原因 培训不足。三、党政主要负责人履行推进法治建设第一责任人职责情况 镇长主持会议4次。"
            "四、2025年工作安排 出台执法监督办法。")
    got = check_text(text, national, "pdf.txt").metadata
    assert got["title"] == "中共云中镇委员会云中镇人民政府关于报送2024年度法治政府建设的报告"
    assert got["issuer"] == "中共云中镇委员会 云中镇人民政府"


def test_a_run_in_title_followed_by_the_pages_labels(national):
    """The page's 发布时间/来源 labels a copy carried along between the title and the opening."""
    text = RUN_IN.replace("报告\n2024年，", "报告 发布时间：2025-03-20 来源：云溪区司法局 2024年，")
    meta = check_text(text, national, "pdf.txt").metadata
    assert meta["title"] == "云溪区人民政府2024年法治政府建设情况报告" and meta["issuer"] == "云溪区人民政府"


def test_a_run_in_title_printed_twice_before_a_template_year(national):
    """A document-sharing copy prints the title twice and leaves the year as xxxx年 (a tuned page)."""
    title = "云溪区人民政府2024年法治政府建设情况报告"
    text = RUN_IN.replace(title + "\n2024年，", "1、" + title + title + "xxxx年，")
    assert check_text(text, national, "pdf.txt").metadata["title"] == title
    once_more = RUN_IN.replace(title + "\n2024年，", "1、" + title + "云溪区关于xxxx年，")
    assert check_text(once_more, national, "pdf.txt").metadata["title"] != title  # not the title again: no run-in


def test_a_run_in_title_on_yifa_xingzheng(national):
    """An older report titled on 依法行政, run on into its opening (a held-out page of round 37)."""
    text = RUN_IN.replace("云溪区人民政府2024年法治政府建设情况报告\n2024年，", "云溪区2016年依法行政工作总结报告 2016年以来，")
    assert check_text(text, national, "pdf.txt").metadata["title"] == "云溪区2016年依法行政工作总结报告"


def test_a_run_in_title_followed_by_its_document_number_and_the_addressee(national):
    """The document's number between the title and the addressee (a held-out page of session 17)."""
    text = RUN_IN.replace("云溪区人民政府2024年法治政府建设情况报告\n2024年，",
                          "云溪区人民政府 关于2024年法治政府建设情况的报告 云政发〔2025〕2号 市政府: 2024年，")
    got = check_text(text, national, "pdf.txt")
    assert got.metadata["title"] == "云溪区人民政府 关于2024年法治政府建设情况的报告"
    assert got.metadata["issuer"] == "云溪区人民政府"
    assert not any(f.rule == "title-format" and "找不到" in f.message for f in got.findings)
