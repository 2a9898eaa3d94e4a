"""The title, the measures heading and the plan heading must agree on the report year
(the plan names the year after).  The report year is what most of them say, so the one
that disagrees is the one reported.

Three further checks, each switched by a param: sub-headings of the measures part that name
another year (``headings``), events in the measures part dated after the report year
(``future``; a warning, since 截至2025年2月 can be legitimate and is exempted by cue words;
a year followed in its clause by a plan's name or an entry into force, 纳入2026年立法计划 or
自2026年3月1日起施行, is exempted by ``future_named``: the report year's work put something into
next year's plan, or passed a rule that takes effect then; a year whose clause runs into the
cut of a cut-off text is not judged: what names it may be in the missing part),
and two years glued into one run of digits, 20242025年 (``glued``).  Years inside 《…》 titles
and ranges (2023—2025年) are not events.  A range whose ends are equal or reversed (2023-2023)
is a typing slip (``ranges``)."""
from __future__ import annotations

from collections.abc import Iterator

from checker.check.hit import Hit
from checker.check.scope import section_of
from checker.check.truncation import runs_into_cut
from checker.parse.document import Document
from checker.parse.metadata import YEAR_RE
from checker.parse.page_marks import without_pinyin
from checker.read.lazy_pattern import lazy

DEFAULTS: dict = {"headings": True, "future": True, "glued": True,
                  "future_exempt": ["截至", "截止", "至", "到", "将", "计划", "预计", "力争", "争取", "前", "以来"],
                  "future_named": []}
# How far after a year the words that name it may end (纳入省人大2026年立法重点调研项目, 2026年3月1日起施行).
PLAN_NAME_CHARS = 12
TITLE = lazy(r"《[^《》\n]{0,120}》")
GLUED = lazy(r"((?:19|20)(?<!\d19)(?<!\d20)\d{2})((?:19|20)\d{2})(?=\s*年|\s*[)）])")  # look-behind after 19/20: see figures.YEAR
WHAT = {"title": "标题", "measures": "“主要举措和成效”部分标题", "plan": "“下一年度主要安排”部分标题"}
SHIFT = {"title": 0, "measures": 0, "plan": 1}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    meta = doc.metadata
    if meta.year is None:
        return
    for source, shift in SHIFT.items():
        stated = meta.year_sources.get(source)
        if stated is None or stated == meta.year:
            continue
        span = _year_span(doc, source)
        if span is None:
            continue
        yield Hit(span[0], span[1], section=None if source == "title" else source,
                  fields=_fields(WHAT[source], stated + shift, meta.year, meta.year + shift))
    params = rule.params
    if params.get("headings", True):
        yield from _measures_headings(doc, ruleset, meta.year)
    if params.get("future", True):
        yield from _future_events(doc, meta.year, params.get("future_exempt", []), params.get("future_named", []))
    if params.get("glued", True):
        yield from _glued(doc, meta.year)
    if params.get("ranges", True):
        yield from _bad_ranges(doc, meta.year)


def _fields(what: str, found: int, year: int, expected: int) -> dict:
    return {"what": what, "found": f"{found}年", "year": year, "expected": expected,
            "problem": f"与报告年度{year}年不符（应为{expected}年）"}


def _masked(doc: Document, lo: int, hi: int) -> str:
    """The normalised text of a span with 《…》 titles blanked (their years are names)."""
    text = doc.norm[lo:hi]
    return TITLE.sub(lambda m: " " * len(m.group()), text)


def _measures_headings(doc: Document, ruleset, year: int) -> Iterator[Hit]:
    """Sub-headings inside the measures part that name a year other than the report year."""
    sec = doc.section("measures")
    if sec is None or sec.embedded:
        return
    for h in doc.headings:
        if sec.start < h.start < sec.end:
            text = _masked(doc, h.start, h.end)
            match = YEAR_RE.search(text)
            if match and int(match.group(1)) != year:
                start = h.start + match.start()
                yield Hit(start, start + len(match.group(1)) + 1, section="measures",
                          fields=_fields("“主要举措和成效”部分的小标题", int(match.group(1)), year, year))


def _future_events(doc: Document, year: int, exempt: list[str], plans: list[str] = ()) -> Iterator[Hit]:
    """Sentences of the measures part that date something after the report year."""
    sec = doc.section("measures")
    if sec is None:
        return
    text = _masked(doc, sec.start, sec.end)  # one scan of the part, not one per sentence
    reported: set[int] = set()
    for match in YEAR_RE.finditer(text):
        if int(match.group(1)) <= year:
            continue
        sentence = doc.sentence_at(sec.start + match.start())
        if sentence is None or sentence.heading or sentence.start in reported:
            continue
        lo, hi = sentence.start - sec.start, sentence.end - sec.start
        before = text[max(lo, match.start() - 4):match.start()]
        after = text[match.end():min(hi, match.end() + 8)]
        if any(w in before for w in exempt) or any(w in after for w in ("前", "底前", "以前")):
            continue
        if _names_plan(without_pinyin(text[match.end():hi])[:PLAN_NAME_CHARS], plans):
            continue
        if _clause_cut(doc, text[match.end():hi], sentence.end):
            continue
        reported.add(sentence.start)
        yield Hit(sentence.start, sentence.end, section="measures",
                  fields=_fields("“主要举措和成效”部分记述的事项", int(match.group(1)), year, year),
                  severity="warning")


def _names_plan(after: str, plans: list[str]) -> bool:
    """Whether the words after a year, within its clause, name a plan of that year (2026年立法计划)
    or the day a rule takes effect (2026年3月1日起施行).  A learners' copy's pinyin (推进(jìn)项目)
    is left out first, so that it does not push the plan's name out of reach."""
    clause = after[:min((i for i in (after.find(m) for m in ",;。:!?") if i >= 0), default=len(after))]
    return any(word in clause for word in plans)


def _clause_cut(doc: Document, after: str, sentence_end: int) -> bool:
    """Whether the year's clause runs into the place where a cut-off text stops (自2026年1月1日起施|):
    the words that would say what the year names (起施行, 立法计划) may be in the missing part."""
    return not any(mark in after for mark in ",;。:!?") and runs_into_cut(doc, sentence_end)


# A long dash anywhere in the text: a text that has none lost them on its way (a web page copied
# through a tool that drops “—” but keeps the ASCII hyphen), not by its drafter.
LONG_DASH = lazy(r"[—–－―～]")


def _glued(doc: Document, year: int) -> Iterator[Hit]:
    """Two years written as one number (对照20242025年…): a lost dash or a typing slip.  In a text
    without a single long dash it is told at info level and as what it most likely is, a dash the
    copy lost: none of the 27 real pages so glued held a “—” anywhere (three kept an ASCII hyphen,
    2015-2020, beside the glued range), and a reviewer reading the published page sees 2021—2025."""
    lost = LONG_DASH.search(doc.text) is None
    for match in GLUED.finditer(doc.norm, doc.body_start, doc.body_end):
        first, second = int(match.group(1)), int(match.group(2))
        if not 0 <= second - first <= 10:
            continue
        problem = f"把{first}和{second}两个年份连在了一起，应写成“{first}—{second}年”或只保留一个年份"
        if lost:
            problem = (f"像是把{first}和{second}两个年份连在了一起；全文没有一个“—”，多半是复制时丢了，"
                       f"请对照原文，原文写作“{first}—{second}年”的不用改")
        yield Hit(match.start(), match.end(), section=section_of(doc, match.start()),
                  fields={"what": "数字", "found": f"“{doc.text[match.start():match.end()]}”", "year": year,
                          "expected": year, "problem": problem},
                  severity="info" if lost else None)


# The look-behinds follow 19/20 instead of preceding it (see figures.YEAR): a pattern that starts
# with a look-behind is tried at every position of the body, one that starts with text is not.
RANGE = lazy(r"((?:19|20)(?<![\d\-./]19)(?<![\d\-./]20)\d{2})\s*年?\s*(?:[-—–~～]{1,2}|至|到)\s*((?:19|20)\d{2})(?![\d\-./])")


def _bad_ranges(doc: Document, year: int) -> Iterator[Hit]:
    """A span of years whose ends are equal (2023-2023) or reversed (2025—2021): a typing slip,
    often a range retyped from a template (纲要（2021—2025年）)."""
    for match in RANGE.finditer(doc.norm, doc.body_start, doc.body_end):
        first, second = int(match.group(1)), int(match.group(2))
        if second > first:
            continue
        problem = (f"起止年份都是{first}年，不成其为年份区间" if first == second
                   else f"起始年份{first}年晚于结束年份{second}年")
        yield Hit(match.start(), match.end(), section=section_of(doc, match.start()),
                  fields={"what": "年份区间", "found": f"“{doc.text[match.start():match.end()]}”", "year": year,
                          "expected": year, "problem": problem + "，请核对后改正"})


def _year_span(doc: Document, source: str) -> tuple[int, int] | None:
    """Offsets of the year as written in the title line or the section heading."""
    if source == "title":
        if doc.metadata.title_line is None:
            return None
        lo, hi = doc.line_span(doc.metadata.title_line)
    else:
        sec = doc.section(source)
        if sec is None:
            return None
        lo, hi = sec.heading_start, sec.heading_end
    match = YEAR_RE.search(doc.norm, lo, hi)
    if not match:
        return None
    end = match.end() + 1 if doc.norm[match.end():match.end() + 1] == "年" else match.end()
    return match.start(), end
