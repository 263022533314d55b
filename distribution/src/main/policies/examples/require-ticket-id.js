// Requests of some projects must name a ticket id such as OPS-1234, either in the X-Ticket-Id
// header or in the last user message; requests of other projects pass. Configure with params:
//
//   config:
//     script: require-ticket-id.js
//     params:
//       projects: ["support-bot"]          # default: ["support-bot"]
//       pattern: "[A-Z][A-Z0-9]+-\\d+"     # default: a Jira-style key
const DEFAULT_PROJECTS = ['support-bot'];
const DEFAULT_PATTERN = '[A-Z][A-Z0-9]+-\\d+';

function textOf(content) {
  if (typeof content === 'string') {
    return content;
  }
  if (Array.isArray(content)) {
    return content.map((part) => (part && typeof part.text === 'string' ? part.text : '')).join(' ');
  }
  return '';
}

function onRequest(req, ctx) {
  const projects = Array.isArray(ctx.params.projects) ? ctx.params.projects : DEFAULT_PROJECTS;
  if (!projects.includes(ctx.project)) {
    return undefined;
  }
  const ticket = new RegExp('\\b' + (ctx.params.pattern || DEFAULT_PATTERN) + '\\b');
  const lastQuestion = req.messages.filter((message) => message.role === 'user').pop();
  const found = ticket.exec(ctx.headers['x-ticket-id'] || '') || ticket.exec(lastQuestion ? textOf(lastQuestion.content) : '');
  if (found) {
    return { action: 'allow', reason_code: 'TICKET_PRESENT', details: { ticket: found[0] } };
  }
  return {
    action: 'block',
    reason_code: 'TICKET_ID_REQUIRED',
    message: 'Requests for project ' + ctx.project + ' must name a ticket id such as OPS-1234'
      + ' (in the X-Ticket-Id header or in the message).',
  };
}
