"""The one record every output format reads."""
from __future__ import annotations

from checker.read.record import record

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@record(frozen=True)
class Finding:
    """A problem found in one report, located in the extracted text (1-based, code points;
    ``end_column`` is exclusive, as in SARIF)."""

    rule: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str = ""
    section: str | None = None
    path: str = ""

    def as_dict(self) -> dict:
        """The JSON contract's finding object (keys fixed by the design brief)."""
        return {"rule": self.rule, "severity": self.severity, "message": self.message,
                "section": self.section, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column, "excerpt": self.excerpt}

    def sort_key(self) -> tuple:
        return (self.line, self.column, -SEVERITY_RANK.get(self.severity, 0), self.rule, self.end_line,
                self.end_column, self.message)


def at_or_above(severity: str, threshold: str) -> bool:
    """Whether a finding's severity reaches a ``--fail-on`` threshold ('never' → never)."""
    if threshold == "never":
        return False
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
