"""What one run produced: per report its metadata, sections, findings and score."""
from __future__ import annotations

from checker import __version__
from checker.check.finding import SEVERITIES, Finding
from checker.read.record import field, record


@record
class ReportResult:
    """The outcome for one input file; ``lines`` keeps the text for the HTML page, and
    ``outline`` where its title, body, headings and sections lie (1-based lines), and where
    each key task area or indicator is named (``coverage``), for the HTML page too; ``crossyear``
    what the comparison with last year's report found (the plan follow-through table, copied
    sentences side by side); ``pages`` the page each line starts on in a PDF or OFD file, for the
    HTML page's "第3页".  None is part of the JSON contract
    (``as_dict``)."""

    path: str
    metadata: dict
    sections: list[dict]
    findings: list[Finding]
    score: int
    lines: list[str] = field(default_factory=list)
    outline: dict = field(default_factory=dict)
    crossyear: dict = field(default_factory=dict)  # vs last year's report: tables for the HTML page
    suppressed: dict = field(default_factory=dict)  # rule id → findings hidden by markers in the report
    pages: list[int] = field(default_factory=list)  # page of each line (PDF, OFD); empty for unpaged formats

    @property
    def unreadable(self) -> bool:
        """The file could not be read at all: its one finding is an input-error error."""
        return any(f.rule == "input-error" and f.severity == "error" for f in self.findings)

    def counts(self) -> dict[str, int]:
        out = {sev: 0 for sev in SEVERITIES}
        for finding in self.findings:
            out[finding.severity] += 1
        return out

    def as_dict(self) -> dict:
        return {"path": self.path, "metadata": self.metadata, "sections": self.sections,
                "findings": [f.as_dict() for f in self.findings], "score": self.score}


@record
class RunResult:
    """All reports of one run, in input order, in memory (one report, the web service, tests;
    a batch from the command line is a :class:`checker.run.streamed.StreamedRun`)."""

    ruleset: str
    reports: list[ReportResult]

    def summary(self) -> dict[str, int]:
        out = {"reports": len(self.reports)}
        for sev in SEVERITIES:
            out[sev] = sum(r.counts()[sev] for r in self.reports)
        return out

    def as_dict(self) -> dict:
        return {"tool": {"name": "fzcheck", "version": __version__}, "ruleset": self.ruleset,
                "reports": [r.as_dict() for r in self.reports], "summary": self.summary()}

    def findings(self):
        for report in self.reports:
            yield from report.findings

    def fired(self) -> list[str]:
        """Every rule that fired, in the order of its first finding in the run."""
        return list(dict.fromkeys(f.rule for f in self.findings()))

    def transformed(self, change) -> "RunResult":
        """A run with ``change(report)`` in place of each report (in input order)."""
        return RunResult(ruleset=self.ruleset, reports=[change(r) for r in self.reports])
