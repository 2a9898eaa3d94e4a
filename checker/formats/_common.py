"""Helpers shared by the formats: rule descriptions and their docs links, paths, binary output."""
from __future__ import annotations

import os

from checker.read.paths import posix

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from pathlib import Path

# Findings the engine makes itself; they are not rules of any rule set.
BUILTIN = {
    "input-error": {"severity": "error", "summary": "文件无法读取、解码或解析",
                    "basis": "fzcheck 只能检查能够读取的 .txt、.md、.html、.docx 文件。",
                    "fix": "确认文件未损坏、未加密，并以 UTF-8、GB18030 或 UTF-16 编码保存；Word 文档另存为 .docx。"},
    "internal-error": {"severity": "error", "summary": "fzcheck 检查某条规则时出错",
                       "basis": "这是 fzcheck 的缺陷，不是报告的问题。",
                       "fix": "请把报告和错误信息发给 fzcheck 维护者。"},
}


# Where docs/rules.md is published; each rule has its own section there (## rule-id).  The
# project has no public site yet: a deployment sets FZCHECK_DOCS_URL to where its copy of
# docs/rules.md is served (e.g. https://git.example.gov.cn/fzcheck/blob/main/docs/rules.md).
DEFAULT_DOCS_URL = "https://fzcheck.example/docs/rules.md"


def rule_doc_url(rule_id: str) -> str:
    """The rule's section of docs/rules.md (the engine's own ids have no section: the page)."""
    base = os.environ.get("FZCHECK_DOCS_URL") or DEFAULT_DOCS_URL
    return base if rule_id in BUILTIN else f"{base}#{rule_id}"


def rule_info(ruleset, rule_id: str) -> dict:
    """id, severity, summary, basis, fix, limits and enabled of a rule (or a built-in id)."""
    rule = ruleset.rule(rule_id) if ruleset is not None else None
    if rule is not None:
        return {"id": rule.id, "severity": rule.severity, "summary": rule.summary, "basis": rule.basis,
                "fix": rule.fix, "limits": rule.limits, "enabled": rule.enabled}
    info = BUILTIN.get(rule_id, {"severity": "warning", "summary": rule_id, "basis": "", "fix": ""})
    return {"id": rule_id, "limits": "", "enabled": True, **info}


def rule_ids(run, ruleset) -> list[str]:
    """Every rule of the rule set, then built-in or unknown ids that occur in the run."""
    ids = [r.id for r in ruleset.rules] if ruleset is not None else []
    seen = set(ids)
    for rule in run.fired():  # from the batch's rows: no result is read again
        if rule not in seen:
            seen.add(rule)
            ids.append(rule)
    return ids


def light(run):
    """Each report's path, metadata and ``unreadable`` without reading its results again: a
    batch's rows (checker/run/spill.py) when the run has them, else its reports."""
    rows = getattr(run, "rows", None)
    return rows if rows is not None else run.reports


def display_path(path: str, base: str | None = None) -> str:
    """A report's path relative to ``base`` (default: the working directory), with ``/``;
    a path outside it stays absolute."""
    if path == "-":
        return "-"
    base = base or os.getcwd()
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, base) if os.path.splitdrive(absolute)[0] == os.path.splitdrive(base)[0] else absolute
    if rel == ".." or rel.startswith(".." + os.sep):
        return posix(absolute)
    return posix(rel)


def fail_on(options) -> str:
    return getattr(options, "fail_on", None) or "error"


def write_binary(target: Path, data: bytes) -> None:
    """A binary output (.docx, .xlsx), written as every output is (run/output.py): never over a
    report, the rule file or the config, through a temp file and a rename."""
    from checker.run.discover import UsageError
    from checker.run.output import write_atomic

    if target.is_dir():
        raise UsageError(f"{target}: 是一个目录（请给 -o 一个文件名）")
    write_atomic(str(target), data)
