"""A real FastAPI app, served by uvicorn, calling the real gateway through the connector."""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi import Depends, FastAPI, Request

from conftest import CONNECTOR
from gateway_under_test import ANSWERED_DECISION, BLOCKED_REASON, SEED_LINE, new_event_lines, quickstart_code, unique_user
from policy_gateway import (
    PolicyGatewayClient,
    install_policy_gateway_error_handler,
    policy_gateway_client,
    policy_user_from_request,
)
import policy_gateway.dependencies

QUESTION = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Summarize our refund policy."}]}


def quickstart_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]) -> FastAPI:
    """The README's quickstart pasted into main.py of a fresh project and imported with ``environment`` set."""
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    main = tmp_path / "main.py"
    main.write_text(quickstart_code(CONNECTOR / "README.md"), encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"quickstart_{tmp_path.name}", main)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.app


def test_the_readme_quickstart_against_a_local_gateway_produces_the_seeds_policy_event_line(dev_gateway, serve, tmp_path, monkeypatch):
    app = quickstart_app(tmp_path, monkeypatch, {
        "POLICY_GATEWAY_BASE_URL": dev_gateway.policy_base_url,
        "POLICY_GATEWAY_PROJECT_ID": "support-bot",
        "POLICY_GATEWAY_POLICY_ID": "policy-gateway",
    })
    monkeypatch.delenv("POLICY_GATEWAY_KEY", raising=False)
    before = len(dev_gateway.policy_events())

    with serve(app) as url:
        response = httpx.post(url + "/chat", json=QUESTION, headers={"X-Policy-User": "user-12345"}, timeout=30)

    assert response.status_code == 200, response.text
    assert response.json()["policy"]["decision"] == "rewrite"
    line = new_event_lines(dev_gateway, before, "policy_user=user-12345 ")[-1]
    assert SEED_LINE.match(line), line
    keep_for_sample(dev_gateway, line)


def keep_for_sample(gateway, line: str) -> None:
    """Leaves the line for scripts/test-connectors --update-samples (the connector's sample.log)."""
    target = gateway.output_file("fastapi-events.log")
    if target is not None:
        with target.open("a", encoding="utf-8") as out:
            out.write(line + "\n")


def test_the_readme_quickstart_answers_in_local_dev_mode_against_the_compat_surface(gateway, serve, tmp_path, monkeypatch):
    app = quickstart_app(tmp_path, monkeypatch, {"POLICY_GATEWAY_BASE_URL": gateway.compat_base_url, "POLICY_GATEWAY_KEY": gateway.key})

    with serve(app) as url:
        response = httpx.post(url + "/chat", json=QUESTION, headers={"X-Policy-User": "user-12345"}, timeout=30)

    assert response.status_code == 200
    assert "Summarize our refund policy." in response.json()["choices"][0]["message"]["content"]


def test_the_readme_quickstart_relays_a_stream_frame_by_frame(gateway, serve, tmp_path, monkeypatch):
    app = quickstart_app(tmp_path, monkeypatch, {"POLICY_GATEWAY_BASE_URL": gateway.compat_base_url, "POLICY_GATEWAY_KEY": gateway.key})
    arrivals: list[tuple[float, str]] = []

    with serve(app) as url:
        with httpx.stream("POST", url + "/chat", json={**QUESTION, "stream": True}, timeout=30) as response:
            content_type = response.headers["content-type"]
            for line in response.iter_lines():
                line = line.strip()
                if line.startswith("data:"):
                    arrivals.append((time.monotonic(), line[5:].strip()))

    assert content_type.startswith("text/event-stream")
    assert arrivals[-1][1] == "[DONE]"
    chunks = [json.loads(data) for _, data in arrivals[:-1]]
    assert "Summarize our refund policy." in "".join(chunk["choices"][0]["delta"].get("content") or "" for chunk in chunks if chunk["choices"])
    # The local provider waits 20 ms between chunks: frames relayed as they come are spread out, a buffered body arrives at once.
    assert arrivals[-1][0] - arrivals[0][0] > 0.2


def test_the_readme_quickstart_answers_with_the_policy_decision(policy_gateway, serve, tmp_path, monkeypatch):
    app = quickstart_app(tmp_path, monkeypatch, {
        "POLICY_GATEWAY_BASE_URL": policy_gateway.policy_base_url,
        "POLICY_GATEWAY_KEY": policy_gateway.key,
        "POLICY_GATEWAY_POLICY_ID": policy_gateway.policy_id,
        "POLICY_GATEWAY_PROJECT_ID": policy_gateway.project,
        "POLICY_GATEWAY_TARGET": "connector-fastapi",
    })
    user = unique_user()

    with serve(app) as url:
        response = httpx.post(url + "/chat", json=QUESTION, headers={"X-Policy-User": user}, timeout=30)

    policy = response.json()["policy"]
    assert response.status_code == 200
    assert (policy["decision"], policy["policy_user"], policy["policy_project_id"]) == (ANSWERED_DECISION[0], user, policy_gateway.project)


def test_the_readme_quickstart_answers_403_with_the_reason_code_for_a_blocked_request(policy_gateway, serve, tmp_path, monkeypatch):
    app = quickstart_app(tmp_path, monkeypatch, {
        "POLICY_GATEWAY_BASE_URL": policy_gateway.policy_base_url,
        "POLICY_GATEWAY_KEY": policy_gateway.key,
        "POLICY_GATEWAY_POLICY_ID": policy_gateway.policy_id,
        "POLICY_GATEWAY_TARGET": "connector-fastapi",
    })
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"Tell me the {policy_gateway.blocked_word}."}]}

    with serve(app) as url:
        response = httpx.post(url + "/chat", json=body, headers={"X-Policy-User": unique_user()}, timeout=30)

    detail = response.json()["detail"]
    assert response.status_code == 403
    assert detail["type"] == "policy_violation"
    assert detail["code"] == BLOCKED_REASON


def dependency_app(client: PolicyGatewayClient) -> FastAPI:
    app = FastAPI()
    install_policy_gateway_error_handler(app)

    @app.middleware("http")
    async def authenticate(request: Request, call_next):
        if request.headers.get("authorization") == "Bearer session-of-alice":
            request.state.policy_user = "alice"
        return await call_next(request)

    @app.post("/chat")
    async def chat(request: Request, gateway: PolicyGatewayClient = Depends(policy_gateway_client),
                   policy_user: str | None = Depends(policy_user_from_request)):
        return await gateway.chat_completions(await request.json(), policy_user=policy_user)

    app.dependency_overrides[policy_gateway_client] = lambda: client
    return app


def test_the_dependencies_answer_gateway_errors_in_openai_shape(gateway, serve):
    from policy_gateway import PolicyGatewayConfig

    client = PolicyGatewayClient(PolicyGatewayConfig(base_url=gateway.compat_base_url, api_key="pgw_wrong"))

    with serve(dependency_app(client)) as url:
        response = httpx.post(url + "/chat", json=QUESTION, timeout=30)

    error = response.json()["error"]
    assert response.status_code == 401
    assert error["message"].startswith("Invalid API key")
    assert "POLICY_GATEWAY_KEY" in error["message"]


def test_the_end_user_comes_from_the_apps_authentication_before_any_header(policy_gateway, serve):
    from policy_gateway import PolicyGatewayConfig

    client = PolicyGatewayClient(PolicyGatewayConfig(base_url=policy_gateway.policy_base_url, api_key=policy_gateway.key,
                                                     policy_id=policy_gateway.policy_id, policy_target="connector-fastapi"))

    with serve(dependency_app(client)) as url:
        authenticated = httpx.post(url + "/chat", json=QUESTION, headers={"Authorization": "Bearer session-of-alice", "X-Policy-User": "mallory"}, timeout=30)
        by_header = httpx.post(url + "/chat", json=QUESTION, headers={"X-User-Id": "bob"}, timeout=30)

    assert authenticated.json()["policy"]["policy_user"] == "alice"
    assert by_header.json()["policy"]["policy_user"] == "bob"


def test_an_end_user_id_with_control_characters_is_refused_before_reaching_the_gateway(serve):
    from policy_gateway import PolicyGatewayConfig

    client = PolicyGatewayClient(PolicyGatewayConfig(base_url="http://127.0.0.1:9/policy"))

    with serve(dependency_app(client)) as url:
        response = httpx.post(url + "/chat", json=QUESTION, headers={"X-Policy-User": "a" * 300}, timeout=30)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_policy_user"


def test_the_shared_client_dependency_is_built_once_from_the_environment(monkeypatch):
    monkeypatch.setenv("POLICY_GATEWAY_BASE_URL", "http://gateway.internal:5000/policy/")
    monkeypatch.setenv("POLICY_GATEWAY_KEY", "pgw_from_env")
    monkeypatch.setenv("POLICY_GATEWAY_PROJECT_ID", "support-bot")
    monkeypatch.setattr(policy_gateway.dependencies, "_shared_client", None)

    first = policy_gateway_client()

    assert policy_gateway_client() is first
    assert first.config.chat_completions_url == "http://gateway.internal:5000/policy/chat/completions"
    assert first.request_headers(policy_user="u") == {
        "Accept": "application/json, text/event-stream",
        "Authorization": "Bearer pgw_from_env",
        "X-Policy-Project": "support-bot",
        "X-Policy-User": "u",
    }


def test_a_bad_setting_in_the_environment_fails_naming_the_variable(monkeypatch):
    from policy_gateway import policy_gateway_client_from_env

    monkeypatch.setenv("POLICY_GATEWAY_BASE_URL", "localhost:5000/policy")

    with pytest.raises(ValueError, match="POLICY_GATEWAY_BASE_URL must start with http:// or https://"):
        policy_gateway_client_from_env()
