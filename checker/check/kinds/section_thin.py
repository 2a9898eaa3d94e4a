"""A part that is present but says almost nothing: too few characters, or too few sentences
that carry a figure or a concrete act.  Characters count Chinese characters, letters and
digits of the body (headings excluded), so punctuation and spacing cannot pad a part.  The
advice is the part's own (``advice`` per section key): a thin plan needs deadlines, a thin
duty part needs what the head of government did, not the same sentence for both."""
from __future__ import annotations

from collections.abc import Iterator

from checker.check.hit import Hit
from checker.check.truncation import runs_into_cut
from checker.parse.document import Document
from checker.read.lazy_pattern import lazy

DEFAULTS: dict = {
    "min_chars": {"measures": 200, "problems": 30, "duty": 40, "plan": 40},
    "min_substantive": {"measures": 3, "duty": 1},
    "concrete_words": ["主持", "召开", "听取", "审议", "审定", "述法", "学法", "督办", "专题研究"],
    "advice": {},
}
GENERIC_ADVICE = "请补充具体做法、次数或成果。"
FIGURE = lazy(r"\d|[一二三四五六七八九十两百千万]+(?:次|件|项|个|名|人|期|场|家|条|份|篇|批|轮|类)")
COUNTED = lazy(r"[\u4e00-\u9fff0-9A-Za-z]+")  # runs: one match per run, not per character


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    params = rule.params
    for sec in doc.sections:
        if sec.embedded or sec.key not in params["min_chars"] or runs_into_cut(doc, sec.end):
            continue
        body = doc.part_sentences(sec)
        chars = counted_chars("\n".join(s.text for s in body))
        words, need = params["concrete_words"], params["min_substantive"].get(sec.key, 0)
        if chars >= params["min_chars"][sec.key] and _at_least(need, (s.text for s in body), words):
            continue  # the usual case: stop counting at the number needed
        substantive = sum(1 for s in body if is_substantive(s.text, words))
        if chars < params["min_chars"][sec.key] or substantive < need:
            yield Hit(sec.heading_start, sec.heading_end, section=sec.key,
                      fields={"name": ruleset.section_name(sec.key), "chars": chars, "substantive": substantive,
                              "advice": params["advice"].get(sec.key, GENERIC_ADVICE)})


def _at_least(need: int, texts, words: list[str]) -> bool:
    """Whether ``need`` of the texts are substantive (stops as soon as they are)."""
    found = 0
    for text in texts:
        if found >= need:
            return True
        found += is_substantive(text, words)
    return found >= need


def counted_chars(text: str) -> int:
    """Chinese characters, letters and digits in a text (summed over runs: three times faster
    than one match per character)."""
    return sum(map(len, COUNTED.findall(text)))


def is_substantive(text: str, words: list[str]) -> bool:
    """A sentence with a figure or a named concrete act (主持、召开、述法 …)."""
    return bool(FIGURE.search(text)) or any(word in text for word in words)
