"""``--statistics``: how many findings each rule gave over the whole run (like ``ruff
--statistics``), most frequent first, instead of the findings themselves.  With
``--format json`` the same table is a JSON list."""
from __future__ import annotations

import json
from collections import Counter

from checker.run.result import RunResult

from ._common import light, rule_info


def table(run: RunResult, ruleset=None) -> list[dict]:
    """One row per rule that fired (or was suppressed); rows carry ``suppressed`` (findings
    hidden by markers in the reports, docs/configuration.md) only when a report had any."""
    counts: dict[str, int] = {}
    files: dict[str, int] = {}  # reports with a finding of the rule (counted, not listed: a batch of 10⁵)
    hidden: dict[str, int] = {}
    twice = {path for path, n in Counter(r.path for r in light(run)).items() if n > 1}  # counted once
    seen: set[tuple[str, str]] = set()
    for report in run.reports:
        for rule_id in dict.fromkeys(f.rule for f in report.findings):
            counts[rule_id] = counts.get(rule_id, 0)
            if report.path in twice:
                if (rule_id, report.path) in seen:
                    continue
                seen.add((rule_id, report.path))
            files[rule_id] = files.get(rule_id, 0) + 1
        for finding in report.findings:
            counts[finding.rule] += 1
        for rule_id, n in (report.suppressed or {}).items():
            hidden[rule_id] = hidden.get(rule_id, 0) + n
            counts.setdefault(rule_id, 0)
            files.setdefault(rule_id, 0)
    rows = []
    for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        info = rule_info(ruleset, rule_id)
        row = {"rule": rule_id, "count": count, "files": files[rule_id],
               "severity": info["severity"], "summary": info["summary"]}
        if hidden:
            row["suppressed"] = hidden.get(rule_id, 0)
        rows.append(row)
    return rows


def render(run: RunResult, ruleset=None, options=None) -> str:
    rows = table(run, ruleset)
    if getattr(options, "format", "text") == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if not rows:
        return ""
    width = max(len(str(r["count"])) for r in rows)
    rule_width = max(len(r["rule"]) for r in rows)
    return "".join(f"{r['count']:>{width}}\t{r['rule']:<{rule_width}}\t[{r['severity']}]\t{r['summary']}"
                   f"（{r['files']} 份报告{_hidden(r)}）\n" for r in rows)


def _hidden(row: dict) -> str:
    return f"；另有 {row['suppressed']} 条按报告中的标注不报告" if row.get("suppressed") else ""
