"""DOCX reader: paragraphs, runs, tables, automatic numbering, revisions, broken and hostile files."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from checker.read import docx as docx_reader  # noqa: E402
from checker.read.dispatch import read_bytes, read_path  # noqa: E402
from checker.read.docx import chinese_counting, format_number, read_docx  # noqa: E402
from checker.read.source import InputError, Origin  # noqa: E402
from tests.docbuild import W_NS, docx_from_body, make_docx, numbering_xml, paragraph_xml  # noqa: E402

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if SHARED.is_dir() else []
REPO = Path(__file__).resolve().parents[2]


def read(data: bytes) -> list[str]:
    return read_docx(data, "r.docx").lines


def p(inner: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{inner}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


# --- text ------------------------------------------------------------------------------

def test_paragraphs_in_order_and_runs_joined() -> None:
    lines = ["某区2024年法治政府建设情况报告", "2024年，区政府坚持依法行政，全面推进法治政府建设，取得明显成效。", "", "结束"]
    source = read_docx(make_docx(lines), "r.docx")
    assert source.lines == lines
    assert source.kind == "docx" and not source.expects_date
    assert source.origins == [Origin(i, 1) for i in range(1, 5)]


def test_core_title_is_title_hint_only_when_set() -> None:
    assert read_docx(make_docx(["正文"], title="某区2024年法治政府建设情况报告"), "r.docx").title_hint \
        == "某区2024年法治政府建设情况报告"
    assert read_docx(make_docx(["正文"]), "r.docx").title_hint is None
    assert read_docx(make_docx(["正文"], title="  "), "r.docx").title_hint is None


def test_tables_become_tab_joined_rows() -> None:
    data = make_docx(["前文", "后文"], tables={1: [["项目", "数量"], ["行政复议", "12件"]]})
    source = read_docx(data, "r.docx")
    assert source.lines == ["前文", "项目\t数量", "行政复议\t12件", "后文"]
    assert [o.line for o in source.origins] == [1, 2, 4, 6]  # paragraph ordinals


def test_cell_with_several_paragraphs_and_nested_table() -> None:
    nested = "<w:tbl><w:tr><w:tc>" + p(r("内层")) + "</w:tc></w:tr></w:tbl>"
    body = "<w:tbl><w:tr><w:tc>" + p(r("第一段")) + p(r("第二段")) + "</w:tc><w:tc>" + nested + "</w:tc></w:tr></w:tbl>"
    assert read(docx_from_body(body)) == ["第一段 第二段\t内层"]


def test_tabs_breaks_revisions_fields_and_wrappers() -> None:
    body = (
        p(r("甲") + "<w:r><w:tab/></w:r>" + r("乙") + "<w:r><w:br/></w:r>" + r("丙") + "<w:r><w:cr/></w:r>" + r("丁"))
        + p(r("保留") + '<w:del w:id="1" w:author="a"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>'
            + '<w:ins w:id="2" w:author="a">' + r("插入的文字") + "</w:ins>")
        + p('<w:r><w:br w:type="page"/></w:r>' + r("分页后的标题"))
        + p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        + p('<w:hyperlink r:id="rId9">' + r("链接文字") + "</w:hyperlink>"
            + '<w:smartTag w:uri="u" w:element="e">' + r("智能标记") + "</w:smartTag>"
            + "<w:sdt><w:sdtPr/><w:sdtContent>" + r("内容控件") + "</w:sdtContent></w:sdt>")
        + "<w:sdt><w:sdtPr/><w:sdtContent>" + p(r("块级内容控件")) + "</w:sdtContent></w:sdt>"
        + p('<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>' + r("制表位不是文字"))
        + p('<w:r><w:rPr><w:b/></w:rPr><w:t>粗</w:t></w:r>'
            '<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>')
    )
    assert read(docx_from_body(body)) == [
        "甲\t乙", "丙", "丁", "保留插入的文字", "分页后的标题", "3", "链接文字智能标记内容控件",
        "块级内容控件", "制表位不是文字", "粗",
    ]


# --- automatic numbering ---------------------------------------------------------------

def test_auto_numbering_levels_and_resets() -> None:
    lines = ["标题", "主要举措和成效", "加强党的领导", "细项", "细项", "严格执法", "存在的不足", "加强队伍", "普通段落"]
    numbered = {1: 0, 2: 1, 3: 2, 4: 2, 5: 1, 6: 0, 7: 1}
    assert read(make_docx(lines, numbered=numbered)) == [
        "标题", "一、主要举措和成效", "（一）加强党的领导", "1.细项", "2.细项", "（二）严格执法",
        "二、存在的不足", "（一）加强队伍", "普通段落",
    ]


def test_numbering_inherited_from_style() -> None:
    lines = ["主要举措和成效", "正文", "存在的不足", "正文"]
    assert read(make_docx(lines, numbered={0: 0, 2: 0}, numbered_via_style=True)) == [
        "一、主要举措和成效", "正文", "二、存在的不足", "正文"]


def test_numbering_ten_and_beyond() -> None:
    lines = [f"第{i}项" for i in range(1, 13)]
    got = read(make_docx(lines, numbered={i: 0 for i in range(12)}))
    assert got[9] == "十、第10项" and got[10] == "十一、第11项"


def test_num_id_zero_bullets_and_start_override() -> None:
    numbering = numbering_xml((("bullet", "\uf06c"), ("decimal", "%2.")))
    numbering = numbering.replace(
        "</w:numbering>",
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>')
    body = (paragraph_xml("项目符号", level=0) + paragraph_xml("甲", level=1) + paragraph_xml("乙", level=1)
            + paragraph_xml("取消编号", level=1, num_id=0) + paragraph_xml("重新开始", level=1, num_id=2)
            + paragraph_xml("未定义", level=1, num_id=7))
    assert read(docx_from_body(body, numbering_xml=numbering)) == [
        "项目符号", "1.甲", "2.乙", "取消编号", "5.重新开始", "未定义"]


def test_default_tab_suffix_renders_as_space_after_latin_labels() -> None:
    numbering = numbering_xml((("decimal", "%1."),)).replace('<w:suff w:val="nothing"/>', "")
    assert read(docx_from_body(paragraph_xml("条目", level=0), numbering_xml=numbering)) == ["1. 条目"]
    numbering = numbering_xml((("chineseCounting", "%1、"),)).replace('<w:suff w:val="nothing"/>', "")
    assert read(docx_from_body(paragraph_xml("条目", level=0), numbering_xml=numbering)) == ["一、条目"]


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
     (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1005, "一千零五")],
)
def test_chinese_counting(n: int, expected: str) -> None:
    assert chinese_counting(n) == expected


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [(3, "decimal", "3"), (3, "chineseCountingThousand", "三"), (3, "ideographTraditional", "丙"),
     (1, "decimalEnclosedCircle", "①"), (20, "decimalEnclosedCircleChinese", "⑳"),
     (21, "decimalEnclosedCircle", "㉑"), (2, "upperLetter", "B"), (28, "lowerLetter", "bb"),
     (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (1, "bullet", ""), (7, "decimalZero", "07"),
     (12, "decimalFullWidth", "１２"), (3, "chineseLegalSimplified", "叁"), (5, "madeUpFormat", "5")],
)
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


# --- broken and hostile input ----------------------------------------------------------

def test_not_a_zip() -> None:
    with pytest.raises(InputError) as info:
        read_docx("这不是 Word 文件".encode(), "r.docx")
    assert "不是有效的 .docx 文件" in info.value.problem
    assert "另存为 .docx" in info.value.hint


def test_old_doc_or_encrypted_file() -> None:
    with pytest.raises(InputError, match="旧版 Word"):
        read_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "r.docx")


def test_missing_document_xml() -> None:
    data = docx_from_body(p(r("正文")), omit=("word/document.xml",))
    with pytest.raises(InputError, match="word/document.xml"):
        read_docx(data, "r.docx")


def test_corrupt_document_xml() -> None:
    data = docx_from_body("", document_xml="<w:document><w:body><w:p>")
    with pytest.raises(InputError, match="不是有效的 XML"):
        read_docx(data, "r.docx")


def test_corrupt_numbering_costs_labels_not_the_file() -> None:
    data = docx_from_body(paragraph_xml("举措", level=0), numbering_xml="<w:numbering")
    source = read_docx(data, "r.docx")
    assert source.lines == ["举措"]
    assert source.warnings and "numbering.xml" in source.warnings[0][1]


def test_truncated_zip_is_input_error() -> None:
    data = make_docx(["正文"] * 50)
    with pytest.raises(InputError):
        read_bytes(data[: len(data) // 2], "r.docx")


def test_oversized_part_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_PART_BYTES", 1000)
    with pytest.raises(InputError, match="过大"):
        read_docx(make_docx(["法治政府建设" * 100]), "r.docx")


def test_external_entity_is_not_resolved() -> None:
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">'
        '<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body>'
        '<w:p><w:r><w:t>前&x;后</w:t></w:r></w:p><w:p><w:r><w:t>&b;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    source = read_docx(docx_from_body("", document_xml=document), "r.docx")
    text = "\n".join(source.lines)
    assert "root:" not in text and "/bin/" not in text
    assert source.lines[0] == "前后"
    assert "AAAAAAAAAA" not in text


def test_zip_with_backslash_names_and_relationship_target() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/officeDocument" Target="/word/main.xml"/></Relationships>')
        zf.writestr("word\\main.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{p(r("正文"))}</w:body></w:document>')
    assert read(buffer.getvalue()) == ["正文"]


def test_read_path_docx_and_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "报告.DOCX"
    data = make_docx(["标题", "正文"])
    path.write_bytes(data)
    assert read_path(str(path)).lines == ["标题", "正文"]
    assert read_bytes(data, "-").kind == "docx"  # sniffed from the zip magic
    assert path.read_bytes() == data


# --- real text -------------------------------------------------------------------------

@pytest.mark.skipif(not SEEDS, reason="shared seeds not available")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_real_seeds_survive_a_round_trip(seed: Path) -> None:
    raw = seed.read_text(encoding="utf-8").splitlines()
    source = read_docx(make_docx(raw), seed.name + ".docx")
    assert [line.strip() for line in source.lines if line.strip()] == [line.strip() for line in raw if line.strip()]


def test_sample_docx_matches_its_text() -> None:
    docx_path, txt_path = REPO / "samples" / "clean-2024.docx", REPO / "samples" / "clean-2024.txt"
    if not (docx_path.is_file() and txt_path.is_file()):
        pytest.skip("samples not generated yet (scripts/make_samples.py)")
    expected = [line.strip() for line in txt_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert read_path(str(docx_path)).lines == expected
