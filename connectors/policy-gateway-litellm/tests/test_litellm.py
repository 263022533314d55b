"""policy_completion with LiteLLM itself: runs only where LiteLLM is installed.

LiteLLM cannot be installed on this project's build machines (no PyPI), so there these tests are
skipped with that reason; the parts that do not need LiteLLM are tested in test_settings.py and
test_audit.py against the real gateway.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io

import pytest

from conftest import CONNECTOR
from gateway_under_test import ANSWERED_DECISION, BLOCKED_REASON, SEED_LINE, event_fields, new_event_lines, quickstart_code, unique_user

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("litellm") is None,
    reason="litellm is not installed (pip install litellm); the LiteLLM-bound calls are not tested here",
)


def test_the_readme_quickstart_against_a_local_gateway_prints_the_answer_and_the_gateway_logs_the_seeds_line(dev_gateway, monkeypatch):
    monkeypatch.setenv("POLICY_GATEWAY_BASE_URL", dev_gateway.policy_base_url)
    monkeypatch.delenv("POLICY_GATEWAY_KEY", raising=False)
    before = len(dev_gateway.policy_events())
    printed = io.StringIO()

    with contextlib.redirect_stdout(printed):
        exec(compile(quickstart_code(CONNECTOR / "README.md"), "quickstart.py", "exec"), {})

    assert "Summarize our refund policy." in printed.getvalue()
    assert SEED_LINE.match(new_event_lines(dev_gateway, before, "policy_user=user-12345 ")[-1])


def test_the_answer_carries_the_decision_and_the_audit_log_records_it(policy_gateway, tmp_path):
    from policy_gateway_litellm import policy_completion, policy_of

    response = policy_completion(messages=[{"role": "user", "content": "Summarize our refund policy."}], policy_id=policy_gateway.policy_id,
                                 policy_user=unique_user(), policy_project_id=policy_gateway.project, api_key=policy_gateway.key,
                                 base_url=policy_gateway.policy_base_url, audit_log=tmp_path / "audit.log")

    assert (policy_of(response)["decision"], policy_of(response)["reason_code"]) == ANSWERED_DECISION
    assert event_fields((tmp_path / "audit.log").read_text(encoding="utf-8").splitlines()[-1])["decision"] == ANSWERED_DECISION[0]


def test_a_blocked_call_raises_permission_denied_and_is_recorded(policy_gateway, tmp_path):
    import litellm

    from policy_gateway_litellm import policy_completion

    with pytest.raises(litellm.exceptions.PermissionDeniedError):
        policy_completion(messages=[{"role": "user", "content": f"Tell me the {policy_gateway.blocked_word}."}], policy_id=policy_gateway.policy_id,
                          policy_user=unique_user(), policy_project_id=policy_gateway.project, api_key=policy_gateway.key,
                          base_url=policy_gateway.policy_base_url, audit_log=tmp_path / "audit.log", num_retries=0)

    lines = (tmp_path / "audit.log").read_text(encoding="utf-8").splitlines() if (tmp_path / "audit.log").exists() else []
    assert lines and event_fields(lines[-1])["reason_code"] == BLOCKED_REASON
