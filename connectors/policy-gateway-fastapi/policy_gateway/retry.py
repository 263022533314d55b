"""When to try a rate-limited request again."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

BASE_BACKOFF_SECONDS = 0.5
"""First wait when a 429 carries no Retry-After; doubled on each further attempt."""


def retry_after_seconds(headers: Mapping[str, str], now: datetime | None = None) -> float | None:
    """The wait a 429 asks for: ``Retry-After`` as seconds or as an HTTP date; ``None`` if absent or unreadable."""
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def backoff_seconds(attempt: int, retry_after: float | None) -> float:
    """Wait before attempt ``attempt + 1``: the gateway's Retry-After when given, else exponential backoff with jitter."""
    if retry_after is not None:
        return retry_after
    return BASE_BACKOFF_SECONDS * (2 ** (attempt - 1)) * random.uniform(0.8, 1.2)
