"""Settings of a Policy Gateway client, from arguments or from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_BASE_URL = "http://localhost:5000/policy"
"""Where a gateway started on a developer's machine serves the /policy surface (local dev mode)."""

ENVIRONMENT_VARIABLES = {
    "base_url": "POLICY_GATEWAY_BASE_URL",
    "api_key": "POLICY_GATEWAY_KEY",
    "policy_id": "POLICY_GATEWAY_POLICY_ID",
    "policy_project_id": "POLICY_GATEWAY_PROJECT_ID",
    "policy_target": "POLICY_GATEWAY_TARGET",
    "timeout_seconds": "POLICY_GATEWAY_TIMEOUT_SECONDS",
    "max_attempts": "POLICY_GATEWAY_MAX_ATTEMPTS",
    "max_retry_wait_seconds": "POLICY_GATEWAY_MAX_RETRY_WAIT_SECONDS",
}


@dataclass(frozen=True)
class PolicyGatewayConfig:
    """How to reach the gateway and what to send with every request.

    Attributes:
        base_url: the gateway's /policy base URL; requests go to ``<base_url>/chat/completions``.
        api_key: the gateway key sent as ``Authorization: Bearer <key>``; ``None`` sends no
            Authorization header (a gateway in local dev mode needs none).
        policy_id: sent as ``policy_id`` in the body; ``None`` lets the project's linked policy decide.
        policy_project_id: sent as ``X-Policy-Project``; ``None`` uses the project bound to the key.
        policy_target: sent as ``X-Policy-Target`` (a free-form label for shadow/canary grouping).
        timeout_seconds: longest wait for the gateway to answer (and between two streamed bytes).
        max_attempts: attempts per request when the gateway answers 429 (1 = never retry).
        max_retry_wait_seconds: longest single wait for a 429's ``Retry-After``; a longer one is
            not waited for, the 429 is raised at once so the caller can pace itself.
    """

    base_url: str = DEFAULT_BASE_URL
    api_key: str | None = None
    policy_id: str | None = None
    policy_project_id: str | None = None
    policy_target: str | None = None
    timeout_seconds: float = 60.0
    max_attempts: int = 3
    max_retry_wait_seconds: float = 30.0

    def __post_init__(self) -> None:
        base_url = (self.base_url or "").strip().rstrip("/")
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(
                f"base_url must start with http:// or https:// (for example {DEFAULT_BASE_URL}), got {self.base_url!r}"
            )
        object.__setattr__(self, "base_url", base_url)
        for name in ("api_key", "policy_id", "policy_project_id", "policy_target"):
            value = getattr(self, name)
            if value is not None:
                value = str(value).strip()
                if any(ord(character) < 0x20 or ord(character) == 0x7F for character in value):
                    raise ValueError(f"{name} must not contain control characters")
            object.__setattr__(self, name, value or None)
        if not self.timeout_seconds > 0:
            raise ValueError(f"timeout_seconds must be greater than 0, got {self.timeout_seconds}")
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, got {self.max_attempts}")
        if self.max_retry_wait_seconds < 0:
            raise ValueError(f"max_retry_wait_seconds must not be negative, got {self.max_retry_wait_seconds}")

    @property
    def chat_completions_url(self) -> str:
        return self.base_url + "/chat/completions"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> PolicyGatewayConfig:
        """Reads the ``POLICY_GATEWAY_*`` variables; unset or empty ones keep their defaults.

        Raises:
            ValueError: a variable holds a value that is not valid, naming the variable.
        """
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for field, variable in ENVIRONMENT_VARIABLES.items():
            text = (environ.get(variable) or "").strip()
            if not text:
                continue
            if field in ("timeout_seconds", "max_retry_wait_seconds"):
                values[field] = _number(variable, text, float)
            elif field == "max_attempts":
                values[field] = _number(variable, text, int)
            else:
                values[field] = text
        try:
            return cls(**values)
        except ValueError as error:
            message = str(error)
            for field, variable in ENVIRONMENT_VARIABLES.items():
                if message.startswith(field + " "):
                    message = variable + message[len(field):]
            raise ValueError(message) from None


def _number(variable: str, text: str, kind: type) -> float | int:
    try:
        return kind(text)
    except ValueError:
        raise ValueError(f"{variable} must be a number, got {text!r}") from None
