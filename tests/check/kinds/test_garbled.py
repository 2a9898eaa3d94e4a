"""garbled kind: text mis-decoded somewhere between the drafter and us, said once with its lines."""
from __future__ import annotations

import pytest

from checker.check import garbled
from tests.reportkit import findings, report

RULE = "text-garbled"
MEASURES = "（一）规范执法。全年审核规范性文件37件，行政复议纠错12件，办结率98%。"


def _as(text: str, wrote: str, read: str, skip: int = 0) -> str:
    """``text`` saved in one encoding and read in another (``skip`` bytes lost at the start)."""
    return text.encode(wrote)[skip:].decode(read, errors="replace")


@pytest.mark.parametrize("wrote,read,skip", [("utf-8", "gbk", 0), ("gbk", "gbk", 1), ("gbk", "latin-1", 0),
                                             ("utf-8", "cp1252", 0)])
def test_mis_decoded_text_is_found(national, wrote, read, skip):
    garbled_line = _as(MEASURES, wrote, read, skip)
    got = findings(report(measures=garbled_line + "\n（二）化解争议。审结复议案件398件。"), national, RULE)
    assert len(got) == 1 and got[0].severity == "warning" and got[0].line == 3
    assert "第3行" in got[0].message and "乱码" in got[0].message


def test_said_once_with_every_line(national):
    bad = _as(MEASURES, "utf-8", "gbk")
    measures = "\n".join([bad, "（二）化解争议。审结复议案件398件。", bad, bad])
    got = findings(report(measures=measures), national, RULE)
    assert len(got) == 1 and "第3、5、6行" in got[0].message


def test_replacement_marks_as_read_by_a_wrong_decoder(national):
    got = findings(report(measures="（一）规范执法。锟斤拷锟斤拷全年审核37件。"), national, RULE)
    assert len(got) == 1 and "锟斤拷" in got[0].excerpt


@pytest.mark.parametrize("measures", [
    MEASURES,
    "（一）规范执法。××镇整改问题5个，“12·4”宪法宣传周开展活动8场，室温保持在26°C。",
    "（一）规范执法。邀请Müller教授讲座1场，“双随机、一公开”抽查120户。",
    "（一）规范执法。全年审核规范性文件37件，鈥字不单独成为乱码。",
])
def test_clean_text_passes(national, measures):
    assert findings(report(measures=measures), national, RULE) == []


def test_stretches_merge_near_runs_on_one_line():
    patterns = garbled.compile_patterns(["锟斤拷"])
    assert garbled.stretches("锟斤拷好锟斤拷\n锟斤拷", patterns) == [(0, 7), (8, 11)]


def test_a_signature_pattern_is_checked_when_loaded():
    with pytest.raises(ValueError, match="garbled_patterns"):
        garbled.compile_patterns(["(a+)+"])


def test_pinyin_a_mirror_inserted_after_characters(national):
    """A reposting site that writes a toned pinyin after characters (區(qū), 關(guān)): twice on a line is garbling."""
    got = findings(report(measures="（一）规范执法。全年审(shěn)核规范性文件37件，行政复议纠错12件(jiàn)。"), national, RULE)
    assert len(got) == 1 and "(shěn)" in got[0].excerpt


@pytest.mark.parametrize("measures", [
    "（一）规范执法。全年审核规范性文件37件，办结率98%。“䶮(yǎn)”字的读音另附说明。",  # one gloss for a rare character
    "（一）规范执法。全年审核规范性文件37件(A类)，办结率98%(2024年)。",                # brackets with no toned pinyin
])
def test_one_gloss_or_plain_brackets_are_not_garbling(national, measures):
    assert findings(report(measures=measures), national, RULE) == []


def test_signatures_skipped_by_their_guards_could_not_have_matched(national):
    """stretches() runs only the signatures whose characters a text holds: on random text over
    the signatures' own characters it finds what running every signature finds."""
    import random

    patterns = next(rule.compiled["patterns"] for rule in national.rules if rule.kind == "garbled")
    assert len(patterns) >= 5
    alphabet = list("锟斤拷锛銆鈥ㄒ唬┥æ³•ÖÐ»ªàé€™区對(qū)（guān）法治，。、×·\n") + ["區(qū)", "關(guān)"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        everything = sorted(m.span() for p in patterns for m in p.finditer(text) if m.end() > m.start())
        assert [s for s, _ in garbled.stretches(text, patterns)] == _merged_starts(everything, text), text


def _merged_starts(spans: list[tuple[int, int]], text: str) -> list[int]:
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start - merged[-1][1] < garbled.MERGE_GAP and "\n" not in text[merged[-1][1]:start]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [s for s, _ in merged]
