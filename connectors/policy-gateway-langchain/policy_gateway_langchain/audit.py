"""Policy decisions as lines in the seed's log format, for dashboards.

``2026-01-13T10:12:42Z policy_id=policy-gateway decision=rewrite reason_code=REWRITE policy_user=user-12345 policy_project_id=support-bot``
then ``policy_target``, ``trace_id`` and ``rules`` when known: the same format as the gateway's
``logs/policy-events.log``. Plain Python, no LangChain import.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any


def policy_from_body(body: Any) -> Mapping[str, Any] | None:
    """The ``policy`` object of a gateway answer: a response body, a stream chunk or an error body."""
    policy = body.get("policy") if isinstance(body, Mapping) else None
    return policy if isinstance(policy, Mapping) and policy.get("decision") else None


def policy_event_line(policy: Mapping[str, Any], *, time: datetime | None = None, trace_id: str | None = None) -> str:
    """One log line for a decision. Values with spaces, quotes or ``=`` are double-quoted; absent fields are left out."""
    when = (time or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    fields: list[tuple[str, Any]] = [
        ("policy_id", policy.get("policy_id")),
        ("decision", policy.get("decision")),
        ("reason_code", policy.get("reason_code")),
        ("policy_user", policy.get("policy_user")),
        ("policy_project_id", policy.get("policy_project_id")),
        ("policy_target", policy.get("policy_target")),
        ("trace_id", trace_id or policy.get("trace_id")),
        ("rules", ",".join(str(rule) for rule in policy.get("rules") or []) or None),
    ]
    parts = [when.strftime("%Y-%m-%dT%H:%M:%SZ")]
    parts.extend(f"{key}={_value(value)}" for key, value in fields if value is not None and value != "")
    return " ".join(parts)


def _value(value: Any) -> str:
    text = str(value)
    if text and not any(character in ' "=' or ord(character) < 0x20 for character in text):
        return text
    escaped = "".join(" " if ord(character) < 0x20 else "\\" + character if character in '"\\' else character for character in text)
    return f'"{escaped}"'


class PolicyAuditLog:
    """Appends one line per decision to a file (created with its folder). Safe to share between threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def record(self, policy: Mapping[str, Any], *, trace_id: str | None = None, time: datetime | None = None) -> str:
        """Writes the decision's line and returns it."""
        line = policy_event_line(policy, time=time, trace_id=trace_id)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as log:
                log.write(line + "\n")
        return line
