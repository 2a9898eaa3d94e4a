"""truncation: a text that stops mid-sentence is cut off; what runs into the cut is not judged
for what it lacks, and a whole report (signature block, a part left empty) is not cut off."""
from __future__ import annotations

from checker.check.truncation import cut_off, runs_into_cut
from checker.parse.parser import parse
from checker.read.source import Source
from tests.conftest import SAMPLES
from tests.reportkit import findings, report


def _doc(text: str, national):
    return parse(Source(path="x.txt", lines=text.split("\n")), national.sections)


def test_whole_reports_are_not_cut_off(national):
    for name in ("clean-2024.txt", "department-2024.txt", "unquantified-2024.txt"):
        assert not cut_off(_doc((SAMPLES / name).read_text(encoding="utf-8"), national)), name
    assert not cut_off(_doc(report(plan=""), national))  # ends with an empty part's heading


def test_a_text_that_stops_mid_sentence_is_cut_off(national):
    doc = _doc(report(plan="6月底前出台监督办法。\n（二）完成轮训。年内完成执法人员轮训，全年审核规范性"), national)
    assert cut_off(doc) and runs_into_cut(doc, doc.body_end) and not runs_into_cut(doc, doc.body_start)


def test_the_item_cut_off_is_not_called_unquantified(national):
    measures = "（一）规范执法。全年审核规范性文件37件。\n（二）深化政务服务。全面推行告知承诺制，全年办理"
    text = "\n".join(report(measures=measures).split("\n")[:4])  # the page opening stops inside item (二)
    assert findings(text, national, "item-unquantified") == []
    assert len(findings(text.replace("全年办理", "全年办理。\n（三）加强监督。全年督办案件12件。"), national, "item-unquantified")) == 1


def test_a_cut_off_duty_part_is_not_checked_for_its_elements(national):
    text = "\n".join(report(duty="区长主持召开常务会议研究法治议题4次。带头在区委全会上述法，组织会前学法活动，并且").split("\n")[:7])
    assert text.endswith("并且")
    assert findings(text, national, "duty-elements") == []
    assert [f for f in findings(text, national, "section-thin") if f.section == "duty"] == []


def _cut_after_item(national, leftover: str) -> list:
    """A page opening that stops right after an item's heading, on a short leftover line."""
    measures = "（一）规范执法。全年审核规范性文件37件。\n（二）深化政务服务，优化营商环境。\n" + leftover
    text = "\n".join(report(measures=measures).split("\n")[:5])
    return findings(text, national, "item-unquantified")


def test_a_leftover_that_names_no_body_is_a_cut_not_a_signature(national):
    # A function word, a bare verb, a phrase left open by 的: none names a body or a date.
    for leftover in ("根据", "组建", "充分发挥领导干部这一“关键少数”以上率下的"):
        assert _cut_after_item(national, leftover) == [], leftover
    # A signature line names a body: the text ends whole, and the empty item is reported.
    assert len(_cut_after_item(national, "云溪区人民政府")) == 1


def test_a_bare_marker_or_a_counts_first_words_is_a_cut_not_a_heading(national):
    """The cut fell right after an item's marker ("(三)") or inside a run-in count ("一是全面依法治"):
    the item before it is not judged for what it lacks; a short heading there is still an empty item."""
    for leftover in ("(三)", "（三）", "一是全面依法治"):
        assert _cut_after_item(national, leftover) == [], leftover
    assert len(_cut_after_item(national, "（三）深化普法")) == 1


def test_a_text_that_stops_inside_a_documents_title_is_cut_off(national):
    """A bracket at the very end closes an aside inside the title, not the sentence: the title's
    closing mark may follow the cut, so the open 《 is not reported."""
    measures = "（一）规范执法。全年审核规范性文件37件。\n（二）依法决策。编制出台《云溪市外来人员(进城务工人员)"
    text = "\n".join(report(measures=measures).split("\n")[:4])
    assert cut_off(_doc(text, national)) and findings(text, national, "unbalanced-pair") == []
    whole = text.replace("(进城务工人员)", "(进城务工人员)服务办法》，全年受理申请120件。")
    assert not cut_off(_doc(whole, national))


def test_a_heading_left_open_by_a_comma_or_function_word_is_a_cut(national):
    measures = "（一）规范执法。全年审核规范性文件37件。\n（二）深化政务服务。全面推行告知承诺制。\n3.精准开展普法，"
    for heading, cut in (("3.精准开展普法，", True), ("3.坚持以上率下的", True), ("3.精准开展普法", False)):
        doc = _doc("\n".join(report(measures=measures.replace("3.精准开展普法，", heading)).split("\n")[:5]), national)
        assert cut_off(doc) is cut, heading


def test_a_clause_that_ends_with_a_body_name_is_a_cut_not_a_signature(national):
    # A verb or an adverb before the body's name makes the leftover a clause of the cut paragraph.
    for leftover in ("充分发挥区委全面依法治区委员会", "进一步加强与区司法局"):
        assert _cut_after_item(national, leftover) == [], leftover
    # A bare body name is still the signature.
    assert len(_cut_after_item(national, "云溪区全面依法治区委员会")) == 1


def _run_in_items(last: str) -> str:
    """Item （一） with run-in sub-items (title and text on one line), none with a figure."""
    measures = ("（一）加强党建引领\n1.统筹谋划全局。把依法治区工作纳入年度计划，定期专题研究。\n"
                "2.抓住关键少数。落实领导干部学法制度，推动学法常态化。\n" + last)
    return "\n".join(report(measures=measures).split("\n")[:6])


def test_an_item_whose_last_sub_item_is_cut_is_not_judged(national):
    # Items 1. and 2. carry their text on their own line: a bare "3.…" at the very end is a cut item,
    # and the whole （一） runs into the cut (its figures may be in the missing part of 3.); the
    # finished items 1. and 2. are judged on their own.
    cut = _run_in_items("3.加强审查管理，依法制定")
    assert cut_off(_doc(cut, national))
    assert [f.excerpt for f in findings(cut, national, "item-unquantified")] == ["1.统筹谋划全局", "2.抓住关键少数"]
    whole = _run_in_items("3.加强审查管理。依法制定规范性文件，严格合法性审核。")
    assert not cut_off(_doc(whole, national))
    assert [f.excerpt for f in findings(whole, national, "item-unquantified")] == ["（一）加强党建引领"]


def test_a_cut_first_item_is_judged_by_the_items_of_its_level_before_it(national):
    measures = ("（一）加强领导\n1.健全机制。成立领导小组，全年召开会议4次。\n2.压实责任。签订责任书18份。\n"
                "（二）强化依法行政，提升效能\n1.加强行")
    text = "\n".join(report(measures=measures).split("\n")[:7])  # the page opening stops inside 1. under (二)
    assert text.endswith("1.加强行")
    doc = _doc(text, national)
    assert cut_off(doc)
    assert findings(text, national, "item-unquantified") == []
    # a text that ends with such a heading under its own part, items written on their own lines, is whole
    whole = text.replace("1.健全机制。", "1.健全机制\n").replace("2.压实责任。", "2.压实责任\n")
    assert not cut_off(_doc(whole, national))
