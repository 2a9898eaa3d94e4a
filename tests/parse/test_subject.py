"""The last-resort issuer: the one full name a report's text points at, with leaders, guides,
raters, addressees and quoted authors set aside.  Synthetic texts (ours), including the ones
that must stay empty: a wrong issuer is worse than none."""
from __future__ import annotations

import pytest

from checker.parse.subject import issuer_from_own_short_form, issuer_from_subject
from checker.run.pipeline import check_text

MEASURES = "一、主要举措和成效\n（一）健全制度。全年审核规范性文件12件，开展执法培训3期。\n"


def subject(opening: str, rest: str = "") -> str | None:
    return issuer_from_subject(opening + "\n" + MEASURES + rest, opening)


@pytest.mark.parametrize("opening, rest, want", [
    # set off by commas before what it does
    ("2023年，在市委、市政府的坚强领导下，乐山市水利局，以依法行政为目标，扎实推进法治建设。", "", "乐山市水利局"),
    # a second guiding body without its own 在
    ("2022年，在市委、市政府的领导下，省水利厅的精心指导下，白山市水利局全面落实法治建设要求。", "", "白山市水利局"),
    # named only in the plan it says it made; the text calls it by its short form
    ("", "制定出台《东湖区水利局2022年法治工作要点》，明确区水利局年度重点任务8项。", "东湖区水利局"),
    # a year before the plan's name, the body calling itself 我局
    ("按照有关要求，现将我局法治政府建设情况报告如下：", "研究制定了《2023年度南江县应急管理局学法计划》。", "南江县应急管理局"),
    # 我局 and the one 局 the text names (its leader's and its raters' names set aside)
    ("2023年，在南山市司法局的指导下，我局坚持依法行政。", "南江县林业局成立法治建设领导小组，我局全年培训4次。", "南江县林业局"),
    # a government's report: 我县 and the county's government named once
    ("2023年，我县坚持依法行政。", "桐庐县人民政府常务会议学法4次。", "桐庐县人民政府"),
    # a banner's government: 我旗 and the banner's government named once
    ("2023年，我旗坚持依法行政。", "杭锦旗人民政府常务会议学法4次。", "杭锦旗人民政府"),
    # no subject at all; the government calls itself 市政府 and names itself in the list of major
    # decisions it drew up
    ("按照有关要求，现将2025年度法治政府建设情况报告如下。",
     "市政府常务会议学法6次。编制《乐山市人民政府2025年度重大行政决策事项目录》，纳入事项5项。", "乐山市人民政府"),
])
def test_the_one_body_the_text_points_at(opening, rest, want):
    assert subject(opening, rest) == want


@pytest.mark.parametrize("opening, rest", [
    # only a guide, a leader, a rater, an asker
    ("2023年，在南山市司法局的指导下，我局坚持依法行政。", ""),
    ("2023年，我局按照南山市水利局的部署，坚持依法行政。", ""),
    ("2023年，我局坚持依法行政。", "我局被南山市水利局评为先进单位。"),
    # an addressee line
    ("南山县人民政府：\n2023年，我局坚持依法行政。", ""),
    # the author of a document quoted, which the body only carried out
    ("2023年，我局贯彻落实《南山市水利局关于加强执法监督的通知》，坚持依法行政。", ""),
    # another body's plan: the text never calls itself by that body's short form
    ("2023年，我委坚持依法行政。", "学习《南山市水利局2023年法治工作要点》。"),
    # two bodies the text points at
    ("2023年，南山县水利局坚持依法行政。", "南山县林业局开展执法培训3期。"),
    # the text calls itself 我县, the only name is a department's
    ("2023年，我县坚持依法行政。", "北河县司法局牵头审核文件。"),
    ("2023年，我旗坚持依法行政。", "杭锦旗司法局牵头审核文件。"),
    # a verb before a short form is not a place (通过召开区人民政府常务会议)
    ("2023年，通过召开区人民政府常务会议研究法治议题4次。", ""),
    # named once outside the opening, and the text says nothing of itself
    ("2023年，全县坚持依法行政。", "北河县司法局开展执法培训3期。"),
    # a party committee is not the reporting body here
    ("2023年，北河县委坚持依法执政。", ""),
])
def test_stays_empty(opening, rest):
    assert subject(opening, rest) is None


@pytest.mark.parametrize("rest, want", [
    # a verb glued to a level-only short form reads once as a place chain (公布 + 区人社局)
    ("推进联合监管，公布区人社局随机抽查事项清单。", None),
    # a place the list of divisions lacks (a district too new for it, or one of ours) that the text
    # writes again is taken
    ("云岭区人社局成立法治建设领导小组。云岭区人社局全年培训4次。", "云岭区人社局"),
    # a real county named once is taken
    ("桐庐县人社局成立法治建设领导小组。", "桐庐县人社局"),
])
def test_a_place_named_once_must_be_a_real_one(rest, want):
    assert subject("2023年，我局坚持依法行政。", rest) == want


def test_the_metadata_uses_it_last(national):
    """No title, an opening that says only 我局 and cites no document of its own: the body the
    text names where it says what it did."""
    text = ("2023年，我局在县委、县政府的领导下，坚持依法行政，全面推进法治建设。现将有关情况报告如下：\n"
            "一、主要举措和成效\n（一）健全制度。青田县水利局成立法治建设领导小组，我局全年审核规范性文件12件。\n")
    assert check_text(text, national, "page.txt").metadata["issuer"] == "青田县水利局"


def test_the_opening_still_comes_first(national):
    text = ("2023年，青山县林业局坚持依法行政，全面推进法治建设。现将有关情况报告如下：\n"
            "一、主要举措和成效\n（一）健全制度。青山县水利局配合开展执法检查3次。\n")
    assert check_text(text, national, "page.txt").metadata["issuer"] == "青山县林业局"


@pytest.mark.parametrize("text, want", [
    # session 13 (a held-out page): 我局, its own short form once, its place from the documents it cites
    ("2024年，我局坚持依法行政。区司法局党委书记、局长带头学法。印发《荣昌区法治政府建设实施方案》。", "荣昌区司法局"),
    # the short form of another kind, or of someone else (配合), or two of them, or no place: none
    ("2024年，我局坚持依法行政。区政府常务会议学法4次。印发《荣昌区法治政府建设实施方案》。", None),
    ("2024年，我局坚持依法行政。配合区公安局开展执法。印发《荣昌区法治政府建设实施方案》。", None),
    ("2024年，我局坚持依法行政。区司法局、区公安局联合执法。印发《荣昌区法治政府建设实施方案》。", None),
    ("2024年，我局坚持依法行政。区司法局党委书记带头学法。", None),
])
def test_a_department_named_only_by_its_short_form(text, want):
    assert issuer_from_own_short_form(text) == want
