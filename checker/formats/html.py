"""``--format html``: the reviewer's page.

One report → one self-contained page (CSS and JS inline, no external resource): header with
metadata, score, counts and the checklist of the five items; the whole report text with its
outline, every finding highlighted where it applies with its message beside it; a findings list
that filters and jumps; and the explanation of every rule that fired.

A batch (``-o out/``) → ``out/index.html`` (a dashboard of all reports) and one page per report
beside it.  Without ``-o`` a single report's page (or, for several reports, the dashboard
without links) goes to standard output.

Report text reaches the page only through jinja2 with autoescape on; the page also carries a
Content-Security-Policy that allows only its own inline script (by hash), so a report containing
``<script>`` could not run even if escaping were ever broken.  jinja2 is imported here only,
so text and JSON runs start fast.
"""
from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path
from urllib.parse import quote

from checker import __version__
from checker.check.finding import SEVERITIES
from checker.run.result import ReportResult, RunResult

from ._common import light
from .html_index import index_view, page_names  # noqa: F401 - page_names: a public helper of this format
from .html_report import SEVERITY_LABELS, deadline_status, report_view  # noqa: F401 - deadline_status: likewise

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


# ----------------------------------------------------------------------------- entry points

def render(run: RunResult, ruleset=None, options=None) -> str:
    """One page: the report page for one report, else the dashboard (without page links)."""
    if len(run.reports) == 1 and not _roster(options):
        return render_report(run.reports[0], ruleset, run)
    return render_index(run, ruleset, pages=None, options=options)


def write(run: RunResult, ruleset, options, output_path: str) -> None:
    """Write one page, or for several reports (or a directory target) a dashboard plus pages."""
    from checker.run.output import guard, write_atomic

    target = Path(output_path)
    as_dir = output_path.endswith(("/", os.sep)) or target.is_dir() or (
        len(run.reports) > 1 and target.suffix.lower() not in (".html", ".htm"))
    if not as_dir and len(run.reports) == 1 and not _roster(options):
        write_atomic(str(target), render_report(run.reports[0], ruleset, run))
        return
    if as_dir:
        folder, index_name = target, "index.html"
    else:
        folder, index_name = target.parent, target.name
    folder.mkdir(parents=True, exist_ok=True)
    pages = page_names(light(run), reserved={index_name})
    for name in [*pages, index_name]:  # refuse before writing anything: no half-written batch
        guard(str(folder / name))

    def written():
        """Each report once its page is written: the dashboard is drawn from the same pass."""
        for report, name in zip(run.reports, pages):
            write_atomic(str(folder / name), render_report(report, ruleset, run, index_href=quote(index_name)))
            yield report

    write_atomic(str(folder / index_name), render_index(run, ruleset, pages=pages, options=options, reports=written()))
    if not getattr(options, "quiet", False):
        import sys

        print(f"fzcheck: 汇总页面：{folder / index_name}（另有 {len(pages)} 份报告的审查页面在同一目录）",
              file=sys.stderr)


# ----------------------------------------------------------------------------- rendering

def render_report(report: ReportResult, ruleset, run: RunResult | None = None, index_href: str | None = None) -> str:
    env = jinja_env()
    script = asset("report.js")
    from .memo_view import memo_view

    return env.get_template("report.html").render(
        page=page_context(script), report=report_view(report, ruleset), index_href=index_href,
        memo=memo_view(report, ruleset),
        ruleset_name=(run.ruleset if run else getattr(ruleset, "name", "")) or "",
        script=_markup(script))


def render_index(run: RunResult, ruleset, pages: list[str] | None, options=None, reports=None) -> str:
    """The dashboard; ``reports``: see :func:`index_view`."""
    from .roster_view import roster_view

    env = jinja_env()
    script = asset("index.js")
    config = getattr(options, "config", None)
    batch = index_view(run, ruleset, pages, reports)
    batch["roster"] = roster_view(light(run), _roster(options), config, ruleset, load=run.reports.__getitem__)
    return env.get_template("index.html").render(page=page_context(script), batch=batch,
                                                 ruleset_name=run.ruleset, script=_markup(script))


def _roster(options) -> tuple:
    """The units expected to submit (config ``roster``), if any."""
    return tuple(getattr(getattr(options, "config", None), "roster", ()) or ())


def jinja_env():
    import jinja2

    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                  trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    return _ENV


_ENV = None
_ASSETS: dict[str, str] = {}


def asset(name: str) -> str:
    if name not in _ASSETS:
        _ASSETS[name] = (TEMPLATES / name).read_text(encoding="utf-8")
    return _ASSETS[name]


def _markup(text: str):
    """Our own asset (CSS/JS from checker/templates), never report text."""
    from markupsafe import Markup

    return Markup(text)


def page_context(script: str) -> dict:
    """What every page shares: the stylesheet, the script's CSP hash, the version."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return {"css": _markup(asset("fzcheck.css")), "csp": csp, "version": __version__,
            "severities": [{"key": s, "label": SEVERITY_LABELS[s]} for s in SEVERITIES]}



# ----------------------------------------------------------------------------- the text


# ----------------------------------------------------------------------------- the batch


