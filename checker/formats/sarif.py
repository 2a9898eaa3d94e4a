"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` holds every rule of the rule set (disabled ones with
``enabled: false``) plus the engine's ``input-error``/``internal-error`` when they occur.
Regions count Unicode code points (``run.columnKind = unicodeCodePoints``), 1-based, with an
exclusive ``endColumn``, exactly the JSON format's ``line``/``column``/``end_*``.  Artifact URIs
are relative to ``%SRCROOT%`` (the working directory) and percent-encoded.
``partialFingerprints["fzcheck/v1"]`` hashes rule, path, excerpt and occurrence, so a result
keeps its identity when lines move (the same key as ``--baseline``).
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import quote

from checker import __version__
from checker.run.result import RunResult

from ._common import display_path, rule_doc_url, rule_ids, rule_info

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("_", "-").split("-") if part)


def render(run: RunResult, ruleset=None, options=None) -> str:
    return json.dumps(build(run, ruleset, options), ensure_ascii=False, indent=2) + "\n"


def build(run: RunResult, ruleset=None, options=None, root: str | None = None) -> dict:
    root = root or os.getcwd()
    ids = rule_ids(run, ruleset)
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    results = []
    for report in run.reports:
        rel = display_path(report.path, root)
        seen: dict[tuple, int] = {}
        for finding in report.findings:
            key = (finding.rule, finding.excerpt)
            seen[key] = seen.get(key, 0) + 1
            results.append(_result(finding, rel, index[finding.rule], seen[key]))
    run_obj = {
        "tool": {"driver": {"name": "fzcheck", "version": __version__, "semanticVersion": __version__,
                            "rules": [_descriptor(rule_info(ruleset, rule_id)) for rule_id in ids]}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(root).resolve().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"ruleset": run.ruleset},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run_obj]}


def _descriptor(info: dict) -> dict:
    summary = info["summary"] or info["id"]
    help_text = "\n\n".join(part for part in (info["fix"], f"依据：{info['basis']}" if info["basis"] else "",
                                               f"局限：{info['limits']}" if info["limits"] else "") if part)
    descriptor = {"id": info["id"], "name": pascal(info["id"]),
                  "shortDescription": {"text": summary},
                  "fullDescription": {"text": info["basis"] or summary},
                  "helpUri": rule_doc_url(info["id"]),
                  "help": {"text": help_text or summary,
                           "markdown": f"{help_text or summary}\n\n[规则说明]({rule_doc_url(info['id'])})"},
                  "defaultConfiguration": {"level": LEVELS.get(info["severity"], "warning")}}
    if not info["enabled"]:
        descriptor["defaultConfiguration"]["enabled"] = False
    return descriptor


def artifact_uri(rel: str) -> dict:
    if rel == "-":
        return {"uri": "stdin"}
    if rel.startswith("/") or (len(rel) > 1 and rel[1] == ":"):
        return {"uri": Path(rel).as_uri()}
    return {"uri": quote(rel, safe="/", errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}


def fingerprint(rule: str, rel: str, excerpt: str, occurrence: int) -> str:
    """A stable id for a finding; a file name that is not UTF-8 (lone surrogates) still hashes."""
    data = "\0".join((rule, rel, excerpt, str(occurrence))).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:32]


def _result(finding, rel: str, rule_index: int, occurrence: int) -> dict:
    region = {"startLine": finding.line, "startColumn": finding.column,
              "endLine": max(finding.end_line, finding.line),
              "endColumn": finding.end_column}
    if finding.excerpt:
        region["snippet"] = {"text": finding.excerpt}
    result = {"ruleId": finding.rule, "ruleIndex": rule_index, "level": LEVELS.get(finding.severity, "warning"),
              "message": {"text": finding.message},
              "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(rel), "region": region}}],
              "partialFingerprints": {"fzcheck/v1": fingerprint(finding.rule, rel, finding.excerpt, occurrence)}}
    if finding.section:
        result["properties"] = {"section": finding.section}
    return result
