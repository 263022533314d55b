// The handler against the real gateway: answers, streams and errors, as a browser calling the route sees them.
import "./aliases";
import { test } from "node:test";
import assert = require("node:assert/strict");
import { createPolicyGatewayRoute } from "@policy-gateway/nextjs";
import {
  ANSWERED_DECISION,
  BLOCKED_REASON,
  QUESTION,
  QUOTA_BUCKET,
  chatRequest,
  gatewayUnderTest,
  NO_POLICY_SURFACE,
  policyEvents,
  uniqueUser,
} from "./gateway";
import type { GatewayUnderTest } from "./gateway";

async function gatewayOrSkip(t: { skip: (reason: string) => void }, needsPolicySurface = false): Promise<GatewayUnderTest | undefined> {
  const gateway = await gatewayUnderTest();
  if (typeof gateway === "string") {
    t.skip(gateway);
    return undefined;
  }
  if (needsPolicySurface && !gateway.policySurface) {
    t.skip(NO_POLICY_SURFACE);
    return undefined;
  }
  return gateway;
}

function policyRoute(gateway: GatewayUnderTest, extra: Partial<Parameters<typeof createPolicyGatewayRoute>[0]> = {}) {
  return createPolicyGatewayRoute({
    apiKey: gateway.key,
    policyId: gateway.policyId,
    policyProjectId: gateway.project,
    policyTarget: "connector-nextjs",
    baseUrl: `${gateway.url}/policy`,
    ...extra,
  });
}

interface Frame {
  at: number;
  data: string;
}

/** Reads an event stream as it arrives, noting when each data frame came. */
async function readFrames(response: Response): Promise<Frame[]> {
  assert.ok(response.body, "a streamed answer has a body");
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let pending = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pending += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      const event = pending.slice(0, end);
      pending = pending.slice(end + 2);
      const data = event.split("\n").filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trim()).join("\n");
      if (data) frames.push({ at: performance.now(), data });
    }
  }
  return frames;
}

test("a streamed answer is passed through frame by frame, not buffered", async (t) => {
  const gateway = await gatewayOrSkip(t);
  if (!gateway) return;
  const POST = createPolicyGatewayRoute({ apiKey: gateway.key, policyId: gateway.policyId, policyProjectId: gateway.project, baseUrl: `${gateway.url}/v1` });

  const response = await POST(chatRequest({ ...QUESTION, stream: true }));
  const frames = await readFrames(response);

  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/event-stream/);
  assert.equal(frames.at(-1)?.data, "[DONE]");
  const text = frames.slice(0, -1).map((frame) => JSON.parse(frame.data).choices[0]?.delta?.content ?? "").join("");
  assert.match(text, /Summarize our refund policy\./);
  // The local provider waits 20 ms between chunks: relayed as they come, the frames are spread out.
  assert.ok((frames.at(-1)?.at ?? 0) - (frames[0]?.at ?? 0) > 200, "frames arrive over time");
});

test("a wrong key is a 401 JSON error saying to check the Bearer key", async (t) => {
  const gateway = await gatewayOrSkip(t);
  if (!gateway) return;
  const POST = createPolicyGatewayRoute({ apiKey: "pgw_wrong", policyId: "policy-gateway", policyProjectId: "support-bot", baseUrl: `${gateway.url}/v1` });

  const response = await POST(chatRequest(QUESTION));

  const body = (await response.json()) as { error: Record<string, unknown> };
  assert.equal(response.status, 401);
  assert.match(String(body.error.message), /^Invalid API key/);
  assert.match(String(body.error.hint), /POLICY_GATEWAY_KEY/);
  assert.equal(body.error.status, 401);
});

test("a base URL without the surface is a 404 JSON error saying how it must end", async (t) => {
  const gateway = await gatewayOrSkip(t);
  if (!gateway) return;
  const POST = createPolicyGatewayRoute({ apiKey: gateway.key, policyId: "policy-gateway", policyProjectId: "support-bot", baseUrl: `${gateway.url}/api` });

  const response = await POST(chatRequest(QUESTION));

  const body = (await response.json()) as { error: Record<string, unknown> };
  assert.equal(response.status, 404);
  assert.match(String(body.error.hint), /ends with \/policy \(or \/v1\).*\/api\/chat\/completions/);
});

test("a malformed chat request is a 400 with the gateway's message", async (t) => {
  const gateway = await gatewayOrSkip(t);
  if (!gateway) return;
  const POST = createPolicyGatewayRoute({ apiKey: gateway.key, policyId: "policy-gateway", policyProjectId: "support-bot", baseUrl: `${gateway.url}/v1` });

  const response = await POST(chatRequest({ model: "gpt-4o-mini", messages: "hello" }));

  const body = (await response.json()) as { error: Record<string, unknown> };
  assert.equal(response.status, 400);
  assert.match(String(body.error.message), /messages/);
});

test("the policy surface answers with the decision for the project, the target and the user from the header", async (t) => {
  const gateway = await gatewayOrSkip(t, true);
  if (!gateway) return;
  const user = uniqueUser();

  const response = await policyRoute(gateway)(chatRequest(QUESTION, { "x-policy-user": user }));

  const completion = (await response.json()) as { policy: Record<string, unknown> };
  assert.equal(response.status, 200);
  assert.deepEqual(
    [completion.policy.decision, completion.policy.policy_user, completion.policy.policy_project_id, completion.policy.policy_target],
    [ANSWERED_DECISION.decision, user, gateway.project, "connector-nextjs"],
  );
});

test("a blocked request is a 403 with the policy violation's reason code", async (t) => {
  const gateway = await gatewayOrSkip(t, true);
  if (!gateway) return;
  const user = uniqueUser();
  const body = { model: "gpt-4o-mini", messages: [{ role: "user", content: `Print the ${gateway.blockedWord}.` }] };

  const response = await policyRoute(gateway, { user: { resolve: () => user } })(chatRequest(body));

  const answer = (await response.json()) as { error: Record<string, unknown> };
  assert.equal(response.status, 403);
  assert.equal(answer.error.type, "policy_violation");
  assert.equal(answer.error.code, BLOCKED_REASON);
  const lines = await policyEvents(gateway, user);
  assert.match(lines.at(-1) ?? "", new RegExp(`decision=block reason_code=${String(answer.error.code)} `));
});

test("every frame of a streamed policy answer carries the policy object", async (t) => {
  const gateway = await gatewayOrSkip(t, true);
  if (!gateway) return;
  const user = uniqueUser();

  const response = await policyRoute(gateway, { user: { cookie: "uid" } })(chatRequest({ ...QUESTION, stream: true }, { cookie: `theme=dark; uid=${user}` }));
  const frames = await readFrames(response);

  assert.equal(frames.at(-1)?.data, "[DONE]");
  const chunks = frames.slice(0, -1).map((frame) => JSON.parse(frame.data) as { policy?: Record<string, unknown> });
  assert.ok(chunks.length > 3);
  for (const chunk of chunks) {
    assert.equal(chunk.policy?.policy_user, user);
  }
  assert.equal(chunks.at(-1)?.policy?.decision, ANSWERED_DECISION.decision);
});

test("a spent rate limit is a 429 with the gateway's Retry-After and the reason code", async (t) => {
  const gateway = await gatewayOrSkip(t, true);
  if (!gateway) return;
  const POST = policyRoute(gateway, { policyId: "paced", policyProjectId: gateway.quotaProject });
  const user = uniqueUser();

  let response: Response | undefined;
  for (let call = 0; call < QUOTA_BUCKET + 5; call++) {
    response = await POST(chatRequest(QUESTION, { "x-policy-user": user }));
    if (response.status !== 200) break;
    await response.arrayBuffer();
  }

  assert.ok(response);
  const body = (await response.json()) as { error: Record<string, unknown> };
  assert.equal(response.status, 429);
  const retryAfter = Number(response.headers.get("retry-after"));
  assert.ok(retryAfter >= 1);
  assert.equal(response.headers.get("x-ratelimit-limit-requests"), String(QUOTA_BUCKET));
  assert.deepEqual([body.error.code, body.error.retry_after_seconds], ["RATE_LIMITED", retryAfter]);
  assert.match(String(body.error.hint), /Retry-After/);
});
