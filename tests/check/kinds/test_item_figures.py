"""item_figures kind (item-unquantified): a numbered measure item with no figure at all."""
from __future__ import annotations

from tests.reportkit import findings, report

RULE = "item-unquantified"


def test_item_without_figure_fires_with_heading_excerpt(national):
    measures = ("（一）规范执法。全面落实行政执法三项制度，推行7×24小时网上办理。\n"
                "（二）政务服务。全年通过“一网通办”办理事项4万余件。")
    got = findings(report(measures=measures), national, RULE)
    assert len(got) == 1 and got[0].excerpt.startswith("（一）规范执法")


def test_title_year_range_and_ordinal_are_not_figures(national):
    measures = "（一）加强领导。区委第三次会议研究贯彻《三年行动计划（2023—2025年）》。"
    assert len(findings(report(measures=measures), national, RULE)) == 1


def test_only_the_highest_empty_item_is_reported(national):
    measures = ("（一）加强领导\n1.学习贯彻。组织专题学习。\n2.督察考核。开展专项督察。\n"
                "（二）规范执法\n3.培训。培训执法人员815人次。")
    got = findings(report(measures=measures), national, RULE)
    assert [f.excerpt for f in got] == ["（一）加强领导"]


def test_child_labels_are_not_figures(national):
    measures = "（一）加强领导\n1.学习贯彻。组织专题学习。\n2.督察考核。开展专项督察。"
    assert len(findings(report(measures=measures), national, RULE)) == 1


def test_items_with_figures_pass(national):
    measures = "（一）规范执法。培训815人次，优秀率82.4%。\n（二）政务服务。办理事项4万余件。"
    assert findings(report(measures=measures), national, RULE) == []


def test_an_item_that_names_an_award_is_checkable(national):
    # A named award or honour is verifiable evidence, as a figure is.
    for award in ("行政处罚案卷获得全县“十佳行政执法案卷”称号。", "执法队获评省级规范化执法单位。"):
        text = report(measures="（一）规范执法。开展案卷评查，" + award + "\n（二）深化政务服务。全年办理事项4万余件。")
        assert findings(text, national, "item-unquantified") == [], award
    text = report(measures="（一）规范执法。开展案卷评查，提升案卷质量。\n（二）深化政务服务。全年办理事项4万余件。")
    assert len(findings(text, national, "item-unquantified")) == 1


def test_a_title_where_the_text_stops_is_not_judged(national):
    # A page's opening cut right after a heading: nothing of the item is known.
    opening = "江澜区人民政府2024年法治政府建设情况报告\n2024年，我区扎实推进法治政府建设。\n一、主要举措和成效\n"
    for last in ("（二）规范", "（二）完善机制，把法治要求落实到"):
        text = opening + "（一）规范执法。培训执法人员815人次。\n" + last
        assert findings(text, national, RULE) == [], last
    # the same title-only item is reported when the text goes on after it
    text = opening + "（一）规范执法。培训执法人员815人次。\n（二）规范\n（三）政务服务。办理事项4万余件。"
    got = findings(text, national, RULE)
    assert [f.excerpt for f in got] == ["（二）规范"]


def test_an_item_that_names_a_document_one_can_look_up_is_checkable(national):
    # A document cited with its number, or a regulation whose drafting was completed, can be checked.
    # So can a signed article published in a named newspaper.
    for done in ("修订《江澜区行政规范性文件管理规定》（江政发〔2024〕3号）。", "完成《江澜市养犬管理条例》立法，提请审议。",
                 "局党组在江澜日报发表《以法治护航营商环境》署名文章。"):
        text = report(measures="（一）完善制度。" + done + "\n（二）深化政务服务。全年办理事项4万余件。")
        assert findings(text, national, RULE) == [], done
    # a plan merely named is no result: reviewers still ask how much was done
    text = report(measures="（一）完善制度。研究制定《江澜区法治政府建设实施方案》。\n（二）深化政务服务。全年办理事项4万余件。")
    assert len(findings(text, national, RULE)) == 1
    # nor is a document merely studied (学习《……》), though it has a title
    text = report(measures="（一）加强学习。组织干部学习《习近平法治思想学习纲要》。\n（二）深化政务服务。全年办理事项4万余件。")
    assert len(findings(text, national, RULE)) == 1


def test_an_item_that_states_a_zero_count_of_incidents_is_checkable(national):
    # “未发生一起重大安全事故” states the year's result: zero is a count one can check.
    for zero in ("全年未发生一起重大安全事故。", "全年未发生行政诉讼败诉案件。", "全年未发生一起突发环境事件。"):
        text = report(measures="（一）依法监管。落实执法全过程记录，" + zero + "\n（二）深化政务服务。全年办理事项4万余件。")
        assert findings(text, national, RULE) == [], zero
    # a promise of good conduct is no result
    text = report(measures="（一）依法监管。落实执法全过程记录，未发生违规违法行为。\n（二）深化政务服务。全年办理事项4万余件。")
    assert len(findings(text, national, RULE)) == 1


def test_the_eight_point_rules_are_a_name_not_a_count(national):
    # 中央八项规定 names a rule set: an item whose only number is in that name has no data.
    measures = ("（一）加强党的领导。组织学习党内条例及中央八项规定精神，开展党纪学习教育研讨。\n"
                "（二）政务服务。全年通过“一网通办”办理事项4万余件。")
    got = findings(report(measures=measures), national, RULE)
    assert [f.excerpt[:9] for f in got] == ["（一）加强党的领导"]
