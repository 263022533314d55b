"""The audit log's lines, from the policy objects of real gateway answers, match the gateway's own event lines."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone

import httpx

from gateway_under_test import event_fields, trace_id_of, unique_user, wait_for_events
from policy_gateway_langchain import PolicyAuditLog, chat_openai_arguments, policy_event_line, policy_from_body
from test_settings import send_as_the_openai_client_does

COMPARED = ("policy_id", "decision", "reason_code", "policy_user", "policy_project_id", "policy_target", "trace_id", "rules")


def test_the_seed_sample_line_is_reproduced_from_its_policy_object():
    policy = {"policy_id": "policy-gateway", "decision": "rewrite", "reason_code": "REWRITE", "policy_user": "user-12345",
              "policy_project_id": "support-bot", "policy_target": None, "rules": [], "quota": {}}

    line = policy_event_line(policy, time=datetime(2026, 1, 13, 10, 12, 42, 512000, tzinfo=timezone.utc))

    assert line == "2026-01-13T10:12:42Z policy_id=policy-gateway decision=rewrite reason_code=REWRITE policy_user=user-12345 policy_project_id=support-bot"


def test_values_with_spaces_quotes_or_equals_signs_are_quoted_as_the_gateway_quotes_them():
    line = policy_event_line({"policy_id": "p", "decision": "block", "reason_code": "R", "policy_user": 'Ann "A" Lee', "policy_target": "a=b"},
                             time=datetime(2026, 1, 13, tzinfo=timezone.utc))

    fields = event_fields(line)
    assert line.endswith('policy_user="Ann \\"A\\" Lee" policy_target="a=b"')
    assert (fields["policy_user"], fields["policy_target"]) == ('Ann "A" Lee', "a=b")


def test_lines_recorded_from_real_answers_and_blocks_match_the_gateways_event_lines(policy_gateway, tmp_path):
    log = PolicyAuditLog(tmp_path / "audit" / "policy-audit.log")
    user = unique_user()
    arguments = chat_openai_arguments(policy_gateway.key, policy_gateway.policy_id, user, policy_gateway.project,
                                      policy_target="connector-langchain", base_url=policy_gateway.policy_base_url)
    recorded = []

    for content in ("Summarize our refund policy.", f"Share the {policy_gateway.blocked_word}."):
        response = send_as_the_openai_client_does(arguments, content)
        recorded.append(log.record(policy_from_body(response.json()), trace_id=trace_id_of(response.headers)))

    gateway_lines = wait_for_events(policy_gateway, user, count=2)
    assert log.path.read_text(encoding="utf-8").splitlines() == recorded
    assert [event_fields(line)["decision"] for line in recorded] == ["rewrite", "block"]
    for ours, theirs in zip(recorded, gateway_lines):
        assert {key: event_fields(ours).get(key) for key in COMPARED} == {key: event_fields(theirs).get(key) for key in COMPARED}
    keep_for_sample(policy_gateway, log)


def test_a_streamed_answers_last_frame_holds_the_decision_the_audit_records(policy_gateway):
    user = unique_user()
    arguments = chat_openai_arguments(policy_gateway.key, policy_gateway.policy_id, user, policy_gateway.project,
                                      base_url=policy_gateway.policy_base_url)

    response = send_as_the_openai_client_does(arguments, "Summarize our refund policy.", stream=True)

    frames = [json.loads(line[5:]) for line in response.text.splitlines() if line.startswith("data: {")]
    policies = [policy_from_body(frame) for frame in frames]
    assert all(policy is not None for policy in policies)
    line = policy_event_line(policies[-1])
    assert event_fields(line)["decision"] == event_fields(wait_for_events(policy_gateway, user)[0])["decision"]


def keep_for_sample(gateway, log: PolicyAuditLog) -> None:
    """Leaves the audit log for scripts/test-connectors --update-samples (the connector's sample.log)."""
    target = gateway.output_file("langchain-audit.log")
    if target is not None:
        with target.open("a", encoding="utf-8") as out:
            out.write(log.path.read_text(encoding="utf-8"))
