"""China's provinces, prefectures and counties, found in a report's text with their edges.

A report that calls itself 市应急管理局 or 县政府 often writes its place out somewhere else
(成立大冶市应急管理局……领导小组, 《阳泉市……》, 平定县和盂县): reading ``[\u4e00-\u9fff]+市``
cannot tell where such a name starts (成立大冶市), the list of divisions can.  The names come
from the national division codes (places.tsv, made by scripts/gen_places.py).  Loaded only when
a report's issuer needs its place, so a run that never asks pays nothing."""
from __future__ import annotations

import os
from collections.abc import Iterator

HERE = os.path.dirname(os.path.realpath(__file__))
ENDINGS = frozenset("省市区县州旗盟")
HAN_FIRST, HAN_LAST = "\u4e00", "\u9fff"
# 区域, 县域, 市场: the name's last character begins a word (平安区域, 创新县域, 义乌市场)
WORD_AFTER = {"区": "域", "县": "域", "市": "场"}

_names: dict[str, str] = {}


def data_lines(filename: str) -> Iterator[str]:
    """The lines of a list shipped beside this module (places.tsv, towns.tsv), without its
    comments and blank lines."""
    with open(os.path.join(HERE, filename), encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n")


def names() -> dict[str, str]:
    """Every place name with its level: p a province, c a prefecture, d a county-level division."""
    if not _names:
        for line in data_lines("places.tsv"):
            name, level = line.split("\t")
            _names[name] = level
    return _names


def is_han(char: str) -> bool:
    return HAN_FIRST <= char <= HAN_LAST


def named(text: str) -> list[tuple[str, int]]:
    """Each place written out in full, with where it starts: the longest name ending at each
    place ending (阳新县, not 新县).  A one-character name (盂县, 和县, 城区) counts only after a
    mark, a space or another place, since inside words it is no place (创新县域, 市政府和县政府)."""
    table = names()
    longest = max(map(len, table))
    found: list[tuple[str, int]] = []
    last_end = -1
    for end, char in enumerate(text):
        if char not in ENDINGS or text[end + 1:end + 2] == WORD_AFTER.get(char):
            continue
        for size in range(min(longest, end + 1), 1, -1):
            start = end + 1 - size
            name = text[start:end + 1]
            if name not in table:
                continue
            if size == 2 and start > 0 and is_han(text[start - 1]) and start != last_end:
                break
            found.append((name, start))
            last_end = end + 1
            break
    return found


def starts_with_place(name: str) -> bool:
    """市中区教育局, 镇海区农业农村局: a name that starts with a place written out, though its first
    character is a level's (so it is no short form such as 区教育局)."""
    return any(start == 0 for _, start in named(name))


def level_of(name: str) -> str | None:
    """p, c or d for a place name, None for a name that is not one."""
    return names().get(name)


def autonomous_prefecture(short: str) -> str | None:
    """巴州 → 巴音郭楞蒙古自治州, 黔东南州 → 黔东南苗族侗族自治州: the one autonomous prefecture
    whose name starts with the short form's stem, as these prefectures call themselves; None
    for a stem two share (海州: 海北, 海南, 海西) or none has (全州, 本州)."""
    if len(short) < 2 or not short.endswith("州") or short.endswith("自治州"):
        return None
    stem = short[:-1]
    found = [name for name in names() if name.endswith("自治州") and name.startswith(stem)]
    return found[0] if len(found) == 1 else None
