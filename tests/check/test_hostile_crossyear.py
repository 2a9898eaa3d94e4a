"""Copied-from-previous on two big reports (issue 18): last year's sentences are found through an
n-gram index, not by comparing every pair (two 195 KB reports took 35 s), with the same pairs."""
from __future__ import annotations

import random
import time

from checker.check.similarity import Unit, copied, grams5, jaccard


def _sentences(seed: int, n: int) -> list[Unit]:
    rng = random.Random(seed)
    words = "执法 监督 复议 应诉 规范 文件 备案 审查 培训 考核 公开 信用 许可 处罚 调解 普法 制度 程序".split()
    return [Unit(text="".join(rng.choice(words) for _ in range(8)) + f"第{i}项。", line=i + 1) for i in range(n)]


def _all_pairs(this: list[Unit], last: list[Unit], pair_min: float = 0.5) -> list[tuple]:
    """The definition: each sentence against every one of last year's, first best wins."""
    out = []
    for unit in this:
        mine = grams5(unit.text)
        best, best_score = None, 0.0
        for other in last:
            score = jaccard(mine, grams5(other.text))
            if score > best_score:
                best, best_score = other, score
        out.append((unit.line, best.line if best is not None and best_score >= pair_min else None,
                    round(best_score, 3)))
    return out


def test_index_gives_the_same_pairs_as_all_pairs() -> None:
    last = _sentences(1, 300) + [Unit(text="完全相同的一句话。", line=999), Unit(text="完全相同的一句话。", line=1000)]
    this = _sentences(1, 150) + _sentences(2, 150) + [Unit(text="完全相同的一句话。", line=5)]
    _whole, pairs = copied(this, last)
    assert [(p.this.line, p.last.line if p.last else None, p.score) for p in pairs] == _all_pairs(this, last)


def test_two_big_reports_compare_fast() -> None:
    this, last = _sentences(3, 6000), _sentences(4, 6000)  # ~200 KB each
    began = time.monotonic()
    copied(this, last)
    assert time.monotonic() - began < 20  # all pairs: minutes
