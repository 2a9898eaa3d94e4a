"""The body named in the title must be the body that speaks in the report and signs it.

The issuer is read from the title as written (宝山区人民政府, 闵行区, 云溪区城市管理和综合执法局).
If that name never occurs in the body of a whole report (one that reaches its signature
or its plan part: a page cut off after its opening may name itself further on, and short
last lines that hold no body's name or date are no signature), the
report is flagged; if the body (typically the
signature block) names a body of the same place with another or shortened name, that
name is flagged as altered or truncated.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.check.hit import Hit
from checker.check.truncation import signature_line
from checker.parse.document import Document
from checker.parse.issuer import title_name
from checker.read.normalize import normalize
from checker.read.lazy_pattern import lazy
from checker.read.regex_cache import transient

DEFAULTS: dict = {"suffixes": ["人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "政府办公厅", "政府", "局",
                               "委员会", "办公室", "厅", "署", "中心", "委", "办"],
                  "place_suffixes": ["自治区", "自治州", "自治县", "街道", "新区", "省", "市", "区", "县", "州", "旗", "盟", "镇", "乡"],
                  "signature_lines": 4, "abbreviations": {}}
NOT_SIGNATURE = "。;!?《》"  # (normalised) marks of a sentence or a document title
NOT_A_NAME = ("关于", "法治", "建设", "的", "推进", "实施")  # a document title's words, never a body's name
BOOK_TITLE = lazy(r"《[^《》\n]{0,120}》")
LEVELS = "省市区县州旗盟镇乡"
LEVEL_WORDS = ("自治区", "自治州", "自治县", "街道", "新区")  # a level written with more than one character
GOVERNMENT_RESTS = ("人民政府", "政府", "办事处", "")
DEPARTMENT_ENDS = "局厅委署"
# A lower place inside a name (长寿区, 金龙街道): two to six characters, no 和 (住房和城乡建设局
# is an office, 城市管理局 is not a city).
INNER_PLACE = lazy(r"^(?:(?![和与及])[\u4e00-\u9fff]){2,6}?(?:自治县|自治州|新区|街道|市|区|县|旗|州|盟|镇|乡)(?=[\u4e00-\u9fff])")
# A lower place written alone (共和乡 in 海东市乐都区共和乡): a township or district government
# named by its place only.
WHOLE_PLACE = lazy(r"^[\u4e00-\u9fff]{2,6}?(?:自治县|新区|街道|区|县|旗|镇|乡)$")
JOINT = lazy(r"^中共([\u4e00-\u9fff]{2,12}?委)\s*([\u4e00-\u9fff]{2,12}?人民政府)$")


def place_of(name: str, place_suffixes: list[str]) -> str | None:
    """The place prefix of a body's name (云溪区 in 云溪区城市管理和综合执法局).  A 州 that
    is part of the place's own name (广州市, 贵州省: a level follows it) is not its level."""
    best = None
    for suffix in place_suffixes:
        at = name.find(suffix)
        end = at + len(suffix)
        if at == 1 and name[end:end + 1] in LEVELS:
            continue
        if at > 0 and (best is None or end < best):
            best = end
    return name[:best] if best else None


def variants(doc: Document, place: str, suffixes: list[str], lo: int, hi: int) -> list[re.Match[str]]:
    """Names in the body that start with the same place and end like a body's name."""
    ends = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True)))
    pattern = transient(rf"{re.escape(place)}[\u4e00-\u9fff]{{0,16}}?(?:{ends})")
    return list(pattern.finditer(doc.norm, lo, hi))


def signature(doc: Document, lines: int) -> tuple[int, int] | None:
    """The last short lines of the body (where an issuer signs), as a span.  A sentence or a
    document title is not a signature, however short: a report may end without one
    (……出台《云溪区行政执法监督办法》。)."""
    tail_start = doc.body_end
    count = 0
    while tail_start > doc.body_start and count < lines:
        prev = doc.norm.rfind("\n", doc.body_start, tail_start - 1)
        start = doc.body_start if prev < 0 else prev + 1
        line = doc.norm[start:tail_start].strip()
        if len(line) > 30 or any(mark in line for mark in NOT_SIGNATURE):
            break
        tail_start, count = start, count + 1
    return (tail_start, doc.body_end) if count else None


def short_forms(name: str, place: str | None) -> set[str]:
    """The standard ways a report refers to the body its title names: 宝丰县人民政府 →
    宝丰县政府, 宝丰县, 县政府; 中共汉中市委汉中市人民政府 → each of its two bodies, 市委、市政府;
    金华市教育局 → 市教育局; a place alone (上海市) → 上海, 市政府; an autonomous region's
    government → 自治区人民政府, 自治区政府; a name under a higher place (重庆市长寿区司法局)
    → the forms of the lower body (长寿区司法局, 区司法局); a body under its district's
    government (鲤城区人民政府金龙街道办事处) → the forms of that body (金龙街道, 我街道, 本街道);
    a place under a higher one (海东市乐都区共和乡) → the forms of the lower place's government
    (共和乡, 共和乡政府, 我乡); a 委员会 → its 委 (交通运输委员会 → 交通运输委)."""
    forms = _forms(name, place)
    committees = {form[:-3] + "委" for form in forms if form.endswith("委员会") and len(form) > 5}
    return forms | committees | ({"我委", "本委", "委党组"} if committees else set())


def _forms(name: str, place: str | None) -> set[str]:
    forms = {name}
    joint = JOINT.match(name)
    if joint:  # 中共汉中市委汉中市人民政府: either body, or 市委、市政府
        party, government = joint.group(1), joint.group(2).strip()
        return forms | {"中共" + party, party, government} | short_forms(government, government[:-4] or None)
    if not place:
        return forms
    level = next((word for word in LEVEL_WORDS if place.endswith(word)), place[-1])
    rest = name[len(place):]
    inner = _inner_body(rest)
    if inner:
        return forms | short_forms(inner, _inner_place(inner) or (inner if WHOLE_PLACE.match(inner) else None))
    if rest in GOVERNMENT_RESTS:
        forms |= {place, place + "政府", level + "政府", level + "人民政府", level + "委、" + level + "政府",
                  "我" + level, "本" + level}  # a government speaks of itself as 我县, 本区
        if rest == "" and len(place) > 2 and level in LEVELS and level not in "镇乡":
            # (a township's stem is no name of its own: 共和乡 → 共和 is in 共和国)
            forms.add(place[:-1])  # 上海市 → 上海 (考察上海, 上海法治政府建设…)
        if level == "街道":
            forms.add("街道办事处")
    elif level in LEVELS:
        forms.add(level + rest)  # 金华市教育局 → 市教育局
        if rest.endswith("局"):
            forms.add(level + "局")  # 四平市公安局 → 市局 (市局党委)
    if name[-1] in DEPARTMENT_ENDS and rest not in GOVERNMENT_RESTS:
        # a department speaks of itself as 我局, 我厅, and of its party group as 局党组
        forms |= {"我" + name[-1], "本" + name[-1], name[-1] + "党组"}
    return forms


def abbreviated(forms: set[str], abbreviations: dict[str, list[str]]) -> set[str]:
    """The forms again with a department's standard abbreviation (市场监督管理局 → 市场监管局,
    人力资源和社会保障局 → 人社局), from the rule set's ``abbreviations``."""
    out = set(forms)
    for full, shorts in abbreviations.items():
        for form in forms:
            if full in form:
                out |= {form.replace(full, short) for short in shorts}
    return out


def _inner_body(rest: str) -> str | None:
    """The lower body a name goes on to (长寿区司法局 in 重庆市长寿区司法局, 金龙街道办事处 in
    鲤城区人民政府金龙街道办事处), or None when the rest is the body's own office name."""
    for parent in ("人民政府", "政府"):
        if rest.startswith(parent) and _inner_place(rest[len(parent):]):
            return rest[len(parent):]
    if WHOLE_PLACE.match(rest) and not _inner_place(rest):
        return rest  # 乐都区共和乡 → 共和乡 (a place with no lower place inside)
    return rest if _inner_place(rest) and INNER_PLACE.match(rest).end() < len(rest) else None


def _inner_place(name: str) -> str | None:
    match = INNER_PLACE.match(name)
    return match.group(0) if match else None


def _is_name(found: str, doc: Document, start: int) -> bool:
    """A body's name, not a fragment of a document title (陕西省关于进一步推进法治政府…)."""
    if any(word in found for word in NOT_A_NAME):
        return False
    line_start = doc.norm.rfind("\n", 0, start) + 1
    for title in BOOK_TITLE.finditer(doc.norm, line_start, start + len(found) + 120):
        if title.start() <= start < title.end():
            return False
    return True


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    params = rule.params
    if doc.metadata.title is None or doc.metadata.title_line is None:
        return
    name = title_name(normalize(doc.metadata.title))
    if not name:
        return
    place = place_of(name, params["place_suffixes"])
    forms = abbreviated(short_forms(name, place), params["abbreviations"])
    lo, hi = doc.body_start, doc.body_end
    sign = signature(doc, params["signature_lines"])
    if sign and place:
        for m in variants(doc, place, params["suffixes"], *sign):
            found = m.group()
            if not found.startswith(name) and found not in forms and _is_name(found, doc, m.start()):
                yield _hit(doc, m, name, f"落款写作“{doc.text[m.start():m.end()]}”，与标题不一致")
                return
    body = doc.norm[lo:hi]
    if any(form in body for form in forms):
        return
    if place and place != name:
        for m in variants(doc, place, params["suffixes"], lo, hi):
            if _similar(m.group(), name, place) and m.group() not in forms and _is_name(m.group(), doc, m.start()):
                yield _hit(doc, m, name, f"正文中写作“{doc.text[m.start():m.end()]}”，全称被简写或改写")
                return
    if _signed(doc, sign) or doc.section("plan") is not None:  # a cut-off page may name itself further on
        yield _title_hit(doc, name, "正文中没有出现这个名称")


def _signed(doc: Document, sign: tuple[int, int] | None) -> bool:
    """Whether the short last lines hold a signature (a body's name or a date): a page cut off
    after a heading (二、加强制度建设) or inside a sentence (我单位未制定……且没有发生) has short last
    lines too, and says nothing of whether the name comes further on."""
    if sign is None:
        return False
    return any(signature_line(line.strip()) for line in doc.norm[sign[0]:sign[1]].split("\n") if line.strip())


def _hit(doc: Document, m: re.Match[str], name: str, problem: str) -> Hit:
    return Hit(m.start(), m.end(), fields={"issuer": name, "found": doc.text[m.start():m.end()], "detail": problem})


def _similar(found: str, name: str, place: str) -> bool:
    """Same kind of body (both governments, or both the same type of office: …局, …委) and,
    between the place and that ending, a character in common or nothing on one side: 城管局
    for 城市管理和综合执法局 is the name shortened, while 公安局 in a 司法局's report, or
    四川省……平台开展厅机关 in a 厅's (a sentence running on to 厅机关), is another thing."""
    if found[-1] != name[-1] or found == name:
        return False
    own, other = name[len(place):-1], found[len(place):-1]
    return not own or not other or bool(set(own) & set(other))


def _title_hit(doc: Document, name: str, problem: str) -> Hit:
    lo, hi = doc.line_span(doc.metadata.title_line)
    at = doc.norm.find(name, lo, hi)
    start, end = (at, at + len(name)) if at >= 0 else (lo, hi)
    return Hit(start, end, fields={"issuer": name, "found": "", "detail": problem})
