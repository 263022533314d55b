// Puts a system prompt in front of the conversation, chosen by the caller's department: the
// X-Department header, else a credential role named dept:<department>. Callers without a known
// department pass unchanged. Add or override prompts with params:
//
//   config:
//     script: department-system-prompt.js
//     params:
//       prompts: { hr: "You assist the HR team. Never discuss individual salaries." }
const PROMPTS = {
  finance: 'You assist the finance team. Do not give investment advice, and name the source of every figure.',
  legal: 'You assist the legal team. Say that your answers are not legal advice.',
  support: 'You assist customer support agents. Be concise and friendly, and never promise refunds.',
};

function departmentOf(ctx) {
  const header = ctx.headers['x-department'];
  if (typeof header === 'string' && header.length > 0) {
    return header.trim().toLowerCase();
  }
  const role = ctx.roles.find((name) => name.startsWith('dept:'));
  return role ? role.slice('dept:'.length).toLowerCase() : null;
}

function onRequest(req, ctx) {
  const prompts = { ...PROMPTS, ...(ctx.params.prompts || {}) };
  const department = departmentOf(ctx);
  const prompt = department !== null && Object.hasOwn(prompts, department) ? prompts[department] : null;
  if (prompt === null) {
    return undefined;
  }
  if (req.messages.some((message) => message.role === 'system' && message.content === prompt)) {
    return undefined;
  }
  return {
    action: 'rewrite',
    reason_code: 'DEPARTMENT_PROMPT',
    request: { messages: [{ role: 'system', content: prompt }, ...req.messages] },
    details: { department },
  };
}
