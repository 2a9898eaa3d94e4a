"""A text that stops in the middle of a sentence was cut off (a page's opening, a copy that
broke off): whatever runs into the cut cannot be judged for what it lacks — the figure, the
cause or the duty element may have been in the part that is missing.

Kinds that judge a whole item or part by what it does *not* say ask :func:`runs_into_cut`
and stay silent; what a text *does* say wrong is still reported.
"""
from __future__ import annotations

import re

from checker.parse.document import Document

# What a finished paragraph may end with: closing punctuation, a closing quote or bracket.  The
# signature block (issuer, date) under the last paragraph is skipped first.
CLOSING = set("。！？!?；;…”’」』）)》】.")
HEADING_MAX = 40


def cut_off(doc: Document) -> bool:
    """Whether the body stops mid-sentence (its last visible character closes nothing)."""
    cached = doc.__dict__.get("_cut_off")
    if cached is not None:
        return cached
    first_line = doc.position(doc.body_start)[0]
    numbered = enumerate(doc.norm[doc.body_start:doc.body_end].split("\n"), start=first_line)
    lines = [(n, line.strip()) for n, line in numbered if line.strip()]
    while lines and _signature_line(lines[-1][1]):
        lines.pop()  # the issuer and the date under the last paragraph
    headings = {h.line for h in doc.headings if not doc.norm[h.end:doc.line_span(h.line)[1]].strip()}
    # A text that ends with a heading ends with an empty part (section-thin says so), not mid-sentence.
    # (a heading line is short: a long "heading" is a numbered paragraph that the cut left unclosed).
    last_is_heading = bool(lines) and lines[-1][0] in headings and len(lines[-1][1]) <= HEADING_MAX
    result = bool(lines) and not last_is_heading and lines[-1][1][-1] not in CLOSING
    doc.__dict__["_cut_off"] = result
    return result


def runs_into_cut(doc: Document, end: int) -> bool:
    """Whether a span ending at ``end`` reaches the place where a cut-off text stops."""
    if not cut_off(doc):
        return False
    return not doc.norm[end:doc.body_end].strip()


SIGNATURE_DATE = re.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$")


def _signature_line(line: str) -> bool:
    """A signature block line: a date, or a short line with no punctuation (the issuer)."""
    return bool(SIGNATURE_DATE.match(line)) or (len(line) <= 25 and not any(ch in line for ch in "，,。；;：:、"))
