"""numbering kind: skipped, repeated or mixed outline numbers."""
from __future__ import annotations

from checker.run.pipeline import check_text
from tests.reportkit import findings, report

RULE = "numbering"


def test_repeated_number(national):
    got = findings(report(measures="（一）规范执法。培训815人次。\n（一）政务服务。办件4万余件。"), national, RULE)
    assert len(got) == 1 and "重号" in got[0].message and "（二）" in got[0].message


def test_skipped_top_level_number(national):
    text = report().replace("三、履行", "四、履行").replace("四、2025年", "五、2025年")
    got = findings(text, national, RULE)
    assert len(got) == 1 and "跳号" in got[0].message and got[0].excerpt.startswith("四、")


def test_continuous_numbering_across_groups_is_fine(national):
    measures = "（一）领导\n1.学习。培训4次。\n2.督察。督察2轮。\n（二）执法\n3.培训。培训815人次。\n4.评查。评查420卷。"
    assert findings(report(measures=measures), national, RULE) == []


def test_restart_at_one_is_fine(national):
    measures = "（一）领导\n1.学习。培训4次。\n（二）执法\n1.培训。培训815人次。"
    assert findings(report(measures=measures), national, RULE) == []


def test_mixed_styles_at_one_level(national):
    measures = "（一）执法\n1.培训。培训815人次。\n2.评查。评查420卷。\n3、公示。公示5842条。"
    got = findings(report(measures=measures), national, RULE)
    assert len(got) == 1 and "格式" in got[0].message


def test_half_width_labels_are_fine(national):
    text = report(measures="(一)规范执法。培训815人次。\n(二)政务服务。办件4万余件。")
    assert [f for f in check_text(text, national).findings if f.rule == RULE] == []


def test_hundreds_in_labels_are_named_not_crashed():
    """(九十九) then (一百零一): a skipped (一百), reported in the drafter's numerals."""
    from checker.check.kinds.numbering import cn_numeral

    assert [cn_numeral(n) for n in (0, 9, 10, 11, 20, 99, 100, 101, 110)] == [
        "零", "九", "十", "十一", "二十", "九十九", "一百", "一百零一", "一百一十"]


# A mirror site decoded a GBK page one byte out of step: （一） became ?ㄒ唬 and the line was no
# heading any more.  The number is not missing; it is unreadable.
GARBLED_FIRST = "?ㄒ唬┕娣吨捶ā。全年审核规范性文件37件。\n（二）化解争议。审结复议案件398件。"


def test_no_skip_is_inferred_across_a_garbled_line(national):
    assert findings(report(measures=GARBLED_FIRST), national, RULE) == []
    # the same gap with a readable line is still a skip
    plain = GARBLED_FIRST.replace("?ㄒ唬┕娣吨捶ā。", "")
    got = findings(report(measures=plain), national, RULE)
    assert len(got) == 1 and "跳号" in got[0].message


def test_a_garbled_line_hides_only_its_own_place(national):
    # garbled text in the middle of a line does not hide a label; a gap elsewhere is still reported
    measures = ("（一）规范执法。全年审核规范性文件37件，其中ㄒ唬┕娣文件2件。\n（三）化解争议。审结复议案件398件。")
    got = findings(report(measures=measures), national, RULE)
    assert len(got) == 1 and "（二）" in got[0].message
    # a repeated number is reported whatever lies between
    repeated = "（一）规范执法。全年审核37件。\n?ㄒ唬┕娣吨捶ā。\n（一）化解争议。审结398件。"
    got = findings(report(measures=repeated), national, RULE)
    assert len(got) == 1 and "重号" in got[0].message
