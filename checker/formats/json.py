"""``--format json``: one object for the whole run, exactly the design brief's contract.

A batch's object is written report by report (:func:`chunks`): the reports' texts come from the
batch (written by the worker that checked each report, or kept in the cache) and the summary from
the per-report rows, so a run of any size is written without holding its results.
"""
from __future__ import annotations

from json.encoder import encode_basestring

from checker import __version__
from checker.run.jsontext import dumps, report_text  # noqa: F401 - dumps: this format's public helper


def render(run, ruleset=None, options=None) -> str:
    return "".join(chunks(run, ruleset, options))


def chunks(run, ruleset=None, options=None):
    """The run's object in pieces, byte for byte ``dumps(run.as_dict()) + "\\n"``."""
    yield ('{\n  "tool": {\n    "name": "fzcheck",\n    "version": ' + encode_basestring(__version__)
           + '\n  },\n  "ruleset": ' + encode_basestring(run.ruleset) + ',\n  "reports": ')
    texts = report_texts(run)
    first = next(texts, None)
    if first is None:
        yield "[]"
    else:
        yield "[\n    " + first
        for text in texts:
            yield ",\n    " + text
        yield "\n  ]"
    yield ',\n  "summary": ' + dumps(run.summary(), "\n  ") + "\n}\n"


def report_texts(run):
    """Each report's object as text: from the batch when it has them (checker/run/spill.py)."""
    texts = getattr(run, "report_texts", None)
    if texts is not None:
        yield from texts()
        return
    for report in run.reports:
        yield report_text(report.as_dict())
