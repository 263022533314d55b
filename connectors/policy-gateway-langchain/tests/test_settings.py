"""The ChatOpenAI arguments build_policy_gateway_chat uses, sent to the real gateway as the OpenAI client sends them."""

from __future__ import annotations

import httpx
import pytest

from gateway_under_test import ANSWERED_DECISION, BLOCKED_REASON, SEED_LINE, new_event_lines, unique_user
from policy_gateway_langchain import DEFAULT_BASE_URL, chat_openai_arguments, gateway_base_url
from policy_gateway_langchain.settings import NO_KEY


def send_as_the_openai_client_does(arguments: dict, content: str, *, stream: bool = False) -> httpx.Response:
    """POST <base_url>/chat/completions with the Bearer key, default_headers and the body merged with extra_body:
    the request ChatOpenAI's OpenAI client makes with these arguments (langchain-openai is not installable here)."""
    body = {"model": arguments["model"], "messages": [{"role": "user", "content": content}], **arguments.get("extra_body", {})}
    if stream:
        body["stream"] = True
    headers = {"Authorization": f"Bearer {arguments['api_key']}", **arguments["default_headers"]}
    return httpx.post(arguments["base_url"] + "/chat/completions", json=body, headers=headers, timeout=30)


def test_the_seed_quickstart_arguments_point_chat_openai_at_the_local_policy_surface(monkeypatch):
    monkeypatch.delenv("POLICY_GATEWAY_BASE_URL", raising=False)

    arguments = chat_openai_arguments(api_key="YOUR_POLICY_KEY", policy_id="policy-gateway", policy_user="user-12345", policy_project_id="support-bot")

    assert arguments == {
        "model": "gpt-4o-mini",
        "api_key": "YOUR_POLICY_KEY",
        "base_url": DEFAULT_BASE_URL,
        "default_headers": {"X-Policy-User": "user-12345", "X-Policy-Project": "support-bot"},
        "extra_body": {"policy_id": "policy-gateway"},
    }


def test_the_base_url_and_key_come_from_the_environment_and_never_from_openai_api_key(monkeypatch):
    monkeypatch.setenv("POLICY_GATEWAY_BASE_URL", "http://gateway.internal:5000/policy/")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-must-not-reach-the-gateway")
    monkeypatch.delenv("POLICY_GATEWAY_KEY", raising=False)

    without_key = chat_openai_arguments(None, "policy-gateway", "u", "support-bot")
    monkeypatch.setenv("POLICY_GATEWAY_KEY", "pgw_from_env")
    with_key = chat_openai_arguments(None, "policy-gateway", "u", "support-bot", temperature=0, default_headers={"X-Team": "care"})

    assert without_key["base_url"] == "http://gateway.internal:5000/policy"
    assert without_key["api_key"] == NO_KEY
    assert with_key["api_key"] == "pgw_from_env"
    assert with_key["temperature"] == 0
    assert with_key["default_headers"] == {"X-Team": "care", "X-Policy-User": "u", "X-Policy-Project": "support-bot"}


def test_a_bad_base_url_or_a_header_value_with_control_characters_fails_naming_it(monkeypatch):
    monkeypatch.setenv("POLICY_GATEWAY_BASE_URL", "localhost:5000/policy")

    with pytest.raises(ValueError, match="POLICY_GATEWAY_BASE_URL must start with http"):
        gateway_base_url()
    with pytest.raises(ValueError, match="policy_user must not contain control characters"):
        chat_openai_arguments("k", "policy-gateway", "user\r\nX-Injected: 1", "support-bot", base_url="http://h/policy")


def test_the_arguments_select_project_user_target_and_policy_at_the_gateway(policy_gateway):
    user = unique_user()
    arguments = chat_openai_arguments(policy_gateway.key, policy_gateway.policy_id, user, policy_gateway.project,
                                      policy_target="connector-langchain", base_url=policy_gateway.policy_base_url)

    response = send_as_the_openai_client_does(arguments, "Summarize our refund policy.")

    policy = response.json()["policy"]
    assert response.status_code == 200
    assert (policy["decision"], policy["reason_code"]) == ANSWERED_DECISION
    assert (policy["policy_id"], policy["policy_user"], policy["policy_project_id"], policy["policy_target"]) == (
        policy_gateway.policy_id, user, policy_gateway.project, "connector-langchain")


def test_the_arguments_reach_the_gateways_block_with_its_reason_code(policy_gateway):
    arguments = chat_openai_arguments(policy_gateway.key, policy_gateway.policy_id, unique_user(), policy_gateway.project,
                                      base_url=policy_gateway.policy_base_url)

    response = send_as_the_openai_client_does(arguments, f"What are the {policy_gateway.blocked_word}?")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == BLOCKED_REASON


def test_the_seed_quickstarts_arguments_against_a_local_gateway_produce_the_seeds_policy_event_line(dev_gateway, monkeypatch):
    monkeypatch.setenv("POLICY_GATEWAY_BASE_URL", dev_gateway.policy_base_url)
    before = len(dev_gateway.policy_events())
    arguments = chat_openai_arguments(api_key="YOUR_POLICY_KEY", policy_id="policy-gateway", policy_user="user-12345", policy_project_id="support-bot")

    response = send_as_the_openai_client_does(arguments, "Summarize our refund policy.")

    assert response.status_code == 200, response.text
    line = new_event_lines(dev_gateway, before, "policy_user=user-12345 ")[-1]
    assert SEED_LINE.match(line), line
