"""The async client: one chat request to the gateway's /policy surface, retried on 429."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Mapping
from typing import Any

import httpx
from starlette.responses import StreamingResponse

from .config import PolicyGatewayConfig
from .errors import PolicyGatewayError, error_from_body
from .retry import backoff_seconds, retry_after_seconds
from .sse import chat_chunks

GATEWAY_ONLY_FIELDS = ("policy_id", "policyId", "policy_project_id", "policy_target", "policy_user", "policy_user_id", "policy")
"""Body fields that steer the gateway. Removed from the caller's body: the client's settings decide them, not your end users."""

RELAYED_HEADERS = ("x-request-id", "retry-after")
RELAYED_HEADER_PREFIXES = ("x-ratelimit-",)


class PolicyGatewayClient:
    """Sends OpenAI chat completion requests to ``<base_url>/chat/completions`` with the policy headers.

    One instance serves a whole app and is safe to share between requests. It keeps one pooled
    ``httpx.AsyncClient`` per event loop; call :meth:`aclose` on shutdown to release it.
    """

    def __init__(self, config: PolicyGatewayConfig | None = None, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.config = config or PolicyGatewayConfig()
        self._transport = transport
        self._http: httpx.AsyncClient | None = None
        self._http_loop: asyncio.AbstractEventLoop | None = None

    async def chat_completions(
        self,
        body: Mapping[str, Any],
        *,
        policy_user: str | None = None,
        policy_target: str | None = None,
        policy_id: str | None = None,
    ) -> dict[str, Any] | StreamingResponse:
        """Sends one chat completion request.

        Args:
            body: the OpenAI request body (``model``, ``messages``, ...). Gateway-only fields in it
                (``policy_id``, ``policy``, ``policy_user``, ...) are removed.
            policy_user: the end user, sent as ``X-Policy-User`` (see ``policy_user_from_request``).
            policy_target: overrides the configured ``X-Policy-Target`` for this request.
            policy_id: overrides the configured ``policy_id`` for this request.

        Returns:
            the gateway's JSON answer (with its ``policy`` object) as a dict; when the body asks
            for ``"stream": true``, a ``StreamingResponse`` relaying the gateway's event stream
            frame by frame, to return from a FastAPI route as it is.

        Raises:
            PolicyGatewayError: the gateway answered with an error (after the 429 retries), or
                could not be reached (502) or did not answer in time (504).
        """
        payload = self.request_body(body, policy_id=policy_id)
        headers = self.request_headers(policy_user=policy_user, policy_target=policy_target)
        if payload.get("stream") is True:
            response = await self._send(payload, headers, stream=True)
            return _relay(response)
        response = await self._send(payload, headers, stream=False)
        try:
            return response.json()
        except ValueError:
            raise PolicyGatewayError(
                502, "invalid_gateway_response", f"the gateway answered {response.status_code} with a body that is not JSON: {response.text[:200]!r}"
            ) from None

    async def stream_chat_completions(
        self,
        body: Mapping[str, Any],
        *,
        policy_user: str | None = None,
        policy_target: str | None = None,
        policy_id: str | None = None,
    ) -> AsyncIterator[dict[str, Any]]:
        """Streams one chat completion: yields each chunk's JSON (each carries the ``policy`` object) as it arrives.

        The request is sent with ``"stream": true`` whatever the body says. Errors before the first
        chunk (including the 429 retries) and during the stream raise ``PolicyGatewayError``.
        """
        payload = self.request_body(body, policy_id=policy_id)
        payload["stream"] = True
        headers = self.request_headers(policy_user=policy_user, policy_target=policy_target)
        response = await self._send(payload, headers, stream=True)
        try:
            async for chunk in chat_chunks(response.aiter_lines()):
                yield chunk
        except httpx.HTTPError as error:
            raise PolicyGatewayError(502, "stream_interrupted", f"the stream from the gateway broke off: {error}") from None
        finally:
            await response.aclose()

    def request_body(self, body: Mapping[str, Any], *, policy_id: str | None = None) -> dict[str, Any]:
        """The body sent to the gateway: the caller's body without gateway-only fields, plus ``policy_id``."""
        if not isinstance(body, Mapping):
            raise PolicyGatewayError(
                400, "invalid_request", f"the chat request body must be a JSON object, got {type(body).__name__}", type="invalid_request_error"
            )
        payload = {key: value for key, value in body.items() if key not in GATEWAY_ONLY_FIELDS}
        chosen_policy = policy_id or self.config.policy_id
        if chosen_policy:
            payload["policy_id"] = chosen_policy
        return payload

    def request_headers(self, *, policy_user: str | None = None, policy_target: str | None = None) -> dict[str, str]:
        """The headers sent to the gateway: the key, the project, the target and the end user (those that are set)."""
        headers = {"Accept": "application/json, text/event-stream"}
        if self.config.api_key:
            headers["Authorization"] = f"Bearer {self.config.api_key}"
        if self.config.policy_project_id:
            headers["X-Policy-Project"] = self.config.policy_project_id
        target = policy_target or self.config.policy_target
        if target:
            headers["X-Policy-Target"] = target
        if policy_user:
            headers["X-Policy-User"] = policy_user
        return headers

    async def aclose(self) -> None:
        """Closes the pooled connections of the current event loop's HTTP client."""
        if self._http is not None:
            http, self._http, self._http_loop = self._http, None, None
            await http.aclose()

    async def __aenter__(self) -> PolicyGatewayClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def _client(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        if self._http is None or self._http_loop is not loop or self._http.is_closed:
            timeout = httpx.Timeout(self.config.timeout_seconds, connect=min(10.0, self.config.timeout_seconds))
            self._http = httpx.AsyncClient(timeout=timeout, transport=self._transport)
            self._http_loop = loop
        return self._http

    async def _send(self, payload: dict[str, Any], headers: dict[str, str], *, stream: bool) -> httpx.Response:
        """Sends until success, retrying 429s; returns a 2xx response (unread when ``stream``)."""
        http = self._client()
        url = self.config.chat_completions_url
        for attempt in range(1, self.config.max_attempts + 1):
            request = http.build_request("POST", url, content=json.dumps(payload).encode(), headers={**headers, "Content-Type": "application/json"})
            try:
                response = await http.send(request, stream=stream)
            except httpx.TimeoutException:
                raise PolicyGatewayError(
                    504, "gateway_timeout", f"Policy Gateway at {url} did not answer within {self.config.timeout_seconds:g} s", type="timeout_error"
                ) from None
            except httpx.HTTPError as error:
                raise PolicyGatewayError(
                    502,
                    "gateway_unreachable",
                    f"cannot reach Policy Gateway at {url}: {error or type(error).__name__}. Is it running, and is POLICY_GATEWAY_BASE_URL right?",
                    type="connection_error",
                ) from None
            if response.is_success:
                return response
            await response.aread()
            await response.aclose()
            retry_after = retry_after_seconds(response.headers)
            if response.status_code == 429 and attempt < self.config.max_attempts:
                wait = backoff_seconds(attempt, retry_after)
                if wait <= self.config.max_retry_wait_seconds:
                    await asyncio.sleep(wait)
                    continue
            raise _error(response, retry_after)
        raise AssertionError("the loop returns or raises on its last attempt")


def _error(response: httpx.Response, retry_after: float | None) -> PolicyGatewayError:
    try:
        body: Any = response.json()
    except ValueError:
        text = response.text.strip()
        body = {"error": {"message": text[:300]}} if text else None
    return error_from_body(response.status_code, body, retry_after)


def _relay(response: httpx.Response) -> StreamingResponse:
    """Relays an open streamed answer chunk by chunk; the connection is released when the relay ends or the client leaves."""

    async def chunks() -> AsyncIterator[bytes]:
        try:
            async for chunk in response.aiter_bytes():
                yield chunk
        finally:
            await response.aclose()

    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    for name, value in response.headers.items():
        if name in RELAYED_HEADERS or name.startswith(RELAYED_HEADER_PREFIXES):
            headers[name] = value
    media_type = response.headers.get("content-type", "text/event-stream")
    return StreamingResponse(chunks(), status_code=response.status_code, headers=headers, media_type=media_type)
