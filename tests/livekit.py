"""Compare fzcheck's reading of real report openings with hand labels (labels.yaml).

Shared by tests/parse/test_live.py and scripts/live_table.py.  An issuer agrees when it names
the same body: spaces dropped, the standard short forms written out (区政府 → 区人民政府), and a
higher-level place the page leaves out allowed (静海区人民政府 for 天津市静海区人民政府), because
a reader cannot take from the page what it does not print.

A town's or street's county (汶上县中都街道办事处 for 中都街道办事处) may be left out the same way,
and so may the city of each body of a joint name (中共东昌区委 东昌区人民政府 for 中共通化市东昌区委员会
通化市东昌区人民政府).  A body's other name in brackets (某委办(编译局)) is the same body.

A label may say ``issuer_from_url: true``: the text does not name the body, only the page's
address or site does.  Such a file counts in ``issuer`` (what the lead's target measures) and is
left out of ``issuer, text names it`` (what a reader of the text alone could give).  Where a page
allows two honest readings (a joint subject, a congress report's delivery line as its date), the
label gives the other in ``issuer_alt`` / ``published_alt`` / ``title_alt`` / ``first_part_alt``.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from checker.parse.shortform import PROVINCES, REGIONS
from checker.run.pipeline import check_path

FIELDS = ("is_report", "report kept", "non-report recognised", "title", "issuer", "issuer, text names it", "year",
          "published", "first_part", "on_time", "title printed, no 'no title'", "no issuer-mismatch")
SHORT = re.compile(r"(区|县|市|省|州|旗)政府$")
# Standard abbreviations of a department's name: the same body, as a reader would take it.
ABBREVIATIONS = {"卫健委": "卫生健康委员会", "市场监管局": "市场监督管理局", "人社局": "人力资源和社会保障局",
                 "人力社保局": "人力资源和社会保障局", "高新区": "高新技术产业开发区", "经开区": "经济技术开发区",
                 "应急局": "应急管理局", "人社厅": "人力资源和社会保障厅",
                 "林草局": "林业和草原局", "科技局": "科学技术局", "科技厅": "科学技术厅",
                 "文旅局": "文化和旅游局", "文旅厅": "文化和旅游厅", "教委": "教育委员会", "管委会": "管理委员会"}
# 重庆两江新区: the city's name without 市; 山东青岛市……: a province's name without 省 (the fixed national list)
PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区|市)|北京|天津|上海|重庆|" + "|".join(PROVINCES + tuple(REGIONS)) + ")$")
COUNTY_COMMITTEE = re.compile(r"^(中共[\u4e00-\u9fff]{1,10}?县)县委")
TOWN_BODY = re.compile(r"(?:街道办事处|镇人民政府|乡人民政府)$")
COUNTY_CHAIN = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|区|县|旗))+$")
# A zone by its name alone (两江新区) is its 管理委员会, as 某区政府 is its 人民政府.
ZONE = re.compile(r"(?:开发区|保税区|(?<!浦东)(?<!滨海)新区|园区)$")  # 浦东新区, 滨海新区 are districts
STREET_SHORT = re.compile(r"(?<=[\u4e00-\u9fff]{2})街$")
BARE_PLACE = re.compile(r"[\u4e00-\u9fff](?:省|自治区|市|区|县|旗|州|盟|镇|乡|街道)$")
# A joint subject as a label may write it (泽州县委、县政府): the two bodies as fzcheck names them.
JOINT = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,10}?)(省|市|区|县)委[、和及]?(?:\1)?\2?(?:人民)?政府$")
# 某区政府办 (also 某区人民政府办), the standard short form of the government's 办公室; not inside 人民政府办公室
GOVERNMENT_OFFICE = re.compile(r"(?:人民)?政府办$")
# a report published before its year ended (the deadline rule's other finding, not lateness)
EARLY = re.compile(r"早于(?:19|20)\d{2}年结束")
# A party committee by its full name (中共某县委员会) or its standard short form (中共某县委): one body.
# A body's other name in brackets after its name (某委办(编译局)): the same body without it.
ALIAS = re.compile(r"[(（][^()（）]{1,20}[)）]")
COMMITTEE = re.compile(r"^(中共[\u4e00-\u9fff]{1,20}?(?:省|自治区|市|区|县|旗|州|镇|乡))委员会")


def load_labels(folder: Path) -> dict:
    return yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8")) or {}


def canonical(name: str | None) -> str | None:
    if name is None:
        return None
    from checker.read.chinese import to_simplified

    name = ALIAS.sub("", to_simplified("".join(name.split())))
    for short, full in ABBREVIATIONS.items():
        name = name.replace(short, full)
    name = GOVERNMENT_OFFICE.sub("人民政府办公室", name)  # 区政府办: the government's office by its short form
    name = COMMITTEE.sub(r"\1委", name)
    name = COUNTY_COMMITTEE.sub(r"\1委", name)  # 中共浚县县委 as a title prints it: 中共浚县委
    if name.endswith("委") and not name.endswith("党委") and not name.startswith("中共"):
        name += "员会"  # 某省卫生健康委: the standard short form of its 委员会
    joint = JOINT.match(name)
    if joint:
        place = joint.group(1) + joint.group(2)
        return f"中共{place}委{place}人民政府"  # spaces are dropped above
    if ZONE.search(name):
        name += "管理委员会"
    name = STREET_SHORT.sub("街道", name)  # 石门街: the street's short form
    if BARE_PLACE.search(name):  # a place by its name alone (梁平区, 徐行镇) is its government, as 某区政府 is
        name += "办事处" if name.endswith("街道") else "人民政府"
    return SHORT.sub(r"\1人民政府", name)


def same_issuer(want: str | None, got: str | None) -> bool:
    if want and got and len(want.split()) == len(got.split()) == 2:  # a joint name: each body as one name is
        return all(_same(canonical(w).removeprefix("中共"), canonical(g).removeprefix("中共"))
                   for w, g in zip(want.split(), got.split()))
    return _same(canonical(want), canonical(got))


def _same(a: str | None, b: str | None) -> bool:
    """Two canonical names of one body: equal, or one with higher places before it."""
    if a is None or b is None:
        return a == b
    if a == b:
        return True
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    left = longer[: len(longer) - len(shorter)]
    if not longer.endswith(shorter):
        return False
    # a town's or street's county and city above it (汶上县中都街道办事处 for 中都街道办事处)
    return bool(PLACE.match(left) or (TOWN_BODY.search(shorter) and COUNTY_CHAIN.match(left)))


def _flat(text: str | None) -> str | None:
    """A title without spaces, in simplified characters: a traditional page's metadata may give
    the simplified form (issue 14), as ``canonical`` allows for the issuer; and without the pinyin a
    learners' copy inserts (關(guān)于), which a label may keep as printed."""
    if text is None:
        return None
    from checker.parse.page_marks import without_pinyin
    from checker.read.chinese import to_simplified

    return to_simplified(without_pinyin("".join(text.split())))


def _options(label: dict, key: str) -> list:
    """The label's reading and the other honest ones it allows (``issuer_alt``, ``published_alt``:
    one value or a list)."""
    alt = label.get(f"{key}_alt")
    return [label.get(key)] + (list(alt) if isinstance(alt, list) else [] if alt is None else [alt])


def _first_part(result) -> str | None:
    """The key of the report's first part: a paragraph found embedded in the text (in the opening
    above part 一, or inside a part, on the part's own line when the text has no line breaks) is
    not a part of its own; it counts only when the report has no part at all."""
    parts = sorted(result.sections, key=lambda s: (s.get("embedded", False), s["line"]))
    return parts[0]["key"] if parts else None


def _on_time(result) -> bool | None:
    # published before the year ended is the rule's other finding (a warning in the year's last weeks,
    # an error before them), not lateness
    hits = [f for f in result.findings if f.rule == "deadline" and f.severity in ("error", "warning")
            and "尚未结束" not in f.message and not EARLY.search(f.message)]
    if hits:
        return False
    return True if result.metadata.get("published") else None


def compare(folder: Path, labels: dict, ruleset) -> tuple[dict, list]:
    """(field → (agreed, labelled)), and (file, field, label, got) for each disagreement."""
    rows = {field: [0, 0] for field in FIELDS}
    misses = []

    def tally(name, field, ok, want, got):
        rows[field][1] += 1
        rows[field][0] += bool(ok)
        if not ok:
            misses.append((name, field, want, got))

    for name, label in sorted(labels.items()):
        result = check_path(str(folder / name), ruleset)
        rules = {f.rule for f in result.findings}
        meta = result.metadata
        is_report = label.get("is_report", True)
        verdict = ("not-a-report" not in rules) == is_report
        tally(name, "is_report", verdict, is_report, "not-a-report" not in rules)
        # the same verdict, counted apart for reports and non-reports (docs/precision.md's two columns)
        apart = rows["report kept" if is_report else "non-report recognised"]
        apart[0] += verdict
        apart[1] += 1
        if not is_report:
            continue
        titles = [_flat(t) for t in _options(label, "title")]
        tally(name, "title", _flat(meta["title"]) in titles, label.get("title"), meta["title"])
        issuers = _options(label, "issuer")
        issuer_ok = any(same_issuer(w, meta["issuer"]) for w in issuers)
        tally(name, "issuer", issuer_ok, label.get("issuer"), meta["issuer"])
        if not label.get("issuer_from_url"):
            tally(name, "issuer, text names it", issuer_ok, label.get("issuer"), meta["issuer"])
        tally(name, "year", meta["year"] == label.get("year"), label.get("year"), meta["year"])
        published = [None if d is None else str(d) for d in _options(label, "published")]
        tally(name, "published", meta["published"] in published, label.get("published"), meta["published"])
        tally(name, "first_part", _first_part(result) in _options(label, "first_part"),
              label.get("first_part"), _first_part(result))
        if label.get("on_time") is not None:
            tally(name, "on_time", _on_time(result) == label["on_time"], label["on_time"], _on_time(result))
        if label.get("title"):
            no_title = any(f.rule == "title-format" and "找不到报告标题" in f.message for f in result.findings)
            tally(name, "title printed, no 'no title'", not no_title, "title", "no title")
        mismatch = [f.message for f in result.findings if f.rule == "issuer-mismatch"]
        tally(name, "no issuer-mismatch", not mismatch, None, mismatch[:1])
    return {k: tuple(v) for k, v in rows.items()}, misses
