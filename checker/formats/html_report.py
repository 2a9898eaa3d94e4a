"""The HTML report page's view of one report: metadata, checklist of the five items, the text
with its outline and findings placed, the rules that fired."""
from __future__ import annotations

import datetime as _dt
from collections import Counter
from pathlib import Path

from checker.check.finding import SEVERITIES, SEVERITY_RANK, Finding
from checker.run.result import ReportResult

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}

STATUS_LABELS = {"present": "已有", "embedded": "嵌入", "missing": "缺少", "optional": "未写（可选）"}

DEFAULT_SECTIONS = (("measures", "主要举措和成效", "举措和成效", True),
                    ("problems", "存在的不足和原因", "不足和原因", True),
                    ("duty", "党政主要负责人履行推进法治建设第一责任人职责情况", "第一责任人职责", True),
                    ("plan", "下一年度主要安排", "下一年度安排", True),
                    ("other", "其他需要报告的情况", "其他情况", False))

BUILTIN_RULES = {
    "input-error": {"summary": "文件无法读取或内容有疑问",
                    "basis": "fzcheck 只能检查读得出的文字；读取时发现的问题也作为一条发现报告。",
                    "fix": "确认文件未损坏、未加密，另存为 .docx、.txt（UTF-8）或网页后重新检查。",
                    "limits": "", "pass": "", "fail": ""},
}

DEADLINE_MONTH_DAY = (3, 31)  # 《督察工作规定》第二十四条：每年4月1日之前公开

MAX_EXAMPLE_LINES = 14


def report_view(report: ReportResult, ruleset) -> dict:
    """Everything the report template shows, computed here so the template stays simple."""
    meta = report.metadata or {}
    findings = [_finding_view(i + 1, f, ruleset, report.pages) for i, f in enumerate(report.findings)]
    blocks, loose = _blocks(report, findings, ruleset)
    counts = report.counts()
    rules = _rules_fired(report.findings, ruleset)
    return {
        "path": report.path,
        "name": display_name(report.path),
        "title": meta.get("title") or display_name(report.path),
        "has_title": bool(meta.get("title")),
        "issuer": meta.get("issuer"), "year": meta.get("year"), "published": meta.get("published"),
        "deadline": deadline_status(report, ruleset),
        "score": report.score, "score_band": score_band(report.score),
        "counts": [{"key": s, "label": SEVERITY_LABELS[s], "n": counts[s]} for s in SEVERITIES],
        "total": len(report.findings),
        "checklist": checklist(report, ruleset),
        "findings": findings,
        "rule_options": [{"id": r["id"], "n": r["n"], "summary": r["summary"]} for r in rules],
        "blocks": blocks, "loose": loose,
        "rules": rules,
        "no_text": not report.lines or not any(line.strip() for line in report.lines),
        "crossyear": crossyear_view(report, ruleset),
        "coverage": coverage_view(report),
    }


def coverage_view(report: ReportResult) -> dict | None:
    """The coverage map (``outline["coverage"]``): 纲要 task areas, then indicators, each with
    where it is first named and whether with a figure."""
    rows = (report.outline or {}).get("coverage") or []
    if not rows:
        return None
    def status(row: dict) -> str:
        if not row["mentioned"]:
            return "missing"
        return "bare" if row["needs_figure"] and not row["figure"] else "present"
    groups = [("area", "纲要任务"), ("indicator", "常用指标")]
    return {"groups": [{"label": label, "rows": [dict(row, status=status(row)) for row in rows if row["group"] == key]}
                       for key, label in groups if any(row["group"] == key for row in rows)]}

def crossyear_view(report: ReportResult, ruleset) -> dict | None:
    """The comparison with last year's report (``ReportResult.crossyear``) for the page: the
    follow-through table 去年的安排 → 今年的落实 and, per compared part, the sentences that are
    nearly the same as last year's side by side."""
    data = report.crossyear or {}
    if not data:
        return None
    follow = data.get("plan_followup")
    parts = []
    for part in data.get("copied") or []:
        pairs = [p for p in part.get("pairs") or [] if p.get("last")]
        parts.append({"section": part["section"], "name": ruleset.section_name(part["section"]) if ruleset is not None
                      and hasattr(ruleset, "section_name") else part["section"],
                      "score": part["score"], "pct": f"{part['score']:.0%}", "same": part["same"],
                      "sentences": part["sentences"], "pairs": pairs, "line": part["line"]})
    year = data.get("previous_year")
    return {"previous": data.get("previous"), "previous_name": display_name(data.get("previous") or ""),
            "previous_year": year, "previous_title": data.get("previous_title"),
            "followup": follow, "copied": parts}

def _finding_view(n: int, f: Finding, ruleset, pages: list[int] | None = None) -> dict:
    rule = ruleset.rule(f.rule) if ruleset is not None and hasattr(ruleset, "rule") else None
    summary = (rule.summary if rule and rule.summary else BUILTIN_RULES.get(f.rule, {}).get("summary", "")) or f.rule
    section_name = ruleset.section_name(f.section) if (ruleset is not None and f.section) else (f.section or "")
    if f.rule == "section-missing":
        gap = f"缺少“{section_name or summary}”"
    else:
        gap = summary
    where = f"第{f.line}行第{f.column}列" if f.line > 0 else "全文"
    if pages and 0 < f.line <= len(pages) and pages[f.line - 1] > 0:  # a PDF or OFD file: the page a reader turns to
        where = f"第{pages[f.line - 1]}页 · {where}"
    return {"n": n, "rule": f.rule, "severity": f.severity, "label": SEVERITY_LABELS.get(f.severity, f.severity),
            "message": f.message, "excerpt": f.excerpt, "section": f.section, "section_name": section_name,
            "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
            "where": where, "summary": summary, "gap": gap, "finding": f}

def checklist(report: ReportResult, ruleset) -> list[dict]:
    """The five items in the standard's order: present / embedded / missing, with their line."""
    found = {}
    for sec in report.sections:
        found.setdefault(sec["key"], sec)
    out = []
    for key, name, short, required in section_defs(ruleset):
        sec = found.get(key)
        if sec is None:
            status = "missing" if required else "optional"
        else:
            status = "embedded" if sec.get("embedded") else "present"
        out.append({"key": key, "name": name, "short": short, "required": required, "status": status,
                    "status_label": STATUS_LABELS[status], "line": sec["line"] if sec else None,
                    "heading": sec.get("heading") if sec else None})
    return out

def section_defs(ruleset) -> list[tuple[str, str, str, bool]]:
    defs = list(getattr(ruleset, "sections", None) or [])
    if not defs:
        return list(DEFAULT_SECTIONS)
    order = list(getattr(ruleset, "order", None) or [])
    defs.sort(key=lambda d: order.index(d.key) if d.key in order else len(order))
    return [(d.key, d.name, d.short or d.name, bool(d.required)) for d in defs]

def deadline_status(report: ReportResult, ruleset=None) -> dict:
    """按时 / 逾期 / 当日 / 日期有误 / 未知.

    From the ``deadline`` rule's findings when there are any (error: late, or an impossible
    date before the report year ended; warning: published on 4月1日 itself; info: no date on a
    web page); when the rule set has an active ``deadline`` rule and it found nothing, on time
    if there is a date; without the rule, the published date against 3月31日 of year+1."""
    meta = report.metadata or {}
    year, published = meta.get("year"), meta.get("published")
    found = [f for f in report.findings if f.rule == "deadline"]
    if found:
        f = max(found, key=lambda x: SEVERITY_RANK.get(x.severity, 0))
        how = "deadline 规则：" + f.message
        if f.severity == "info":
            return {"key": "unknown", "label": "未知", "how": how}
        if f.severity == "warning":
            return {"key": "edge", "label": "当日公开", "how": how}
        if year and published and str(published) < f"{int(year)}-12-31":
            return {"key": "invalid", "label": "日期有误", "how": how}
        return {"key": "late", "label": "逾期", "how": how}
    rule = ruleset.rule("deadline") if ruleset is not None and hasattr(ruleset, "rule") else None
    if rule is not None and rule.enabled and year and published:
        return {"key": "ontime", "label": "按时", "how": f"deadline 规则：发布于{published}，未发现逾期"}
    month, day = DEADLINE_MONTH_DAY
    if not year or not published:
        missing = "发布日期" if year else "报告年度"
        return {"key": "unknown", "label": "未知", "how": f"无法推算：缺少{missing}"}
    try:
        date = _dt.date.fromisoformat(str(published))
        limit = _dt.date(int(year) + 1, month, day)
    except ValueError:
        return {"key": "unknown", "label": "未知", "how": f"发布日期“{published}”无法识别"}
    how = f"按元数据推算：发布于{date.isoformat()}，期限{limit.year}年{month}月{day}日"
    if date <= limit:
        return {"key": "ontime", "label": "按时", "how": how}
    return {"key": "late", "label": "逾期", "how": how}

def score_band(score: int) -> str:
    return "good" if score >= 90 else "fair" if score >= 70 else "poor"

def display_name(path: str) -> str:
    if path in ("-", ""):
        return "标准输入"
    return Path(path).name or path

def _rules_fired(findings: list[Finding], ruleset) -> list[dict]:
    """Each rule that fired, in order of first appearance, with what a reviewer needs to know and
    where it fired (its places, numbered as in the findings list): the advice is read once."""
    counts = Counter(f.rule for f in findings)
    severities = {}
    for f in findings:
        severities.setdefault(f.rule, f.severity)
    out = []
    for rule_id in counts:
        rule = ruleset.rule(rule_id) if ruleset is not None and hasattr(ruleset, "rule") else None
        if rule is not None:
            examples = rule.examples or {}
            info = {"summary": rule.summary or rule_id, "basis": rule.basis, "fix": rule.fix, "limits": rule.limits,
                    "pass": _example(examples.get("pass")), "fail": _example(examples.get("fail")),
                    "severity": rule.severity}
        else:
            builtin = BUILTIN_RULES.get(rule_id, {})
            info = {"summary": builtin.get("summary") or rule_id, "basis": builtin.get("basis", ""),
                    "fix": builtin.get("fix", ""), "limits": builtin.get("limits", ""), "pass": "", "fail": "",
                    "severity": severities[rule_id]}
        info.update({"id": rule_id, "n": counts[rule_id], "label": SEVERITY_LABELS.get(info["severity"], ""),
                     "places": [{"n": i + 1, "line": f.line} for i, f in enumerate(findings) if f.rule == rule_id]})
        out.append(info)
    return out

def _example(items) -> str:
    from checker.run.examples import example_text

    if not items:
        return ""
    lines = example_text(items[0]).rstrip("\n").split("\n")
    if len(lines) > MAX_EXAMPLE_LINES:
        lines = lines[:MAX_EXAMPLE_LINES] + ["……"]
    return "\n".join(lines)

def _blocks(report: ReportResult, findings: list[dict], ruleset) -> tuple[list[dict], list[dict]]:
    """The report text as blocks (one per non-empty line) with highlight segments, gap markers
    and notes; findings that point nowhere in the text come back as ``loose``."""
    lines = report.lines or []
    outline = report.outline or {}
    headings = _heading_lines(outline.get("headings") or [], lines)
    min_level = min((h["level"] for h in headings.values()), default=1)
    section_at = {}
    for sec in outline.get("sections") or report.sections or []:
        section_at.setdefault(sec["line"], []).append(sec)
    title_line = outline.get("title_line")
    body = outline.get("body")

    ranges: dict[int, list[tuple[int, int, dict]]] = {}  # line → (start, end, finding) half-open, 0-based
    gaps: dict[int, list[tuple[int, dict]]] = {}  # line → (position, finding) zero-width markers
    notes: dict[int, list[dict]] = {}  # line where the note goes → findings
    loose: list[dict] = []
    for fv in findings:
        f = fv["finding"]
        if not lines or f.line < 1 or f.line > len(lines):
            loose.append(fv)
            continue
        first = f.line
        end_line = min(max(f.end_line, f.line), len(lines))
        pieces = []
        for number in range(first, end_line + 1):
            text = lines[number - 1]
            a = f.column - 1 if number == first else 0
            b = f.end_column - 1 if number == end_line and f.end_line <= len(lines) else len(text)
            a, b = max(0, min(a, len(text))), max(0, min(b, len(text)))
            if a < b:
                pieces.append((number, a, b))
        if pieces:
            fv["anchor_line"], fv["anchor_col"] = pieces[0][0], pieces[0][1]
            for number, a, b in pieces:
                ranges.setdefault(number, []).append((a, b, fv))
            fv["kind"] = "span"
        else:
            text = lines[first - 1]
            pos = max(0, min(f.column - 1, len(text)))
            if pos > 0 and not text[:pos].strip():
                pos = 0
            fv["kind"] = "gap-block" if pos == 0 else "gap"
            fv["anchor_line"], fv["anchor_col"] = first, pos
            gaps.setdefault(first, []).append((pos, fv))
        if fv["kind"] != "gap-block":  # a gap block carries its own note
            notes.setdefault(fv["anchor_line"], []).append(fv)

    blocks = []
    for number, text in enumerate(lines, start=1):
        line_ranges = ranges.get(number, [])
        line_gaps = gaps.get(number, [])
        block_gaps = [fv for pos, fv in line_gaps if pos == 0]
        inline_gaps = [(pos, fv) for pos, fv in line_gaps if pos > 0]
        if not text.strip() and not line_ranges and not line_gaps:
            continue
        heading = headings.get(number)
        if number == title_line:
            kind = "title"
        elif heading is not None:
            kind = "heading"
        elif body and not (body[0] <= number <= body[1]):
            kind = "outside"
        else:
            kind = "para"
        runin_end = None
        if heading is not None:
            end = heading.get("end_column", len(text) + 1) - 1
            if text[end:].strip():
                runin_end = end
        tag = "p"
        if kind == "title":
            tag = "h2"
        elif kind == "heading" and runin_end is None:
            tag = "h" + str(min(6, 3 + heading["level"] - min_level))
        blocks.append({
            "line": number, "kind": kind, "tag": tag,
            "level": heading["level"] if heading else None,
            "sections": [{"key": s["key"], "short": _short(ruleset, s["key"]), "embedded": s.get("embedded", False)}
                         for s in section_at.get(number, [])],
            "segments": _segments(number, text, line_ranges, inline_gaps, runin_end),
            "gaps": block_gaps,
            "notes": notes.get(number, []),
        })
    return blocks, loose

def _heading_lines(headings: list[dict], lines: list[str]) -> dict[int, dict]:
    """Line → heading, every line of a heading included: a label alone on its line (一、) is
    a heading line, and so is the title below it, up to the heading's end column."""
    out: dict[int, dict] = {}
    for h in headings:
        last = max(h["line"], h.get("end_line", h["line"]))
        for number in range(h["line"], last + 1):
            whole = number < last and number <= len(lines)
            out[number] = {**h, "end_column": len(lines[number - 1]) + 1} if whole else h
    return out

def _short(ruleset, key: str) -> str:
    if ruleset is not None and hasattr(ruleset, "section_short"):
        return ruleset.section_short(key)
    return dict((k, s) for k, _n, s, _r in DEFAULT_SECTIONS).get(key, key)

def _segments(line: int, text: str, ranges: list[tuple[int, int, dict]], gaps: list[tuple[int, dict]],
              runin_end: int | None) -> list[dict]:
    """Cut a line at every range edge, gap and run-in heading end; each piece knows which
    findings cover it (overlaps keep all), which start there, and which gap markers precede it."""
    cuts = {0, len(text)}
    for a, b, _ in ranges:
        cuts.update((a, b))
    for pos, _ in gaps:
        cuts.add(pos)
    if runin_end is not None:
        cuts.add(runin_end)
    points = sorted(cuts)
    # One sweep over the cut points (k findings on one line cost k log k, not k²): which
    # findings start, end, and which gap markers and anchors sit at each point.
    opening: dict[int, list[tuple[int, dict]]] = {}
    for index, (start, end, fv) in enumerate(ranges):
        if start < end:
            opening.setdefault(start, []).append((index, fv))
    closing: dict[int, list[int]] = {}
    for index, (start, end, _fv) in enumerate(ranges):
        if start < end:
            closing.setdefault(end, []).append(index)
    gaps_at: dict[int, list[dict]] = {}
    for pos, fv in gaps:
        gaps_at.setdefault(pos, []).append(fv)
    starts_at: dict[int, list[dict]] = {}
    for start, _end, fv in ranges:
        if fv["anchor_line"] == line and fv["anchor_col"] == start:
            starts_at.setdefault(start, []).append(fv)
    active: dict[int, dict] = {}
    out = []
    for a, b in zip(points, points[1:] + [None]):
        for index in closing.get(a, ()):
            active.pop(index, None)
        for index, fv in opening.get(a, ()):
            active[index] = fv
        if b is None:
            pending = gaps_at.get(a, [])
            if pending:
                out.append({"text": "", "ids": "", "severity": None, "starts": [], "gaps": pending,
                            "title": "", "runin": False, "count": 0})
            break
        covering = [active[index] for index in sorted(active)]
        covering.sort(key=lambda fv: (-SEVERITY_RANK.get(fv["severity"], 0), fv["n"]))
        out.append({
            "text": text[a:b],
            "ids": " ".join(str(fv["n"]) for fv in covering),
            "severity": covering[0]["severity"] if covering else None,
            "count": len(covering),
            "title": "\n".join(f"[{fv['label']}] {fv['rule']}：{fv['message']}" for fv in covering),
            "starts": starts_at.get(a, []),
            "gaps": gaps_at.get(a, []),
            "runin": runin_end is not None and b <= runin_end,
        })
    return out
