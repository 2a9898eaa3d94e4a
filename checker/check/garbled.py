"""Text garbled by a wrong decoding (乱码): where it is, so that no rule reads meaning into it.

A page saved in one encoding and read in another turns Chinese into runs of rare characters
with recognisable signatures: UTF-8 read as GBK makes every full-width mark start with 锛, 銆
or 鈥 (，→锛, 、→銆?, “→鈥?) and the replacement mark into 锟斤拷; GBK read one byte out of step
lands in the rows of bopomofo and box drawing (（一）→?。ㄒ唬┥); UTF-8 or GBK read as Latin-1
gives runs of accented letters (æ³•æ²», ÖÐ»ª).  The signatures are the rule set's lexicon;
this module finds their runs, merges near ones, and tells which lines begin garbled — the place
where a heading's number would have been (the numbering rule does not call a number skipped
across such a line).
"""
from __future__ import annotations

import bisect
import functools
import re

from checker.check import prefilter
from checker.check.regex_safety import compile_safe

MERGE_GAP = 8    # runs closer than this on one line are one garbled stretch
LINE_HEAD = 4    # a stretch that starts within this many characters of its line start hides the line's label


def compile_patterns(patterns: list[str], field: str = "garbled_patterns") -> tuple[re.Pattern[str], ...]:
    """Compile the signature patterns once, at load time; a bad one fails the rule file."""
    return tuple(compile_safe(p, f"{field}[{i}]") for i, p in enumerate(patterns))


def stretches(text: str, patterns: tuple[re.Pattern[str], ...]) -> list[tuple[int, int]]:
    """Garbled stretches of ``text`` as (start, end): the signature matches, merged when they lie
    on one line fewer than :data:`MERGE_GAP` characters apart."""
    found = sorted(m.span() for p in _may_match(text, patterns) for m in p.finditer(text) if m.end() > m.start())
    merged: list[list[int]] = []
    for start, end in found:
        if merged and start - merged[-1][1] < MERGE_GAP and "\n" not in text[merged[-1][1]:start]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _may_match(text: str, patterns: tuple[re.Pattern[str], ...]) -> list[re.Pattern[str]]:
    """The signatures that may match in ``text`` (the same matches: a signature is skipped only
    when ``text`` lacks every character its match must hold or start with).  Most reports hold
    none, and each signature run over a whole report costs 10-150 µs (a class at its start)."""
    guarded, rest, starts = _guards(patterns)
    found = [p for p, guard in guarded if guard.may_match(text)]
    if rest and (starts is None or starts.search(text) is not None):
        found += rest
    return found


@functools.lru_cache(maxsize=16)
def _guards(patterns: tuple[re.Pattern[str], ...]) -> tuple[list, list, object]:
    """Each signature with a rare character set its matches must hold (锟斤拷 needs 锟; a toned
    pinyin vowel), and the others with one class of the characters they start with (see
    :func:`prefilter.first_class`: Latin-1, bopomofo), searched once for them all."""
    guarded, rest = [], []
    for pattern in patterns:
        guard = prefilter.build(pattern)  # the rarest set its matches must hold one of
        if guard is not None and not guard.chars & prefilter.COMMON:
            guarded.append((pattern, guard))
        else:
            rest.append(pattern)
    return guarded, rest, prefilter.first_class(rest) if rest else None


def of(doc, patterns: tuple[re.Pattern[str], ...]) -> list[tuple[int, int]]:
    """:func:`stretches` of the document's text, found once per document and signature set."""
    key = ("garbled", patterns)
    if key not in doc.shared:
        doc.shared[key] = stretches(doc.text, patterns) if patterns else []
    return doc.shared[key]


def line_head_offsets(doc, patterns: tuple[re.Pattern[str], ...]) -> list[int]:
    """Offsets (sorted) of the lines whose first characters are garbled: a heading label there
    could not be read."""
    heads = []
    for start, _ in of(doc, patterns):
        line, column = doc.position(start)
        line_start = doc.line_starts[line - 1]
        if len(doc.text[line_start:start].strip()) < LINE_HEAD:
            heads.append(line_start)
    return sorted(set(heads))


def garbled_line_between(heads: list[int], lo: int, hi: int) -> bool:
    """Whether a line that begins garbled starts in ``[lo, hi)``."""
    index = bisect.bisect_left(heads, lo)
    return index < len(heads) and heads[index] < hi
