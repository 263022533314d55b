"""What a LiteLLM call needs to go through Policy Gateway: base URL, key, headers and body fields.

Plain functions, no LiteLLM import: ``policy_completion`` passes their result to ``litellm.completion``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

DEFAULT_BASE_URL = "http://localhost:5000/policy"
"""Where a gateway started on a developer's machine serves the /policy surface (local dev mode)."""

DEFAULT_MODEL = "gpt-4o-mini"

OPENAI_COMPATIBLE = "openai/"
"""LiteLLM's provider prefix for an OpenAI-compatible server at ``api_base``: the gateway."""

NO_KEY = "no-policy-gateway-key"
"""Sent when no key is given: a gateway in local dev mode accepts it, any other answers 401. It also
keeps LiteLLM from falling back to ``OPENAI_API_KEY``, which must never go to the gateway."""


def gateway_base_url(base_url: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``base_url``, else ``POLICY_GATEWAY_BASE_URL``, else ``http://localhost:5000/policy``, without a trailing slash.

    Raises:
        ValueError: the URL does not start with http:// or https:// (the message says where it came from).
    """
    environ = os.environ if environ is None else environ
    source = "base_url"
    if not base_url:
        base_url = (environ.get("POLICY_GATEWAY_BASE_URL") or "").strip()
        source = "POLICY_GATEWAY_BASE_URL"
    if not base_url:
        return DEFAULT_BASE_URL
    base_url = base_url.strip().rstrip("/")
    if not base_url.startswith(("http://", "https://")):
        raise ValueError(f"{source} must start with http:// or https:// (for example {DEFAULT_BASE_URL}), got {base_url!r}")
    return base_url


def gateway_api_key(api_key: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``api_key``, else ``POLICY_GATEWAY_KEY``, else a placeholder that only a gateway in local dev mode accepts."""
    environ = os.environ if environ is None else environ
    return (api_key or environ.get("POLICY_GATEWAY_KEY") or "").strip() or NO_KEY


def policy_headers(policy_user: str | None = None, policy_project_id: str | None = None, policy_target: str | None = None) -> dict[str, str]:
    """The /policy headers for the values that are set: ``X-Policy-User``, ``X-Policy-Project``, ``X-Policy-Target``.

    Raises:
        ValueError: a value holds control characters, naming the argument.
    """
    headers: dict[str, str] = {}
    for header, name, value in (
        ("X-Policy-User", "policy_user", policy_user),
        ("X-Policy-Project", "policy_project_id", policy_project_id),
        ("X-Policy-Target", "policy_target", policy_target),
    ):
        if value is None or not str(value).strip():
            continue
        value = str(value).strip()
        if any(ord(character) < 0x20 or ord(character) == 0x7F for character in value):
            raise ValueError(f"{name} must not contain control characters")
        headers[header] = value
    return headers


def gateway_model(model: str) -> str:
    """The model name for LiteLLM: the gateway's model behind the ``openai/`` provider prefix."""
    return model if model.startswith(OPENAI_COMPATIBLE) else OPENAI_COMPATIBLE + model


def completion_arguments(
    messages: Iterable[Mapping[str, Any]],
    policy_id: str | None,
    policy_user: str | None,
    policy_project_id: str | None,
    *,
    model: str = DEFAULT_MODEL,
    api_key: str | None = None,
    base_url: str | None = None,
    policy_target: str | None = None,
    **litellm_options: Any,
) -> dict[str, Any]:
    """The keyword arguments for ``litellm.completion`` that route the call through the gateway.

    ``extra_headers`` and ``extra_body`` given in ``litellm_options`` are merged with the policy
    ones (the policy ones win).
    """
    headers = {**dict(litellm_options.pop("extra_headers", None) or {}), **policy_headers(policy_user, policy_project_id, policy_target)}
    body = dict(litellm_options.pop("extra_body", None) or {})
    if policy_id:
        body["policy_id"] = policy_id
    arguments: dict[str, Any] = {
        "model": gateway_model(model),
        "messages": [dict(message) for message in messages],
        "api_base": gateway_base_url(base_url),
        "api_key": gateway_api_key(api_key),
        "extra_headers": headers,
    }
    if body:
        arguments["extra_body"] = body
    arguments.update(litellm_options)
    return arguments
