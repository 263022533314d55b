"""429s from the gateway's rate limit (project quota-bot: 30 requests per minute per end user, one more every 2 s)."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from fastapi import FastAPI, Request

from gateway_under_test import GatewayUnderTest, unique_user
from policy_gateway import PolicyGatewayClient, PolicyGatewayConfig, PolicyGatewayError, install_policy_gateway_error_handler

QUESTION = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Where is my parcel?"}]}
BUCKET = 30


class RecordingTransport(httpx.AsyncBaseTransport):
    """The real HTTP transport, noting when each request left and what came back."""

    def __init__(self) -> None:
        self._transport = httpx.AsyncHTTPTransport()
        self.exchanges: list[tuple[float, int, str | None]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        sent = time.monotonic()
        response = await self._transport.handle_async_request(request)
        self.exchanges.append((sent, response.status_code, response.headers.get("retry-after")))
        return response

    async def aclose(self) -> None:
        await self._transport.aclose()


def quota_client(gateway: GatewayUnderTest, transport: httpx.AsyncBaseTransport | None = None, **settings) -> PolicyGatewayClient:
    config = PolicyGatewayConfig(base_url=gateway.policy_base_url, api_key=gateway.key, policy_project_id=gateway.quota_project,
                                 policy_target="connector-fastapi", **settings)
    return PolicyGatewayClient(config, transport=transport)


def test_a_429_is_retried_after_the_wait_retry_after_asks_for_and_then_answered(policy_gateway):
    transport = RecordingTransport()
    client = quota_client(policy_gateway, transport, max_attempts=3, max_retry_wait_seconds=5)
    user = unique_user()

    async def until_a_call_needed_a_retry() -> int:
        async with client:
            for call in range(BUCKET + 5):
                before = len(transport.exchanges)
                completion = await client.chat_completions(QUESTION, policy_user=user)
                assert completion["choices"][0]["message"]["content"]
                if len(transport.exchanges) - before > 1:
                    return before
        raise AssertionError(f"no 429 within {BUCKET + 5} calls: {transport.exchanges[-3:]}")

    first = asyncio.run(until_a_call_needed_a_retry())

    (limited_at, limited_status, retry_after), (retried_at, answered_status, _) = transport.exchanges[first:]
    assert (limited_status, answered_status) == (429, 200)
    assert int(retry_after) >= 1
    assert retried_at - limited_at >= int(retry_after)


def test_a_429_asking_for_a_longer_wait_than_allowed_is_raised_at_once_with_retry_after(policy_gateway):
    transport = RecordingTransport()
    client = quota_client(policy_gateway, transport, max_attempts=3, max_retry_wait_seconds=0.5)
    user = unique_user()

    async def until_limited() -> tuple[PolicyGatewayError, float]:
        async with client:
            for _ in range(BUCKET + 5):
                started = time.monotonic()
                try:
                    await client.chat_completions(QUESTION, policy_user=user)
                except PolicyGatewayError as error:
                    return error, time.monotonic() - started
        raise AssertionError(f"no 429 within {BUCKET + 5} calls")

    error, took = asyncio.run(until_limited())

    assert error.status == 429
    assert error.code == "RATE_LIMITED"
    assert error.retry_after is not None and error.retry_after >= 1
    assert error.headers == {"Retry-After": str(int(error.retry_after))}
    assert took < 1.0
    assert transport.exchanges[-1][1] == 429 and len(transport.exchanges) <= BUCKET + 1


def test_the_app_answers_429_with_retry_after_when_the_client_gives_up(policy_gateway, serve):
    client = quota_client(policy_gateway, max_attempts=1)
    app = FastAPI()
    install_policy_gateway_error_handler(app)

    @app.post("/chat")
    async def chat(request: Request):
        return await client.chat_completions(await request.json(), policy_user=request.headers.get("x-policy-user"))

    user = unique_user()
    with serve(app) as url:
        statuses = []
        for _ in range(BUCKET + 5):
            response = httpx.post(url + "/chat", json=QUESTION, headers={"X-Policy-User": user}, timeout=30)
            statuses.append(response.status_code)
            if response.status_code != 200:
                break

    assert statuses[-1] == 429, statuses
    assert int(response.headers["retry-after"]) >= 1
    assert response.json()["error"]["code"] == "RATE_LIMITED"
