"""Drop the findings a drafter marked as not to be reported at that place (read/suppress.py),
counting them per rule so ``--statistics`` can say how many were hidden."""
from __future__ import annotations

from .finding import Finding


def apply(findings: list[Finding], regions) -> tuple[list[Finding], dict[str, int]]:
    """(findings kept, rule id → number suppressed).  A finding is suppressed when a region for
    its rule holds the line it starts on."""
    if not regions:
        return findings, {}
    kept, hidden = [], {}
    for finding in findings:
        if any(finding.rule in r.rules and r.start <= finding.line <= r.end for r in regions):
            hidden[finding.rule] = hidden.get(finding.rule, 0) + 1
        else:
            kept.append(finding)
    return kept, hidden
