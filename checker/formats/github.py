"""``--format github``: GitHub Actions workflow commands, one per finding, which GitHub shows
as annotations on the pull request's files::

    ::error file=2024/区司法局.txt,line=12,col=3,endLine=12,endColumn=40,title=fzcheck placeholder::…

error → ``::error``, warning → ``::warning``, info → ``::notice``.  Data is escaped as the
runner expects (``%`` ``\\r`` ``\\n``; in properties also ``:`` and ``,``).  Paths are relative
to the working directory, which in a workflow is the repository root.
"""
from __future__ import annotations

from checker.run.result import RunResult

from ._common import display_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(run: RunResult, ruleset=None, options=None) -> str:
    return "".join(chunks(run, ruleset, options))


def chunks(run: RunResult, ruleset=None, options=None):
    """One piece per report, written as the reports are read."""
    for report in run.reports:
        lines = []
        path = display_path(report.path)
        for f in report.findings:
            props = [f"file={escape_property(path)}", f"line={f.line}", f"col={f.column}"]
            if f.end_line >= f.line:
                props += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
            props.append(f"title={escape_property('fzcheck ' + f.rule)}")
            message = f.message + (f"\n> {f.excerpt}" if f.excerpt else "")
            lines.append(f"::{COMMANDS.get(f.severity, 'warning')} {','.join(props)}::{escape_data(message)}")
        yield "".join(line + "\n" for line in lines)
