"""Server-sent events as the gateway streams them (OpenAI chat completion chunks)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from .errors import PolicyGatewayError

DONE = "[DONE]"


async def sse_data(lines: AsyncIterator[str]) -> AsyncIterator[str]:
    """Yields the ``data`` of each event, in order, from the stream's lines (the SSE framing rules)."""
    data: list[str] = []
    async for line in lines:
        line = line.rstrip("\r\n")  # httpx before 0.24 keeps the line ending
        if line == "":
            if data:
                yield "\n".join(data)
                data = []
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if field == "data":
            data.append(value)
    if data:
        yield "\n".join(data)


async def chat_chunks(lines: AsyncIterator[str]) -> AsyncIterator[dict[str, Any]]:
    """Yields each chunk's JSON until ``[DONE]``.

    Raises:
        PolicyGatewayError: the gateway sent an error event (the stream failed after it started,
            status 502 with the gateway's code), a frame was not JSON, or the stream ended
            without ``[DONE]`` (code ``stream_incomplete``): a truncated answer is never
            returned as if it were complete.
    """
    async for data in sse_data(lines):
        if data == DONE:
            return
        try:
            chunk = json.loads(data)
        except ValueError:
            raise PolicyGatewayError(502, "invalid_stream", f"the gateway sent a stream frame that is not JSON: {data[:200]!r}") from None
        if isinstance(chunk, dict) and isinstance(chunk.get("error"), dict):
            error = chunk["error"]
            raise PolicyGatewayError(
                502,
                error.get("code") or "stream_error",
                error.get("message") or "the stream failed after it started",
                type=error.get("type"),
                policy=chunk.get("policy") if isinstance(chunk.get("policy"), dict) else None,
            )
        yield chunk
    raise PolicyGatewayError(502, "stream_incomplete", "the gateway's stream ended before [DONE]; the answer is incomplete")
