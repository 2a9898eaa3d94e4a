"""Percentages that cannot be right: a rate or share over 100% (出庭应诉率达120%), or
"X件，占Y%" where the base stated earlier in the same sentence — or, with ``neighbour``, in
the sentences just before it in the same paragraph (全年受理412件。其中调解76件，占30%。), when
none of the totals given there fits — makes Y wrong by more than rounding.

A named rate (办结率, 纠错率 …) is checked against the counts before it the same way: "受理50件，
办结48件，办结率100%" gives 办结 48 of 50, so 100% is wrong.  The rate's first two characters name
its numerator (办结率 → 办结48件); any earlier total that fits excuses it, as for shares.

Growth (同比增长106.4%) may exceed 100%, so a percentage is checked against 100 only when a
rate word (率, 占, 比例 …) comes just before it and no growth word does.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.check.hit import Hit
from checker.check.scope import spans
from checker.parse.document import Document
from checker.read.lazy_pattern import lazy
from checker.read.record import record

DEFAULTS: dict = {"rate_words": ["率", "占", "比例", "比重", "覆盖面"],
                  "growth_words": ["增长", "增加", "上升", "提高", "提升", "下降", "减少", "降低", "同比", "环比", "超过", "超出", "较"],
                  "base_words": ["共", "总计", "合计", "累计", "全年", "受理", "收到", "新收", "办理", "审结", "办结", "总数"],
                  "window": 8, "tolerance": 0.05, "neighbour": True}
NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A number starts where no digit (or digit and comma) precedes: otherwise every position inside
# a long digit run starts a match attempt that scans to the run's end, and 8,000 digits before a
# "%" cost seconds (quadratic).  A match that starts mid-run is never the leftmost one anyway.
START = r"(?<!\d)(?<!\d,)"
# The same number with the look-behinds after its first digit: they test the same characters, and a
# pattern that starts with a look-behind is tried at every position while one that starts with a
# digit lets the engine skip to the digits (PERCENT over the percentage sentences of 300 generated
# reports: 142 → 74 µs a report).  START + NUMBER and FIRST_NUMBER match alike (tested).
FIRST_NUMBER = r"\d(?<!\d\d)(?<!\d,\d)\d*(?:,\d{3})*(?:\.\d+)?"
PERCENT = lazy(rf"({FIRST_NUMBER})\s*%")
RATE = lazy(rf"([\u4e00-\u9fff]{{2}})率\s*(?:达到|达|为|是)?\s*({NUMBER})\s*%")
RATE_REACH = 24  # at most this many characters between a rate's count (办结48件) and the rate
COUNT_UNIT = r"(?:人次|件|起|宗|个|项|人|名|次|份|条|家|户|批)"
# What follows a rate's stem (办结率 → 办结) up to its count, and a number before a unit: fixed
# patterns whose matches are found from each place the stem or a number starts (_after_stem,
# _with_unit), so no pattern is compiled per stem or unit (each such compile cost ~1 ms: the
# first report of a process compiled a dozen).
AFTER_STEM = lazy(rf"[^,，;；。\d%]{{0,4}}?({FIRST_NUMBER})\s*({COUNT_UNIT})")
NUMBER_AT = lazy(rf"({FIRST_NUMBER})\s*")
SHARE = lazy(rf"({FIRST_NUMBER})\s*([\u4e00-\u9fff]{{1,2}}?)[,，、]?\s*(?:约)?占[^,;。%\d]{{0,12}}?({NUMBER})\s*%")


def _value(text: str) -> float:
    return float(text.replace(",", ""))


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    for lo, hi, key in spans(doc, rule.scope):
        sentences = doc.sentences_in(lo, hi)
        for index, sentence in enumerate(sentences):
            if "%" not in sentence.text:  # both checks need a percent sign; most sentences have none
                continue
            over = list(_over_hundred(sentence, rule.params, key))
            yield from over
            share, rate = "占" in sentence.text, "率" in sentence.text  # SHARE needs 占, RATE needs 率
            if not (share or rate):
                continue  # most percentages are neither: the paragraph before them is not joined
            before = ""
            if rule.params["neighbour"]:  # the sentences before it in the same paragraph, nearest last
                earlier = [t for t in sentences[max(0, index - 6):index] if t.line == sentence.line]
                before = "。".join(t.text for t in earlier)
            # one finding a number: a share over 100 % is wrong whatever its total, and the total a
            # recomputed value would guess is the less sure of the two
            said = {hit.end for hit in over}
            if share:
                yield from (hit for hit in _wrong_share(sentence, rule.params, key, before) if hit.end not in said)
            if rate:
                yield from (hit for hit in _wrong_rate(sentence, rule.params, key, before) if hit.end not in said)


def _over_hundred(sentence, params: dict, key: str | None) -> Iterator[Hit]:
    text = sentence.text
    for m in PERCENT.finditer(text):
        if _value(m.group(1)) <= 100:
            continue
        before = text[max(0, m.start() - params["window"]):m.start()]
        if any(w in before for w in params["rate_words"]) and not any(w in before for w in params["growth_words"]):
            start = sentence.start + max(0, m.start() - params["window"])
            yield Hit(start, sentence.start + m.end(), section=key,
                      fields={"percent": m.group(), "problem": "比率或占比不可能超过100%"})


def _wrong_share(sentence, params: dict, key: str | None, before: str = "") -> Iterator[Hit]:
    text = sentence.text
    for m in SHARE.finditer(text):
        part, unit, stated = _value(m.group(1)), m.group(2), m.group(3)
        base = _base(text[:m.start()], unit, part, params["base_words"])
        where = "同一句中"
        decimals = len(stated.split(".")[1]) if "." in stated else 0
        if base is None and before:
            # The sentence before may give several totals (新收…件；审结…件): any that fits is the base.
            bases = _bases(before, unit, part, params["base_words"])
            if any(_fits(part, b, stated, decimals, params) for b in bases):
                continue
            base, where = (bases[0] if bases else None), "同一段前文中"
        if base is None:
            continue
        actual = part / base * 100
        if not _fits(part, base, stated, decimals, params):
            yield Hit(sentence.start + m.start(), sentence.start + m.end(), section=key,
                      fields={"percent": f"{stated}%",
                              "problem": f"按{where}的总数{_fmt(base)}{unit}计算应为{actual:.{max(decimals, 1)}f}%"})


def _wrong_rate(sentence, params: dict, key: str | None, before: str = "") -> Iterator[Hit]:
    """办结率 (or any 〇〇率) that no earlier total fits, given the count 办结N件 stated before it."""
    text = sentence.text
    for m in RATE.finditer(text):
        stem, stated = m.group(1), m.group(2)
        context = (before + "。" if before else "") + text[:m.start()]
        counts = _after_stem(context, stem)
        if not counts:
            continue
        count = counts[-1]
        if len(context) - count.end > RATE_REACH:
            continue  # 采纳41条 two sentences back is not what 审查意见采纳率 counts
        part, unit = _value(count.number), count.unit
        cues = [w for w in params["base_words"] if w not in stem and stem not in w]
        # A named rate's total is often further from its base word (受理行政复议申请50件).
        bases = _bases(context[:count.start], unit, part, cues, reach=12)
        decimals = len(stated.split(".")[1]) if "." in stated else 0
        if not bases or any(_fits(part, b, stated, decimals, params) for b in bases):
            continue
        base = bases[0]
        if base != _nearest_larger(context[:count.start], unit, part):
            continue  # a nearer count comes between (全年办理200件，其中信访50件，办结48件): whose rate is unclear
        yield Hit(sentence.start + m.start(), sentence.start + m.end(), section=key,
                  fields={"percent": f"{stated}%",
                          "problem": f"前文写明{stem}{_fmt(part)}{unit}、总数{_fmt(base)}{unit}，"
                                     f"按此计算应为{part / base * 100:.{max(decimals, 1)}f}%"})


def _fits(part: float, base: float, stated: str, decimals: int, params: dict) -> bool:
    return abs(part / base * 100 - _value(stated)) <= 0.5 * 10 ** -decimals + params["tolerance"]


def _nearest_larger(before: str, unit: str, part: float) -> float | None:
    """The last count with the unit before a part that is larger than it, base word or not."""
    for m in reversed(_with_unit(before, unit)):
        if _value(m.number) > part:
            return _value(m.number)
    return None


def _bases(before: str, unit: str, part: float, cues: list[str], reach: int = 6) -> list[float]:
    """Every earlier count with the same unit that a base word within ``reach`` characters
    introduces, nearest first."""
    out = []
    for m in reversed(_with_unit(before, unit)):
        value = _value(m.number)
        context = before[max(0, m.start - reach):m.start]
        after = before[m.end:m.end + 1]
        if value > part and any(c in context for c in cues) and after not in ("余", "多"):
            out.append(value)
    return out


def _base(before: str, unit: str, part: float, cues: list[str]) -> float | None:
    """The nearest earlier count with the same unit that a base word introduces (exact
    numbers only: 4万余件 is no base)."""
    bases = _bases(before, unit, part, cues)
    return bases[0] if bases else None

@record
class Count:
    """A count found in the text: where it starts and ends (its unit included), its number and unit."""

    start: int
    end: int
    number: str
    unit: str


def _after_stem(text: str, stem: str) -> list[Count]:
    """What ``finditer`` of ``stem`` + AFTER_STEM finds in ``text``: the stem is plain text, so
    a match can only start where it occurs, and AFTER_STEM must match right after it."""
    out: list[Count] = []
    at = text.find(stem)
    while at >= 0:
        m = AFTER_STEM.match(text, at + len(stem))  # look-behinds still see the text before
        if m is None:
            at = text.find(stem, at + 1)
            continue
        out.append(Count(at, m.end(), m.group(1), m.group(2)))
        at = text.find(stem, m.end())
    return out


def _with_unit(text: str, unit: str) -> list[Count]:
    """What ``finditer`` of a number, spaces and ``unit`` (Han characters) finds in ``text``.
    At a place where a number starts, only its longest reading can be followed by spaces and a
    Han character (a shorter one is followed by a digit, comma or point), so each start is tried
    once with NUMBER_AT; where the unit does not follow, the search goes on from the next
    character, as the regex engine's own would."""
    out: list[Count] = []
    at = 0
    while (m := NUMBER_AT.search(text, at)) is not None:
        if text.startswith(unit, m.end()):
            out.append(Count(m.start(), m.end() + len(unit), m.group(1), unit))
            at = m.end() + len(unit)
        else:
            at = m.start() + 1
    return out


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
