"""What a rule kind reports before the engine turns it into a :class:`Finding`."""
from __future__ import annotations

from checker.read.record import field, record


@record
class Hit:
    """A span of ``Document.text`` (offsets) that broke a rule, with values for the message."""

    start: int
    end: int
    section: str | None = None
    fields: dict = field(default_factory=dict)
    severity: str | None = None  # a kind may raise or lower the rule's severity (e.g. by threshold)
