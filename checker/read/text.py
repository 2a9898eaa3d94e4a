"""Plain-text and Markdown reader: detect the encoding, split lines, keep positions 1:1.

Chinese government drafts arrive as UTF-8, UTF-8 with BOM (Windows Notepad), GBK/GB18030
(older Windows tools) or UTF-16 (some export tools).  We try the strict decoders in a fixed
order and only fall back to replacement characters as a last resort, with a warning that
names the first damaged line so the author can fix the file.
"""
from __future__ import annotations

from checker.read.lazy_pattern import lazy
from checker.read.record import record

from .source import InputError, Origin, Source
from .suppress import text_markers

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # (bom, codec that strips it, name we report); UTF-32 LE must be tested before UTF-16 LE.
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
)

_LINE_BREAK = lazy(r"\r\n|\r|\n")

BAD_BYTES_MESSAGE = "第{line}行含有无法解码的字节，已替换为�；请确认文件编码（建议另存为 UTF-8）"
EMPTY_MESSAGE = "文件为空，没有任何文字；请确认选择了正确的文件，或文件已完整保存"
BLANK_MESSAGE = "文件中只有空白，没有任何文字；请确认选择了正确的文件"

# Magic numbers of files that are often given a wrong extension (a photo of a page saved as
# .txt, a Word file renamed .txt, a PDF attachment …): what it is and what to do instead.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"PK\x03\x04", "这是一个 zip 压缩包（可能是 .docx 文件被改了扩展名）", "如果是 Word 文件，请把扩展名改为 .docx"),
    (b"\xd0\xcf\x11\xe0", "这是旧版 Word（.doc）或其他 OLE 格式文件", "请用 Word/WPS 另存为 .docx 后重试"),
    (b"%PDF", "这是 PDF 文件", "请提供 Word（.docx）、网页或纯文本格式"),
    (b"\x89PNG", "这是 PNG 图片", "请提供报告的文字版（.docx、网页或纯文本）"),
    (b"\xff\xd8\xff", "这是 JPEG 图片", "请提供报告的文字版（.docx、网页或纯文本）"),
    (b"GIF8", "这是 GIF 图片", "请提供报告的文字版（.docx、网页或纯文本）"),
    (b"II*\x00", "这是 TIFF 图片", "请提供报告的文字版（.docx、网页或纯文本）"),
    (b"MM\x00*", "这是 TIFF 图片", "请提供报告的文字版（.docx、网页或纯文本）"),
    (b"\x1f\x8b", "这是 gzip 压缩文件", "请解压后再检查"),
    (b"Rar!", "这是 RAR 压缩文件", "请解压后再检查"),
    (b"7z\xbc\xaf", "这是 7z 压缩文件", "请解压后再检查"),
    (b"\x7fELF", "这是一个程序文件，不是文本", "请确认选择了正确的文件"),
    (b"{\\rtf", "这是 RTF 文件", "请用 Word/WPS 另存为 .docx 后重试"),
)
_BINARY_HINT = "请确认选择了正确的文件；报告请提供 Word（.docx）、网页或纯文本格式"
_CONTROL = lazy("[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]")


@record
class Decoded:
    """Result of decoding: the text, the codec used, and the first damaged line if any."""

    text: str
    encoding: str
    bad_line: int | None = None  # 1-based line (by CR/LF/CRLF) of the first replaced byte


def read_text(data: bytes, path: str, kind: str = "text") -> Source:
    """Read a .txt/.md file: lines map one-to-one onto the file's lines."""
    for magic, what, hint in _MAGIC:  # a picture or archive is refused before any decoding
        if data.startswith(magic):
            raise InputError(path, f"{what}，不是文本文件，无法检查", hint)
    decoded = decode_bytes(data)
    check_not_binary(data, path, decoded)
    text = decoded.text
    check_no_nul(text, path)
    lines, regions = text_markers(split_lines(text))
    warnings: list[tuple[int, str]] = []
    if decoded.bad_line is not None:
        warnings.append((decoded.bad_line, BAD_BYTES_MESSAGE.format(line=decoded.bad_line)))
    if not data:
        warnings.append((1, EMPTY_MESSAGE))
    elif not text.strip():
        warnings.append((1, BLANK_MESSAGE))
    return Source(
        path=path,
        lines=lines,
        origins=[Origin(i, 1) for i in range(1, len(lines) + 1)],
        kind="markdown" if kind == "markdown" else "text",
        encoding=decoded.encoding,
        warnings=warnings,
        suppressions=regions,
    )


def check_not_binary(data: bytes, path: str, decoded: Decoded | None = None) -> None:
    """Refuse pictures, archives, PDFs and other binary files given a text extension.
    ``decoded``: the whole file already decoded, which is the sample when the file is shorter
    than one (the file is then decoded once, not twice)."""
    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"{what}，不是文本文件，无法检查", hint)
    sample = data[:65536]
    if not sample or any(sample.startswith(bom) for bom, _, _ in _BOMS):
        return
    if b"\x00" in sample and sniff_utf16(sample):
        return
    if decoded is not None and len(data) < 65536:
        text = decoded.text  # the sample is the whole file
    else:
        text = decode_bytes(sample[:-4] if len(sample) == 65536 else sample).text  # a cut character is not damage
    junk = len(_CONTROL.findall(text))
    if junk > max(8, len(text) // 10):
        raise InputError(path, "文件看起来是二进制文件（如图片、压缩包或程序），不是文本，无法检查", _BINARY_HINT)


def check_no_nul(text: str, path: str, what: str = "文本") -> None:
    """NUL characters mean a binary or damaged file (UTF-16 was already decoded): refuse it,
    naming the first line that has one."""
    index = text.find("\x00")
    if index >= 0:
        line = len(_LINE_BREAK.findall(text, 0, index)) + 1
        raise InputError(path, f"文件第{line}行含有 NUL 字节，可能是二进制文件或已损坏，而非{what}",
                         "请确认选择了正确的文件，或另存为 UTF-8 纯文本")


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF only (not on U+2028 etc.), dropping the final empty piece."""
    if not text:
        return []
    lines = _LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode by BOM, BOM-less UTF-16, UTF-8, a declared charset, GB18030, then lossy GB18030.

    Valid UTF-8 wins over a declared charset: GBK text is practically never valid UTF-8,
    while pages re-saved as UTF-8 often keep their old ``charset=gb2312`` meta tag.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode_or_replace(data[len(bom):], codec, name)
    candidates: list[str] = []
    if b"\x00" in data and (utf16 := sniff_utf16(data)):
        candidates.append(utf16)
    candidates.append("utf-8")
    if declared:
        candidates.append(declared)
    candidates.append("gb18030")
    for codec in dict.fromkeys(candidates):
        try:
            return Decoded(data.decode(codec), codec)
        except (UnicodeDecodeError, LookupError):
            continue
    if candidates[0].startswith("utf-16"):
        # Plausible UTF-16 with a stray byte (an odd length, a cut-off end): decode it lossily,
        # with a warning naming the damaged line, instead of refusing the file for its NUL bytes.
        return _decode_or_replace(data, candidates[0], candidates[0])
    # Damaged: decode lossily in whichever of UTF-8 and GB18030 loses fewer characters, so a
    # UTF-8 file with one stray byte keeps its text instead of turning into GB18030 mojibake.
    lossy = [_decode_or_replace(data, codec, codec) for codec in ("gb18030", "utf-8")]
    return min(lossy, key=lambda d: d.text.count("\ufffd"))


def sniff_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes read as plausible text in that byte order.

    NUL bytes alone do not settle the byte order for Chinese (一 is U+4E00, 最 U+6700), so
    both orders are decoded and the one whose characters are mostly CJK, ASCII and common
    punctuation wins.
    """
    sample = data[: 8192 & ~1] if len(data) > 8192 else data[: len(data) & ~1]
    if len(sample) < 2:
        return None
    best, best_score = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            text = sample[:-2].decode(codec, errors="ignore")  # sample may cut a surrogate pair
        score = sum(1 for ch in text if _plausible(ch)) / max(1, len(text))
        if score > best_score:
            best, best_score = codec, score
    return best if best_score >= 0.9 else None


def _plausible(ch: str) -> bool:
    """Characters a Chinese report is made of (a wrong byte order yields rare CJK ext./PUA/controls)."""
    code = ord(ch)
    return (
        0x20 <= code < 0x7F or ch in "\t\r\n"
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0x3000 <= code <= 0x303F  # CJK punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x2000 <= code <= 0x206F  # general punctuation (“”—…)
        or code == 0xA0
    )


def normalise_codec(name: str) -> str | None:
    """Map a declared charset to a Python codec; GB2312/GBK are read as their superset GB18030."""
    import codecs

    label = name.strip().strip("\"'").lower()
    if label in {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "gb18030", "hz-gb-2312"}:
        return "gb18030"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    # Only real text encodings: unicode_escape turns "\x1b" in the bytes into control
    # characters, rot13/base64/zlib are not text encodings at all, idna/punycode are for host names.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_TEXT_ENCODINGS:
        return None
    return info.name


_NOT_TEXT_ENCODINGS = {"unicode-escape", "raw-unicode-escape", "unicode_escape", "raw_unicode_escape", "idna",
                       "punycode", "undefined", "utf-7", "palmos", "mbcs", "oem"}


def _decode_or_replace(body: bytes, codec: str, name: str) -> Decoded:
    """Strict decode; on failure decode lossily and remember the first damaged line."""
    try:
        return Decoded(body.decode(codec), name)
    except UnicodeDecodeError as exc:
        before = body[: exc.start].decode(codec, errors="replace")
        bad_line = len(_LINE_BREAK.findall(before)) + 1
        return Decoded(body.decode(codec, errors="replace"), name, bad_line)
