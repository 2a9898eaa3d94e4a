"""``--format junit``: JUnit XML for CI test reports (GitLab ``artifacts:reports:junit``,
Jenkins, Azure DevOps).

One ``<testsuite>`` per report file (``name`` = the path).  Inside it, one ``<testcase>`` per
rule that is active for that file (``classname`` = the path, ``name`` = the rule id), plus one
for ``input-error``/``internal-error`` when they occur.  A testcase *fails* when that rule has
findings at or above ``--fail-on`` in that file: one ``<failure>`` listing them.  Findings below
``--fail-on`` do not fail the case; they are listed in its ``<system-out>``.  A rule with no
finding is a passing testcase, so a clean report shows as all green.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from checker.check.finding import at_or_above
from checker.read.lazy_pattern import lazy
from checker.run.result import RunResult

from ._common import display_path, fail_on, rule_info

# Characters XML 1.0 cannot carry (control characters other than tab, LF, CR; lone surrogates).
_ILLEGAL = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)


def _active(report, ruleset, options) -> list[str]:
    rulesets = getattr(options, "rulesets", None)
    if rulesets is not None:
        rs = rulesets.for_path(report.path)[0]
    else:
        rs = ruleset
    ids = [r.id for r in rs.active()] if rs is not None else []
    for finding in report.findings:
        if finding.rule not in ids:
            ids.append(finding.rule)
    return ids


def _line(path: str, finding) -> str:
    text = f"{path}:{finding.line}:{finding.column}: {finding.severity} {finding.rule} {finding.message}"
    if finding.excerpt:
        text += "\n    > " + finding.excerpt.replace("\n", " ")
    return text


def render(run: RunResult, ruleset=None, options=None) -> str:
    return "".join(chunks(run, ruleset, options))


def chunks(run: RunResult, ruleset=None, options=None):
    """The XML in pieces.  The totals stand on the root element, before the suites, so the
    suites (one per report, made as the reports are read) wait in a temporary file (in memory
    up to a few MB) until the last one is counted."""
    import tempfile

    threshold = fail_on(options)
    total_tests = total_failures = 0
    with tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8",
                                       errors="surrogatepass", newline="\n") as held:
        for report in run.reports:
            suite = _suite(report, ruleset, options, threshold)
            total_tests += int(suite.get("tests"))
            total_failures += int(suite.get("failures"))
            ET.indent(suite, space="  ", level=1)
            held.write("\n  " + ET.tostring(suite, encoding="unicode"))
        root = ET.Element("testsuites", name="fzcheck")
        root.set("tests", str(total_tests))
        root.set("failures", str(total_failures))
        root.set("errors", "0")
        opening = ET.tostring(root, encoding="unicode")
        if not held.tell():
            yield '<?xml version="1.0" encoding="UTF-8"?>\n' + opening + "\n"
            return
        yield '<?xml version="1.0" encoding="UTF-8"?>\n' + opening[:-3] + ">"
        held.seek(0)
        while piece := held.read(1 << 20):
            yield piece
        yield "\n</testsuites>\n"


def _suite(report, ruleset, options, threshold: str):
    """One report's ``<testsuite>``."""
    path = display_path(report.path)
    suite = ET.Element("testsuite", name=_clean(path))
    tests = failures = 0
    by_rule: dict[str, list] = {}
    for finding in report.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    for rule_id in _active(report, ruleset, options):
        tests += 1
        case = ET.SubElement(suite, "testcase", classname=_clean(path), name=rule_id, time="0")
        found = by_rule.get(rule_id, [])
        failing = [f for f in found if at_or_above(f.severity, threshold)]
        passing = [f for f in found if not at_or_above(f.severity, threshold)]
        if failing:
            failures += 1
            summary = rule_info(ruleset, rule_id)["summary"] or rule_id
            first = failing[0]
            message = f"{len(failing)} 处：{summary}" if len(failing) > 1 else first.message
            failure = ET.SubElement(case, "failure", message=_clean(message), type=first.severity)
            failure.text = _clean("\n".join(_line(path, f) for f in failing))
        if passing:
            out = ET.SubElement(case, "system-out")
            out.text = _clean("\n".join(_line(path, f) for f in passing))
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", "0")
    return suite
