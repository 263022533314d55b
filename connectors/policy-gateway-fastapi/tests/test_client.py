"""PolicyGatewayClient against the real gateway: answers, streams and errors as an app sees them."""

from __future__ import annotations

import asyncio
import socket

import pytest

from gateway_under_test import ANSWERED_DECISION, BLOCKED_REASON, GatewayUnderTest, event_fields, unique_user, wait_for_events
from policy_gateway import PolicyGatewayClient, PolicyGatewayConfig, PolicyGatewayError

QUESTION = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Summarize our refund policy."}]}


def run(coroutine):
    return asyncio.run(coroutine)


async def answer(client: PolicyGatewayClient, body: dict, **options):
    async with client:
        return await client.chat_completions(body, **options)


async def chunks(client: PolicyGatewayClient, body: dict, **options) -> list[dict]:
    async with client:
        return [chunk async for chunk in client.stream_chat_completions(body, **options)]


def policy_client(gateway: GatewayUnderTest, **settings) -> PolicyGatewayClient:
    values = {
        "base_url": gateway.policy_base_url,
        "api_key": gateway.key,
        "policy_id": gateway.policy_id,
        "policy_project_id": gateway.project,
        "policy_target": "connector-fastapi",
    }
    values.update(settings)
    return PolicyGatewayClient(PolicyGatewayConfig(**values))


def test_answers_through_the_compat_surface_in_local_dev_mode(gateway):
    client = PolicyGatewayClient(PolicyGatewayConfig(base_url=gateway.compat_base_url, api_key=gateway.key))

    completion = run(answer(client, QUESTION, policy_user="user-12345"))

    assert completion["object"] == "chat.completion"
    assert "Summarize our refund policy." in completion["choices"][0]["message"]["content"]


def test_streams_chunks_through_the_compat_surface_until_done(gateway):
    client = PolicyGatewayClient(PolicyGatewayConfig(base_url=gateway.compat_base_url, api_key=gateway.key))

    received = run(chunks(client, QUESTION))

    text = "".join(choice["delta"].get("content") or "" for chunk in received for choice in chunk["choices"])
    assert len(received) > 3
    assert all(chunk["object"] == "chat.completion.chunk" for chunk in received)
    assert "Summarize our refund policy." in text


def test_a_wrong_key_raises_401_saying_to_check_the_bearer_key(gateway):
    client = PolicyGatewayClient(PolicyGatewayConfig(base_url=gateway.compat_base_url, api_key="pgw_not_a_key"))

    with pytest.raises(PolicyGatewayError) as raised:
        run(answer(client, QUESTION))

    assert raised.value.status == 401
    assert raised.value.status_code == 401
    assert "Bearer" in raised.value.message
    assert "POLICY_GATEWAY_KEY" in raised.value.message
    assert "pgw_not_a_key" not in str(raised.value)


def test_a_base_url_without_the_surface_raises_404_saying_how_it_must_end(gateway):
    client = PolicyGatewayClient(PolicyGatewayConfig(base_url=gateway.url + "/api", api_key=gateway.key))

    with pytest.raises(PolicyGatewayError) as raised:
        run(answer(client, QUESTION))

    assert raised.value.status == 404
    assert "/policy" in raised.value.message and "/v1" in raised.value.message


def test_a_gateway_that_is_not_listening_raises_502_naming_the_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = PolicyGatewayClient(PolicyGatewayConfig(base_url=f"http://127.0.0.1:{port}/policy", api_key="k"))

    with pytest.raises(PolicyGatewayError) as raised:
        run(answer(client, QUESTION))

    assert raised.value.status == 502
    assert raised.value.code == "gateway_unreachable"
    assert f"127.0.0.1:{port}/policy/chat/completions" in raised.value.message


def test_an_unknown_model_on_the_compat_surface_is_a_400_with_the_gateways_message(gateway):
    client = PolicyGatewayClient(PolicyGatewayConfig(base_url=gateway.compat_base_url, api_key=gateway.key))

    with pytest.raises(PolicyGatewayError) as raised:
        run(answer(client, {"model": "gpt-4o-mini", "messages": "not an array"}))

    assert raised.value.status == 400
    assert "messages" in raised.value.message


def test_the_policy_surface_answers_with_the_decision_for_project_user_and_target(policy_gateway):
    user = unique_user()

    completion = run(answer(policy_client(policy_gateway), QUESTION, policy_user=user))

    policy = completion["policy"]
    assert completion["choices"][0]["message"]["content"]
    assert (policy["decision"], policy["reason_code"]) == ANSWERED_DECISION
    assert policy["policy_id"] == policy_gateway.policy_id
    assert policy["policy_project_id"] == policy_gateway.project
    assert policy["policy_user"] == user
    assert policy["policy_target"] == "connector-fastapi"


def test_a_blocked_request_raises_403_with_the_reason_code_and_the_gateway_logs_the_block(policy_gateway):
    user = unique_user()
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"Send me the {policy_gateway.blocked_word}."}]}

    with pytest.raises(PolicyGatewayError) as raised:
        run(answer(policy_client(policy_gateway), body, policy_user=user))

    error = raised.value
    assert error.status == 403
    assert error.type == "policy_violation"
    assert error.code == BLOCKED_REASON
    assert error.policy["decision"] == "block"
    lines = wait_for_events(policy_gateway, user)
    fields = event_fields(lines[-1])
    assert fields["decision"] == "block"
    assert fields["reason_code"] == error.code
    assert fields["policy_project_id"] == policy_gateway.project


def test_every_streamed_chunk_carries_the_policy_object(policy_gateway):
    user = unique_user()

    received = run(chunks(policy_client(policy_gateway), QUESTION, policy_user=user))

    assert len(received) > 3
    assert all(chunk["policy"]["policy_user"] == user for chunk in received)
    assert received[-1]["policy"]["decision"] == ANSWERED_DECISION[0]


def test_gateway_only_fields_in_the_body_are_replaced_by_the_clients_settings():
    client = PolicyGatewayClient(PolicyGatewayConfig(policy_id="policy-gateway"))
    body = {**QUESTION, "policy_id": "anything-goes", "policyId": "x", "policy": {"rules": []}, "policy_user": "someone-else",
            "policy_user_id": "x", "policy_project_id": "other", "policy_target": "t"}

    sent = client.request_body(body)

    assert sent == {**QUESTION, "policy_id": "policy-gateway"}
