"""The character n-gram matcher behind plan-unaddressed and copied-from-previous."""
from __future__ import annotations

from checker.check.similarity import Unit, Weights, bigrams, containment, content, copied, grams5, jaccard, match_items


def test_content_drops_stock_words_digits_and_punctuation_without_joining_across_them():
    assert content("进一步加强排污许可证后监管，6月底前完成。", ["进一步", "加强", "月底前"]) == "排污许可证后监管|完成"
    assert set(bigrams("排污|许可")) == {"排污", "许可"}  # no 污许 across the gap


def _unit(text, line=1, stock=()):
    return Unit(text=text, line=line, grams=set(bigrams(content(text, stock))))


def test_reworded_commitment_matches_and_an_unrelated_one_does_not():
    stock = ["强化", "抓实", "推进", "开展"]
    plan = [_unit("强化排污许可证后监管", stock=stock), _unit("建立企业环境信用评价制度", stock=stock)]
    sentences = [_unit("抓实固定污染源排污许可证后管理，检查持证单位286家。", 5, stock),
                 _unit("开展普法宣传活动35场。", 6, stock)]
    weight = Weights([content(u.text, stock) for u in plan + sentences])
    result = match_items(plan, [], sentences, weight, 0.5)
    assert [m.matched for m in result] == [True, False]
    assert result[0].best.line == 5


def test_rare_bigrams_weigh_more_than_common_ones():
    texts = ["生态环境执法", "生态环境普法", "生态环境监测", "信用评价"]
    weight = Weights(texts)
    assert weight("信用") > weight("生态")
    item = set(bigrams("生态环境信用评价"))
    assert containment(item, set(bigrams("生态环境监测")), weight) < containment(item, set(bigrams("信用评价")), weight)


def test_copied_pairs_sentences_and_scores_the_whole_part():
    last = [Unit("一是执法精准度有待提高，发现问题比例仅为17.2%。", 3), Unit("二是普法针对性不强。", 3)]
    this = [Unit("一是执法精准度有待提高，发现问题比例仅为18.1%。", 4), Unit("三是行政复议办案周期偏长。", 4)]
    score, pairs = copied(this, last)
    assert 0 < score < 0.8
    assert pairs[0].last is last[0] and pairs[1].last is None


def test_jaccard_and_short_text():
    assert jaccard(set(), set()) == 0.0
    assert grams5("abc") == {"abc"}
    assert jaccard(grams5("一二三四五六"), grams5("一二三四五六")) == 1.0
