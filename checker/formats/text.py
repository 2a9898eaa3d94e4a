"""``--format text``: for drafters.  Grouped by file, then by rule: each rule that fired is
named once with its advice (如何修改), and under it one ``path:line:col severity rule message``
line per place with the flagged text — so an advice is read once, not on each of eighteen
sentences.  A summary line ends the output.  Colour only on a TTY (and never when NO_COLOR is set)."""
from __future__ import annotations

import re

from checker.check.engine import gated
from checker.read.lazy_pattern import lazy
from checker.run.result import ReportResult, RunResult

from ._common import rule_doc_url

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "dim": "\033[2m",
           "bold": "\033[1m", "reset": "\033[0m"}
LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
EXCERPT_MAX = 60
# Characters that would act on the terminal or the CI log instead of being shown: C0 controls
# (newline and CR included: a file name must not start a line of its own, which in a GitHub
# Actions log could inject ::error or ::add-mask::), DEL, C1 controls, and lone surrogates (a file
# name that is not valid UTF-8).  Tab stays.  Each is shown as \xNN.
CONTROL = lazy("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")


def visible(text: str) -> str:
    """Report text and file names made safe to print: no escape sequence reaches the terminal."""
    return CONTROL.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        code -= 0xDC00
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def render(run: RunResult, ruleset=None, options=None) -> str:
    return "".join(chunks(run, ruleset, options))


def chunks(run: RunResult, ruleset=None, options=None):
    """The output in pieces, one per report as it is read, then the rule links and the summary."""
    colour = bool(options and getattr(options, "colour", False))
    quiet = bool(options and getattr(options, "quiet", False))
    wrote = False
    for report in run.reports:
        if quiet and not report.findings:
            continue
        yield "\n".join(_report(report, colour, ruleset)) + "\n"
        wrote = True
    out: list[str] = []
    links = _rule_links(run, colour)
    if links:
        out.extend(links + [""])
    summary = run.summary()
    if not quiet or summary["error"] + summary["warning"] + summary["info"]:
        out.append(_summary(run, colour))
    if out or not wrote:
        yield "\n".join(out) + "\n"


def _rule_links(run: RunResult, colour: bool) -> list[str]:
    """Where each rule that fired is explained (its section of docs/rules.md)."""
    fired = sorted(run.fired())
    if not fired:
        return []
    width = max(len(rule) for rule in fired)
    return ["规则说明："] + [_paint(f"  {rule:<{width}}  {rule_doc_url(rule)}", "dim", colour) for rule in fired]


def _paint(text: str, key: str, colour: bool) -> str:
    return f"{COLOURS[key]}{text}{COLOURS['reset']}" if colour else text


def _report(report: ReportResult, colour: bool, ruleset) -> list[str]:
    meta = report.metadata
    facts = [visible(v) for v in (meta.get("issuer"), f"{meta['year']}年度" if meta.get("year") else None,
                         f"发布于{meta['published']}" if meta.get("published") else None) if v]
    path = visible(report.path)
    head = _paint(path, "bold", colour) + (f"  （{'，'.join(facts)}）" if facts else "")
    if report.unreadable:
        overview = "未能读取，没有检查"
    elif ruleset is not None and gated(report.findings, ruleset):
        overview = "不是法治政府建设年度报告，没有按报告逐项检查"
    else:
        overview = f"各部分：{_sections_line(report, ruleset)}  得分：{report.score}"
    lines = [head, f"  {overview}"]
    for rule_id, group in _by_rule(report.findings):
        rule = ruleset.rule(rule_id) if ruleset is not None and hasattr(ruleset, "rule") else None
        if rule is not None and rule.summary:
            where = f"{len(group)}处" if len(group) > 1 else "1处"
            lines.append(_paint(f"  ■ {rule.summary}（{where}）", "bold", colour))
            if rule.fix:
                lines.append(f"    如何修改：{rule.fix}")
        for f in group:
            severity = _paint(f.severity, f.severity, colour)
            lines.append(f"{path}:{f.line}:{f.column}: {severity} {f.rule} {visible(f.message)}")
            if f.excerpt:
                lines.append(_paint(f"    > {_clip(f.excerpt)}", "dim", colour))
    lines.append("")
    return lines


def _by_rule(findings: list) -> list[tuple[str, list]]:
    """Findings grouped by rule, the groups in the order of each rule's first finding."""
    groups: dict[str, list] = {}
    for f in findings:
        groups.setdefault(f.rule, []).append(f)
    return list(groups.items())


def _sections_line(report: ReportResult, ruleset) -> str:
    """Each part of the rule set: found (where) or, when required, missing."""
    found = {s["key"]: s for s in report.sections}
    parts = []
    for key, name, required in _parts(ruleset, found):
        if key in found:
            mark = "（嵌入）" if found[key]["embedded"] else ""
            parts.append(f"{name}✓{mark}第{found[key]['line']}行")
        elif required:
            parts.append(f"{name}✗")
    return "  ".join(parts)


def _parts(ruleset, found: dict) -> tuple[tuple[str, str, bool], ...]:
    """(key, short name, required) in the rule set's order; without a rule set, the parts
    found, by key (the names and what is required live in the rule set, not here)."""
    if ruleset is None:
        return tuple((key, key, False) for key in found)
    order = {key: i for i, key in enumerate(ruleset.order)}
    defs = sorted(ruleset.sections, key=lambda d: order.get(d.key, len(order)))
    return tuple((d.key, d.short or d.name, d.required) for d in defs)


def _clip(text: str) -> str:
    """Clipped before escaping, so a cut never splits an escape sequence in half."""
    text = text.replace("\n", " ")
    text = text if len(text) <= EXCERPT_MAX else text[:EXCERPT_MAX - 1] + "…"
    return visible(text)


def _summary(run: RunResult, colour: bool) -> str:
    s = run.summary()
    counts = "，".join(_paint(f"{LABELS[k]} {s[k]}", k, colour) for k in ("error", "warning", "info"))
    return f"共检查 {s['reports']} 份报告：{counts}"
