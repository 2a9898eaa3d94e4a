"""The body a report is about, read from every full name its text prints: the last resort for
the issuer when the title, the opening's subject, the signature and the page say nothing.

Each round of real pages brought new ways of writing the subject (set off by commas, behind a
second guiding body, only in its own plan's title), and fixing them one layout at a time did not
carry over to the next set.  This reading does not look for a layout.  It collects the full
names (a place, then an organ: 楚雄市林业和草原局, 某县人民政府), drops those the text names as
someone else — a body that leads, guides, asks, rates or is reported to (在……领导下, 按照……要求,
被……评为, 向……报告), an addressee line (某市人民政府：), the author of a document quoted
(《……》, except the body's own plan it says it made) — and takes what is left only when one
body is left and the text points at it: its kind is the one the text calls itself by (我局 →
a 局, 我县 → the county's government), or it opens a clause of the opening as its subject.
Two bodies left, or none the text points at: no issuer, since a wrong one is worse than none.
"""
from __future__ import annotations

import re
from collections import Counter

from checker.read.lazy_pattern import lazy

from . import places as division
from .issuer import OFFICE_SHORT, full_government
from .shortform import BARE_LEVEL, qualify
from .verbs import VERBISH

# A place chain and an organ: 楚雄市林业和草原局, 杭州市上城区教育局, 某县人民政府办公室.  A bare
# 市委/县委 (a party committee: a leader, not a reporting body here) is not one.
PLACE = (r"(?:(?!自治区|和平|于都|于洪)(?![请与和及在为对到于把让使从由向被经受的是以将])"
         r"(?:[\u4e00-\u9fff]{2,8}?(?:自治区|自治州)|[^\W\d_省委在的]{2,4}?(?:省|市|区|县|州|旗|盟|镇|乡|街道)))")
ORGAN = (r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府|街道办事处|办事处|"
         r"(?![\u4e00-\u9fff]*?(?:党|常|工)委)[^\W\d_在的了是对向把被将]{1,12}?(?:局|委员会|委|厅|办公室|中心))")
# A name starts a clause or a list item: after a mark or a year (2024年,楚雄市…; 2024年楚雄市…).
BOUNDARY = r"(?:^|(?<=[\s,，。;；:：、“”\"()（）《》〈〉])|(?<=年)(?!度)|(?<=年度))"
FULL_NAME = lazy(rf"{BOUNDARY}((?:中共)?{PLACE}{{1,3}}{ORGAN})", re.M)
# The place chain heading a name (杭州市上城区 in 杭州市上城区教育局), and each place in it.
PLACE_CHAIN = lazy(rf"(?:中共)?({PLACE}{{1,3}})")
ONE_PLACE = lazy(PLACE)
# Function words no place name has but a handful (无为县, 将乐县, 从化区: checked against the list of divisions).
FUNCTION_CHAR = lazy(r"[为是被将向对由把让使从归]")
# A place chain that is a word or a phrase, not a place (智慧城市, 全市, 我区, 本县 …).
NOT_PLACE = lazy(r"城市|都市|[全我本各该每上下]")
# Words that, in the clause after a name, make it a leader, guide, rater or asker of the body.
SUPERIOR_AFTER = lazy(r"领导|指导|部署|要求|安排|支持|关心|监督|督导|督察|批复|评为|表彰|授予|"
                      r"通报|考核|检查|印发|下发|发布|召开")
# Words before a name, in its clause, that make it someone else (按照……, 向……报告, 配合……).
OTHER_BEFORE = lazy(r"在|按照|根据|依据|贯彻|落实|向|报送|报请|报|经|被|受|配合|协助|会同|联合|上级|"
                    r"和|与|及|、|同|由")
CLAUSE_MARK = lazy(r"[，,。；;！？!?：:\n]")
ADDRESSEE = lazy(r"^[^\n。]{2,40}[:：]\s*$", re.M)
QUOTED = lazy(r"《[^《》]*》|〈[^〈〉]*〉|“[^“”]*”")
# The body's own plan, which it says it made: 制定出台《余杭区农业农村局2020年法治工作要点》,
# 编制《某市人民政府2025年度重大行政决策事项目录》 (the list of major decisions every government keeps).
OWN_PLAN = lazy(r"(?:制定|出台|印发|编制|修订)[^《。]{0,6}《(?:(?:19|20)\d{2}\s*年度?)?([^《》]{2,30}?(?:局|委员会|委|厅|办公室|中心|政府|办事处))(?:(?:19|20)\d{2}\s*年度?)?"
                r"[^《》]{0,20}?(?:要点|计划|方案|规划|清单|目录|安排|办法|规定|制度|细则|规则|指引)》")
# How the text calls itself: 我局, 本局, 我委, 我厅, 我办, 我县, 我市, 我镇, 我街道 ….
# 我旗: a banner (Inner Mongolia's county), not 我旗帜鲜明地……
SELF = lazy(r"[我本](局|委|厅|办|中心|省|市|区|县|旗(?!帜)|镇|乡|街道|街)(?![\u4e00-\u9fff]{0,1}[长员])")
GOVERNMENT_LEVELS = "省市区县旗镇乡街"


def issuer_from_subject(text: str, opening: str) -> str | None:
    """The one body the text is about, by its full name, or None (see the module's docstring).
    ``text`` is the body of the report, ``opening`` its opening paragraph (may be empty)."""
    kind = _self_kind(text)
    named: Counter[str] = Counter()
    pointed: set[str] = set()
    for name, start, end, quoted in _mentions(text):
        if not quoted and _someone_else(text, start, end):
            continue
        if kind and _kind(name) != kind:
            continue
        named[name] += 1
        if kind or quoted or _opens_clause(text, start, end, opening):
            pointed.add(name)
    if len(named) != 1:
        return None
    name = next(iter(named))
    return name if name in pointed and _places_real(name, text) else None


def _places_real(name: str, text: str) -> bool:
    """Each place of the name is one the list of divisions knows, or one the text writes more
    than once: a verb glued to a level-only short form (公布区人社局) reads as a place chain
    once, a body's real place (a district too new for the list, a town) recurs."""
    chain = PLACE_CHAIN.match(name)
    for part in ONE_PLACE.findall(chain.group(1)) if chain else []:
        if part[-1] in division.ENDINGS and not division.level_of(part) and text.count(part) < 2:
            return False
    return True


def _mentions(text: str):
    """(name, start, end, from own plan) for each full name the text prints outside quotes and
    addressee lines, and each name heading a plan the body says it made."""
    hidden = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    hidden += [(m.start(), m.end()) for m in ADDRESSEE.finditer(text)]
    for match in FULL_NAME.finditer(text):
        name = _name(match.group(1))
        if name and not any(a <= match.start(1) < b for a, b in hidden):
            yield name, match.start(1), match.end(1), False
    for plan in OWN_PLAN.finditer(text):
        head = FULL_NAME.match(plan.group(1))
        name = _name(head.group(1)) if head and head.end() == len(plan.group(1)) else None
        if name and _short_form_near(text, name):
            yield name, plan.start(1), plan.end(1), True


def _name(raw: str) -> str | None:
    """The name as the metadata gives it (某县政府 → 某县人民政府), or None for a phrase."""
    places = PLACE_CHAIN.match(raw)
    if not places or NOT_PLACE.search(places.group(1)) or VERBISH.search(places.group(1)) or raw.startswith("中共"):
        return None
    if any(FUNCTION_CHAR.search(part) and not division.level_of(part) for part in ONE_PLACE.findall(places.group(1))):
        return None  # 主体为区人社局: 为 makes a phrase of it, unless the place has it (无为县, 犍为县)
    return full_government(raw)


def _short_form_near(text: str, name: str) -> bool:
    """A plan named for a body counts as the body's own when the text also calls the body by a
    short form (我局, 区农业农村局) — a superior's plan is cited, not made."""
    organ = re.sub(rf"^{PLACE}{{1,3}}", "", name)
    rest = text.replace(name, "")  # the short form on its own, not inside the full name
    organs = (organ, "政府") if organ == "人民政府" else (organ,)  # 市政府常务会议: the short form of 某市人民政府
    return bool(SELF.search(text)) or any(level + short in rest for level in BARE_LEVEL for short in organs)


def _someone_else(text: str, start: int, end: int) -> bool:
    """A name its clause makes a leader, guide, rater, asker, partner or addressee."""
    before = CLAUSE_MARK.split(text[max(0, start - 30):start])[-1]
    after = CLAUSE_MARK.split(text[end:end + 40])[0]
    if OTHER_BEFORE.search(before) or text[end:end + 1] in ("的", "、", "和", "与", "及"):
        return True
    return bool(SUPERIOR_AFTER.search(after[:6]))


def _opens_clause(text: str, start: int, end: int, opening: str) -> bool:
    """A name that starts a clause of the opening and is followed by what it does."""
    head = text.find(opening.strip()[:40]) if opening.strip() else 0
    if head < 0 or not head <= start < head + len(opening.strip()):
        return False
    before = text[max(0, start - 12):start]
    return bool(re.search(r"(?:^|[，,。\n]|(?:19|20)\d{2}\s*年度?\s*[，,]?)\s*$", before)) and text[end:end + 1] != "的"


def _self_kind(text: str) -> str | None:
    """The kind of body the text calls itself (局, 委, 厅, 办, a government of a level), most said."""
    kinds = Counter(_kind_of_self(m.group(1)) for m in SELF.finditer(text))
    if not kinds:
        return None
    (kind, count), *rest = kinds.most_common()
    return kind if not rest or rest[0][1] < count else None


def _kind_of_self(word: str) -> str:
    if word in ("局", "委", "厅", "办", "中心"):
        return word
    return "gov:" + word[0]


def _kind(name: str) -> str | None:
    """局, 委, 厅, 办, 中心, or gov:<level> for a government (某县人民政府 → gov:县)."""
    for suffix, kind in (("街道办事处", "gov:街"), ("办事处", "gov:街"), ("人民政府", None)):
        if name.endswith(suffix):
            if kind:
                return kind
            place = re.match(rf"{PLACE}{{1,3}}", name).group(0)
            return "gov:" + place[-1] if place[-1] in GOVERNMENT_LEVELS else "gov:区"
    for suffix, kind in (("委员会", "委"), ("办公室", "办"), ("办公厅", "办"), ("局", "局"), ("委", "委"),
                         ("厅", "厅"), ("中心", "中心")):
        if name.endswith(suffix):
            return kind
    return None


# A department's short form by its level (区司法局, 市生态环境局) set off at a clause's start or after a mark.
LEVEL_SHORT = lazy(r"(?:^|(?<=[\s,，。;；:：、“”\"()（）]))([市区县旗](?:[^\W\d_在的了是对向把被将和与及、]{1,12}?)(?:局|委员会|委|厅|办公室|中心))", re.M)


def issuer_from_own_short_form(text: str) -> str | None:
    """A department's report that calls itself 我局 and names no full name: the one short form of
    its kind the text names as itself (区司法局党委书记、局长率先垂范), completed with its place
    from the documents it cites (《荣昌区……》) as any short form is; None for two or none."""
    kind = _self_kind(text)
    if kind not in ("局", "委", "厅", "办", "中心"):
        return None
    found = {m.group(1) for m in LEVEL_SHORT.finditer(text)
             if _kind(m.group(1)) == kind and not _someone_else(text, m.start(1), m.end(1))}
    if len(found) != 1:
        return None
    full = qualify(OFFICE_SHORT.sub(r"人民政府办公\1", found.pop()), text)
    return full if full and full[0] not in "市区县旗" else None
