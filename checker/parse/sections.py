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


def heading_key(title: str, defs: list[SectionDef]) -> str | None:
    """The item a heading title names, trying items in the rule set's priority order; an item's
    ``not_with`` words keep a heading from it although an alias matches (重点工作开展情况 reports
    work done, it is not the plan that 重点工作 alone would name); its ``not_after_comma`` aliases
    do not name it in a later clause of a slogan heading without a year (紧抓顶层谋划，高站位推进
    重点工作 reports the work pushed on, a plan names its year or 下一步)."""
    plain = YEARS.sub("", title).replace(" ", "")
    dated = bool(YEAR.search(title))
    for item in defs:
        if any(_names(alias, plain, dated, item) for alias in item.aliases) \
                and not any(word in plain for word in item.not_with):
            return item.key
    return None


def _names(alias: str, plain: str, dated: bool, item: SectionDef) -> bool:
    """Whether ``alias`` names the item in a heading (``plain``: its years taken out)."""
    at = plain.find(alias)
    if at < 0:
        return False
    return dated or alias not in item.not_after_comma or not CLAUSE_MARK.search(plain[:at])


def classify(doc: Document, defs: list[SectionDef]) -> list[Section]:
    """Find the statutory items among the top-level parts, then any embedded ones."""
    top = [n for n in doc.root.children if n.heading is not None] if doc.root else []
    keys = [heading_key(n.heading.title, defs) for n in top]
    sections: dict[str, Section] = {}
    previous: Section | None = None
    for node, key in zip(top, keys):
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
    for item in defs:
        if item.key not in sections and item.embedded_markers:
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

