"""The three real published reports: sections, metadata, and deleting any one part."""
from __future__ import annotations

import pytest

from checker.run.pipeline import check_text

from .conftest import SEEDS, needs_seeds

pytestmark = needs_seeds

EXPECTED = {
    "baoshan-2020.txt": {
        "metadata": {"title": "宝山区人民政府2020年法治政府建设情况报告", "issuer": "宝山区人民政府",
                     "year": 2020, "published": "2021-02-23"},
        "sections": [("measures", 18, False), ("problems", 40, False), ("plan", 44, False), ("duty", 64, False)],
    },
    "changning-office-2024.txt": {
        "metadata": {"title": None, "issuer": "长宁区府办", "year": 2024, "published": None},
        "sections": [("measures", 2, False), ("problems", 13, False), ("duty", 15, False), ("plan", 17, False)],
    },
    "minhang-2024.txt": {
        "metadata": {"title": "2024年闵行区法治政府建设工作情况报告", "issuer": "闵行区人民政府",
                     "year": 2024, "published": "2025-02-12"},
        "sections": [("measures", 10, False), ("duty", 17, True), ("problems", 79, False), ("plan", 87, False)],
    },
}
STRUCTURE_RULES = {"section-missing", "section-order", "section-thin", "section-embedded", "year-mismatch"}


def _check(name: str, national, text: str | None = None):
    if text is None:
        text = (SEEDS / name).read_text(encoding="utf-8")
    return check_text(text, national, name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sections_found(name, national):
    result = _check(name, national)
    got = [(s["key"], s["line"], s["embedded"]) for s in result.sections]
    assert got == EXPECTED[name]["sections"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metadata(name, national):
    assert _check(name, national).metadata == EXPECTED[name]["metadata"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_missing_part_reported(name, national):
    result = _check(name, national)
    assert [f for f in result.findings if f.rule == "section-missing"] == []


def test_minhang_duty_is_embedded_with_a_warning(national):
    result = _check("minhang-2024.txt", national)
    embedded = [f for f in result.findings if f.rule == "section-embedded"]
    assert len(embedded) == 1 and embedded[0].line == 17 and embedded[0].severity == "warning"
    assert embedded[0].excerpt.startswith("3.促进法治建设第一责任人职责切实履行")


def test_baoshan_duty_last_is_an_order_note(national):
    result = _check("baoshan-2020.txt", national)
    order = [f for f in result.findings if f.rule == "section-order"]
    assert [(f.line, f.section) for f in order] == [(64, "duty")]


def test_web_furniture_is_outside_every_section(national):
    text = (SEEDS / "minhang-2024.txt").read_text(encoding="utf-8")
    result = _check("minhang-2024.txt", national, text)
    lines = text.split("\n")
    widget = next(i for i, line in enumerate(lines, 1) if "读屏专用" in line)
    assert all(f.line < widget for f in result.findings)
    from checker.parse.parser import parse

    doc = parse(__import__("checker.read.source", fromlist=["Source"]).Source("m", lines), national.sections)
    assert doc.position(doc.body_end)[0] < widget
    assert "当前位置" not in doc.text[doc.body_start:doc.body_end]


def _parts(name: str, national) -> list[tuple[str, int, int]]:
    """(key, first line, last line) of each top-level part, from the parser's own spans."""
    from checker.parse.parser import parse
    from checker.read.source import Source

    lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    doc = parse(Source(name, lines), national.sections)
    out = []
    for sec in doc.sections:
        if sec.embedded:
            continue
        first = doc.position(sec.start)[0]
        last = doc.position(max(sec.start, sec.end - 1))[0]
        out.append((sec.key, first, last))
    return out


CASES = [(name, key) for name, spec in sorted(EXPECTED.items()) for key, _, emb in spec["sections"] if not emb]


@pytest.mark.parametrize("name,key", CASES)
def test_deleting_a_part_reports_exactly_that_part(name, key, national):
    lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    part = next(p for p in _parts(name, national) if p[0] == key)
    kept = lines[: part[1] - 1] + lines[part[2]:]
    before = {(f.rule, f.section) for f in _check(name, national).findings if f.rule in STRUCTURE_RULES}
    after = {(f.rule, f.section) for f in _check(name, national, "\n".join(kept)).findings
             if f.rule in STRUCTURE_RULES}
    new = after - before
    expected = {("section-missing", key)}
    if name == "minhang-2024.txt" and key == "measures":
        expected.add(("section-missing", "duty"))  # the duty item lives inside the measures part
    assert new == expected
    gone = before - after
    assert gone <= {("section-order", key), ("section-order", "duty"), ("section-embedded", "duty")}
