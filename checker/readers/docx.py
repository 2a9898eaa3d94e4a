"""Word/WPS .docx reader with zipfile + lxml only (no python-docx dependency).

Output is one line per body paragraph, in document order, as Word shows it:
* runs are joined; ``w:tab`` → tab; ``w:br``/``w:cr`` (text wrapping) start a new line
  (page and column breaks do not); deleted text (``w:del``/``w:delText``/``w:moveFrom``) is
  skipped, inserted text (``w:ins``) is kept; hyperlinks, smart tags, content controls
  (``w:sdt``) and custom XML are read through; field instructions are skipped, field results
  kept; text boxes, drawings and ruby annotations are not report text and are skipped;
* a table row becomes one line: cells joined by a tab, paragraphs in a cell by a space;
* automatic list numbering (``w:numPr``, direct or inherited from the paragraph style) is
  rendered and prefixed, because drafts number their 一、/（一）/1. headings this way and the
  parser must see those labels.  Counters follow Word: ``w:num`` instances that share an
  ``w:abstractNum`` continue one list unless the instance restarts it (``w:startOverride``);
  a shallower level resets the deeper ones.  The label's suffix is rendered as nothing for
  a ``tab``/``nothing`` suffix after CJK punctuation (一、 （一）), else as one space.

``origins[i].line`` is the 1-based ordinal of the ``w:p`` the line came from, counting body
and table-cell paragraphs in document.xml order (text-box paragraphs are not counted); a
table row points at its first paragraph.  Empty paragraphs are kept as empty lines so the
ordinal and the line number agree for simple documents.

Safety: parts are parsed without DTD loading, entity resolution or network access; a part
whose declared or actual uncompressed size exceeds the part limit (``--max-part-size``,
default ``MAX_PART_BYTES``) is refused while it is being decompressed (zip bombs), and so is an
archive with more entries than ``--max-zip-entries`` (checked before the directory is loaded).
"""
from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import BinaryIO

from lxml import etree

from checker.limits import (DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_PART_SIZE, DEFAULT_MAX_ZIP_ENTRIES, Limits, count_tags,
                            format_size, resolve)
from checker.source import InputError, Origin, Source
from checker.numerals import CN_DIGITS as _CN_DIGITS, chinese_counting

MAX_PART_BYTES = DEFAULT_MAX_PART_SIZE  # used when no Limits are given (tests may patch it)
MAX_ZIP_ENTRIES = DEFAULT_MAX_ZIP_ENTRIES

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
DC_NS = "http://purl.org/dc/elements/1.1/"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

_RESAVE_HINT = "请用 Word/WPS 打开后另存为 .docx 后重试"

# Subtrees of a paragraph that are never visible body text.
_SKIP_IN_PARAGRAPH = {
    "pPr", "rPr", "del", "delText", "moveFrom", "instrText", "delInstrText", "txbxContent",
    "drawing", "pict", "object", "rt", "fldData", "sectPr", "commentReference",
    "footnoteReference", "endnoteReference",
}
_CJK_LABEL_END = tuple("、，．。）)】〕」』：:")


def read_docx(data: bytes | str | BinaryIO, path: str, limits: Limits | None = None) -> Source:
    """Read a .docx given as bytes, a file path or an open binary file."""
    limits = resolve(limits)
    part_cap = limits.max_part_size if limits is not None else MAX_PART_BYTES
    entry_cap = limits.max_zip_entries if limits is not None else MAX_ZIP_ENTRIES
    element_cap = limits.max_elements if limits is not None else DEFAULT_MAX_ELEMENTS
    with _open_zip(data, path, entry_cap) as zf:
        parts = _Parts(zf, path, part_cap, element_cap)
        main = parts.main_document_name()
        document = parts.parse(main, required=True)
        warnings: list[tuple[int, str]] = []
        numbering = _load_numbering(parts, main, warnings)
        title = parts.core_title()
    root_ns = etree.QName(document).namespace or W_NS
    if etree.QName(document).localname != "document":
        raise InputError(path, f"不是有效的 .docx 文件：{main} 不是 Word 正文", _RESAVE_HINT)
    lines, origins = _BodyReader(root_ns, numbering).read(document)
    if not any(line.strip() for line in lines):
        warnings.append((1, "文档中没有读到任何正文文字（可能是空白文档、扫描图片或文本框排版）；"
                            "如有正文，请另存为 .docx 或纯文本后重试"))
    return Source(path=path, lines=lines, origins=origins, kind="docx", encoding="utf-8",
                  title_hint=title, warnings=warnings)


# --- the package ------------------------------------------------------------------------

def _open_zip(data: bytes | str | BinaryIO, path: str, max_entries: int = MAX_ZIP_ENTRIES) -> zipfile.ZipFile:
    """Open the zip container, explaining in Chinese what is wrong if it is not one."""
    handle = None
    try:
        if isinstance(data, bytes):
            handle = io.BytesIO(data)
        elif isinstance(data, str):
            handle = open(data, "rb")  # noqa: SIM115 - owned by the ZipFile from here on
        else:
            handle = data
        head = handle.read(8)
        handle.seek(0)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError(path, "文件是旧版 Word（.doc）格式或已加密（受密码保护），无法读取",
                             "请取消密码保护，或用 Word/WPS 另存为 .docx 后重试")
        if not head:
            raise InputError(path, "文件为空（0 字节），不是有效的 .docx 文件", "请确认文件已完整保存或下载")
        _check_entries(handle, path, max_entries)
        return zipfile.ZipFile(handle)
    except BaseException as exc:
        if isinstance(data, str) and handle is not None:
            handle.close()
        if isinstance(exc, InputError) or not isinstance(exc, Exception):
            raise
        if isinstance(exc, PermissionError):
            raise InputError(path, "无法读取文件：权限不足", "请检查文件权限") from None
        if isinstance(exc, FileNotFoundError):
            raise InputError(path, "文件不存在", "请检查路径是否正确") from None
        if isinstance(exc, (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError,
                            NotImplementedError, struct.error)):
            raise InputError(path, "不是有效的 .docx 文件（无法作为 zip 打开），文件可能已损坏、未下载完整或只是改了扩展名",
                             _RESAVE_HINT) from None
        raise


def _check_entries(handle: BinaryIO, path: str, max_entries: int) -> None:
    """Refuse an archive whose central directory lists too many entries, before zipfile loads
    every entry into memory (a few hundred bytes each)."""
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is None:  # private helper gone: zipfile still works, only this check is lost
        return
    record = end_record(handle)
    handle.seek(0)
    if not record:
        return  # zipfile raises BadZipFile with its own reason
    entries = record[getattr(zipfile, "_ECD_ENTRIES_TOTAL", 4)]
    if isinstance(entries, int) and entries > max_entries:
        raise InputError(path, f".docx 压缩包中有 {entries} 个条目，超过 {max_entries} 的上限（正常的 Word 文件只有几十个），拒绝读取",
                         "请确认文件来源可靠；确需检查时可用 --max-zip-entries 调高上限（见 docs/limits.md）")


def _xml_parser() -> etree.XMLParser:
    """No DTDs, no entity expansion, no network, no huge trees: a .docx must not reach out."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


class _Parts:
    """Access to the parts of an open package, tolerant of odd part-name spellings."""

    def __init__(self, zf: zipfile.ZipFile, path: str, max_part: int | None = None,
                 max_elements: int = DEFAULT_MAX_ELEMENTS) -> None:
        self.zf = zf
        self.path = path
        self.max_part = max_part if max_part is not None else MAX_PART_BYTES
        self.max_elements = max_elements
        self.names = {info.filename.replace("\\", "/").lstrip("/").lower(): info
                      for info in zf.infolist()}

    def read(self, name: str) -> bytes | None:
        """Bytes of a part (bounded), or None when the package has no such part."""
        info = self.names.get(name.lstrip("/").lower())
        if info is None:
            return None
        cap = self.max_part
        if info.file_size > cap:
            raise self._too_big(name, f"解压后声明为 {format_size(info.file_size)}")
        try:
            with self.zf.open(info) as fh:
                data = fh.read(cap + 1)  # zipfile decompresses incrementally: never more than cap + 1
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError,
                ValueError) as exc:
            raise InputError(self.path, f"docx 文件已损坏：无法解压 {name}（{exc}）", _RESAVE_HINT) from None
        if len(data) > cap:
            raise self._too_big(name, "实际解压后更大")
        return data

    def _too_big(self, name: str, what: str) -> InputError:
        return InputError(self.path, f".docx 中的部件 {name} 过大（{what}，上限 {format_size(self.max_part)}），"
                                     "可能是“压缩炸弹”，拒绝读取",
                          "请确认文件来源可靠；确需检查时可用 --max-part-size 调高上限（见 docs/limits.md）")

    def parse(self, name: str, required: bool = False) -> etree._Element | None:
        """Parse a part as XML; a missing required part or broken XML → InputError."""
        data = self.read(name)
        if data is None:
            if required:
                raise InputError(self.path, f"不是有效的 .docx 文件：缺少正文部件 {name}", _RESAVE_HINT)
            return None
        tags = count_tags(data)
        if tags > self.max_elements:
            raise InputError(self.path, f".docx 中的部件 {name} 含有约 {tags} 个 XML 元素，超过 {self.max_elements} 的上限，拒绝读取",
                             "请确认文件来源可靠，或拆分文档；确需检查时可用 --max-elements 调高上限")
        try:
            root = etree.fromstring(data, _xml_parser())
        except (etree.XMLSyntaxError, ValueError) as exc:
            if "amplification" in str(exc).lower():
                raise InputError(self.path, f"docx 文件结构异常：{name} 含有层层展开的实体定义（“billion laughs”攻击），拒绝读取",
                                 "请确认文件来源可靠；可用 Word/WPS 打开后另存为 .docx") from None
            if "depth" in str(exc).lower() or "huge" in str(exc).lower():
                raise InputError(self.path, f"docx 文件结构异常：{name} 嵌套过深（超过 256 层）或单段文字过长（超过 10 MB）",
                                 _RESAVE_HINT) from None
            raise InputError(self.path, f"docx 文件已损坏：{name} 不是有效的 XML（{exc}）", _RESAVE_HINT) from None
        if root is None:
            raise InputError(self.path, f"docx 文件已损坏：{name} 为空", _RESAVE_HINT)
        return root

    def relationships(self, source: str) -> dict[str, str]:
        """Relationship type suffix (…/officeDocument) → target part name for ``source``."""
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        try:
            root = self.parse(rels_name)
        except InputError:
            return {}
        found: dict[str, str] = {}
        if root is None:
            return found
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if not kind or not target or rel.get("TargetMode") == "External":
                continue
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.setdefault(kind, name)
        return found

    def main_document_name(self) -> str:
        target = self.relationships("").get("officeDocument")
        if target and target.lower() in self.names:
            return target
        return "word/document.xml"

    def core_title(self) -> str | None:
        """dc:title of docProps/core.xml when it says something; broken metadata is ignored."""
        try:
            root = self.parse("docProps/core.xml")
        except InputError:
            return None
        if root is None:
            return None
        title = root.find(f"{{{DC_NS}}}title")
        text = "".join(title.itertext()).strip() if title is not None else ""
        return text or None


def _load_numbering(parts: _Parts, main: str, warnings: list[tuple[int, str]]) -> _Numbering:
    """Numbering and style definitions; damage here costs labels, not the whole file."""
    rels = parts.relationships(main)
    folder = posixpath.dirname(main)
    roots = []
    for kind, default in (("numbering", "numbering.xml"), ("styles", "styles.xml")):
        try:
            roots.append(parts.parse(rels.get(kind) or posixpath.join(folder, default)))
        except InputError as exc:
            roots.append(None)
            warnings.append((1, f"{exc.problem}；自动编号（如“一、”“（一）”）可能缺失"))
    return _Numbering(roots[0], roots[1])


# --- automatic numbering ----------------------------------------------------------------

@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    legal: bool = False
    style: str | None = None


@dataclass
class _Instance:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


class _Numbering:
    """numbering.xml + styles.xml: which label a numbered paragraph gets, with live counters."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.abstract_links: dict[str, str] = {}  # abstractNum → numStyleLink style id
        self.instances: dict[str, _Instance] = {}
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self.style_based: dict[str, str] = {}
        self.default_style: str | None = None
        self.counters: dict[str, dict[int, int]] = {}
        if numbering is not None:
            self._load_numbering(numbering)
        if styles is not None:
            self._load_styles(styles)

    def _load_numbering(self, root: etree._Element) -> None:
        w = _ns(root)
        for absnum in root.iter(f"{{{w}}}abstractNum"):
            aid = absnum.get(f"{{{w}}}abstractNumId")
            if aid is None:
                continue
            self.abstracts[aid] = {int(l.get(f"{{{w}}}ilvl", "0") or 0): _read_level(l, w)
                                   for l in absnum.findall(f"{{{w}}}lvl") if _is_int(l.get(f"{{{w}}}ilvl", "0"))}
            link = _val(absnum.find(f"{{{w}}}numStyleLink"), w)
            if link:
                self.abstract_links[aid] = link
        for num in root.iter(f"{{{w}}}num"):
            nid = num.get(f"{{{w}}}numId")
            aid = _val(num.find(f"{{{w}}}abstractNumId"), w)
            if nid is None or aid is None:
                continue
            inst = _Instance(aid)
            for override in num.findall(f"{{{w}}}lvlOverride"):
                ilvl = override.get(f"{{{w}}}ilvl", "0")
                if not _is_int(ilvl):
                    continue
                start = _val(override.find(f"{{{w}}}startOverride"), w)
                if _is_int(start):
                    inst.starts[int(ilvl)] = int(start)
                lvl = override.find(f"{{{w}}}lvl")
                if lvl is not None:
                    inst.levels[int(ilvl)] = _read_level(lvl, w)
            self.instances[nid] = inst

    def _load_styles(self, root: etree._Element) -> None:
        w = _ns(root)
        for style in root.iter(f"{{{w}}}style"):
            sid = style.get(f"{{{w}}}styleId")
            if sid is None or style.get(f"{{{w}}}type", "paragraph") not in {"paragraph", "numbering"}:
                continue
            if style.get(f"{{{w}}}default") in {"1", "true", "on"} and style.get(f"{{{w}}}type") == "paragraph":
                self.default_style = sid
            based = _val(style.find(f"{{{w}}}basedOn"), w)
            if based:
                self.style_based[sid] = based
            numpr = style.find(f"{{{w}}}pPr/{{{w}}}numPr")
            if numpr is not None:
                self.style_numpr[sid] = _read_numpr(numpr, w)

    def _style_numpr(self, style: str | None) -> tuple[str | None, int | None]:
        """numPr of a style or the nearest style it is based on."""
        seen: set[str] = set()
        while style and style not in seen:
            seen.add(style)
            if style in self.style_numpr:
                return self.style_numpr[style]
            style = self.style_based.get(style)
        return None, None

    def _levels(self, instance: _Instance, depth: int = 0) -> dict[int, _Level]:
        levels = self.abstracts.get(instance.abstract, {})
        link = self.abstract_links.get(instance.abstract)
        if not levels and link and depth < 5:  # list defined through a numbering style
            nid, _ = self._style_numpr(link)
            linked = self.instances.get(nid or "")
            if linked is not None and linked is not instance:
                levels = self._levels(linked, depth + 1)
        return {**levels, **instance.levels}

    def label(self, ppr: etree._Element | None, w: str) -> str:
        """Advance the counters for this paragraph and return its rendered label ('' if none)."""
        style = _val(ppr.find(f"{{{w}}}pStyle"), w) if ppr is not None else None
        style = style or self.default_style
        direct = ppr.find(f"{{{w}}}numPr") if ppr is not None else None
        num_id, ilvl = _read_numpr(direct, w) if direct is not None else (None, None)
        style_num, style_lvl = self._style_numpr(style)
        num_id = num_id if num_id is not None else style_num
        instance = self.instances.get(num_id or "")
        if not num_id or num_id == "0" or instance is None:
            return ""
        levels = self._levels(instance)
        if ilvl is None:
            ilvl = style_lvl if style_lvl is not None else _level_for_style(levels, style)
        level = levels.get(ilvl)
        if level is None:
            return ""
        key = f"num:{num_id}" if instance.starts else f"abs:{instance.abstract}"
        counts = self.counters.setdefault(key, {})
        start = instance.starts.get(ilvl, level.start)
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        return _render(level, ilvl, counts, levels, instance)


def _read_level(lvl: etree._Element, w: str) -> _Level:
    start = _val(lvl.find(f"{{{w}}}start"), w)
    return _Level(
        fmt=_val(lvl.find(f"{{{w}}}numFmt"), w) or "decimal",
        text=_val(lvl.find(f"{{{w}}}lvlText"), w) or "",
        start=int(start) if _is_int(start) else 1,
        suffix=_val(lvl.find(f"{{{w}}}suff"), w) or "tab",
        legal=lvl.find(f"{{{w}}}isLgl") is not None,
        style=_val(lvl.find(f"{{{w}}}pStyle"), w),
    )


def _read_numpr(numpr: etree._Element, w: str) -> tuple[str | None, int | None]:
    num_id = _val(numpr.find(f"{{{w}}}numId"), w)
    ilvl = _val(numpr.find(f"{{{w}}}ilvl"), w)
    return num_id, int(ilvl) if _is_int(ilvl) else None


def _level_for_style(levels: dict[int, _Level], style: str | None) -> int:
    """A style-numbered paragraph without ilvl sits on the level that names its style."""
    for ilvl, level in levels.items():
        if style and level.style == style:
            return ilvl
    return 0


def _render(level: _Level, ilvl: int, counts: dict[int, int], levels: dict[int, _Level],
            instance: _Instance) -> str:
    """Fill lvlText's %1…%9 with the counters, each in its own level's number format."""
    if level.fmt == "bullet":
        return ""
    out = []
    text = level.text
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
            ref = int(text[i + 1]) - 1
            ref_level = levels.get(ref, _Level())
            value = counts.get(ref, instance.starts.get(ref, ref_level.start))
            out.append(format_number(value, "decimal" if level.legal else ref_level.fmt))
            i += 2
            continue
        out.append(ch)
        i += 1
    label = "".join(out)
    if not label:
        return ""
    if level.suffix == "nothing" or (level.suffix == "tab" and label.endswith(_CJK_LABEL_END)):
        return label
    return label + " "


_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def format_number(n: int, fmt: str) -> str:
    """Render a list counter in a WordprocessingML numFmt (unknown formats fall back to decimal)."""
    if fmt in {"bullet", "none"}:
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in {"decimalFullWidth", "decimalFullWidth2"}:
        return str(n).translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    if n <= 0:
        return str(n)
    if fmt in {"chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"}:
        return chinese_counting(n)
    if fmt in {"chineseLegalSimplified", "ideographLegalTraditional"}:
        return chinese_counting(n, _CN_LEGAL_DIGITS, "拾佰仟")
    if fmt in {"ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"}:
        return "".join("〇" if d == "0" else _CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and n <= len(_TIANGAN):
        return _TIANGAN[n - 1]
    if fmt == "ideographZodiac" and n <= len(_DIZHI):
        return _DIZHI[n - 1]
    if fmt in {"decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"}:
        return _enclosed_circle(n)
    if fmt == "decimalEnclosedFullstop" and n <= 20:
        return chr(0x2488 + n - 1)
    if fmt == "decimalEnclosedParen" and n <= 20:
        return chr(0x2474 + n - 1)
    if fmt in {"upperLetter", "lowerLetter"}:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in {"upperRoman", "lowerRoman"} and n < 4000:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def _enclosed_circle(n: int) -> str:
    if n <= 20:
        return chr(0x2460 + n - 1)
    if n <= 35:
        return chr(0x3251 + n - 21)
    if n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


# --- body text --------------------------------------------------------------------------

class _BodyReader:
    """Walks w:body in order, producing lines and their paragraph ordinals."""

    def __init__(self, w: str, numbering: _Numbering) -> None:
        self.w = w
        self.numbering = numbering
        self.paragraphs = 0
        self.lines: list[str] = []
        self.origins: list[Origin] = []
        self.skip = {f"{{{w}}}{name}" for name in _SKIP_IN_PARAGRAPH} | {f"{{{MC_NS}}}AlternateContent"}

    def read(self, document: etree._Element) -> tuple[list[str], list[Origin]]:
        body = document.find(f"{{{self.w}}}body")
        if body is not None:
            for kind, element in self._blocks(body):
                if kind == "p":
                    self._emit_paragraph(element)
                else:
                    self._emit_table(element)
        return self.lines, self.origins

    def _blocks(self, parent: etree._Element):  # noqa: ANN202 - generator of (kind, element)
        """Block-level p/tbl in order, looking through sdt, customXml and inserted blocks."""
        w = self.w
        stack = list(reversed(parent))
        while stack:
            el = stack.pop()
            if el.tag == f"{{{w}}}p":
                yield "p", el
            elif el.tag == f"{{{w}}}tbl":
                yield "tbl", el
            elif el.tag in {f"{{{w}}}sdt", f"{{{w}}}sdtContent", f"{{{w}}}customXml",
                            f"{{{w}}}ins", f"{{{w}}}moveTo", f"{{{w}}}smartTag"}:
                stack.extend(reversed(el))

    def _emit_paragraph(self, p: etree._Element) -> None:
        origin = Origin(self._next_paragraph(), 1)
        for line in self._paragraph_lines(p):
            self.lines.append(line)
            self.origins.append(origin)

    def _emit_table(self, tbl: etree._Element) -> None:
        for row in self._rows(tbl):
            first = self.paragraphs + 1
            cells = [self._cell_text(cell) for cell in self._cells(row)]
            self.lines.append("\t".join(cells))
            self.origins.append(Origin(first, 1))

    def _rows(self, tbl: etree._Element) -> list[etree._Element]:
        return [el for el in _through_wrappers(tbl, self.w) if el.tag == f"{{{self.w}}}tr"]

    def _cells(self, row: etree._Element) -> list[etree._Element]:
        return [el for el in _through_wrappers(row, self.w) if el.tag == f"{{{self.w}}}tc"]

    def _cell_text(self, cell: etree._Element) -> str:
        """Paragraphs (and nested tables) of a cell, joined by spaces."""
        pieces: list[str] = []
        for kind, element in self._blocks(cell):
            if kind == "p":
                self._next_paragraph()
                pieces.extend(self._paragraph_lines(element))
            else:
                for row in self._rows(element):
                    pieces.extend(self._cell_text(c) for c in self._cells(row))
        return " ".join(piece for piece in pieces if piece.strip())

    def _next_paragraph(self) -> int:
        self.paragraphs += 1
        return self.paragraphs

    def _paragraph_lines(self, p: etree._Element) -> list[str]:
        """Text of one paragraph split at line breaks, with its numbering label in front."""
        w = self.w
        label = self.numbering.label(p.find(f"{{{w}}}pPr"), w)
        segments: list[list[str]] = [[label]]
        stack = list(reversed(p))
        while stack:
            el = stack.pop()
            tag = el.tag
            if not isinstance(tag, str) or tag in self.skip:
                continue
            if tag == f"{{{w}}}t":
                segments[-1].append(_own_text(el))
            elif tag in {f"{{{w}}}tab", f"{{{w}}}ptab"}:
                segments[-1].append("\t")
            elif tag == f"{{{w}}}br":
                if el.get(f"{{{w}}}type", "textWrapping") == "textWrapping":
                    segments.append([])
            elif tag == f"{{{w}}}cr":
                segments.append([])
            elif tag == f"{{{w}}}noBreakHyphen":
                segments[-1].append("-")
            else:
                stack.extend(reversed(el))
        return ["".join(seg) for seg in segments]


def _through_wrappers(parent: etree._Element, w: str) -> list[etree._Element]:
    """Children of a table or row, looking through content controls and custom XML."""
    out = []
    stack = list(reversed(parent))
    while stack:
        el = stack.pop()
        if el.tag in {f"{{{w}}}sdt", f"{{{w}}}sdtContent", f"{{{w}}}customXml"}:
            stack.extend(reversed(el))
        else:
            out.append(el)
    return out


def _own_text(el: etree._Element) -> str:
    """Text of a w:t without unresolved entity references (their text would be '&x;')."""
    text = (el.text or "") + "".join(child.tail or "" for child in el)
    return text.replace("\r", " ").replace("\n", " ") if "\n" in text or "\r" in text else text


def _ns(root: etree._Element) -> str:
    ns = etree.QName(root).namespace
    return ns if ns in {W_NS, W_STRICT_NS} else W_NS


def _val(el: etree._Element | None, w: str) -> str | None:
    return el.get(f"{{{w}}}val") if el is not None else None


def _is_int(text: str | None) -> bool:
    return text is not None and text.strip().lstrip("-").isdigit()
