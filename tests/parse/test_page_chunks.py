"""checker.parse.outline.page_chunk_numbers: a document-sharing site's 1、2、3、 before each page
chunk are not items of the report's outline; a real list whose items lack a full stop still is."""
from __future__ import annotations

from checker.run.pipeline import check_text

# A report as a sharing site shows it: the text cut every few hundred characters, wherever the
# page ended, each chunk numbered at the start of its line; the cuts fall in mid-clause.
LEAD = "《某县司法局2024年法治政府建设情况报告》由用户上传，可在线阅读，更多相关文档请在本站搜索。"
BODY = ("某县司法局2024年法治政府建设情况报告 2024年，我局坚持以习近平法治思想为指导，全面推进依法行政，"
        "各项工作取得新进展。现将有关情况报告如下: 一、主要举措和成效(一)加强组织领导。局党组把法治政府建设"
        "列入年度重点工作，召开党组会议专题研究法治工作，制定年度工作要点，明确责任分工，层层压实责任，确保各项任务"
        "落到实处。同时，把法治建设纳入科室和干部年度考核，推动")
CHUNK2 = ("法治建设各项任务落实落地。(二)规范行政执法。严格落实行政执法公示、执法全过程记录、重大执法决定法制审核"
          "三项制度，组织执法人员参加培训，开展执法案卷评查，执法规范化水平进一步提升。(三)深化普法宣传。坚持"
          "谁执法谁普法责任制，组织开展宪法宣传周、民法典宣传月等主题活动，推动法律进机关、进乡村、进社区、进学校、进")
CHUNK3 = "企业、进单位"


def _page(chunks: list[str]) -> str:
    return "\n".join([LEAD] + [f"{n}、{text}" for n, text in enumerate(chunks, 1)]) + "\n"


def test_page_chunk_numbers_are_not_items(national):
    result = check_text(_page([BODY, CHUNK2, CHUNK3]), national)
    labels = [h["label"] for h in result.outline["headings"]]
    assert not any(label.endswith("、") and label[0].isdigit() for label in labels)
    assert "一、" in labels and "(一)" in labels  # the report's own outline, run into the chunks
    rules = {f.rule for f in result.findings}
    assert "numbering" not in rules and "item-unquantified" not in rules


def test_one_cut_is_not_enough(national):
    """Two labelled blocks with one open end may be a real item missing its full stop."""
    result = check_text(_page([BODY, CHUNK2 + "。", CHUNK3 + "。"]), national)
    labels = [h["label"] for h in result.outline["headings"]]
    assert "1、" in labels and "2、" in labels


# A real list: numbered items with long text and no closing mark are still items.
REAL = ("云溪区司法局2024年法治政府建设情况报告\n"
        "一、2024年主要举措和成效\n"
        "1、加强组织领导。局党组召开会议专题研究法治工作4次，制定年度工作要点，明确责任分工\n"
        "2、规范行政执法。组织执法人员培训3期、120人次，评查执法案卷86卷\n"
        "3、深化普法宣传。开展主题宣传活动26场\n")


def test_short_numbered_items_stay_items(national):
    result = check_text(REAL, national)
    assert [h["label"] for h in result.outline["headings"]] == ["一、", "1、", "2、", "3、"]
