"""issuer_consistency kind (issuer-mismatch): the title's issuer speaks and signs the report."""
from __future__ import annotations

import pytest

from tests.reportkit import findings, report

RULE = "issuer-mismatch"
TITLE = "云溪区城市管理和综合执法局2024年法治政府建设情况报告"
OPENING = "2024年，云溪区城市管理和综合执法局坚持依法行政。"


def test_same_name_passes(national):
    text = report(title=TITLE, opening=OPENING, tail="云溪区城市管理和综合执法局\n2025年2月26日")
    assert findings(text, national, RULE) == []


def test_altered_signature(national):
    got = findings(report(title=TITLE, opening=OPENING, tail="云溪区城市管理局\n2025年2月26日"), national, RULE)
    assert len(got) == 1 and got[0].excerpt == "云溪区城市管理局" and "落款" in got[0].message


def test_truncated_name_in_body(national):
    got = findings(report(title=TITLE, opening="2024年，云溪区城管执法局坚持依法行政。"), national, RULE)
    assert len(got) == 1 and got[0].excerpt == "云溪区城管执法局"


def test_name_absent_from_body(national):
    got = findings(report(title=TITLE), national, RULE)
    assert len(got) == 1 and got[0].line == 1 and "没有出现" in got[0].message


def test_place_only_title_accepts_government_signature(national):
    text = report(title="2024年云溪区法治政府建设情况报告", opening="2024年，云溪区坚持依法行政。",
                  tail="云溪区人民政府\n2025年3月19日")
    assert findings(text, national, RULE) == []


def test_a_report_ending_in_a_sentence_has_no_signature(national):
    """The last short line is a plan sentence naming a document, not a signature block."""
    text = report(title=TITLE, opening=OPENING, tail="6月底前出台《云溪区行政执法监督办法》。")
    assert findings(text, national, RULE) == []


GOV_TITLE = "云溪区人民政府2024年法治政府建设情况报告"


def test_standard_short_forms_pass(national):
    for opening in ("2024年，云溪区政府坚持依法行政。", "2024年，云溪区坚持依法行政。",
                    "2024年，在市委领导下，区委、区政府坚持依法行政。"):
        assert findings(report(title=GOV_TITLE, opening=opening), national, RULE) == [], opening


def test_department_short_form_passes(national):
    title = "云中市教育局关于2024年法治政府建设情况的报告"
    assert findings(report(title=title, opening="2024年，市教育局坚持依法行政。"), national, RULE) == []


def test_joint_issuer_passes_on_either_body(national):
    title = "中共云溪区委云溪区人民政府关于2024年法治政府建设情况的报告"
    assert findings(report(title=title, opening="2024年，云溪区委、区政府坚持依法行政。"), national, RULE) == []


def test_document_title_fragments_are_not_names(national):
    """云溪区关于进一步推进法治政府…, a 《》 title: words of a document, not a body's name."""
    opening = ("2024年，区政府印发《云溪区关于进一步推进法治政府建设的实施意见》，"
               "落实云溪区关于进一步推进法治政府建设的部署。")
    assert findings(report(title=GOV_TITLE, opening=opening), national, RULE) == []


def test_a_different_body_still_fails(national):
    got = findings(report(title=GOV_TITLE, opening="2024年，云溪区政府坚持依法行政。",
                          tail="云溪区司法局\n2025年2月26日"), national, RULE)
    assert len(got) == 1 and got[0].excerpt == "云溪区司法局"


@pytest.mark.parametrize("title, opening", [
    # a higher place the body leaves out
    ("云中市云溪区司法局2024年法治政府建设情况报告", "2024年，云溪区司法局坚持依法行政。"),
    ("云中市云溪区人民政府2024年法治政府建设情况报告", "2024年，云溪区政府坚持依法行政。"),
    # an autonomous region's government speaks as 自治区人民政府 / 自治区
    ("云岭彝族自治区人民政府关于2024年法治政府建设情况的报告", "2024年，自治区人民政府坚持依法行政。"),
    ("云岭彝族自治州人民政府关于2024年法治政府建设情况的报告", "2024年，自治州政府坚持依法行政。"),
    # a 街道办事处 under its district's government, and a 镇, speak as 我街道 / 本镇
    ("云溪区人民政府金桥街道办事处关于2024年度法治政府建设情况的报告", "2024年，我街道坚持依法行政。"),
    ("云溪区人民政府金桥街道办事处关于2024年度法治政府建设情况的报告", "2024年，金桥街道坚持依法行政。"),
    ("云溪区金桥镇人民政府2024年法治政府建设情况报告", "2024年，本镇坚持依法行政。"),
    # a government speaks as 我县 / 本区, a department as 我局 / 我厅 / 市局
    ("云中县人民政府2024年度法治政府建设情况报告", "2024年，我县坚持依法行政。"),
    ("云中省交通运输厅2024年法治政府部门建设工作情况", "2024年，我厅坚持依法行政。"),
    ("云中市公安局关于2024年度法治政府建设情况的报告", "2024年，市局党委坚持依法行政。"),
    # a department's standard abbreviation (the rule set's abbreviations)
    ("云中省市场监督管理局关于2024年度法治政府建设情况的报告", "2024年，省市场监管局坚持依法行政。"),
    ("云溪区人力资源和社会保障局2024年法治政府建设情况报告", "2024年，区人社局坚持依法行政。"),
    ("云溪区卫生健康局2024年法治政府建设情况报告", "2024年，云溪区卫健局坚持依法行政。"),
    ("云溪区文化广电和旅游局2024年法治政府建设情况报告", "2024年，区文广旅局坚持依法行政。"),
    ("云中市应急管理局2024年法治政府建设情况报告", "2024年，市应急局坚持依法行政。"),
    # a township under its city and district is named by its place alone; a 委员会 as its 委
    ("云中市云溪区金桥乡2024年度法治政府建设工作报告", "2024年，金桥乡党委、政府坚持依法行政。"),
    ("云中市云溪区交通运输委员会关于2024年法治政府建设工作情况的报告", "2024年，云溪区交通运输委坚持依法行政。"),
    ("云溪区交通运输委员会关于2024年法治政府建设工作情况的报告", "2024年，我委坚持依法行政。"),
])
def test_more_standard_short_forms_pass(title, opening, national):
    assert findings(report(title=title, opening=opening), national, RULE) == [], title


@pytest.mark.parametrize("title, opening", [
    # another district's bureau
    ("云中市云溪区司法局2024年法治政府建设情况报告", "2024年，云中市司法局坚持依法行政。"),
    # another township
    ("云中市云溪区金桥乡2024年度法治政府建设工作报告", "2024年，银湖乡坚持依法行政。"),
    # the township's stem inside another word (共和乡 / 共和国)
    ("云中市云溪区共和乡2024年度法治政府建设工作报告", "2024年，坚持贯彻中华人民共和国行政许可法。"),
    # a 住房和城乡建设局 is an office, not a place
    ("云溪区住房和城乡建设局2024年法治政府建设情况报告", "2024年，城乡建设局坚持依法行政。"),
])
def test_short_forms_do_not_hide_another_body(title, opening, national):
    """The forms of a nested name stay the forms of that body."""
    assert len(findings(report(title=title, opening=opening), national, RULE)) == 1


@pytest.mark.parametrize("title, opening", [
    # 州 in the place's own name is not its level (广州市, 贵州省)
    ("云州市司法局关于2024年度法治政府建设情况的报告", "2024年，市司法局坚持依法行政。"),
    ("云州省人民政府关于2024年法治政府建设情况的报告", "2024年，省政府坚持依法行政。"),
])
def test_a_zhou_inside_the_place_name(title, opening, national):
    assert findings(report(title=title, opening=opening), national, RULE) == [], title


def test_a_page_cut_off_after_its_opening_is_not_judged_for_an_absent_name(national):
    """Only the opening and a first part (no plan part, no signature): the page may name the
    body further on, so "never named" is not said; a whole report without the name still is."""
    cut = "\n".join(report(title=TITLE, opening="2024年，在县委、县政府领导下，强化政治引领。").split("\n")[:4])
    assert "存在的不足" not in cut and "工作安排" not in cut
    assert findings(cut, national, RULE) == []
    whole = report(title=TITLE, opening="2024年，在县委、县政府领导下，强化政治引领。")
    assert ["没有出现" in f.message for f in findings(whole, national, RULE)] == [True]
    signed = cut + "\n云溪区人民政府\n2025年2月26日"
    assert len(findings(signed, national, RULE)) == 1


@pytest.mark.parametrize("last", [
    "二、加强制度建设，完善依法行政体系",            # the page stops after the next part's heading
    "2024年，我单位未制定规范性文件，且没有发生",    # the page stops inside a sentence
])
def test_short_last_lines_that_are_no_signature_do_not_make_a_whole_report(last, national):
    """A cut page's short last line is neither a body's name nor a date: it says nothing of
    whether the name comes further on, so "never named" is not said."""
    opening = "为落实法治政府建设各项部署，我单位坚持依法行政。现将本年度情况报告如下："
    page = f"{TITLE}\n{opening}\n一、强化组织领导\n（一）健全工作机制。明确职责分工，定期召开会议研究法治议题。\n{last}\n"
    assert findings(page, national, RULE) == []
    closed = page.replace(last, last + "行政诉讼案件。" if last.endswith("发生") else last + "\n审核文件12件。")
    assert len(findings(closed + "云溪区城市管理局\n2025年2月26日\n", national, RULE)) == 1


@pytest.mark.parametrize("opening", [
    # a sentence that runs on to 厅机关 (a held-out page, s14-h21 008)
    "2024年，省教育厅运用云中省国家工作人员学法考法平台开展厅机关干部学法。",
    # another body of the place, nothing of the title's own name in it
    "2024年，省教育厅配合云中省公安厅开展校园安全执法检查。",
])
def test_a_name_with_nothing_of_the_titles_is_not_the_title_shortened(opening, national):
    got = findings(report(title="云中省教育厅2024年法治政府建设情况报告", opening=opening), national, RULE)
    assert not any("简写或改写" in f.message for f in got)


def test_a_shortened_name_shares_the_titles_words(national):
    got = findings(report(title=TITLE, opening="2024年，云溪区城管局坚持依法行政。"), national, RULE)
    assert len(got) == 1 and got[0].excerpt == "云溪区城管局" and "简写或改写" in got[0].message
