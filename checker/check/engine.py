"""Run every enabled rule's kind over a parsed document and turn hits into findings.

A kind that raises is a bug in fzcheck, not in the report: the engine reports it as an
``internal-error`` finding for that file and goes on, so one odd report never stops a batch.
"""
from __future__ import annotations

import functools
import itertools

from checker.parse.document import Document
from checker.read.lazy_pattern import lazy

from .finding import Finding
from .hit import Hit
from .kinds import KINDS
from .ruleset import Rule, RuleSet

FIELD = lazy(r"\{(\w+)\}")


def run_rules(doc: Document, ruleset: RuleSet, only: set[str] | None = None) -> list[Finding]:
    """All findings for one document, sorted by position.  The gate rules run first: when one
    fires (a 解读, a news item …) the text is not a report and the report rules would only mislead."""
    cap = max_findings_per_rule()  # once per document: reading the limits costs more than a small rule
    rules = [rule for rule in ruleset.active() if only is None or rule.id in only]
    gate_ids = gate_rules(ruleset)
    findings: list[Finding] = []
    for rule in rules:
        if rule.id in gate_ids:
            findings += _run_rule(doc, rule, ruleset, cap)
    if not gated(findings, ruleset):
        for rule in rules:
            if rule.id not in gate_ids:
                findings += _run_rule(doc, rule, ruleset, cap)
    findings.sort(key=Finding.sort_key)
    return findings


def _run_rule(doc: Document, rule: Rule, ruleset: RuleSet, cap: int) -> list[Finding]:
    """One rule's findings, at most ``cap`` of them (the rest only counted, so memory stays
    bounded); a kind that raises gives an ``internal-error`` finding instead."""
    try:
        found = iter(KINDS[rule.kind].check(doc, rule, ruleset))
        hits = list(itertools.islice(found, cap))
        extra = sum(1 for _ in found)
    except Exception as exc:  # noqa: BLE001 - a kind's bug must not stop the batch
        return [internal_error(doc, rule, exc)]
    out = [to_finding(doc, rule, hit) for hit in hits]
    if extra:
        out.append(Finding(rule=rule.id, severity="info", line=1, column=1, end_line=1, end_column=1,
                           message=f"规则 {rule.id} 在本文件中的问题超过 {cap} 处，另有 {extra} 处未列出"
                                   "（上限见 --max-findings-per-rule）。", path=doc.path))
    return out


@functools.cache
def _kinds_with(flag: str) -> frozenset[str]:
    """Names of the kinds that set ``flag`` (GATE, CROSS_YEAR): looked up once, not per rule
    and report (a missing module attribute costs an exception each time)."""
    return frozenset(name for name, kind in KINDS.items() if getattr(kind, flag, False))


def gate_rules(ruleset) -> set[str]:
    """Ids of the active rules whose kind decides whether the text is a report at all."""
    kinds = _kinds_with("GATE")
    return {r.id for r in ruleset.active() if r.kind in kinds}


def gated(findings: list[Finding], ruleset) -> bool:
    """A gate rule fired: the text is not a report and was not judged as one."""
    ids = gate_rules(ruleset)
    return any(f.rule in ids for f in findings)


def max_findings_per_rule() -> int:
    """Findings one rule may give in one file (``--max-findings-per-rule``; see docs/limits.md)."""
    from checker.read.limits import DEFAULT_MAX_FINDINGS_PER_RULE, active

    limits = active()
    return limits.max_findings_per_rule if limits is not None else DEFAULT_MAX_FINDINGS_PER_RULE


def to_finding(doc: Document, rule: Rule, hit: Hit) -> Finding:
    """Locate a hit (code-point columns) and fill the rule's message template."""
    line, column = doc.position(hit.start)
    end_line, end_column = doc.position(hit.end)
    return Finding(rule=rule.id, severity=hit.severity or rule.severity,
                   message=render(rule.message, hit.fields), line=line, column=column,
                   end_line=end_line, end_column=end_column, excerpt=doc.text[hit.start:hit.end],
                   section=hit.section, path=doc.path)


def render(template: str, fields: dict) -> str:
    """Fill ``{name}`` placeholders; unknown names stay as written (no attribute access)."""
    return FIELD.sub(lambda m: str(fields[m.group(1)]) if m.group(1) in fields else m.group(0), template)


def internal_error(doc: Document, rule: Rule, exc: Exception) -> Finding:
    return Finding(rule="internal-error", severity="error",
                   message=f"规则 {rule.id} 检查时出错（{type(exc).__name__}: {exc}），请向 fzcheck 维护者报告。",
                   line=1, column=1, end_line=1, end_column=1, path=doc.path)


def score(findings: list[Finding], scoring: dict, substance: dict | None = None) -> int:
    """0–100: start high and deduct per finding by severity, capped per rule.

    With ``substance`` (see :func:`substance`) the score ranks as a reviewer would: the rules
    that fire per sentence or item (listed in ``length_scaled``) deduct in proportion to
    the report's length (``length_reference`` characters count as one report, so ten findings
    in a report three times as long weigh like three), and a report with few sentences giving
    figures loses up to ``substance.max`` — a thin report must not beat a full one only because
    it offers fewer sentences to fault."""
    start = scoring.get("start", 100)
    weights = {"error": 15, "warning": 4, "info": 1, **(scoring.get("weights") or {})}
    rule_weights = scoring.get("rule_weights") or {}
    cap = scoring.get("rule_cap")
    caps = scoring.get("rule_caps") or {}  # a rule that fires per sentence needs a lower cap
    scale = _length_scale(scoring, substance)
    scaled = set(scoring.get("length_scaled") or [])
    notes = set(scoring.get("unscored_info") or [])  # info that a check could not run is no defect
    per_rule: dict[str, float] = {}
    for finding in findings:
        if finding.severity == "info" and finding.rule in notes:
            continue
        weight = rule_weights.get(finding.rule, weights.get(finding.severity, 0))
        if finding.rule in scaled:
            weight *= scale
        per_rule[finding.rule] = per_rule.get(finding.rule, 0) + weight
    total = 0.0
    for rule_id, value in per_rule.items():
        limit = caps.get(rule_id, cap)
        total += min(value, limit) if limit is not None else value
    total += _thinness(scoring, substance)
    return max(0, min(100, round(start - total)))


def _length_scale(scoring: dict, substance: dict | None) -> float:
    reference = scoring.get("length_reference")
    chars = (substance or {}).get("chars")
    if not reference or not chars or chars <= reference:
        return 1.0
    return reference / chars


def _thinness(scoring: dict, substance: dict | None) -> float:
    """Up to ``max`` points for a report whose measures and duty parts give fewer than
    ``reference`` sentences with a figure."""
    spec = scoring.get("substance") or {}
    if not spec or substance is None or "figure_sentences" not in substance:
        return 0.0
    reference = spec.get("reference", 30)
    short = max(0.0, 1 - substance["figure_sentences"] / reference) if reference else 0.0
    return spec.get("max", 0) * short


FIGURE_WINDOW = 600
COUNTED = lazy(r"[\u4e00-\u9fff0-9A-Za-z]+")


COUNT_CHUNK = 1 << 16


def _counted(text: str, lo: int, hi: int) -> int:
    """Chinese characters, letters and digits in ``text[lo:hi]``, without copying more than a
    chunk of the text at a time (a 30 MB report runs in a memory-capped worker).  Every such
    character lies in exactly one run, so the runs' lengths add up to the count whatever the
    chunks cut; the runs are listed by ``findall`` (C) instead of a Python loop over matches."""
    total = 0
    for start in range(lo, hi, COUNT_CHUNK):
        total += sum(map(len, COUNTED.findall(text, start, min(hi, start + COUNT_CHUNK))))
    return total


def substance(doc: Document, ruleset) -> dict:
    """What the score weighs besides findings: the body's length (Chinese characters, letters,
    digits) and how many sentences of the parts named in ``scoring.substance.sections`` give a
    figure (figures as the rule ``scoring.substance.figures_rule`` counts them)."""
    from checker.check import figures

    out: dict = {"chars": _counted(doc.norm, doc.body_start, doc.body_end)}
    spec = ruleset.scoring.get("substance") or {}
    rule = ruleset.rule(spec["figures_rule"]) if spec.get("figures_rule") else None
    if rule is None or "figures" not in (rule.compiled or {}):
        return out
    keys = spec.get("sections", ["measures", "duty"])
    found = {s.start: s for sec in doc.sections if sec.key in keys for s in doc.part_sentences(sec)}
    # Only a sentence's first FIGURE_WINDOW characters are read: a score needs no more, and the
    # figure patterns cost quadratic time on a run of tens of thousands of digits.
    # Counting stops at the reference: the score needs no more (and a 30 MB report has 200,000 sentences).
    enough, count = spec.get("reference", 30), 0
    answers = figures.memo(doc, rule.compiled["figures"])  # the rules asked about many of these sentences
    for sentence in found.values():
        if count >= enough:
            break
        count += figures.has_figure_memo(sentence.text[:FIGURE_WINDOW], rule.compiled["figures"], answers)
    out["figure_sentences"] = count
    return out


def views(doc: Document, ruleset, only: set[str] | None = None) -> dict:
    """What the HTML page shows beside the findings of the cross-year rules: per kind with a
    ``view`` (``plan_followup``: the follow-through table, ``copied``: the side-by-side
    sentences), for the active rules.  Empty without a previous report."""
    prev = doc.previous
    if prev is None:
        return {}
    out: dict = {"previous": prev.path, "previous_year": prev.metadata.year,
                 "previous_title": prev.metadata.title}
    for rule in ruleset.active():
        kind = KINDS.get(rule.kind)
        if kind is None or not hasattr(kind, "view") or (only is not None and rule.id not in only):
            continue
        try:
            out[rule.kind] = kind.view(doc, rule, ruleset)
        except Exception:  # noqa: BLE001 - the finding (internal-error) already tells; the page goes on
            continue
    return out


def coverage_views(doc: Document, ruleset, only: set[str] | None = None) -> list[dict]:
    """The coverage map the HTML page shows (task area or indicator → where it is named, with a
    figure or not), from the first active rule whose kind draws one; empty when none does."""
    for rule in ruleset.active():
        kind = KINDS.get(rule.kind)
        if kind is None or not hasattr(kind, "coverage_map") or (only is not None and rule.id not in only):
            continue
        try:
            return kind.coverage_map(doc, rule)
        except Exception:  # noqa: BLE001 - the finding (internal-error) already tells; the page goes on
            return []
    return []


def cross_year_rules(ruleset) -> set[str]:
    """Ids of the active rules whose kind compares with last year's report."""
    kinds = _kinds_with("CROSS_YEAR")
    return {r.id for r in ruleset.active() if r.kind in kinds}
