"""``policy_completion``: ``litellm.completion`` routed through Policy Gateway. Imports LiteLLM lazily."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .audit import PolicyAuditLog, policy_from_body
from .settings import DEFAULT_MODEL, completion_arguments


def policy_completion(
    messages: Iterable[Mapping[str, Any]],
    policy_id: str | None,
    policy_user: str | None,
    policy_project_id: str | None,
    *,
    model: str = DEFAULT_MODEL,
    api_key: str | None = None,
    base_url: str | None = None,
    policy_target: str | None = None,
    audit_log: str | Path | None = None,
    **litellm_options: Any,
) -> Any:
    """Calls ``litellm.completion`` with the gateway as ``api_base``, the policy headers (``extra_headers``) and ``policy_id`` (``extra_body``).

    Args:
        messages: the chat messages (``[{"role": "user", "content": "..."}]``).
        policy_id: sent as ``policy_id`` in the request body.
        policy_user: sent as ``X-Policy-User``.
        policy_project_id: sent as ``X-Policy-Project``.
        model: the model the gateway routes (sent to LiteLLM as ``openai/<model>``).
        api_key: the gateway key (``None``: ``POLICY_GATEWAY_KEY``). ``OPENAI_API_KEY`` is never used.
        base_url: the gateway's /policy base URL (``None``: ``POLICY_GATEWAY_BASE_URL``, else
            ``http://localhost:5000/policy``).
        policy_target: sent as ``X-Policy-Target``.
        audit_log: a file to append each call's policy decision to, in the seed's line format
            (whole answers and refused calls; streamed calls are not recorded).
        litellm_options: further ``litellm.completion`` arguments (``temperature``, ``stream``, ...).

    Returns:
        LiteLLM's response, unchanged: ``response["choices"][0]["message"]["content"]``; the gateway's
        decision is ``response["policy"]``.

    Raises:
        ImportError: LiteLLM is not installed (``pip install litellm``).
        litellm exceptions: as LiteLLM raises them, e.g. ``PermissionDeniedError`` for a policy block
            (403) and ``RateLimitError`` for a 429.
    """
    try:
        import litellm
    except ImportError as error:
        raise ImportError("policy_completion needs LiteLLM: pip install litellm") from error
    arguments = completion_arguments(
        messages, policy_id, policy_user, policy_project_id, model=model, api_key=api_key, base_url=base_url,
        policy_target=policy_target, **litellm_options
    )
    log = PolicyAuditLog(audit_log) if audit_log is not None else None
    try:
        response = litellm.completion(**arguments)
    except Exception as error:
        if log is not None:
            _record_refusal(log, error)
        raise
    if log is not None and not arguments.get("stream"):
        policy = policy_of(response)
        if policy is not None:
            log.record(policy)
    return response


def policy_of(response: Any) -> Mapping[str, Any] | None:
    """The gateway's ``policy`` object on a LiteLLM response (LiteLLM keeps unknown top-level fields as attributes)."""
    policy = getattr(response, "policy", None)
    if policy is None and isinstance(response, Mapping):
        policy = response.get("policy")
    return policy_from_body({"policy": policy})


def _record_refusal(log: PolicyAuditLog, error: BaseException) -> None:
    response = getattr(error, "response", None)
    try:
        body = response.json() if response is not None else None
    except Exception:  # not a JSON error body: nothing to record
        return
    policy = policy_from_body(body)
    if policy is not None:
        log.record(policy)
