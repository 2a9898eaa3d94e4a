"""Real report openings with hand labels (../shared/live/labels.yaml): what fzcheck reads
from each must agree with a careful reader on the share the issue sets (issue 14).  The
same comparison prints a per-field table: scripts/live_table.py (docs/precision.md, the section on metadata)."""
from __future__ import annotations

import pytest

from tests.conftest import SHARED
from tests.livekit import compare, load_labels, same_issuer

LIVE = SHARED / "live"
pytestmark = pytest.mark.skipif(not (LIVE / "labels.yaml").is_file(), reason="../shared/live is absent (outside clone)")
TARGETS = {"year": 0.97, "published": 0.97, "title": 0.97, "issuer": 0.90, "first_part": 0.95,
           "title printed, no 'no title'": 1.0}


@pytest.fixture(scope="module")
def table(national):
    return compare(LIVE, load_labels(LIVE), national)


@pytest.mark.parametrize("field", sorted(TARGETS))
def test_field_agrees_with_the_labels(field, table):
    rows, misses = table
    good, total = rows[field]
    assert total and good / total >= TARGETS[field], [m for m in misses if m[1] == field]


def test_issuer_mismatch_on_at_most_two_files(table):
    rows, _ = table
    good, total = rows["no issuer-mismatch"]
    assert total - good <= 2


def test_no_report_taken_for_a_non_report(table):
    rows, _ = table
    good, total = rows["is_report"]
    assert good == total


def test_issuer_comparison_is_not_lenient_about_other_bodies():
    assert same_issuer("天津市静海区人民政府", "静海区人民政府")
    assert same_issuer("北京市密云区人民政府", "密云区政府")
    assert not same_issuer("天津市静海区人民政府", "静海区司法局")
    assert not same_issuer("静海区人民政府", "静海区人民政府办公室")
