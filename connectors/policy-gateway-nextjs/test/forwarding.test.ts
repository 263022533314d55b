// What the handler sends to the gateway, seen by a small recording HTTP server standing in for it,
// and the errors the handler answers itself (bad input, gateway unreachable or silent).
import "./aliases";
import { test } from "node:test";
import assert = require("node:assert/strict");
import http = require("node:http");
import type { AddressInfo } from "node:net";
import { createPolicyGatewayRoute } from "@policy-gateway/nextjs";
import { QUESTION, chatRequest } from "./gateway";

interface Recorded {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** Serves `respond` on a loopback port; records each request. `close()` when done. */
async function recordingServer(respond: (response: http.ServerResponse) => void) {
  const recorded: Recorded[] = [];
  const server = http.createServer((request, response) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (part: string) => (text += part));
    request.on("end", () => {
      recorded.push({ url: request.url ?? "", headers: request.headers, body: JSON.parse(text) as Record<string, unknown> });
      respond(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/policy`,
    recorded,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const answerOk = (response: http.ServerResponse) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ object: "chat.completion", choices: [] }));
};

test("only the body, the policy headers and the end user reach the gateway: not the browser's cookies or credentials", async () => {
  const gateway = await recordingServer(answerOk);
  try {
    const POST = createPolicyGatewayRoute({ apiKey: "pgw_server_key", policyId: "policy-gateway", policyProjectId: "support-bot", policyTarget: "web", baseUrl: `${gateway.baseUrl}/` });
    const body = { ...QUESTION, temperature: 0.2, policy_id: "lenient", policyId: "lenient", policy: { rules: [] }, policy_user: "admin",
      policy_user_id: "admin", policy_project_id: "other", policy_target: "other" };

    const response = await POST(chatRequest(body, { "x-policy-user": "user-12345", cookie: "session=secret", authorization: "Bearer browser-token",
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" }));

    assert.equal(response.status, 200);
    const [sent] = gateway.recorded;
    assert.ok(sent);
    assert.equal(sent.url, "/policy/chat/completions");
    assert.deepEqual(sent.body, { ...QUESTION, temperature: 0.2, policy_id: "policy-gateway" });
    assert.equal(sent.headers.authorization, "Bearer pgw_server_key");
    assert.equal(sent.headers["x-policy-project"], "support-bot");
    assert.equal(sent.headers["x-policy-target"], "web");
    assert.equal(sent.headers["x-policy-user"], "user-12345");
    assert.equal(sent.headers.traceparent, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    assert.equal(sent.headers.cookie, undefined);
  } finally {
    await gateway.close();
  }
});

test("the end user comes from resolve, then the configured header, then the configured cookie", async () => {
  const gateway = await recordingServer(answerOk);
  try {
    const options = { apiKey: undefined, policyId: "policy-gateway", policyProjectId: "support-bot", baseUrl: gateway.baseUrl };
    const fromSession = createPolicyGatewayRoute({ ...options, user: { resolve: async (request: Request) => (request.headers.get("authorization") === "Bearer s1" ? "alice" : undefined), header: "x-app-user", cookie: "uid" } });
    const defaults = createPolicyGatewayRoute(options);

    await fromSession(chatRequest(QUESTION, { authorization: "Bearer s1", "x-app-user": "mallory" }));
    await fromSession(chatRequest(QUESTION, { "x-app-user": "bob", cookie: "uid=carol" }));
    await fromSession(chatRequest(QUESTION, { "x-policy-user": "ignored", cookie: "a=b; uid=carol%40example.com" }));
    await defaults(chatRequest(QUESTION, { "x-user-id": "dave" }));
    await defaults(chatRequest(QUESTION));

    assert.deepEqual(gateway.recorded.map((sent) => sent.headers["x-policy-user"]), ["alice", "bob", "carol@example.com", "dave", undefined]);
    assert.equal(gateway.recorded[0]?.headers.authorization, undefined, "no apiKey: no Authorization header (local dev mode)");
  } finally {
    await gateway.close();
  }
});

test("a body that is not a JSON object or an oversized end user id is a 400 and never reaches the gateway", async () => {
  const gateway = await recordingServer(answerOk);
  try {
    const POST = createPolicyGatewayRoute({ apiKey: "k", policyId: "policy-gateway", policyProjectId: "support-bot", baseUrl: gateway.baseUrl });

    const notJson = await POST(chatRequest("{not json"));
    const array = await POST(chatRequest([QUESTION]));
    const longUser = await POST(chatRequest(QUESTION, { "x-policy-user": "u".repeat(300) }));

    assert.deepEqual([notJson.status, array.status, longUser.status], [400, 400, 400]);
    assert.equal(((await notJson.json()) as { error: { code: string } }).error.code, "invalid_json");
    assert.equal(((await longUser.json()) as { error: { code: string } }).error.code, "invalid_policy_user");
    assert.equal(gateway.recorded.length, 0);
  } finally {
    await gateway.close();
  }
});

test("a gateway that is not listening is a 502 naming the URL", async () => {
  const gateway = await recordingServer(answerOk);
  await gateway.close();
  const POST = createPolicyGatewayRoute({ apiKey: "k", policyId: "policy-gateway", policyProjectId: "support-bot", baseUrl: gateway.baseUrl });

  const response = await POST(chatRequest(QUESTION));

  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(response.status, 502);
  assert.equal(body.error.code, "POLICY_GATEWAY_UNREACHABLE");
  assert.ok(body.error.message.includes(`${gateway.baseUrl}/chat/completions`));
});

test("a gateway that does not start answering within timeoutMs is a 504", async () => {
  const gateway = await recordingServer(() => undefined);
  try {
    const POST = createPolicyGatewayRoute({ apiKey: "k", policyId: "policy-gateway", policyProjectId: "support-bot", baseUrl: gateway.baseUrl, timeoutMs: 300 });
    const started = performance.now();

    const response = await POST(chatRequest(QUESTION));

    assert.equal(response.status, 504);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, "POLICY_GATEWAY_TIMEOUT");
    assert.ok(performance.now() - started < 5000);
  } finally {
    await gateway.close();
  }
});

test("a 429 keeps its status, Retry-After and rate-limit headers, and says when to retry", async () => {
  const gateway = await recordingServer((response) => {
    response.writeHead(429, { "content-type": "application/json", "retry-after": "7", "x-ratelimit-remaining-requests": "0" });
    response.end(JSON.stringify({ error: { type: "rate_limit_error", code: "QUOTA_EXCEEDED", message: "Project quota of 2 requests per minute is spent." } }));
  });
  try {
    const POST = createPolicyGatewayRoute({ apiKey: "k", policyId: "policy-gateway", policyProjectId: "support-bot", baseUrl: gateway.baseUrl });

    const response = await POST(chatRequest(QUESTION));

    const body = (await response.json()) as { error: Record<string, unknown> };
    assert.equal(response.status, 429);
    assert.equal(response.headers.get("retry-after"), "7");
    assert.equal(response.headers.get("x-ratelimit-remaining-requests"), "0");
    assert.deepEqual([body.error.code, body.error.retry_after_seconds], ["QUOTA_EXCEEDED", 7]);
    assert.equal(gateway.recorded.length, 1, "the route hands the wait to its caller instead of retrying");
  } finally {
    await gateway.close();
  }
});

test("a base URL that is not http(s) fails when the route is created", () => {
  assert.throws(
    () => createPolicyGatewayRoute({ apiKey: "k", policyId: "p", policyProjectId: "s", baseUrl: "localhost:5000/policy" }),
    /baseUrl must be an http\(s\) URL/,
  );
});
