"""``--format memo``: the 审查意见 a reviewer hands back, one per report, for print (A4).

Without ``-o`` or with ``-o x.html``: one HTML page (several reports: a summary table, then one
memo per report, each starting on a new page).  ``-o x.docx``: the same as a Word document.
``-o DIR/``: one memo per report (``<name>-审查意见.html`` and ``.docx``) plus ``审查意见汇总.html``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from checker.run.result import RunResult

from .memo_view import memo_view, summary_rows

SUMMARY_NAME = "审查意见汇总.html"


def render(run: RunResult, ruleset=None, options=None) -> str:
    memos = [memo_view(r, ruleset, _checked(options)) for r in run.reports]
    return render_memos(memos, run.ruleset)


def render_memos(memos: list[dict], ruleset_name: str) -> str:
    from .html import jinja_env, page_context

    summary = summary_rows(memos) if len(memos) > 1 else None
    return jinja_env().get_template("memo.html").render(page=page_context(""), memos=memos, summary=summary,
                                                   ruleset_name=ruleset_name or "", script="")


def write(run: RunResult, ruleset, options, output_path: str) -> None:
    from checker.run.output import write_atomic

    from ._common import write_binary
    from .docx import output_name
    from .memo_docx import memo_docx

    memos = [memo_view(r, ruleset, _checked(options)) for r in run.reports]
    target = Path(output_path)
    if output_path.endswith(("/", os.sep)) or target.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        taken: set[str] = set()
        for report, memo in zip(run.reports, memos):
            stem = output_name(report.path, taken, "-审查意见")
            write_atomic(str(target / f"{stem}.html"), render_memos([memo], run.ruleset))
            write_binary(target / f"{stem}.docx", memo_docx([memo]))
        write_atomic(str(target / SUMMARY_NAME), render_memos(memos, run.ruleset))
        if not getattr(options, "quiet", False):
            print(f"fzcheck: 审查意见已写入 {target}（汇总：{target / SUMMARY_NAME}）", file=sys.stderr)
    elif target.suffix.lower() == ".docx":
        write_binary(target, memo_docx(memos))
    else:
        write_atomic(str(target), render_memos(memos, run.ruleset))


def _checked(options) -> str | None:
    """The date checked: today, unless the caller fixes it (tests, reproducible output)."""
    return getattr(options, "checked", None)
