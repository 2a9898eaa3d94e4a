"""checker.parse.shortform.qualify: a short form's place put back from what the text and its page write
(a local document it cites, a new area it names)."""
from __future__ import annotations

import pytest

from checker.parse.shortform import qualify


@pytest.mark.parametrize("name, text, expected", [
    # 市场 after the city is a word, not a second city
    ("市文化和旅游局", "制定《云溪市文化市场综合执法工作规程》，规范执法流程。", "云溪市文化和旅游局"),
    ("市市场监管局", "贯彻《云溪市电梯安全管理规定》。", "云溪市市场监管局"),
    # a district inside the city the document names
    ("区司法局", "落实《云溪市青山区行政执法公示办法》。", "青山区司法局"),
    # a city inside the province the document names
    ("市司法局", "执行《江南省云溪市法律援助条例》。", "云溪市司法局"),
])
def test_place_from_cited_document(name, text, expected):
    assert qualify(name, text) == expected


@pytest.mark.parametrize("text, want", [
    ("印发《东港新区2025年法治政府建设工作要点》，按照中央、省市新区的部署推进。", "东港新区司法局"),
    ("大连市东港新区社会治安中心投入运行。", "东港新区司法局"),
    # two new areas, or only a list of levels: no place to put back
    ("东港新区与西港新区签订协议。", None),
    ("按照中央、省市新区关于法治政府建设的部署，以法治保障新区高质量发展。", None),
])
def test_a_new_areas_bureau_completed_by_the_one_new_area_named(text, want):
    assert qualify("新区司法局", text) == want


@pytest.mark.parametrize("bracket", ["〈", "<"])
def test_wo_ting_named_by_a_title_cited_inside_another(bracket):
    """我厅 completed by the one 厅 whose own rules the text cites, nested in a notice's title."""
    close = {"〈": "〉", "<": ">"}[bracket]
    text = f"2017年，我厅依法履职。印发《关于印发{bracket}江南省生态环境厅执法决定法制审核规定{close}的通知》。"
    assert qualify("我厅", text) == "江南省生态环境厅"


def test_a_banner_that_calls_itself_wo_qi():
    """我旗: a banner (Inner Mongolia's county) completed from the documents it cites."""
    assert qualify("旗人民政府", "印发《乌审旗领导干部应知应会法律法规清单》。") == "乌审旗人民政府"


@pytest.mark.parametrize("text, want", [
    # a city's own slogan before the one county-level city it names (a city reports on its counties)
    ("以贯彻实施法治湛江建设规划为抓手。吴川市推进执法规范化。", "湛江市人民政府"),
    # a place standing before the same body still comes first
    ("成立吴川市人民政府法治建设领导小组。推进法治湛江建设。", "吴川市人民政府"),
    ("吴川市推进执法规范化。", "吴川市人民政府"),
])
def test_a_citys_slogan_before_the_one_city_named(text, want):
    assert qualify("市人民政府", text) == want


@pytest.mark.parametrize("name, head, want", [
    # session 13: the page's 来源/发布机构 line writes the place of the short form's level
    ("市人社局", "市人社局2023年度法治政府建设工作报告\n来源：杭州市人力资源和社会保障局", "杭州市人社局"),
    ("县人民政府", "2023年度法治政府建设情况报告\n来源：桐庐县司法局  发布时间：2024-03-20", "桐庐县人民政府"),
    # the line names no place of that level, or two: none
    ("市人社局", "市人社局2023年度法治政府建设工作报告\n来源：桐庐县司法局", None),
    ("县人民政府", "报告\n来源：桐庐县司法局\n发布机构：淳安县司法局", None),
])
def test_a_short_form_completed_by_the_pages_source_line(name, head, want):
    assert qualify(name, "2023年，坚持依法行政。", head) == want


@pytest.mark.parametrize("text, want", [
    # session 13: a city's zone written without its city, completed as a 市 short form's place is
    ("2022年，高新区坚持依法行政，推进法治珠海建设。", "珠海高新区管理委员会"),
    ("2022年，高新区坚持依法行政。", "高新区管理委员会"),  # no city named: as written
    ("2022年，高新区与中山市、江门市开展执法协作。", "高新区管理委员会"),  # two: as written
])
def test_a_zone_written_without_its_city(text, want):
    assert qualify("高新区管理委员会", text) == want


def test_a_party_groups_line_gives_the_department_its_place():
    """中共青岛市交通运输局党组 above the title: the place is 青岛, not 中共青岛."""
    assert qualify("市交通运输局", "2022年，坚持依法行政。", "中共青岛市交通运输局党组\n2022年度法治政府建设报告") == "青岛市交通运输局"


@pytest.mark.parametrize("text, want", [
    # session 13 (two held-out pages): a province told by its one-character name where a visit to it is told
    ("2022年，省政府贯彻落实习近平总书记来陕考察重要讲话重要指示。", "陕西省人民政府"),
    ("2022年，省政府坚持依法行政。", None),
    ("2022年，省政府贯彻总书记来陕考察和到黔视察精神。", None),  # two provinces
])
def test_a_province_by_its_one_character_name(text, want):
    assert qualify("省人民政府", text) == want


@pytest.mark.parametrize("head, want", [
    # session 13 (a held-out page): the site's banner names the district inside its city
    ("重庆市江津区人民政府\nwww.jiangjin.gov.cn", "江津区人民政府"),
    ("重庆市人民政府", None),  # no district in the banner
])
def test_a_district_from_the_sites_banner_above(head, want):
    assert qualify("区人民政府", "2022年，我区坚持依法行政。", head) == want


@pytest.mark.parametrize("name", ["镇海区农业农村局", "镇江市人民政府", "乡城县人民政府", "市南区人民政府", "市中区司法局"])
def test_a_place_whose_name_starts_with_a_level_is_no_short_form(name):
    """镇海区 is a district, not 镇 + 海区; 市南区 is Qingdao's district, not 市 + 南区: nothing is put before it."""
    assert qualify(name, "2023年，东庄镇组织执法培训3期。青岛市推进依法行政。") == name


def test_a_banner_that_writes_the_place_before_the_short_form():
    assert qualify("区司法局", "2023年，区司法局坚持依法行政。", "重庆市合川区区司法局\n") == "重庆市合川区司法局"


def test_a_cited_phrase_is_no_place():
    """《全面依法治区重点工作指引》: 全面依法治 is no district's name."""
    assert qualify("区人民政府", "印发《全面依法治区重点工作指引》。") is None


def test_a_columns_phrase_above_the_text_is_no_place():
    """全面依法治省, a column's name on a line above the report (session 16): no province's name."""
    assert qualify("省人民政府", "2019年，我省坚持依法行政。", "专题专栏\n全面依法治省\n") is None
