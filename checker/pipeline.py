"""read → parse → rules → engine → findings, for one file or one text."""
from __future__ import annotations

from .document import Document
from .engine import run_rules, score
from .finding import Finding
from .parse import parse
from .result import ReportResult
from .ruleset import RuleSet
from .source import InputError, Source

EMPTY_META = {"title": None, "issuer": None, "year": None, "published": None}


def check_source(source: Source, ruleset: RuleSet, only: set[str] | None = None,
                 previous: Document | None = None) -> ReportResult:
    """Check text a reader produced; reader warnings become ``input-error`` warnings.

    ``previous`` is last year's report of the same issuer (see :func:`read_document`): the
    cross-year rules (``plan-unaddressed``, ``copied-from-previous``) compare with it."""
    from .crossyear import views

    doc = parse(source, ruleset.sections)
    doc.previous = previous
    findings = run_rules(doc, ruleset, only) + reader_warnings(doc)
    findings.sort(key=Finding.sort_key)
    return ReportResult(path=source.path, metadata=doc.metadata.as_dict(), sections=section_dicts(doc),
                        findings=findings, score=score(findings, ruleset.scoring), lines=list(source.lines),
                        outline=outline_dict(doc), crossyear=views(doc, ruleset, only))


def read_document(path: str, ruleset: RuleSet) -> Document:
    """Read and parse a report without checking it (last year's, for the cross-year rules);
    raises :class:`InputError` when it cannot be read."""
    from .readers import read_path

    return parse(read_path(path), ruleset.sections)


def check_path(path: str, ruleset: RuleSet, only: set[str] | None = None,
               previous: Document | None = None) -> ReportResult:
    """Read and check one file; a file that cannot be read gives an ``input-error`` result."""
    from .readers import read_path

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
