/**
 * Next.js App Router route handler that forwards chat requests to Policy Gateway's /policy surface.
 *
 * This file has no imports: copy it into your app as `app/lib/policyGatewayRoute.ts` if you prefer
 * that to installing the package.
 */

/** Where a gateway started on a developer's machine serves the /policy surface (local dev mode). */
export const DEFAULT_BASE_URL = "http://localhost:5000/policy";

/** Body fields that steer the gateway; removed from what the browser sent, the route's options decide them. */
export const GATEWAY_ONLY_FIELDS: readonly string[] = [
  "policy_id",
  "policyId",
  "policy_project_id",
  "policy_target",
  "policy_user",
  "policy_user_id",
  "policy",
];

/** Headers read for the end user when no `user` option says otherwise. */
export const DEFAULT_USER_HEADERS: readonly string[] = ["x-policy-user", "x-user-id"];

const MAX_USER_LENGTH = 256;
const DEFAULT_TIMEOUT_MS = 60_000;
const FORWARDED_REQUEST_HEADERS = ["traceparent", "x-request-id"];
const RELAYED_RESPONSE_HEADERS = ["content-type", "x-request-id", "traceparent", "retry-after"];
const RELAYED_RESPONSE_PREFIXES = ["x-ratelimit-"];

/**
 * How the route finds the end user sent as `X-Policy-User` (per-user quotas and audit attribution).
 * Without this option the route reads the `x-policy-user`, then the `x-user-id` header; with it,
 * only the sources it names, in the order resolve, header, cookie. Headers and cookies come from
 * the browser: for real per-user quotas resolve the user from your session.
 */
export interface PolicyGatewayUserOptions {
  /** A request header holding the end user's id. */
  header?: string;
  /** A cookie holding the end user's id, read when `resolve` and `header` give none. */
  cookie?: string;
  /**
   * Resolves the end user from the request, e.g. from your session. Wins over `header` and
   * `cookie`; return `undefined` or `null` to fall back to those that are set.
   */
  resolve?: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
}

export interface PolicyGatewayRouteOptions {
  /** The gateway key, sent as `Authorization: Bearer <key>`. Unset: no Authorization header (a gateway in local dev mode needs none). */
  apiKey: string | undefined;
  /** Sent as `policy_id` in the body. */
  policyId: string;
  /** Sent as `X-Policy-Project`. */
  policyProjectId: string;
  /** Sent as `X-Policy-Target`: a free-form label for shadow/canary grouping and event filters. */
  policyTarget?: string;
  /** The gateway's /policy base URL. Default: `POLICY_GATEWAY_BASE_URL`, else `http://localhost:5000/policy`. */
  baseUrl?: string;
  /** Where the end user comes from. */
  user?: PolicyGatewayUserOptions;
  /** The fetch to call the gateway with. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Longest wait for the gateway's answer to start, in milliseconds. Default: 60000. A stream, once started, is not cut. */
  timeoutMs?: number;
}

/** An App Router route handler: `export const POST = createPolicyGatewayRoute({...})`. */
export type PolicyGatewayRouteHandler = (request: Request) => Promise<Response>;

/** The JSON body of every error the route answers with itself or relays from the gateway. */
export interface PolicyGatewayErrorBody {
  error: {
    type: string | null;
    code: string | null;
    message: string;
    /** The gateway's HTTP status (the route answers with the same one), or the route's own for its errors. */
    status: number;
    /** What to check, for the common statuses. */
    hint?: string;
    /** Seconds to wait before retrying (429). */
    retry_after_seconds?: number;
  };
  /** The gateway's policy decision object, when its answer carried one. */
  policy?: unknown;
}

/**
 * Creates a `POST` handler that forwards the OpenAI chat completion body it receives to
 * `<baseUrl>/chat/completions` with the gateway key, `policy_id`, `X-Policy-Project`,
 * `X-Policy-Target` and `X-Policy-User`.
 *
 * - Answers: the gateway's JSON (with its `policy` object) as it is; a stream (`"stream": true`)
 *   is passed through as a streamed `Response`, frame by frame, without buffering.
 * - Gateway errors keep their status and become `{"error": {type, code, message, status, hint?,
 *   retry_after_seconds?}, "policy"?}`; a 429 keeps `Retry-After` and the `x-ratelimit-*` headers.
 *   The route does not retry: it hands the wait to its caller.
 * - The route's own errors: 400 (body not a JSON object, bad end-user id), 502 (gateway unreachable),
 *   504 (no answer within `timeoutMs`).
 * - Nothing from the incoming request reaches the gateway but the body (minus gateway-only fields),
 *   the end-user id and `traceparent` / `x-request-id`: no cookies, no Authorization.
 *
 * @throws TypeError at creation when `baseUrl` is not an http(s) URL or `timeoutMs` is not positive.
 */
export function createPolicyGatewayRoute(options: PolicyGatewayRouteOptions): PolicyGatewayRouteHandler {
  const settings = resolveSettings(options);
  return async function POST(request: Request): Promise<Response> {
    let body: Record<string, unknown>;
    let user: string | undefined;
    try {
      body = await readChatBody(request);
      user = await resolveUser(request, options.user);
    } catch (error) {
      if (error instanceof RouteInputError) {
        return errorResponse(400, { type: "invalid_request_error", code: error.code, message: error.message, status: 400 });
      }
      throw error;
    }
    return forward(settings, request, gatewayBody(body, options.policyId), gatewayHeaders(settings, options, request, user));
  };
}

interface Settings {
  url: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

function resolveSettings(options: PolicyGatewayRouteOptions): Settings {
  const fromEnvironment = typeof process !== "undefined" ? process.env.POLICY_GATEWAY_BASE_URL : undefined;
  const baseUrl = (options.baseUrl ?? fromEnvironment ?? DEFAULT_BASE_URL).trim().replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new TypeError(`createPolicyGatewayRoute: baseUrl must be an http(s) URL such as ${DEFAULT_BASE_URL}, got '${baseUrl}'`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TypeError(`createPolicyGatewayRoute: baseUrl must be an http(s) URL such as ${DEFAULT_BASE_URL}, got '${baseUrl}'`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) {
    throw new TypeError(`createPolicyGatewayRoute: timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  const fetchFunction = options.fetch ?? globalThis.fetch;
  if (typeof fetchFunction !== "function") {
    throw new TypeError("createPolicyGatewayRoute: no fetch available; pass the fetch option (Node.js 18+ has a global fetch)");
  }
  return { url: `${baseUrl}/chat/completions`, fetch: fetchFunction, timeoutMs };
}

class RouteInputError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

async function readChatBody(request: Request): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = await request.json();
  } catch {
    throw new RouteInputError("invalid_json", "The request body must be a JSON object: an OpenAI chat completion request with model and messages.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new RouteInputError("invalid_json", "The request body must be a JSON object: an OpenAI chat completion request with model and messages.");
  }
  return parsed as Record<string, unknown>;
}

async function resolveUser(request: Request, options: PolicyGatewayUserOptions | undefined): Promise<string | undefined> {
  const candidates: Array<[string, string | null | undefined]> = [];
  if (options?.resolve) {
    candidates.push(["the user.resolve callback", await options.resolve(request)]);
  }
  const headers = options === undefined ? DEFAULT_USER_HEADERS : options.header ? [options.header] : [];
  for (const header of headers) {
    candidates.push([`the ${header} header`, request.headers.get(header)]);
  }
  if (options?.cookie) {
    candidates.push([`the ${options.cookie} cookie`, cookieValue(request.headers.get("cookie"), options.cookie)]);
  }
  for (const [source, value] of candidates) {
    const user = value?.trim();
    if (!user) {
      continue;
    }
    if (user.length > MAX_USER_LENGTH || /[\u0000-\u001f\u007f]/.test(user)) {
      throw new RouteInputError("invalid_policy_user", `The end user id from ${source} must be at most ${MAX_USER_LENGTH} printable characters.`);
    }
    return user;
  }
  return undefined;
}

function cookieValue(cookies: string | null, name: string): string | undefined {
  for (const part of (cookies ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      const raw = part.slice(separator + 1).trim().replace(/^"(.*)"$/, "$1");
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

function gatewayBody(body: Record<string, unknown>, policyId: string | undefined): string {
  const forwarded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!GATEWAY_ONLY_FIELDS.includes(key)) {
      forwarded[key] = value;
    }
  }
  if (policyId) {
    forwarded.policy_id = policyId;
  }
  return JSON.stringify(forwarded);
}

function gatewayHeaders(settings: Settings, options: PolicyGatewayRouteOptions, request: Request, user: string | undefined): Headers {
  const headers = new Headers({ "content-type": "application/json", accept: "application/json, text/event-stream" });
  if (options.apiKey) {
    headers.set("authorization", `Bearer ${options.apiKey}`);
  }
  if (options.policyProjectId) {
    headers.set("x-policy-project", options.policyProjectId);
  }
  if (options.policyTarget) {
    headers.set("x-policy-target", options.policyTarget);
  }
  if (user) {
    headers.set("x-policy-user", user);
  }
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) {
      headers.set(name, value);
    }
  }
  return headers;
}

async function forward(settings: Settings, request: Request, body: string, headers: Headers): Promise<Response> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), settings.timeoutMs);
  const signal = anySignal([request.signal, timeout.signal]);
  let answer: Response;
  try {
    answer = await settings.fetch(settings.url, { method: "POST", headers, body, signal });
  } catch (error) {
    if (timeout.signal.aborted) {
      return errorResponse(504, {
        type: "timeout_error",
        code: "POLICY_GATEWAY_TIMEOUT",
        message: `Policy Gateway at ${settings.url} did not answer within ${settings.timeoutMs} ms.`,
        status: 504,
      });
    }
    if (request.signal.aborted) {
      return errorResponse(499, { type: "client_closed_request", code: null, message: "The client closed the request.", status: 499 });
    }
    return errorResponse(502, {
      type: "gateway_unreachable",
      code: "POLICY_GATEWAY_UNREACHABLE",
      message: `Cannot reach Policy Gateway at ${settings.url}: ${describe(error)}.`,
      status: 502,
      hint: "Is the gateway running, and is POLICY_GATEWAY_BASE_URL (baseUrl) right?",
    });
  } finally {
    clearTimeout(timer);
  }
  if (answer.ok) {
    return relay(answer);
  }
  return relayError(answer, settings.url);
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  const any = (AbortSignal as unknown as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  if (any) {
    return any(signals);
  }
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

function relayedHeaders(answer: Response): Headers {
  const headers = new Headers();
  answer.headers.forEach((value, name) => {
    if (RELAYED_RESPONSE_HEADERS.includes(name) || RELAYED_RESPONSE_PREFIXES.some((prefix) => name.startsWith(prefix))) {
      headers.set(name, value);
    }
  });
  return headers;
}

function relay(answer: Response): Response {
  const headers = relayedHeaders(answer);
  if ((headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    headers.set("cache-control", "no-cache, no-transform");
    headers.set("x-accel-buffering", "no");
  }
  return new Response(answer.body, { status: answer.status, headers });
}

const HINTS: Record<number, (url: string) => string> = {
  400: () => "Verify the model id and that messages are an array of { role, content } objects.",
  401: () => "Check that your API key (POLICY_GATEWAY_KEY, the apiKey option) is set and sent as a Bearer token.",
  404: (url) => `Make sure the base URL ends with /policy (or /v1): the route calls <baseUrl>/chat/completions, here ${url}.`,
  429: () => "Back off and retry. Use the Retry-After header for pacing.",
};

async function relayError(answer: Response, url: string): Promise<Response> {
  const text = await answer.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const root = isObject(parsed) ? parsed : {};
  const error = isObject(root.error) ? root.error : {};
  const policy = isObject(root.policy) ? root.policy : undefined;
  const retryAfter = Number.parseInt(answer.headers.get("retry-after") ?? "", 10);
  const body: PolicyGatewayErrorBody = {
    error: {
      type: typeof error.type === "string" ? error.type : null,
      code: typeof error.code === "string" ? error.code : typeof policy?.reason_code === "string" ? policy.reason_code : null,
      message: typeof error.message === "string" && error.message
        ? error.message
        : `Policy Gateway answered HTTP ${answer.status}${text ? `: ${text.slice(0, 200)}` : ""}`,
      status: answer.status,
    },
  };
  const hint = HINTS[answer.status];
  if (hint) {
    body.error.hint = hint(url);
  }
  if (Number.isFinite(retryAfter)) {
    body.error.retry_after_seconds = retryAfter;
  }
  if (policy) {
    body.policy = policy;
  }
  const headers = relayedHeaders(answer);
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { status: answer.status, headers });
}

function errorResponse(status: number, error: PolicyGatewayErrorBody["error"]): Response {
  return new Response(JSON.stringify({ error }), { status, headers: { "content-type": "application/json" } });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
