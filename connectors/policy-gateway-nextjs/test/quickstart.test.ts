// The seed's quickstart, pasted as the README shows it, answering through a running gateway.
import "./aliases";
import { test } from "node:test";
import assert = require("node:assert/strict");
import { appendFileSync, readFileSync } from "node:fs";
import path = require("node:path");
import {
  ANSWERED_DECISION,
  CONNECTOR,
  eventLineOfTrace,
  newTrace,
  QUESTION,
  SEED_LINE,
  chatRequest,
  gatewayUnderTest,
  loadQuickstartRoute,
  NO_POLICY_SURFACE,
  policyEvents,
  quickstartCode,
  uniqueUser,
} from "./gateway";

const SEED_QUICKSTART = `import { createPolicyGatewayRoute } from "@/app/lib/policyGatewayRoute";

export const POST = createPolicyGatewayRoute({
  apiKey: process.env.POLICY_GATEWAY_KEY,
  policyId: "policy-gateway",
  policyProjectId: "support-bot",
});
`;

test("the README's quickstart is the seed's, verbatim, and is the example route that tsc checks", () => {
  assert.equal(quickstartCode(), SEED_QUICKSTART);
  assert.equal(readFileSync(path.join(CONNECTOR, "examples/app/api/chat/route.ts"), "utf8"), SEED_QUICKSTART);
});

test("the quickstart route answers through the compat surface in local dev mode", async (t) => {
  const gateway = await gatewayUnderTest();
  if (typeof gateway === "string") return t.skip(gateway);
  process.env.POLICY_GATEWAY_BASE_URL = `${gateway.url}/v1`;
  process.env.POLICY_GATEWAY_KEY = gateway.key;
  const { POST } = loadQuickstartRoute();

  const response = await POST(chatRequest(QUESTION));

  const completion = (await response.json()) as { choices: Array<{ message: { content: string } }> };
  assert.equal(response.status, 200);
  assert.match(completion.choices[0]?.message.content ?? "", /Summarize our refund policy\./);
});

test("the quickstart route answers with the policy decision for its project and the end user", async (t) => {
  const gateway = await gatewayUnderTest();
  if (typeof gateway === "string") return t.skip(gateway);
  if (!gateway.policySurface) return t.skip(NO_POLICY_SURFACE);
  process.env.POLICY_GATEWAY_BASE_URL = `${gateway.url}/policy`;
  process.env.POLICY_GATEWAY_KEY = gateway.key;
  const { POST } = loadQuickstartRoute();
  const user = uniqueUser();

  const response = await POST(chatRequest(QUESTION, { "x-policy-user": user }));

  const completion = (await response.json()) as { policy: Record<string, unknown> };
  assert.equal(response.status, 200);
  assert.equal(completion.policy.decision, ANSWERED_DECISION.decision);
  assert.equal(completion.policy.reason_code, ANSWERED_DECISION.reason_code);
  assert.equal(completion.policy.policy_id, "policy-gateway");
  assert.equal(completion.policy.policy_project_id, "support-bot");
  assert.equal(completion.policy.policy_user, user);
  const lines = await policyEvents(gateway, user);
  assert.equal(lines.length, 1, `one policy event line for ${user} in ${gateway.eventsLog}`);
  assert.match(lines[0] ?? "", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ policy_id=policy-gateway decision=rewrite reason_code=REWRITE policy_user=\S+ policy_project_id=support-bot /);
});

test("the quickstart route against a local gateway produces the seed's policy event line", async (t) => {
  const gateway = await gatewayUnderTest();
  if (typeof gateway === "string") return t.skip(gateway);
  if (!gateway.policySurface) return t.skip(NO_POLICY_SURFACE);
  if (!gateway.devUrl) return t.skip("no gateway in local dev mode (POLICY_GATEWAY_TEST_DEV_URL unset): run scripts/test-connectors");
  process.env.POLICY_GATEWAY_BASE_URL = `${gateway.devUrl}/policy`;
  delete process.env.POLICY_GATEWAY_KEY;
  const { POST } = loadQuickstartRoute();
  const trace = newTrace();

  const response = await POST(chatRequest(QUESTION, { "x-policy-user": "user-12345", traceparent: trace.traceparent }));

  assert.equal(response.status, 200, await response.clone().text());
  const line = await eventLineOfTrace(gateway.devEventsLog, trace.traceId);
  assert.ok(line, `an event line for trace ${trace.traceId} in ${gateway.devEventsLog}`);
  assert.match(line, SEED_LINE);
  if (gateway.output) {
    appendFileSync(path.join(gateway.output, "nextjs-events.log"), `${line}\n`);
  }
});
