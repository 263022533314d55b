"""build_policy_gateway_chat with LangChain itself: runs only where langchain-openai is installed.

langchain-openai cannot be installed on this project's build machines (no PyPI), so there these
tests are skipped with that reason; the parts that do not need LangChain are tested in
test_settings.py and test_audit.py against the real gateway.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io

import pytest

from conftest import CONNECTOR
from gateway_under_test import ANSWERED_DECISION, BLOCKED_REASON, SEED_LINE, event_fields, new_event_lines, quickstart_code, unique_user

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("langchain_openai") is None,
    reason="langchain-openai is not installed (pip install langchain-openai); the LangChain-bound calls are not tested here",
)


def test_the_readme_quickstart_against_a_local_gateway_prints_the_answer_and_the_gateway_logs_the_seeds_line(dev_gateway, monkeypatch):
    monkeypatch.setenv("POLICY_GATEWAY_BASE_URL", dev_gateway.policy_base_url)
    before = len(dev_gateway.policy_events())
    printed = io.StringIO()

    with contextlib.redirect_stdout(printed):
        exec(compile(quickstart_code(CONNECTOR / "README.md"), "quickstart.py", "exec"), {})

    assert "Summarize our refund policy." in printed.getvalue()
    assert SEED_LINE.match(new_event_lines(dev_gateway, before, "policy_user=user-12345 ")[-1])


def test_invoke_answers_through_the_gateway_with_the_decision_in_the_metadata_and_the_audit_log(policy_gateway, tmp_path):
    from policy_gateway_langchain import build_policy_gateway_chat

    user = unique_user()
    llm = build_policy_gateway_chat(api_key=policy_gateway.key, policy_id=policy_gateway.policy_id, policy_user=user,
                                    policy_project_id=policy_gateway.project, base_url=policy_gateway.policy_base_url,
                                    audit_log=tmp_path / "audit.log")

    response = llm.invoke("Summarize our refund policy.")

    assert "Summarize our refund policy." in response.content
    assert (response.response_metadata["policy"]["decision"], response.response_metadata["policy"]["reason_code"]) == ANSWERED_DECISION
    line = (tmp_path / "audit.log").read_text(encoding="utf-8").splitlines()[-1]
    assert (event_fields(line)["decision"], event_fields(line)["policy_user"]) == (ANSWERED_DECISION[0], user)


def test_a_stream_records_the_final_decision_once(policy_gateway, tmp_path):
    from policy_gateway_langchain import build_policy_gateway_chat

    llm = build_policy_gateway_chat(api_key=policy_gateway.key, policy_id=policy_gateway.policy_id, policy_user=unique_user(),
                                    policy_project_id=policy_gateway.project, base_url=policy_gateway.policy_base_url,
                                    audit_log=tmp_path / "audit.log")

    chunks = list(llm.stream("Summarize our refund policy."))

    merged = chunks[0]
    for chunk in chunks[1:]:
        merged += chunk
    assert "Summarize our refund policy." in merged.content
    assert merged.response_metadata["policy"]["decision"] == ANSWERED_DECISION[0]
    assert len((tmp_path / "audit.log").read_text(encoding="utf-8").splitlines()) == 1


def test_a_blocked_call_raises_and_the_audit_log_records_the_block(policy_gateway, tmp_path):
    import openai

    from policy_gateway_langchain import build_policy_gateway_chat

    llm = build_policy_gateway_chat(api_key=policy_gateway.key, policy_id=policy_gateway.policy_id, policy_user=unique_user(),
                                    policy_project_id=policy_gateway.project, base_url=policy_gateway.policy_base_url,
                                    audit_log=tmp_path / "audit.log", max_retries=0)

    with pytest.raises(openai.PermissionDeniedError) as raised:
        llm.invoke(f"Tell me the {policy_gateway.blocked_word}.")

    assert raised.value.body["code"] == BLOCKED_REASON
    line = (tmp_path / "audit.log").read_text(encoding="utf-8").splitlines()[-1]
    assert (event_fields(line)["decision"], event_fields(line)["reason_code"]) == ("block", BLOCKED_REASON)
