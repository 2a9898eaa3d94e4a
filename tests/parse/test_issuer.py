"""The reporting body read straight from a title or a sentence's subject (``checker/parse/issuer.py``);
the readings through the whole pipeline are in ``test_metadata.py``.  Synthetic names (ours)."""
from __future__ import annotations

import pytest

from checker.parse import issuer


def test_a_joint_title_with_committee_written_out():
    assert issuer.issuer_from_title("中共云中镇委员会云中镇人民政府关于2024年度法治政府建设的报告") == \
        "中共云中镇委员会 云中镇人民政府"


@pytest.mark.parametrize("subject, want", [
    ("巴州党委、政府", "中共巴音郭楞蒙古自治州委 巴音郭楞蒙古自治州人民政府"),  # a prefecture's short form with 党委, written out
    ("云中市委、市政府", "中共云中市委 云中市人民政府"),
    # session 13: an autonomous region's (its 自治区党委 is the region's committee)
    ("宁夏回族自治区党委和政府", "中共宁夏回族自治区委 宁夏回族自治区人民政府"),
])
def test_a_joint_subject_with_its_party_committee(subject, want):
    assert issuer.speaker_name(subject) == want


@pytest.mark.parametrize("subject", ["全州党委、政府", "自治区党委和政府"])
def test_a_joint_subject_that_is_not_read_as_one_body(subject):
    """全州 is no place, nor is 自治区 without its name."""
    assert not (issuer.speaker_name(subject) or "").startswith("中共")


@pytest.mark.parametrize("line, want", [
    ("云溪区人民政府", "云溪区人民政府"),
    ("1.1.2国家法治政府建设纲要的顶层部署", None),  # a numbered heading (round 16), not a signature
])
def test_signature_name(line, want):
    assert issuer.signature_name(line) == want


@pytest.mark.parametrize("subject, want", [
    ("全南县自然资源局", "全南县自然资源局"),  # places whose names start as "all of" does
    ("全州县人民政府", "全州县人民政府"),
    ("本溪市", "本溪市人民政府"),
    ("全市", None),  # all of a place or a body: no body itself
    ("全县各级", None),
    ("各县", None),
    ("本系统", None),
    ("全区上下", None),
])
def test_a_place_named_like_all_of_is_a_place(subject, want):
    assert issuer.speaker_name(subject) == want


@pytest.mark.parametrize("opening, want", [
    # the year's description before the speaker (2025年是……的收官之年,区司法局坚持……)
    ("2025年是实施《云中市法治政府建设规划(2021-2025年)》的收官之年，区司法局坚持以习近平法治思想为指导，全面推进。",
     "区司法局"),
    # a zone whose name joins two names with a hyphen, with its short form in brackets
    ("2024年，云中-东湖经济技术开发区（以下简称“云中-东湖经开区”）深入贯彻习近平法治思想。",
     "云中-东湖经济技术开发区管理委员会"),
])
def test_a_speaker_after_the_years_description_or_with_a_hyphen(opening, want):
    assert issuer.issuer_from_opening(opening) == want


@pytest.mark.parametrize("opening, want", [
    ("近年来，云溪县坚持以习近平法治思想为指导。", "云溪县人民政府"),
    # a purpose clause before the year
    ("为全面推进依法行政，2024年，云溪县坚持以习近平法治思想为指导。", "云溪县人民政府"),
    # the place's year of work as the subject, with no verb the reading knows
    ("云溪区2024年法治政府建设工作在区委的坚强领导下，取得新进展。", "云溪区人民政府"),
    # the people's organisations report too (残疾人联合会, 总工会, 科学技术协会, 红十字会)
    ("2023年，云溪市残疾人联合会坚持以习近平法治思想为指导。", "云溪市残疾人联合会"),
    ("2023年，云溪市总工会深入学习贯彻习近平法治思想。", "云溪市总工会"),
    ("2023年，云溪市科学技术协会认真贯彻落实上级部署。", "云溪市科学技术协会"),
    ("2023年，全市各级残疾人联合会坚持依法办事。", None),  # every 联合会 of the city: no one body
])
def test_more_ways_an_opening_names_its_speaker(opening, want):
    assert issuer.issuer_from_opening(opening) == want


@pytest.mark.parametrize("title, want", [
    ("云溪县委 县政府2024年度法治政府建设情况报告", "中共云溪县委 云溪县人民政府"),      # a joint report, short forms
    ("云溪区司法局（区行政审批局）2024年法治政府建设情况报告", "云溪区司法局"),      # its other name in brackets
])
def test_a_title_naming_a_joint_body_or_a_body_with_its_other_name(title, want):
    assert issuer.issuer_from_title(title) == want


@pytest.mark.parametrize("line", ["关于2024年度法治政府建设工作情况的报告——云溪县人民政府", "云溪县2024年度报告（云溪县人民政府）"])
def test_a_line_with_marks_is_no_signature(line):
    assert issuer.signature_name(line) is None


def test_a_short_text_does_not_take_its_title_for_its_signature(national):
    """The signature is read below the title only; the name after the title's dash is its byline."""
    from checker.parse.parser import _issuer_from_signature
    from checker.run.pipeline import check_text

    text = "关于2024年度法治政府建设工作情况的报告——云溪县人民政府\n2024年，我们坚持依法行政。\n一、主要举措和成效\n全年审核规范性文件12件。\n"
    lines = text.split("\n")
    assert _issuer_from_signature(lines, len(lines) - 2, 0) is None
    assert check_text(text, national, "t.txt").metadata["issuer"] == "云溪县人民政府"


@pytest.mark.parametrize("subject, want", [
    ("云溪县县卫生健康局", "云溪县卫生健康局"),  # the county's level written twice
    ("云溪县县委", None),  # the county's party committee: not a department, not shortened
    ("云溪高新区管委会", "云溪高新区管委会"),  # a zone's committee in its short form
    ("中共云溪县财政局党组", "云溪县财政局"),  # a department's party group with 中共 before it
])
def test_more_subjects_read_as_bodies(subject, want):
    got = issuer.speaker_name(subject)
    assert got == want or (want is None and got != "云溪县委")


@pytest.mark.parametrize("opening, want", [
    ("2024年，岚山县人民政府及其工作部门深入学习贯彻习近平法治思想。", "岚山县人民政府"),  # the government with its departments
    ("2019年，在县委的领导下，县政府及工作部门坚持依法行政。", "县人民政府"),  # 及 without 其
    ("2021年，市政府及各部门认真贯彻法治政府建设实施纲要。", "市人民政府"),
    ("过去一年，岚山县深入学习贯彻习近平法治思想。", "岚山县人民政府"),  # 过去一年 before the subject
    ("今年来，在区委的领导下，云岭街道以习近平法治思想为指导。", "云岭街道办事处"),  # 今年来 before the lead
    # a zone's party working committee and management committee as one subject
    ("2023年，岚山经济技术开发区党工委、管委会坚持依法行政。",
     "中共岚山经济技术开发区工作委员会 岚山经济技术开发区管理委员会"),
    # session 16: the report announced by its own title names the body in full before the text's short form
    ("根据通知要求，现将《岚山市文化和旅游局2025年度法治政府建设情况报告》予以公布。2025年，市文化旅游局坚持依法行政。",
     "岚山市文化和旅游局"),
    ("现将《岚山市法治政府建设实施方案》印发给你们。2025年，市司法局坚持依法行政。", "市司法局"),  # not a report's title
    ("回顾2024年，岚山县深入学习贯彻习近平法治思想。", "岚山县人民政府"),  # 回顾 before the year
    ("2024年，岚山县高举习近平新时代中国特色社会主义思想伟大旗帜。", "岚山县人民政府"),  # 高举 as the verb
])
def test_openings_with_more_leads_and_verbs(opening, want):
    assert issuer.issuer_from_opening(opening) == want



@pytest.mark.parametrize("opening, want", [
    # a prefecture (地区) and a league (盟) are governed by the province's agency, the 行政公署
    ("2024年以来，在自治区党委、人民政府的坚强领导下，喀什地区坚持以习近平法治思想为指导。", "喀什地区行政公署"),
    ("2024年，兴安盟坚持依法行政，全面推进法治政府建设。", "兴安盟行政公署"),
    ("2024年，科尔沁右翼前旗坚持依法行政，全面推进法治政府建设。", "科尔沁右翼前旗人民政府"),
])
def test_a_prefecture_or_league_speaks_through_its_agency(opening, want):
    assert issuer.issuer_from_opening(opening) == want


@pytest.mark.parametrize("opening, want", [
    # session 13: 我市政府, 我县人民政府 speak as 我市, 我县 do (the place put back by ``qualify``)
    ("2018年，在自治区党委的坚强领导下，我市政府以习近平法治思想为指导，坚持依法行政。", "市人民政府"),
    ("2023年，我县人民政府坚持依法行政。", "县人民政府"),
])
def test_wo_shi_zhengfu_speaks_as_wo_shi(opening, want):
    assert issuer.issuer_from_opening(opening) == want


@pytest.mark.parametrize("opening, want", [
    # session 13: the basis cited before the year; 以……为核心 as the verb; the year before the name in 现将……
    ("根据市、区对法治建设工作的具体部署，2023年，云岭街道以深入学习贯彻习近平法治思想为核心，全面开展法治政府建设。",
     "云岭街道办事处"),
    ("2023年，桐庐县以深入学习贯彻习近平法治思想为核心，全面推进法治政府建设。", "桐庐县人民政府"),
    ("根据有关要求，现将2018年桐庐县法治政府建设情况的报告公开如下：", "桐庐县人民政府"),
    ("根据市委部署，全县坚持依法行政。", None),  # no year after the basis, no body named
    ("根据《2025年云中市法治政府建设工作要点》有关规定，市应急局对照有关要求，全面梳理总结2025年工作。", "市应急局"),
    ("根据《法治政府建设实施纲要》的工作部署，我局高度重视，坚持依法行政。", "我局"),  # completed by ``qualify``
    ("2016年，山东省政府以党的十八大精神为指导，深入推进依法行政。", "山东省人民政府"),
    # held-out pages: 以下简称 is no verb; an industrial park is run by its 管理委员会; a bare 园区 names none
    ("2024年，在市委的领导下，云港新区（以下简称“新区”）始终坚持依法行政。", "云港新区管理委员会"),
    ("2023年，苏州工业园区坚持以习近平法治思想为指导，全面推进依法行政。", "苏州工业园区管理委员会"),
    ("2023年，园区坚持以习近平法治思想为指导，全面推进依法行政。", "园区管理委员会"),  # ``qualify`` names the park or gives none
    ("2024年，区政府办公室坚持以习近平法治思想为指导，全面推进依法行政。", "区人民政府办公室"),
    ("自治区党委、政府自觉将习近平法治思想作为根本遵循，全面推进法治政府建设。", "区委 区人民政府"),  # completed by ``qualify``
    # a body's leadership as the subject (a held-out page)
    ("2025年，中都街道领导班子始终以习近平法治思想为统领，扎实履行法治建设领导职责。", "中都街道办事处"),
    # the addressee run into a text with no line breaks (a held-out page)
    ("中共嘉兴市委、嘉兴市人民政府: 2022年,海宁市坚持以习近平法治思想为指导,全面推进法治政府建设。", "海宁市人民政府"),
])
def test_openings_after_a_basis_clause(opening, want):
    assert issuer.issuer_from_opening(opening) == want


@pytest.mark.parametrize("opening, want", [
    # a town's party committee and government as the joint subject: both bodies, the committee by its full name
    ("2025年以来，在区委、区政府的坚强领导下，云岭镇党委、政府深入学习宣传贯彻习近平法治思想。", "中共云岭镇委员会 云岭镇人民政府"),
    ("2025年，云岭乡党委、乡政府坚持依法行政。", "中共云岭乡委员会 云岭乡人民政府"),
    ("2025年，云岭镇党委和政府坚持依法行政。", "中共云岭镇委员会 云岭镇人民政府"),
    ("2025年，全镇党委、政府坚持依法行政。", None),  # all of the town: no name
    # session 13: the county written before the town
    ("2025年，桐庐县分水镇党委、政府坚持依法行政。", "中共桐庐县分水镇委员会 桐庐县分水镇人民政府"),
    ("2025年，桐庐县分水镇党委、分水镇政府坚持依法行政。", "中共桐庐县分水镇委员会 桐庐县分水镇人民政府"),
])
def test_a_towns_joint_subject(opening, want):
    assert issuer.issuer_from_opening(opening) == want


@pytest.mark.parametrize("title, want", [
    # a department's party group heading the title without 中共, its other name in brackets before 党组
    ("云溪县藏语委办(编译局)党组2025年度法治政府建设年度报告", "云溪县藏语委办"),
    ("云溪县审计局党组2025年度法治政府建设年度报告", "云溪县审计局"),
])
def test_a_party_group_title_without_zhonggong(title, want):
    assert issuer.issuer_from_title(title) == want


def test_a_year_until_now_before_the_subject():
    opening = "2025年至今，在区委、区政府的正确领导下，云溪区教育局以习近平法治思想为指导，推进依法治校。"
    assert issuer.issuer_from_opening(opening) == "云溪区教育局"


def test_wo_qi_is_the_banners_government():
    assert issuer.issuer_from_opening("今年以来，我旗坚持以习近平法治思想为指导，推进法治政府建设。") == "旗人民政府"


def test_a_street_by_its_short_form_in_a_title():
    """2022年某某街法治政府建设工作总结: 街 is the 街道's short form (a held-out page)."""
    assert issuer.issuer_from_title("2022年胡家园街法治政府建设工作总结") == "胡家园街道办事处"


@pytest.mark.parametrize("opening, want", [
    # session 14: a copy that lost the year's digits (年,我市……); 我市上下; any 是……年 description;
    # the law-based government of the whole place as the subject (its government's report)
    ("年，我市坚持以习近平法治思想为指导，扎实推进依法行政。", "市人民政府"),
    ("2017年，在省委的正确领导下，我市上下深入贯彻落实党的十九大精神。", "市人民政府"),
    ("2023年是法治政府建设重点突破年，在市委的正确领导下，县政府坚持以习近平法治思想为指导。", "县人民政府"),
    ("2019年是新中国成立70周年，也是决胜之年，县政府坚持依法行政。", None),  # 也是: a second description, no speaker read
    ("2022年，在市委的坚强领导下，全县法治政府建设工作以习近平法治思想为指引，取得新成效。", "县人民政府"),
    ("2023年，全省法治政府建设工作坚持以习近平新时代中国特色社会主义思想为指导。", "省人民政府"),
    ("2023年，全县法治建设工作坚持以习近平法治思想为指导。", None),  # 法治建设 is the party's and the government's
    ("年度，我局坚持依法行政。", "我局"),
    ("本年度，区教育局以习近平法治思想为引领，深入推进依法治校。", "区教育局"),  # completed by ``qualify``
])
def test_session_14_openings(opening, want):
    assert issuer.issuer_from_opening(opening) == want


def test_a_joint_titles_government_sits_where_its_committee_does():
    """The title writes the county once, before the party committee (a tuned page, s13-h9)."""
    assert issuer.issuer_from_title("中共桐庐县分水镇委员会 分水镇人民政府关于2023年度法治政府建设情况的报告") == \
        "中共桐庐县分水镇委员会 桐庐县分水镇人民政府"
    assert issuer.issuer_from_title("中共云溪区委云溪区人民政府关于2024年度法治政府建设工作情况的报告") == \
        "中共云溪区委 云溪区人民政府"


@pytest.mark.parametrize("text, want", [
    ("国务院：\n2018年，全省深入推进依法行政，落实《云南省法治政府建设实施方案》。", "云南省人民政府"),
    ("党中央、国务院：\n2018年，省政府坚持依法行政，落实《广西壮族自治区法治政府建设实施方案》。", "广西壮族自治区人民政府"),
    # a ministry reports to 国务院 too, and may name one province: no 全省, no province's body
    ("国务院：\n2018年，我部坚持依法行政，在浙江开展试点。", None),
    ("2018年，全省深入推进依法行政，落实《云南省法治政府建设实施方案》。", None),  # no addressee
])
def test_a_report_sent_to_the_state_council(text, want):
    assert issuer.issuer_from_addressee(text) == want


def test_a_report_to_the_state_council_naming_no_one_province_gets_no_district():
    """Two provinces named and a district's document cited: no province, and never that district."""
    text = "国务院：\n2018年，全省坚持依法行政，与云南、贵州开展协作，推广《云溪区执法规范》。"
    assert issuer.issuer_from_addressee(text) is None
