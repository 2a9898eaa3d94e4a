"""A sentence that asserts a result or a quality (成效显著, 明显提升 …) but gives no figure.

A trigger word or pattern marks a possible claim; the sentence's structure decides whether it
is one.  Why structure and not a longer word list: the same words are a result in
"审批效率明显提升" and a task in "提升政策解读质效" or "通过考核推动…提质增效", and only their
place in the clause tells them apart.

- A trigger with a degree adverb (有效, 显著, 明显, 有力 …, the ``degree`` lexicon) is a claim
  wherever it stands: the drafter grades the result.
- Without one, a trigger that opens its clause (提升…质效 among 优化…, 深化…) is an action in
  a list of actions (unless it opens with a result verb: 形成…良好格局, 取得…), and a trigger governed by an action verb earlier in the clause (通过…推动…提质增效)
  is a purpose: neither is a claim.
- A trigger in a purpose clause (确保…得到有效落实, 为了…, 以便…: the ``purposes`` lexicon earlier
  in its clause) states what a measure is for, not what it achieved: not a claim even with a
  degree adverb.  "确保了…" (with 了) reports a result and stays a claim.  The same holds for a
  trigger that closes a purpose frame its clause opens with (为……提供有力保障, the
  ``purpose_patterns``, matched on the clause's words before the trigger): "为……提供了有力保障"
  (with 了) reports a result and stays a claim.
- A claim is supported by a figure or verifiable evidence (获评, 入选 …) in its own sentence,
  or, when it opens its sentence, by a figure in the clause just before it (the end of the
  previous sentence in the same paragraph): "…调解6583件。有力保障社会大局安定有序。"
- A claim is also supported by the sentence right after it in the same paragraph when that
  sentence opens with the support: a figure in Arabic digits in its first clause (after a short
  lead-in such as 截至目前, 全年), evidence there (获评 …; after a 、 list of what earned it, up to
  the clause's , ; : — "甲考评、乙考评均获得优秀等次"), or an example opener (如：…, the ``support_openers``).
  "…在理论研究中走在前列。截至目前，共撰写调研文章30余篇" states the claim, then proves it.
  A next sentence that opens a new point (二是, （三）) is not support; data further away is not either.
  When that first clause is itself a claim without a figure ("……明显改善。空气质量持续稳定向好，
  优良天数309天": a trigger there, or a clause closed by a change of state, the ``restate_patterns``),
  it names the part of the claim the figure proves: the clause after it counts too.  So does the
  clause after a first clause that names a field, when the claim is the work's result as a whole
  (……，取得明显成效。始终坚持依法履行政府职能，共取消审批事项65项: 取得… opening its clause);
  a claim that names what improved (能力明显提高, 普法宣传取得良好效果) is not supported by the next
  field's figure.
  A claim that is itself an enumerated point ("三是示范创建取得阶段性成效。") is the title of the
  sentence after it, which supports it with a figure anywhere in it.

Headings are titles, not claims, and are skipped by default.  So is a trigger that stands
wholly inside quotation marks (深刻把握“走在前列”总目标): the quoted words name a goal or a
slogan, as a 《…》 title names a document; a trigger that carries its own marks (跑出“加速度”)
is matched as written.

The opening paragraph (before the first heading) sums up the year, often with figures the body
gives later, so there the ordinary triggers would mostly flag summaries.  When the rule's scope
holds ``opening``, only the ``opening_patterns`` (unmistakable result claims about the whole work:
法治政府建设取得明显成效, 迈上新台阶) count there, with the same structure and support tests.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.check import figures, prefilter
from checker.check.hit import Hit
from checker.check.regex_safety import compile_safe
from checker.check.scope import spans
from checker.check.truncation import runs_into_cut
from checker.parse.document import Document, Sentence
from checker.read.normalize import normalize
from checker.read.lazy_pattern import lazy

DEFAULTS: dict = {"words": [], "patterns": [], "evidence": [], "headings": False, "opening_patterns": [],
                  "degree": [], "results": [], "actions": [], "lead_adverbs": [], "purposes": [], "purpose_patterns": [], "restate_patterns": [], "support_openers": [], **figures.FIGURE_DEFAULTS}

CLAUSE_MARKS = ",;:。!?、"
LEAD_CLAUSE_MARKS = ",;:。!?"
SEMICOLONS = (";", "；")
# A first clause this short (截至目前, 全年, 2024年以来) is a lead-in: the support opens after it.
LEAD_IN_CHARS = 6
# A claim of the work's result as a whole opens its clause with 取得 (……，取得明显成效); one that
# names what improved (意识显著增强, 普法宣传取得良好效果) needs that thing's figure at once.
GENERAL_RESULT = "取得"
ARABIC_DIGIT = lazy(r"\d")
# Dates carry digits but are not data: "2019年的工作体现出了四个“最”" has no figure in digits.
DATE = lazy(r"\d{4}年度?|\d{1,2}月份?|\d{1,2}日")
# An enumerator opening a clause (一是, 1., （二）) is numbering, not the clause's first word.
# A short quoted phrase: a trigger wholly inside one names a goal or slogan, it is not a claim.
QUOTED = lazy(r"“[^“”\n]{1,30}”")
ENUMERATOR = lazy(r"^\s*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|\d{1,2}[.、]|[(（][一二三四五六七八九十\d]{1,3}[)）])")


def _alternation(words: list[str]) -> re.Pattern | None:
    words = sorted({normalize(w) for w in words if w}, key=figures.longest_first)
    return lazy("|".join(map(re.escape, words))) if words else None


def prepare(params: dict) -> dict:
    """Compile the trigger lexicon, the structure lexicons and the figure spec once per rule."""
    triggers = [compile_safe(p, f"patterns[{i}]") for i, p in enumerate(params["patterns"])]
    words = _alternation(params["words"])
    if words:
        triggers.append(words)
    if not triggers:
        raise ValueError("words: give at least one claim word or pattern")
    evidence = sorted({normalize(w) for w in params["evidence"]}, key=figures.longest_first)
    opening = [compile_safe(p, f"opening_patterns[{i}]") for i, p in enumerate(params["opening_patterns"])]
    openers = [compile_safe(p, f"support_openers[{i}]") for i, p in enumerate(params["support_openers"])]
    frames = [compile_safe(p, f"purpose_patterns[{i}]") for i, p in enumerate(params["purpose_patterns"])]
    restate = [compile_safe(p, f"restate_patterns[{i}]") for i, p in enumerate(params["restate_patterns"])]
    return {"openers": openers, "triggers": prefilter.Guards(triggers), "opening": prefilter.Guards(opening), "evidence": evidence, "figures": figures.spec_from(params),
            "degree": _alternation(params["degree"]), "results": _alternation(params["results"]), "actions": _alternation(params["actions"]),
            "lead": _alternation(params["lead_adverbs"]), "purpose": _purpose(params["purposes"]), "frames": frames, "restate": restate}


def _purpose(words: list[str]) -> re.Pattern | None:
    """A purpose marker not followed by 了 (确保了… reports what was achieved)."""
    words = sorted({normalize(w) for w in words if w}, key=figures.longest_first)
    return lazy("(?:" + "|".join(map(re.escape, words)) + ")(?!了)") if words else None


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding offset ``at`` begins (after the last , ; : before it)."""
    return max(text.rfind(mark, 0, at) for mark in CLAUSE_MARKS) + 1


def _is_action(text: str, match: re.Match, compiled: dict) -> bool:
    """A trigger without a degree adverb that opens its clause, or follows an action verb in
    its clause, or stands in a purpose clause, describes a task or a purpose, not a result."""
    claim = match.group()
    start = _clause_start(text, match.start())
    if compiled["purpose"] is not None and compiled["purpose"].search(text, start, match.start()):
        return True
    if compiled["frames"] and any(frame.search(text[start:match.start()]) for frame in compiled["frames"]):
        return True  # 为……提供有力保障: what the measure is for
    if compiled["degree"] is not None and compiled["degree"].search(claim):
        return False
    head = ENUMERATOR.sub("", text[start:match.start()])
    if compiled["lead"] is not None:
        head = compiled["lead"].sub("", head)
    if not head.strip():
        if start > 0 and text[start - 1] == "、" and _listed_after_action(text, start, compiled):
            return True  # "推动……再上新台阶、取得新成效": the verb before the list governs each item
        opener = compiled["results"]
        return opener is None or opener.match(claim) is None
    if compiled["actions"] is not None and compiled["actions"].search(head) is not None:
        return True
    # "推动甲、乙及丙宣传普及提质增效": the verb before a 、 list governs the phrase that closes it
    return start > 0 and text[start - 1] == "、" and _listed_after_action(text, start, compiled)


def _listed_after_action(text: str, start: int, compiled: dict) -> bool:
    """Whether a clause that follows a 、 continues a list whose clause opens with an action verb."""
    outer = max(text.rfind(mark, 0, start) for mark in CLAUSE_MARKS if mark != "、") + 1
    return compiled["actions"] is not None and compiled["actions"].search(text, outer, start) is not None


def claim_in(text: str, compiled: dict) -> re.Match | None:
    """The first trigger in a sentence that stands as a result claim (titles 《…》 masked)."""
    visible = figures.TITLE.sub(lambda m: figures.MASK * len(m.group()), text) if "《" in text else text
    hits: list[re.Match] = []
    for trigger in compiled["triggers"].candidates(visible):  # most sentences have none: no generator, no sort
        hits += trigger.finditer(visible)
    if hits and "“" in visible:
        hits = [m for m in hits if not _quoted(visible, m)]
    if not hits:
        return None
    hits.sort(key=_match_start)  # stable: the order sorted() gave
    return next((m for m in hits if not _is_action(visible, m, compiled)), None)


def _quoted(text: str, match: re.Match) -> bool:
    """Whether a trigger stands wholly inside a quoted phrase (its marks not part of it)."""
    return any(q.start() < match.start() and match.end() < q.end() for q in QUOTED.finditer(text))


def _match_start(match: re.Match) -> int:
    return match.start()


def unquantified(text: str, compiled: dict, before: str = "", answers: dict | None = None,
                 after: str = "") -> str | None:
    """The claim a sentence makes without figure or evidence, or None.  ``before`` is the
    previous sentence of the same paragraph: its last clause supports a claim that opens this one.
    ``after`` is the next sentence of the same paragraph: its opening may support the claim.
    ``answers``: the document's figure answers (:func:`figures.memo`)."""
    match = claim_in(text, compiled)
    if match is None or any(word in text for word in compiled["evidence"]):
        return None
    if figures.has_figure_memo(text, compiled["figures"], answers):
        return None
    if before and _clause_start(text, match.start()) == 0:
        last = before.rstrip("。!?;")
        if figures.has_figure_memo(last[_clause_start(last, len(last)):], compiled["figures"], answers):
            return None
    if after and _opens_with_support(after, compiled, answers, whole=ENUMERATOR.match(text) is not None,
                                     general=_general_result(text, match)):
        return None
    return match.group()


def _general_result(text: str, match: re.Match) -> bool:
    """Whether a claim is the result of the sentence's work as a whole: 取得… opening its own clause
    (……加快建设法治政府，取得明显成效), with no subject of its own (普法宣传取得良好效果 has one)."""
    return match.group().startswith(GENERAL_RESULT) and not text[_clause_start(text, match.start()):match.start()].strip()


def _opens_with_support(text: str, compiled: dict, answers: dict | None, whole: bool = False,
                        general: bool = False) -> bool:
    """Whether a sentence opens with a figure, evidence or an example (see the module doc).
    A sentence that opens with an enumerator (二是, （三）) starts a new point instead.
    ``whole``: the claim is itself a point's title ("三是……取得阶段性成效。"), so the whole next
    sentence is that point's body and may support it anywhere, not only in its opening.
    ``general``: the claim is the work's result as a whole (……取得明显成效), so the next sentence
    goes through the work field by field: its first clause names a field (始终坚持依法履行政府职能)
    and the clause after it may give that field's figure."""
    text = text.lstrip()
    if ENUMERATOR.match(text):
        return False
    if any(opener.match(text) for opener in compiled["openers"]):
        return True
    first = _clause_end(text, 0)
    if len(text[:first].strip()) <= LEAD_IN_CHARS:
        # 截至目前，共撰写…: the lead-in and the clause after it. That clause runs to its , ; : —
        # a 、 there lists its subjects (2024年，党组会、中心组学法4次), it does not end it.
        first = _clause_end(text, first + 1, LEAD_CLAUSE_MARKS)
    if not whole and (general or _restates_claim(text[:first], compiled)):
        # 空气质量持续向好，优良天数309天: the first clause names the claim's part, the next proves it
        first = _clause_end(text, first + 1, LEAD_CLAUSE_MARKS)
    head = text if whole else text[:first]
    # An honour closes its clause after a 、 list of what earned it (甲考评、乙考评均获得优秀等次):
    # evidence is looked for up to the clause's , ; : — a count there still has to be in ``head``.
    listed = text if whole else text[:_clause_end(text, first, LEAD_CLAUSE_MARKS)]
    if any(word in listed for word in compiled["evidence"]):
        return True
    # Statistics are written in Arabic digits (GB/T 15835): support from the next sentence must be
    # one; a count in words there is mostly a slogan ("体现出了四个“最”"), not data.
    return (ARABIC_DIGIT.search(DATE.sub("", head)) is not None
            and figures.has_figure_memo(head, compiled["figures"], answers))


def _restates_claim(clause: str, compiled: dict) -> bool:
    """Whether a next sentence's first clause is itself a claim with no figure (a trigger there,
    or a clause closed by a change of state, the ``restate_patterns``: 空气质量持续稳定向好):
    the drafter narrows the claim to one part and gives that part's figure in the clause after."""
    if figures.has_figure(clause, compiled["figures"]):
        return False
    if any(pattern.search(clause) for pattern in compiled["restate"]):
        return True
    return any(trigger.search(clause) for trigger in compiled["triggers"].candidates(clause))


def _clause_end(text: str, at: int, marks: str = CLAUSE_MARKS) -> int:
    """Where the clause that starts at ``at`` ends (the next of ``marks`` or the end of the text)."""
    ends = [i for i in (text.find(mark, at) for mark in marks) if i >= 0]
    return min(ends) if ends else len(text)


def _previous(doc: Document, sentence: Sentence, index: int, sentences: list[Sentence]) -> str:
    if index == 0:
        return ""
    prev = sentences[index - 1]
    return prev.text if prev.line == sentence.line and not prev.heading else ""


def _paragraph_after(sentence: Sentence, index: int, sentences: list[Sentence]) -> Iterator[Sentence]:
    """The sentences after ``sentence`` in its paragraph, up to a heading (by index: a slice copied
    the rest of a long document each time)."""
    for at in range(index + 1, len(sentences)):
        nxt = sentences[at]
        if nxt.line != sentence.line or nxt.heading:
            return
        yield nxt


def _next(sentence: Sentence, index: int, sentences: list[Sentence]) -> str:
    """The next sentence of the same paragraph (not a heading), or "": to its full stop, with the
    pieces the splitter cut at semicolons (制定……规则，建立……机制；办理复议案件20件。is one sentence)."""
    pieces = []
    for nxt in _paragraph_after(sentence, index, sentences):
        pieces.append(nxt.text)
        if not nxt.text.rstrip().endswith(SEMICOLONS):
            break
    return "".join(pieces)


def _point_body(sentence: Sentence, index: int, sentences: list[Sentence]) -> str:
    """For a point's title (一是……取得新成效。): the rest of that point, up to the next point
    (二是, （三）) or the paragraph's end — its body is what the title sums up, and its figure may
    come in any of its sentences."""
    pieces = []
    for nxt in _paragraph_after(sentence, index, sentences):
        if ENUMERATOR.match(nxt.text.lstrip()):
            break
        pieces.append(nxt.text)
    return "".join(pieces)


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    seen: set[int] = set()
    answers = figures.memo(doc, rule.compiled["figures"])
    opening = set(spans(doc, ["opening"])) if "opening" in rule.scope else set()
    for lo, hi, key in spans(doc, rule.scope):
        compiled = rule.compiled
        if (lo, hi, key) in opening:
            if not compiled["opening"].patterns:
                continue  # the opening is judged only for the unmistakable claims
            compiled = {**compiled, "triggers": compiled["opening"]}
        sentences = doc.sentences_in(lo, hi)
        for index, sentence in enumerate(sentences):
            if sentence.start in seen or (sentence.heading and not rule.params["headings"]):
                continue
            if runs_into_cut(doc, sentence.end):
                continue  # an unfinished sentence may give its figure after the cut
            after = (_point_body(sentence, index, sentences) if ENUMERATOR.match(sentence.text)
                     else _next(sentence, index, sentences))
            claim = unquantified(sentence.text, compiled, _previous(doc, sentence, index, sentences), answers, after)
            if claim is not None:
                seen.add(sentence.start)
                yield Hit(sentence.start, sentence.end, section=key,
                          fields={"claim": claim, "section_name": ruleset.section_name(key)})
