"""Who the end user of a request is, for the gateway's per-user quotas and audit attribution."""

from __future__ import annotations

from fastapi import Request

from .errors import PolicyGatewayError

USER_HEADERS = ("x-policy-user", "x-user-id")
"""Headers read, in order, when the app has not set ``request.state.policy_user``."""

MAX_USER_LENGTH = 256


def policy_user_from_request(request: Request) -> str | None:
    """The end user to send as ``X-Policy-User``, or ``None`` to send none.

    In order: ``request.state.policy_user`` (set it in your authentication middleware or
    dependency: it is the only source the caller cannot choose), then the ``X-Policy-User``
    header, then ``X-User-Id``; else ``None`` (the gateway then applies only project quotas).
    Headers come from whoever calls your app: trust them only behind your own authentication
    or from your own services.

    Usable directly as a FastAPI dependency: ``Depends(policy_user_from_request)``.

    Raises:
        PolicyGatewayError: 400 when the value is longer than 256 characters or holds control characters.
    """
    user = getattr(request.state, "policy_user", None)
    source = "request.state.policy_user"
    if user is None:
        for header in USER_HEADERS:
            user = request.headers.get(header)
            if user is not None and user.strip():
                source = f"the {header} header"
                break
    if user is None:
        return None
    user = str(user).strip()
    if not user:
        return None
    if len(user) > MAX_USER_LENGTH or any(ord(character) < 0x20 or ord(character) == 0x7F for character in user):
        raise PolicyGatewayError(
            400,
            "invalid_policy_user",
            f"{source} must be at most {MAX_USER_LENGTH} printable characters",
            type="invalid_request_error",
        )
    return user
