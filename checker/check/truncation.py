"""A text that stops in the middle of a sentence was cut off (a page's opening, a copy that
broke off): whatever runs into the cut cannot be judged for what it lacks — the figure, the
cause or the duty element may have been in the part that is missing.

Kinds that judge a whole item or part by what it does *not* say ask :func:`runs_into_cut`
and stay silent; what a text *does* say wrong is still reported.
"""
from __future__ import annotations


from checker.parse.document import Document
from checker.parse.page_lines import is_furniture
from checker.read.lazy_pattern import lazy

# What a finished paragraph may end with: closing punctuation, a closing quote or bracket.  The
# signature block (issuer, date) under the last paragraph is skipped first.
CLOSING = set("。！？!?；;…”’」』）)》】.")
HEADING_MAX = 40
LEFTOVER_HEADING_MIN = 4  # a two-character leftover ("组建") is a cut word, not a heading
TAIL = 4000  # characters at the end of the body that decide whether it was cut off
# a numbering marker with nothing after it: its bracket closes no sentence (read on the normalised
# text, where full-width brackets and points are already ASCII)
BARE_MARKER = lazy(r"\(?\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)、.]?")
# the first of a run-in count (一是……，二是……) starts a sentence: never a heading
COUNT_START = lazy(r"[一二三四五六七八九十]是")


def cut_off(doc: Document) -> bool:
    """Whether the body stops mid-sentence (its last visible character closes nothing)."""
    cached = doc.__dict__.get("_cut_off")
    if cached is not None:
        return cached
    # Only the body's tail is read (the last paragraph and a signature block): splitting a 30 MB
    # report into lines would cost memory the worker does not have.
    start = max(doc.body_start, doc.body_end - TAIL)
    pieces = doc.norm[start:doc.body_end].split("\n")
    if start > doc.body_start:
        pieces[0] = ""  # a partial line
    first_line = doc.position(start)[0]
    lines = [(n, line.strip()) for n, line in enumerate(pieces, start=first_line) if line.strip()]
    while lines and signature_line(lines[-1][1]):
        lines.pop()  # the issuer and the date under the last paragraph
    headings = {h.line for h in doc.headings if not doc.norm[h.end:doc.line_span(h.line)[1]].strip()}
    leftover = _leftover(doc)
    if leftover is not None:
        # A fragment the cut left after the last paragraph (too short to count as body text) is
        # where the text stops ("根据", "组建"); a short heading there ("存在不足的原因") is a part
        # left empty, not a cut.
        # A bare marker ("(三)") or the start of a run-in count ("一是全面依法治") is where the cut fell.
        heading = (len(leftover) >= LEFTOVER_HEADING_MIN and _short_heading(leftover)
                   and not any(mark in leftover for mark in "，,；;：:。") and not COUNT_START.match(leftover))
        doc.__dict__["_cut_off"] = (BARE_MARKER.fullmatch(leftover) is not None
                                    or not heading and leftover[-1] not in CLOSING)
        return doc.__dict__["_cut_off"]
    # A text that ends with a heading ends with an empty part (section-thin says so), not mid-sentence.
    # (a heading line is short: a long "heading" is a numbered paragraph that the cut left unclosed).
    last_is_heading = (bool(lines) and lines[-1][0] in headings and _short_heading(lines[-1][1])
                       and not _cut_run_in(doc, lines[-1][0]))
    result = bool(lines) and not last_is_heading and (lines[-1][1][-1] not in CLOSING or _inside_title(lines[-1][1]))
    doc.__dict__["_cut_off"] = result
    return result


def _inside_title(line: str) -> bool:
    """Whether a line stops inside a document's title (……编制出台《某市外来人员(进城务工人员)): the
    bracket it ends with closes the aside, not the sentence."""
    return line[-1] in ")）" and line.rfind("《") > line.rfind("》")


def _leftover(doc: Document) -> str | None:
    """The last line after the body when it is neither a signature nor page furniture."""
    trailing = [line.strip() for line in doc.norm[doc.body_end:].split("\n") if line.strip()]
    while trailing and signature_line(trailing[-1]):
        trailing.pop()
    if not trailing or any(is_furniture(line) for line in trailing):
        return None
    return trailing[-1]


def _cut_run_in(doc: Document, line: int) -> bool:
    """Whether the last heading is an item cut right after its run-in title.

    When the earlier items of its level carry their text on their heading's line
    ("1.统筹谋划全局。坚持……"), a last item whose line holds only the title
    ("3.加强审查管理，依法制定") stopped there: it is a cut item, not a part left empty.
    The first item under its parent has no earlier sibling: the items of its level under the
    parts before stand in for them (the cut fell on "1.加强行" under "(二)").
    """
    last = next((i for i, h in enumerate(doc.headings) if h.line == line), None)
    if last is None:
        return False
    level = doc.headings[last].level
    earlier = doc.headings[:last]
    siblings = _same_level(earlier, level, stop_at_parent=True) or _same_level(earlier, level, stop_at_parent=False)
    return bool(siblings) and all(doc.norm[h.end:doc.line_span(h.line)[1]].strip() for h in siblings)


def _same_level(headings: list, level: int, stop_at_parent: bool) -> list:
    """The headings of ``level`` before the last one, nearest first: back to its parent only, or all."""
    found = []
    for h in reversed(headings):
        if stop_at_parent and h.level < level:
            break
        if h.level == level:
            found.append(h)
    return found


def runs_into_cut(doc: Document, end: int) -> bool:
    """Whether a span ending at ``end`` reaches the place where a cut-off text stops."""
    if not cut_off(doc):
        return False
    return end >= _content_end(doc)


def _content_end(doc: Document) -> int:
    """Where the body's last visible character ends, found once per document (slicing the text
    from every item's end to the body's end was quadratic: 8.8 s on a 5 MB cut-off file)."""
    cached = doc.shared.get("content_end")
    if cached is None:
        cached = doc.shared["content_end"] = len(doc.norm[:doc.body_end].rstrip())
    return cached


SIGNATURE_DATE = lazy(
                      r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$"
                      r"|^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?$"
)
# What the name of an issuing body ends with (a government, a department, a party body, a place
# whose government signs by the place's name alone).
BODY_SUFFIXES = (
    "政府", "委员会", "办公室", "办事处", "街道", "党委", "党组", "管委会", "委", "局", "厅", "办",
    "部", "院", "署", "室", "中心", "站", "所", "队", "处", "司", "会", "省", "市", "区", "县", "旗",
    "州", "盟", "镇", "乡",
)
# Words a heading or a finished line never ends with: a function word leaves the phrase open
# ("根据", "……以上率下的"), as does a comma ("3.精准开展普法，").
OPEN_ENDINGS = ("根据", "按照", "依据", "通过", "围绕", "对于", "关于", "为了", "以及", "并且", "而且",
                "的", "了", "和", "与", "及", "并", "或", "在", "对", "把", "将", "以", "为", "从",
                "向", "被", "等", "由", "就", "是", "而")
# What opens a clause, never a body's name: a signature starts with a place or a party body
# ("中共……", "……区人民政府"), a clause with what is done and how ("充分发挥……", "进一步……").
CLAUSE_OPENERS = ("充分", "发挥", "进一步", "持续", "不断", "切实", "积极", "深入", "认真", "全力",
                  "加强", "加快", "推进", "推动", "落实", "坚持", "完善", "健全", "建立", "开展", "组织",
                  "召开", "印发", "制定", "出台", "强化", "深化", "提升", "提高", "依托", "围绕", "配合",
                  "协助", "指导", "督促", "支持", "会同", "联合", "牵头", "报请", "提请", "报送", "成立",
                  "设立", "调整", "由", "在", "对", "按", "以", "把", "请")  # not 向/经/将: 向阳街道, 经开区, 将乐县
OPEN_MARKS = set("，,、：:（(“‘《【—")


def signature_line(line: str) -> bool:
    """A signature block line: a date, or a short unpunctuated line that is a bare body name.

    A short leftover of a cut-off sentence ("根据", "组建") names no body, and one that opens with a
    verb or an adverb ("充分发挥……委员会") is a clause that happens to end with a body's name:
    neither is skipped.
    """
    if SIGNATURE_DATE.match(line):
        return True
    return (len(line) <= 25 and not any(ch in line for ch in "，,。；;：:、")
            and line.endswith(BODY_SUFFIXES) and not line.startswith(CLAUSE_OPENERS))


def _short_heading(line: str) -> bool:
    """A heading that ends the text: short, and not left open by a comma or a function word."""
    return len(line) <= HEADING_MAX and line[-1] not in OPEN_MARKS and not line.endswith(OPEN_ENDINGS)
