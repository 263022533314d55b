"""The gateway the connector tests run against, as scripts/test-connectors started and described it.

Shared by the Python connectors' tests (each conftest puts this folder on sys.path). Nothing here
imitates the gateway: it reads where the real one listens and what its test config holds.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx

RUN_WITH = "run scripts/test-connectors from the repository root: it starts a gateway and sets POLICY_GATEWAY_TEST_*"


@dataclass(frozen=True)
class GatewayUnderTest:
    """A running gateway and its test config.

    Attributes:
        url: the gateway's root URL (``http://127.0.0.1:<port>``).
        key: a gateway key bound to ``project`` (and allowed ``quota_project``).
        project: the project of the key, linked to ``policy_id``.
        quota_project: a project with a tight request quota, to provoke 429s.
        policy_id: a policy that blocks ``blocked_word``.
        blocked_word: a word the policy blocks in requests.
        events_log: the gateway's ``logs/policy-events.log``.
        output: a folder where tests may leave files for the run (audit logs for sample.log).
        policy_surface: whether this gateway build serves ``/policy`` (else it answers 501).
    """

    url: str
    key: str
    project: str
    quota_project: str
    policy_id: str
    blocked_word: str
    events_log: Path | None
    output: Path | None
    policy_surface: bool

    @property
    def policy_base_url(self) -> str:
        return self.url + "/policy"

    @property
    def compat_base_url(self) -> str:
        return self.url + "/v1"

    def policy_events(self) -> list[str]:
        """The policy event lines the gateway has written so far (it writes them asynchronously)."""
        if self.events_log is None or not self.events_log.is_file():
            return []
        return self.events_log.read_text(encoding="utf-8").splitlines()

    def output_file(self, name: str) -> Path | None:
        if self.output is None:
            return None
        self.output.mkdir(parents=True, exist_ok=True)
        return self.output / name


def gateway_from_environment() -> GatewayUnderTest | str:
    """The gateway described by ``POLICY_GATEWAY_TEST_*``, or why there is none."""
    url = os.environ.get("POLICY_GATEWAY_TEST_URL", "").rstrip("/")
    key = os.environ.get("POLICY_GATEWAY_TEST_KEY", "")
    if not url or not key:
        return f"no gateway to test against (POLICY_GATEWAY_TEST_URL/KEY unset): {RUN_WITH}"
    events = os.environ.get("POLICY_GATEWAY_TEST_EVENTS_LOG")
    output = os.environ.get("POLICY_GATEWAY_TEST_OUTPUT")
    try:
        probe = httpx.post(
            url + "/policy/chat/completions",
            headers={"Authorization": f"Bearer {key}", "X-Policy-Target": "connector-test-probe"},
            json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "probe"}]},
            timeout=30,
        )
    except httpx.HTTPError as error:
        return f"the gateway at {url} does not answer ({error}): {RUN_WITH}"
    return GatewayUnderTest(
        url=url,
        key=key,
        project=os.environ.get("POLICY_GATEWAY_TEST_PROJECT", "support-bot"),
        quota_project=os.environ.get("POLICY_GATEWAY_TEST_QUOTA_PROJECT", "quota-bot"),
        policy_id=os.environ.get("POLICY_GATEWAY_TEST_POLICY_ID", "policy-gateway"),
        blocked_word=os.environ.get("POLICY_GATEWAY_TEST_BLOCKED_WORD", "launch-codes"),
        events_log=Path(events) if events else None,
        output=Path(output) if output else None,
        policy_surface=probe.status_code != 501,
    )


# What the test policy (connectors/testing/gateway-policy.yaml) decides for project support-bot.
ANSWERED_DECISION = ("rewrite", "REWRITE")
"""Decision and reason code of an answered request: the support system prompt is added."""
BLOCKED_REASON = "BANNED_WORD"
"""Reason code of a request naming the blocked word (word-filter)."""

SEED_LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ policy_id=policy-gateway decision=rewrite reason_code=REWRITE "
    r"policy_user=user-12345 policy_project_id=support-bot(?: |$)"
)
"""The seed's sample line (``2026-01-13T10:12:42Z policy_id=policy-gateway decision=rewrite ...``), any time, further fields allowed:
what the seed's quickstarts produce against the test policy."""

NO_POLICY_SURFACE = "this gateway build answers 501 on /policy/chat/completions (the /policy surface is not in it yet); the test runs once it is"


def dev_gateway_from_environment() -> GatewayUnderTest | str:
    """The second gateway scripts/test-connectors starts: no keys (local dev mode), same policies. The seed's
    quickstarts run there exactly as written (the LangChain one sends the literal key "YOUR_POLICY_KEY")."""
    keyed = gateway_from_environment()
    url = os.environ.get("POLICY_GATEWAY_TEST_DEV_URL", "").rstrip("/")
    if isinstance(keyed, str):
        return keyed
    if not url:
        return f"no gateway in local dev mode to test against (POLICY_GATEWAY_TEST_DEV_URL unset): {RUN_WITH}"
    events = os.environ.get("POLICY_GATEWAY_TEST_DEV_EVENTS_LOG")
    return GatewayUnderTest(url=url, key="", project=keyed.project, quota_project=keyed.quota_project, policy_id=keyed.policy_id,
                            blocked_word=keyed.blocked_word, events_log=Path(events) if events else None, output=keyed.output,
                            policy_surface=keyed.policy_surface)


def unique_user(prefix: str = "user") -> str:
    """A fresh end-user id, so per-user quotas and event lines of one test are its own."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


_QUICKSTART = re.compile(r"<!-- quickstart -->\s*```[a-z]*\n(.*?)```", re.DOTALL)


def quickstart_code(readme: Path) -> str:
    """The code block marked ``<!-- quickstart -->`` in a README, exactly as a user would paste it."""
    blocks = _QUICKSTART.findall(readme.read_text(encoding="utf-8"))
    if len(blocks) != 1:
        raise AssertionError(f"{readme} must have exactly one code block marked <!-- quickstart -->, found {len(blocks)}")
    return blocks[0]


def event_fields(line: str) -> dict[str, str]:
    """Parses a policy event line (``<time> key=value key="quoted value" ...``) into its fields, ``time`` included."""
    time, _, rest = line.partition(" ")
    fields = {"time": time}
    for match in re.finditer(r'(\w+)=("(?:[^"\\]|\\.)*"|\S*)', rest):
        value = match.group(2)
        if value.startswith('"'):
            value = json.loads(value)
        fields[match.group(1)] = value
    return fields


def trace_id_of(headers: httpx.Headers) -> str | None:
    """The trace id the gateway used for a request, as its event line shows it: from the ``traceparent``
    answer header, else ``x-request-id`` (the trace id when the caller sent no request id)."""
    parts = headers.get("traceparent", "").split("-")
    return parts[1] if len(parts) == 4 else headers.get("x-request-id")


def wait_for_events(gateway: GatewayUnderTest, user: str, count: int = 1, timeout: float = 5.0) -> list[str]:
    """The gateway's policy event lines for ``user`` once at least ``count`` are written (events are written off the request path)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        lines = [line for line in gateway.policy_events() if f"policy_user={user} " in line]
        if len(lines) >= count or time.monotonic() > deadline:
            assert len(lines) >= count, f"expected {count} policy event line(s) for {user} in {gateway.events_log}, found {lines}"
            return lines
        time.sleep(0.05)


def new_event_lines(gateway: GatewayUnderTest, before: int, needle: str, timeout: float = 5.0) -> list[str]:
    """Event lines written after the first ``before`` lines that contain ``needle``, once there is one."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        lines = [line for line in gateway.policy_events()[before:] if needle in line]
        if lines or time.monotonic() > deadline:
            assert lines, f"no new policy event line with {needle!r} in {gateway.events_log}"
            return lines
        time.sleep(0.05)


# pytest fixtures: import them into a conftest (``from gateway_under_test import gateway, policy_gateway``).
import pytest  # noqa: E402


@pytest.fixture(scope="session")
def gateway() -> GatewayUnderTest:
    found = gateway_from_environment()
    if isinstance(found, str):
        pytest.skip(found)
    return found


@pytest.fixture(scope="session")
def policy_gateway(gateway: GatewayUnderTest) -> GatewayUnderTest:
    """The gateway, for tests of the /policy surface: skipped with the reason while the build lacks it."""
    if not gateway.policy_surface:
        pytest.skip(NO_POLICY_SURFACE)
    return gateway


@pytest.fixture(scope="session")
def dev_gateway(policy_gateway: GatewayUnderTest) -> GatewayUnderTest:
    """The gateway in local dev mode (no keys), for the seed's quickstarts exactly as written."""
    found = dev_gateway_from_environment()
    if isinstance(found, str):
        pytest.skip(found)
    return found
