"""A report beside last year's: what last year's plan promised and what this year's parts repeat.

The kinds ``plan_followup`` (rule ``plan-unaddressed``) and ``copied`` (rule
``copied-from-previous``) read ``doc.previous`` through these helpers; the pipeline calls the
same helpers to put the tables the HTML page shows into ``ReportResult.crossyear`` (not part
of the JSON contract).  Matching itself is in :mod:`checker.check.similarity`.
"""
from __future__ import annotations

from checker.parse.document import Document, Node, Section

from .similarity import Unit, Weights, bigrams, content, copied, match_items

MAX_SHOWN = 80  # characters of an item or sentence quoted in a message


def _section(doc: Document, key: str) -> Section | None:
    """The named part when it stands on its own (an embedded part has no items of its own)."""
    sec = doc.section(key)
    return sec if sec is not None and not sec.embedded else None


def _clip(text: str, limit: int = MAX_SHOWN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _children(sec: Section) -> list[Node]:
    out = []
    for node in sec.nodes:
        out.extend(child for child in node.children if child.heading is not None)
    return out


def _descendants(sec: Section) -> list[Node]:
    out = []
    for node in sec.nodes:
        for child in node.walk():
            if child is not node and child.heading is not None:
                out.append(child)
    return out


def body_sentences(doc: Document, sec: Section) -> list[Unit]:
    """The part's non-heading sentences as units (text as written, 1-based line)."""
    out = []
    for s in doc.part_sentences(sec):
        text = doc.text[s.start:s.end].strip()
        if text:
            out.append(Unit(text=text, line=s.line))
    return out


def plan_items(doc: Document, stock: list[str]) -> list[Unit]:
    """Last year's commitments: the plan part's numbered items, else its sentences."""
    sec = _section(doc, "plan")
    if sec is None:
        return []
    items = []
    for node in _children(sec):
        heading = node.heading
        text = doc.text[node.start:node.end].strip()
        label = doc.text[heading.start:heading.start + len(heading.label)]  # as written: （一）
        title = heading.title.strip().rstrip("。.；;")
        items.append(Unit(text=text, line=heading.line, label=label, title=title,
                          grams=set(bigrams(content(doc.norm[node.start:node.end], stock)))))
    if items:
        return items
    for unit in body_sentences(doc, sec):
        unit.grams = set(bigrams(content(unit.text, stock)))
        unit.title = unit.text
        items.append(unit)
    return items


def measure_units(doc: Document, stock: list[str]) -> tuple[list[Unit], list[Unit]]:
    """This year's measures: its items (every numbered heading with its text) and sentences."""
    sec = _section(doc, "measures")
    if sec is None:
        return [], []
    items = [Unit(text=doc.text[n.start:n.end], line=n.heading.line, label=n.heading.label,
                  grams=set(bigrams(content(doc.norm[n.start:n.end], stock)))) for n in _descendants(sec)]
    sentences = body_sentences(doc, sec)
    for unit in sentences:
        unit.grams = set(bigrams(content(unit.text, stock)))
    return items, sentences


def _once(doc: Document, name: str, params: dict, compute):  # noqa: ANN001 - compute(doc, params)
    """``compute(doc, params)``, computed once per document and rule: a kind's ``check`` and its
    ``view`` (for the HTML page, called by the pipeline right after) ask the same question."""
    memo = doc.__dict__.setdefault("_crossyear_memo", {})
    held = memo.get((name, id(params)))
    if held is None or held[0] is not params:  # params held, so its id cannot be reused
        held = memo[(name, id(params))] = (params, compute(doc, params))
    return held[1]


def followup(doc: Document, params: dict) -> dict | None:
    """Last year's plan items against this year's measures, or None when there is nothing to
    compare (no previous report, or no plan part last year)."""
    return _once(doc, "followup", params, _followup)


def _followup(doc: Document, params: dict) -> dict | None:
    prev = doc.previous
    if prev is None:
        return None
    stock = params["stock"]
    items = plan_items(prev, stock)
    if not items:
        return None
    units, sentences = measure_units(doc, stock)
    corpus = [content(u.text, stock) for u in sentences + items]
    matches = match_items(items, units, sentences, Weights(corpus), params["threshold"])
    rows = []
    for m in matches:
        rows.append({"label": m.item.label, "wording": _clip(m.item.title), "text": m.item.text,
                     "line": m.item.line, "matched": m.matched, "score": m.score,
                     "this_line": m.best.line if (m.best and m.matched) else None,
                     "this_text": _clip(m.best.text, 160) if (m.best and m.matched) else None})
    return {"previous": prev.path, "previous_year": prev.metadata.year, "threshold": params["threshold"],
            "items": rows, "matched": sum(1 for r in rows if r["matched"]), "total": len(rows)}


def copies(doc: Document, params: dict) -> list[dict]:
    """For each compared part present in both reports: the 5-gram Jaccard and the sentence pairs."""
    return _once(doc, "copies", params, _copies)


def _copies(doc: Document, params: dict) -> list[dict]:
    prev = doc.previous
    if prev is None:
        return []
    out = []
    for key in params["sections"]:
        mine, theirs = _section(doc, key), _section(prev, key)
        if mine is None or theirs is None:
            continue
        this, last = body_sentences(doc, mine), body_sentences(prev, theirs)
        if sum(len(u.text) for u in this) < params["min_chars"]:
            continue
        score, pairs = copied(this, last, params["ngram"], params["pair_min"])
        out.append({"section": key, "score": score, "line": mine.line,
                    "heading_start": mine.heading_start, "heading_end": mine.heading_end,
                    "pairs": [{"this": p.this.text, "this_line": p.this.line,
                               "last": p.last.text if p.last else None,
                               "last_line": p.last.line if p.last else None, "score": p.score}
                              for p in pairs],
                    "same": sum(1 for p in pairs if p.last is not None), "sentences": len(pairs)})
    return out


def anchor(doc: Document) -> tuple[int, int, str | None]:
    """Where a cross-year finding about this year's measures goes: the measures heading, else
    the title line, else the start of the text."""
    sec = doc.section("measures")
    if sec is not None and sec.heading_end > sec.heading_start:
        return sec.heading_start, sec.heading_end, "measures"
    return title_span(doc) + (None,)


def title_span(doc: Document) -> tuple[int, int]:
    line = doc.metadata.title_line
    if line:
        start, end = doc.line_span(line)
        text = doc.text[start:end]
        lead = len(text) - len(text.lstrip())
        return start + lead, start + len(text.rstrip())
    return 0, 0
