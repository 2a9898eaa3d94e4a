"""Word's automatic list numbering (``w:numPr``): the label Word shows before a paragraph.

Drafts number their 一、/（一）/1. headings this way and the parser must see those labels.
Counters follow Word: ``w:num`` instances that share an ``w:abstractNum`` continue one list
unless the instance restarts it (``w:startOverride``); a shallower level resets the deeper
ones.  The label's suffix is rendered as nothing for a ``tab``/``nothing`` suffix after CJK
punctuation (一、 （一）), else as one space.
"""
from __future__ import annotations

import posixpath

from lxml import etree

from checker.read.lazy_pattern import lazy
from checker.read.record import field, record

from .numerals import CN_DIGITS as _CN_DIGITS
from .numerals import chinese_counting
from .package import Parts
from .source import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"


_CJK_LABEL_END = tuple("、，．。）)】〕」』：:")
# Bounds on what a hostile numbering.xml can make us render: Word itself keeps counters at or
# below 32767 and level texts short; a label longer than MAX_LABEL is no heading label, and a
# document's labels together never exceed MAX_LABEL_TOTAL characters (a 1.6 KB file once
# rendered gigabytes through a huge w:start and a level text of "%1" repeated).
MAX_COUNTER = 32767
MAX_LEVEL_TEXT = 64
MAX_LABEL = 40
MAX_LABEL_TOTAL = 1_000_000


def load_numbering(parts: Parts, main: str, warnings: list[tuple[int, str]]) -> Numbering:
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
    return Numbering(roots[0], roots[1])


@record
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    legal: bool = False
    style: str | None = None


@record
class _Instance:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


class Numbering:
    """numbering.xml + styles.xml: which label a numbered paragraph gets, with live counters."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.abstract_links: dict[str, str] = {}  # abstractNum → numStyleLink style id
        self.instances: dict[str, _Instance] = {}
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self.style_based: dict[str, str] = {}
        self.default_style: str | None = None
        self.counters: dict[str, dict[int, int]] = {}
        self.rendered = 0  # characters of labels given out so far (bounded by MAX_LABEL_TOTAL)
        if numbering is not None:
            self.load_numbering(numbering)
        if styles is not None:
            self._load_styles(styles)

    def load_numbering(self, root: etree._Element) -> None:
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
                    inst.starts[int(ilvl)] = _counter(start)
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
        counts[ilvl] = min(MAX_COUNTER, counts[ilvl] + 1 if ilvl in counts else start)
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if self.rendered >= MAX_LABEL_TOTAL:
            return ""
        label = _render(level, ilvl, counts, levels, instance)
        self.rendered += len(label)
        return label


def _read_level(lvl: etree._Element, w: str) -> _Level:
    start = _val(lvl.find(f"{{{w}}}start"), w)
    text = _val(lvl.find(f"{{{w}}}lvlText"), w) or ""
    return _Level(
        fmt=_val(lvl.find(f"{{{w}}}numFmt"), w) or "decimal",
        text=text if len(text) <= MAX_LEVEL_TEXT else "",  # no real label is that long
        start=_counter(start) if _is_int(start) else 1,
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
    if not label or len(label) > MAX_LABEL:
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


def _ns(root: etree._Element) -> str:
    ns = etree.QName(root).namespace
    return ns if ns in {W_NS, W_STRICT_NS} else W_NS


def _val(el: etree._Element | None, w: str) -> str | None:
    return el.get(f"{{{w}}}val") if el is not None else None


def _is_int(text: str | None) -> bool:
    """An integer as XML writes one: ASCII digits only (``"²".isdigit()`` is true, ``int("²")``
    fails), and short (a thousand-digit ``w:start`` is no counter)."""
    return text is not None and _INT.fullmatch(text.strip()) is not None


_INT = lazy(r"-?[0-9]{1,9}")


def _counter(text: str) -> int:
    return max(-MAX_COUNTER, min(MAX_COUNTER, int(text)))
