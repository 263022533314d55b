// Blocks questions that name a competitor, and masks competitor names in answers (whole answers
// and streamed text). The names come from the guardrail's params, e.g. in gateway.yaml:
//
//   plugins:
//     - name: js
//       config:
//         script: block-competitors.js
//         params: { competitors: ["Acme Corp", "Globex"] }
//
// Without params it uses the placeholder names below.
const DEFAULT_COMPETITORS = ['Acme Corp', 'Globex', 'Initech'];

function competitorPattern(ctx, flags) {
  const configured = Array.isArray(ctx.params.competitors) ? ctx.params.competitors : [];
  const names = configured.length > 0 ? configured : DEFAULT_COMPETITORS;
  const escaped = names.map((name) => String(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp('\\b(?:' + escaped.join('|') + ')\\b', flags);
}

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
  const mentions = competitorPattern(ctx, 'i');
  const asked = req.messages.some((message) => message.role === 'user' && mentions.test(textOf(message.content)));
  if (asked) {
    return {
      action: 'block',
      reason_code: 'COMPETITOR_MENTION',
      message: 'This assistant does not discuss other vendors.',
    };
  }
  return { action: 'allow' };
}

function onResponse(res, ctx) {
  if (!competitorPattern(ctx, 'i').test(res.text)) {
    return undefined;
  }
  const names = competitorPattern(ctx, 'gi');
  const choices = res.choices.map((choice) => {
    const content = choice.message.content;
    return typeof content === 'string'
      ? { ...choice, message: { ...choice.message, content: content.replace(names, '[competitor]') } }
      : choice;
  });
  return { action: 'rewrite', reason_code: 'COMPETITOR_MASKED', response: { choices } };
}

function onStreamChunk(chunk, ctx) {
  const masked = chunk.text.replace(competitorPattern(ctx, 'gi'), '[competitor]');
  if (masked === chunk.text) {
    return undefined;
  }
  return { action: 'rewrite', reason_code: 'COMPETITOR_MASKED', text: masked };
}
