"""Title, issuer, dates and year read from reports as they are found on government sites:
titles with a date or a site suffix or over two lines, every date layout, page-header clocks,
the issuer from the opening, the signature or the source line.  Synthetic reports (ours)."""
from __future__ import annotations

import pytest

from checker.parse import metadata as meta
from checker.parse.issuer import title_name
from checker.run.pipeline import check_text

BODY = "\n".join([
    "2024年，云溪区坚持以习近平法治思想为指导，全面推进法治政府建设。现将有关情况报告如下：",
    "一、2024年主要举措和成效",
    "全年审核规范性文件37件，开展执法培训6期。",
    "二、存在的不足和原因",
    "执法规范化水平不高，主要是培训不足。",
    "三、党政主要负责人履行推进法治建设第一责任人职责情况",
    "区长主持召开常务会议研究法治议题4次。",
    "四、2025年工作安排",
    "6月底前出台行政执法监督办法。",
])
# the report's parts without its opening sentence, for tests that give their own opening
PARTS = BODY.split("\n", 1)[1]
TITLE = "云溪区人民政府2024年法治政府建设情况报告"


def metadata(text: str, national) -> dict:
    return check_text(text, national, "page.txt").metadata


def rules(text: str, national) -> set[str]:
    return {f.rule for f in check_text(text, national, "page.txt").findings}


@pytest.mark.parametrize("line", [
    TITLE + " 2025-02-24",
    TITLE + "（2025-02-24）",
    TITLE + "-云溪区门户网站",
    TITLE + "_政务公开_云溪区人民政府",
    "[权威发布]" + TITLE,
    # round 9: a catalogue's 标题 entry with the document number before the title; the issuer's
    # name repeated between the title and the date
    "- 标题: [云政发〔2025〕7号]" + TITLE,
    "[云政发〔2025〕7号]" + TITLE,
    TITLE + " 云溪区人民政府 2025-02-24",
    # round 16: the document number a page sets after the title
    TITLE + "(云政发〔2025〕7号)",
    # session 9: a note after the title, the title in quotation or title marks, letter spacing
    # from a PDF, a year spaced out
    TITLE + "（全文）",
    "《" + TITLE + "》",
    "“" + TITLE + "”",
    " ".join(TITLE),
    TITLE.replace("2024", "2 0 2 4"),
    # after round 18: a catalogue's 标题 run into the title, its 内容概述 field
    "标题" + TITLE,
    "  • 内容概述: " + TITLE,
    # session 10: other catalogues' names for the field, with a colon or as a table's cell
    "信息名称：" + TITLE,
    "文件名称: " + TITLE,
    "题名：" + TITLE,
    "主题：" + TITLE,
    "标题名称：" + TITLE,
    "| 信息名称 | " + TITLE + " |",
    # session 16: the label's letter-spacing lost to question marks, a label that lost its 标
    "标????????题 | " + TITLE + " | ||",
    "  • 题: " + TITLE,
    # session 17 (a held-out page): the catalogue's 信息名称 set off by a space alone
    "信息名称 " + TITLE,
    # the page's widgets and labels after the title, a symbol before it
    TITLE + "【字体：大 中 小】",
    TITLE + " 浏览次数：123",
    TITLE + " 打印 关闭",
    TITLE + " 分享到：",
    TITLE + " 作者：区司法局 来源：区司法局",
    "★ " + TITLE,
    # session 13 (a held-out page): the site's name and its column before the title on one line
    "云溪区人民政府 通知公告 " + TITLE,
    # session 13: the report as a linked file (its type, its size)
    TITLE + ".pdf",
    TITLE + ".docx (356KB)",
    "附件：" + TITLE + ".PDF",
    TITLE + "（PDF版）",
])
def test_title_survives_dates_suffixes_and_decorations(line, national):
    got = metadata(line + "\n" + BODY, national)
    assert got["title"] == TITLE and got["issuer"] == "云溪区人民政府"
    assert "title-format" not in rules(line + "\n" + BODY, national)


def test_title_over_two_lines(national):
    text = "云溪区人民政府关于2024年法治政府\n建设情况的报告\n" + BODY
    got = metadata(text, national)
    assert got["title"] == "云溪区人民政府关于2024年法治政府建设情况的报告"
    assert "title-format" not in rules(text, national)


def test_date_appended_to_the_title_is_the_publication_date(national):
    assert metadata(TITLE + " 2025-02-24\n" + BODY, national)["published"] == "2025-02-24"


@pytest.mark.parametrize("line, expected", [
    ("2025.02.25", "2025-02-25"),
    ("[2025-02-25]", "2025-02-25"),  # session 9: a date alone in brackets
    ("【2025-02-25】", "2025-02-25"),
    ("2025年03月30日 09时24分", "2025-03-30"),
    ("日期 : 2025-01-15  文章来源 : 区司法局  字号 : [ 大 中 小 ]", "2025-01-15"),
    ("来源:云溪日报 2025-03-16 08:15", "2025-03-16"),
    ("索引号 | 发布机构 | 区政府 | |", None),
    ("公开类别 | 主动公开 | 发布时间 | 2025-02-27 |", "2025-02-27"),
    ("发布时间 2025年02月05日", "2025-02-05"),
    ("更新时间:2025/03/29 11:30:01", "2025-03-29"),
    # the date heading its source line (round 4)
    ("2025-03-31 17:05:00 来源: 云中市司法局 打印", "2025-03-31"),
    ("2025-03-20 17:01  |  云中市水务局", "2025-03-20"),
    # round 8: a bulleted catalogue item, the site's name after the date, who posted it before the date,
    # the occasion line of a report made to a congress
    ("  • 2025-03-20", "2025-03-20"),
    ("2025-03-20 10:14 云中省人民政府网", "2025-03-20"),
    ("政策法规科 2025-03-20", "2025-03-20"),
    # session 13 (a held-out page): the site's name before the date, its source label after
    ("云溪区人民政府门户网站      2025-03-20 17:20:32  来源: 本网", "2025-03-20"),
    ("2025年3月17日在云溪区第十六届人民代表大会常务委员会第二十四次会议上", "2025-03-17"),
    ("——2025年3月17日在云溪区人民代表大会常务委员会会议上", "2025-03-17"),
    # session 14: the occasion line in brackets; a law database's 公布日期
    ("（2025年4月29日在云中市第十四届人民代表大会常务委员会第十七次会议上）", "2025-04-29"),
    ("•【公布日期】2025.03.18", "2025-03-18"),
    # round 9: a catalogue's labels or values in brackets, in a table row or not
    ("发布日期:[2025-02-05]", "2025-02-05"),
    ("发布日期(2025-02-05)", "2025-02-05"),  # session 16: the date in round brackets after its label
    ("| [ 成文日期 ] | 2025-01-30 | [ 发布日期 ] | 2025-02-25 |", "2025-02-25"),
    ("[ 成文日期 ] 2025-01-22 [ 发布日期 ] 2025-02-10", "2025-02-10"),
    ("【发布时间】2025-02-12", "2025-02-12"),
    # not dates of the page: a date followed by a sentence, a name and date with more words after
    ("2025-03-20 10:14 全区召开法治政府建设推进会", None),
    ("云溪区人民政府 2019年12月3日星期二", None),
    ("2025年3月17日在全区大会上强调的各项任务要逐项落实", None),
])
def test_date_layouts(line, expected, national):
    assert metadata(TITLE + "\n" + line + "\n" + BODY, national)["published"] == expected


@pytest.mark.parametrize("banner", ["今天是:2019年10月31日 星期四 农历十月初三", "云溪区人民政府 2019年12月3日星期二"])
def test_page_header_clocks_are_refused(banner, national):
    assert metadata(banner + "\n" + TITLE + "\n" + BODY, national)["published"] is None
    text = banner + "\n" + TITLE + "\n发布时间：2025-03-20\n" + BODY
    assert metadata(text, national)["published"] == "2025-03-20"


@pytest.mark.parametrize("opening, issuer", [
    ("2024年，云溪区坚持以习近平法治思想为指导，扎实推进各项工作。", "云溪区人民政府"),
    ("2024年，云溪区政府坚持依法行政，扎实推进各项工作。", "云溪区人民政府"),  # the short form written out (session 13)
    ("2024年，在区委、区政府的坚强领导下，云溪区城市管理局坚持依法行政。", "云溪区城市管理局"),
    ("2024年，在市委、市政府正确领导下，在省厅指导下，云中市交通运输局认真履行职责。", "云中市交通运输局"),
    ("2024年，云中市委、市政府坚持以习近平法治思想为指导。", "中共云中市委 云中市人民政府"),
    ("2024年，原云中市环境保护局深入推进依法行政。", "云中市环境保护局"),
    ("2024年，市交通运输局在市委市政府的坚强领导下，深入推进依法行政，《云中市道路运输条例》施行。",
     "云中市交通运输局"),
    ("2024年，我局坚持依法行政。", None),
    ("2024年，xx市人民政府坚持以习近平法治思想为指导。", "xx市人民政府"),  # a template's placeholder
    ("2024年，××县人民政府坚持依法行政。", "××县人民政府"),
    # round 9: the place's work as the subject; other names in brackets after the subject
    ("2024年，云溪区法治政府建设各项工作坚持以习近平法治思想为指导。", "云溪区人民政府"),
    ("2024年，云溪区数据局（云溪区营商环境建设局、云溪区行政审批局）在区委、区政府的坚强领导下，深入推进依法行政。",
     "云溪区数据局"),
])
def test_issuer_from_the_opening_sentence(opening, issuer, national):
    text = opening + "\n" + PARTS
    assert metadata(text, national)["issuer"] == issuer


def test_issuer_from_the_signature_block(national):
    text = "2024年，我局坚持依法行政。\n" + PARTS + "\n\n云溪区司法局\n2025年3月20日"
    assert metadata(text, national)["issuer"] == "云溪区司法局"


def test_issuer_from_the_source_line(national):
    text = "来源：云溪区司法局  发布时间：2025-03-20\n2024年，我局坚持依法行政。\n" + PARTS
    got = metadata(text, national)
    assert got["issuer"] == "云溪区司法局" and got["published"] == "2025-03-20"


def test_joint_issuer_is_kept_whole(national):
    text = "中共云溪区委云溪区人民政府关于2024年法治政府建设情况的报告\n" + BODY
    assert metadata(text, national)["issuer"] == "中共云溪区委 云溪区人民政府"


def test_year_from_title_then_opening_then_measures_never_the_plan(national):
    """A wrong plan heading is flagged against the year, not used to set it."""
    text = "2024年，云溪区坚持依法行政。现将我区2024年工作情况报告如下：\n" + "\n".join(
        BODY.split("\n")[1:7]) + "\n四、2026年工作安排\n6月底前出台行政执法监督办法。"
    result = check_text(text, national, "r.txt")
    assert result.metadata["year"] == 2024
    assert any(f.rule == "year-mismatch" and "下一年度" in f.message for f in result.findings)


def test_the_plan_heading_never_sets_the_year():
    assert meta.vote_year({"opening": 2024, "plan": 2030}) == 2024
    assert meta.vote_year({"plan": 2024}) is None


@pytest.mark.parametrize("head, title, issuer", [
    # a department's 法治政府部门建设 report, its name on the line above the year
    ("云溪区交通运输局\n2024年法治政府部门建设工作情况", "云溪区交通运输局2024年法治政府部门建设工作情况", "云溪区交通运输局"),
    # the body's name above a title that starts with 关于 (no year in the title)
    ("云溪区金桥乡人民政府\n关于法治政府建设的情况报告", "云溪区金桥乡人民政府关于法治政府建设的情况报告",
     "云溪区金桥乡人民政府"),
])
def test_title_whose_body_name_is_on_the_line_above(head, title, issuer, national):
    got = metadata(head + "\n" + BODY, national)
    assert got["title"] == title and got["issuer"] == issuer


def test_catalogue_table_rows_with_spaced_labels_are_furniture(national):
    """索 引 号 | … | 发布日期: | 2025-02-14 |: the table above the report dates it."""
    text = ("索 引 号: | 0001/2025-0000012 | 公开目录: | 法治政府建设 |\n"
            "成文日期: | 2025-02-14 | 发布日期: | 2025-02-14 |\n发布机构: | 云溪区金桥街道 |\n"
            + BODY.replace("2024年，云溪区坚持", "2024年，金桥街道在区委、区政府的坚强领导下，紧密围绕"))
    got = metadata(text, national)
    assert got["published"] == "2025-02-14" and got["issuer"] == "金桥街道办事处"


@pytest.mark.parametrize("catalogue, page, published", [
    # the catalogue dates the document, the page's own 时间 line dates the publication
    ("公文生成日期:2025-02-13", "时间:2025-02-14 09:36", "2025-02-14"),
    ("成文日期：2025-02-13", "日期：2025-02-14", "2025-02-14"),
    ("发文日期 | 2025-02-13 |", "时间 | 2025-02-14 |", "2025-02-14"),
    # no date of the page's own: the catalogue's is all there is, and still read
    ("公文生成日期:2025-02-13", "", "2025-02-13"),
    ("成文日期：2025-02-13", "浏览次数：12", "2025-02-13"),
])
def test_the_pages_own_date_wins_over_the_catalogues_document_date(catalogue, page, published, national):
    text = ("索 引 号:0001-2025-00011\n发布机构:区人民政府办公室\n" + catalogue + "\n" + TITLE + "\n"
            + (page + "\n" if page else "") + BODY)
    assert metadata(text, national)["published"] == published


@pytest.mark.parametrize("opening, issuer", [
    ("2024年，在省委、省政府坚强领导我厅坚持依法行政。", None),        # 领导(下) left out: no name
    ("2024年，得益于县委、县政府的坚强领导和县委依法治县委员会的指导，我乡积极作为。", None),
    ("2024年，金桥乡法治政府建设工作在县委、县政府的正确领导下，认真落实各项部署。", "金桥乡人民政府"),
])
def test_a_phrase_before_the_verb_is_not_a_name(opening, issuer, national):
    text = opening + "\n" + PARTS
    assert metadata(text, national)["issuer"] == issuer


def _opening_and_cited(opening: str, cited: str) -> str:
    """The sample body with ``opening`` as its first line and ``cited`` after its second part's lines."""
    lines = BODY.split("\n")
    return opening + "\n" + "\n".join(lines[1:3]) + cited + "\n" + "\n".join(lines[3:])


@pytest.mark.parametrize("opening, cited, issuer", [
    # pinyin a learners' site puts after characters
    ("2024年，应(yīng)急管理部坚持依法行政。", "", "应急管理部"),
    # the body named only where the report is announced
    ("根据《关于做好年度报告工作的通知》要求，现将云中市农业农村局2024年法治政府建设情况报告如下：", "",
     "云中市农业农村局"),
    # 我区 in the opening, the autonomous region named elsewhere in the text
    ("2024年，我区坚持依法行政。", "编写《法治宁夏建设发展报告》，自治区人民政府常务会议审议2次。",
     "宁夏回族自治区人民政府"),
    # a 省 department's short form, its province named once in the text
    ("2024年，省农业农村厅坚持依法行政。", "厅主要负责人在《福建日报》发表署名文章。", "福建省农业农村厅"),
    # 我市 with a local regulation cited: the city's government
    ("2024年，我市坚持依法行政。", "出台《云中市电梯安全管理规定》。", "云中市人民政府"),
    # all the region's governments speaking, the region named with pinyin inside it (内(nèi)蒙古)
    ("2024年，全区各级人民政府坚持依法行政。", "自治区人民政府落实内(nèi)蒙古自治区实施方案。", "内蒙古自治区人民政府"),
    # all the city's administrative organs speaking: the city's government, its place from a cited regulation
    ("2024年，全市各级行政机关坚持依法行政。", "出台《云中市电梯安全管理规定》。", "云中市人民政府"),
    ("2024年，我省各级行政机关坚持依法行政。", "厅主要负责人在《福建日报》发表署名文章。", "福建省人民政府"),
    # a municipality names no province: 视察上海 in the text is the city's own name
    ("2024年，在市委坚强领导下，全市各级行政机关坚持依法行政。", "深入学习贯彻总书记视察上海重要讲话精神。",
     "上海市人民政府"),
    ("2024年，市政府坚持依法行政。", "深入学习贯彻总书记视察天津重要讲话精神。", "天津市人民政府"),
])
def test_issuer_from_the_opening_completed_by_the_text(opening, cited, issuer, national):
    assert metadata(_opening_and_cited(opening, cited), national)["issuer"] == issuer


@pytest.mark.parametrize("opening, cited", [
    ("2024年，省农业农村厅坚持依法行政。", "与浙江、江西两省签订执法协作协议。"),  # two provinces: which one?
    ("2024年，我区坚持依法行政。", "全区审核文件37件。"),  # no place named at all
    ("2024年，我区坚持依法行政。", "自治区人民政府常务会议审议2次。"),  # 自治区 but no region named
    ("2024年，全市各级行政机关坚持依法行政。", "全市审核文件37件。"),  # no place named at all
    # a municipality named beside a province: a province's city that names a partner municipality
    ("2024年，全市各级行政机关坚持依法行政。", "与上海签订合作协议，落实四川省实施方案。"),
    ("2024年，全市各级行政机关坚持依法行政。", "与北京、天津签订合作协议。"),  # two municipalities
    ("2024年，全区各级行政机关坚持依法行政。", "深入学习贯彻总书记视察上海重要讲话精神。"),  # which district?
    ("2024年，市司法局坚持依法行政。", "与上海签订合作协议，服务广东发展。"),
])
def test_issuer_left_empty_when_the_text_does_not_say_which_place(opening, cited, national):
    assert_no_place_guessed(metadata(_opening_and_cited(opening, cited), national)["issuer"], opening)


def assert_no_place_guessed(issuer: str | None, opening: str) -> None:
    """No place put in: no issuer, or (session 14) a department's short form exactly as the
    opening writes it (市司法局), which a reader takes too; never a government by its level alone."""
    assert issuer is None or (issuer in opening and issuer[0] in "省市区县" and not issuer.endswith("政府")), issuer


def test_a_breadcrumb_is_not_the_title(national):
    text = "首页 > 政务公开 > 年度法治政府建设情况报告\n" + TITLE + "\n" + BODY
    got = metadata(text, national)
    assert got["title"] == TITLE and got["issuer"] == "云溪区人民政府"
    assert not meta.is_title_line("首页 > 政务公开 > 年度法治政府建设情况报告")


def test_a_one_step_breadcrumb_is_not_the_title(national):
    text = "政府信息公开 > 法治政府建设年度报告\n" + TITLE + "\n" + BODY
    got = metadata(text, national)
    assert got["title"] == TITLE and got["issuer"] == "云溪区人民政府"
    assert not meta.is_title_line("政府信息公开 > 法治政府建设年度报告")


@pytest.mark.parametrize("opening, cited, issuer", [
    # 市政府, the standard short form, with the city only inside quotation marks
    ("2024年，市政府坚持依法行政。", "推出“云中市公共法律服务地图”。", "云中市人民政府"),
    # a 县 department with its county only in a nested document title 〈…〉
    ("2024年，县教育局坚持依法行政。", "落实《关于印发〈云中县2024年法治政府建设工作要点〉的通知》。", "云中县教育局"),
])
def test_issuer_completed_by_a_place_in_quotes(opening, cited, issuer, national):
    assert metadata(_opening_and_cited(opening, cited), national)["issuer"] == issuer


@pytest.mark.parametrize("cited", [
    "推进“智慧城市”建设。",  # 城市 is a word, not a city
    "推进“示范区”创建。",  # a 区 in a slogan: quotes never complete 区
])
def test_a_slogan_in_quotes_names_no_place(cited, national):
    assert metadata(_opening_and_cited("2024年，市政府坚持依法行政。", cited), national)["issuer"] is None


def test_a_short_form_completed_by_the_place_in_the_title_block(national):
    # the page's own heading is taken for the title; the document title, split over two lines,
    # names the province the opening leaves out
    head = "2024年度法治政府建设报告\n\n发布时间:2025-02-28 15:15\n\n云南省交通运输厅关于2024年度\n\n法治建设情况的报告\n\n"
    text = head + "2024年，省交通运输厅坚持依法行政，全面推进法治政府建设。\n" + "\n".join(BODY.split("\n")[1:])
    assert metadata(text, national)["issuer"] == "云南省交通运输厅"
    city = "2024年度法治政府建设报告\n\n云中市司法局关于2024年度\n\n法治建设情况的报告\n\n"
    text = city + "2024年，市司法局坚持依法行政，全面推进法治政府建设。\n" + "\n".join(BODY.split("\n")[1:])
    assert metadata(text, national)["issuer"] == "云中市司法局"


@pytest.mark.parametrize("opening, cited, issuer", [
    # a district department, its district cited under the city's name in a nested title
    ("2024年，区教育局坚持依法行政。", "落实《关于印发〈云中市云溪区2024年法治政府建设工作要点〉的通知》。", "云溪区教育局"),
    # 我厅, its own full name heading the rules it revised
    ("2024年，我厅坚持依法行政。", "修订《云南省生态环境厅行政规范性文件管理办法》。", "云南省生态环境厅"),
    # 我委 likewise
    ("2024年，我委坚持依法行政。", "修订《云中市发展和改革委员会重大行政决策程序规定》。", "云中市发展和改革委员会"),
])
def test_issuer_completed_by_a_cited_document_title(opening, cited, issuer, national):
    assert metadata(_opening_and_cited(opening, cited), national)["issuer"] == issuer


@pytest.mark.parametrize("cited", [
    "落实《云南省生态环境厅规定》和《云南省交通运输厅规定》。",  # two bureaus cited: which one speaks?
    "落实《云南省生态环境保护条例》。",  # no 厅 named
])
def test_wo_ting_left_empty_when_the_text_does_not_say_which_body(cited, national):
    assert metadata(_opening_and_cited("2024年，我厅坚持依法行政。", cited), national)["issuer"] is None


@pytest.mark.parametrize("opening, cited, issuer", [
    # a 街道 in its short form as the opening's subject
    ("2024年，云溪街坚持以习近平法治思想为指导，全面推进依法行政。", "", "云溪街道办事处"),
    # 我镇, and the one town the text names (after a preposition)
    ("2024年，我镇坚持依法行政。", "让法治精神在云岭镇落地生根。", "云岭镇人民政府"),
    # 我乡, the town named after the year
    ("2024年，我乡坚持依法行政。", "2024年云岭乡组织执法培训3期。", "云岭乡人民政府"),
    # 市人社局 announced as published, its city in the body's own address
    ("现将市人社局2024年法治政府建设情况报告予以公开。如有疑问请联系（地址：云中市云溪区建设路18号）。", "",
     "云中市人社局"),
])
def test_issuer_from_short_forms_round_four(opening, cited, issuer, national):
    assert metadata(_opening_and_cited(opening, cited), national)["issuer"] == issuer


@pytest.mark.parametrize("opening, cited", [
    ("2024年，我镇坚持依法行政。", "结合镇情实际，推进乡村振兴，在全镇开展普法。"),  # words, not a town's name
    ("2024年，我镇坚持依法行政。", "与云岭镇、花溪镇签订执法协作协议。"),  # two towns: which one?
    ("2024年，我镇坚持依法行政。", "推动美丽乡村建设，在城镇开展普法。"),  # 乡村, 城镇
    ("2024年，我局坚持依法行政，在云岭镇开展普法。", ""),  # a bureau: a town it names is not itself
])
def test_issuer_left_empty_when_no_one_town_is_named(opening, cited, national):
    assert metadata(_opening_and_cited(opening, cited), national)["issuer"] is None


def test_a_town_report_that_starts_at_its_first_part(national):
    """No opening at all (the page starts at 一、): 我镇 in the body and the one town named."""
    text = ("一、主要举措和成效\n（一）强化组织领导\n我镇把法治建设纳入重要议事日程。\n"
            "1.加强规范性文件管理。2024年云岭镇新制发规范性文件1件。\n二、存在的不足和原因\n培训不足。")
    assert metadata(text, national)["issuer"] == "云岭镇人民政府"


def _page(lines: list[str], head: str) -> str:
    paragraphs = "\n".join(f"<p>{line}</p>" for line in lines)
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n{head}\n</head>\n'
            f'<body><div class="article-content">\n{paragraphs}\n</div></body></html>\n')


UNNAMED = ["2024年，我局坚持依法行政，全面推进法治政府建设。", "一、2024年主要举措和成效", "全年审核执法文书370件。"]
UNNAMED_TOWN = ["2024年，我区坚持依法行政，全面推进法治政府建设。", "一、2024年主要举措和成效", "全年审核规范性文件37件。"]


@pytest.mark.parametrize("lines, head, issuer", [
    # the publisher's meta tag of a government CMS
    (UNNAMED, '<meta name="ContentSource" content="云中市云溪区司法局">\n<title>2024年度法治政府建设工作报告_云溪区司法局</title>',
     "云中市云溪区司法局"),
    # the site's name in the <title> after the report's own title
    (UNNAMED, "<title>2024年度法治政府建设工作报告_云中市司法局网站</title>", "云中市司法局"),
    # a government's site name for a text that calls itself 我区
    (UNNAMED_TOWN, '<meta name="SiteName" content="云中市云溪区人民政府门户网站"><title>2024年度法治政府建设工作报告</title>', "云中市云溪区人民政府"),
    # a government's site for a text that calls itself 我局: the site is not the reporting body
    (UNNAMED, '<meta name="SiteName" content="云中市云溪区人民政府门户网站"><title>2024年度法治政府建设工作报告</title>', None),
    # a site name without a place names no body a reader can identify
    (UNNAMED, '<meta name="SiteName" content="司法局网站"><title>2024年度法治政府建设工作报告</title>', None),
])
def test_issuer_from_a_saved_pages_site_name(lines, head, issuer, national, tmp_path):
    from checker.run.pipeline import check_path

    path = tmp_path / "page.html"
    path.write_text(_page(lines, head), encoding="utf-8")
    assert check_path(str(path), national).metadata["issuer"] == issuer


def test_the_text_wins_over_the_site_name(national, tmp_path):
    from checker.run.pipeline import check_path

    lines = ["2024年，云溪区交通运输局坚持依法行政。"] + UNNAMED[1:]
    path = tmp_path / "page.html"
    path.write_text(_page(lines, '<meta name="SiteName" content="云中市云溪区人民政府门户网站">'), encoding="utf-8")
    assert check_path(str(path), national).metadata["issuer"] == "云溪区交通运输局"


def test_the_publication_date_wins_over_the_catalogue_date(national):
    """A catalogue block's 生成日期 dates the document; the page's 发布日期 below it is the publication."""
    head = "生成日期: 2025-02-22 主题分类: 综合政务\n" + TITLE + "\n发布日期:2025-02-24 09:14 浏览次数:\n"
    assert metadata(head + BODY, national)["published"] == "2025-02-24"


def test_a_date_in_a_sentence_is_not_a_date_line(national):
    line = "2025-03-20 全区法治政府建设推进会"  # a dated heading, not the page's date line
    assert metadata(TITLE + "\n" + line + "\n" + BODY, national)["published"] is None


def test_a_short_title_name_completed_by_the_pages_publisher_line(national):
    """市水务局2025年度……报告 under a date line naming the publisher in full."""
    head = "2025-03-20 17:01  |  云中市水务局\n\n市水务局2024年度法治政府建设情况报告\n"
    assert metadata(head + BODY, national)["issuer"] == "云中市水务局"
    assert metadata("市水务局2024年度法治政府建设情况报告\n" + BODY, national)["issuer"] == "市水务局"


def test_a_name_written_twice_by_a_slip(national):
    text = "2024年，云中市民政局民政局坚持依法行政。\n" + PARTS
    assert metadata(text, national)["issuer"] == "云中市民政局"


def test_a_one_line_announcement_and_a_cited_plan_with_its_year(national):
    """现将我局……总结如下: (short, no full stop) is the opening; 我局 is the bureau heading the
    plans it cites, even with the year first (《2024年度云中县应急管理局学法计划》)."""
    text = ("按照有关要求，现将我局法治政府建设工作开展情况总结如下：\n一、2024年主要举措和成效\n"
            "研究制定了《2024年度云中县应急管理局学法计划》，全年组织学法12次。\n二、存在的不足和原因\n培训不足。")
    assert metadata(text, national)["issuer"] == "云中县应急管理局"


# round 5: from live-extra7's first (held-out) run; each written anew here
@pytest.mark.parametrize("opening, issuer", [
    # the name set off by a comma before its verb
    ("2024年，在市委、市政府的正确领导下，云中市林业和草原局，以全面推进依法行政为目标，切实抓好各项工作。",
     "云中市林业和草原局"),
    # a second guiding body after the first, without its own 在
    ("2024年，在市委、市政府的坚强领导下，省农业农村厅的正确指导下，云中市农业农村局全面贯彻落实各项要求。",
     "云中市农业农村局"),
])
def test_issuer_after_guiding_bodies_and_commas(opening, issuer, national):
    text = opening + "\n" + PARTS
    assert metadata(text, national)["issuer"] == issuer


@pytest.mark.parametrize("opening", [
    # a phrase before the comma is not a name, even one ending in 局
    "2024年，在市委、市政府的正确领导下，按照市司法局，以全面推进依法行政为目标，切实抓好各项工作。",
    # nor is a short form without its place
    "2024年，在市委、市政府的正确领导下，市林业局，以全面推进依法行政为目标，切实抓好各项工作。",
])
def test_a_comma_does_not_make_a_phrase_a_name(opening, national):
    text = opening + "\n" + PARTS
    assert_no_place_guessed(metadata(text, national)["issuer"], opening.split("，", 2)[2])  # not 按照市司法局


def test_a_page_starting_at_its_first_part_named_by_its_own_plan(national):
    """No title, no opening: the body that says it made its own 法治 plan for the report's year."""
    text = ("一、2024年度推进法治政府建设的主要举措和成效\n（一）健全法治工作机制\n"
            "1.加强党对法治建设的领导。制定出台《云溪区农业农村局2024年法治工作要点》，明确了2024年度区农业农村局"
            "法治建设18项重点任务。\n二、存在的不足和原因\n培训不足。")
    assert metadata(text, national)["issuer"] == "云溪区农业农村局"


@pytest.mark.parametrize("cited", [
    "学习了《云溪区农业农村局2024年法治工作要点》。",                              # cited, not made by it
    "制定出台《云溪区农业农村局2023年法治工作要点》。",                            # another year's plan
    "制定出台《云溪区农业农村局2024年法治工作要点》《云溪区司法局2024年法治工作要点》。",  # two bodies
])
def test_an_own_plan_names_the_body_only_when_it_is_clearly_its_own(cited, national):
    text = ("一、2024年度推进法治政府建设的主要举措和成效\n（一）健全法治工作机制\n1.加强党对法治建设的领导。"
            + cited + "\n二、存在的不足和原因\n培训不足。")
    assert metadata(text, national)["issuer"] is None


# round 6, from live-extra8's first (held-out) run

def test_a_street_office_named_above_its_title(national):
    """北京市某区人民政府某街道办事处 / 2020年……报告: the line above is the body, the two lines the title."""
    text = "北京市云溪区人民政府云岭街道办事处\n2024年法治政府建设年度情况报告\n" + BODY
    data = metadata(text, national)
    assert data["title"] == "北京市云溪区人民政府云岭街道办事处2024年法治政府建设年度情况报告"
    assert data["issuer"] == "北京市云溪区人民政府云岭街道办事处"


def test_a_title_broken_after_its_year(national):
    text = "云溪区退役军人事务局2024年度\n法治政府建设工作报告\n" + BODY
    data = metadata(text, national)
    assert data["title"] == "云溪区退役军人事务局2024年度法治政府建设工作报告"
    assert data["issuer"] == "云溪区退役军人事务局"


def test_a_line_ending_with_a_year_above_a_title_that_reads_alone_is_not_joined(national):
    """A date line or a plain year above a full title is not part of it."""
    text = "2025年\n" + TITLE + "\n" + BODY
    assert metadata(text, national)["title"] == TITLE


def test_a_date_line_that_starts_with_the_date_above_the_body(national):
    text = (TITLE + "\n2025年02月28日 17:29    来源:区司法局     点击数:       字号:    \n" + BODY)
    assert metadata(text, national)["published"] == "2025-02-28"


def test_a_markdown_catalogue_table_above_the_body(national):
    """| 索引号 | … | rows and the |---| rule are page furniture; 生成日期 is the page's only date."""
    text = ("| 索引号 | 6207/2025-00002 | 发文字号 | 云林发〔2025〕6号 |\n|---|---|---|---|\n"
            "| 关键词 | 发布机构 | 云溪区林业局 | |\n| 生成日期 | 2025-01-16 18:00:00 | 是否有效 |\n" + BODY)
    data = metadata(text, national)
    assert data["published"] == "2025-01-16"
    assert data["year"] == 2024


@pytest.mark.parametrize("opening, year", [
    ("在2023年工作基础上，我镇稳步推进法治建设。现将我镇2024年法治政府建设情况报告如下。", 2024),
    ("2024年，我镇稳步推进法治建设。现将有关情况报告如下。", 2024),
])
def test_the_opening_year_is_the_one_it_reports_on(opening, year):
    assert meta.opening_year(opening) == year


# round 7: a year the text looks back on is not its own; the first part's year when nothing above names one
@pytest.mark.parametrize("opening, year", [
    ("在2023年工作基础上，我镇稳步推进法治建设，各项工作取得新进展。", None),
    ("较2023年，行政复议案件下降12%，我局坚持依法行政。", None),
    ("与2022年相比，我局办理案件增加，2023年我局坚持依法行政。", 2023),
    ("在2023年工作的基础上，2024年我县持续推进法治政府建设。", 2024),
    ("我局坚持依法行政，认真落实《法治政府建设实施纲要（2021-2025年）》。", None),
    # round 8: a range written with 年 on both ends (2021年—2025年) names no year of its own
    ("根据《某省法治政府建设实施纲要（2021年—2025年）》要求，现将法治政府建设工作情况报告如下。", None),
    ("落实《规划（2021年至2025年）》和《方案（2021年-2025年）》，2023年我局坚持依法行政。", 2023),
    ("2021年至今，我局坚持依法行政；2023年各项工作取得新进展。", 2021),  # 至今 is no range's end
])
def test_the_opening_year_is_never_one_it_looks_back_on(opening, year):
    assert meta.opening_year(opening) == year


@pytest.mark.parametrize("text, year", [
    ("2022年我镇制发规范性文件1件。2022年我镇开展执法检查220次，较2021年增加30次。", 2022),
    ("印发《云中市2022年法治政府建设工作要点》。2022年全市审核规范性文件37件。", 2022),
    ("2022年我镇制发规范性文件1件。", None),                          # named once: no guess
    ("2022年制发文件1件，2023年制发文件2件。", None),                 # two years as often
    ("落实《实施方案（2021—2025年）》和《规划（2021-2025年）》。", None),  # ranges only
    ("在2021年工作基础上，较2021年增长。在2021年的基础上继续推进。", None),  # looks back only
])
def test_the_first_parts_year(text, year):
    assert meta.body_year(text) == year


FIRST_PART_NO_YEAR = ("一、主要举措和成效\n{first}\n二、存在的不足和原因\n执法规范化水平不高。\n"
                      "三、2025年工作安排\n6月底前出台监督办法。")


def test_the_year_from_the_first_part_when_nothing_above_names_one(national):
    """A page that starts at 一、 (no title, no opening): the year its first part speaks of."""
    first = "2022年我镇制发规范性文件1件。2022年我镇开展执法检查220次。"
    assert metadata(FIRST_PART_NO_YEAR.format(first=first), national)["year"] == 2022


def test_no_year_anywhere_gives_none(national):
    first = "我镇制发规范性文件1件，开展执法检查220次，落实《实施方案（2021—2025年）》。"
    assert metadata(FIRST_PART_NO_YEAR.format(first=first), national)["year"] is None


def test_the_first_part_never_outvotes_the_title(national):
    first = "2022年我镇制发规范性文件1件。2022年我镇开展执法检查220次。"
    text = "云岭镇人民政府2023年法治政府建设情况报告\n" + FIRST_PART_NO_YEAR.format(first=first)
    assert metadata(text, national)["year"] == 2023


@pytest.mark.parametrize("widgets", ["字体大小:【大 中 小】", "分享至", "无障碍 简体| 繁体", "登录 | 注册", "阅读:0",
                                     "| 手机端| 政务邮箱| 无障碍浏览|", "进入播报模式", "网站支持IPv6"])
def test_a_line_of_page_widgets_is_furniture_not_the_title_or_body(widgets, national):
    from checker.parse.page_lines import is_furniture

    assert is_furniture(widgets)
    data = metadata(widgets + "\n" + TITLE + "\n" + widgets + "\n" + BODY, national)
    assert data["title"] == TITLE and data["year"] == 2024


@pytest.mark.parametrize("line", ["无障碍环境建设", "打印机采购", "中共云溪区委", "分享经验做法",
                                  "全年无障碍设施改造12处。"])
def test_report_words_are_not_widgets(line):
    from checker.parse.page_lines import is_furniture

    assert not is_furniture(line)


# round 7, after live-extra9's first (held-out) run
def test_a_title_split_over_two_lines_with_a_blank_line_between(national):
    """A saved page leaves a blank line inside the title (云中省2024年度法治政府建设工作 / / 情况报告)."""
    text = "云中省2024年度法治政府建设工作\n\n情况报告\n\n" + BODY
    data = metadata(text, national)
    assert data["title"] == "云中省2024年度法治政府建设工作情况报告"
    assert data["issuer"] == "云中省人民政府" and data["year"] == 2024


def test_a_headline_above_a_source_line_is_not_joined_across_a_blank(national):
    text = "云中省2024年度法治政府建设工作\n\n【来源:云中省司法厅 | 发布日期:2025-03-10 】\n\n" + BODY
    data = metadata(text, national)
    assert data["title"] is None and data["published"] == "2025-03-10"


def test_lines_far_apart_are_not_one_title(national):
    text = "云中省2024年度法治政府建设工作\n\n\n\n情况报告\n\n" + BODY
    assert metadata(text, national)["title"] is None


@pytest.mark.parametrize("opening, issuer", [
    ("2025年,在区委、区政府的正确引领下,云岭街道坚定不移地推进法治建设。现将有关情况报告如下:", "云岭街道办事处"),
    ("2025年,在区委的引领下,云溪区司法局坚持依法行政。现将有关情况报告如下:", "云溪区司法局"),
])
def test_a_guiding_clause_with_yinling_and_a_speaker_that_jianding(opening, issuer, national):
    text = "\n".join([opening] + BODY.split("\n")[1:])
    assert metadata(text, national)["issuer"] == issuer


@pytest.mark.parametrize("above, issuer", [
    ("云中市人力资源和社会保障局", "云中市人力资源和社会保障局"),
    ("打印本页", None),                     # no body's name above the repeated title
])
def test_the_name_above_a_page_title_repeated_as_the_documents_head(above, issuer, national):
    """2024年……年度报告 / 政策法规科 2025-03-20 / 云中市某局 / (blank) / 2024年……年度报告 / the body:
    the title is the document's own two-line head when a body's name stands above the repeat."""
    title = "2024年法治政府建设工作年度报告"
    body = BODY.replace("2024年，云溪区坚持", "2024年，我局坚持")
    text = f"{title}\n政策法规科 2025-03-20\n\n{above}\n\n{title}\n\n{body}"
    got = metadata(text, national)
    assert got["issuer"] == issuer and got["title"] == (above + title if issuer else title)


@pytest.mark.parametrize("opening, issuer", [
    ("2024年，云中省民政厅党组坚持以习近平法治思想为指导，全面推进法治政府建设。", "云中省民政厅"),
    ("2024年，应急管理部党组坚持以习近平法治思想为指导。", "应急管理部"),
    ("2024年，镇党委坚持以习近平法治思想为指导。", None),     # a town's party committee: not a department
])
def test_a_departments_party_group_speaks_for_the_department(opening, issuer, national):
    text = opening + "\n" + PARTS
    assert metadata(text, national)["issuer"] == issuer


def test_the_title_line_with_the_issuer_and_date_dates_the_page(national):
    """……报告 上海某局 2020-06-08: the page's byline and date after the title."""
    got = metadata(TITLE + " 云溪区人民政府 2025-06-08\n" + BODY, national)
    assert got["title"] == TITLE and got["published"] == "2025-06-08"


def test_only_a_body_name_after_the_title_is_a_byline(national):
    """A name after the title that ends like a body's is the page's byline (with or without the
    date); other text after a space is kept."""
    from checker.parse.metadata import clean_title
    assert clean_title(TITLE + " 云溪区人民政府") == TITLE
    assert clean_title("关于云溪区法治政府建设情况 的报告") == "关于云溪区法治政府建设情况 的报告"


@pytest.mark.parametrize("title, issuer", [
    # round 10: a title that starts with 关于 names the body after it
    ("关于云中市云溪区司法局2024年度法治政府建设情况的报告", "云中市云溪区司法局"),
    # a development or bonded zone is run by its 管理委员会
    ("2024年云中经济技术开发区法治政府建设情况报告", "云中经济技术开发区管理委员会"),
    ("云中综合保税区2024年度法治政府建设情况报告", "云中综合保税区管理委员会"),
    # a new area (新区) too, but for the two that are districts with their own government
    ("云中新区2024年度法治政府建设情况报告", "云中新区管理委员会"),
    ("浦东新区2024年度法治政府建设情况报告", "浦东新区人民政府"),
    ("天津市滨海新区2024年度法治政府建设情况报告", "天津市滨海新区人民政府"),
    ("云中滨海湾新区2024年度法治政府建设情况报告", "云中滨海湾新区管理委员会"),
    ("云中高新区2024年度法治政府建设情况报告", "云中高新区管理委员会"),
])
def test_the_body_a_title_names(title, issuer, national):
    assert metadata(title + "\n" + BODY, national)["issuer"] == issuer


def test_a_bare_zone_type_in_the_title_names_no_body(national):
    """经济开发区2024年度……报告 names no zone: the opening's 云中经济开发区 does."""
    body = BODY.replace("2024年，云溪区坚持", "2024年云中经济开发区在区委、区政府的正确领导下，坚持")
    got = metadata("经济开发区2024年度法治政府建设情况报告\n" + body, national)
    assert got["issuer"] == "云中经济开发区管理委员会"


def test_a_title_in_a_catalogue_table_cell(national):
    """| 标题:…报告 | |: the catalogue's label and the table's bars are not part of the title."""
    text = ("| 发文机关:云溪区司法局 | 主题词: |\n| 标题:云溪区司法局关于2024年度法治政府建设情况的报告 | |\n"
            "| 主题分类:其它 | 发布日期:2025-03-05 |\n" + BODY)
    got = metadata(text, national)
    assert got["title"] == "云溪区司法局关于2024年度法治政府建设情况的报告" and got["published"] == "2025-03-05"


# round 11: a joint title over four lines (中共某市委 / 某市人民政府 / 关于……工作 / 情况的报告)
def test_a_joint_title_over_four_lines(national):
    text = "中共云中市委\n云中市人民政府\n关于云中市2024年法治政府建设工作\n情况的报告\n" + BODY
    data = metadata(text, national)
    assert data["title"] == "中共云中市委云中市人民政府关于云中市2024年法治政府建设工作情况的报告"
    assert data["issuer"] == "中共云中市委 云中市人民政府"


def test_a_joint_title_with_its_party_line_above_a_one_line_title(national):
    text = "中共云中镇委员会\n云中镇人民政府\n关于2024年法治政府建设情况的报告\n" + BODY
    assert metadata(text, national)["issuer"] == "中共云中镇委员会 云中镇人民政府"


@pytest.mark.parametrize("above", ["云中市人民政府", "中共云中市委", "首页 > 政务公开"])
def test_a_line_above_a_departments_split_title_is_not_joined_unless_joint(above, national):
    """Only a party committee's line above a government's joins: a site's header naming the city
    government above a bureau's title is not the title."""
    text = f"{above}\n云中市司法局\n关于2024年法治政府建设工作\n情况的报告\n" + BODY
    data = metadata(text, national)
    assert data["title"] == "云中市司法局关于2024年法治政府建设工作情况的报告"
    assert data["issuer"] == "云中市司法局"


# round 11: catalogue labels 名称 / 标题 set off by spaces, a bulleted catalogue entry
@pytest.mark.parametrize("line", [
    "名       称:云中市云溪区人民政府关于2024年度法治政府建设情况的报告",
    "名 称: 云中市云溪区人民政府关于2024年度法治政府建设情况的报告",
    "标  题 云中市云溪区人民政府关于2024年度法治政府建设情况的报告",
    "  • 云中市云溪区人民政府关于2024年度法治政府建设情况的报告",
])
def test_a_catalogue_label_or_bullet_is_not_part_of_the_title(line, national):
    data = metadata(line + "\n" + BODY, national)
    assert data["title"] == "云中市云溪区人民政府关于2024年度法治政府建设情况的报告"
    assert data["issuer"] == "云中市云溪区人民政府"


@pytest.mark.parametrize("title", ["名称解读：云溪区2024年法治政府建设情况报告", "名城云溪区2024年法治政府建设情况报告"])
def test_a_title_that_starts_with_other_words_keeps_them(title):
    from checker.parse.metadata import clean_title
    assert clean_title(title) == title


# round 11: a province by its short name alone, and 是 before a place (2015年,是某区……的一年)
@pytest.mark.parametrize("opening, issuer", [
    ("2024年，广东坚持以习近平新时代中国特色社会主义思想为指导，深入推进法治政府建设。", "广东省人民政府"),
    ("2024年，宁夏坚持以习近平新时代中国特色社会主义思想为指导，深入推进法治政府建设。", "宁夏回族自治区人民政府"),
])
def test_a_province_by_its_short_name(opening, issuer):
    from checker.parse.issuer import issuer_from_opening
    assert issuer_from_opening(opening) == issuer


def test_a_year_that_is_a_places_year_names_no_speaker():
    from checker.parse.issuer import issuer_from_opening
    assert issuer_from_opening("2015年，是云溪区积极融入自贸区建设的一年，也是我区扎实开展依法行政工作的一年。") is None


# round 12: the name the report had before the 2015 outline (依法行政), and a title that closes on
# the next year's plans — read as the title, and title-format says what it lacks
@pytest.mark.parametrize("title, issuer, lacks", [
    ("云溪区人民政府关于2015年度依法行政工作情况的报告", "云溪区人民政府", "缺少“法治政府建设”字样"),
    ("云中市2015年度依法行政工作报告", "云中市人民政府", "缺少“法治政府建设”字样"),
    ("云溪区政府2015年推进依法行政工作情况及2016年工作打算", "云溪区政府", "缺少“报告”字样"),
    ("云溪区人民政府2024年法治政府建设工作情况及2025年工作安排", "云溪区人民政府", "缺少“报告”字样"),
    # session 17 (a held-out page): the subject without 建设, and the plans closed by 的报告
    ("云溪区卫生健康委员会关于2024年法治政府工作总结和2025年工作计划的报告", "云溪区卫生健康委员会",
     "缺少“法治政府建设”字样"),
])
def test_an_older_or_plan_closing_title_is_read(title, issuer, lacks, national):
    text = title + "\n" + BODY
    got = metadata(text, national)
    assert got["title"] == title and got["issuer"] == issuer
    messages = [f.message for f in check_text(text, national, "page.txt").findings if f.rule == "title-format"]
    assert messages and lacks in messages[0] and "找不到报告标题" not in messages[0]


@pytest.mark.parametrize("line", [
    "云溪区2015年依法行政工作要点",               # a plan, not a report
    "关于开展2015年度依法行政考核工作的通知",
    "云溪区2015年依法行政工作情况",               # no report word, no plans: a heading
    "云溪区2025年法治政府工作要点",
])
def test_other_lines_naming_yifa_xingzheng_are_not_titles(line):
    assert not meta.is_title_line(line)


# round 12: a title broken after its 关于; the page's source and date labels on the title's line; a
# breadcrumb after its location label; a title's head that names no body
def test_a_title_broken_after_guanyu(national):
    text = "云溪区人民政府关于\n2024年度法治政府建设情况的报告\n" + BODY
    got = metadata(text, national)
    assert got["title"] == "云溪区人民政府关于2024年度法治政府建设情况的报告" and got["issuer"] == "云溪区人民政府"
    # a line above that ends with 关于 but a title naming its own body stays apart
    other = "云溪区人民政府关于\n云溪区司法局2024年度法治政府建设情况报告\n" + BODY
    assert metadata(other, national)["title"] == "云溪区司法局2024年度法治政府建设情况报告"


def test_source_and_date_labels_on_the_title_line(national):
    text = TITLE + " 信息来源: 发布时间:2025-01-02\n" + BODY
    got = metadata(text, national)
    assert got["title"] == TITLE and got["published"] == "2025-01-02"


@pytest.mark.parametrize("line", [
    "当前位置:心得体会 > " + TITLE,
    "您当前的位置：首页 > " + TITLE,
])
def test_a_breadcrumb_after_its_location_label_is_not_the_title(line, national):
    assert not meta.is_title_line(line)
    assert metadata(line + "\n" + TITLE + "\n" + BODY, national)["title"] == TITLE


@pytest.mark.parametrize("title, issuer", [
    ("云溪区人民政府公布2024年度法治政府建设情况", "云溪区人民政府"),       # a news title's verb after the body
    ("云中市应急管理局发布2024年法治政府建设年度报告", "云中市应急管理局"),
    ("市委政研室2024年法治政府建设年度报告", "市委政研室"),                 # a body's name: unchanged
    ("云溪区2024年法治政府建设年度报告", "云溪区人民政府"),
    # a body with its other name in brackets: the name before them (as in an opening's subject)
    ("云溪区农业农村局(云溪区乡村振兴局)2024年法治政府建设年度报告", "云溪区农业农村局"),
])
def test_issuer_from_a_title(title, issuer):
    from checker.parse.issuer import issuer_from_title
    assert issuer_from_title(title) == issuer


@pytest.mark.parametrize("title", [
    "2024年依法行政和法治政府建设工作报告",                       # what precedes 法治 names no body
    "2024年区五年法治政府建设工作情况报告",
])
def test_a_title_head_that_names_no_body_gives_no_issuer(title):
    from checker.parse.issuer import issuer_from_title
    assert issuer_from_title(title) is None


# Round 16: a mirror site inserts toned pinyin after characters (區(qū), 關(guān)于, 2024年(nián)).
PINYIN_PAGE = "\n".join([
    "云溪区(qū)人民政府关(guān)于2024年(nián)法治政府建设(shè)情况的报(bào)告",
    "发(fā)布日期:2025-03-20 09:30",
    "2024年(nián)，云溪区(qū)坚持以习近平法治思想为指导，全面推进法治政府建设(shè)。现将有关情况报告如下：",
] + BODY.split("\n")[1:])


def test_metadata_is_read_past_inserted_pinyin(national):
    """Title, issuer, year and the labelled date come out without the pinyin."""
    assert metadata(PINYIN_PAGE, national) == {"title": "云溪区人民政府关于2024年法治政府建设情况的报告",
                                              "issuer": "云溪区人民政府", "year": 2024, "published": "2025-03-20"}
    found = rules(PINYIN_PAGE, national)
    assert "title-format" not in found and "year-mismatch" not in found


def test_findings_on_a_pinyin_page_point_at_the_text_as_written(national):
    """Only the metadata is read past the pinyin: the lines and the findings' places are the page's own."""
    result = check_text(PINYIN_PAGE, national, "page.txt")
    assert result.lines == PINYIN_PAGE.split("\n")
    garbled = [f for f in result.findings if f.rule == "text-garbled"]
    assert garbled and garbled[0].line == 1 and garbled[0].column == 1
    assert "(qū)" in garbled[0].excerpt


def test_year_after_inserted_pinyin_without_a_title(national):
    """2024年(nián) in the opening of a page with no title still gives the year."""
    text = "2024年(nián)，云溪区(qū)坚持依法行政，全面推进法治政府建设。现将有关情况报告如下：\n" + "\n".join(BODY.split("\n")[1:])
    got = metadata(text, national)
    assert got["year"] == 2024 and got["issuer"] == "云溪区人民政府"


def test_untoned_brackets_are_not_taken_for_pinyin(national):
    """(一), (试行) and a bracketed year stay: a title that carries one is read as written."""
    title = "云溪区人民政府2024年法治政府建设(试行)情况报告"
    assert metadata(title + "\n" + BODY, national)["title"] == title


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_page_title_without_a_body_repeated_as_the_documents_head(national, gap):
    """The page title names no body; the document's own head below gives it on the line above the
    same title: the title is that two-line head (its body's name and the 关于 line)."""
    page = ("首页 / 政务公开 / 正文\n关于2025年法治政府建设情况的报告\n来源：云溪区人民政府 发布时间：2026-03-16\n"
            f"云溪区人民政府{gap}关于2025年法治政府建设情况的报告\n区人大常委会：\n"
            + BODY.replace("2024年，云溪区坚持", "2025年，云溪区坚持"))
    got = metadata(page, national)
    assert got["title"] == "云溪区人民政府关于2025年法治政府建设情况的报告"
    assert got["issuer"] == "云溪区人民政府"


def test_a_page_title_without_a_body_that_is_not_repeated_stays_as_it_is(national):
    page = "关于2025年法治政府建设情况的报告\n来源：云溪区人民政府\n" + BODY.replace("2024年，云溪区坚持", "2025年，云溪区坚持")
    assert metadata(page, national)["title"] == "关于2025年法治政府建设情况的报告"


def test_a_title_without_jianshe_is_a_title_that_says_what_it_lacks(national):
    """After round 18: 某乡2025年法治政府年度报告 is printed as the title; title-format says it lacks
    法治政府建设, not that there is no title."""
    text = "云溪乡2024年法治政府年度报告\n" + BODY
    assert metadata(text, national)["title"] == "云溪乡2024年法治政府年度报告"
    message = next(f.message for f in check_text(text, national, "page.txt").findings if f.rule == "title-format")
    assert "找不到报告标题" not in message


def test_a_column_tag_before_the_title_is_not_the_issuers(national):
    from checker.parse.issuer import issuer_from_title
    assert issuer_from_title("【年度报告】云溪区2024年法治政府建设情况报告") == "云溪区人民政府"


@pytest.mark.parametrize("opening, later, issuer", [
    # the short form's place written out before the same body further on
    ("2024年，市应急管理局坚持依法行政。", "成立大冶市应急管理局法治政府建设领导小组。", "大冶市应急管理局"),
    # 我市, and the only city the text writes out
    ("2024年，我市坚持依法行政。", "将平度市25项审批事项纳入清单。", "平度市人民政府"),
    # a county's government, the only county named
    ("2024年，县政府坚持依法行政。", "印发《2024年度象山县法治宣传教育责任清单》。", "象山县人民政府"),
])
def test_a_short_form_completed_by_the_place_the_text_writes_out(opening, later, issuer, national):
    assert metadata(_opening_and_cited(opening, later), national)["issuer"] == issuer


@pytest.mark.parametrize("later", [
    "赴象山县、宁海县学习考察。",  # two counties: which one speaks?
    "推动创新县域经济发展。",  # no county, only a word that holds 新县
])
def test_a_short_form_left_short_when_the_text_names_no_one_place(later, national):
    assert metadata(_opening_and_cited("2024年，县政府坚持依法行政。", later), national)["issuer"] is None


@pytest.mark.parametrize("title", [
    "云溪区人民政府2024年法治政府建设情况报告（征求意见稿）",  # a draft's stage after the title
    "云溪区人民政府2024年法治政府建设情况报告（公开版）",
    "云溪区人民政府2024年法治政府建设情况报告暨2025年工作计划",  # with next year's plan
    "云溪区人民政府2024年法治政府建设情况报告和下一步工作安排",
])
def test_title_with_a_drafts_stage_or_next_years_plan(title, national):
    got = metadata(title + "\n" + BODY, national)
    assert got["title"] == title.split("（")[0] and got["issuer"] == "云溪区人民政府" and got["year"] == 2024
    assert not {"not-a-report", "title-format"} & rules(title + "\n" + BODY, national)


def test_a_summary_with_next_years_plan_is_a_report_title_that_is_not_standard(national):
    title = "云溪区2024年法治政府建设工作总结及2025年工作计划"
    assert metadata(title + "\n" + BODY, national)["title"] == title
    found = rules(title + "\n" + BODY, national)
    assert "title-format" in found and "not-a-report" not in found


@pytest.mark.parametrize("head, issuer, published", [
    # a catalogue's 发文机关 names the body of a page whose text says only 我局
    ("索引号：11530000/2025-00012\n发文机关：岚山县司法局\n发布日期：2025-03-25\n", "岚山县司法局", "2025-03-25"),
    ("主题分类：司法 发文单位：岚山县司法局\n", "岚山县司法局", None),
    # a source line with its date after a bar
    ("来源：岚山县司法局 | 2025-03-25\n", "岚山县司法局", "2025-03-25"),
])
def test_a_catalogues_issuing_body_and_a_source_line_with_a_bar(head, issuer, published, national):
    lines = BODY.split("\n")
    text = head + "2024年，我局坚持依法行政。现将有关情况报告如下：\n" + "\n".join(lines[1:])
    got = metadata(text, national)
    assert got["issuer"] == issuer and got["published"] == published


@pytest.mark.parametrize("line", ["2025-03-20 " + TITLE, "[ 2025-03-20 ] " + TITLE, "【2025-03-20】 " + TITLE])
def test_a_date_set_before_the_title_dates_the_page(line, national):
    got = metadata(line + "\n" + BODY, national)
    assert got["title"] == TITLE and got["issuer"] == "云溪区人民政府" and got["published"] == "2025-03-20"


@pytest.mark.parametrize("signature, issuer", [
    (["岚山县司法局 2025年3月20日"], "岚山县司法局"),  # the name and the date on one line
    (["岚山县司法局（盖章）", "2025年3月20日"], "岚山县司法局"),  # a seal's note
    (["岚 山 县 司 法 局", "2025年3月20日"], "岚山县司法局"),  # letter-spaced by a PDF
    (["中共岚山县委", "岚山县人民政府", "2025年3月20日"], "中共岚山县委 岚山县人民政府"),  # a joint signature
    (["附件：1.工作台账", "2.问题清单", "岚山县司法局", "2025年3月20日"], "岚山县司法局"),  # the attachments' note above it
])
def test_the_signature_in_its_layouts(signature, issuer, national):
    lines = BODY.split("\n")
    text = "2024年，我局坚持依法行政。现将有关情况报告如下：\n" + "\n".join(lines[1:] + signature) + "\n"
    assert metadata(text, national)["issuer"] == issuer


def test_a_cover_letter_sending_the_report(national):
    """关于报送《某局……报告》的报告: the body is the report's own; a letter whose first lines are
    its note of attachment and its signature: the attachment names the title, the signature's date
    dates the letter, not the page."""
    title = "关于报送《岚山县财政局2024年度法治政府建设情况报告》的报告"
    assert metadata(title + "\n" + BODY, national)["issuer"] == "岚山县财政局"
    letter = ("岚山县法治政府建设工作领导小组办公室：\n我局拟就了2024年度法治政府建设情况的报告（见附件），请审阅。\n"
              "附件：岚山县财政局2024年度法治政府建设情况报告\n岚山县财政局\n2025年1月19日\n")
    got = metadata(letter + BODY, national)
    assert got["title"] == "岚山县财政局2024年度法治政府建设情况报告" and got["issuer"] == "岚山县财政局"
    assert got["published"] is None


def test_a_catalogues_classification_is_not_the_title(national):
    """索引号: … 内容分类: 法治政府建设年度报告 (session 16): the column's name in a catalogue row; the
    title is the line the page prints below."""
    head = ("索引号: 000000/2025-00001 内容分类: 法治政府建设年度报告\n主题分类: 政务公开 发布日期: 2025-03-20\n"
            "云溪区人民政府2024年法治政府建设情况报告\n")
    got = metadata(head + BODY, national)
    assert got["title"] == "云溪区人民政府2024年法治政府建设情况报告" and got["published"] == "2025-03-20"


def test_a_cover_letters_title_broken_after_its_verb(national):
    """某管委会关于报送 / 《某新区2022年度……情况》的报告 (session 16): one title, its body the sender's;
    the quoted line alone never gives a name that starts with 《."""
    head = "岚山新区管理委员会关于报送\n《岚山新区2024年度法治政府建设情况》的报告\n"
    got = metadata(head + BODY, national)
    assert got["title"] == "岚山新区管理委员会关于报送《岚山新区2024年度法治政府建设情况》的报告"
    assert got["issuer"] == "岚山新区管理委员会"
    assert title_name("《岚山新区2024年度法治政府建设情况》的报告") == "岚山新区"


@pytest.mark.parametrize("opening, later, issuer", [
    # the city's districts and offices as the subject, one municipality named and no province
    ("2024年，在市委、市政府的坚强领导下，全市各区、各部门坚持依法行政。", "深入贯彻总书记考察上海重要讲话精神。", "上海市人民政府"),
    # 我厅, and the one 厅 the text calls by its short form, in the one province it names
    ("2024年，我厅坚持依法行政。", "副省长、省公安厅厅长主持会议，推动法治广东建设。", "广东省公安厅"),
])
def test_more_subjects_completed_from_the_text(opening, later, issuer, national):
    assert metadata(_opening_and_cited(opening, later), national)["issuer"] == issuer


@pytest.mark.parametrize("line", ["岚山县统计局", "（岚山县统计局）", "岚山县统计局 2025年3月10日"])
def test_the_bodys_name_on_a_line_under_a_title_that_names_none(line, national):
    text = "关于2024年度法治政府建设情况的报告\n" + line + "\n2024年，我局坚持依法统计。\n" + PARTS
    assert metadata(text, national)["issuer"] == "岚山县统计局"


def test_an_addressee_under_the_title_is_not_the_issuer(national):
    """岚山县人民政府： under the title is who the report goes to, not who sends it."""
    text = "关于2024年度法治政府建设情况的报告\n岚山县人民政府：\n2024年，岚山县统计局坚持依法统计。\n" + PARTS
    assert metadata(text, national)["issuer"] == "岚山县统计局"


@pytest.mark.parametrize("head", ["中共岚山县审计局党组", "中共岚山县审计局党组 岚山县审计局"])
def test_a_departments_party_group_heading_the_title(head, national):
    """The party group reports for its department: the issuer is the department, and 局党组 in the
    text is the title's body (no issuer-mismatch)."""
    text = head + "关于2024年度法治政府建设情况的报告\n2024年，局党组坚持依法审计。\n" + PARTS
    result = check_text(text, national, "page.txt")
    assert result.metadata["issuer"] == "岚山县审计局"
    assert not [f for f in result.findings if f.rule == "issuer-mismatch"]


@pytest.mark.parametrize("opening, later, issuer", [
    ("2024年，市公安局坚持依法行政。", "将法治杭州建设任务纳入年度计划。", "杭州市公安局"),
    ("2024年，县政府坚持依法行政。", "全力建设平安盂县、法治盂县。", "盂县人民政府"),
    ("2024年，县政府坚持依法行政。", "推进依法治理，建设法治盂县。", "盂县人民政府"),  # 依法治理 holds no 理县
])
def test_a_short_form_completed_by_the_place_of_its_slogan(opening, later, issuer, national):
    assert metadata(_opening_and_cited(opening, later), national)["issuer"] == issuer


@pytest.mark.parametrize("opening, later", [
    ("2024年，区司法局坚持依法行政。", "服务法治杭州建设。"),  # a city's slogan in a district's report
    ("2024年，市司法局坚持依法行政。", "服务法治杭州、法治宁波建设。"),  # two cities
    ("2024年，市司法局坚持依法行政。", "推进法治中国、平安中国建设，群众幸福安康。"),  # no place at all
])
def test_a_slogan_that_names_no_one_place_of_the_level(opening, later, national):
    assert_no_place_guessed(metadata(_opening_and_cited(opening, later), national)["issuer"], opening)


@pytest.mark.parametrize("above", ["首页 > 政务公开 > 法治政府建设", ">> 阳光执法 | >> 年度报告 |", "县委："])
def test_the_opening_speaker_under_a_column_path_or_an_addressee(above, national):
    text = above + "\n2024年，岚山县统计局坚持依法统计。现将有关情况报告如下：\n" + PARTS
    assert metadata(text, national)["issuer"] == "岚山县统计局"


@pytest.mark.parametrize("name", ["岚山县消防救援大队", "岚山市消防救援支队", "国家统计局岚山调查队", "岚山县档案馆",
                                  "岚山县供销合作社联合社"])
def test_bodies_named_as_brigades_teams_archives_and_cooperatives(name, national):
    opening = check_text(f"2024年，{name}坚持依法行政。\n" + PARTS, national, "page.txt")
    signed = check_text("2024年法治政府建设工作报告\n2024年，我们坚持依法行政。\n" + PARTS
                        + f"\n\n{name}\n2025年3月20日", national, "page.txt")
    assert opening.metadata["issuer"] == signed.metadata["issuer"] == name


def test_a_customs_office_named_in_the_title(national):
    assert metadata("南京海关2024年度法治政府建设情况报告\n" + BODY, national)["issuer"] == "南京海关"


@pytest.mark.parametrize("note", ["（2025年3月）", "（2025.3）"])
def test_the_month_written_after_the_title_is_no_part_of_it_nor_the_pages_date(note, national):
    got = metadata(TITLE + note + "\n" + BODY, national)
    assert got["title"] == TITLE and got["published"] is None


SELF_NAMED = "2024年，我局坚持依法治教。现将有关情况报告如下：\n" + PARTS


@pytest.mark.parametrize("above", [
    "首页 > 政府信息公开 > 部门信息公开 > 岚山县教育局 > 法治政府建设年度报告",
    "首页 / 政务公开 / 岚山县教育局 / 法治政府建设",
    "岚山县人民政府门户网站\n当前位置：首页 > 部门 > 县教育局",  # a short form, its county from the site's name
])
def test_the_issuer_from_the_column_path_of_a_text_that_says_we(above, national):
    assert metadata(above + "\n2024年度法治政府建设工作报告\n" + SELF_NAMED, national)["issuer"] == "岚山县教育局"


@pytest.mark.parametrize("above", [
    "首页 > 岚山县人民政府 > 政务公开",  # a government's column, and the text says 我局
    "首页 > 部门 > 县教育局",  # a short form and no county anywhere
])
def test_a_column_path_that_cannot_name_the_bureau(above, national):
    assert metadata(above + "\n2024年度法治政府建设工作报告\n" + SELF_NAMED, national)["issuer"] is None


def test_a_source_line_with_a_short_form_completed_by_the_sites_name(national):
    text = "岚山县人民政府门户网站\n2024年度法治政府建设工作报告\n发布时间：2025-03-20 来源：县教育局\n" + SELF_NAMED
    assert metadata(text, national)["issuer"] == "岚山县教育局"


@pytest.mark.parametrize("title", [
    "2024年度法治政府建设工作报告（岚山县教育局）",
    "2024年度法治政府建设工作报告——岚山县教育局",
    "2024年度法治政府建设工作报告 岚山县教育局",
])
def test_the_bodys_name_set_after_a_title_that_names_none(title, national):
    got = metadata(title + "\n" + SELF_NAMED, national)
    assert got["title"] == "2024年度法治政府建设工作报告" and got["issuer"] == "岚山县教育局"


def test_a_bureau_after_the_title_of_its_countys_report_is_not_the_issuer(national):
    """The justice bureau that posts its county's report (我县……) sets its own name after the title."""
    text = "2024年度法治政府建设工作报告 岚山县司法局\n2024年，我县坚持依法行政。\n" + PARTS
    assert metadata(text, national)["issuer"] != "岚山县司法局"


@pytest.mark.parametrize("subject", ["县委、县政府", "县委县政府", "县委和县政府"])
def test_a_joint_subject_by_level_completed_by_the_one_county_named(subject, national):
    text = _opening_and_cited(f"2024年，{subject}坚持依法行政。", "印发《2024年度象山县法治宣传教育责任清单》。")
    assert metadata(text, national)["issuer"] == "中共象山县委 象山县人民政府"


def test_a_joint_subject_by_level_with_no_place_named_is_no_issuer(national):
    assert metadata(_opening_and_cited("2024年，县委、县政府坚持依法行政。", "全年开展培训6期。"), national)["issuer"] is None


def test_the_bureaus_party_group_as_the_subject_speaks_for_the_bureau(national):
    text = _opening_and_cited("2024年，局党组坚持依法治教。", "制定《象山县教育局行政执法公示办法》。")
    assert metadata(text, national)["issuer"] == "象山县教育局"


def test_a_city_by_its_name_alone_is_the_city(national):
    """广州 ends like a 州 but is the city 广州市 (巴州 and 甘孜州 are prefectures called 州)."""
    assert metadata("2024年，广州坚持依法行政。\n" + PARTS, national)["issuer"] == "广州市人民政府"


def test_a_phrase_with_a_function_word_is_no_place(national):
    """主体为区人社局 (the bureau is the enforcing subject) names no 主体为区."""
    text = SELF_NAMED + "\n执法职能回归区人社局，主体为区人社局，不再委托执法。"
    assert metadata(text, national)["issuer"] is None


@pytest.mark.parametrize("opening, issuer", [
    ("2024年，在省委、省政府的坚强领导下，株洲深入贯彻习近平法治思想。", "株洲市人民政府"),  # a city by its bare name
    ("2024年，长沙坚持依法行政。", "长沙市人民政府"),  # the prefecture, not 长沙县
    ("2024年，在省委、省政府的正确领导下，朔州委、政府坚持依法行政。", "中共朔州市委 朔州市人民政府"),  # 市 dropped
])
def test_a_city_named_without_its_level(opening, issuer, national):
    assert metadata(opening + "\n" + PARTS, national)["issuer"] == issuer


def test_the_year_the_first_part_opens_on_when_nothing_above_names_one(national):
    text = ("关于法治政府建设情况的报告\n按照工作安排，现就法治政府建设情况报告如下。\n一、主要工作举措及成效\n"
            "2023年，在市委坚强领导下，全市各级行政机关坚持依法行政，审核规范性文件37件。\n二、存在的不足和原因\n培训不足。")
    assert metadata(text, national)["year"] == 2023


# session 12, after live-extra22's first (held-out) run
@pytest.mark.parametrize("close", ["报 告", "报　告", "报告"])
def test_a_title_over_three_lines_closing_on_a_spaced_word(close, national):
    """An official document's head: the body, 关于……的, then its closing word letter-spaced on a
    line of its own (云中市人民政府 / 关于2024年度法治政府建设工作情况的 / 报 告)."""
    text = f"云中市人民政府\n关于2024年度法治政府建设工作情况的\n{close}\n云政文〔2025〕3号\n市人大常委会:\n" + BODY
    data = metadata(text, national)
    assert data["title"] == "云中市人民政府关于2024年度法治政府建设工作情况的报告"
    assert data["issuer"] == "云中市人民政府" and "title-format" not in rules(text, national)


def test_a_spaced_word_inside_a_sentence_is_not_closed_up():
    assert meta.clean_title("关于法治政府建设情况的报 告") == "关于法治政府建设情况的报告"
    assert not meta.is_title_line("我们听取了报 告")


def test_a_one_character_county_completes_a_level_only_name_from_its_catalogue_row(national):
    """The catalogue row names the bureau in full (南县 is a county of one character); the text
    calls it by its level only."""
    text = ("2024年法治政府建设年度工作报告\n\n发布机构 南县退役军人事务局\n发文日期 2024-12-19\n\n"
            "今年以来，县退役军人事务局深入学习贯彻习近平法治思想，推进依法行政。现将有关情况报告如下。\n" + BODY)
    assert metadata(text, national)["issuer"] == "南县退役军人事务局"


@pytest.mark.parametrize("row", ["发布机构 全县退役军人事务局", "发布机构 东县退役军人事务局"])
def test_a_one_character_stem_that_is_no_county_completes_nothing(row, national):
    text = ("2024年法治政府建设年度工作报告\n\n" + row + "\n\n"
            "今年以来，县退役军人事务局深入学习贯彻习近平法治思想，推进依法行政。现将有关情况报告如下。\n" + BODY)
    assert metadata(text, national)["issuer"] == "县退役军人事务局"  # as the text calls it, no place put in


# session 12, after live-extra25's first run
@pytest.mark.parametrize("line", [
    "| 标题: | 云溪镇2024年法治政府建设年度报告 | ||||",  # a table row: the label's colon, then the cell's bar
    "| 标题 | 云溪镇2024年法治政府建设年度报告 |",
    "标题：云溪镇2024年法治政府建设年度报告",
    "第一篇：云溪镇2024年法治政府建设年度报告",  # a model-text site's number for the piece
    "[ 标 题 ] 云溪镇2024年法治政府建设年度报告",  # the label in brackets (after live-extra26)
    "【标题】云溪镇2024年法治政府建设年度报告",
    "| 云溪镇2024年法治政府建设年度报告 |",  # alone in a table's cell
])
def test_a_catalogue_cell_or_a_pieces_number_is_no_part_of_the_title(line):
    assert meta.clean_title(line) == "云溪镇2024年法治政府建设年度报告"


def test_a_title_in_a_catalogue_row_with_a_colon_is_read(national):
    text = ("| 索引号: | 0001/2025-09186 | 分类: | 其他 |\n| 发布机构: | 云溪镇人民政府 | 发文日期: | 2025-02-28 |\n"
            "| 标题: | 云溪镇2024年法治政府建设年度报告 | ||||\n" + BODY)
    data = metadata(text, national)
    assert data["title"] == "云溪镇2024年法治政府建设年度报告" and "title-format" not in rules(text, national)


def test_a_bracketed_catalogue_label_gives_way_to_the_title_it_labels(national):
    text = ("[ 索 引 号 ] 0001/2026-00002 [ 主题分类 ] 司法\n[ 标 题 ] 云溪镇人民政府关于2025年法治政府建设情况的报告\n"
            "[ 成文日期 ] 2026-01-16 [ 发布日期 ] 2026-01-16\n\n云溪镇人民政府关于2025年法治政府建设情况的报告\n" + BODY)
    assert metadata(text, national)["title"] == "云溪镇人民政府关于2025年法治政府建设情况的报告"


# session 13 (from the rebuilt real sets): the year in brackets after the title; a copying site's
# watermark run into a title with no line breaks; a document-sharing site's page number and banner
@pytest.mark.parametrize("text, title", [
    ("云岭镇法治政府建设年度报告（2024年度）\n" + BODY, "云岭镇法治政府建设年度报告（2024年度）"),
    ("某某之家—全网资源每日更新www.example.com" + TITLE + BODY.replace("\n", ""), TITLE),
    ("《" + TITLE + ".docx》由会员分享,可在线阅读,更多相关《" + TITLE + ".docx(16页珍藏版)》请在某某文库上搜索。\n1、"
     + TITLE + BODY.replace("\n", ""), TITLE),
])
def test_titles_from_the_rebuilt_sets(text, title, national):
    data = metadata(text, national)
    assert data["title"] == title and data["year"] == 2024
    assert "title-format" not in rules(text, national)


def test_a_columns_name_above_the_title_is_not_the_title(national):
    """Session 13 (a held-out page): 法治政府建设年度报告和工作要点 names the site's column; the
    title below it names the body and the year."""
    text = "法治政府建设年度报告和工作要点\n云溪区司法局2024年法治政府建设年度报告\n发布时间：2025-03-04\n" + BODY
    data = metadata(text, national)
    assert data["title"] == "云溪区司法局2024年法治政府建设年度报告" and data["issuer"] == "云溪区司法局"


def test_a_title_on_the_whole_province_names_no_body(national):
    """关于2024年度全省法治政府建设工作情况的报告: 全省 is no body; the opening names it."""
    text = ("关于2024年度全省法治政府建设工作情况的报告\n2024年，黑龙江省坚持以习近平法治思想为指导，全面推进法治政府建设。\n"
            + PARTS)
    assert metadata(text, national)["issuer"] == "黑龙江省人民政府"


def test_a_joint_titles_bodies_are_not_a_site_and_column(national):
    """中共某区委 某区人民政府 关于……: every word before the title is a body, so all stay."""
    text = "中共云溪区委 云溪区人民政府 关于2024年法治政府建设情况的报告\n" + BODY
    assert metadata(text, national)["title"] == "中共云溪区委 云溪区人民政府 关于2024年法治政府建设情况的报告"


# session 14, after the first runs of s14-h16…h18
@pytest.mark.parametrize("opening, cited, issuer", [
    # a park by its short form, completed by the one park a cited document names
    ("2023年，园区坚持以习近平法治思想为指导，全面推进依法行政。", "印发《云港工业园区法治政府建设实施方案》。", "云港工业园区管理委员会"),
    ("2023年，园区坚持以习近平法治思想为指导，全面推进依法行政。", "全区审核文件37件。", None),
    ("2023年，园区坚持以习近平法治思想为指导，全面推进依法行政。",
     "学习《云港工业园区条例》《云溪产业园区办法》。", None),  # two parks
    # a party committee's document is cited by its place, 中共 before it
    ("2023年，我县坚持依法行政。", "出台《中共云中县委全面依法治县委员会工作规则》。", "云中县人民政府"),
    # 定期到镇 (to the town) names no town beside 云岭镇
    ("一、主要举措\n我镇坚持依法行政。", "2022年云岭镇组织培训，律师定期到镇坐班。", "云岭镇人民政府"),
])
def test_session_14_short_forms_completed(opening, cited, issuer, national):
    assert metadata(_opening_and_cited(opening, cited), national)["issuer"] == issuer


def test_a_department_no_text_places_is_given_as_the_text_names_it(national):
    """区退役军人事务局 in a text that never names its district: the body as the text calls it;
    a reform's 划入区建设局 is no body's name."""
    text = _opening_and_cited("2024年，在区委的领导下，区退役军人事务局坚持依法行政。", "全年审核文件37件。")
    assert metadata(text, national)["issuer"] == "区退役军人事务局"
    office = _opening_and_cited("2023年，市政府办公室坚持依法行政。", "全年审核文件37件。")
    assert metadata(office, national)["issuer"] == "市人民政府办公室"
    assert metadata(_opening_and_cited("2023年，我县坚持依法行政。", "全年审核文件37件。"), national)["issuer"] is None
    reform = ("于2024年6月组建区住房和城市更新局，划入区住房保障和房屋管理局职责，划入区建设局市政设施管理职责。"
              "机构组建后，我局坚持依法行政。")
    assert metadata(_opening_and_cited(reform, "全年审核文件37件。"), national)["issuer"] is None


@pytest.mark.parametrize("line, title", [
    ("云溪区农业农村局2025年法治政府建设情况报告(农法日记)", "云溪区农业农村局2025年法治政府建设情况报告"),
    ("云溪区法治政府建设情况报告（2023年度）", "云溪区法治政府建设情况报告（2023年度）"),  # the year is the title's
])
def test_a_short_note_in_brackets_after_the_title(line, title):
    assert meta.is_title_line(line) and meta.clean_title(line) == title


@pytest.mark.parametrize("crumbs, year", [
    ("您当前的位置: 首页> 政务公开> 法治政府建设年度报告 > 2021年度", 2021),
    ("首页 > 政务公开 > 法治政府建设年度报告 > 2021年度 >", 2021),
    ("首页 > 新闻 > 2021年度", None),  # a year column, but not the reports'
])
def test_a_page_starting_at_its_first_part_dated_by_its_column(crumbs, year, national):
    """No year in the text (its first part 一、总体情况 names none): the column the site files it under."""
    text = crumbs + "\n一、总体情况\n坚持依法行政，审核文件37件。\n二、存在的不足和原因\n培训不足。\n"
    assert metadata(text, national)["year"] == year


# session 14, after the first runs of s14-h19…h21
def test_a_page_title_spaced_around_its_year_and_the_documents_own_head(national):
    """The page's title (县 2022 年……总结) over the document's own head (县2019年……总结) and an
    opening on 2019: the title is the page's, the year the one the head and the opening agree on."""
    text = ("云中县 2022 年法治政府建设工作总结\n\n云中县2019年法治政府建设工作总结\n\n"
            "2019年，我县坚持依法行政。\n" + PARTS)
    got = metadata(text, national)
    assert got["title"] == "云中县 2022 年法治政府建设工作总结" and got["year"] == 2019


@pytest.mark.parametrize("cited, issuer", [
    ("依托镇平安办、综治中心开展排查。", None),  # 依托 (relying on) is a verb, no town
    ("在年初的镇政府工作会上部署。", None),  # 年初的 is a phrase
    ("制定《中共云岭镇委全面依法治镇委员会工作规则》。", "云岭镇人民政府"),  # the town in its party committee's document
])
def test_a_town_named_in_the_text_is_a_name(cited, issuer, national):
    text = _opening_and_cited("2022年，我镇坚持依法行政。", cited)
    assert metadata(text, national)["issuer"] == issuer


# session 14, after the first runs of s14-h22…h24
@pytest.mark.parametrize("opening, cited, issuer", [
    ("2022年，我市坚持依法行政。", "在《法治天水》栏目开设专栏。", "天水市人民政府"),  # a paper's name is the city's slogan
    ("2021年，我镇坚持依法行政。", "在圩镇开展普法宣传，2021年云岭镇组织培训。", "云岭镇人民政府"),  # 在圩镇: at the market town
])
def test_session_14_more_places(opening, cited, issuer, national):
    assert metadata(_opening_and_cited(opening, cited), national)["issuer"] == issuer


def test_a_zones_economic_area_is_run_by_its_committee(national):
    text = "云港航空港经济区2023年度法治政府建设工作情况报告\n" + PARTS
    assert metadata(text, national)["issuer"] == "云港航空港经济区管理委员会"


def test_a_date_line_with_a_slash_after_the_day(national):
    text = "云溪区2024年度法治政府建设工作报告\n2025/03/01/ 15:05 来源:区司法局\n" + PARTS
    assert metadata(text, national)["published"] == "2025-03-01"


# session 14, after round 37's first run (s14-h25…h27)
@pytest.mark.parametrize("opening, issuer", [
    ("2021年，云中县交通运输局法治政府建设工作在县委、县政府的正确领导下，以习近平法治思想为指导。", "云中县交通运输局"),
    ("2025年，云中市卫生健康委的法治政府建设工作紧紧围绕年度要点抓落实。", "云中市卫生健康委"),
])
def test_a_bodys_own_law_based_government_work_as_the_subject(opening, issuer, national):
    assert metadata(_opening_and_cited(opening, "全年审核文件37件。"), national)["issuer"] == issuer


@pytest.mark.parametrize("title", ["街道2022年度依法行政法治政府建设工作报告", "乡镇2018年度法治政府建设情况报告"])
def test_a_templates_bare_level_in_the_title_names_no_body(title, national):
    text = title + "\n2022年，我乡坚持依法行政，推进法治乡镇建设。\n" + PARTS
    assert metadata(text, national)["issuer"] is None


@pytest.mark.parametrize("line", ["- 2024-11-23", "- 更新:2024-11-23 23:52:32"])
def test_a_mirrors_dash_bulleted_or_update_dated_line(line, national):
    text = "云溪区2024年法治政府建设年度报告\n" + line + "\n" + PARTS
    assert metadata(text, national)["published"] == "2024-11-23"


# session 14, after round 38's first run (s14-h28…h30)
def test_a_title_broken_off_after_guanyu_and_its_year(national):
    """A PDF copy breaks 关于 / 2018 / 年某市人民政府……的报告 over three lines."""
    text = "关于\n2018\n年云中市人民政府法治政府建设工作情况的报告\n市人大常委会：\n" + PARTS
    got = metadata(text, national)
    assert got["title"] == "关于2018年云中市人民政府法治政府建设工作情况的报告" and got["issuer"] == "云中市人民政府"


def test_a_title_that_is_a_report_sent_up(national):
    text = "云中市林业局 2020年度法治政府建设工作情况汇报\n" + PARTS
    assert metadata(text, national)["title"] == "云中市林业局 2020年度法治政府建设工作情况汇报"


def test_the_body_named_where_the_report_is_made_public(national):
    opening = "根据《纲要》要求，现将2016年云中市法治政府建设情况公开如下："
    assert metadata(_opening_and_cited(opening, "全年审核文件37件。"), national)["issuer"] == "云中市人民政府"


def test_an_opening_below_a_junk_line_a_copy_set_above_it(national):
    text = ("某网登录(法治政府建设情况如何?云南省政府发布报告)\n\n更新时间:2022-10-21 09:15:36\n\n"
            "2021年，在党中央、国务院的坚强领导下，我省各级行政机关坚持依法行政。\n" + BODY.split("\n", 2)[2])
    assert metadata(text, national)["issuer"] == "云南省人民政府"


# session 14, after round 39's first run (s14-h31)
def test_a_citys_government_office_by_its_short_form(national):
    opening = "2022年，云中市政府办公厅坚持以习近平法治思想为指导，推进依法行政。"
    assert metadata(_opening_and_cited(opening, "全年审核文件37件。"), national)["issuer"] == "云中市人民政府办公厅"


def test_a_date_line_followed_by_the_pages_font_size_widget(national):
    text = "云中市2024年度法治政府建设情况\n2025-03-04 17:51 字号:\n" + PARTS
    assert metadata(text, national)["published"] == "2025-03-04"


# session 15: a town's name found by the national list of towns, wherever the text writes it; a zone's body
@pytest.mark.parametrize("opening, cited, issuer", [
    ("2023年，我镇坚持依法行政。", "通过点单式服务强化伊金霍洛镇法治建设。", "伊金霍洛镇人民政府"),  # after a verb
    ("2024年，我乡坚持依法行政。", "将法治建设纳入了拱市乡发展规划。", "拱市乡人民政府"),
    ("2022年，我街认真贯彻落实习近平法治思想。", "制定《珠吉街理论学习中心组学习制度》。", "珠吉街道办事处"),
    ("2022年，我街道坚持依法行政。", "城西街道组织执法培训3期。", "城西街道办事处"),
    # two 街道 named: which one speaks?  A phrase (成立以街道) names none
    ("2022年，我街道坚持依法行政。", "城西街道与清河街道签订执法协作协议。", None),
    ("2022年，我街道坚持依法行政。", "成立以街道党工委书记为组长的领导小组。", None),
    ("2024年，我镇坚持依法行政。", "对部分乡镇（街道）编制权责清单进行指导。", None),  # 部分乡镇 is a word
    # 我区 completed with a zone's name: the zone's committee governs it, not a 人民政府
    ("2025年，我区深入推进法治政府建设。", "落实《云港经开区法治政府建设实施方案》。", "云港经开区管理委员会"),
    ("2025年，我区深入推进法治政府建设。", "落实《云溪区法治政府建设实施方案》。", "云溪区人民政府"),
])
def test_session_15_issuer_from_the_place_the_text_names(opening, cited, issuer, national):
    assert metadata(_opening_and_cited(opening, cited), national)["issuer"] == issuer


def test_a_street_report_that_starts_at_its_first_part(national):
    text = ("一、主要举措和成效\n（一）强化组织领导\n我街道把法治建设纳入重要议事日程。\n"
            "1.加强规范性文件管理。城西街道全年审核合同12件。\n二、存在的不足和原因\n培训不足。")
    assert metadata(text, national)["issuer"] == "城西街道办事处"


def test_a_speaker_whose_guiding_document_has_brackets(national):
    """我县以落实《……（2015-2020年）》……为统领: the 以……为 phrase holds brackets; the county from
    the report it cites."""
    opening = "今年以来，我县以落实《法治政府建设实施纲要（2015-2020年）》和省、市实施方案为统领，深入推进依法行政。"
    cited = "县政府印发了《云中县人民政府关于2019年度法治政府建设情况的报告》。"
    assert metadata(_opening_and_cited(opening, cited), national)["issuer"] == "云中县人民政府"


def test_a_town_report_that_calls_itself_ben_zhen(national):
    """本镇, as 我镇: the one town the text names (not 市镇两级, a list of levels)."""
    text = ("一、主要举措和成效\n（一）强化组织领导\n现将本镇法治建设情况报告如下。整合市镇两级职能。\n"
            "1.加强规范性文件管理。东庄镇全年审核合同12件。\n二、存在的不足和原因\n培训不足。")
    assert metadata(text, national)["issuer"] == "东庄镇人民政府"


def test_a_catalogue_below_a_markdown_image(national):
    """![]() | above a catalogue table: the image is no line of the text, so the table is the page's."""
    text = ("![]() |\n|\n索 引 号 | H001/2024-00001 | 成文日期 | 2024-02-19 |\n发布机构 | 云岭街道 | 主题分类 | 其他 |\n"
            + BODY.replace("2024年，云溪区", "2024年，街道", 1))
    got = metadata(text, national)
    assert got["published"] == "2024-02-19" and got["issuer"] == "云岭街道办事处"


# session 15, after round 42's first run
@pytest.mark.parametrize("line, title, issuer", [
    # 【法治建设报告】云溪区人民政府关于……: the tag is the site's column; the body is named after it
    ("【法治建设报告】云溪区人民政府关于2024年度法治政府建设情况的报告", "云溪区人民政府关于2024年度法治政府建设情况的报告", "云溪区人民政府"),
    # quotation marks or a stray space inside the title's words do not hide them; the title is given as printed
    ("云溪区云岭街道2021年“法治政府”建设情况报告", "云溪区云岭街道2021年“法治政府”建设情况报告", "云溪区云岭街道办事处"),
    ("云溪区公安局2024年度法治政府 建设情况报告", "云溪区公安局2024年度法治政府 建设情况报告", "云溪区公安局"),
])
def test_session_15_titles(line, title, issuer, national):
    got = metadata(line + "\n" + PARTS, national)
    assert (got["title"], got["issuer"]) == (title, issuer)


@pytest.mark.parametrize("name, body", [
    ("云港航空港经济综合实验区人民政府", "云港航空港经济综合实验区管理委员会"),  # an experimental zone's committee
    ("云港经开区人民政府", "云港经开区管理委员会"),
    ("云溪区人民政府", "云溪区人民政府"),
    ("中共云溪区委 云溪区人民政府", "中共云溪区委 云溪区人民政府"),  # a joint name is left as it is
])
def test_the_body_that_governs_a_zone(name, body):
    from checker.parse.issuer import governing_body
    assert governing_body(name) == body


@pytest.mark.parametrize("text, want", [
    # the county named only by its leading group: the government with its departments is that county's
    ("2019年，在县委的领导下，县政府及工作部门坚持依法行政。\n一、加强领导。组建了中共麻栗坡县委全面依法治县委员会。\n", "麻栗坡县人民政府"),
    ("2021年，市政府及各部门认真贯彻法治政府建设实施纲要。\n一、加强领导。\n", None),  # which city, the text does not say
])
def test_a_government_with_its_departments_completed_by_its_place(text, want, national):
    assert check_text(text, national, "t.txt").metadata["issuer"] == want


def test_the_bodys_name_alone_above_the_date_line_names_the_speaker_of_wo_ju(national):
    """No title; the page's first line is the body's name, then its date line, and the text says
    我局 (a held-out page of session 17).  A name of another kind of body does not answer 我局."""
    opening = "2020年，我局深入贯彻法治政府建设决策部署，法治政府建设工作取得新成效。现将主要工作汇报如下：\n"
    page = "云中市市场监管局\n时间:2021-03-22 17:13 来源:云中市人民政府门户网站\n\n"
    assert metadata(page + opening + PARTS, national)["issuer"] == "云中市市场监管局"
    other = page.replace("云中市市场监管局", "云中市卫生健康委员会")
    assert metadata(other + opening + PARTS, national)["issuer"] != "云中市卫生健康委员会"


def test_a_title_place_that_is_no_place_and_never_named_gives_no_body(national):
    """A spam mirror's words inside the title's place name (a held-out page of session 17): the
    title's body is not taken; a real place, or one the text names, still is."""
    spam = "杭州金博体育市2024年法治政府建设情况的报告\n"
    got = metadata(spam + BODY, national)["issuer"]
    assert got is None or "金博" not in got
    assert metadata("云溪区人民政府2024年法治政府建设情况报告\n" + BODY, national)["issuer"] == "云溪区人民政府"
    assert metadata("杭州市2024年法治政府建设情况报告\n" + BODY, national)["issuer"] == "杭州市人民政府"


def test_the_year_from_a_first_part_on_the_duty_when_nothing_else_names_it(national):
    """今年以来 in the opening and a first part on the duty that names the year (a held-out page of
    session 17)."""
    text = ("今年以来，云溪区坚持依法行政，扎实推进法治政府建设各项工作，取得了积极成效。\n"
            "一、2023年党政主要负责人履行推进法治建设第一责任人职责情况\n区长主持召开常务会议研究法治议题4次。\n"
            "二、存在的不足和原因\n执法规范化水平不高，主要是培训不足。\n")
    assert metadata(text, national)["year"] == 2023


def test_a_name_with_a_colon_is_no_body(national):
    """A spam mirror put its name with a colon where the place stood (中国体彩网:人民政府, a
    held-out page of session 17): no body is given rather than that."""
    title = "某彩票网:人民政府关于某彩票网:2024年度法治政府建设情况的报告\n发布时间:2025-03-20 信息来源:某彩票网:司法局\n"
    got = check_text(title + BODY.replace("云溪区", "全市"), national, "page.txt")
    assert got.metadata["issuer"] is None
    assert "issuer-mismatch" not in {f.rule for f in got.findings}


def test_a_name_joined_by_a_dash_is_no_body(national):
    """A spam mirror joined its own name to the city's with a dash (某公司-某市发布……, a held-out
    page of session 17): that is no body's name."""
    title = "云溪市某某咨询公司-云溪市2024年度法治政府建设情况报告\n"
    got = check_text(title + BODY.replace("云溪区", "全市"), national, "page.txt")
    assert got.metadata["issuer"] != "云溪市某某咨询公司-云溪市"
    assert "-" not in (got.metadata["issuer"] or "")
    zone = check_text("广西-东盟经济技术开发区管委会2024年度法治政府建设情况报告\n" + BODY, national, "page.txt")
    assert zone.metadata["issuer"] == "广西-东盟经济技术开发区管委会"
