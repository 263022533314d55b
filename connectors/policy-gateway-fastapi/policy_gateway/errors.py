"""The one error type the client raises: what the gateway (or the way to it) said went wrong."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

_HINTS = {
    400: "Verify the model id and that messages are an array of { role, content } objects.",
    401: "Check that your API key (POLICY_GATEWAY_KEY) is set and sent as a Bearer token.",
    404: "Make sure the base URL (POLICY_GATEWAY_BASE_URL) ends with /policy or /v1; the client calls <base URL>/chat/completions.",
    429: "Back off and retry; the Retry-After header says when.",
}


class PolicyGatewayError(HTTPException):
    """A request the gateway did not answer with success.

    It is a FastAPI ``HTTPException``: raised inside a route (or left to propagate), FastAPI answers
    with the gateway's status, ``{"detail": {"type", "code", "message", "policy"}}`` and, for 429,
    the ``Retry-After`` header. ``install_policy_gateway_error_handler`` renders it in OpenAI's
    ``{"error": {...}}`` shape instead.

    Attributes:
        status: the HTTP status the gateway answered (502/504 when it could not be reached).
        code: the reason code (``error.code``), e.g. the policy rule's reason for a 403 block.
        message: the gateway's message, plus what to check for the common statuses.
        type: the error type (``error.type``), e.g. ``policy_violation``.
        retry_after: seconds the gateway asked to wait (429), else ``None``.
        policy: the gateway's ``policy`` decision object when the error body carried one.
    """

    def __init__(
        self,
        status: int,
        code: str | None,
        message: str,
        *,
        type: str | None = None,
        retry_after: float | None = None,
        policy: dict[str, Any] | None = None,
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.type = type
        self.retry_after = retry_after
        self.policy = policy
        headers = {"Retry-After": str(max(1, round(retry_after)))} if retry_after is not None else None
        super().__init__(status_code=status, detail=self.to_dict(), headers=headers)

    def to_dict(self) -> dict[str, Any]:
        """The error as OpenAI's error object (``type``, ``code``, ``message``) plus ``policy``."""
        error: dict[str, Any] = {"type": self.type, "code": self.code, "message": self.message}
        if self.retry_after is not None:
            error["retry_after_seconds"] = self.retry_after
        if self.policy is not None:
            error["policy"] = self.policy
        return error

    def __str__(self) -> str:
        code = f" {self.code}" if self.code else ""
        return f"Policy Gateway answered {self.status}{code}: {self.message}"

    def __repr__(self) -> str:
        return f"PolicyGatewayError(status={self.status!r}, code={self.code!r}, message={self.message!r})"


def error_from_body(status: int, body: Any, retry_after: float | None) -> PolicyGatewayError:
    """Builds the error from a gateway answer's status and parsed JSON body (any shape)."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        error = {}
    policy = body.get("policy") if isinstance(body, dict) and isinstance(body.get("policy"), dict) else None
    code = error.get("code") if isinstance(error.get("code"), str) else None
    if code is None and policy is not None and isinstance(policy.get("reason_code"), str):
        code = policy["reason_code"]
    message = error.get("message") if isinstance(error.get("message"), str) else None
    if not message:
        message = f"the gateway answered HTTP {status} without an error message"
    hint = _HINTS.get(status)
    if hint and hint not in message:
        message = f"{message} ({hint})"
    error_type = error.get("type") if isinstance(error.get("type"), str) else None
    return PolicyGatewayError(status, code, message, type=error_type, retry_after=retry_after, policy=policy)
