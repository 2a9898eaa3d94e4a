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
