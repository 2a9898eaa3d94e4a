"""checker.check.prefilter: the characters a match must contain, and that skipping never loses a match."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.check import prefilter
from checker.check.ruleset import load

SAMPLES = Path(__file__).resolve().parents[1].parent / "samples"


@pytest.mark.parametrize("pattern, chars", [
    (r"(?<![A-Za-z\d])[Xx]{2,}(?![A-Za-z])", "Xx"),
    (r"(?:19|20)[Xx×]{2}", "Xx×"),  # the year digits are in every report: the class is chosen
    (r"(?<!19)(?<!20)×{2,}", "×"),
    (r"某(?:省|市|县)", "某"),
    (r"内部资料|绝密|机密", "内绝机"),
    (r"\d+(?:\.\d+)?版", "版"),
    (r"(?:待补充|待定)", "待"),
    (r"(?>ab)c", "a"),
])
def test_derived_characters(pattern, chars):
    guard = prefilter.build(re.compile(pattern))
    assert guard is not None and guard.chars == frozenset(chars)


@pytest.mark.parametrize("pattern", [
    r"\d+", r"[^a]b?", r".x?", r"a?", r"(?i)x", r"(a?)\1", r"[\u4e00-\u9fff]{2}", r"(?:ab|c?)",
    r"^$", r"\s+",
])
def test_no_prefilter_when_nothing_is_certain(pattern):
    assert prefilter.build(re.compile(pattern)) is None


def test_large_sets_use_one_class_search():
    guard = prefilter.build(re.compile("甲|乙|丙|丁|戊|己|庚|辛"))
    assert guard is not None and len(guard.chars) == 8
    assert guard.may_match("……庚……") and not guard.may_match("……子……")


def test_bounds_are_respected():
    guard = prefilter.build(re.compile("XX"))
    text = "XX 正文 XX"
    assert guard.may_match(text, 0, 2) and not guard.may_match(text, 2, 6) and guard.may_match(text, 6)


def _rule_patterns() -> list[re.Pattern[str]]:
    """Every pattern of the national rule set's pattern rules, plus the figure maskers."""
    national = load("national")
    out = []
    for rule in national.active():
        for matcher, _guard in rule.compiled.get("matchers", []) if rule.kind == "pattern" else []:
            out.append(matcher)
    spec = national.rule("item-unquantified").compiled["figures"]
    out.extend(pattern for pattern, _guard in spec.maskers)
    return out


PATTERNS = _rule_patterns()
ALPHABET = "X x×*?【】〔〕某待补充定省市县号月日年版小时+0123456789一二十第《》“”\n,。云溪区TODO"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_skipping_loses_no_match_on_the_samples(path):
    text = path.read_text(encoding="utf-8")
    for pattern in PATTERNS:
        guard = prefilter.build(pattern)
        if guard is not None and pattern.search(text):
            assert guard.may_match(text), pattern.pattern


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.integers(0, len(PATTERNS) - 1))
def test_skipping_loses_no_match(text, index):
    pattern = PATTERNS[index]
    guard = prefilter.build(pattern)
    if guard is not None and not guard.may_match(text):
        assert pattern.search(text) is None


# Guards: which of several patterns (a kind's triggers) may match one short text.

def _claim_triggers() -> list:
    return list(load("national").rule("claim-unquantified").compiled["triggers"].patterns)


def test_guards_keep_order_and_drop_only_what_cannot_match():
    patterns = [re.compile("甲乙"), re.compile(r"\d+件"), re.compile("丙|丁"), re.compile(r"\w+")]
    guards = prefilter.Guards(patterns)
    assert guards.candidates("丁和甲乙") == (patterns[0], patterns[2], patterns[3])  # \w+ has no guard: always kept
    assert guards.candidates("丁和甲") == (patterns[2], patterns[3])  # 甲乙 needs both
    assert guards.candidates("12件") == (patterns[1], patterns[3])
    assert guards.candidates("") == (patterns[3],)


def test_guards_without_any_prefilter_keep_every_pattern():
    patterns = [re.compile(r"\d+"), re.compile(r"\w")]
    assert list(prefilter.Guards(patterns).candidates("x")) == patterns


CLAIM_ALPHABET = "取得了明显显著成效提升质效不断持续增强水平能力的良好效果走在前列形成新格局获得有效保障迈上新台阶,。;、"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CLAIM_ALPHABET, max_size=30))
def test_guards_lose_no_trigger_match(text):
    triggers = _claim_triggers()
    kept = prefilter.Guards(triggers).candidates(text)
    for pattern in triggers:
        if pattern not in kept:
            assert pattern.search(text) is None, pattern.pattern


# first_class: the characters any match of several patterns starts with.

@pytest.mark.parametrize("pattern, inside, outside", [
    (r"锟斤拷", "锟", "斤"),
    (r"(?<![A-Za-z\d])[Xx]{2,}", "Xx", "Y"),
    (r"[\u00a1-\u00b6]{4,}", "\u00a1\u00b6", "\u00b7"),
    (r"(?:甲|乙)丙", "甲乙", "丙"),
    (r"[\u3105-\u312f](?<=[\u4e00-\u9fff][\u3105-\u312f])|[\u3105-\u312f](?=[\u4e00-\u9fff])", "\u3105", "中"),
])
def test_first_class(pattern, inside, outside):
    starts = prefilter.first_class([re.compile(pattern)])
    assert starts is not None
    assert all(starts.fullmatch(c) for c in inside) and not any(starts.fullmatch(c) for c in outside)


@pytest.mark.parametrize("pattern", [r"\d+", r"[^a]", r"a?b", r"(?i)x", r"(?:a|)b", r".x", r"^$", r"(?:a)?b"])
def test_no_first_class_when_the_start_is_unknown(pattern):
    assert prefilter.first_class([re.compile("x"), re.compile(pattern)]) is None


def _garbled_signatures() -> tuple:
    return load("national").rule("text-garbled").compiled["patterns"]


GARBLED_ALPHABET = "锟斤拷锛銆鈥ㄒ唬┥æ³•»ÖÐ¡ª中文，。\n一"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=GARBLED_ALPHABET, max_size=30))
def test_first_class_loses_no_garbled_match(text):
    signatures = _garbled_signatures()
    starts = prefilter.first_class(signatures)
    if starts.search(text) is None:
        assert not any(p.search(text) for p in signatures)
