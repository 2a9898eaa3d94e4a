"""Pairing the reports of a batch with last year's report of the same issuer.

After the main pass every report has its metadata (issuer, year).  A report whose issuer has a
report for the year before in the same batch is paired with it, and only the cross-year rules
(kinds with ``CROSS_YEAR``: ``plan-unaddressed``, ``copied-from-previous``) are run again for
it with ``doc.previous`` set; their findings are added and the score recomputed.  The first
pass is untouched, so ``--jobs 1`` and ``--jobs N`` give the same result, and the extra cost is
one more read and parse of two files per pair.

Issuers are compared after :func:`issuer_key`: white space removed, 区政府 read as 区人民政府;
and a name equals the same name with higher-level places in front (江澜市云溪区生态环境局 ==
云溪区生态环境局).  When the text does not say who reports on which year (odd file names,
missing titles), the config's ``pairing`` entries say it per glob.  Standard input (``-``)
is never paired automatically (it cannot be read twice); ``--previous FILE`` pairs one
report by hand.
"""
from __future__ import annotations

import re
from dataclasses import replace

from checker.check.engine import cross_year_rules, score
from checker.check.finding import Finding
from checker.read.source import InputError

from .result import ReportResult

PLACES = re.compile(r"(?:[\u4e00-\u9fff]{1,12}?(?:省|自治区|市|自治州|州|地区|盟))+")


def issuer_key(name: str | None) -> str:
    """An issuer name for comparison: no white space; 区政府 → 区人民政府."""
    if not name:
        return ""
    key = "".join(name.split()).replace("\u00a0", "")
    if key.endswith("政府") and not key.endswith("人民政府"):
        key = key[:-2] + "人民政府"
    return key


def same_issuer(a: str, b: str) -> bool:
    """Equal keys, or one is the other with higher-level places in front."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.endswith(short) and bool(PLACES.fullmatch(long_[:-len(short)]))


def identity(report: ReportResult, config) -> tuple[str, int | None]:
    """(issuer key, year) of a report: the config's ``pairing`` entry for its path, else metadata."""
    meta = report.metadata or {}
    issuer, year = meta.get("issuer"), meta.get("year")
    entry = config.pairing_for(report.path) if config is not None and hasattr(config, "pairing_for") else None
    if entry is not None:
        issuer = entry.issuer or issuer
        year = entry.year or year
    return issuer_key(issuer), year


def find_pairs(reports: list[ReportResult], config=None) -> list[tuple[int, int]]:
    """(this year's index, last year's index) for every report with a previous-year report of the
    same issuer in the batch; an exact issuer match wins, then input order."""
    ids = [identity(r, config) if r.path != "-" else ("", None) for r in reports]
    index = _suffix_index(ids)
    out = []
    for i, (issuer, year) in enumerate(ids):
        if not issuer or not year:
            continue
        candidates = [j for j in _possible(index, issuer, year - 1)
                      if j != i and same_issuer(issuer, ids[j][0])]
        if candidates:
            exact = [j for j in candidates if ids[j][0] == issuer]
            out.append((i, (exact or candidates)[0]))
    return out


def _suffix_index(ids: list[tuple[str, int | None]]) -> dict:
    """Two look-ups, so that the reports that may match are found without comparing every
    report with every other (a 20,000-report batch of governments would be quadratic):

    ``("suffix", year, s)`` → indices of reports whose key ends with ``s`` (``s`` of 4+
    characters, or the whole key); ``("key", year, k)`` → indices of reports whose key is ``k``.
    :func:`same_issuer` holds only for equal keys or when one key ends with the other (of 4+
    characters): a longer key is found by the first, a shorter one by the second."""
    index: dict[tuple[str, int, str], list[int]] = {}
    for j, (issuer, year) in enumerate(ids):
        if not issuer or not year:
            continue
        index.setdefault(("key", year, issuer), []).append(j)
        for cut in range(0, max(1, len(issuer) - 3)):
            index.setdefault(("suffix", year, issuer[cut:]), []).append(j)
    return index


def _possible(index: dict, issuer: str, year: int) -> list[int]:
    """Indices (ascending) of reports of ``year`` whose issuer key ends with ``issuer``, or is a
    suffix of it of 4+ characters: every report :func:`same_issuer` can accept, and only those
    (a shared tail such as 人民政府 does not make two reports candidates)."""
    found = set(index.get(("suffix", year, issuer), ()))
    for cut in range(1, len(issuer) - 3):
        found.update(index.get(("key", year, issuer[cut:]), ()))
    return sorted(found)


def recheck(path: str, previous_path: str, rulesets) -> tuple | None:
    """The cross-year findings and page data of ``path`` against ``previous_path``, and the
    cross-year findings the report's own markers suppressed (None: no cross-year rule is active
    for this file)."""
    from .pipeline import cross_check, read_document

    ruleset, dropped = rulesets.for_path(path)
    cross = cross_year_rules(ruleset)
    if not cross:
        return None
    try:
        previous = read_document(previous_path, ruleset)
    except InputError as exc:
        finding = previous_unreadable(path, previous_path, exc.problem)
        return ([] if finding.rule in dropped else [finding]), {}
    try:
        findings, crossyear, suppressed = cross_check(path, ruleset, cross, previous)
    except InputError:
        return [], {}, {}  # this year's file cannot be read: its main result already says so
    except (OSError, RecursionError, MemoryError, ValueError):
        return None
    hidden = {rule: n for rule, n in suppressed.items() if rule in cross}
    return [f for f in findings if f.rule in cross], crossyear, hidden


def previous_unreadable(path: str, previous_path: str, problem: str) -> Finding:
    return Finding(rule="input-error", severity="warning",
                   message=f"上一年度报告 {previous_path} 无法读取（{problem}），未与上一年度比对。",
                   line=1, column=1, end_line=1, end_column=1, path=path)


def merge(report: ReportResult, extra: tuple | None, ruleset) -> ReportResult:
    """A report with the cross-year findings added (and the ones suppressed counted) and its
    score recomputed; ``extra`` is (findings, page data[, suppressed counts])."""
    if extra is None:
        return report
    added, crossyear = extra[0], extra[1]
    hidden = extra[2] if len(extra) > 2 else {}
    if hidden:
        counts = dict(report.suppressed)
        for rule, n in hidden.items():
            counts[rule] = counts.get(rule, 0) + n
        report = replace(report, suppressed=counts)
    if not added:
        return replace(report, crossyear=crossyear)
    findings = sorted(report.findings + added, key=Finding.sort_key)
    weighed = (report.outline or {}).get("substance")
    return replace(report, findings=findings, score=score(findings, ruleset.scoring, weighed), crossyear=crossyear)


def by_hand(path: str, previous_path: str, rulesets, keep_lines: bool = True) -> ReportResult:
    """``--previous FILE``: check ``path`` with ``previous_path`` as last year's report."""
    from .pipeline import check_file, read_document

    ruleset, dropped = rulesets.for_path(path)
    try:
        previous = read_document(previous_path, ruleset)
    except InputError as exc:
        report = check_file(path, rulesets, keep_lines)
        finding = previous_unreadable(path, previous_path, exc.problem)
        if finding.rule in dropped:
            return report
        return replace(report, findings=sorted(report.findings + [finding], key=Finding.sort_key))
    return check_file(path, rulesets, keep_lines, previous=previous)
