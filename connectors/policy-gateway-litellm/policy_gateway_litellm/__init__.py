"""Policy Gateway connector for LiteLLM: route ``litellm.completion`` through the /policy surface.

Quickstart::

    from policy_gateway_litellm import policy_completion

    response = policy_completion(
        messages=[{"role": "user", "content": "Summarize our refund policy."}],
        policy_id="policy-gateway",
        policy_user="user-12345",
        policy_project_id="support-bot",
    )

    print(response["choices"][0]["message"]["content"])

LiteLLM is imported only when ``policy_completion`` runs, so the plain helpers
(``completion_arguments``, ``policy_event_line``, ``PolicyAuditLog``) work without it.
"""

from .audit import PolicyAuditLog, policy_event_line, policy_from_body
from .completion import policy_completion, policy_of
from .settings import (
    DEFAULT_BASE_URL,
    DEFAULT_MODEL,
    completion_arguments,
    gateway_api_key,
    gateway_base_url,
    gateway_model,
    policy_headers,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MODEL",
    "PolicyAuditLog",
    "completion_arguments",
    "gateway_api_key",
    "gateway_base_url",
    "gateway_model",
    "policy_completion",
    "policy_event_line",
    "policy_from_body",
    "policy_headers",
    "policy_of",
]
__version__ = "0.1.0"
