"""``--statistics``: how many findings each rule gave over the whole run (like ``ruff
--statistics``), most frequent first, instead of the findings themselves.  With
``--format json`` the same table is a JSON list."""
from __future__ import annotations

import json

from checker.run.result import RunResult

from ._common import rule_info


def table(run: RunResult, ruleset=None) -> list[dict]:
    counts: dict[str, int] = {}
    files: dict[str, set] = {}
    for report in run.reports:
        for finding in report.findings:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
            files.setdefault(finding.rule, set()).add(report.path)
    rows = []
    for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        info = rule_info(ruleset, rule_id)
        rows.append({"rule": rule_id, "count": count, "files": len(files[rule_id]),
                     "severity": info["severity"], "summary": info["summary"]})
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
                   f"（{r['files']} 份报告）\n" for r in rows)
