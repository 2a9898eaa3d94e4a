"""Pages and files that are not a 法治政府建设 annual report (``not-a-report``).

A search for a report also finds the pages around it: a 政策解读 of the report, a news item
about it, a news item or speech on 述法, a catalogue record of the disclosure directory, a
notice or plan on the same subject, a research article.  Judged as a report, each would get
a cascade of "part missing" errors that help nobody.  This kind looks at the head of the text
(its first lines) and the opening, says once what the text seems to be, and the engine then
skips the report rules for it (``GATE``).

Precision first: a text whose first lines carry a report title is always a report, whatever
else it mentions; so is a template with placeholders (××区).  The one exception is a page
that says itself what it is (``page`` cues: a 范文 site's "下面是小编为大家整理的……，供大家参考",
one leader's 我作为……主要负责人), which no report writes about itself; with no report title they
also come before 现将……报告如下.  Then a first line that names
another kind (……述法报告, ……政府信息公开工作年度报告) is that kind, even though its opening says
现将……报告如下 as a report's would; then an opening with 现将……报告如下 is a report; then the
opening's cues.  A first line that reads like a report title but is not one — a headline
announcing a report (某委发布2020年度法治政府建设报告), one leader's 述法 report on the
第一责任人 duty, a survey or evaluation report — is not taken for a title (``not_title_cues``).
A title printed over two lines (硚口区司法局2024年政府 / 信息公开工作年度报告) is also read joined.  The cue words are the rule set's (``kinds``);
this module only applies them in order.  A learners' site's pinyin after a character
(会(huì)议在某区(qū)召开) is taken out of the lines and the opening before the cues are tried.

Last, a text of some length that never once names its subject (``subject_words``: 法治, 依法行政 …)
is about something else — a bureau's general work summary, another annual report (生态环境保护职责
履行情况), a 绩效 self-assessment — even when it says 现将……报告如下 (``off_subject``).  Every real
report in our sets names its subject in its first lines; a kind's own cue, when one matches, says
more and is given first.

Last of all, a text of some length with nothing of a report's shape (``unmarked``): no report
title, no 现将……报告如下, no part heading that is one of the five items, and no opening sentence
that sums up a year (``report_leads``: 2024年，…… / 今年以来 / 2024年，在……领导下).  Every real
report in our sets (over a thousand pages) has at least one of these; news items, articles and
features without any other cue have none.  Short texts (a fragment pasted to try a rule) are
left alone (``unmarked_min_chars``).

A page whose whole text is a headline, a column path or an image's caption (``headline_only``:
at most ``headline_max_chars`` characters, not one sentence mark, no report title, no part
heading) holds nothing of a report; a fragment pasted to try a rule is a sentence and stays checked.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.check.hit import Hit
from checker.check.regex_safety import compile_safe
from checker.parse.document import Document
from checker.parse.metadata import TITLE_RE, clean_title
from checker.parse.page_lines import is_furniture
from checker.parse.page_marks import DECORATION, without_pinyin
from checker.read.lazy_pattern import lazy

GATE = True  # when this kind fires, the engine skips the report rules
DEFAULTS: dict = {"head_lines": 4, "opening_chars": 800, "report_cues": [], "not_title_cues": [], "kinds": [],
                  "record_labels": [], "record_min_labels": 3, "record_max_prose": 200,
                  "subject_words": [], "subject_min_chars": 200, "off_subject": {},
                  "report_leads": [], "lead_sentences": 3, "unmarked_min_chars": 200, "unmarked": {},
                  "headline_max_chars": 0, "headline_only": {}}


def prepare(params: dict) -> dict:
    kinds = []
    for index, item in enumerate(params["kinds"]):
        if not isinstance(item, dict) or not item.get("what"):
            raise ValueError(f"kinds[{index}]: needs what (shown to the drafter) and head and/or opening cues")
        kinds.append({"what": item["what"], "detail": item.get("detail", ""),
                      "head": [compile_safe(p, f"kinds[{index}].head") for p in item.get("head", [])],
                      "opening": [compile_safe(p, f"kinds[{index}].opening") for p in item.get("opening", [])],
                      "page": [compile_safe(p, f"kinds[{index}].page") for p in item.get("page", [])],
                      "in_first_part": bool(item.get("in_first_part", True))})
    return {"kinds": kinds, "report": [compile_safe(p, "report_cues") for p in params["report_cues"]],
            "not_title": [compile_safe(p, "not_title_cues") for p in params["not_title_cues"]],
            "leads": [compile_safe(p, "report_leads") for p in params["report_leads"]]}


HEAD_MAX = 80  # characters: a longer line is prose, read as part of the opening


def head_lines(doc: Document, count: int, record_labels: tuple[str, ...] | list[str] = ()) -> list[tuple[int, int]]:
    """Spans of the short lines that head the text (title, source line, document number),
    at most ``count`` of them, up to the first numbered heading (normalised, simplified text).
    A catalogue's rows (索引号, 发文字号 …) above the title are not counted: a record block of
    six rows would otherwise hide the title under it.  An unnumbered line read as a part title
    (……工作计划汇编) on the text's first line stands where a title stands: it is counted."""
    spans = []
    top = first_text(doc)
    parts = [h for h in doc.headings if not (h.style == "plain" and top and h.line_start == top[0])]
    first_heading = parts[0].start if parts else len(doc.norm)
    value_next = False  # a catalogue that sets each label on a line of its own (• 索引号: / • 0010…/2023-22)
    for index, start in enumerate(doc.line_starts):
        if start >= first_heading or len(spans) == count:
            break
        end = start + len(doc.source.lines[index])
        line = doc.norm[start:end].strip()
        if not line:
            continue
        if value_next or LABEL_ONLY.match(line):
            value_next = not value_next  # the label's line, then its value's
            continue
        if len(without_pinyin(line)) <= HEAD_MAX and not _catalogue_row(line, record_labels) and not is_furniture(line):
            spans.append((start, end))  # a mirror's pinyin does not make a title prose
    return spans


# a catalogue's label alone on its bulleted line, its value on the next (• 组配分类: / • 信息公开年报); an
# addressee (区委：) has no bullet and stays a head line
LABEL_ONLY = lazy(r"^[ \t]*[|｜•·▪●\-*][ \t]*[\u4e00-\u9fff]{2,8}\s*[:：]\s*$")


ROW_LEAD = " \t|｜•·▪●-*"  # what a row may start with: a table's bar, a list's bullet


def _catalogue_row(line: str, labels: tuple[str, ...] | list[str]) -> bool:
    """A catalogue row (索引号:…, | 发布机构 | …, • 成文日期:…), by the record's own labels."""
    return line.lstrip(ROW_LEAD).startswith(tuple(labels)) if labels else False


def first_text(doc: Document) -> tuple[int, int] | None:
    """The first non-blank line: where the warning points."""
    for index, start in enumerate(doc.line_starts):
        end = start + len(doc.source.lines[index])
        if doc.norm[start:end].strip():
            return start, end
    return None


def _is_report_title(line: str, compiled: dict) -> bool:
    line = DECORATION.sub("", line)  # 【权威发布】 is the site's, not a headline's 发布
    return bool(TITLE_RE.search(clean_title(line))) and not any(p.search(line) for p in compiled["not_title"])


def has_report_title(doc: Document, heads: list[str], compiled: dict) -> bool:
    """A report title among the first lines (not one of ``not_title_cues``)."""
    if any(_is_report_title(line, compiled) for line in heads):
        return True
    title, at = doc.metadata.title, doc.metadata.title_line
    if not (title and at and _is_report_title(title, compiled)):
        return False
    # the title as printed: a cue the metadata's cleaned title no longer shows (第一篇：……) still counts
    printed = doc.norm[slice(*doc.line_span(at))]
    return not any(p.search(printed.strip()) for p in compiled["not_title"])


def says_report_follows(opening: str, compiled: dict) -> bool:
    """The opening's 现将……报告如下."""
    return any(p.search(opening) for p in compiled["report"])


PART_TITLE_MAX = 40  # characters of a report's part title; a longer heading is a sentence


def _part_title(heading: str) -> bool:
    """A heading set as a part's title (一、2024年度推进法治政府建设的主要举措和成效), not a
    sentence that happens to be numbered (二、县政府工作的指导思想是,高举……)."""
    return len(heading.strip()) <= PART_TITLE_MAX and not any(mark in heading for mark in ",，。;；")


def is_record(doc: Document, params: dict) -> bool:
    """A catalogue record: the directory's labels (索引号, 主题分类 …) and almost no prose."""
    text = doc.norm
    labels = sum(1 for label in params["record_labels"] if label in text)
    prose = sum(len(s.text) for s in doc.sentences if "。" in s.text or s.text.endswith("。"))
    return labels >= params["record_min_labels"] and prose <= params["record_max_prose"]


OPENING_MIN = 20  # characters before the first heading: fewer, and the text starts with its first part


def _starts_with_part(doc: Document, start: int) -> bool:
    """Whether the text starts with a heading (一、背景概述 on its first line: an article, or a
    page cut above its opening) rather than with an opening of its own."""
    return bool(doc.headings) and len(doc.norm[start:doc.headings[0].start].strip()) < OPENING_MIN


def _opening_end(doc: Document, start: int) -> int:
    """Where the opening ends: at the first heading, or, when the text starts with a heading,
    at the next part heading, so that the first part's text is read as the opening."""
    if not _starts_with_part(doc, start):
        return doc.headings[0].start if doc.headings else len(doc.norm)
    later = [h.start for h in doc.headings[1:] if h.level <= doc.headings[0].level]
    return later[0] if later else len(doc.norm)


def off_subject(doc: Document, params: dict) -> bool:
    """A text long enough to be a report's opening that never names the report's subject."""
    words = params["subject_words"]
    text = doc.norm
    return bool(words and params["off_subject"]) and len("".join(text.split())) >= params["subject_min_chars"] \
        and not any(word in text for word in words)


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    params, compiled = rule.params, rule.compiled
    where = first_text(doc)
    if where is None:
        return
    start, end = where
    # a learners' site's pinyin (会(huì)议在江北区(qū)召开) is read past, as a reader does
    heads = [without_pinyin(DECORATION.sub("", doc.norm[lo:hi].strip())) for lo, hi in head_lines(doc, params["head_lines"], params["record_labels"])]
    opening = without_pinyin(doc.norm[start:max(start, min(start + params["opening_chars"], _opening_end(doc, start)))])
    # a record block above a report that announces itself and starts its numbered parts is the
    # report's own page, however short the copy: only a bare record is a catalogue entry
    # (现将……报告如下), or whose numbered parts are the report's own (一、2024年度推进法治政府建设的主要举措和成效)
    parts = [h for h in doc.headings if h.level <= 1]
    own_parts = bool(parts) and any(not s.embedded and s.heading_start == parts[0].start and _part_title(s.heading)
                                    for s in doc.sections)
    announced = (says_report_follows(opening, compiled) or own_parts) and any(h.level <= 1 for h in doc.headings)
    if is_record(doc, params) and not announced:
        yield Hit(start, end, fields={"what": "政务公开目录中的一条信息记录（只有标题和编目信息，没有报告正文）",
                                      "detail": "请打开报告正文页面或附件后再检查。"})
        return
    if has_report_title(doc, heads, compiled):
        for item in compiled["kinds"]:  # the page says what it is (供大家参考): it wins over a report title
            if any(p.search(text) for p in item["page"] for text in heads + [opening]):
                yield Hit(start, end, fields={"what": item["what"], "detail": item["detail"]})
                return
        return
    if doc.metadata.title and doc.metadata.title_line:  # a title printed over two lines, joined
        heads = heads + [doc.metadata.title]
    for item in compiled["kinds"]:
        if any(p.search(line) for p in item["head"] for line in heads):
            yield Hit(start, end, fields={"what": item["what"], "detail": item["detail"]})
            return
    for item in compiled["kinds"]:  # the text says what it is (我作为……主要负责人): before 现将……报告如下
        if any(p.search(text) for p in item["page"] for text in heads + [opening]):
            yield Hit(start, end, fields={"what": item["what"], "detail": item["detail"]})
            return
    if says_report_follows(opening, compiled):
        if off_subject(doc, params):  # 现将……报告如下 about another subject
            yield Hit(start, end, fields=_fields(params["off_subject"]))
        return
    # a text that starts with its first part has that part read as its opening; a kind whose
    # opening cues are things a report also tells of (现场述法, a duty the report must cover) does
    # not look for them there (``in_first_part: false``)
    first_part = _starts_with_part(doc, start)
    for item in compiled["kinds"]:
        cues = item["page"] + (item["opening"] if item["in_first_part"] or not first_part else [])
        if any(p.search(opening) for p in cues):
            yield Hit(start, end, fields={"what": item["what"], "detail": item["detail"]})
            return
    if off_subject(doc, params):
        yield Hit(start, end, fields=_fields(params["off_subject"]))
    elif unmarked(doc, opening, params, compiled):
        yield Hit(start, end, fields=_fields(params["unmarked"]))
    elif headline_only(doc, params):
        yield Hit(start, end, fields=_fields(params["headline_only"]))


# the marks that end or divide a sentence: a fragment pasted to try a rule has one, a lone
# headline, a column path or an image's caption has none
SENTENCE_MARKS = frozenset("。；;！!？?，,")


def headline_only(doc: Document, params: dict) -> bool:
    """A page whose whole text is a line or two of a headline, a column path or a caption (no
    report title, no part heading, no sentence): nothing of a report to check."""
    if not params["headline_only"] or any(not s.embedded and s.heading.strip() for s in doc.sections):
        return False
    text = "".join(doc.norm.split())
    return 0 < len(text) <= params["headline_max_chars"] and not SENTENCE_MARKS.intersection(text)


def unmarked(doc: Document, opening: str, params: dict, compiled: dict) -> bool:
    """A text of some length with none of a report's marks, once the title and 现将……报告如下
    have been ruled out: no part heading that is one of the five items, no opening sentence
    that sums up a year."""
    if not params["unmarked"] or any(not section.embedded and section.heading.strip() for section in doc.sections):
        return False  # a part heading, the mark most reports have: no need to measure the text
    sentences = [sentence.strip() for sentence in opening.split("。")[:params["lead_sentences"]]]
    if any(lead.search(sentence) for lead in compiled["leads"] for sentence in sentences):
        return False
    return len("".join(doc.norm.split())) >= params["unmarked_min_chars"]


def _fields(said: dict) -> dict:
    """The finding's fields for a judgement the params word (``off_subject``, ``unmarked``)."""
    return {"what": said["what"], "detail": said.get("detail", "")}