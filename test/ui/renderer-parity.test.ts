/**
 * One message and one form, full of hostile user text, through the Slack, Feishu and local
 * renderers. Each payload is read back the way its platform shows it, and all three must show the
 * same text as the neutral model, with every piece of user text escaped: nothing mentions a group,
 * colours text, formats, or links to `javascript:`.
 */
import { describe, expect, it } from 'vitest';
import { renderMessagePages, type SlackRenderCtx } from '../../adapters/slack/render/message.js';
import { renderFormToModal } from '../../adapters/slack/render/modal.js';
import { viewSubmissionAck } from '../../adapters/slack/listeners/reply.js';
import { renderFormCard, renderMessageCards, type RenderDeps } from '../../adapters/feishu/render/card.js';
import { renderForm, renderMessageBody } from '../../adapters/local/render.js';
import { translator } from '../../src/ui/i18n/index.js';
import { ACTIONS, FORMS } from '../../src/ui/actions.js';
import { CHECKLIST_DETAIL_SEPARATOR, visibleText } from '../../src/ui/markup.js';
import type { Block, Form, Message } from '../../src/ui/model.js';

/** This message fits one card: render it and say so. */
function renderMessageCard(message: Message, d: RenderDeps) {
  const cards = renderMessageCards(message, d);
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

/** These messages fit one Slack message: render it and say so. */
function renderMessageToBlockKit(message: Message, ctx: SlackRenderCtx) {
  const pages = renderMessagePages(message, ctx);
  expect(pages).toHaveLength(1);
  return pages[0]!;
}

const people: Record<string, { name: string; slackId: string; openId: string }> = {
  p1: { name: '张伟', slackId: 'U1', openId: 'ou_1' },
  p2: { name: 'Ben *Carter*', slackId: 'U2', openId: 'ou_2' },
};
const nameOf = (id: string) => people[id]?.name ?? id;

/** What a user may type into any field. */
const HOSTILE =
  'Reason: <at id=all></at> <font color=red>red</font> *bold* _x_ ~y~ a*b snake_case `rm -rf` it`s ' +
  '& < > &amp; [link](javascript:alert(1)) <!channel> :smile: 未达到销售目标，请改进（连续 8 周）';
/** Line-start syntax: headings, lists, quotes, rules. */
const HOSTILE_LINES = '# heading\n- item\n> quote\n1. one\n---\n    indented';

const message: Message = {
  text: `Case #3 for <@person:p1>: ${HOSTILE}`,
  blocks: [
    { type: 'header', text: 'Case #3 · 张伟 <b>&</b>' },
    { type: 'text', text: `**Reason** (<@person:p1>): ${HOSTILE}\nSee [the guide](https://ex.com/g?a=1&b=2).` },
    { type: 'text', text: HOSTILE_LINES },
    {
      type: 'fields',
      fields: [
        { label: 'Reason <b>', value: HOSTILE },
        { label: '经理', value: '<@person:p2>' },
        { label: '*Status*', value: '受阻 `blocked`' },
      ],
    },
    { type: 'context', text: 'Opened by <@person:p2> · `/offboard`' },
    { type: 'divider' },
    {
      type: 'checklist',
      items: [
        { ok: true, label: 'KPIs *acknowledged*' },
        { ok: false, label: '未达标考核', detail: '1/3 <at id=all></at>' },
      ],
    },
    { type: 'actions', buttons: [{ actionId: ACTIONS.acknowledgeReview, label: 'Ack <font> **now**', value: '1' }] },
  ],
};

const form: Form = {
  formId: FORMS.note,
  title: 'Note about 张伟 <at id=all></at> *urgent*',
  submitLabel: 'Save',
  cancelLabel: 'Cancel',
  state: 'p1',
  intro: [{ type: 'text', text: `About <@person:p1>: ${HOSTILE}` }],
  inputs: [
    {
      id: 'discussion',
      kind: 'text',
      multiline: true,
      label: 'What was discussed <font color=red>',
      hint: HOSTILE,
      placeholder: 'e.g. `x` & <y>',
    },
    {
      id: 'kind',
      kind: 'select',
      label: 'Kind',
      options: [
        { value: 'a', label: 'One *on* one <at id=all></at>' },
        { value: 'b', label: '正式警告' },
      ],
    },
    { id: 'held_on', kind: 'date', label: 'Held on', optional: true },
  ],
};
const errors = {
  discussion: 'Too long: <at id=all></at> *x*',
  kind: 'Pick one & retry',
  case: 'This case is closed <font color=red>now</font>',
};

// ---- What the model says a reader sees ----------------------------------------------------------

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
const seen = (markup: string) => visibleText(markup, nameOf);

function expectedLines(blocks: Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'header':
      case 'text':
      case 'context':
        return lines(seen(b.text));
      case 'fields':
        return b.fields.flatMap((f) => [...lines(seen(f.label)), ...lines(seen(f.value))]);
      case 'checklist':
        return b.items.flatMap((i) =>
          lines(
            `${i.ok ? '✅' : '❌'} ${seen(i.label)}${i.detail ? `${CHECKLIST_DETAIL_SEPARATOR}${seen(i.detail)}` : ''}`,
          ),
        );
      case 'actions':
        return b.buttons.flatMap((x) => lines(seen(x.label)));
      default:
        return [];
    }
  });
}

// ---- Reading each platform's payload the way the platform shows it ------------------------------

/** Every text object of a Block Kit payload, in order: [kind, text]. */
function slackTexts(node: unknown, out: ['mrkdwn' | 'plain', string][] = []): ['mrkdwn' | 'plain', string][] {
  if (Array.isArray(node)) node.forEach((n) => slackTexts(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(['mrkdwn', o.text]);
    else if (o.type === 'plain_text' && typeof o.text === 'string') out.push(['plain', o.text]);
    else for (const [k, v] of Object.entries(o)) if (k !== 'value') slackTexts(v, out);
  }
  return out;
}

const SLACK_DATE = /<!date\^00000000\^\{_\}\|(.)>/gu;
const SLACK_LINK = /<(https?:\/\/[^|>]+)\|([^>]*)>/g;
const SLACK_USER = /<@([UW][A-Z0-9]+)>/g;

/** Slack mrkdwn as Slack shows it: our control sequences resolved, then Slack's formatting applied. */
function slackVisible(mrkdwn: string): string {
  // A date token's fallback, a link's label and a user's name are shown as they are and never
  // take part in formatting: park them in the private use area until the end.
  const parked: string[] = [];
  const park = (text: string) => String.fromCodePoint(0xe000 + parked.push(text) - 1);
  let s = mrkdwn
    .replace(SLACK_DATE, (_m, c: string) => park(c))
    .replace(SLACK_LINK, (_m, _url, label: string) => park(label))
    .replace(SLACK_USER, (_m, id: string) =>
      park(`@${Object.values(people).find((x) => x.slackId === id)?.name ?? id}`),
    );
  // Slack formats *b* _i_ ~s~ when the delimiters stand at word boundaries, and `code` anywhere.
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s
      .replace(/(^|[^\p{L}\p{N}])([*_~])(?=\S)([^\n]*?\S)\2(?=$|[^\p{L}\p{N}])/gmu, '$1$3')
      .replace(/`([^`\n]+)`/g, '$1');
  }
  return s
    .replace(/[\ue000-\uefff]/g, (c) => parked[c.codePointAt(0)! - 0xe000]!)
    .replace(/[\u00ad\u200b]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every text of a Feishu card, in order: [kind, text]. Callback values are data, not shown. */
function feishuTexts(node: unknown, out: ['md' | 'plain', string][] = []): ['md' | 'plain', string][] {
  if (Array.isArray(node)) node.forEach((n) => feishuTexts(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.tag === 'markdown' && typeof o.content === 'string') out.push(['md', o.content]);
    else if (o.tag === 'plain_text' && typeof o.content === 'string') out.push(['plain', o.content]);
    else for (const [k, v] of Object.entries(o)) if (k !== 'behaviors' && k !== 'config') feishuTexts(v, out);
  }
  return out;
}

/** Card markdown with the constructs our serializer writes taken out; what remains is literal text. */
const feishuLiteral = (md: string) =>
  md
    .replace(/<at id=(ou_\w+)><\/at>/g, (_m, id: string) => `\u0001${id}\u0002`)
    .replace(/^<font color='red'>(.*)<\/font>$/s, '$1')
    .replace(/\[([^\]]*)\]\(https?:\/\/[^)\s]+\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/`([^`]+)`/g, '$1');

function feishuVisible(md: string): string {
  return feishuLiteral(md)
    .replace(/\u0001(\w+)\u0002/g, (_m, id: string) => {
      const p = Object.values(people).find((x) => x.openId === id);
      return `@${p?.name ?? id}`;
    })
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));
}

/** The local page's HTML as a reader sees it: block elements on their own lines, no hidden text. */
function htmlVisible(html: string): string {
  return html
    .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
    .replace(/<br>|<\/(p|h2|h3|dt|dd|li|button|option|label)>|<hr[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const slackLines = (payload: unknown) =>
  slackTexts(payload).flatMap(([kind, text]) => lines(kind === 'mrkdwn' ? slackVisible(text) : text));
const feishuLines = (payload: unknown) =>
  feishuTexts(payload).flatMap(([kind, text]) => lines(kind === 'md' ? feishuVisible(text) : text));

// ---- The renderers, as the adapters call them ---------------------------------------------------

const t = translator('en');
const slackCtx = {
  resolveMention: (id: string) => (people[id] ? { slackId: people[id].slackId, name: people[id].name } : null),
  t,
};
const feishuDeps = {
  t,
  mentions: (id: string) => (people[id] ? { openId: people[id].openId, name: people[id].name } : null),
};
const localCtx = { nameOf: (id: string) => people[id]?.name, locale: 'en' as const };

/**
 * The escaping every platform must show, checked on the raw payload (not on what is read back).
 * `liveLink` is how a link to `javascript:` would look on that platform.
 */
function expectEscaped(raw: string, liveLink: RegExp) {
  expect(raw).not.toMatch(/<at id=all/);
  expect(raw).not.toMatch(/<font color=red/);
  expect(raw).not.toMatch(/<b>/);
  expect(raw).not.toMatch(/<!channel>/);
  expect(raw).not.toMatch(liveLink);
}

/** Plain text fields are shown as typed (`<b>` included); only markup fields are read for syntax. */
function expectSlackEscaped(payload: unknown) {
  for (const [kind, text] of slackTexts(payload)) {
    if (kind !== 'mrkdwn') continue;
    expectEscaped(text, /<javascript:/);
    // Only our own control sequences may hold < or >: a mention, a link, a verbatim character.
    const rest = text.replace(SLACK_DATE, '').replace(SLACK_LINK, '').replace(SLACK_USER, '');
    expect(rest, text).not.toMatch(/[<>]/);
    expect(rest, text).not.toMatch(/&(?!amp;|lt;|gt;)/);
  }
}

function expectFeishuEscaped(payload: unknown) {
  for (const [kind, text] of feishuTexts(payload)) {
    if (kind !== 'md') continue;
    expectEscaped(text, /\]\(javascript:/);
    // Outside our own tags, links, bold and code, every character Feishu reads is a reference.
    const rest = feishuLiteral(text).replace(/\u0001\w+\u0002/g, '');
    expect(rest, text).not.toMatch(/[<>*_~[\]\\|$`]|&(?!#\d+;)/);
    expect(rest, text).not.toMatch(/^\s*([#+=-]|\d+\.)/m);
  }
}

function expectHtmlEscaped(html: string) {
  expectEscaped(html, /href="javascript:/);
  for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^https?:\/\//);
  expect(html).not.toMatch(/<(at|font|b)[\s>]/);
}

describe('the three renderers show the same message', () => {
  const expected = expectedLines(message.blocks);

  it('reads the model the way a reader would (the fixture is hostile enough)', () => {
    expect(expected).toContain(
      'Reason: <at id=all></at> <font color=red>red</font> *bold* _x_ ~y~ a*b snake_case rm -rf it`s & < > &amp; [link](javascript:alert(1)) <!channel> :smile: 未达到销售目标，请改进（连续 8 周）',
    );
    expect(expected).toEqual(expect.arrayContaining(['# heading', '- item', '> quote', '1. one', '---', 'indented']));
  });

  it('Slack', () => {
    const payload = renderMessageToBlockKit(message, slackCtx);
    expect(slackLines(payload.blocks)).toEqual(expected);
    expectSlackEscaped(payload);
    expect(slackVisible(payload.text)).toBe(seen(message.text));
  });

  it('Feishu', () => {
    const card = renderMessageCard(message, feishuDeps);
    expect(feishuLines(card)).toEqual(expected);
    expectFeishuEscaped(card);
    expect(card.config.summary?.content).toBe(seen(message.text));
  });

  it('the local workspace', () => {
    const html = renderMessageBody(message, localCtx, 'm1');
    expect(lines(htmlVisible(html))).toEqual(expected);
    expectHtmlEscaped(html);
  });
});

describe('the three renderers show the same form', () => {
  /** Every string of the form a reader sees, as lines. */
  const expected = [
    form.title,
    ...(form.intro ?? []).flatMap((b) => (b.type === 'text' ? [b.text] : [])),
    ...form.inputs.flatMap((i) => [
      i.label,
      i.hint ?? '',
      'placeholder' in i ? (i.placeholder ?? '') : '',
      ...('options' in i ? i.options.map((o) => o.label) : []),
    ]),
    form.submitLabel,
    form.cancelLabel!,
  ].flatMap((s) => lines(seen(s)));
  const expectedErrors = Object.values(errors).flatMap((e) => lines(seen(e)));
  const expectAll = (shown: string[], wanted: string[]) => {
    const text = shown.join('\n');
    for (const line of wanted) expect(text, line).toContain(line);
  };

  it('Slack: the modal, and the errors of its submission', () => {
    const view = renderFormToModal(form, slackCtx);
    expectAll(slackLines(view), expected);
    expectSlackEscaped(view);
    // The title bar holds 24 characters; the full title is the modal's first block.
    expect((view.title as { text: string }).text).toHaveLength(24);
    expect(slackLines((view.blocks as unknown[])[0])).toEqual(lines(seen(form.title)));

    const inputIds = form.inputs.map((i) => i.id);
    const ack = viewSubmissionAck(
      { kind: 'formErrors', errors },
      { locale: 'en', title: 'Note', inputIds, resolve: slackCtx.resolveMention },
    ) as { response_action: string; errors: Record<string, string> };
    expect(ack.response_action).toBe('errors');
    expect(Object.keys(ack.errors).every((id) => inputIds.includes(id))).toBe(true);
    expectAll(Object.values(ack.errors).flatMap(lines), expectedErrors);
  });

  it('Feishu: the form card, with every error', () => {
    const card = renderFormCard({ ...form, errors }, feishuDeps);
    expectAll(feishuLines(card), [...expected, ...expectedErrors]);
    expectFeishuEscaped(card);
  });

  it('the local workspace: the form, with every error', () => {
    const html = renderForm({ ...form, errors }, localCtx);
    const placeholders = [...html.matchAll(/placeholder="([^"]*)"/g)].map((m) => htmlVisible(m[1]!));
    expectAll([...lines(htmlVisible(html)), ...placeholders], [...expected, ...expectedErrors]);
    expectHtmlEscaped(html);
  });
});
