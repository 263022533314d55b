"""Policy Gateway connector for LangChain: ``ChatOpenAI`` pointed at the /policy surface, and an audit callback.

Quickstart::

    from policy_gateway_langchain import build_policy_gateway_chat

    llm = build_policy_gateway_chat(
        api_key="YOUR_POLICY_KEY",
        policy_id="policy-gateway",
        policy_user="user-12345",
        policy_project_id="support-bot",
    )

    response = llm.invoke("Summarize our refund policy.")
    print(response.content)

LangChain is imported only when a model or the callback is built, so the plain helpers
(``chat_openai_arguments``, ``policy_event_line``, ``PolicyAuditLog``) work without it.
"""

from typing import Any

from .audit import PolicyAuditLog, policy_event_line, policy_from_body
from .chat import build_policy_gateway_chat
from .settings import (
    DEFAULT_BASE_URL,
    DEFAULT_MODEL,
    chat_openai_arguments,
    gateway_api_key,
    gateway_base_url,
    policy_body,
    policy_headers,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MODEL",
    "PolicyAuditCallbackHandler",
    "PolicyAuditLog",
    "build_policy_gateway_chat",
    "chat_openai_arguments",
    "gateway_api_key",
    "gateway_base_url",
    "policy_body",
    "policy_event_line",
    "policy_from_body",
    "policy_headers",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "PolicyAuditCallbackHandler":
        from .callback import PolicyAuditCallbackHandler

        return PolicyAuditCallbackHandler
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
