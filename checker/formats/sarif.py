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
from json.encoder import encode_basestring
from pathlib import Path
from urllib.parse import quote

from checker import __version__
from checker.run.result import RunResult

from ._common import display_path, rule_doc_url, rule_ids, rule_info

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("_", "-").split("-") if part)


_MARK = "\u0000fzcheck results\u0000"  # where the results go in the log written in pieces


def render(run: RunResult, ruleset=None, options=None) -> str:
    return json.dumps(build(run, ruleset, options), ensure_ascii=False, indent=2) + "\n"


def chunks(run: RunResult, ruleset=None, options=None, root: str | None = None):
    """:func:`render`'s text in pieces: the log around its results, then the results one report
    at a time as the reports are read (the rules list needs only the rules that fired)."""
    from checker.run.jsontext import dumps

    if not any(run.summary()[severity] for severity in LEVELS):
        yield render(run, ruleset, options)
        return
    root = root or os.getcwd()
    ids = rule_ids(run, ruleset)
    text = dumps(_log(run, ruleset, ids, [_MARK], root)) + "\n"
    head, tail = text.split(encode_basestring(_MARK))
    newline = head[head.rindex("\n"):]
    separator = ""
    for results in _results(run, ids, root):
        for result in results:
            yield separator + (head if not separator else "") + dumps(result, newline)
            separator = "," + newline
    yield tail


def build(run: RunResult, ruleset=None, options=None, root: str | None = None) -> dict:
    root = root or os.getcwd()
    ids = rule_ids(run, ruleset)
    results = [result for per_report in _results(run, ids, root) for result in per_report]
    return _log(run, ruleset, ids, results, root)


def _results(run: RunResult, ids: list[str], root: str):
    """The results of each report, a list per report, in report order."""
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    for report in run.reports:
        rel = display_path(report.path, root)
        seen: dict[tuple, int] = {}
        results = []
        for finding in report.findings:
            key = (finding.rule, finding.excerpt)
            seen[key] = seen.get(key, 0) + 1
            results.append(_result(finding, rel, index[finding.rule], seen[key]))
        yield results


def _log(run: RunResult, ruleset, ids: list[str], results: list, root: str) -> dict:
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
