"""Wiring for FastAPI apps: the client from the environment, as a dependency, and an error handler."""

from __future__ import annotations

import threading

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .client import PolicyGatewayClient
from .config import PolicyGatewayConfig
from .errors import PolicyGatewayError

_shared_client: PolicyGatewayClient | None = None
_shared_lock = threading.Lock()


def policy_gateway_client_from_env() -> PolicyGatewayClient:
    """A new client configured from ``POLICY_GATEWAY_BASE_URL``, ``POLICY_GATEWAY_KEY``,
    ``POLICY_GATEWAY_POLICY_ID``, ``POLICY_GATEWAY_PROJECT_ID`` and ``POLICY_GATEWAY_TARGET``
    (the base URL defaults to ``http://localhost:5000/policy``).

    Raises:
        ValueError: a variable holds an invalid value (the message names it).
    """
    return PolicyGatewayClient(PolicyGatewayConfig.from_env())


def policy_gateway_client() -> PolicyGatewayClient:
    """FastAPI dependency: one client per process, configured from the environment on first use.

    ``async def chat(client: PolicyGatewayClient = Depends(policy_gateway_client)): ...``
    """
    global _shared_client
    with _shared_lock:
        if _shared_client is None:
            _shared_client = policy_gateway_client_from_env()
        return _shared_client


def install_policy_gateway_error_handler(app: FastAPI) -> None:
    """Makes the app answer a ``PolicyGatewayError`` in OpenAI's error shape, which OpenAI clients parse:
    the gateway's status, ``{"error": {"type", "code", "message", "policy"}}`` and ``Retry-After`` on 429.
    Without it FastAPI answers ``{"detail": {...}}`` with the same status and headers."""

    async def handle(request: Request, error: PolicyGatewayError) -> JSONResponse:
        return JSONResponse({"error": error.to_dict()}, status_code=error.status, headers=error.headers)

    app.add_exception_handler(PolicyGatewayError, handle)
