// The gateway the tests run against, as scripts/test-connectors started and described it
// (POLICY_GATEWAY_TEST_*). Nothing here imitates the gateway.
import { readFileSync } from "node:fs";
import path = require("node:path");

export interface GatewayUnderTest {
  url: string;
  key: string;
  project: string;
  quotaProject: string;
  policyId: string;
  blockedWord: string;
  eventsLog: string | undefined;
  output: string | undefined;
  policySurface: boolean;
  /** The second gateway: no keys (local dev mode), same policies; the seed's quickstart runs there as written. */
  devUrl: string | undefined;
  devEventsLog: string | undefined;
}

export const RUN_WITH = "run scripts/test-connectors from the repository root: it starts a gateway and sets POLICY_GATEWAY_TEST_*";
export const NO_POLICY_SURFACE =
  "this gateway build answers 501 on /policy/chat/completions (the /policy surface is not in it yet); the test runs once it is";

let found: Promise<GatewayUnderTest | string> | undefined;

/** The gateway, or why there is none (the tests then skip with that reason). */
export function gatewayUnderTest(): Promise<GatewayUnderTest | string> {
  found ??= probe();
  return found;
}

async function probe(): Promise<GatewayUnderTest | string> {
  const url = (process.env.POLICY_GATEWAY_TEST_URL ?? "").replace(/\/+$/, "");
  const key = process.env.POLICY_GATEWAY_TEST_KEY ?? "";
  if (!url || !key) {
    return `no gateway to test against (POLICY_GATEWAY_TEST_URL/KEY unset): ${RUN_WITH}`;
  }
  let status: number;
  try {
    const answer = await fetch(`${url}/policy/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "x-policy-target": "connector-test-probe" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "probe" }] }),
    });
    status = answer.status;
    await answer.arrayBuffer();
  } catch (error) {
    return `the gateway at ${url} does not answer (${String(error)}): ${RUN_WITH}`;
  }
  return {
    url,
    key,
    project: process.env.POLICY_GATEWAY_TEST_PROJECT ?? "support-bot",
    quotaProject: process.env.POLICY_GATEWAY_TEST_QUOTA_PROJECT ?? "quota-bot",
    policyId: process.env.POLICY_GATEWAY_TEST_POLICY_ID ?? "policy-gateway",
    blockedWord: process.env.POLICY_GATEWAY_TEST_BLOCKED_WORD ?? "launch-codes",
    eventsLog: process.env.POLICY_GATEWAY_TEST_EVENTS_LOG,
    output: process.env.POLICY_GATEWAY_TEST_OUTPUT,
    policySurface: status !== 501,
    devUrl: process.env.POLICY_GATEWAY_TEST_DEV_URL?.replace(/\/+$/, ""),
    devEventsLog: process.env.POLICY_GATEWAY_TEST_DEV_EVENTS_LOG,
  };
}

/** The connector's folder (tests run from build/test). */
export const CONNECTOR = path.resolve(__dirname, "..", "..");

/** The code block marked `<!-- quickstart -->` in the README, exactly as a user would paste it. */
export function quickstartCode(): string {
  const readme = readFileSync(path.join(CONNECTOR, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/<!-- quickstart -->\s*```[a-z]*\n([\s\S]*?)```/g)].map((match) => match[1]);
  if (blocks.length !== 1) {
    throw new Error(`README.md must have exactly one code block marked <!-- quickstart -->, found ${blocks.length}`);
  }
  return blocks[0] ?? "";
}

/** Loads the quickstart's route module afresh, so it reads the environment as it is now. */
export function loadQuickstartRoute(): { POST: (request: Request) => Promise<Response> } {
  const file = require.resolve("@/examples/app/api/chat/route");
  delete require.cache[file];
  return require(file) as { POST: (request: Request) => Promise<Response> };
}

/** The gateway's policy event lines for one end user, once at least `count` are written (they are written off the request path). */
export async function policyEvents(gateway: GatewayUnderTest, user: string, count = 1): Promise<string[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    let lines: string[] = [];
    try {
      lines = readFileSync(gateway.eventsLog ?? "", "utf8").split("\n").filter((line) => line.includes(`policy_user=${user}`));
    } catch {
      lines = [];
    }
    if (lines.length >= count || Date.now() > deadline) {
      return lines;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The seed's sample line, any time, further fields allowed: what the seed's quickstart produces against the test policy. */
export const SEED_LINE =
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ policy_id=policy-gateway decision=rewrite reason_code=REWRITE policy_user=user-12345 policy_project_id=support-bot( |$)/;

/** The event line a gateway wrote for one trace id, once it is written. */
export async function eventLineOfTrace(eventsLog: string | undefined, traceId: string): Promise<string | undefined> {
  const deadline = Date.now() + 5000;
  for (;;) {
    let line: string | undefined;
    try {
      line = readFileSync(eventsLog ?? "", "utf8").split("\n").find((candidate) => candidate.includes(` trace_id=${traceId} `));
    } catch {
      line = undefined;
    }
    if (line !== undefined || Date.now() > deadline) {
      return line;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A fresh W3C traceparent and its trace id. */
export function newTrace(): { traceparent: string; traceId: string } {
  const hex = (bytes: number) => Array.from({ length: bytes }, () => Math.floor(Math.random() * 256).toString(16).padStart(2, "0")).join("");
  const traceId = hex(16);
  return { traceparent: `00-${traceId}-${hex(8)}-01`, traceId };
}

/** A chat request as a browser would POST it to the app's route. */
export function chatRequest(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost:3000/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

// What the test policy (connectors/testing/gateway-policy.yaml) decides for project support-bot:
// answered requests get the support system prompt (rewrite), a request naming the blocked word is blocked.
export const ANSWERED_DECISION = { decision: "rewrite", reason_code: "REWRITE" };
export const BLOCKED_REASON = "BANNED_WORD";
/** Project quota-bot allows 30 requests per minute per end user. */
export const QUOTA_BUCKET = 30;

export const QUESTION = { model: "gpt-4o-mini", messages: [{ role: "user", content: "Summarize our refund policy." }] };

export function uniqueUser(prefix = "user"): string {
  return `${prefix}-${Math.random().toString(16).slice(2, 14)}`;
}
