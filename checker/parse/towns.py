"""China's towns, townships and sub-districts, found in a report's text by name.

A town's report that calls itself 我镇 often writes its own name once, deep in a sentence
(纳入了东庄镇发展总体规划, 强化伊金霍洛镇法治建设, 制定《珠吉街理论学习……》): the characters
before 镇 cannot tell where the name starts, the national list of divisions can (towns.tsv, made
by scripts/gen_towns.py).  Loaded only when a 我镇 needs its name."""
from __future__ import annotations

from checker.read.lazy_pattern import lazy

from .places import data_lines, is_han

LONGEST_STEM = 8
# The level's character starting a word (乡村, 乡镇, 城镇化 …, 镇街, 街道办), or a list of levels
# (整合市镇两级职能, 县乡两级): a level mark, not a name's end.
LEVEL_MARK = {
    "镇": lazy(r"镇(?![村镇街土亲贤愁音里化]|[两三]?级)"),
    "乡": lazy(r"乡(?![村镇街土亲贤愁音里]|[两三]?级)"),
    "街道": lazy(r"街道"),
}
# A street's short form where a document of its own is cited (《珠吉街理论学习中心组……》).
STREET_CITED = lazy(r"(?<=[《“\"])([\u4e00-\u9fff]{2,6}?)街(?!道)")
# Names in the list that are also common words of a report (中心镇, 小城镇, 平安乡): never taken.
WORDS = frozenset({"中心镇", "中心乡", "小城镇", "平安乡", "平安镇", "特色镇", "重点镇", "建制镇", "新建镇", "新建乡", "新建街道"})
# A stem with a pronoun (全镇, 我乡) is a phrase; one ending as 乡镇, 城镇, 村镇, 集镇 do is that word
# with a character before it (部分乡镇 holds 分乡镇).
NOT_STEM = lazy(r"[我全本各该每]|[乡城村集]$")

_names: set[str] = set()


def names() -> set[str]:
    """Every town, township and sub-district name in the national list."""
    if not _names:
        _names.update(line.strip() for line in data_lines("towns.tsv"))
    return _names


def named(text: str, level: str) -> set[str]:
    """The stems of the towns of ``level`` (镇, 乡 or 街道) the text writes out: at each level mark,
    the longest name in the list that ends there (伊金霍洛镇, not 霍洛镇 or 化伊金霍洛镇)."""
    table = names()
    found: set[str] = set()
    for mark in LEVEL_MARK[level].finditer(text):
        end = mark.start()
        for size in range(min(LONGEST_STEM, end), 1, -1):
            stem = text[end - size:end]
            if all(map(is_han, stem)) and stem + level in table and stem + level not in WORDS \
                    and not NOT_STEM.search(stem):
                found.add(stem)
                break
    if level == "街道":
        found |= {m.group(1) for m in STREET_CITED.finditer(text) if m.group(1) + "街道" in table}
    return found
