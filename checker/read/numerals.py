"""Chinese numerals both ways: reading outline labels (十一 → 11) and writing them (11 → 十一).

The parser reads heading numbers, the DOCX reader renders Word's automatic list labels and the
``numbering`` kind names the label a drafter meant; all three share these two functions.
"""
from __future__ import annotations

CN_DIGITS = "零一二三四五六七八九"
_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_number(text: str) -> int:
    """Value of a Chinese numeral up to the hundreds (十一 → 11, 二十 → 20), a circled or ASCII number."""
    if text in CIRCLED:
        return CIRCLED.index(text) + 1
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _VALUES.get(ch, 0)
    return total + current


def chinese_counting(n: int, digits: str = CN_DIGITS, units: str = "十百千") -> str:
    """1→一, 10→十, 11→十一, 20→二十, 101→一百零一 (below 10000; larger numbers in digits)."""
    if not 0 < n < 10000:
        return str(n)
    parts: list[str] = []
    text = str(n)
    zero_pending = False
    for pos, ch in enumerate(text):
        d = int(ch)
        power = len(text) - pos - 1
        if d == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append(digits[0])
            zero_pending = False
        if not (d == 1 and power == 1 and pos == 0):  # 十一, not 一十一
            parts.append(digits[d])
        if power:
            parts.append(units[power - 1])
    return "".join(parts)
