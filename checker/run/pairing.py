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

from checker.check.engine import cross_year_rules, score
from checker.check.finding import Finding
from checker.parse import places
from checker.parse.issuer import full_government
from checker.parse.shortform import BARE_LEVEL
from checker.read.lazy_pattern import lazy
from checker.read.record import replace
from checker.read.source import InputError

from .result import ReportResult

PLACES = lazy(r"(?:[\u4e00-\u9fff]{1,12}?(?:省|自治区|市|自治州|州|地区|盟))+")
PLACE_ENDS = "省区市州盟"  # the last character of every ending PLACES allows


def issuer_key(name: str | None) -> str:
    """An issuer name for comparison: no white space; 区政府 → 区人民政府."""
    if not name:
        return ""
    return full_government("".join(name.split()).replace("\u00a0", ""))


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
    elif issuer and unplaced(issuer):
        issuer = None  # 区教育局: every district has one; the config's pairing entry may say which
    return issuer_key(issuer), year


def unplaced(name: str) -> bool:
    """A body named without its place (区教育局, 县人民政府, as a text that never names its place
    calls itself): not one body across a batch.  市中区教育局 starts with a place."""
    return name[0] in BARE_LEVEL and not places.starts_with_place(name)


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
    """Where the reports that may match are found without comparing every report with every
    other (a 20,000-report batch of governments would be quadratic), holding about one entry per
    report (a 10⁵-report batch: an entry per suffix of every name was ~1.4 KB a report):

    ``(year, k)`` → indices of reports of that year whose key is ``k``, or is ``k`` with
    higher-level places in front (江澜市云溪区… is also found under 云溪区…).  :func:`same_issuer`
    holds only for equal keys, or when the longer key is the shorter one (4+ characters) with
    places in front: a shorter key is found by looking up the tails of this report's key after
    its places, a longer one by its own entry under this key."""
    index: dict[tuple[int, str], list[int]] = {}
    for j, (issuer, year) in enumerate(ids):
        if not issuer or not year:
            continue
        for tail in issuer_tails(issuer):
            index.setdefault((year, tail), []).append(j)
    return index


def issuer_tails(key: str) -> list[str]:
    """``key`` and each tail of it (4+ characters) left when higher-level places in front are
    taken off: the names :func:`same_issuer` equates with it from the shorter side."""
    out = [key]
    for cut in range(1, len(key) - 3):
        if key[cut - 1] in PLACE_ENDS and PLACES.fullmatch(key[:cut]):  # places end with one of these
            out.append(key[cut:])
    return out


def _possible(index: dict, issuer: str, year: int) -> list[int]:
    """Indices (ascending) of reports of ``year`` whose issuer key is ``issuer`` with places in
    front, or a tail of it after its places (4+ characters): every report :func:`same_issuer`
    can accept (the caller checks each), and few others."""
    found: set[int] = set()
    for tail in issuer_tails(issuer):
        found.update(index.get((year, tail), ()))
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
