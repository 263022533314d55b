"""Audit lines from the policy objects of real gateway answers match the gateway's own event lines."""

from __future__ import annotations

import inspect
import sys

import pytest

from conftest import CONNECTOR
from gateway_under_test import event_fields, trace_id_of, unique_user, wait_for_events
from policy_gateway_litellm import PolicyAuditLog, completion_arguments, policy_from_body
from test_settings import send_as_litellm_does

COMPARED = ("policy_id", "decision", "reason_code", "policy_user", "policy_project_id", "policy_target", "trace_id", "rules")


def test_lines_recorded_from_real_answers_and_blocks_match_the_gateways_event_lines(policy_gateway, tmp_path):
    log = PolicyAuditLog(tmp_path / "policy-audit.log")
    user = unique_user()
    recorded = []

    for content in ("Summarize our refund policy.", f"Read out the {policy_gateway.blocked_word}."):
        arguments = completion_arguments([{"role": "user", "content": content}], policy_gateway.policy_id, user, policy_gateway.project,
                                         api_key=policy_gateway.key, base_url=policy_gateway.policy_base_url, policy_target="connector-litellm")
        response = send_as_litellm_does(arguments)
        recorded.append(log.record(policy_from_body(response.json()), trace_id=trace_id_of(response.headers)))

    gateway_lines = wait_for_events(policy_gateway, user, count=2)
    assert log.path.read_text(encoding="utf-8").splitlines() == recorded
    for ours, theirs in zip(recorded, gateway_lines):
        assert {key: event_fields(ours).get(key) for key in COMPARED} == {key: event_fields(theirs).get(key) for key in COMPARED}
    target = policy_gateway.output_file("litellm-audit.log")
    if target is not None:
        with target.open("a", encoding="utf-8") as out:
            out.write(log.path.read_text(encoding="utf-8"))


def test_the_audit_and_settings_helpers_are_the_same_as_the_langchain_connectors():
    langchain_connector = CONNECTOR.parent / "policy-gateway-langchain"
    if not langchain_connector.is_dir():
        pytest.skip("connectors/policy-gateway-langchain is not beside this connector")
    sys.path.insert(0, str(langchain_connector))
    try:
        import policy_gateway_langchain as langchain
    finally:
        sys.path.remove(str(langchain_connector))
    import policy_gateway_litellm as litellm

    for name in ("policy_event_line", "policy_from_body", "PolicyAuditLog", "gateway_base_url", "gateway_api_key", "policy_headers"):
        assert inspect.getsource(getattr(litellm, name)) == inspect.getsource(getattr(langchain, name)), f"{name} differs between the connectors"
