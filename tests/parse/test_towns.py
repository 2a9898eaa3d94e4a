"""Towns found in a text by name (``checker/parse/towns.py``).  Real division names from the
national list, synthetic sentences (ours)."""
from __future__ import annotations

import pytest

from checker.parse import towns


def test_the_list_holds_towns_townships_and_streets():
    table = towns.names()
    assert {"东庄镇", "拱市乡", "珠吉街道", "伊金霍洛镇"} <= table
    assert len(table) > 25000
    assert all(len(name) >= 3 for name in table)  # no one-character stem (乌镇)


@pytest.mark.parametrize("text, level, stems", [
    ("将法治政府建设纳入了东庄镇发展总体规划。", "镇", {"东庄"}),  # after a verb: the list finds the edge
    ("通过点单式服务强化伊金霍洛镇法治建设。", "镇", {"伊金霍洛"}),  # the longest name ending at 镇
    ("拱市乡法治副校长上普法课5场次。", "乡", {"拱市"}),
    ("制定《珠吉街理论学习中心组学习制度》。", "街道", {"珠吉"}),  # a 街道's short form in a cited title
    ("城西街道与清河街道签订执法协作协议。", "街道", {"城西", "清河"}),
])
def test_towns_named_in_a_sentence(text, level, stems):
    assert towns.named(text, level) == stems


@pytest.mark.parametrize("text, level", [
    ("对部分乡镇（街道）编制权责清单进行指导。", "镇"),  # 部分乡镇: 分乡镇 is in the list, but here a word
    ("推进小城镇建设和中心镇扩权。", "镇"),  # words the list also holds as names
    ("推动美丽乡村建设，全镇开展普法。", "乡"),  # 乡村; 全镇
    ("在我镇开展普法宣传。", "镇"),  # a pronoun, no name
    ("成立以街道党工委书记为组长的领导小组。", "街道"),  # 成立以 is no 街道 of the list
    ("以整体理念整合市镇两级职能。", "镇"),  # 市镇两级: a list of levels (合市镇 is in the list)
])
def test_words_are_not_towns(text, level):
    assert towns.named(text, level) == set()
