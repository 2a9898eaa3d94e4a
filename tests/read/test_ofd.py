"""OFD reader: the eight real files from the ofdrw test suite, report-shaped files from our
writer (tests/ofdbuild.py), and hostile packages (zip bomb, too many entries, entity bomb)."""
from __future__ import annotations

import io
import zipfile

import pytest

from checker.read.dispatch import read_bytes, read_path
from checker.read.limits import Limits
from checker.read.source import InputError

from tests.conftest import SAMPLES, SHARED
from tests.ofdbuild import make_ofd

REAL = SHARED / "formats" / "ofd"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/formats/ofd is absent (outside clone)")
REAL_FILES = sorted(REAL.glob("*.ofd")) if REAL.is_dir() else []
HELLO = "你好呀，OFD Reader&Writer！"


@needs_real
def test_there_are_eight_real_files():
    assert len(REAL_FILES) == 8


@needs_real
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_every_real_file_reads(path):
    source = read_path(str(path))
    assert source.kind == "ofd"
    assert len(source.origins) == len(source.lines)


@needs_real
@pytest.mark.parametrize("name", ["ofdrw-reader_helloworld.ofd", "ofdrw-reader_chineseDir.ofd"])
def test_helloworld(name):
    assert read_path(str(REAL / name)).lines == [HELLO]


@needs_real
def test_text_split_over_runs_is_joined_and_pages_come_in_order():
    source = read_path(str(REAL / "ofdrw-reader_keyword2.ofd"))
    assert source.lines == [HELLO, "重庆市马上融资担保有限公司"] * 2
    assert [o.page for o in source.origins] == [1, 1, 2, 2]


@needs_real
def test_invoice_on_a_template_page():
    text = "\n".join(read_path(str(REAL / "ofdrw-converter_999.ofd")).lines)
    for expected in ("电子普通发票", "发票号码：12235358", "开票日期：2020年08月05日"):
        assert expected in text


@needs_real
@pytest.mark.parametrize("name", ["ofdrw-layout_Page5.ofd", "ofdrw-sign_VPage7.ofd"])
def test_pages_without_text_give_a_warning(name):
    source = read_path(str(REAL / name))
    assert source.lines == [] and "没有读到任何文字" in source.warnings[0][1]


def test_report_reads_back_with_pages_and_without_page_numbers():
    text = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
    source = read_bytes(make_ofd(text.split("\n")), "-")  # sniffed: a zip with OFD.xml
    assert source.kind == "ofd"
    assert source.lines == [line for line in text.split("\n") if line.strip()]
    assert not any(line.startswith("—") for line in source.lines)
    assert source.origins[0].page == 1 and source.origins[-1].page > 2


def test_ofd_by_suffix_and_a_broken_one(tmp_path):
    lines = ["云溪区人民政府2024年法治政府建设情况报告", "一、主要举措和成效"]
    path = tmp_path / "report.ofd"
    path.write_bytes(make_ofd(lines))
    assert read_path(str(path)).lines == lines
    wrong = tmp_path / "not.ofd"
    wrong.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(InputError, match="OFD"):
        read_path(str(wrong))


def _package(files: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _parts(lines: list[str]) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(make_ofd(lines))) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_zip_bomb_is_refused_while_inflating(tmp_path):
    parts = _parts(["报告"])
    page = parts["Doc_0/Pages/Page_0/Content.xml"]
    parts["Doc_0/Pages/Page_0/Content.xml"] = page.replace(b"<ofd:Content>", b"<ofd:Content>" + b" " * (8 << 20))
    path = tmp_path / "bomb.ofd"
    path.write_bytes(_package(parts))
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError, match="压缩炸弹"):
        read_path(str(path), Limits(max_part_size=1 << 20))


def test_too_many_entries(tmp_path):
    parts = _parts(["报告"])
    parts.update({f"Doc_0/Res/pad_{i}.xml": b"<x/>" for i in range(60)})
    path = tmp_path / "many.ofd"
    path.write_bytes(_package(parts))
    with pytest.raises(InputError, match="条目"):
        read_path(str(path), Limits(max_zip_entries=50))


def test_entity_bomb_and_external_entities_are_not_expanded(tmp_path):
    parts = _parts(["报告"])
    bomb = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(b'<!ENTITY %s "%s">' % (chr(98 + i).encode(), (b"&" + chr(97 + i).encode() + b";") * 10)
                       for i in range(8))
            + b']><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>'
              b'<ofd:TextObject Boundary="0 0 100 10" Size="4"><ofd:TextCode X="0" Y="4">&i;</ofd:TextCode>'
              b"</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>")
    parts["Doc_0/Pages/Page_0/Content.xml"] = bomb
    path = tmp_path / "laughs.ofd"
    path.write_bytes(_package(parts))
    try:
        source = read_path(str(path))
    except InputError:
        return  # refused: fine
    assert all(len(line) < 1000 for line in source.lines)  # read: the entity was not expanded


def test_page_limit():
    lines = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8").split("\n")
    with pytest.raises(InputError, match="超过 2 页的上限"):
        read_bytes(make_ofd(lines), "r.ofd", limits=Limits(max_pages=2))


def test_element_limit():
    lines = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8").split("\n")
    with pytest.raises(InputError, match="XML 元素"):
        read_bytes(make_ofd(lines), "r.ofd", limits=Limits(max_elements=100))
