"""Coverage of the key task areas and indicators: which of the 法治政府建设实施纲要 task areas
and of the indicators evaluators look for (出庭应诉率, 行政复议纠错, 败诉率 …) the measures part
never mentions, or mentions without a figure.

Everything checked is data in the rule set: each entry has a name, the words (synonyms) that
show it, whether a figure must stand in a sentence that names it, and the reporting levels it
applies to (a department need not report a whole district's 出庭应诉率).  The level comes from
the issuer's name (…人民政府 / …局), or from the ``level`` param when a config sets it per path.

``unit_types`` refine a level by the kind of unit, again by the issuer's name: a 区府办 does no
行政执法 (``skip``), a 司法局 handles 行政复议 although departments in general do not (``add``).

``coverage_map`` gives the whole table (entry → first line naming it, with a figure or not) for
the HTML page; ``check`` reports only what is missing, once per report.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator

from checker.check import figures
from checker.check.hit import Hit
from checker.check.truncation import runs_into_cut
from checker.parse.document import Document
from checker.read.normalize import normalize

LEVELS = ("government", "department")
FIGURE_WINDOW = 600  # characters of a sentence read for its figure (the patterns are slow on huge digit runs)
DEFAULTS: dict = {"sections": ["measures", "duty"], "entries": [], "level": None, "min_chars": 800,
                  "government_suffixes": ["人民政府", "政府", "区委", "县委", "市委", "州委", "盟委", "旗委", "省委"],
                  "department_suffixes": ["局", "委员会", "委", "办公室", "办公厅", "府办", "办", "中心", "厅", "署"],
                  "unit_types": [], **figures.FIGURE_DEFAULTS}


def prepare(params: dict) -> dict:
    """Normalise each entry's words once and check its levels."""
    if params["level"] is not None and params["level"] not in LEVELS:
        raise ValueError(f"level: must be one of {', '.join(LEVELS)} or null")
    if not params["entries"]:
        raise ValueError("entries: list at least one task area or indicator")
    entries = []
    for i, entry in enumerate(params["entries"]):
        words = [normalize(w) for w in entry.get("words", []) if w]
        if not entry.get("name") or not words:
            raise ValueError(f"entries[{i}]: give a name and at least one word")
        levels = entry.get("levels", list(LEVELS))
        if any(level not in LEVELS for level in levels):
            raise ValueError(f"entries[{i}].levels: known levels are {', '.join(LEVELS)}")
        entries.append({"name": entry["name"], "group": entry.get("group", "indicator"), "words": words,
                        "figure": bool(entry.get("figure", False)), "levels": levels})
    names = {e["name"] for e in entries}
    for i, unit in enumerate(params["unit_types"]):
        unknown = [n for n in unit.get("skip", []) + unit.get("add", []) if n not in names]
        if unknown:
            raise ValueError(f"unit_types[{i}]: no entry named {'、'.join(unknown)}")
    return {"entries": entries, "figures": figures.spec_from(params)}


def unit_type_of(doc: Document, params: dict) -> dict:
    """The unit type whose suffix ends the issuer's name (the longest one wins), or an empty one."""
    name = "".join((doc.metadata.issuer or "").split())
    best, best_len = {}, 0
    for unit in params["unit_types"]:
        for suffix in unit["suffixes"]:
            if name.endswith(suffix) and len(suffix) > best_len:
                best, best_len = unit, len(suffix)
    return best


def level_of(doc: Document, params: dict) -> str:
    """government or department: the param, else the issuer's longest matching suffix (government
    when unknown, the stricter list)."""
    if params["level"]:
        return params["level"]
    name = "".join((doc.metadata.issuer or "").split())
    best, best_len = "government", 0
    for level, key in (("government", "government_suffixes"), ("department", "department_suffixes")):
        for suffix in params[key]:
            if name.endswith(suffix) and len(suffix) > best_len:
                best, best_len = level, len(suffix)
    return best


def coverage_map(doc: Document, rule) -> list[dict]:
    """Per entry for this report's level: where it is first named (line) and whether a sentence
    naming it gives a figure.  Empty when the parts are too short to judge.  Worked out once
    per document and rule: the check and the HTML page's table both need it."""
    kept = doc.shared.get(("coverage_map", id(rule)))
    if kept is not None and kept[0] is rule:
        return kept[1]
    table = _coverage_map(doc, rule)
    doc.shared[("coverage_map", id(rule))] = (rule, table)
    return table


def _coverage_map(doc: Document, rule) -> list[dict]:
    params, compiled = rule.params, rule.compiled
    if any(runs_into_cut(doc, sec.end) for sec in doc.sections if sec.key in params["sections"]):
        return []  # a cut-off part may name the rest in the missing text
    found = {s.start: s for sec in doc.sections if sec.key in params["sections"] for s in doc.part_sentences(sec)}
    sentences = [found[k] for k in sorted(found)]  # an embedded duty passage lies inside the measures
    if sum(len(s.text) for s in sentences) < params["min_chars"]:
        return []
    level = level_of(doc, params)
    unit = unit_type_of(doc, params)
    answers = figures.memo(doc, compiled["figures"])  # per sentence, at most once for all entries (and kinds)

    def has_figure(sentence) -> bool:
        return figures.has_figure_memo(sentence.text[:FIGURE_WINDOW], compiled["figures"], answers)

    naming = _Naming(sentences)
    out = []
    for entry in compiled["entries"]:
        if entry["name"] in unit.get("skip", []):
            continue
        if level not in entry["levels"] and entry["name"] not in unit.get("add", []):
            continue
        first = with_figure = None
        for sentence in naming.sentences(entry["words"]):  # stops at the first that names it with a figure
            first = first or sentence
            if has_figure(sentence):
                with_figure = sentence
                break
        shown = with_figure or first
        out.append({"name": entry["name"], "group": entry["group"], "needs_figure": entry["figure"],
                    "line": shown.line if shown else None, "mentioned": first is not None,
                    "figure": with_figure is not None})
    return out


class _Naming:
    """The sentences that name any of some words, in order: each word is looked for with
    ``str.find`` over the sentences joined once (the words hold no line break, so no find
    spans two sentences), instead of testing every word in every sentence."""

    def __init__(self, sentences: list) -> None:
        self.items = sentences
        self.text = "\n".join(s.text for s in sentences)
        self.starts: list[int] = []
        pos = 0
        for sentence in sentences:
            self.starts.append(pos)
            pos += len(sentence.text) + 1

    def sentences(self, words: list[str]) -> list:
        if any("\n" in w for w in words):  # cannot happen after normalising; kept exact anyway
            return [s for s in self.items if any(w in s.text for w in words)]
        found: set[int] = set()
        for word in words:
            at = self.text.find(word)
            while at >= 0:
                found.add(bisect.bisect_right(self.starts, at) - 1)
                at = self.text.find(word, at + 1)
        return [self.items[i] for i in sorted(found)]


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    table = coverage_map(doc, rule)
    absent = [row["name"] for row in table if not row["mentioned"]]
    bare = [row["name"] for row in table if row["mentioned"] and row["needs_figure"] and not row["figure"]]
    if not absent and not bare:
        return
    sec = next((s for key in rule.params["sections"] for s in doc.sections if s.key == key and not s.embedded), None)
    if sec is None:
        return
    parts = []
    if absent:
        parts.append(f"没有提到{'、'.join(absent)}")
    if bare:
        parts.append(f"提到了{'、'.join(bare)}但没有给出数据")
    yield Hit(sec.heading_start, sec.heading_end, section=sec.key,
              fields={"name": ruleset.section_name(sec.key), "gaps": "；".join(parts),
                      "absent": "、".join(absent), "bare": "、".join(bare)})
