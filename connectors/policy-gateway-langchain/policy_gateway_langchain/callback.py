"""The LangChain callback that writes each call's policy decision to a log file. Imports LangChain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.outputs import LLMResult

from .audit import PolicyAuditLog, policy_from_body


class PolicyAuditCallbackHandler(BaseCallbackHandler):
    """Records the gateway's decision for every model call as a line in the seed's format.

    Reads the ``policy`` object that ``build_policy_gateway_chat``'s model puts in
    ``llm_output`` and in each generation's ``generation_info`` (invoke and stream), and, for a
    call the gateway refused (403 block, 429 limit), the ``policy`` object of the error body.
    Calls without a policy object (a model not pointed at /policy) write nothing.
    """

    def __init__(self, path: str | Path = "policy-audit.log") -> None:
        self.log = PolicyAuditLog(path)
        self.lines: list[str] = []

    def on_llm_end(self, response: LLMResult, **kwargs: Any) -> None:
        policy = policy_from_body(response.llm_output or {})
        if policy is None:
            for generations in response.generations:
                for generation in generations:
                    policy = policy_from_body(generation.generation_info or {}) or policy
        if policy is not None:
            self.lines.append(self.log.record(policy))

    def on_llm_error(self, error: BaseException, **kwargs: Any) -> None:
        response = getattr(error, "response", None)
        try:
            body = response.json() if response is not None else None
        except Exception:  # the error body is not JSON: nothing to record
            body = None
        policy = policy_from_body(body)
        if policy is not None:
            self.lines.append(self.log.record(policy))
