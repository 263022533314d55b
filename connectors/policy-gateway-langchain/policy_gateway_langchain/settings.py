"""What a LangChain model needs to talk to Policy Gateway: base URL, key, headers and body fields.

Plain functions, no LangChain import: ``build_policy_gateway_chat`` passes their results to
``ChatOpenAI``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

DEFAULT_BASE_URL = "http://localhost:5000/policy"
"""Where a gateway started on a developer's machine serves the /policy surface (local dev mode)."""

DEFAULT_MODEL = "gpt-4o-mini"

NO_KEY = "no-policy-gateway-key"
"""Sent when no key is given: a gateway in local dev mode accepts it, any other answers 401. It also
keeps the OpenAI client from falling back to ``OPENAI_API_KEY``, which must never go to the gateway."""


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


def policy_body(policy_id: str | None) -> dict[str, Any]:
    """The body fields the gateway reads: ``{"policy_id": ...}`` (sent as the OpenAI client's ``extra_body``)."""
    return {"policy_id": policy_id} if policy_id else {}


def chat_openai_arguments(
    api_key: str | None,
    policy_id: str | None,
    policy_user: str | None,
    policy_project_id: str | None,
    *,
    policy_target: str | None = None,
    base_url: str | None = None,
    model: str = DEFAULT_MODEL,
    **chat_options: Any,
) -> dict[str, Any]:
    """The keyword arguments for ``ChatOpenAI`` that point it at the gateway.

    ``default_headers`` and ``extra_body`` given in ``chat_options`` are merged with the policy ones
    (the policy ones win).
    """
    headers = {**dict(chat_options.pop("default_headers", None) or {}), **policy_headers(policy_user, policy_project_id, policy_target)}
    body = {**dict(chat_options.pop("extra_body", None) or {}), **policy_body(policy_id)}
    arguments: dict[str, Any] = {
        "model": model,
        "api_key": gateway_api_key(api_key),
        "base_url": gateway_base_url(base_url),
        "default_headers": headers,
    }
    if body:
        arguments["extra_body"] = body
    arguments.update(chat_options)
    return arguments
