"""Turn what a reader produced into a :class:`Document`: body bounds, outline, sentences,
statutory sections and metadata.  Web furniture before the title and after the report's end
(navigation, 读屏专用 widgets, 相关文章 lists) is left outside every section.
"""
from __future__ import annotations

from collections.abc import Callable

from checker.read.chinese import is_traditional, to_simplified
from checker.read.lazy_pattern import lazy
from checker.read.normalize import normalize
from checker.read.source import Source

from . import dates
from . import issuer
from . import page_issuer
from . import places
from . import shortform
from . import page_marks as marks
from . import metadata as meta
from .document import Document, Heading, Metadata
from .outline import (PLAIN_MAX, LineHeadings, build_tree, detect_heading, find_headings, plain_heading,
                      page_chunk_numbers, run_in_headings, split_sentences)
from .page_lines import is_furniture, is_prose
from .sections import SectionDef, classify, heading_key
from .subject import issuer_from_own_short_form, issuer_from_subject
from .title_block import find_title, issuer_above_title

ATTACHMENT_NOTE = lazy(r"^\s*附\s*件\s*[:：]?\s*(?:\d{1,2}\s*[.．、])?[^。]{0,60}$")
ATTACHMENT_ITEM = lazy(r"^\s*\d{1,2}\s*[.．、][^。]{1,60}$")
SIGNATURE_DATE = lazy(r"^\s*[(（]?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]?\s*$")


def parse(source: Source, defs: list[SectionDef]) -> Document:
    """Parse one report; never raises on odd text (an empty report is an empty document)."""
    traditional = is_traditional("\n".join(source.lines[:400]))
    doc = Document.from_source(source, (lambda text: normalize(to_simplified(text))) if traditional else normalize)
    own_lines = doc.norm.split("\n") if source.lines else []
    detected = LineHeadings(doc)
    is_heading = _heading_test(own_lines, source, detected)
    # the title, body bounds and metadata are read past a mirror's inserted pinyin (關(guān)于); the
    # part headings keep the document's own lines, as their positions are taken from them
    lines = _read_lines(own_lines, doc.norm)
    title_index, title_lines = find_title(lines, is_heading)
    first = _body_first_line(lines, None if title_index is None else title_index + title_lines - 1, is_heading)
    last = _body_last_line(lines, first, is_heading)
    if first is None or last is None:
        doc.body_start = doc.body_end = len(doc.text)
    else:
        doc.body_start = doc.line_starts[first]
        doc.body_end = doc.line_starts[last] + len(source.lines[last])
    doc.headings = find_headings(doc, doc.body_start, doc.body_end, detected)
    chunks = page_chunk_numbers(doc, doc.headings)
    if chunks:
        doc.headings = [h for h in doc.headings if all(h is not c for c in chunks)]
    if not any(h.level <= 1 for h in doc.headings):
        run_in = run_in_headings(doc, doc.body_start, doc.body_end)
        if run_in:
            doc.headings = sorted(doc.headings + run_in, key=lambda h: h.start)
    if not any(h.level <= 1 for h in doc.headings):
        plain = _plain_part_headings(doc, own_lines, title_index, defs) or _couplet_part_headings(doc, own_lines, detected)
        if plain:
            doc.body_start = min(doc.body_start, plain[0].start)
            doc.headings = sorted(doc.headings + plain, key=lambda h: h.start)
    doc.root = build_tree(doc.headings, doc.body_start, doc.body_end)
    spans = {(h.start, h.end) for h in doc.headings}
    doc.sentences = split_sentences(doc, doc.body_start, doc.body_end, spans)
    doc.sections = classify(doc, defs)
    doc.metadata = _metadata(doc, lines, title_index, title_lines, first, last, traditional)
    return doc


def _read_lines(lines: list[str], norm: str) -> list[str]:
    """The lines with a mirror's inserted pinyin left out (the same list when it has none): same
    count, so a line's index still names the document's own line."""
    if not marks.INSERTED_PINYIN.search(norm):
        return lines
    return [marks.without_pinyin(line) for line in lines]


def _plain_part_headings(doc: Document, lines: list[str], title_index: int | None,
                         defs: list[SectionDef]) -> list[Heading]:
    """Unnumbered part titles, used only when a report numbers no part (no 一、): at least two
    lines in the body, each naming a different statutory part, or none at all — one bare
    "重点工作" line (a table cell, a lead-in) is not an outline."""
    if len(lines) != len(doc.source.lines):
        return []
    first = 0 if title_index is None else title_index + 1
    found: list[Heading] = []
    keys: set[str] = set()
    seen_prose = False  # a title-like line before any prose is the report's own title
    for index in range(first, len(lines)):
        start = doc.line_starts[index]
        if start >= doc.body_end:
            break
        line = lines[index]
        if _is_signature(line) or (not seen_prose and meta.is_title_line(line)):
            continue
        seen_prose = seen_prose or is_prose(line)
        heading = plain_heading(line, index + 1, start, lambda t: heading_key(t, defs) is not None)
        if heading is not None:
            found.append(heading)
            keys.add(heading_key(heading.title, defs))
    return found if len(keys) >= 2 else []


# A part title set as two short lines with no number (全面贯彻落实党的二十大精神 / 统筹推进法治政府建设
# 高质量发展), as the State Council's departments write theirs: Chinese characters only in each line.
COUPLET_CHARS = lazy(r"[\u4e00-\u9fff]+")
COUPLET_MIN = 6  # characters in each line: shorter lines are labels, cells or names


def _couplet_part_headings(doc: Document, lines: list[str], detected: LineHeadings) -> list[Heading]:
    """Unnumbered part titles that name no statutory part, used only when a report numbers no
    part: a pair of short plain lines with prose above and below (a paragraph ends above, the
    part's text starts below).  One short line alone is not enough (a lead-in, a table cell, a
    signature); two in a row between paragraphs are how a two-line part title is printed."""
    if len(lines) != len(doc.source.lines):
        return []
    body = [i for i, line in enumerate(lines) if line.strip()
            and doc.body_start <= doc.line_starts[i] < doc.body_end]
    found: list[Heading] = []
    for at in range(1, len(body) - 2):
        above, top, bottom, below = body[at - 1], body[at], body[at + 1], body[at + 2]
        if not (is_prose(lines[above]) and is_prose(lines[below])):
            continue
        if not (_couplet_line(lines[top], top, detected) and _couplet_line(lines[bottom], bottom, detected)):
            continue
        start = doc.line_starts[top] + len(lines[top]) - len(lines[top].lstrip(" "))
        title = lines[top].strip() + lines[bottom].strip()
        found.append(Heading(level=1, style="plain", number=0, label="", title=title, line=top + 1,
                             start=start, end=doc.line_starts[bottom] + len(lines[bottom].rstrip(" ")),
                             line_start=doc.line_starts[top]))
    return found


def _couplet_line(line: str, index: int, detected: LineHeadings) -> bool:
    """One line of a two-line part title: short, plain Chinese, not a heading, a title, a name."""
    text = line.strip()
    return (COUPLET_MIN <= len(text) <= PLAIN_MAX and bool(COUPLET_CHARS.fullmatch(text))
            and detected.at(index) is None and not meta.is_title_line(text) and not _is_signature(text)
            and not is_furniture(text))


def _heading_test(lines: list[str], source: Source, detected: LineHeadings) -> Callable[[int], bool]:
    """Whether 0-based line ``index`` starts with a numbered heading.  ``lines`` are the
    document's own lines unless a reader left a line end inside a line; only then are they
    tested afresh instead of sharing the outline's answers."""
    if len(lines) == len(source.lines):
        return lambda index: detected.at(index) is not None
    return lambda index: detect_heading(lines[index], index + 1, 0) is not None


def _body_first_line(lines: list[str], title_index: int | None, is_heading: Callable[[int], bool]) -> int | None:
    start = 0 if title_index is None else title_index + 1
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip() or is_furniture(line):
            continue
        if is_heading(index) or is_prose(line):
            return index
    return None


def _body_last_line(lines: list[str], first: int | None, is_heading: Callable[[int], bool]) -> int | None:
    if first is None:
        return None
    last = first
    for index in range(len(lines) - 1, first - 1, -1):  # from the end: the last such line, found
        line = lines[index]                              # without testing every body line for furniture
        if not line.strip() or is_furniture(line):
            continue
        if is_heading(index) or is_prose(line):
            last = index
            break
    attachments = False
    for index in range(last + 1, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        # the note of attachments stands between the body and the signature (附件:1.…… / 2.……)
        attachments = bool(ATTACHMENT_NOTE.match(line) or (attachments and ATTACHMENT_ITEM.match(line)))
        if attachments:
            continue
        if is_furniture(line) or not (_is_signature(line)):
            break
        last = index
    return last


def _is_signature(line: str) -> bool:
    """The issuer-and-date block that closes a report (云溪区人民政府 / 2025年3月20日, also on one
    line, with a seal's note or letter-spaced)."""
    stripped = line.strip()
    return bool(SIGNATURE_DATE.match(stripped) or (len(stripped) <= 30 and issuer.ISSUER_RE.fullmatch(stripped))
                or (len(stripped) <= 40 and issuer.signature_name(stripped)))


def _metadata(doc: Document, lines: list[str], title_index: int | None, title_lines: int,
              first: int | None, last: int | None, traditional: bool = False) -> Metadata:
    """Title, date, year and issuer; a traditional report's are given in simplified characters."""
    data = Metadata()
    title_text = None
    if title_index is not None:
        title_text = marks.without_pinyin("".join(line.strip() for line in doc.source.lines[title_index:title_index + title_lines]))
        data.title = meta.clean_title(to_simplified(title_text) if traditional else title_text)
        data.title_line = title_index + 1
    elif doc.source.title_hint:
        data.title = marks.without_pinyin(doc.source.title_hint)
    else:  # run-in text: the title heads the line the report runs on in (no title line of its own)
        data.title = _run_in_title(lines, first, doc.source.lines, traditional)
    outside = _outside_lines(lines, first, last)
    head = lines[:first] if first is not None else []
    data.from_page = any(is_furniture(line) for line in head if line.strip())
    info = list(doc.source.page_info)  # a web page's date and source line beside its text
    outside, head = info + outside, info + head
    data.published = (doc.source.published or dates.published_date(outside, head)
                      or (dates.title_date(title_text) if title_text else None))
    data.delivered = dates.session_date(head)
    opening = _opening(doc)
    data.year_sources = _year_sources(doc, data.title, opening, _own_head(lines, title_index, title_lines, first))
    # the duty or problems heading names the year too (一、2023年党政主要负责人履行……情况): not a voter, a
    # fallback when neither the title, the opening nor the measures part says it
    data.year = (meta.vote_year(data.year_sources) or _first_part_year(doc)
                 or data.year_sources.get("duty") or data.year_sources.get("problems") or meta.column_year(head))
    # the title, the line above it, the opening sentence, the signature, the page's source line
    body, above = marks.without_pinyin(doc.norm[doc.body_start:doc.body_end]), marks.without_pinyin(doc.norm[:doc.body_start])
    if not opening.strip():
        opening = _first_part_lead(doc)
    titled = _issuer_from_title(data.title) or _issuer_from_byline(title_text, traditional, body)
    if titled and _invented_place(titled, body):
        titled = None  # 西安金博体育市: a spam site's words inside the title's place name
    if titled and titled[0] in shortform.BARE_LEVEL:  # 市水务局2025年度……报告: the city as the page writes it
        titled = shortform.qualify(titled, body, above) or titled
    speaker = issuer.issuer_from_opening(opening)
    data.issuer = (titled or issuer_above_title(lines, title_index)
                   or _issuer_below_title(lines, title_index, title_lines, first)
                   or issuer.governing_body(shortform.qualify(speaker, body, above))
                   or issuer.issuer_from_addressee(above + body)
                   or _issuer_from_signature(lines, last, title_index)
                   or page_issuer.issuer_from_source_line(head, body, above)
                   or issuer.issuer_from_self_reference(body)
                   or issuer.issuer_from_own_plan(body, data.year)
                   or page_issuer.issuer_from_breadcrumb(head, body, above)
                   or page_issuer.issuer_from_site(doc.source.site_names, body)
                   or issuer_from_subject(body, opening)
                   or issuer_from_own_short_form(body)
                   or issuer.unplaced_department(speaker))
    if data.issuer and issuer.NOT_IN_NAME.search(data.issuer):
        data.issuer = None  # a page's label or a spam site's name read where a body's name stands
    return data


def _run_in_title(lines: list[str], first: int | None, original: list[str], traditional: bool) -> str | None:
    """The title heading the report's first line, as written, when nothing but page furniture
    stands above that line."""
    if first is None or any(line.strip() for line in lines[:first] if not is_furniture(line)):
        return None
    line = marks.without_pinyin(original[first])
    return meta.run_in_title(to_simplified(line) if traditional else line)


def _issuer_from_signature(lines: list[str], last: int | None, title_index: int | None = None) -> str | None:
    """The body named in the signature block (落款) that closes the report (below its title:
    in a short text the last lines may reach up to the title)."""
    if last is None:
        return None
    seen = 0
    top = -1 if title_index is None else title_index
    for index in range(min(last, len(lines) - 1), top, -1):
        line = lines[index].strip()
        if not line:
            continue
        seen += 1
        if seen > 4:
            break
        if SIGNATURE_DATE.match(line):
            continue
        name = issuer.signature_name(line)
        if name:
            above = _line_above(lines, index, top)
            joint = issuer.signature_name(above) if above and len(name.split()) == 1 else None
            return f"{joint} {name}" if joint and len(joint.split()) == 1 else name  # 中共某县委 / 某县人民政府
    return None


NAME_UNDER_TITLE = 3  # filled lines below a title that may hold the body's name before the text starts
IN_BRACKETS = lazy(r"^[(（]\s*(.+?)\s*[)）]$")


def _issuer_below_title(lines: list[str], title_index: int | None, title_lines: int, first: int | None) -> str | None:
    """A title that names no body, with the body's name on a line of its own under it, before the
    text (2024年度法治政府建设工作报告 / （某县统计局） / 2025年3月10日): a document's own head."""
    if title_index is None or first is None:
        return None
    seen = 0
    for index in range(title_index + title_lines, min(first + 1, len(lines))):
        line = lines[index].strip()
        if not line:
            continue
        seen += 1
        if seen > NAME_UNDER_TITLE or len(line) > 40:
            break
        bracketed = IN_BRACKETS.match(line)
        name = issuer.signature_name(bracketed.group(1) if bracketed else line)
        if name:
            return name
    return None


def _line_above(lines: list[str], index: int, top: int) -> str | None:
    """The nearest filled line above ``index`` (below ``top``)."""
    for above in range(index - 1, top, -1):
        if lines[above].strip():
            return lines[above].strip()
    return None


def _outside_lines(lines: list[str], first: int | None, last: int | None) -> list[str]:
    if first is None or last is None:
        return lines
    return lines[:first] + lines[last + 1:]


def _opening(doc: Document) -> str:
    top = doc.root.children if doc.root else []
    end = top[0].start if top else doc.body_end
    return marks.without_pinyin(doc.norm[doc.body_start:end])


def _first_part_lead(doc: Document) -> str:
    """The lines of the first part before its first subheading, for a text that starts with its
    first part (一、主要工作情况 / 2025年，省数据局坚持……): there the body speaks first."""
    top = doc.root.children if doc.root else []
    if not top or top[0].heading is None:
        return ""
    start = top[0].heading.end
    end = top[0].children[0].start if top[0].children else top[0].end
    return marks.without_pinyin(doc.norm[start:end])


def _own_head(lines: list[str], title_index: int | None, title_lines: int, first: int | None) -> str | None:
    """The document's own head printed below the page's title (县 2022 年……总结 / 县2019年……总结):
    another title line between the title and the body, whose year votes too."""
    if title_index is None or first is None:
        return None
    for line in lines[title_index + title_lines:first]:
        if line.strip() and meta.is_title_line(line):
            return meta.clean_title(line)
    return None


def _year_sources(doc: Document, title: str | None, opening: str, head: str | None = None) -> dict[str, int]:
    """The years the title, the document's own head, the opening and the measures, plan, duty
    and problems headings name (``opening``: the text's opening paragraph, as ``_opening`` gives it)."""
    sources: dict[str, int] = {}
    titled = meta.year_in(normalize(title)) if title else None
    if titled:
        sources["title"] = titled
    headed = meta.year_in(normalize(head)) if head else None
    if headed:
        sources["head"] = headed
    for key, shift in (("measures", 0), ("plan", -1), ("duty", 0), ("problems", 0)):
        sec = doc.section(key)
        if sec and not sec.embedded:
            year = meta.year_in(marks.without_pinyin(doc.norm[sec.heading_start:sec.heading_end]))
            if year:
                sources[key] = year + shift
    opened = meta.opening_year(opening)
    if opened:
        sources["opening"] = opened
    return sources


PART_YEAR_LEAD = lazy(r"\s*((?:19|20)\d{2})\s*年度?\s*[,，]")


def _first_part_year(doc: Document) -> int | None:
    """The year the first part (the measures) speaks of most, or the one it opens on (2023年，……),
    when nothing above it names one."""
    sec = doc.section("measures")
    if sec is None or sec.embedded:
        return None
    text = marks.without_pinyin(doc.norm[sec.heading_end:sec.end])
    lead = PART_YEAR_LEAD.match(text)  # 一、主要举措 / 2023年，在市委坚强领导下……: the part opens on its year
    return meta.body_year(text) or (int(lead.group(1)) if lead else None)


def _issuer_from_byline(title_text: str | None, traditional: bool, body: str) -> str | None:
    """The body named after a title that names none (……报告（某县教育局）), unless the text speaks
    as another kind of body (……报告 某县司法局: the bureau that posts its county's report, 我县……)."""
    byline = meta.title_byline(to_simplified(title_text) if traditional else title_text) if title_text else None
    return byline if byline and page_issuer.speaks_as(issuer.full_government(byline), body) else None


# The place a body's name starts with, up to its first city, county or province (西安市, 某某县).
LEADING_PLACE = lazy(r"^([\u4e00-\u9fff]{2,10}?[市县省])")


SPAM_MIN = 2  # characters put between a real place's name and its level (西安 金博体育 市)


def _invented_place(name: str, body: str) -> bool:
    """A title's city, county or province that is no place in the national list, that the text
    never names, and that is a real place's name with words put between it and its level: a spam
    mirror's words inside the name (西安金博体育市 for 西安市), not a body."""
    lead = LEADING_PLACE.match(name)
    if lead is None or name.startswith("中共"):
        return False
    place = lead.group(1)
    if place in body or places.level_of(place) is not None or places.named(place):
        return False  # the text first: most name their place, and the list then need not be loaded
    return any(place.startswith(real[:-1]) and len(place) - len(real) >= SPAM_MIN
               for real in places.names() if len(real) >= 3)


def _issuer_from_title(title: str | None) -> str | None:
    return issuer.issuer_from_title(normalize(title)) if title else None
