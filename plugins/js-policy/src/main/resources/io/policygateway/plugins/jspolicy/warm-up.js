// Run by the gateway a few hundred times when the JavaScript engine starts, so the JVM has compiled
// the interpreter paths typical policy scripts use before the first request arrives. It exercises
// what guardrails do: walk messages, test patterns, transform text, build a decision.
const PATTERNS = [/\bacme\b/i, /[A-Z]{2,10}-\d+/, /password\s*[:=]/i];

function onRequest(req, ctx) {
  const texts = req.messages.map((message) => typeof message.content === 'string' ? message.content : '');
  const joined = texts.join('\n');
  const hits = PATTERNS.filter((pattern) => pattern.test(joined)).length;
  const words = joined.toLowerCase().split(/\s+/).filter((word) => word.length > 3);
  const tokens = gateway.estimateTokens(joined) + words.length;
  if (ctx.project === 'warm-up' && hits > 10) {
    return { action: 'block', reason_code: 'WARM_UP', message: 'never' };
  }
  if (hits > 1) {
    const messages = [{ role: 'system', content: 'Answer briefly.' }, ...req.messages];
    return { action: 'rewrite', reason_code: 'WARM_UP', request: { messages } };
  }
  return { action: hits === 1 ? 'warn' : 'allow', reason_code: 'WARM_UP',
           details: { tokens, id: gateway.hash(ctx.trace_id).slice(0, 8), roles: ctx.roles.join(',') } };
}
