"""A zip package (``.docx`` or OFD): opened under the input limits, parts read and parsed
safely.

Parts are parsed without DTD loading, entity resolution or network access; a part whose
declared or actual uncompressed size exceeds the part limit (``--max-part-size``) is refused
while it is being decompressed (zip bombs), and so is an archive with more entries than
``--max-zip-entries`` (checked before the directory is loaded).
"""
from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib

from lxml import etree

from .limits import DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_PART_SIZE, DEFAULT_MAX_ZIP_ENTRIES, count_tags, format_size
from .source import InputError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import BinaryIO


DC_NS = "http://purl.org/dc/elements/1.1/"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RESAVE_HINT = "请用 Word/WPS 打开后另存为 .docx 后重试"


OFD_RESAVE_HINT = "请用 OFD 阅读器打开后重新保存或导出为 PDF 后重试"


def open_zip(data: bytes | str | BinaryIO, path: str, max_entries: int = DEFAULT_MAX_ZIP_ENTRIES,
             label: str = ".docx") -> zipfile.ZipFile:
    """Open the zip container, explaining in Chinese what is wrong if it is not one
    (``label`` names the format in the messages: ".docx" or "OFD")."""
    hint = RESAVE_HINT if label == ".docx" else OFD_RESAVE_HINT
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
            raise InputError(path, f"文件为空（0 字节），不是有效的 {label} 文件", "请确认文件已完整保存或下载")
        check_entries(handle, path, max_entries, label)
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
            raise InputError(path, f"不是有效的 {label} 文件（无法作为 zip 打开），文件可能已损坏、未下载完整或只是改了扩展名",
                             hint) from None
        raise


def check_entries(handle: BinaryIO, path: str, max_entries: int, label: str = ".docx") -> None:
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
        usual = "正常的 Word 文件只有几十个" if label == ".docx" else "正常的文件只有几十到几百个"
        raise InputError(path, f"{label} 压缩包中有 {entries} 个条目，超过 {max_entries} 的上限（{usual}），拒绝读取",
                         "请确认文件来源可靠；确需检查时可用 --max-zip-entries 调高上限（见 docs/limits.md）")


def xml_parser() -> etree.XMLParser:
    """No DTDs, no entity expansion, no network, no huge trees: a .docx must not reach out."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


class Parts:
    """Access to the parts of an open package, tolerant of odd part-name spellings."""

    def __init__(self, zf: zipfile.ZipFile, path: str, max_part: int | None = None,
                 max_elements: int = DEFAULT_MAX_ELEMENTS, label: str = ".docx") -> None:
        self.label = label
        self.hint = RESAVE_HINT if label == ".docx" else OFD_RESAVE_HINT
        self.zf = zf
        self.path = path
        self.max_part = max_part if max_part is not None else DEFAULT_MAX_PART_SIZE
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
            raise InputError(self.path, f"{self.label.lstrip('.')} 文件已损坏：无法解压 {name}（{exc}）", self.hint) from None
        if len(data) > cap:
            raise self._too_big(name, "实际解压后更大")
        return data

    def _too_big(self, name: str, what: str) -> InputError:
        return InputError(self.path, f"{self.label} 中的部件 {name} 过大（{what}，上限 {format_size(self.max_part)}），"
                                     "可能是“压缩炸弹”，拒绝读取",
                          "请确认文件来源可靠；确需检查时可用 --max-part-size 调高上限（见 docs/limits.md）")

    def parse(self, name: str, required: bool = False) -> etree._Element | None:
        """Parse a part as XML; a missing required part or broken XML → InputError."""
        data = self.read(name)
        if data is None:
            if required:
                raise InputError(self.path, f"不是有效的 {self.label} 文件：缺少正文部件 {name}", self.hint)
            return None
        tags = count_tags(data)
        if tags > self.max_elements:
            raise InputError(self.path, f"{self.label} 中的部件 {name} 含有约 {tags} 个 XML 元素，超过 {self.max_elements} 的上限，拒绝读取",
                             "请确认文件来源可靠，或拆分文档；确需检查时可用 --max-elements 调高上限")
        try:
            root = etree.fromstring(data, xml_parser())
        except (etree.XMLSyntaxError, ValueError) as exc:
            if "amplification" in str(exc).lower():
                raise InputError(self.path, f"{self.label.lstrip('.')} 文件结构异常：{name} 含有层层展开的实体定义（“billion laughs”攻击），拒绝读取",
                                 "请确认文件来源可靠；可用 Word/WPS 打开后另存为 .docx" if self.label == ".docx"
                                 else "请确认文件来源可靠；" + self.hint.removeprefix("请")) from None
            if "depth" in str(exc).lower() or "huge" in str(exc).lower():
                raise InputError(self.path, f"{self.label.lstrip('.')} 文件结构异常：{name} 嵌套过深（超过 256 层）或单段文字过长（超过 10 MB）",
                                 self.hint) from None
            raise InputError(self.path, f"{self.label.lstrip('.')} 文件已损坏：{name} 不是有效的 XML（{exc}）", self.hint) from None
        if root is None:
            raise InputError(self.path, f"{self.label.lstrip('.')} 文件已损坏：{name} 为空", self.hint)
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
