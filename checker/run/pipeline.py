"""read → parse → rules → engine → findings, for one file or one text."""
from __future__ import annotations

import sys

from checker.check import suppression
from checker.check.engine import coverage_views, gated, run_rules, score, substance, views
from checker.check.finding import Finding
from checker.check.ruleset import RuleSet
from checker.parse.document import Document
from checker.parse.parser import parse
from checker.read.record import replace
from checker.read.source import InputError, Source

from .result import ReportResult

EMPTY_META = {"title": None, "issuer": None, "year": None, "published": None}


def check_source(source: Source, ruleset: RuleSet, only: set[str] | None = None,
                 previous: Document | None = None) -> ReportResult:
    """Check text a reader produced; reader warnings become ``input-error`` warnings.

    ``previous`` is last year's report of the same issuer (see :func:`read_document`): the
    cross-year rules (``plan-unaddressed``, ``copied-from-previous``) compare with it."""
    doc = parse(source, ruleset.sections)
    doc.previous = previous
    findings, suppressed = suppression.apply(run_rules(doc, ruleset, only), source.suppressions)
    findings = findings + reader_warnings(doc)
    findings.sort(key=Finding.sort_key)
    report = not gated(findings, ruleset)  # not a report: no parts, no cross-year tables
    weighed = substance(doc, ruleset)
    return ReportResult(path=source.path, metadata=doc.metadata.as_dict(),
                        sections=section_dicts(doc) if report else [],
                        findings=findings, score=score(findings, ruleset.scoring, weighed), lines=list(source.lines),
                        outline={**outline_dict(doc), "coverage": coverage_views(doc, ruleset, only) if report else [],
                                 "substance": weighed},
                        crossyear=views(doc, ruleset, only) if report else {}, pages=_pages(source),
                        suppressed=suppressed)


def cross_check(path: str, ruleset: RuleSet, only: set[str], previous: Document) -> tuple[list[Finding], dict, dict]:
    """A pair's re-check of this year's report (checker/run/pairing.py): the findings of the
    rules in ``only``, the page's cross-year tables and the suppressed counts, exactly as
    :func:`check_path` gives them, without the score, outline and coverage it would compute
    and the pair would throw away (a fifth of a pair's time); InputError when unreadable."""
    from checker.read.dispatch import read_path

    source = read_path(path)
    doc = parse(source, ruleset.sections)
    doc.previous = previous
    findings, suppressed = suppression.apply(run_rules(doc, ruleset, only), source.suppressions)
    findings = findings + reader_warnings(doc)
    findings.sort(key=Finding.sort_key)
    return findings, (views(doc, ruleset, only) if not gated(findings, ruleset) else {}), suppressed


def _pages(source: Source) -> list[int]:
    """The page of each line, when the reader knew pages (PDF, OFD)."""
    if not source.origins or all(origin.page is None for origin in source.origins):
        return []
    return [origin.page or 0 for origin in source.origins]


def read_document(path: str, ruleset: RuleSet) -> Document:
    """Read and parse a report without checking it (last year's, for the cross-year rules);
    raises :class:`InputError` when it cannot be read."""
    from checker.read.dispatch import read_path

    return parse(read_path(path), ruleset.sections)


def check_path(path: str, ruleset: RuleSet, only: set[str] | None = None,
               previous: Document | None = None) -> ReportResult:
    """Read and check one file; a file that cannot be read gives an ``input-error`` result."""
    from checker.read.dispatch import read_path

    try:
        source = read_path(path)
    except InputError as exc:
        return input_error_result(path, exc.problem, exc.hint)
    return check_source(source, ruleset, only, previous)


def check_text(text: str, ruleset: RuleSet, path: str = "<text>", only: set[str] | None = None,
               previous: Document | None = None) -> ReportResult:
    """Check a string (rule examples, tests, pasted text)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return check_source(Source(path=path, lines=lines), ruleset, only, previous)


def input_error_result(path: str, problem: str, hint: str = "") -> ReportResult:
    message = problem + (f"。{hint}" if hint and not problem.endswith("。") else hint)
    finding = Finding(rule="input-error", severity="error", message=message, line=1, column=1,
                      end_line=1, end_column=1, path=path)
    return ReportResult(path=path, metadata=dict(EMPTY_META), sections=[], findings=[finding], score=0)


def reader_warnings(doc: Document) -> list[Finding]:
    out = []
    for line, message in doc.source.warnings:
        line = max(1, min(line, max(1, len(doc.source.lines))))
        out.append(Finding(rule="input-error", severity="warning", message=message, line=line, column=1,
                           end_line=line, end_column=1, path=doc.path))
    return out


def outline_dict(doc: Document) -> dict:
    """Where things lie, for the HTML page: title line, body lines, headings, section spans."""
    def line_of(offset: int) -> int:
        return doc.position(offset)[0]

    def last_line(end: int) -> int:
        return line_of(max(0, end - 1)) if end > 0 else 1

    body = [line_of(doc.body_start), last_line(doc.body_end)] if doc.body_end > doc.body_start else None
    headings = [{"line": h.line, "level": h.level, "label": h.label, "title": h.title,
                 "column": doc.position(h.start)[1], "end_line": doc.position(h.end)[0],
                 "end_column": doc.position(h.end)[1]} for h in doc.headings]
    sections = [{"key": s.key, "line": s.line, "end_line": last_line(s.end), "embedded": s.embedded}
                for s in doc.sections]
    return {"title_line": doc.metadata.title_line, "body": body, "headings": headings, "sections": sections}


def section_dicts(doc: Document) -> list[dict]:
    return [{"key": s.key, "heading": s.heading, "line": s.line, "embedded": s.embedded} for s in doc.sections]


def check_file(path: str, rulesets, keep_lines: bool = True, previous=None, cache=None,
               key: str | None = None) -> ReportResult:
    """One file with the rule set its config overrides give it (``previous``: last year's
    parsed report, for the cross-year rules).  ``cache`` (a :class:`checker.run.cache.ResultCache`)
    and ``key`` (the file's entry key, already looked up and missed by the batch's main pass):
    where the main pass stores the result."""
    ruleset, dropped = rulesets.for_path(path)
    report, complete = _check_one(path, ruleset, previous)
    if dropped:
        report = replace(report, findings=[f for f in report.findings if f.rule not in dropped])
    if not keep_lines and report.lines:
        report = replace(report, lines=[])
    if key is not None and complete and not any(f.rule == "internal-error" for f in report.findings):
        cache.put(key, report)  # a crash (fzcheck's bug, or out of memory) is never remembered
    return report


def _check_one(path: str, ruleset: RuleSet, previous=None) -> tuple[ReportResult, bool]:
    """One file, with stdin as ``-``, and whether the check ran to its end (False: it raised,
    and the failure became that file's finding)."""
    try:
        if path == "-":
            return _check_stdin(ruleset, previous), True
        return check_path(path, ruleset, previous=previous), True
    except MemoryError:
        raise  # the worker process reports it as past --max-memory-mb (checker/run/isolate.py)
    except Exception as exc:  # noqa: BLE001 - contract: one odd file never stops the batch with a traceback
        return input_error_result(path, f"无法检查此文件（{type(exc).__name__}: {exc}）"), False


_STDIN: tuple | None = None  # (Source, None) or (None, InputError): stdin read before workers fork


def read_stdin_now() -> None:
    """Read standard input in this process, before the checks go to worker processes (a
    multiprocessing child has its stdin closed); bounded by --max-file-size."""
    global _STDIN
    _STDIN = _read_stdin()


def _read_stdin() -> tuple:
    from checker.read.dispatch import read_stream

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # started with stdin closed (<&-)
        return None, InputError("-", "没有可读取的标准输入（已关闭）", "请用 < 文件 把报告送入，或直接给出文件名")
    try:
        return read_stream(stream, "-"), None
    except InputError as exc:
        return None, exc


def _check_stdin(ruleset: RuleSet, previous=None) -> ReportResult:
    source, error = _STDIN if _STDIN is not None else _read_stdin()
    if error is not None:
        return input_error_result("-", error.problem, error.hint)
    return check_source(source, ruleset, previous=previous)
