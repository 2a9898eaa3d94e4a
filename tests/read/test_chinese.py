"""Traditional characters: converted for analysis one code point for one, so findings quote
the text as written at its own positions.  Synthetic reports (ours)."""
from __future__ import annotations

from checker.read.chinese import is_traditional, to_simplified
from checker.run.pipeline import check_text

TRADITIONAL = "\n".join([
    "雲溪區人民政府2024年法治政府建設情況報告",
    "2024年，雲溪區堅持以習近平法治思想為指導，全面推進法治政府建設。現將有關情況報告如下：",
    "一、2024年主要舉措和成效",
    "（一）深化行政審批改革。全年辦理審批事項1200項，覆蓋8個街道，惠及1.5萬人。",
    "二、存在的不足和原因",
    "執法規範化水平不高，主要是培訓不足。",
    "三、黨政主要負責人履行推進法治建設第一責任人職責情況",
    "區長主持召開常務會議研究法治議題4次。",
    "四、2025年工作安排",
    "6月底前出臺行政執法監督辦法。",
])


def test_detects_traditional_and_not_simplified():
    assert is_traditional(TRADITIONAL)
    assert not is_traditional(to_simplified(TRADITIONAL))
    assert not is_traditional("乾隆年间的著作")  # a stray character that converts is not a traditional text


def test_conversion_keeps_every_offset():
    simple = to_simplified(TRADITIONAL)
    assert len(simple) == len(TRADITIONAL) and simple.count("\n") == TRADITIONAL.count("\n")
    assert "项" in simple and "个" in simple and "万" in simple


def test_traditional_report_is_read_like_a_simplified_one(national):
    result = check_text(TRADITIONAL, national, "big5.txt")
    assert result.metadata["title"] == "云溪区人民政府2024年法治政府建设情况报告"
    assert result.metadata["issuer"] == "云溪区人民政府" and result.metadata["year"] == 2024
    assert [s["key"] for s in result.sections] == ["measures", "problems", "duty", "plan"]
    rules = {f.rule for f in result.findings}
    assert "section-missing" not in rules and "title-format" not in rules
    assert "item-unquantified" not in rules  # 項/個/萬 count as measure words


def test_findings_quote_the_original_characters(national):
    text = TRADITIONAL.replace("執法規範化水平不高，主要是培訓不足。", "執法規範化水平不高。")
    result = check_text(text, national, "big5.txt")
    lines = text.split("\n")
    for finding in result.findings:
        if finding.excerpt:
            line = lines[finding.line - 1]
            assert line[finding.column - 1:].startswith(finding.excerpt.split("\n")[0][:10])


def test_the_table_of_convertible_characters_is_opencc_s():
    """checker/read/traditional_chars.py is generated from OpenCC (scripts/gen_traditional_chars.py):
    is_traditional must count exactly the characters the conversion changes."""
    from checker.read.chinese import changing_characters
    from checker.read.traditional_chars import CHARACTERS

    assert CHARACTERS == changing_characters(), "stale: run scripts/gen_traditional_chars.py"


def test_a_simplified_report_does_not_load_the_converter():
    import subprocess
    import sys

    code = ("import sys; from checker.read.chinese import is_traditional; "
            "assert not is_traditional('云溪区人民政府2024年法治政府建设情况报告。' * 50); "
            "print('opencc' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
