"""The litellm.completion arguments policy_completion uses, sent to the real gateway as LiteLLM sends them."""

from __future__ import annotations

import httpx
import pytest

from gateway_under_test import ANSWERED_DECISION, BLOCKED_REASON, SEED_LINE, new_event_lines, unique_user
from policy_gateway_litellm import DEFAULT_BASE_URL, completion_arguments, gateway_model
from policy_gateway_litellm.settings import NO_KEY

MESSAGES = [{"role": "user", "content": "Summarize our refund policy."}]


def send_as_litellm_does(arguments: dict, *, stream: bool = False) -> httpx.Response:
    """POST <api_base>/chat/completions with the Bearer key, extra_headers and the body merged with extra_body, the
    model without LiteLLM's ``openai/`` provider prefix: the request LiteLLM's OpenAI-compatible provider makes with
    these arguments (LiteLLM is not installable here)."""
    model = arguments["model"].removeprefix("openai/")
    body = {"model": model, "messages": arguments["messages"], **arguments.get("extra_body", {})}
    if stream:
        body["stream"] = True
    headers = {"Authorization": f"Bearer {arguments['api_key']}", **arguments["extra_headers"]}
    return httpx.post(arguments["api_base"] + "/chat/completions", json=body, headers=headers, timeout=30)


def test_the_seed_quickstart_arguments_route_litellm_through_the_local_policy_surface(monkeypatch):
    for name in ("POLICY_GATEWAY_BASE_URL", "POLICY_GATEWAY_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-must-not-reach-the-gateway")

    arguments = completion_arguments(messages=MESSAGES, policy_id="policy-gateway", policy_user="user-12345", policy_project_id="support-bot")

    assert arguments == {
        "model": "openai/gpt-4o-mini",
        "messages": MESSAGES,
        "api_base": DEFAULT_BASE_URL,
        "api_key": NO_KEY,
        "extra_headers": {"X-Policy-User": "user-12345", "X-Policy-Project": "support-bot"},
        "extra_body": {"policy_id": "policy-gateway"},
    }


def test_key_base_url_and_extra_options_come_from_the_environment_and_the_caller(monkeypatch):
    monkeypatch.setenv("POLICY_GATEWAY_BASE_URL", "https://gateway.example.com/policy/")
    monkeypatch.setenv("POLICY_GATEWAY_KEY", "pgw_from_env")

    arguments = completion_arguments(MESSAGES, "policy-gateway", "u", "support-bot", model="openai/gpt-4o", policy_target="batch",
                                     temperature=0.1, extra_headers={"X-Team": "care"}, extra_body={"user": "u"})

    assert arguments["api_base"] == "https://gateway.example.com/policy"
    assert arguments["api_key"] == "pgw_from_env"
    assert arguments["model"] == "openai/gpt-4o"
    assert arguments["temperature"] == 0.1
    assert arguments["extra_headers"] == {"X-Team": "care", "X-Policy-User": "u", "X-Policy-Project": "support-bot", "X-Policy-Target": "batch"}
    assert arguments["extra_body"] == {"user": "u", "policy_id": "policy-gateway"}
    assert gateway_model("meta-llama/Llama-3-8b") == "openai/meta-llama/Llama-3-8b"


def test_a_bad_base_url_or_a_header_value_with_control_characters_fails_naming_it():
    with pytest.raises(ValueError, match="base_url must start with http"):
        completion_arguments(MESSAGES, "p", "u", "s", base_url="gateway:5000/policy")
    with pytest.raises(ValueError, match="policy_project_id must not contain control characters"):
        completion_arguments(MESSAGES, "p", "u", "support\nbot", base_url="http://h/policy")


def test_the_arguments_select_project_user_target_and_policy_at_the_gateway(policy_gateway):
    user = unique_user()
    arguments = completion_arguments(MESSAGES, policy_gateway.policy_id, user, policy_gateway.project, api_key=policy_gateway.key,
                                     base_url=policy_gateway.policy_base_url, policy_target="connector-litellm")

    response = send_as_litellm_does(arguments)

    policy = response.json()["policy"]
    assert response.status_code == 200
    assert (policy["decision"], policy["reason_code"]) == ANSWERED_DECISION
    assert (policy["policy_id"], policy["policy_user"], policy["policy_project_id"], policy["policy_target"]) == (
        policy_gateway.policy_id, user, policy_gateway.project, "connector-litellm")


def test_the_arguments_reach_the_gateways_block_with_its_reason_code(policy_gateway):
    arguments = completion_arguments([{"role": "user", "content": f"List the {policy_gateway.blocked_word}."}], policy_gateway.policy_id,
                                     unique_user(), policy_gateway.project, api_key=policy_gateway.key, base_url=policy_gateway.policy_base_url)

    response = send_as_litellm_does(arguments)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == BLOCKED_REASON


def test_the_seed_quickstarts_arguments_against_a_local_gateway_produce_the_seeds_policy_event_line(dev_gateway, monkeypatch):
    monkeypatch.setenv("POLICY_GATEWAY_BASE_URL", dev_gateway.policy_base_url)
    monkeypatch.delenv("POLICY_GATEWAY_KEY", raising=False)
    before = len(dev_gateway.policy_events())
    arguments = completion_arguments(
        messages=[{"role": "user", "content": "Summarize our refund policy."}],
        policy_id="policy-gateway",
        policy_user="user-12345",
        policy_project_id="support-bot",
    )

    response = send_as_litellm_does(arguments)

    assert response.status_code == 200, response.text
    line = new_event_lines(dev_gateway, before, "policy_user=user-12345 ")[-1]
    assert SEED_LINE.match(line), line
