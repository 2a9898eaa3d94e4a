"""What counts as a measurable figure in a report sentence.

Reviewers accept a claim when it comes with something they can check: a count with a measure
word (59名, 4万余件, 十个项目), a percentage, money, a duration or a rank.  Numerals that only
*look* like figures are masked first, so they never save an empty claim: years and dates,
ordinals (第三次会议), anything inside a 《…》 title, short “…” quoted names, and the slogans and
programme names of a lexicon (一网通办, 三项制度, 7×24小时, “1+N” …).

All functions work on normalised text (see :mod:`checker.read.normalize`) and keep offsets:
masking replaces characters one for one.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from checker.read.lazy_pattern import lazy
from checker.read.normalize import normalize
from checker.read.record import record

from . import prefilter
from .regex_safety import compile_safe

MASK = "\u2591"  # a character that is neither a digit nor a Chinese numeral nor punctuation
CN = "零〇一二两三四五六七八九十百千万亿"
CN_DIGIT = "一二两三四五六七八九十"
# A number is matched only from its first digit: not after a digit, nor after "digit," where a
# start further left reaches the same thousands group anyway (the look-arounds follow the first
# digit so that re can still skip ahead to candidates).  Otherwise every position of a long run
# (111…1x%, 1,111,…,111x%) starts an attempt that scans to the run's end — quadratic (5,000
# digits before "x%" took 30 s).  Such a start never gives the leftmost match: the same matches.
ARABIC = r"\d(?<!\d\d)(?:(?<!\d,\d)|(?!\d\d(?!\d)))\d*(?:,\d{3})*(?:\.\d+)?"

TITLE = lazy(r"《[^《》\n]{0,120}》")
YEAR_RANGE = lazy(r"(?:19|20)\d{2}\s*[-—–~至]\s*(?:19|20)?\d{2,4}\s*年?度?")
# The look-behinds come after the first character matched, not before it: a pattern that starts
# with a look-behind is tried at every position of the text, one that starts with a character
# (class) lets Python's re skip to the candidates — three to four times faster, same matches.
YEAR = lazy(r"(?:19|20)(?<![\d.]19)(?<![\d.]20)\d{2}\s*年度?")
DATE = lazy(r"\d(?<![\d.]\d)\d?\s*(?:月(?:\s*\d{1,2}\s*[日号])?|[日号](?!\d))")
ORDINAL = lazy(rf"第\s*(?:\d+|[{CN}]+)")
# A rank: 位列全市第一, 居全省前三.  Within 10 characters any 列/居 will do; a longer gap (位列各项……工作的
# 第一位, 13 characters) needs an explicit rank word and a place that ends in 位/名 — a bare 列 that far
# from 第 is a list (列出……第三季度), not a rank.
RANK = lazy(rf"(?:排名|排位|位列|位居|名列|列|居)[^,;。]{{0,10}}?(?:第|前)\s*(?:\d+|[{CN_DIGIT}]+)"
            rf"|(?:排名|排位|位列|位居|名列)[^,;。]{{11,20}}?(?:第|前)\s*(?:\d+|[{CN_DIGIT}]+)\s*[位名]")
PERCENT = lazy(rf"{ARABIC}\s*[%‰]|百分之[{CN}\d点.]+|{ARABIC}\s*个?百分点|[{CN_DIGIT}]+\s*个百分点")
CN_NUMBER = lazy(rf"[{CN}]+")
# A run of more than 20 Chinese numerals is no number (the longest real one, 一千二百三十四万五千六百七十八,
# has 15): masked first, so that the count and percent patterns, which try every start inside a
# run, stay linear (100 000 numerals before 件 took 570 s).
LONG_NUMERALS = lazy(rf"[{CN}]{{21,}}")


@record(frozen=True)
class FigureSpec:
    """Compiled figure settings: measure words, slogans to mask, extra non-figure patterns."""

    count: re.Pattern[str]
    slogans: tuple[str, ...]
    slogan_re: re.Pattern[str] | None
    maskers: tuple[tuple[re.Pattern[str], prefilter.Prefilter | None], ...]  # what mask() blanks, in order
    slogan_guard: prefilter.Prefilter | None = None  # characters one of which every slogan holds
    # One class of every character a guard above (or PERCENT_CHARS, RANK_CHARS, 第) tests for:
    # one findall per text tells which of them it holds, instead of a search per guard.
    guard_chars: re.Pattern[str] | None = None


def longest_first(word: str) -> tuple[int, str]:
    """Sort key for an alternation's words: longer first (the regex tries them in order), equal
    lengths in a fixed order, so the pattern's text is the same in every process (a set's order
    changes from one process to the next) and its compiled program can be reused."""
    return (-len(word), word)


def build(measure_words: list[str], slogans: list[str], not_figures: list[str] | None = None,
          arabic_only: list[str] | None = None, mask_quoted: int = 20) -> FigureSpec:
    """Compile once per rule.  ``arabic_only`` measure words (分, 年 …) count only after digits,
    so 十分重视 or 二十届三中全会 are not figures."""
    arabic_only = list(arabic_only or [])
    both = sorted({normalize(w) for w in measure_words if w not in arabic_only}, key=longest_first)
    digits_only = sorted({normalize(w) for w in arabic_only}, key=longest_first)
    qualifier = r"\s*(?:[万亿千百]\s*)?(?:[余多]\s*)?"
    alternatives = []
    if both:
        words = "|".join(map(re.escape, both))
        alternatives.append(rf"(?:{ARABIC}|[{CN}]+){qualifier}(?:{words})")
        # digits, then 大/小 before the measure word (9大项工作任务和28小项具体措施); not after a Chinese
        # numeral, where it names a slogan (四大职能, 三大攻坚战)
        alternatives.append(rf"{ARABIC}\s*[大小]\s*(?:{words})")
    if digits_only:
        alternatives.append(rf"{ARABIC}{qualifier}(?:{'|'.join(map(re.escape, digits_only))})")
    count = lazy("|".join(alternatives) or r"(?!x)x")
    quoted = lazy(rf"[“‘\"][^“”‘’\"\n]{{1,{mask_quoted}}}[”’\"]") if mask_quoted else None
    ordered = tuple(sorted({normalize(s) for s in slogans}, key=longest_first))
    slogan_re = lazy("|".join(map(re.escape, ordered))) if ordered else None
    maskers = [LONG_NUMERALS, TITLE, *([quoted] if quoted else []), *(lazy(p) for p in not_figures or []),
               YEAR_RANGE, YEAR, DATE]
    guarded = tuple((p, prefilter.build(p)) for p in maskers)
    slogan_guard = prefilter.build(slogan_re) if slogan_re is not None else None
    tested = {*PERCENT_CHARS, *RANK_CHARS, "第"}
    for guard in [g for _, g in guarded] + [slogan_guard]:
        tested |= guard.chars if guard is not None else set()
    return FigureSpec(count=count, slogans=ordered, slogan_re=slogan_re, maskers=guarded, slogan_guard=slogan_guard,
                      guard_chars=lazy("[" + "".join(re.escape(c) for c in sorted(tested)) + "]"))


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` (which may overlap) replaced by :data:`MASK`,
    line ends kept.  Works on slices, not a list of characters: a list of a 50 MB report's
    characters costs over a gigabyte."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        out.append(text[pos:start])
        out.append("\n".join(MASK * len(piece) for piece in text[start:end].split("\n")))
        pos = end
    out.append(text[pos:])
    return "".join(out)


# Every percentage holds % ‰ or 百 (百分之…, …个百分点); every rank 第 or 前.  Sentences without
# them skip the search, which tries every digit of the text.
PERCENT_CHARS = ("%", "‰", "百")
RANK_CHARS = ("第", "前")


def _present(text: str, spec: FigureSpec) -> set[str]:
    """Which of the characters the guards test for ``text`` holds (one scan)."""
    return set(spec.guard_chars.findall(text)) if spec.guard_chars is not None else set(text)


def mask(text: str, spec: FigureSpec) -> str:
    """``text`` with every numeral that is not a figure replaced by :data:`MASK` (same length).
    Ranks (位列全市第一) are kept although they contain an ordinal."""
    return _mask(text, spec, _present(text, spec))


def _mask(text: str, spec: FigureSpec, present: set[str]) -> str:
    """:func:`mask`, given the guarded characters the text holds (:func:`_present`): a pattern
    none of whose required characters occurs is not run."""
    spans: list[tuple[int, int]] = []
    for pattern, guard in spec.maskers:
        if guard is None or not guard.chars.isdisjoint(present):
            spans += [m.span() for m in pattern.finditer(text)]
    if spec.slogan_re is not None and (spec.slogan_guard is None or not spec.slogan_guard.chars.isdisjoint(present)):
        spans += [m.span() for m in spec.slogan_re.finditer(text)]  # one alternation, longest first
    if "第" in present:  # ordinals; ranks (which may hold one) looked for only then
        ranks: list[tuple[int, int]] | None = None
        for m in ORDINAL.finditer(text):
            if ranks is None:
                ranks = [r.span() for r in RANK.finditer(text)]  # in order, not overlapping
                rank_starts = [lo for lo, _ in ranks]
            index = bisect.bisect_right(rank_starts, m.start()) - 1
            if not (index >= 0 and m.end() <= ranks[index][1]):
                spans.append(m.span())
    return blank_spans(text, spans) if spans else text


def _is_count(match: re.Match[str]) -> bool:
    """A Chinese numeral needs a digit character: 一 alone (一批, 一件事) and 万/千/百 alone
    (千家万户, 百姓) are idiom, not counts."""
    number = CN_NUMBER.match(match.group())
    if number is None:
        return True
    value = number.group()
    if value == "一" or not any(ch in CN_DIGIT for ch in value):
        return False
    return True


def find(text: str, spec: FigureSpec) -> list[tuple[int, int, str]]:
    """Figures in ``text`` as (start, end, kind) with kind count / percent / rank."""
    masked = mask(text, spec)
    found: list[tuple[int, int, str]] = []
    for m in PERCENT.finditer(masked):
        found.append((m.start(), m.end(), "percent"))
    for m in RANK.finditer(masked):
        found.append((m.start(), m.end(), "rank"))
    covered = set()
    for start, end, _ in found:
        covered.update(range(start, end))
    for m in spec.count.finditer(masked):
        if _is_count(m) and m.start() not in covered:
            found.append((m.start(), m.end(), "count"))
    return sorted(found)


def has_figure(text: str, spec: FigureSpec) -> bool:
    """Whether :func:`find` would find anything, stopping at the first figure: a percentage
    or a rank is enough, and without either no count can be covered by one."""
    present = _present(text, spec)
    masked = _mask(text, spec, present)  # masking only blanks characters: it adds none of those tested here
    if not present.isdisjoint(PERCENT_CHARS) and PERCENT.search(masked):
        return True
    if not present.isdisjoint(RANK_CHARS) and RANK.search(masked):
        return True
    return any(_is_count(m) for m in spec.count.finditer(masked))


def memo(doc, spec: FigureSpec) -> dict[str, bool]:
    """The document's remembered :func:`has_figure` answers for ``spec``: claim, coverage,
    duty and the score ask about the same sentences, and masking is the costly part."""
    return doc.shared.setdefault(("has_figure", id(spec)), {})


def has_figure_memo(text: str, spec: FigureSpec, answers: dict[str, bool] | None) -> bool:
    """:func:`has_figure`, looked up in (and added to) ``answers`` (see :func:`memo`)."""
    if answers is None:
        return has_figure(text, spec)
    found = answers.get(text)
    if found is None:
        found = answers[text] = has_figure(text, spec)
    return found


@lru_cache(maxsize=64)
def cached(measure_words: tuple[str, ...], slogans: tuple[str, ...], not_figures: tuple[str, ...],
           arabic_only: tuple[str, ...], mask_quoted: int) -> FigureSpec:
    """One compiled spec per distinct configuration (rules share lexicons)."""
    return build(list(measure_words), list(slogans), list(not_figures), list(arabic_only), mask_quoted)


FIGURE_DEFAULTS: dict = {"measure_words": [], "slogans": [], "not_figures": [], "arabic_only": [],
                         "mask_quoted": 20}


def spec_from(params: dict) -> FigureSpec:
    """The figure spec a kind's params describe (the params named in :data:`FIGURE_DEFAULTS`)."""
    if not params["measure_words"]:
        raise ValueError("measure_words: give the measure words that make a number a figure")
    if not isinstance(params["mask_quoted"], int) or params["mask_quoted"] < 0:
        raise ValueError("mask_quoted: must be a whole number ≥ 0")
    for i, pattern in enumerate(params["not_figures"]):
        compile_safe(pattern, f"not_figures[{i}]")
    return cached(tuple(params["measure_words"]), tuple(params["slogans"]), tuple(params["not_figures"]),
                  tuple(params["arabic_only"]), params["mask_quoted"])
