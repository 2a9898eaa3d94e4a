"""Text similarity for comparing a report with last year's: follow-through and copied text.

Two measures, both on characters because Chinese has no spaces and a reworded commitment keeps
its key nouns (排污许可, 损害赔偿) while its verbs change (强化 → 抓实, 健全 → 推动……规范化):

- **follow-through** (:func:`match_items`): each of last year's plan items is compared with
  this year's measures, sentence by sentence and item by item.  Both sides are reduced to
  *content characters* (Chinese characters and letters; digits, punctuation and stock words
  such as 进一步、持续、加强、推进 removed — the stock list is a lexicon in the rule set), cut
  into character bigrams, and each bigram is weighted by how rare it is among the sentences
  of both reports (an inverse document frequency), so 生态环境 in an environment bureau's
  report or 法治政府 in any report counts for little and 排污许可 or 信用评价 for a lot.  The
  score of a plan item against a measures unit is the weighted share of the item's bigrams
  found in the unit (containment, 0–1); the item is matched by the best unit when the score
  reaches a threshold.
- **copied text** (:func:`copied`): character 5-gram sets of a part's body this year and last
  year; the part's score is their Jaccard index, and each of this year's sentences is paired
  with last year's most similar sentence for the side-by-side view.

Limits: this is lexical, not semantic.  A commitment fulfilled in entirely different words
(信用评价 → 守信激励) is missed, and a measures sentence that names the same subject without
doing
the thing (排污许可 mentioned in passing) counts as a match.  Identical stock sentences in both
reports are reduced, not removed, by the weighting.  Results are advice for a reviewer.
"""
from __future__ import annotations

from collections import Counter

from checker.read.lazy_pattern import lazy
from checker.read.record import field, record

CONTENT = lazy(r"[\u4e00-\u9fffA-Za-z]+")
FIVE_GRAM_TEXT = lazy(r"[\u4e00-\u9fffA-Za-z0-9.%]+")


def content(text: str, stock: list[str] | tuple[str, ...] = ()) -> str:
    """Content characters of a text: stock words removed, then only CJK characters and letters.

    Removing a stock word leaves a gap, so no bigram is formed across it."""
    for word in sorted(stock, key=len, reverse=True):
        if word:
            text = text.replace(word, "|")
    return "|".join(CONTENT.findall(text))


def bigrams(text: str) -> Counter:
    """Character bigrams of content text; ``|`` separates runs and never joins a bigram."""
    out: Counter = Counter()
    for run in text.split("|"):
        if len(run) > 1:
            out.update(run[i:i + 2] for i in range(len(run) - 1))  # counted in C, in the same order
    return out


class Weights:
    """Inverse document frequency of bigrams over a collection of short texts (sentences)."""

    def __init__(self, texts: list[str]):
        import math  # here: only a comparison with another report weighs (a shared library fewer per run)

        self.log = math.log
        self.n = max(1, len(texts))
        self.df: Counter = Counter()
        for text in texts:
            self.df.update(set(bigrams(text)))
        self.known: dict[str, float] = {}  # gram → weight, computed once (a pair asks ~10⁵ times)

    def __call__(self, gram: str) -> float:
        value = self.known.get(gram)
        if value is None:
            value = self.known[gram] = self.log((self.n + 1) / (self.df.get(gram, 0) + 0.5))
        return value


def containment(item: set[str], unit: set[str], weight: Weights, total: float | None = None) -> float:
    """Weighted share of ``item``'s bigrams that occur in ``unit`` (0–1); ``total``: the sum
    of ``item``'s weights when the caller already has it (the same float: the same set, summed
    in the same order)."""
    if total is None:
        total = sum(weight(g) for g in item)
    if total <= 0:
        return 0.0
    return sum(weight(g) for g in item & unit) / total


@record
class Unit:
    """A piece of text to compare: a plan item, a measures item or a sentence."""

    text: str  # as shown to the reader
    line: int
    grams: set[str] = field(default_factory=set)
    label: str = ""  # a numbered item's label, e.g. （三）
    title: str = ""  # a numbered item's heading, or the sentence itself


@record
class Match:
    item: Unit
    score: float
    best: Unit | None  # the measures sentence that matches best (None when nothing overlaps)
    matched: bool


def match_items(items: list[Unit], units: list[Unit], sentences: list[Unit], weight: Weights,
                threshold: float) -> list[Match]:
    """Each plan item's best measures unit; ``best`` is the best *sentence* inside the matched
    unit or, if the best unit is a sentence, that sentence."""
    out = []
    for item in items:
        best_score, best_unit = 0.0, None
        total = sum(weight(g) for g in item.grams)
        for unit in units + sentences:
            score = containment(item.grams, unit.grams, weight, total)
            if score > best_score:
                best_score, best_unit = score, unit
        shown = best_unit
        if best_unit is not None and best_unit not in sentences:
            inside = [s for s in sentences if s.line >= best_unit.line and s.text in best_unit.text]
            if inside:
                shown = max(inside, key=lambda s: containment(item.grams, s.grams, weight, total))
        out.append(Match(item=item, score=round(best_score, 3), best=shown, matched=best_score >= threshold))
    return out


# -- copied text ----------------------------------------------------------------------------

def grams5(text: str, n: int = 5) -> set[str]:
    """Character n-grams (default 5) of a text's letters, digits and CJK characters."""
    joined = "".join(FIVE_GRAM_TEXT.findall(text))
    if len(joined) < n:
        return {joined} if joined else set()
    return {joined[i:i + n] for i in range(len(joined) - n + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


@record
class Pair:
    this: Unit
    last: Unit | None
    score: float


def copied(this: list[Unit], last: list[Unit], n: int = 5, pair_min: float = 0.5) -> tuple[float, list[Pair]]:
    """Jaccard of the two parts' n-gram sets, and each of this year's sentences with last
    year's most similar one (``last`` is None below ``pair_min``).

    Last year's sentences are found through an index (n-gram → sentences that hold it), so only
    sentences sharing an n-gram are scored: two 195 KB reports took 35 s comparing every pair."""
    whole = jaccard(set().union(*(grams5(u.text, n) for u in this)) if this else set(),
                    set().union(*(grams5(u.text, n) for u in last)) if last else set())
    sizes: list[int] = []
    index: dict[str, list[int]] = {}
    first_of: dict[frozenset, int] = {}  # identical gram sets: only the first can be the best
    for position, unit in enumerate(last):
        grams = frozenset(grams5(unit.text, n))
        sizes.append(len(grams))
        if grams in first_of:
            continue
        first_of[grams] = position
        for gram in grams:
            index.setdefault(gram, []).append(position)
    pairs = []
    for unit in this:
        mine = grams5(unit.text, n)
        shared: Counter = Counter()
        for gram in mine:
            shared.update(index.get(gram, ()))
        best, best_score = None, 0.0
        for position in sorted(shared):  # in last year's order: the first of equal scores wins
            score = shared[position] / (len(mine) + sizes[position] - shared[position])
            if score > best_score:
                best, best_score = last[position], score
        pairs.append(Pair(this=unit, last=best if best_score >= pair_min else None, score=round(best_score, 3)))
    return round(whole, 3), pairs
