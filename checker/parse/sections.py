"""Which parts of a report are the five statutory items.

Top-level headings are matched against each item's aliases from the rule set.  Real reports
differ: many are organised by topic with no "举措和成效" heading (the topical parts before the
problems part are then the measures), and the 第一责任人 part is often only an item or a
sentence inside the measures (found and marked ``embedded``).
"""
from __future__ import annotations

import re

from checker.read.lazy_pattern import lazy
from checker.read.record import record

from .document import Document, Node, Section

YEARS = lazy(r"(?:19|20)\d{2}\s*年度?|[\d\-—–]+")
YEAR = lazy(r"(?:19|20)\d{2}")
CLAUSE_MARK = lazy(r"[,，;；]")
PHRASE_BREAK = lazy(r"[,，;；。]")
JOINED = lazy(r"[、和与及暨并]")  # the words that join two items in one part title
PART_TITLE_MAX = 40  # characters: a longer heading is a run-in line, not a part's title


@record(frozen=True)
class SectionDef:
    """One statutory item as the rule set describes it."""

    key: str
    name: str
    description: str
    aliases: tuple[str, ...]
    required: bool
    order: int
    embedded_markers: tuple[str, ...] = ()
    not_with: tuple[str, ...] = ()
    not_after_comma: tuple[str, ...] = ()
    embedded_patterns: tuple[re.Pattern[str], ...] = ()
    short: str = ""
    heading_patterns: tuple[re.Pattern[str], ...] = ()


def heading_key(title: str, defs: list[SectionDef]) -> str | None:
    """The item a heading title names first (see ``heading_keys``), or None."""
    keys = heading_keys(title, defs)
    return keys[0] if keys else None


def heading_keys(title: str, defs: list[SectionDef]) -> list[str]:
    """The items a heading title names, in the order it names them (at one place, in the rule
    set's priority order: 第一责任人 before 举措); an item's
    ``not_with`` words keep a heading from it although an alias matches (重点工作开展情况 reports
    work done, it is not the plan that 重点工作 alone would name); its ``not_after_comma`` aliases
    do not name it in a later clause of a slogan heading without a year (紧抓顶层谋划，高站位推进
    重点工作 reports the work pushed on, a plan names its year or 下一步)."""
    plain = YEARS.sub("", title).replace(" ", "")
    dated = bool(YEAR.search(title))
    named = [(min(spans), order, item.key) for order, item in enumerate(defs)
             if (spans := _spans(item, plain, dated)) and not any(word in plain for word in item.not_with)]
    if not named:
        return []
    # a part title that joins two items in one phrase (主要举措、成效及存在的问题与原因分析) holds both;
    # a later clause (……第一责任人职责，加强法治政府建设的有关情况), words that only go on
    # (……第一责任人职责工作情况) or a long run-in line name one
    ((_, end), _, key), *rest = sorted(named)
    return [key] + [other for (at, _), _, other in rest
                    if len(plain) <= PART_TITLE_MAX and at >= end
                    and JOINED.search(plain[end:at]) and not PHRASE_BREAK.search(plain[end:at])]


def _spans(item: SectionDef, plain: str, dated: bool) -> list[tuple[int, int]]:
    """Where a heading (``plain``: its years taken out) names the item: its aliases, and its
    ``heading_patterns`` for a title that puts words inside the phrase (主要负责人认真履职)."""
    spans = [(at, at + len(alias)) for alias in item.aliases
             if _names(alias, plain, dated, item) and (at := plain.find(alias)) >= 0]
    return spans + [m.span() for pattern in item.heading_patterns if (m := pattern.search(plain))]


def _names(alias: str, plain: str, dated: bool, item: SectionDef) -> bool:
    """Whether ``alias`` names the item in a heading (``plain``: its years taken out)."""
    at = plain.find(alias)
    if at < 0:
        return False
    return dated or alias not in item.not_after_comma or not CLAUSE_MARK.search(plain[:at])


def classify(doc: Document, defs: list[SectionDef]) -> list[Section]:
    """Find the statutory items among the top-level parts, then any embedded ones."""
    top = [n for n in doc.root.children if n.heading is not None] if doc.root else []
    named = [heading_keys(n.heading.title, defs) for n in top]
    keys = [both[0] if both else None for both in named]
    sections: dict[str, Section] = {}
    shared: list[Section] = []  # the second item a part's heading names, inside that part
    previous: Section | None = None
    for node, key, both in zip(top, keys, named):
        shared += [_section_from(doc, other, node, embedded=True) for other in both[1:]]
        if key is None:
            key = "measures" if not _seen_beyond_measures(sections) else None
        if key is None:
            if previous is not None:
                _extend(previous, node)
            continue
        if key in sections:
            _extend(sections[key], node)
            previous = sections[key]
            continue
        previous = sections[key] = _section_from(doc, key, node)
    found = list(sections.values())
    for section in shared:
        if section.key not in sections and all(section.key != other.key for other in found):
            found.append(section)
    for item in defs:
        if item.key not in sections and item.embedded_markers and all(item.key != f.key for f in found):
            embedded = _find_embedded(doc, item, sections.get("measures"), top)
            if embedded:
                found.append(embedded)
    found.sort(key=lambda s: s.start)
    return found


def _seen_beyond_measures(sections: dict[str, Section]) -> bool:
    return any(key != "measures" for key in sections)


def _section_from(doc: Document, key: str, node: Node, embedded: bool = False) -> Section:
    h = node.heading
    heading = "".join(part.strip() for part in doc.text[h.start:h.end].split("\n"))  # a label may stand on its own line
    return Section(key=key, heading=heading, line=h.line, start=node.start,
                   end=node.end, heading_start=h.start, heading_end=h.end, embedded=embedded,
                   nodes=[node])


def _extend(section: Section, node: Node) -> None:
    section.end = max(section.end, node.end)
    section.nodes.append(node)


def _find_embedded(doc: Document, item: SectionDef, measures: Section | None,
                   top: list[Node]) -> Section | None:
    """An item present only inside another part: a sub-heading first, else a sentence."""
    scopes: list[tuple[int, int]] = []
    if top:
        scopes.append((doc.body_start, top[0].start))
    if measures:
        scopes.append((measures.start, measures.end))
        for node in measures.nodes:
            for sub in node.walk():
                if sub.heading and sub is not node and _has_marker(sub.heading.title, item):
                    return _section_from(doc, item.key, sub, embedded=True)
    for lo, hi in scopes:
        for sentence in doc.sentences_in(lo, hi):
            if any(p.search(sentence.text) for p in item.embedded_patterns):
                start, end = doc.line_span(sentence.line)
                return Section(key=item.key, heading=doc.text[sentence.start:sentence.end],
                               line=sentence.line, start=start, end=end,
                               heading_start=sentence.start, heading_end=sentence.end, embedded=True)
    return None


def _has_marker(text: str, item: SectionDef) -> bool:
    return any(marker in text for marker in item.embedded_markers)

