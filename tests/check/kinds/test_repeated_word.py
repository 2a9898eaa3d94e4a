"""repeated_word kind: accidental doubled words, not legitimate reduplication."""
from __future__ import annotations

import pytest

from tests.reportkit import findings, report

RULE = "repeated-word"


@pytest.mark.parametrize("text,word", [("推进推进法治建设，培训4次。", "推进"), ("普法与机关日常工作工作结合，培训4次。", "工作"),
                                       ("完善的的制度，培训4次。", "的")])
def test_doubled_words(national, text, word):
    got = findings(report(measures=text), national, RULE)
    assert len(got) == 1 and got[0].excerpt == word * 2 and got[0].severity == "info"


@pytest.mark.parametrize("text", ["层层压实责任，常常督促，对问题一一整改，培训4次。",
                                  "区委全面依法治区委员会会议研究，江澜市市场监督管理局指导，严格执行行政规范性文件，保护饮用水水源地。"])
def test_legitimate_repeats_pass(national, text):
    assert findings(report(measures=text), national, RULE) == []


def test_a_verb_before_a_noun_that_starts_with_it_is_no_repeat(national):
    # 规范 + 规范性文件: the second copy begins a longer listed word.
    assert findings(report(measures="清理规范规范性文件12件。"), national, RULE) == []
    # A real repeat of the same word is still reported, also before a listed word's other uses.
    got = findings(report(measures="清理规范规范规范性文件12件。"), national, RULE)
    assert [f.excerpt for f in got] == ["规范规范"]


@pytest.mark.parametrize("text", ["规范执法流程，坚持立案一案一档，全年评查案卷12卷。",
                                  "建立帮扶台账，结对到户一户一策，走访困难群众35户。",
                                  "普法落实到村一村一品，覆盖行政村18个。"])
def test_an_enumeration_with_one_is_no_repeat(national, text):
    # 一 paired with different words enumerates (案一案一 inside 一案一卷一审 is no typo).
    assert findings(report(measures=text), national, RULE) == []


def test_the_same_pair_twice_is_still_a_repeat(national):
    got = findings(report(measures="一是一是健全制度，全年审核规范性文件37件。"), national, RULE)
    assert [f.excerpt for f in got] == ["一是一是"]


@pytest.mark.parametrize("text", ["搭建共建共享平台，覆盖社区18个。", "坚持边查边改边治，整改问题37个。",
                                  "推行即收即办即结，办件4万余件。"])
def test_other_paired_enumerations_are_no_repeat(national, text):
    assert findings(report(measures=text), national, RULE) == []


def test_a_paired_enumeration_typed_twice_is_a_repeat(national):
    got = findings(report(measures="坚持共建共建共享，覆盖社区18个。"), national, RULE)
    assert [f.excerpt for f in got] == ["共建共建"]


@pytest.mark.parametrize("text", ["把学习成果转化为实实在在的工作成效，培训4次。", "的的确确解决了群众反映的问题，培训4次。"])
def test_half_of_an_aabb_reduplication_is_no_repeat(national, text):
    # 实实在在, 的的确确: the doubled 在 / 的 pairs with a doubled character beside it (AABB).
    assert findings(report(measures=text), national, RULE) == []


def test_a_doubled_single_character_without_a_partner_pair_is_still_a_repeat(national):
    got = findings(report(measures="落实在在岗位上的责任，培训4次。"), national, RULE)
    assert [f.excerpt for f in got] == ["在在"]
