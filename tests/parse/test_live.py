"""Real report openings with hand labels (../shared/live/labels.yaml): what fzcheck reads
from each must agree with a careful reader on the share the issue sets (issue 14).  The
same comparison prints a per-field table: scripts/live_table.py (docs/precision.md, the section on metadata)."""
from __future__ import annotations

import pytest

from tests.conftest import SHARED
from tests.livekit import _flat, compare, load_labels, same_issuer

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
    assert same_issuer("天津市人力资源和社会保障局", "天津市人社局")  # the rule set's standard short form
    assert not same_issuer("天津市人力资源和社会保障局", "天津市民政局")
    # a joint name, body by body: a city left out of each is allowed, another body is not
    assert same_issuer("中共江澜市云溪区委员会 江澜市云溪区人民政府", "中共云溪区委 云溪区人民政府")
    assert not same_issuer("中共云溪区委员会 云溪区人民政府", "中共云溪区委 云溪区司法局")
    assert same_issuer("中共云中县委员会 云中县人民政府", "中共云中县县委 云中县人民政府")  # 县委 as a title prints it
    assert same_issuer("云中县语委办(编译局)", "云中县语委办")  # its other name in brackets
    assert not same_issuer("云中县语委办(编译局)", "云中县编译局")
    assert same_issuer("徐家镇", "徐家镇人民政府") and same_issuer("长河路街道", "长河路街道办事处")  # a town by its name
    assert not same_issuer("徐家镇", "徐家镇司法所")
    assert same_issuer("石门街", "石门街道办事处") and same_issuer("云溪高新区管委会", "云溪高新技术产业开发区管理委员会")
    assert same_issuer("江澜市云溪区", "云溪区人民政府") and not same_issuer("云溪区", "云溪区司法局")
    assert same_issuer("江澜市农业农村局", "山东江澜市农业农村局")  # a province's name without 省 before its city
    assert not same_issuer("江澜市农业农村局", "山东江澜市林业局")


def test_a_label_that_needs_the_address_leaves_the_text_only_row(tmp_path, national):
    body = ("2024年，我局坚持依法行政，全面推进法治政府建设。\n一、2024年主要举措和成效\n全年审核文件37件。\n"
            "二、存在的不足和原因\n培训不足。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n局长主持会议4次。\n"
            "四、2025年工作安排\n出台执法监督办法。\n")
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(body.replace("我局", "云中县司法局"), encoding="utf-8")
    labels = {"a.txt": {"issuer": "云中县司法局", "issuer_from_url": True, "year": 2024, "first_part": "measures"},
              "b.txt": {"issuer": "云中县司法局", "year": 2024, "first_part": "measures"}}
    rows, misses = compare(tmp_path, labels, national)
    assert rows["issuer"] == (1, 2)  # a.txt counts, and is missed: the text says only 我局
    assert rows["issuer, text names it"] == (1, 1)  # a.txt left out
    assert ("a.txt", "issuer", "云中县司法局", None) in misses


def test_the_first_part_is_not_a_paragraph_embedded_on_its_line(tmp_path, national):
    """Run-in text (one line): a duty paragraph inside the first part shares the part's line."""
    text = ("2024年，云中县司法局坚持依法行政，全面推进法治政府建设。现将有关情况报告如下：一、主要举措和成效"
            "（一）完善依法行政制度体系。全年审核规范性文件37件。（二）推动法治建设第一责任人职责切实履行。"
            "局主要负责人切实履行推进法治建设第一责任人职责，主持召开党组会议研究法治议题4次，带头讲法治课1次。"
            "二、存在的不足和原因 执法规范化水平不高，主要是培训不足。三、2025年工作安排 6月底前出台行政执法监督办法。")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    rows, misses = compare(tmp_path, {"a.txt": {"issuer": "云中县司法局", "year": 2024, "first_part": "measures"}},
                           national)
    assert rows["first_part"] == (1, 1), misses


def test_a_duty_sentence_in_the_opening_is_not_the_first_part(tmp_path, national):
    text = ("2024年，云中县人民政府坚持依法行政，县政府主要负责同志认真履行推进法治建设第一责任人职责，"
            "全面推进法治政府建设。\n一、强化组织领导，健全依法行政制度体系\n全年审核规范性文件37件。\n"
            "二、存在的不足和原因\n培训不足。\n三、2025年工作安排\n出台执法监督办法。\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    rows, misses = compare(tmp_path, {"a.txt": {"issuer": "云中县人民政府", "year": 2024, "first_part": "measures"}},
                           national)
    assert rows["first_part"] == (1, 1), misses


def test_a_standard_short_form_is_the_same_body():
    assert same_issuer("杭州市科学技术局", "杭州市科技局")
    assert same_issuer("杭州市文化和旅游局", "杭州市文旅局")  # session 16
    assert same_issuer("杭州市教育委员会", "杭州市教委")
    assert not same_issuer("杭州市科学技术局", "杭州市科协")


def test_a_titles_inserted_pinyin_and_traditional_characters_do_not_count():
    """A label may keep a learners' copy's title as printed (關(guān)于); fzcheck gives it without the
    pinyin and, for a traditional page, in simplified characters (session 16)."""
    assert _flat("云溪市人民政府關(guān)于2022年度法治政府建設情況的報告") == _flat("云溪市人民政府关于2022年度法治政府建设情况的报告")
