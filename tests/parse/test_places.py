"""Places found in a text with their edges (``checker/parse/places.py``).  Real division names,
synthetic sentences (ours)."""
from __future__ import annotations

import pytest

from checker.parse import places


def test_the_list_holds_every_level_and_old_names():
    table = places.names()
    assert table["湖北省"] == "p" and table["黄石市"] == "c" and table["大冶市"] == "d"
    assert table["郫县"] == "d" and table["郫都区"] == "d"  # the old name and the new one
    assert "市辖区" not in table and "县" not in table
    assert len(table) > 3000


def test_a_name_is_found_where_it_starts():
    """成立大冶市应急管理局: the name starts at 大冶, not at 成立."""
    text = "成立大冶市应急管理局法治政府建设领导小组"
    assert places.named(text) == [("大冶市", 2)]


def test_the_longest_name_at_an_ending_wins():
    assert [name for name, _ in places.named("推动阳新县经济发展")] == ["阳新县"]  # not 新县


def test_a_chain_of_places_gives_each():
    assert [name for name, _ in places.named("湖北省黄石市大冶市")] == ["湖北省", "黄石市", "大冶市"]


@pytest.mark.parametrize("text", [
    "推动创新县域经济发展",  # 新县 inside 创新县域
    "完成县委交办的任务",  # 成县 inside 完成县委
    "市政府和县政府共同部署",  # 和县 after a word
    "建设平安区域",  # 平安区 before 域
    "规范义乌市场秩序",  # 义乌市 before 场
])
def test_no_place_inside_words(text):
    assert places.named(text) == []


@pytest.mark.parametrize("text, want", [
    ("阳泉市盂县", ["阳泉市", "盂县"]),  # a one-character name right after its city
    ("（盂县）", ["盂县"]),  # after a mark
    ("盂县人民政府", ["盂县"]),  # at the start
])
def test_a_one_character_name_at_an_edge(text, want):
    assert [name for name, _ in places.named(text)] == want


def test_level_of():
    assert places.level_of("大冶市") == "d" and places.level_of("云溪县") is None


@pytest.mark.parametrize("short, want", [
    ("巴州", "巴音郭楞蒙古自治州"), ("黔东南州", "黔东南苗族侗族自治州"), ("黔南州", "黔南布依族苗族自治州"),
    ("海南州", "海南藏族自治州"), ("海州", None), ("全州", None), ("广州", None), ("甘孜藏族自治州", None),
])
def test_an_autonomous_prefecture_by_its_short_form(short, want):
    assert places.autonomous_prefecture(short) == want


@pytest.mark.parametrize("name, starts", [
    ("市中区教育局", True), ("镇海区农业农村局", True),  # a place whose name starts with a level's character
    ("区教育局", False), ("市人民政府", False), ("镇人民政府", False),  # short forms
])
def test_a_name_that_starts_with_a_place(name, starts):
    assert places.starts_with_place(name) is starts
