"""The 第一责任人 checklist: what the duty part (or the passage embedded in the measures) must
tell, after the 《党政主要负责人履行推进法治建设第一责任人职责规定》 — 主持研究法治议题, 会前学法,
述法, 带头出庭应诉, 督察整改 … — some of them with a count.

Each element is data in the rule set: a name, the words that show it, and whether a figure
must stand in the sentence that names it.  One finding per part names all that is missing
("未写明：会前学法次数、述法、出庭应诉"), because a reviewer writes it as one remark.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.check import figures
from checker.check.hit import Hit
from checker.check.truncation import runs_into_cut
from checker.parse.document import Document
from checker.read.normalize import normalize

FIGURE_WINDOW = 600  # characters of a sentence read for its figure (the patterns are slow on huge digit runs)
DEFAULTS: dict = {"sections": ["duty"], "elements": [], "embedded": True, **figures.FIGURE_DEFAULTS}


def prepare(params: dict) -> dict:
    """Normalise each element's words once; the figure spec is shared with claim/item kinds."""
    if not params["elements"]:
        raise ValueError("elements: list at least one element of the duty checklist")
    elements = []
    for i, element in enumerate(params["elements"]):
        words = [normalize(w) for w in element.get("words", []) if w]
        if not element.get("name") or not words:
            raise ValueError(f"elements[{i}]: give a name and at least one word")
        elements.append({"name": element["name"], "words": words, "figure": bool(element.get("figure", False)),
                         "count_name": element.get("count_name") or f"{element['name']}次数"})
    return {"elements": elements, "figures": figures.spec_from(params)}


def missing(texts: list[str], compiled: dict, answers: dict | None = None) -> list[str]:
    """The checklist entries the sentences do not give: the element's name when no sentence
    names it, its count name when sentences name it but none gives a figure (``answers``: the
    document's figure answers, :func:`figures.memo`)."""
    out = []
    for element in compiled["elements"]:
        naming = [t for t in texts if any(w in t for w in element["words"])]
        if not naming:
            out.append(element["name"])
        elif element["figure"] and not any(figures.has_figure_memo(t[:FIGURE_WINDOW], compiled["figures"], answers)
                                           for t in naming):
            out.append(element["count_name"])
    return out


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    params = rule.params
    for sec in doc.sections:
        if sec.key not in params["sections"] or (sec.embedded and not params["embedded"]):
            continue
        texts = [s.text for s in doc.part_sentences(sec)]
        if not texts or runs_into_cut(doc, sec.end):
            continue  # an empty part is section-thin's finding; a cut-off one may say the rest later
        lacking = missing(texts, rule.compiled, figures.memo(doc, rule.compiled["figures"]))
        if lacking:
            yield Hit(sec.heading_start, sec.heading_end, section=sec.key,
                      fields={"name": ruleset.section_name(sec.key), "missing": "、".join(lacking),
                              "count": len(lacking)})
