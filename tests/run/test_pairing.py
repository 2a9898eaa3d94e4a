"""Pairing finds exactly the pairs a comparison of every report with every other finds, with
an index of about one entry per report."""
from __future__ import annotations

import itertools

from checker.run.pairing import find_pairs, identity, same_issuer
from checker.run.result import ReportResult

NAMES = ["云溪区人民政府", "江澜市云溪区人民政府", "江南省江澜市云溪区人民政府", "云溪区政府", "云溪区生态环境局",
         "江澜市云溪区生态环境局", "云溪区第3人民政府", "云溪区第33人民政府", "溪区人民政府", "江澜市人民政府",
         "江南省人民政府", "生态环境局", "东湖区司法局", "江澜市东湖区司法局", "北川市东湖区司法局", "人民政府",
         "江澜市市场监督管理局", "市场监督管理局", "内蒙古自治区阿拉善盟司法局", "阿拉善盟司法局"]


def _report(i: int, name: str, year: int) -> ReportResult:
    return ReportResult(path=f"{i:03d}.txt", metadata={"title": None, "issuer": name, "year": year, "published": None},
                        sections=[], findings=[], score=100)


def _brute(reports: list[ReportResult]) -> list[tuple[int, int]]:
    ids = [identity(r, None) for r in reports]
    out = []
    for i, (issuer, year) in enumerate(ids):
        if not issuer or not year:
            continue
        candidates = [j for j, (other, other_year) in enumerate(ids)
                      if j != i and other_year == year - 1 and same_issuer(issuer, other)]
        if candidates:
            exact = [j for j in candidates if ids[j][0] == issuer]
            out.append((i, (exact or candidates)[0]))
    return out


def test_the_index_finds_what_comparing_every_pair_finds():
    reports = [_report(i, name, year) for i, (name, year) in
               enumerate(itertools.product(NAMES, (2023, 2024)))]
    reports += [_report(100 + i, name, 2024) for i, name in enumerate(reversed(NAMES))]  # later duplicates
    pairs = find_pairs(reports)
    assert pairs == _brute(reports)
    assert len(pairs) > len(NAMES)  # places in front and 区政府 = 区人民政府 pair too


def test_a_body_named_without_its_place_is_paired_with_no_one():
    """Two districts' 区教育局 are not one body; 市中区教育局 starts with a place (session 14)."""
    reports = [_report(0, "区教育局", 2024), _report(1, "区教育局", 2023),
               _report(2, "市中区教育局", 2024), _report(3, "市中区教育局", 2023)]
    assert find_pairs(reports) == [(2, 3)]
    assert identity(reports[0], None) == ("", 2024)
