"""Timeliness (``deadline``): the publication date against the deadline for the reporting
body's level.

- Level: ``government`` (人民政府, 政府, a joint 区委/县委 … report) or ``department``
  (局, 委, 办, 办公室, 府办, 中心 …), from the longest matching suffix of the issuer; the
  ``level`` param (settable per path in the config) overrides it.  An issuer with no known
  suffix is treated as a government.
- Deadline: the ``deadline`` param when set (per-path config shorthand ``deadline: "03-01"``:
  the deadline for that file whatever its level), else the rule set's ``deadlines:`` entry
  for the level, else ``03-31``.  The date is the last day that is on time (inclusive), in
  the year after the report year.
- Published after the deadline: the rule's severity (error).  Published on 4月1日 itself
  when the deadline is 3月31日, for the levels in ``edge_warning`` (default: both): a
  warning, because the 规定 says "before 4月1日" and evaluators read the day itself
  differently.  A deadline other than 3月31日 has no such edge.  Published
  before 12月31日 of the report year: not a full-year report.  Earlier than ``year_end_from``
  (default 11月1日) that is an error — the date or the report year is wrong; in the year's last
  two months a warning — bodies do publish year-end summaries then (seen on real pages, from
  late November: 11-20, 11-30), and the
  reviewer asks for the year's end or the figures' cut-off date, not a corrected date.  No date read
  — on a web page, on the text of a saved page, or in a bare draft (.txt/.docx with no page
  furniture): one info finding, so a reviewer knows the check did not run.  Info never
  changes the exit code (default ``--fail-on error``).  A run on drafts says so with
  ``draft: true`` in the config or ``--draft`` (``missing_date: false``), and the rule is quiet.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.check import crossyear
from checker.check.hit import Hit
from checker.parse.document import Document

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    import datetime as dt

LEVELS = ("government", "department")
LEVEL_NAMES = {"government": "政府", "department": "政府部门"}
DEFAULT_DEADLINE = "03-31"
STATUTORY_DAY = (4, 1)  # 规定 第二十四条: public *before* 4月1日 — whether the day counts is disputed
DEFAULTS: dict = {
    "deadline": None,
    "level": None,
    "government_suffixes": ["人民政府", "政府", "区委", "县委", "市委", "州委", "盟委", "旗委", "省委"],
    "department_suffixes": ["局", "委员会", "委", "办公室", "办公厅", "府办", "办", "中心", "厅", "署"],
    "edge_warning": ["government", "department"],  # 第二十四条: "4月1日之前" binds both
    "year_end_from": "11-01",
    "missing_date": True,
}


DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # of a leap year, so 02-29 is accepted


def _month_day(value, name: str) -> None:
    """A rule's ``MM-DD`` param checked without ``datetime``, which only a report with a date
    needs (importing it was ~2 % of a one-report run)."""
    if value is None:
        return
    try:
        month, day = (int(x) for x in str(value).split("-"))
    except ValueError:
        month = day = 0
    if len(str(value)) != 5 or not 1 <= month <= 12 or not 1 <= day <= DAYS_IN_MONTH[month - 1]:
        raise ValueError(f"{name}: must be a month-day string such as \"03-31\" (got {value!r})")


def prepare(params: dict) -> None:
    _month_day(params["deadline"], "deadline")
    _month_day(params["year_end_from"], "year_end_from")
    if params["level"] is not None and params["level"] not in LEVELS:
        raise ValueError(f"level: must be one of {', '.join(LEVELS)} or null")
    for level in params["edge_warning"]:
        if level not in LEVELS:
            raise ValueError(f"edge_warning: unknown level {level!r} (known: {', '.join(LEVELS)})")


def level_of(issuer: str | None, params: dict) -> str | None:
    """government / department from the issuer's longest matching suffix (None: unknown)."""
    if not issuer:
        return None
    name = "".join(issuer.split())
    best, best_len = None, 0
    for level, key in (("government", "government_suffixes"), ("department", "department_suffixes")):
        for suffix in params[key]:
            if name.endswith(suffix) and len(suffix) > best_len:
                best, best_len = level, len(suffix)
    return best


def limit_date(year: int, month_day: str) -> dt.date:
    import datetime as dt

    month, day = (int(x) for x in month_day.split("-"))
    if month == 2 and day == 29:
        try:
            return dt.date(year, 2, 29)
        except ValueError:
            return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def _where(doc: Document) -> str:
    """Where the date was looked for, as the reader knows the input."""
    if doc.source.expects_date:
        return "网页上"
    return "保存的网页文字中" if doc.metadata.from_page else "文中"


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    params = rule.params
    meta = doc.metadata
    start, end = crossyear.title_span(doc)
    if not meta.published:
        if params["missing_date"]:
            where = _where(doc)
            yield Hit(start, end, severity="info",
                      fields={"detail": f"{where}没有找到发布日期，无法判断是否按时公开；"
                                        "公开时请在页面上标明发布时间（尚未公开的草稿可忽略本提示）。"})
        return
    if meta.published == meta.delivered:
        yield Hit(start, end, severity="info",
                  fields={"detail": f"页面上的日期（{meta.published}）是向人民代表大会或其常务委员会作报告的日期，"
                                    "不是报告向社会公开的日期，无法据此判断是否按时公开；请核对报告在网站等渠道公开的时间。"})
        return
    import datetime as dt

    try:
        published = dt.date.fromisoformat(meta.published)
    except ValueError:
        return
    if meta.year is None:
        return
    if published < dt.date(meta.year, 12, 31):
        yield _before_year_end(published, meta.year, params, start, end)
        return
    level = params["level"] or level_of(meta.issuer, params)
    month_day = params["deadline"] or (ruleset.deadlines or {}).get(level or "government") or DEFAULT_DEADLINE
    limit = limit_date(meta.year + 1, month_day)
    if published <= limit:
        return
    who = LEVEL_NAMES.get(level or "", "政府") + ("" if level else "（未能从发布单位判断级别，按政府）")
    where = f"{limit.month}月{limit.day}日"
    edge = limit + dt.timedelta(days=1)
    if published == edge and (edge.month, edge.day) == STATUTORY_DAY and (level or "government") in params["edge_warning"]:
        yield Hit(start, end, severity="warning",
                  fields={"detail": f"发布于{published.isoformat()}，恰在{published.month}月{published.day}日当天。"
                                    f"规定要求{published.month}月{published.day}日之前公开，当日公开是否按时存在争议，"
                                    f"{who}报告宜在{where}前公开。"})
        return
    late = (published - limit).days
    yield Hit(start, end, fields={"detail": f"发布于{published.isoformat()}，晚于{who}报告的公开期限"
                                            f"{limit.year}年{where}（逾期{late}天）。"})


def _before_year_end(published: dt.date, year: int, params: dict, start: int, end: int) -> Hit:
    """A report of ``year`` published before that year ended: in its last weeks a warning (a
    year-end summary published early), earlier an error (the date or the year is wrong)."""
    late_in_year = params["year_end_from"] is not None and published >= limit_date(year, params["year_end_from"])
    if late_in_year:
        return Hit(start, end, severity="warning",
                   fields={"detail": f"发布于{published.isoformat()}，{year}年尚未结束，报告不能反映全年情况；"
                                     f"请核对报告年度，或在报告中写明数据统计的截止日期，年度结束后再更新公开。"})
    return Hit(start, end, fields={"detail": f"发布日期{published.isoformat()}早于{year}年结束，"
                                             f"不可能是{year}年度的全年报告，请核对发布日期或报告年度。"})
