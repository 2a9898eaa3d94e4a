"""``--format docx``: the draft handed back with one Word comment (批注) per finding.

A .docx input is copied with comments added (docx_comments.py: everything else in the package
is kept as it was); any other input (.txt .md .html, standard input) becomes a new .docx of its
extracted text, one paragraph per line, with the same comments.  The input is never changed.

One report → ``-o FILE.docx``; several → ``-o DIR/`` and one ``<name>-审查.docx`` per report.
The output is binary, so ``-o`` is required.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from checker.run.result import ReportResult, RunResult

from ._common import rule_info, write_binary
from .docx_comments import Note, annotate
from .docx_package import Para, build

BINARY = True  # the CLI asks for -o
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


def render(run: RunResult, ruleset=None, options=None) -> str:
    from checker.run.discover import UsageError

    raise UsageError("--format docx 输出 Word 文件，请用 -o 指定输出文件（例如 -o 报告-审查.docx）")


def write(run: RunResult, ruleset, options, output_path: str) -> None:
    target = Path(output_path)
    as_dir = output_path.endswith(("/", os.sep)) or target.is_dir() or len(run.reports) > 1
    if not as_dir:
        write_binary(target, reviewed(run.reports[0], ruleset))
        return
    target.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    for report in run.reports:
        name = output_name(report.path, taken)
        write_binary(target / name, reviewed(report, ruleset))
    if not getattr(options, "quiet", False):
        print(f"fzcheck: 已在 {target} 中写出 {len(run.reports)} 份带批注的 Word 文件", file=sys.stderr)


def reviewed(report: ReportResult, ruleset) -> bytes:
    """The .docx for one report: its own package with comments when it is a readable .docx,
    else a new document of its text with the comments."""
    notes = notes_for(report, ruleset)
    if _is_docx(report):
        with open(report.path, "rb") as handle:
            data = handle.read()
        return annotate(data, report.path, notes)[0]
    lines = report.lines or ([""] if not report.unreadable else ["（未能读取原文，见批注）"])
    return annotate(build([Para(text=line) for line in lines]), report.path, notes)[0]


def notes_for(report: ReportResult, ruleset) -> list[Note]:
    """One note per finding: the problem, what to do, the rule id."""
    notes = []
    for finding in report.findings:
        info = rule_info(ruleset, finding.rule)
        label = SEVERITY_LABELS.get(finding.severity, finding.severity)
        paragraphs = [f"【{label}】{finding.message}"]
        if info.get("fix"):
            paragraphs.append(f"修改建议：{info['fix']}")
        paragraphs.append(f"规则：{finding.rule}")
        notes.append(Note(line=finding.line, excerpt=finding.excerpt, column=finding.column,
                          paragraphs=tuple(paragraphs)))
    return notes


def _is_docx(report: ReportResult) -> bool:
    if report.path == "-" or report.unreadable or not os.path.isfile(report.path):
        return False
    try:
        with open(report.path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04" and report.path.lower().endswith((".docx", ".docm"))
    except OSError:
        return False


def output_name(path: str, taken: set[str], suffix: str = "-审查.docx") -> str:
    """``<stem><suffix>`` for a report; ``<name><suffix>`` when two reports share a stem."""
    stem = Path(path).stem if path != "-" else "标准输入"
    name, n = f"{stem}{suffix}", 1
    if name in taken:
        name = f"{Path(path).name}{suffix}"
    while name in taken:
        n += 1
        name = f"{stem}-{n}{suffix}"
    taken.add(name)
    return name
