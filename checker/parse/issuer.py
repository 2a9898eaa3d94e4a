"""The reporting body (发布单位) as the report's own words name it: its title, its opening
sentence, its signature, its own plan or self-reference.  A short form (市司法局, 我区) is
completed by ``shortform.qualify``; the page around the text (source line, column path, site)
is read by ``page_issuer``.
"""
from __future__ import annotations

import re

from checker.read.lazy_pattern import lazy

from . import places
from .page_marks import DECORATION, LEADING_YEAR, without_pinyin
from .shortform import BARE_LEVEL, OWN_SHORT, PROVINCES, REGIONS, qualify

ISSUER_SUFFIX = (r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|政府|府办|办事处|管委会|"
                 r"司法局|司法厅|[^\s,，。、]{1,10}?(?:局|委员会|委|办公室|办|厅|署|中心))")
ISSUER_TAIL = lazy(rf"{ISSUER_SUFFIX}$")
ISSUER_RE = lazy(rf"((?:中共)?[\u4e00-\u9fff]{{1,12}}?{ISSUER_SUFFIX})")
JOINT_GAP = lazy(r"^(中共[\u4e00-\u9fff]{2,12}?(?:委员会|委))(?=[\u4e00-\u9fff]{2,12}?(?:人民政府|政府)$)")
TITLE_NAME_SPLIT = lazy(r"关于|(?:19|20)\d{2}|法治")
TITLE_NAME_TRIM = " :：,，、"
# A hyphen joins two names in a few zones' names (广西-东盟经济技术开发区).
PLACE_RE = lazy(r"^[\u4e00-\u9fff](?:[\u4e00-\u9fff]|-(?=[\u4e00-\u9fff])){0,11}?(?:省|自治区|市|区|县|州|旗|盟|镇|乡|街道)$")
# A development zone, bonded zone, new area or high-tech zone (高新区) is run by its 管理委员会, not by
# a 人民政府 (天津经济技术开发区, 东疆综合保税区, 某经开区, 两江新区, 长春新区, 珠海高新区: labelled so
# in six sets; 贵州双龙航空港经济区); a bare zone type (经济开发区) names no zone a reader could identify.  Two new areas
# are districts with a 人民政府 of their own (上海市浦东新区, 天津市滨海新区).
ZONE_KINDS = r"(?:开发区|保税区|经开区|新区|工业园区|试验区|实验区|合作区|经济区)"
ZONE_TAIL = lazy(ZONE_KINDS + "$")
DISTRICT_NEW_AREA = lazy(r"(?:^|市)(?:浦东|滨海)新区$")
# A body's leadership as the subject (某街道领导班子, 某局党政班子): the body
LEADERSHIP = lazy(r"(?<=[\u4e00-\u9fff]{2})(?:领导班子|党政班子|班子)$")
# A government's office by its short form (区政府办公室): written out as 人民政府办公室
OFFICE_SHORT = lazy(r"(?<!人民)政府办公(室|厅)$")  # 区政府办公室, 某市政府办公厅
# Words that end like a place but name none (园区坚持……: which park a reader cannot tell)
GENERIC_AREAS = ("园区", "景区", "社区", "辖区", "片区", "街区", "矿区", "林区", "山区", "库区", "湖区", "老区", "校区", "厂区")
# A level with no name before it, as a template leaves it (街道2022年度……报告, 乡镇2018年度……报告)
BARE_LEVEL_WORD = lazy(r"^(?:街道|乡镇|镇街|社区|[省市区县镇乡村旗])$")
BARE_ZONE = lazy(r"^(?:国家级)?(?:经济技术|经济|高新技术产业|综合|工业|经)?(?:开发区|保税区)$")
PLACE_PREFIX = lazy(r"^[\u4e00-\u9fff]{2,12}?(?:省|自治区|市|区|县|州|旗|盟|镇|乡|街道)")
# The opening sentence: a year and the bodies that led or guided, then the speaker and its verb.
# 2025年是……的收官之年, 区司法局坚持……: the year's description before the speaker is part of the lead
# (also 是……重点突破年); a year whose digits a copy lost (年,我市坚持……) still leads.
# A purpose clause may come first (为全面推进依法行政，2024年，某县坚持……).
# the basis a report cites before its year, its 我局 or its short form (根据……的部署，2023年，某街道……;
# 根据……有关规定，市应急局对照……) is a lead too
OPENING_LEAD = lazy(r"^(?:为[^,，。;；]{2,40}[,，]\s*|(?:根据|按照|依据)[^。\n:：]{2,150}?[,，]\s*(?=(?:19|20)\d{2}\s*年|我[局委厅办省市区县旗镇乡]|[省市区县][^,，。;；]{1,10}?(?:局|委|厅|办)))?(?:回顾\s*)?(?:(?:(?:19|20)\d{2}\s*年(?:度|以来|来|至今)?|年度?(?=\s*[,，]))\s*[,，]?\s*)?(?:以来|一年来|今年以来|今年来|近年来|过去一年|这一年|本年度|今年)?\s*[,，]?\s*"
                    r"(?:是[^,，。;；]{2,150}?年\s*[,，]\s*(?![也又更还]是))?")
OPENING_GUIDED = lazy(r"在[^。;!?]{0,80}?(?:领导|指导|引领|支持|监督|关心)[^,，。]{0,6}?下\s*[,，]\s*")
# a further guiding body after the first, without its own 在 (……领导下,省农业农村厅的正确指导下,)
OPENING_GUIDED_MORE = lazy(r"[^。;!?,，]{2,40}?的[^。;!?,，]{0,12}?(?:领导|指导|引领|支持|监督|关心)下\s*[,，]\s*")
OPENING_GUIDED_ANY = lazy(f"{OPENING_GUIDED.pattern}|{OPENING_GUIDED_MORE.pattern}")
COMMA = lazy(r"[,，]")
# 以……为指导/核心 (某县以深入学习贯彻……为核心) as a whole, before any word inside it; not 以下 (以下简称……)
SPEAKER_VERB = lazy(r"以(?![下来上前后及])[^,，。;；]{2,60}?为(?:指导|指引|核心|统领|引领|主线|抓手|目标|重点|遵循)|坚持|以习近平|深入|认真|全面|紧紧|按照|始终|持续|扎实|着力|聚焦|围绕|积极|切实|不断|"
                    r"大力|严格|贯彻|落实|立足|主动|自觉|对照|高度|牢牢|紧扣|锚定|加快|强化|推进|坚定|把|高举|着眼|对标")
# A template's placeholder place (xx市人民政府, ××县) is still the name the drafter will fill in.
HAN_NAME = lazy(r"(?:中共)?(?:[xX×○]{1,4}(?=[省市区县州旗镇乡]))?[\u4e00-\u9fff、 ]+(?:-[\u4e00-\u9fff]+)*")
# A zone's party working committee and management committee as one subject (某经济技术开发区党工委、管委会):
# a zone of any kind ZONE_TAIL names (高新区 among the 新区), or a park (园区).
ZONE_JOINT = lazy(r"^([\u4e00-\u9fff]{2,24}?(?:" + ZONE_KINDS + r"|园区))党工委[、 和及]?(?:\1)?管委会$")
# A town's party committee and government as one subject (某镇党委、政府, 某乡党委、乡政府), its
# county before it or not (某县某镇党委、政府).
TOWN_JOINT = lazy(r"((?:[\u4e00-\u9fff]{2,6}?[市区县])?)([\u4e00-\u9fff]{2,4}?)(镇|乡)党委[、 和及]?(?:\1?\2)?\3?(?:人民)?政府")
JOINT_RE = lazy(r"(?:中共)?([\u4e00-\u9fff]{2,10}?|[\u4e00-\u9fff](?=州))(省|市|区|县|州)党?委[、 和及]?(?:\1)?\2?(?:人民)?政府")
PLACE_ALL = lazy(r"^([\u4e00-\u9fff]{2,8}?(?:省|自治区|市|区|县))(?:各级|全省|全市|全区|全县)")
OWN_PARTY = lazy(r"^(厅|局|委)党(?:组|委)$")
# A department's party group or committee as the speaker (民政部党组, 市应急管理局党委): the department.
DEPARTMENT_PARTY = lazy(r"^(?:中共)?([\u4e00-\u9fff]{2,28}?(?:局|厅|部|委员会|办公室|委办))党(?:组|委)$")
# …and with the department's other name in brackets before it (某县藏语委办(编译局)党组): the department.
ALIAS_BEFORE_PARTY = lazy(r"\s*[(（][^()（）]{2,20}[)）](?=党(?:组|委)$)")
# A department's name written twice by a slip (某市民政局民政局): the body once.
DOUBLED_TAIL = lazy(r"([\u4e00-\u9fff]{2,6}(?:局|委|厅|办))\1$")
# A government with its departments as the subject (某县人民政府及其工作部门, 县政府及工作部门,
# 市政府及各部门): the government.
AND_DEPARTMENTS = lazy(r"(?<=政府)(?:及其|及各?)(?:工作|组成|所属)?部门$")
# …and the county's level written twice (某某县县卫生健康局): the department's name once.
DOUBLED_COUNTY = lazy(r"^([\u4e00-\u9fff]{1,8}县)县(?![城级域])(?=[\u4e00-\u9fff]{2,12}?(?:局|委员会|办公室|中心)$)")
# The standard short forms of a government a report calls itself by (市政府坚持……).
SHORT_GOVERNMENT = lazy(r"^(省|市|区|县)政府$")
LEVEL_JOINT = lazy(r"^(省|市|区|县)委[、 和及]?\1(?:人民)?政府$")  # 县委、县政府 (a joint report)
# an autonomous region's (自治区党委、政府): the region completed by ``qualify`` as 我区's is
REGION_JOINT = lazy(r"^自治区党委[、 和及]?(?:自治区)?(?:人民)?政府$")
# 全市, 各县, 本系统 …: all of a place or a body, no body itself; 全南县, 全椒县, 全州县, 本溪市 are places.
WHOLE_OF = lazy(r"^(?:全|各|本)(?:省|自治区|市|区|县|州|镇|乡|旗|盟|街道|系统|局|委|厅|办|单位|部门|级|体|面|年)(?!县|市|区)")
# A subject that is a phrase, not a name: 在……领导(下), 得益于……, 按照…… (a sentence whose
# 下 or comma the drafter left out).
NOT_SUBJECT = lazy(r"(?:在|得益于|按照|根据|随着|经过|通过|由于|是)")  # 2015年,是某区……的一年: no speaker
PLACE_TOPIC = lazy(r"^([\u4e00-\u9fff]{1,10}?(?:省|自治区|市|区|县|州|旗|盟|镇|乡|街道))(?:(?:19|20)\d{2}\s*年度?)?法治(?:政府)?建设(?:各项)?(?:工作)?$")
# …and a body's (元谋县交通运输局法治政府建设工作在……领导下, 郑州市卫生健康委的法治政府建设工作紧紧围绕……)
BODY_TOPIC = lazy(r"^([\u4e00-\u9fff]{4,30}?(?:局|委员会|委|厅|办公室|中心|办事处|管委会|政府))的?(?:(?:19|20)\d{2}\s*年度?)?法治(?:政府)?建设(?:各项)?(?:工作)?$")
# 全县法治政府建设工作(以……为指引): the law-based government of the whole place is its government's
# work (a department's report speaks of 我局); its place put back by ``qualify`` as 我县's is.
WHOLE_TOPIC = lazy(r"^全(省|市|区|县)(?:(?:19|20)\d{2}\s*年度?)?法治政府建设(?:各项)?(?:工作)?$")
SPEAKER_TAIL = lazy(r"(?:人民政府|政府|府办|办事处|管委会|委员会|局|委|办公室|办公厅|办|厅|署|部|中心"
                   r"|大队|支队|总队|调查队|海关|档案馆|联合社|联合会|总工会|红十字会|协会)$")
# 消防救援支队, 南京海关, and the people's organisations (残疾人联合会, 总工会, 科学技术协会): bodies that report too
# 现将某市农业农村局2024年法治政府建设情况报告如下 (……报告予以公开): the body named where the
# report is announced.
# also with the year before the name (现将2018年上海市法治政府建设情况的报告公开如下)
REPORT_FOLLOWS = lazy(r"现将(?:(?:19|20)\d{2}\s*年度?)?([\u4e00-\u9fff]{2,30}?)(?:(?:19|20)\d{2}\s*年|关于|法治)[^。]{0,40}?"
                      r"(?:(?:报告|汇报|总结)(?:公开)?如下|报告予以公开|报告予以公布|情况公开如下)")
# 现将《临沧市某局2025年度法治政府建设情况报告》予以公布: the report announced by its own title, whose
# head names the body in full (the text may go on to call it by a short form, 市某局).
ANNOUNCED_REPORT = lazy(r"现将《([^《》]{2,40}?(?:19|20)\d{2}\s*年度?[^《》]{0,30}?法治[^《》]{0,30}?报告)》")
# The other names a body goes by, in brackets after its name (市数据局(市营商环境建设局、市行政审批局),
# ……局(以下简称市局)): the name before them is the speaker.
ALIAS_AFTER = lazy(r"\s*[(（][^()（）]{2,40}[)）]$")
# The body calling itself 我区, 我市, 我省, 我镇: the government of a place the text names elsewhere.
SELF_PLACE = lazy(r"^我(省|市|区|县|旗|镇|乡)(?:(?:人民)?政府|上下)?$")  # 我旗: a banner, Inner Mongolia's county; 我市政府; 我市上下
# 我街道, 我街: a 街道's office, named by ``qualify`` from the one 街道 the text names (not 我街头).
SELF_STREET = lazy(r"^我街(?:道(?:办事处)?)?$")
SELF_STREET_IN = lazy(r"我街(?:道|[坚始深认全积严切不着扎])")
# 全区各级人民政府 speaking (a region's or province's report on all its governments): that
# government, its place put back by ``qualify`` like 我区's.
ALL_GOVERNMENTS = lazy(r"^[全我](省|市|区|县)(?:各级(?:(?:人民)?政府|行政机关)(?:及其部门)?"
                      r"|各(?:区|县|地|市)[、和及]各部门)$")  # 全市各区、各部门: the city's government and its offices
# A 街道 in its short form as the opening's subject (2024年,鹤龙街坚持……): only there, since
# elsewhere 某某街 is as likely a street.
STREET_SHORT = lazy(r"^([\u4e00-\u9fff]{2,4})街$")


# How a body's or a place's name ends; a title's head that ends otherwise (依法行政和, 区五年,
# 镇党委主要负责人履行推进) is not the reporting body; a body with its other name in brackets
# (某局(某局)) is read as an opening's subject is.
BODY_END = lazy(r"(?:局|委员会|委|办公室|办|厅|署|中心|部|室|所|院|处|政府|办事处|会|队|站|馆|社|司|海关"
                r"|省|市|区|县|州|旗|盟|镇|乡|街道|村)$")
# A site's column tag before a title (【年度报告】某区……): no body's name starts with a bracket.
COLUMN_TAG = lazy(r"^\s*[\[【][^\]】]{1,8}[\]】]\s*")
# A department's party group heading the title (中共某县审计局党组, also with the department after it): the department's report.
PARTY_GROUP = lazy(r"^中共([\u4e00-\u9fff]{2,28}?(?:局|厅|部|委员会|委|办公室|署))党(?:组|委)(?:[\s、]*\1)?$")
# A cover letter sending the report up (关于报送《某局2023年度法治政府建设情况报告》的报告).
SEND_VERBS = r"(?:报送|呈报|上报|提交|呈送)"
COVER_LETTER = lazy(r"^关于" + SEND_VERBS + r"《([^《》]{6,80}?(?:报告|总结))》的(?:报告|请示|函)$")
# A news title's verb after the body (国家卫健委发布……, 某省人民政府公布……情况).
ANNOUNCED_BY = lazy(r"(?<=[\u4e00-\u9fff]{2})(?:发布|公布)$")


def title_name(title: str) -> str | None:
    """The body's name as the title writes it: what comes before the year, 关于 or 法治
    (宝山区人民政府, 闵行区, 云溪区城市管理和综合执法局); a title that starts with the year
    names the body between the year and 法治, and one that starts with 关于 the body after it
    (关于浦东新区司法局2024年度……的报告).  The one reading of a title's issuer that the
    metadata and ``issuer-mismatch`` share."""
    title = COLUMN_TAG.sub("", DECORATION.sub("", title)).strip()
    cover = COVER_LETTER.match(title)  # 关于报送《某局2023年度……报告》的报告: the report's own title names the body
    title = (cover.group(1) if cover else title).removeprefix("关于")
    # 《某新区2022年度……情况》的报告 (a cover letter's title without its first line): the name inside the marks
    head = TITLE_NAME_SPLIT.split(title, maxsplit=1)[0].strip(TITLE_NAME_TRIM).lstrip("《〈")
    if not head:
        tail = LEADING_YEAR.sub("", title)
        head = re.split(r"关于|法治", tail, maxsplit=1)[0].strip(TITLE_NAME_TRIM)
    head = PARTY_GROUP.sub(r"\1", head)
    head = DEPARTMENT_PARTY.sub(r"\1", ALIAS_BEFORE_PARTY.sub("", head))  # 某局党组2025年度……: the 局's report
    return head if 2 <= len(head) <= 40 and not NOT_IN_NAME.search(head) else None


# A colon is in no body's name: what holds one is a label or a spam site's name put in the place's
# stead (中国体彩网:人民政府 for 某市人民政府).  Nor is a dash after a company's, a site's or a
# place's full name: a spam site's name joined to the place's (某某公司-某市); a zone's name joins
# two bare names with one (广西-东盟经济技术开发区).
NOT_IN_NAME = lazy(r"[:：]|(?:公司|网|省|市|县|区)\s*[-－—–]")


def issuer_from_title(title: str) -> str | None:
    """The reporting body named in a title, e.g. 宝山区人民政府 or 闵行区 → 闵行区人民政府."""
    head = title_name(title)
    if head and (BARE_ZONE.match(head) or WHOLE_OF.match(head) or head in GENERIC_AREAS or BARE_LEVEL_WORD.match(head)):
        return None  # 关于2018年度全省……的报告: the whole province names no body (the opening does)
    if head and PLACE_RE.match(head):
        return place_body(head)
    if head and head.startswith("中共"):
        return _government_placed(JOINT_GAP.sub(r"\1 ", head))  # 中共汉中市委汉中市人民政府 → 中共汉中市委 汉中市人民政府
    if head and (JOINT_RE.fullmatch(head) or ALIAS_AFTER.search(head) or STREET_SHORT.match(head)):
        return speaker_name(head)  # 某县委 县政府 (a joint report), 某区司法局（区行政审批局） (its other name), 某某街
    if head:
        head = ANNOUNCED_BY.sub("", head)  # 应急管理部发布2023年……报告: the body is what precedes 发布
    if head and not BODY_END.search(head):
        return None  # 2022年依法行政和法治政府建设工作报告: what precedes 法治 names no body
    return head


# A joint name's two bodies (中共蒙城县许疃镇委员会 许疃镇人民政府)
JOINT_PARTS = lazy(r"^中共([\u4e00-\u9fff]{2,24}?)(?:委员会|委) ([\u4e00-\u9fff]{2,20}?)人民政府$")


def _government_placed(joint: str) -> str:
    """中共蒙城县许疃镇委员会 许疃镇人民政府 → …… 蒙城县许疃镇人民政府: a title writes the place
    chain once, before the party committee, and the government it names sits at the same place."""
    parts = JOINT_PARTS.match(joint)
    if parts and parts.group(1) != parts.group(2) and parts.group(1).endswith(parts.group(2)):
        return joint[:parts.start(2)] + parts.group(1) + "人民政府"
    return joint


def place_body(place: str) -> str:
    """The body a place's name stands for: a 街道's 办事处, a development or bonded zone's
    管理委员会, a prefecture's 地区 or 盟's 行政公署 (the province's agency that governs it), any
    other place's 人民政府."""
    if place.endswith("街道"):
        return place + "办事处"
    if place.endswith(("地区", "盟")):
        return place + "行政公署"
    place = _as_city(place)
    zone = ZONE_TAIL.search(place) and not DISTRICT_NEW_AREA.search(place)
    return place + ("管理委员会" if zone else "人民政府")


def governing_body(name: str | None) -> str | None:
    """某经开区人民政府 → 某经开区管理委员会: a 我区 completed with a zone's name is the body that
    governs the zone (``place_body``); any other name is returned as it is."""
    if not name or not name.endswith("人民政府") or " " in name or not ZONE_TAIL.search(name[:-4]):
        return name
    return place_body(name[:-4])


# a line of the page's column path (>> 政务公开 | >> 年度报告 |, 首页 › 法治政府): no sentence, only links and arrows
NAVIGATION_LINE = lazy(r"[^。，,;；\n]*(?:>|»|›|＞)[^。，,;；\n]*\n")
# the body a report is sent to, on its own line before the text (市委：, 县委、县政府：, 市司法局：)
ADDRESSEE_LINE = lazy(r"[^。！？\n]{1,58}(?:委|政府|局|厅|部门|单位|办公室|委员会)\s*[:：]\s*\n")
# …and run into the text when it has no line breaks (中共某市委、某市人民政府: 2022年,某县坚持……)
ADDRESSEE_RUN_IN = lazy(r"[^。！？\n:：]{1,58}(?:委|政府|常委会|委员会)\s*[:：]\s*(?=(?:19|20)\d{2}\s*年|根据|按照|今年|一年来)")


def _as_city(place: str) -> str:
    """广州 → 广州市: a name ending in 州 that the list of divisions has as a city is that city,
    not a 州 (朔州委 drops the 市 of 朔州市委); an autonomous prefecture's short form is written
    out (巴州 → 巴音郭楞蒙古自治州, 甘孜州 → 甘孜藏族自治州)."""
    if not place.endswith("州"):
        return place
    if places.level_of(place + "市"):
        return place + "市"
    return places.autonomous_prefecture(place) or place


def issuer_from_opening(text: str) -> str | None:
    """The body that speaks in the opening sentences: 长宁区府办坚持……, 2023年,静海区坚持……,
    2021年,在市委、市政府正确领导下,广州市交通运输局坚持……, 2024年,云南省委、省政府坚持……
    (a joint report: 中共云南省委 云南省人民政府).  A place alone names its government
    (静海区 → 静海区人民政府); 我局, 全市 name no body a reader could identify.  A first sentence
    that announces the report by its own title (现将《某局2025年度……报告》予以公布) names the body
    as that title does, before any short form the text goes on to use."""
    text = without_pinyin(text.strip()[:600])
    # the page's column path (>> 阳光执法 | >> 年度报告 |) or the addressee (市委：, 县委、县政府：) above the text
    while NAVIGATION_LINE.match(text) or ADDRESSEE_LINE.match(text):
        text = text.partition("\n")[2].lstrip()
    run_in = ADDRESSEE_RUN_IN.match(text)
    if run_in:
        text = text[run_in.end():]
    announced = ANNOUNCED_REPORT.search(text.split("。")[0])
    if announced and (named := issuer_from_title(announced.group(1))):
        return named
    for sentence in text.split("。")[:3]:
        name = _speaker(sentence)
        if name:
            return name
    follows = REPORT_FOLLOWS.search(text)  # 现将江门市农业农村局2024年……报告如下
    if follows:
        return speaker_name(follows.group(1))
    # a junk line a copy set above the opening (某网登录(……发布报告)): the opening's own line
    for line in text.split("\n")[1:5]:
        name = _speaker(line.split("。")[0]) if line.strip() else None
        if name:
            return name
    return None


def _speaker(sentence: str) -> str | None:
    rest = OPENING_LEAD.sub("", sentence.strip(), count=1)
    guiding = OPENING_GUIDED
    while True:
        guided = guiding.match(rest)
        if not guided:
            break
        rest = rest[guided.end():]
        guiding = OPENING_GUIDED_ANY
    verb = SPEAKER_VERB.search(rest)
    guided = OPENING_GUIDED.search(rest[:verb.start()] if verb else rest)  # 市市场监管局在市委市政府的坚强领导下,深入……
    if guided:
        subject = rest[:guided.start()]  # also with no verb we know (某区2024年法治政府建设工作在区委的领导下,取得……)
    elif verb:
        subject = rest[:verb.start()]
    else:
        return None
    return speaker_name(subject) or _named_before_comma(subject)


def _bare_city(subject: str) -> str | None:
    """株洲 → 株洲市: a subject that is a city's or county's name without its level: the prefecture
    of that name (长沙 is the city 长沙市, not 长沙县), else the one county-level city or county."""
    if not 2 <= len(subject) <= 4 or subject[-1] in "省市区县州旗盟镇乡":
        return None
    if places.level_of(subject + "市") == "c":
        return subject + "市"
    found = [subject + level for level in "市县" if places.level_of(subject + level)]
    return found[0] if len(found) == 1 else None


def _named_before_comma(subject: str) -> str | None:
    """楚雄市林业和草原局,以……为目标: a body's full name set off by a comma before its verb
    (only a name ending as a body does: 局, 委, 政府 …, so a phrase before a comma is not taken)."""
    head = COMMA.split(subject, maxsplit=1)[0]
    if head == subject or not SPEAKER_TAIL.search(head) or not PLACE_PREFIX.match(head):
        return None
    return speaker_name(head)


def speaker_name(subject: str) -> str | None:
    """A body's name from the subject of a sentence, or None when it is not one."""
    subject = ALIAS_AFTER.sub("", subject.strip(TITLE_NAME_TRIM))  # 市数据局(市营商环境建设局、……)
    subject = DOUBLED_TAIL.sub(r"\1", subject.strip(TITLE_NAME_TRIM).removeprefix("原"))
    subject = DOUBLED_COUNTY.sub(r"\1", subject)
    subject = AND_DEPARTMENTS.sub("", subject)  # 某县人民政府及其工作部门: the government's report
    subject = LEADERSHIP.sub("", subject)  # 中都街道领导班子: the body its leadership speaks for
    subject = DEPARTMENT_PARTY.sub(r"\1", ALIAS_BEFORE_PARTY.sub("", subject))  # 民政部党组坚持……: the ministry's report
    whole = WHOLE_TOPIC.match(subject)
    if whole:
        return whole.group(1) + "人民政府"
    topic = PLACE_TOPIC.match(subject) or BODY_TOPIC.match(subject)  # 中村乡(2024年)法治政府建设工作(在……领导下): the place's own work
    if topic:
        subject = topic.group(1)
    if not 2 <= len(subject) <= 30 or not HAN_NAME.fullmatch(subject):
        return None
    short = SHORT_GOVERNMENT.match(subject)
    if short:  # 市政府: the place's government, its place put back by ``qualify``
        return short.group(1) + "人民政府"
    joint = LEVEL_JOINT.match(subject)
    if joint:  # 县委、县政府: both bodies, their place put back by ``qualify``
        return f"{joint.group(1)}委 {joint.group(1)}人民政府"
    if REGION_JOINT.match(subject):
        return "区委 区人民政府"
    own_party = OWN_PARTY.match(subject)
    if own_party:  # 局党组 speaks for its 局, as 我局 does
        subject = "我" + own_party.group(1)
    if OWN_SHORT.match(subject):  # 我厅: completed by ``qualify`` from the documents it cites
        return subject
    if SELF_STREET.match(subject):
        return "街道办事处"
    own = SELF_PLACE.match(subject) or ALL_GOVERNMENTS.match(subject)
    if own:  # 我区: the place's government, its place put back by ``qualify`` from the text
        return own.group(1) + "人民政府"
    joint = JOINT_RE.fullmatch(subject)
    if joint and joint.group(1) not in ("全", "本", "我", "该", "各") and joint.group(1) != "自治":
        # 巴州党委、政府, not 全州党委、政府; 宁夏回族自治区党委和政府 is the region's, not a bare 自治区党委
        full = _as_city(joint.group(1) + joint.group(2))  # 朔州委、政府 (市 dropped): the city 朔州市
        return f"中共{full}委 {full}人民政府"
    zone = ZONE_JOINT.match(subject)
    if zone and zone.group(1)[0] not in "全本我各该每":  # the zone's 党工委 is its 工作委员会, its 管委会 its 管理委员会
        return f"中共{zone.group(1)}工作委员会 {zone.group(1)}管理委员会"
    town = TOWN_JOINT.fullmatch(subject)
    if town and (town.group(1) or town.group(2))[0] not in "全本我各该每":  # 观胜镇党委、政府: a town's committee is its 委员会
        full = town.group(1) + town.group(2) + town.group(3)
        return f"中共{full}委员会 {full}人民政府"
    whole = PLACE_ALL.match(subject)
    if whole:  # 江苏省各级政府及其部门: the province's report
        return whole.group(1) + "人民政府"
    if subject.startswith("我") or WHOLE_OF.match(subject) or NOT_SUBJECT.match(subject):
        return None
    if subject in PROVINCES:  # 广东坚持……: a province by its short name alone speaks for its government
        return subject + "省人民政府"
    if subject in REGIONS:
        return REGIONS[subject] + "人民政府"
    city = _bare_city(subject)
    if city:  # 株洲深入贯彻……: a city by its name alone speaks for its government
        return city + "人民政府"
    street = STREET_SHORT.match(subject)
    if street:  # 鹤龙街: the 街道's short form
        return street.group(1) + "街道办事处"
    if subject[0] in BARE_LEVEL:  # 区政府办公室: 区人民政府办公室, its place put back by ``qualify``
        return OFFICE_SHORT.sub(r"人民政府办公\1", subject) if SPEAKER_TAIL.search(subject) and len(subject) >= 4 else None
    if subject == "园区":  # a park by its short form: completed by ``qualify`` from the one park the text names
        return "园区管理委员会"
    if PLACE_RE.match(subject):
        return place_body(subject) if subject not in GENERIC_AREAS else None
    if SPEAKER_TAIL.search(subject) and len(subject) >= 3:
        return full_government(subject)  # 山东省政府坚持……: 山东省人民政府
    return None


def signature_name(line: str) -> str | None:
    """The body a signature line names (云溪区人民政府, 中共某县委 某县人民政府); a numbered
    heading (1.1.2国家……纲要的顶层部署) is not one.  The date on the same line, a seal's note
    ((盖章)) and a PDF's letter spacing (云 溪 区 司 法 局) are not part of the name."""
    text = SIGNATURE_EXTRAS.sub("", line.strip())
    if LETTERS_SPACED.fullmatch(text):
        text = "".join(text.split())
    if not 3 <= len(text) <= 30 or text[0].isdigit() or not HAN_NAME.fullmatch(text):
        return None  # a name is characters and spaces: no marks, no figures, no dashes before a name
    parts = text.split()
    if all(SPEAKER_TAIL.search(p) and not (p[0] in BARE_LEVEL) for p in parts):
        return " ".join(parts)
    return None


SIGNATURE_EXTRAS = lazy(r"\s*[(（](?:盖章|印章|公章|章)[)）]|\s+(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
LETTERS_SPACED = lazy(r"[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){3,}")


# the body's own plan for the report's year, which it says it made: 制定出台《余杭区农业农村局2020年法治工作要点》
PLAN_TITLE = (r"《((?:[\u4e00-\u9fff]{2,6}?(?:省|自治区|市|区|县|镇|乡|街道)){1,2}[\u4e00-\u9fff]{0,12}?)"
              r"((?:19|20)\d{2})\s*年度?[^》]{0,20}?法治[^》]{0,16}》")
OWN_PLAN = lazy(r"(?:制定|出台|印发)[^《。]{0,6}" + PLAN_TITLE)
ANY_PLAN = lazy(PLAN_TITLE)


def issuer_from_own_plan(text: str, year: int | None) -> str | None:
    """A page that never names its body in an opening (it starts at 一、) but says it made its
    own 法治 plan for the report's year, 《某区某局2020年法治工作要点》: that body — only when no
    other body's plan for that year is named."""
    if year is None:
        return None
    made = {speaker_name(m.group(1)) for m in OWN_PLAN.finditer(text) if int(m.group(2)) == year}
    named = {speaker_name(m.group(1)) for m in ANY_PLAN.finditer(text) if int(m.group(2)) == year}
    made.discard(None)
    return made.pop() if len(made) == 1 and named == made else None


# The report sent to the State Council (国务院：, 党中央、国务院：): a province's or region's, by the rules
TO_STATE_COUNCIL = lazy(r"^\s*(?:中共中央|党中央)?[、，, ]?国务院\s*[:：]\s*$", re.M)
PROVINCE_SELF = lazy(r"全省|我省|省政府|省人民政府|全区|我区|自治区人民政府")


def issuer_from_addressee(text: str) -> str | None:
    """A report addressed to 国务院 that speaks of 全省/省政府 is a province's (a region's)
    government's: its place put back by ``qualify`` from the one province the text names.  A
    ministry reports to 国务院 too, but never speaks of 全省."""
    head = text[:300]
    if not TO_STATE_COUNCIL.search(head) or not PROVINCE_SELF.search(text):
        return None
    # the one province the text names, else (a text that says 自治区) the one region it names
    return qualify("省人民政府", text) or (qualify("区人民政府", text) if "自治区" in text else None)


def issuer_from_self_reference(text: str) -> str | None:
    """A town's report that never names itself in an opening (its page starts at 一、) but
    says 我镇/我乡/我街道 in the body and names one town: that town's government (街道's office)."""
    for level in "镇乡":
        if "我" + level in text or (level == "镇" and "本镇" in text):  # 现将本镇……报告如下
            return qualify(level + "人民政府", text)
    return qualify("街道办事处", text) if SELF_STREET_IN.search(text) else None


# A department's short form that nothing in the text or the page completes (区退役军人事务局坚持……,
# in a text that never names its district): the body as the text calls it, which a reader takes too.
UNPLACED_DEPARTMENT = lazy(r"^[省市区县旗](?!人民政府$)[\u4e00-\u9fff]{2,16}?(?:局|委员会|委|厅|办公室|中心)$")


def unplaced_department(speaker: str | None) -> str | None:
    """The opening's speaker when it is a department's short form left without its place
    (区教育局, 市人民政府办公室), else None; a government (县人民政府 for 我县) says too little to give."""
    return speaker if speaker and UNPLACED_DEPARTMENT.match(speaker) else None


def full_government(name: str) -> str:
    """某县政府 → 某县人民政府, 某市政府办公厅 → 某市人民政府办公厅: the name a government or its
    office is compared and shown by (a name already written out, or not a government's, is returned as it is)."""
    name = OFFICE_SHORT.sub(r"人民政府办公\1", name)  # 某市政府办公厅: its office, written out
    return name[:-2] + "人民政府" if name.endswith("政府") and not name.endswith("人民政府") else name
