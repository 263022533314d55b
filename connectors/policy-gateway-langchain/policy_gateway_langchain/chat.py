"""``build_policy_gateway_chat``: a LangChain ``ChatOpenAI`` pointed at Policy Gateway. Imports LangChain lazily."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from .audit import policy_from_body
from .settings import DEFAULT_MODEL, chat_openai_arguments


def build_policy_gateway_chat(
    api_key: str | None,
    policy_id: str | None,
    policy_user: str | None,
    policy_project_id: str | None,
    *,
    policy_target: str | None = None,
    base_url: str | None = None,
    model: str = DEFAULT_MODEL,
    audit_log: str | Path | None = None,
    **chat_options: Any,
) -> Any:
    """A ``ChatOpenAI`` that sends every call to ``<base_url>/chat/completions`` with the policy headers and ``policy_id``.

    Args:
        api_key: the gateway key (``None``: ``POLICY_GATEWAY_KEY``). ``OPENAI_API_KEY`` is never used.
        policy_id: sent as ``policy_id`` in each request body (``extra_body``).
        policy_user: sent as ``X-Policy-User``.
        policy_project_id: sent as ``X-Policy-Project``.
        policy_target: sent as ``X-Policy-Target``.
        base_url: the gateway's /policy base URL (``None``: ``POLICY_GATEWAY_BASE_URL``, else
            ``http://localhost:5000/policy``).
        model: the model the gateway routes.
        audit_log: a file to write each call's decision to (adds a ``PolicyAuditCallbackHandler``).
        chat_options: further ``ChatOpenAI`` arguments (``temperature``, ``callbacks``, ...).

    Returns:
        a ``ChatOpenAI`` (a subclass that also copies the gateway's ``policy`` object into each
        result: ``response.response_metadata["policy"]`` after ``invoke``, the last chunk's
        ``generation_info`` when streaming).

    Raises:
        ImportError: ``langchain-openai`` is not installed (``pip install langchain-openai``).
    """
    if audit_log is not None:
        from .callback import PolicyAuditCallbackHandler

        chat_options["callbacks"] = [*(chat_options.get("callbacks") or []), PolicyAuditCallbackHandler(audit_log)]
    arguments = chat_openai_arguments(
        api_key, policy_id, policy_user, policy_project_id, policy_target=policy_target, base_url=base_url, model=model, **chat_options
    )
    return policy_gateway_chat_class()(**arguments)


@lru_cache(maxsize=1)
def policy_gateway_chat_class() -> type:
    """``ChatOpenAI`` with the gateway's ``policy`` object kept in results (LangChain drops unknown response fields)."""
    try:
        from langchain_core.messages import AIMessageChunk
        from langchain_core.outputs import ChatGenerationChunk
        from langchain_openai import ChatOpenAI
    except ImportError as error:
        raise ImportError(
            "build_policy_gateway_chat needs LangChain's OpenAI integration: pip install langchain-openai"
        ) from error

    class PolicyGatewayChatOpenAI(ChatOpenAI):
        """A ``ChatOpenAI`` whose results carry the gateway's ``policy`` decision object."""

        def _create_chat_result(self, response: Any, generation_info: dict | None = None) -> Any:
            result = super()._create_chat_result(response, generation_info)
            body = response if isinstance(response, dict) else response.model_dump()
            policy = policy_from_body(body)
            if policy is not None:
                result.llm_output = {**(result.llm_output or {}), "policy": dict(policy)}
                for generation in result.generations:
                    generation.generation_info = {**(generation.generation_info or {}), "policy": dict(policy)}
            return result

        def _convert_chunk_to_generation_chunk(self, chunk: dict, *args: Any, **kwargs: Any) -> Any:
            generation = super()._convert_chunk_to_generation_chunk(chunk, *args, **kwargs)
            policy = policy_from_body(chunk)
            if generation is not None and policy is not None:
                generation.generation_info = {**(generation.generation_info or {}), "policy": dict(policy)}
            return generation

        # Every streamed chunk carries the policy object, but LangChain concatenates the metadata of
        # the chunks it merges: the policy is taken off each chunk as it passes (callbacks have seen
        # it) and the last one, the final decision, goes on one closing chunk.
        def _stream(self, *args: Any, **kwargs: Any) -> Any:
            final: dict | None = None
            for generation in super()._stream(*args, **kwargs):
                final = _take_policy(generation) or final
                yield generation
            if final is not None:
                yield ChatGenerationChunk(message=AIMessageChunk(content=""), generation_info={"policy": final})

        async def _astream(self, *args: Any, **kwargs: Any) -> Any:
            final: dict | None = None
            async for generation in super()._astream(*args, **kwargs):
                final = _take_policy(generation) or final
                yield generation
            if final is not None:
                yield ChatGenerationChunk(message=AIMessageChunk(content=""), generation_info={"policy": final})

    return PolicyGatewayChatOpenAI


def _take_policy(generation: Any) -> dict | None:
    info = getattr(generation, "generation_info", None)
    return info.pop("policy", None) if isinstance(info, dict) else None
