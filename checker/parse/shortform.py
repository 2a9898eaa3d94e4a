"""A short form completed with its place: 市司法局, 县政府, 我局, 省农业农村厅 as a report calls
itself, with the place put back from what the text and its page write — a local document it
cites, a line of the page, its address, its slogan, the one place of that level it names.  None
when the text does not say which place: a reader cannot tell which city's bureau speaks.
"""
from __future__ import annotations

import re

from checker.read.lazy_pattern import lazy
from checker.read.regex_cache import transient

from . import places, towns
from .page_marks import BREADCRUMB_MARK, SOURCE_RE, without_pinyin
from .verbs import VERBISH

# the levels a short form may start with in place of its place (市司法局, 县政府, 旗政府, 镇人民政府)
BARE_LEVEL = "省市区县旗镇乡"
# A party committee's document (《中共闽侯县委……》) is cited by its place, 中共 before it.
# A city before the place is skipped only when a district or county follows it (《杭州市上城区……》):
# in 《威海市文化市场……》 the 市 of 市场 is no city inside 威海市.
CITED_PLACE = lazy(r"[《〈](?:中共)?(?:[\u4e00-\u9fff]{2,4}?(?:省|自治区)|[\u4e00-\u9fff]{2,4}?市(?=[\u4e00-\u9fff]{2,6}?[区县]))?"
                   r"([\u4e00-\u9fff]{2,6}?)(省|市|区|县|旗)")
# 我厅/我局/我委 and the body's own full name heading the documents it cites (修订《某省某某厅
# 行政规范性文件管理办法》): taken when the text cites exactly one such name.
OWN_SHORT = lazy(r"^我(厅|局|委)$")
# 省公安厅 after a mark or a joining word (副省长、省公安厅; 在省公安厅), never inside a word (副省长)
PROVINCE_OFFICE = lazy(r"(?:(?<![\u4e00-\u9fff])|(?<=[和及与在]))省[\u4e00-\u9fff]{2,8}?厅")
# …or the body's name alone on a line above the text (杭州市市场监管局 / 时间:…来源:… / 2020年，我局……)
OWN_NAMED_LINE = lazy(r"^[ \t]*((?:[\u4e00-\u9fff]{2,6}?(?:省|自治区|市|区|县|旗|州)){1,2}[\u4e00-\u9fff]{2,10}?(厅|局|委员会|委))[ \t]*$")
# a title cited inside another may be set off by an ASCII bracket in a web copy (《关于印发<某厅……规定>的通知》)
OWN_CITED = lazy(r"[《〈<](?:(?:19|20)\d{2}\s*年度?)?((?:[\u4e00-\u9fff]{2,4}?(?:省|自治区|市|区|县)){1,2}[\u4e00-\u9fff]{2,10}?)(厅|局|委员会)")
# A name in quotation marks that starts with a city or county (“包头市公共法律服务法治地图”):
# only 市 and 县, and not the words 城市/都市, since slogans in quotes name 示范区, 智慧城市 ….
QUOTED_PLACE = lazy(r"[“\"]([\u4e00-\u9fff]{2,6}?)(市|县)(?=[\u4e00-\u9fff])")
# A city's zone written without its city (高新区管理委员会): its name is the city's without 市 (珠海高新区).
CITY_ZONE = lazy(r"^(?:高新区|经开区|高新技术产业开发区|经济技术开发区)(?:管理委员会|管委会)$")
LEVEL_JOINT_SHORT = lazy(r"^(省|市|区|县)委 \1人民政府$")
# A line above the body that names a body by its place chain (重庆市江津区人民政府): the places after the first.
HEAD_CHAIN = lazy(r"^\s*((?:[\u4e00-\u9fff]{2,6}?(?:省|自治区|市|区|县)){2,3})(?:人民政府|政府)?\s*$")
# A line above the body that starts with the place (山东省交通运输厅关于2019年度 / 法治建设……报告).
HEAD_PLACE = lazy(r"^\s*([\u4e00-\u9fff]{2,6}?)(省|市|区|县)(?![委政级直属])")
# A town named in the text (……精神在下太镇落地, 2022年增福镇组织……, 《中共洪梅镇委……》): the name must start right
# after a mark, a preposition or a year, since a town's name has no boundary of its own; 乡村,
# 乡镇, 城镇 … are words, and a name with 全, 我, 本, 各 … in it is a phrase (全镇, 在我乡).
TOWN_NAMED = lazy(r"(?:^|(?<=[\s,，。;；:：、“”\"()（）《》在为对到于把让使和与及从由向])|(?<=\d年)|(?<=《中共))"
                  r"([\u4e00-\u9fff]{2,3}?)(镇|乡)(?![村镇土亲贤愁音里长党压定情域内级属直])", re.M)
TOWN_NOT_NAME = lazy(r"[我全本各该每城乡村集重小市县区省街镇大中新老的年了是]|[到在对于向从由为把]$|^[在把对从由为到]|法治|平安")  # 定期到镇: to the town; 在圩镇: at the market town
# A new area named in the text (金普新区, 两江新区): two characters after a mark or a city (大连市金普新区)
# before 新区, none of them a level or a pronoun (省市新区 in 按照中央、省市新区关于…… is a list of levels).
NEW_AREA_NAMED = lazy(r"(?:^|(?<=[\s,，。;；:：、“”\"()（）《》〈〉与和及]|市))([\u4e00-\u9fff]{2})新区", re.M)
NEW_AREA_NOT_NAME = lazy(r"[省市区县镇乡全我本各该新在和与及、]")
# A park's full name heading a document it cites or a name it quotes (《苏州工业园区法治政府建设……》):
# a place or a name (two to eight characters, no level of its own after it) before 工业园区/园区.
PARK_NAMED = lazy(r"[《〈“\"]([\u4e00-\u9fff]{2,8}?(?:工业园区|产业园区|园区))")
# The body's own address (地址:天津市和平区建设路18号): its places, in order.
ADDRESS = lazy(r"地址\s*[:：]\s*([\u4e00-\u9fff]{4,20})")
ADDRESS_PLACE = lazy(r"([\u4e00-\u9fff]{2,6}?)(省|自治区|市|区|县)")
# Provinces (a 省 department's short form 省农业农村厅 is completed by the one the text names)
# and autonomous regions (我区 with 自治区 in the text); the fixed national list, not a lexicon.
PROVINCES = ("河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东",
             "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海")
REGIONS = {"内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
           "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区"}
# A province's one-character name where a visit to it is told (来陕考察, 到黔视察): the fixed national list.
PROVINCE_BY_CHAR = {"冀": "河北", "晋": "山西", "辽": "辽宁", "吉": "吉林", "黑": "黑龙江", "苏": "江苏", "浙": "浙江",
                    "皖": "安徽", "闽": "福建", "赣": "江西", "鲁": "山东", "豫": "河南", "鄂": "湖北", "湘": "湖南",
                    "粤": "广东", "琼": "海南", "川": "四川", "黔": "贵州", "滇": "云南", "陕": "陕西", "甘": "甘肃",
                    "青": "青海"}
PROVINCE_VISITED = lazy(r"(?:来|到|赴)([冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘青])(?:考察|视察)")
# The municipalities directly under the central government (the same fixed list): 市政府 with
# 视察重庆 in a text that names no province is the municipality's government.
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")


def qualify(name: str | None, text: str, head: str = "") -> str | None:
    """A short form that drops the place (市市场监管局, 市卫健委) with the place put back from
    a local document the report cites (《绍兴市电梯安全管理规定》 → 绍兴市市场监管局), a 省
    department's with the one province the text names (省农业农村厅 and 《福建日报》), 我区's
    government with the one autonomous region a text naming 自治区 names; None when the text
    names none, since a reader cannot tell which city's bureau speaks.  ``head`` is the text
    above the body (the title block): a province it names counts, and so does a place that
    starts one of its lines (山东省交通运输厅关于2019年度 above 省交通运输厅……)."""
    text = without_pinyin(text)  # 内(nèi)蒙古 on a learners' site
    joint = LEVEL_JOINT_SHORT.match(name or "")
    if joint:  # 县委 县人民政府: the government completed, and its party committee with it
        government = qualify(joint.group(1) + "人民政府", text, head)
        return f"中共{government[:-4]}委 {government}" if government and government[0] not in BARE_LEVEL else None
    own = OWN_SHORT.match(name or "")
    if own:
        suffix = "委员会" if own.group(1) == "委" else own.group(1)
        lines = {m.group(1) for m in map(OWN_NAMED_LINE.match, head.split("\n")) if m and m.group(2)[0] == own.group(1)[0]}
        if len(lines) == 1:
            return lines.pop()
        names = {m.group(1) + m.group(2) for m in OWN_CITED.finditer(text) if m.group(2) == suffix}
        if len(names) == 1:
            return names.pop()
        if suffix != "厅" or names:
            return None
        # 我厅 and the one 厅 the text calls by its short form (省公安厅): that 厅 of the province named
        short = {m.group(0) for m in PROVINCE_OFFICE.finditer(text)}
        return qualify(short.pop(), text, head) if len(short) == 1 else None
    zone = CITY_ZONE.match(name or "")
    if zone:  # 高新区管理委员会: the zone of its city, found as a 市 short form's place is (珠海高新区……)
        placed = qualify("市" + name, text, head)
        return placed[: -len(name) - 1] + name if placed and placed[0] != "市" else name
    if name and name.startswith("新区") and len(name) > 2:
        return _new_area(head + text, name)
    if name == "园区管理委员会":
        return _one_park(head + text)
    if name == "街道办事处":  # 我街道: the one 街道 the text names
        return _one_town("街道", text, name)
    if not name or name[0] not in BARE_LEVEL:
        return name
    if places.starts_with_place(name[:5]):
        return name  # a place whose name starts with a level (市南区, 市中区, 镇海区): written out, no short form
    level = name[0]
    if level in "市区县旗" and len(name) > 2 and not name.endswith("人民政府"):
        # 市水务局 written out in the page's own lines above the body (… | 武汉市水务局, 来源:…)
        # 关于浦东新区司法局……: the place is 浦东新; 中共青岛市交通运输局党组: 青岛; a one-character one only
        # as a county or city (南县)
        stems = {m.group(1).removeprefix("关于").removeprefix("中共")
                 for m in transient(rf"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{{1,6}}?){re.escape(name)}").finditer(head)}
        stems = {stem for stem in stems if len(stem) >= 2 or places.level_of(stem + level)}
        if len(stems) == 1:  # a banner that writes the place, then the short form (重庆市合川区区司法局): one 区
            stem = stems.pop()
            return stem + (name[1:] if stem.endswith(level) else name)
    if level == "省" or (name == "区人民政府" and "自治区" in text):
        provinces = {p: p + "省" for p in PROVINCES} if level == "省" else REGIONS
        named = [full for short, full in provinces.items() if short in head + text]
        if not named and level == "省":  # 习近平总书记来陕考察: the province by its one-character name
            named = list({PROVINCE_BY_CHAR[m.group(1)] + "省" for m in PROVINCE_VISITED.finditer(text)})
        if len(named) == 1:
            return named[0] + (name[1:] if level == "省" else "人民政府")
        if level == "区":
            return None
    for match in CITED_PLACE.finditer(text):  # not a phrase (《全面依法治区重点工作指引》)
        if match.group(2) == level and _named_place(match.group(1)):
            return match.group(1) + name
    for line in head.splitlines():
        match = HEAD_PLACE.match(line)  # not a column's phrase (全面依法治省)
        if match and match.group(2) == level and not BREADCRUMB_MARK.search(line) and _named_place(match.group(1)):
            return match.group(1) + name
        chain = HEAD_CHAIN.match(line)  # 重庆市江津区人民政府 (the site's banner) above 我区's report: 江津区
        if chain and not BREADCRUMB_MARK.search(line):
            inner = [place for place in ADDRESS_PLACE.findall(chain.group(1))[1:] if place[1] == level]
            if len(inner) == 1:
                return inner[0][0] + name
    source = _source_place(level, head) if _completable(level, name) else None
    if source:
        return source + name[1:]
    for match in QUOTED_PLACE.finditer(text):
        if match.group(2) == level and not match.group(1).endswith(("城", "都", "全", "本", "我")):
            return match.group(1) + name
    if level in "镇乡":
        return _one_town(level, text, name)
    return _address_place(level, text, name) or _municipality(level, head + text, name) or _written_out(level, text, name)


def _named_place(stem: str) -> bool:
    """Whether the words before a level name a place, not a phrase that ends in one (全面依法治区,
    推进依法治省, 全/本/我)."""
    return stem not in ("全", "本", "我") and not VERBISH.search(stem) and "依法治" not in stem


def _source_place(level: str, head: str) -> str | None:
    """The one place of the short form's level that the page's 来源/发布机构 lines write
    (来源:杭州市人力资源和社会保障局 above 市人社局……报告): the page's publisher sits at the
    report's place.  None for two or none."""
    found = set()
    for line in head.splitlines():
        match = SOURCE_RE.search(line)
        if match:
            found |= {place for place, _ in places.named(match.group(1))
                      if place.endswith(level) and not place.endswith("自治区")}
    return found.pop() if len(found) == 1 else None


def _new_area(text: str, name: str) -> str | None:
    """新区司法局 completed by the one new area the text names (金普新区); None for two or none."""
    areas = {m.group(1) for m in NEW_AREA_NAMED.finditer(text) if not NEW_AREA_NOT_NAME.search(m.group(1))}
    return areas.pop() + name if len(areas) == 1 else None


def _one_park(text: str) -> str | None:
    """园区's 管理委员会, named by the one park whose full name the text cites or quotes
    (《苏州工业园区……》); None for two or none."""
    parks = {m.group(1) for m in PARK_NAMED.finditer(text)}
    return parks.pop() + "管理委员会" if len(parks) == 1 else None


def _municipality(level: str, text: str, name: str) -> str | None:
    """全市各级行政机关 (市政府) in a text that names one municipality (视察重庆) and no province or
    autonomous region: a province's city would name its province, a municipality has none."""
    if level != "市":
        return None
    named = [place for place in MUNICIPALITIES if place in text]
    if len(named) != 1 or any(place in text for place in (*PROVINCES, *REGIONS)):
        return None
    return named[0] + name


def _completable(level: str, name: str) -> str | None:
    """The body a short form names after its level (应急管理局 in 市应急管理局), when a place found
    anywhere in the text may complete it: a city's, district's or county's, and a name, not a
    phrase (区委常委、区委……)."""
    body = name[1:]
    return body if level in "市区县旗" and len(body) >= 2 and body.isalpha() else None


def _written_out(level: str, text: str, name: str) -> str | None:
    """市应急管理局 completed by the place of its level the text writes out in full: the one that
    stands before the same body (成立大冶市应急管理局……), else the place its own slogan names
    (法治湛江: a city's report names its county-level cities, 吴川市, as often as itself), else
    the only one of that level it names; None for none or two (a county's report naming its
    neighbours cannot tell which is its own)."""
    body = _completable(level, name)
    if body is None:
        return None
    found = {place for place, _ in places.named(text) if place.endswith(level) and not place.endswith("自治区")}
    with_body = {place for place in found if place + body in text}
    if len(with_body) == 1:
        return with_body.pop() + body
    return _slogan_place(level, text, name) or (found.pop() + body if len(found) == 1 else None)


# the place in its own slogan (法治杭州建设, 平安盂县、法治盂县): a name or a name's stem after 法治/平安
SLOGAN = lazy(r"(?:法治|平安)([\u4e00-\u9fff]{1,6}?)(?=建设|工作|[、，,。;；”\"」》\s]|$)")  # also 《法治天水》, a paper's name


def _slogan_place(level: str, text: str, name: str) -> str | None:
    """市公安局 completed by the one place of its level the text builds as 法治某地 or 平安某地 (the
    slogans a place's bodies serve: 法治杭州 → 杭州市); None for two or none (法治中国 names no place)."""
    body = _completable(level, name)
    if body is None:
        return None
    found = set()
    for match in SLOGAN.finditer(text):
        stem = match.group(1)
        if stem.endswith(level) and places.level_of(stem):
            full = stem  # 法治盂县
        elif len(stem) >= 2:
            full = stem + level  # 法治杭州; never one character (依法治理 holds 法治理, and 理县 is a county)
        else:
            continue
        if places.level_of(full) and full.endswith(level) and not full.endswith("自治区"):
            found.add(full)
    return found.pop() + body if len(found) == 1 else None


def _one_town(level: str, text: str, name: str) -> str | None:
    """我镇's government (我街道's office), named by the one town of its level the text names: a
    name the national list has (纳入了东庄镇……), or for a town the list lacks, one that starts right
    after a mark or a preposition (None for two or none).  A 街道 is taken only from the list."""
    found = towns.named(text, level)
    if level != "街道":
        found |= {m.group(1) for m in TOWN_NAMED.finditer(text)  # 依托镇平安办: a verb, no town
                  if m.group(2) == level and not TOWN_NOT_NAME.search(m.group(1)) and not VERBISH.search(m.group(1))
                  and not any(stem.endswith(m.group(1)) for stem in found)}
    return found.pop() + name if len(found) == 1 else None


def _address_place(level: str, text: str, name: str) -> str | None:
    """市人社局 completed from the body's own address line (地址:天津市和平区……)."""
    for address in ADDRESS.finditer(text):
        at = 0
        for match in ADDRESS_PLACE.finditer(address.group(1)):
            if match.start() != at:
                break
            if match.group(2) == level:
                return match.group(1) + name
            at = match.end()
    return None
