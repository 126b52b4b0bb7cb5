/**
 * Every screen builder (src/ui/screens/**), with worst-case legal data (worst-case/data.ts), in
 * English and Chinese, through the Slack, Feishu and local renderers. For every payload:
 *  - the platform would accept it: every limit of test/support/platform-limits.ts holds (blocks
 *    and text per Slack message, fields, buttons, options, modal sizes; Feishu card bytes,
 *    elements, input lengths);
 *  - nothing is cut: every line a reader of the model would see is shown, across the pages a long
 *    message is split into, and every pre-filled text is in its input (or next to it);
 *  - what users typed reaches no one: `<@person:victim>` and `<at id=all></at>` typed into any
 *    field are shown as text, never as a mention, on every platform.
 * A property-style check over every screen: a renderer or a builder that breaks any of it fails here.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/ui/i18n/index.js';
import { CHECKLIST_DETAIL_SEPARATOR, parseMarkup, visibleText } from '../../src/ui/markup.js';
import type { Block, Form, Message } from '../../src/ui/model.js';
import type { Locale } from '../../src/ports/records.js';
import { renderMessagePages, type SlackRenderCtx } from '../../adapters/slack/render/message.js';
import { renderFormToModal } from '../../adapters/slack/render/modal.js';
import { renderFormCards, renderMessageCards, type Card, type RenderDeps } from '../../adapters/feishu/render/card.js';
import { PERSON_SEARCH_OVER } from '../../adapters/feishu/render/form.js';
import { renderForm, renderMessageBody } from '../../adapters/local/render.js';
import { feishuCardProblems, slackMessageProblems, slackModalProblems } from '../support/platform-limits.js';
import {
  feishuLiteral,
  feishuTexts,
  feishuVisible,
  htmlVisible,
  SLACK_DATE,
  SLACK_LINK,
  SLACK_USER,
  slackTexts,
  slackVisible,
} from '../support/read-payloads.js';
import { PEOPLE, worstCase } from './worst-case/data.js';
import { FIXTURES, NOT_CHAT, worstCaseViews, type FixtureContext, type ScreenOutput } from './worst-case/fixtures.js';

const SCREENS = join(dirname(fileURLToPath(import.meta.url)), '../../src/ui/screens');
const LOCALES: Locale[] = ['en', 'zh-CN'];

// ---- The platforms' view of people --------------------------------------------------------------

/** Everyone has a Slack id and an open_id: the fixtures' people, and the cases' employees. */
const person = (id: string) => PEOPLE[id] ?? { slackId: `U${id.toUpperCase()}`, openId: `ou_${id}`, name: id };
const slackCtx = (locale: Locale): SlackRenderCtx => ({
  resolveMention: (id) => ({ slackId: person(id).slackId, name: person(id).name }),
  t: translator(locale),
});
const feishuDeps = (locale: Locale): RenderDeps => ({
  t: translator(locale),
  mentions: (id) => ({ openId: person(id).openId, name: person(id).name }),
});
const localCtx = (locale: Locale) => ({ nameOf: (id: string) => person(id).name, locale });
const nameOf = (id: string) => person(id).name;
const bySlackId = (id: string) =>
  Object.values(PEOPLE).find((p) => p.slackId === id)?.name ?? id.slice(1).toLowerCase();
const byOpenId = (id: string) => Object.values(PEOPLE).find((p) => p.openId === id)?.name ?? id.slice(3);

// ---- What the model says a reader sees ----------------------------------------------------------

const squeeze = (s: string) => s.replace(/\s+/g, '');
const seen = (markup: string) => visibleText(markup, nameOf);

function blockLines(blocks: Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'header':
      case 'text':
      case 'context':
        return [seen(b.text)];
      case 'fields':
        return b.fields.flatMap((f) => [seen(f.label), seen(f.value)]);
      case 'checklist':
        return b.items.map(
          (i) => `${seen(i.label)}${i.detail ? `${CHECKLIST_DETAIL_SEPARATOR}${seen(i.detail)}` : ''}`,
        );
      case 'actions':
        return b.buttons.map((x) => seen(x.label));
      default:
        return [];
    }
  });
}

/** Every markup string of an output: texts, labels, hints, options, titles. */
function markupOf(o: ScreenOutput): string[] {
  const ofBlocks = (blocks: Block[]): string[] =>
    blocks.flatMap((b): string[] => {
      switch (b.type) {
        case 'header':
        case 'text':
        case 'context':
          return [b.text];
        case 'fields':
          return b.fields.flatMap((f) => [f.label, f.value]);
        case 'checklist':
          return b.items.flatMap((i) => [i.label, i.detail ?? '']);
        case 'actions':
          return b.buttons.flatMap((x) => [x.label, ...(x.confirm ? Object.values(x.confirm) : [])]);
        case 'form':
          return ofForm(b.form);
        default:
          return [];
      }
    });
  const ofForm = (f: Form): string[] => [
    f.title,
    f.submitLabel,
    f.cancelLabel ?? '',
    ...ofBlocks(f.intro ?? []),
    ...f.inputs.flatMap((i) => [
      i.label,
      i.hint ?? '',
      'placeholder' in i ? (i.placeholder ?? '') : '',
      ...('options' in i ? i.options.map((x) => x.label) : []),
    ]),
  ];
  if (o.kind === 'form') return ofForm(o.form);
  if (o.kind === 'message') return [o.message.text, ...ofBlocks(o.message.blocks)];
  return ofBlocks(o.blocks);
}

const asMessage = (o: Exclude<ScreenOutput, { kind: 'form' }>): Message =>
  o.kind === 'message' ? o.message : { text: 'x', blocks: o.blocks };

// ---- Reading payloads back ----------------------------------------------------------------------

const slackRead = (payload: unknown) =>
  slackTexts(payload)
    .map(([kind, text]) => (kind === 'mrkdwn' ? slackVisible(text, bySlackId) : text))
    .join('\n');
/** Cards after the first carry a "continued" title: not part of the text. */
const feishuRead = (cards: Card[]) =>
  cards
    .map((c, i) =>
      feishuTexts(i === 0 ? c : { ...c, header: undefined })
        .map(([kind, text]) => (kind === 'md' ? feishuVisible(text, byOpenId) : text))
        .join('\n'),
    )
    .join('\n');

function expectShown(shown: string, lines: string[], where: string) {
  const all = squeeze(shown);
  for (const line of lines) {
    const want = squeeze(line);
    if (want && !all.includes(want)) expect.fail(`${where}: not shown in full: ${JSON.stringify(line.slice(0, 120))}…`);
  }
}

// ---- Escaping: user text reaches no one ---------------------------------------------------------

function expectSlackSafe(payload: unknown, where: string) {
  const raw = JSON.stringify(payload);
  expect(raw, where).not.toContain('<@UVICTIM>');
  for (const [kind, text] of slackTexts(payload)) {
    if (kind !== 'mrkdwn') continue;
    const rest = text.replace(SLACK_DATE, '').replace(SLACK_LINK, '').replace(SLACK_USER, '');
    // Only our own control sequences may hold < or >: a mention, a link, a verbatim character.
    if (/[<>]/.test(rest)) expect.fail(`${where}: Slack would read markup in ${JSON.stringify(text.slice(0, 200))}`);
  }
}

/** Plain-text fields (titles, buttons, options) are shown as typed; markdown is where tags act. */
function expectFeishuSafe(cards: Card[], where: string) {
  for (const [kind, text] of feishuTexts(cards)) {
    if (kind !== 'md') continue;
    expect(text, where).not.toMatch(/<at id=(all|ou_victim)|<at user_id/);
    const rest = feishuLiteral(text).replace(/\u0001\w+\u0002/g, '');
    if (/[<>*_~[\]\\|$`]|&(?!#\d+;)/.test(rest))
      expect.fail(`${where}: Feishu would read markdown in ${JSON.stringify(text.slice(0, 200))}`);
  }
}

function expectHtmlSafe(html: string, where: string) {
  expect(html, where).not.toMatch(/<(at|font|b)[\s>]/);
  expect(html, where).not.toContain('class="mention">@Victim');
  for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1], where).toMatch(/^https?:\/\//);
}

// ---- The test -----------------------------------------------------------------------------------

/** `module#export` for every screen builder: functions named build…, …Blocks, …Buttons, textMessage. */
async function screenBuilders(): Promise<string[]> {
  const files = readdirSync(SCREENS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const out: string[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(SCREENS, f)).href)) as Record<string, unknown>;
    const name = relative(SCREENS, join(SCREENS, f)).replace(/\\/g, '/').replace(/\.ts$/, '');
    for (const [exp, value] of Object.entries(mod))
      if (typeof value === 'function' && /^(build|render|performance)|Blocks$|Buttons$|^textMessage$/.test(exp))
        out.push(`${name}#${exp}`);
  }
  return out.sort();
}

describe('every screen builder, with worst-case data, on every platform', () => {
  it('has a worst-case fixture (a new screen needs one in test/ui/worst-case/fixtures.ts)', async () => {
    const builders = await screenBuilders();
    expect(builders.filter((b) => !FIXTURES[b] && !NOT_CHAT.has(b))).toEqual([]);
    expect(Object.keys(FIXTURES).filter((k) => !builders.includes(k))).toEqual([]);
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      let ctx: FixtureContext;
      beforeAll(() => {
        ctx = { t: translator(locale), locale, w: worstCase(locale), cases: worstCaseViews(locale) };
      });

      for (const key of Object.keys(FIXTURES)) {
        it(key, () => {
          const outputs = FIXTURES[key]!(ctx);
          expect(outputs.length).toBeGreaterThan(0);
          outputs.forEach((o, n) => checkOutput(o, `${locale} ${key} [${n}]`, locale));
        });
      }
    });
  }
});

function checkOutput(o: ScreenOutput, where: string, locale: Locale) {
  // What users typed never becomes a mention in the model.
  for (const m of markupOf(o))
    for (const token of parseMarkup(m))
      if (token.type === 'mention' && token.personId === 'victim')
        expect.fail(`${where}: typed text became a mention of ${token.personId}`);
  if (o.kind === 'form') return checkForm(o.form, where, locale);
  const message = asMessage(o);
  const lines = blockLines(message.blocks);

  const pages = renderMessagePages(message, slackCtx(locale));
  pages.forEach((p, i) => expect(slackMessageProblems(p), `${where} Slack page ${i + 1}`).toEqual([]));
  expectShown(slackRead(pages.map((p) => p.blocks)), lines, `${where} Slack`);
  expectSlackSafe(pages, `${where} Slack`);

  const cards = renderMessageCards(message, feishuDeps(locale));
  cards.forEach((c, i) => expect(feishuCardProblems(c), `${where} Feishu card ${i + 1}`).toEqual([]));
  expectShown(feishuRead(cards), lines, `${where} Feishu`);
  expectFeishuSafe(cards, `${where} Feishu`);

  const html = renderMessageBody(message, localCtx(locale), 'm');
  expectShown(htmlVisible(html), lines, `${where} local`);
  expectHtmlSafe(html, `${where} local`);
}

function checkForm(form: Form, where: string, locale: Locale) {
  const textLines = [
    seen(form.title),
    ...blockLines(form.intro ?? []),
    ...form.inputs.flatMap((i) => [
      seen(i.label),
      seen(i.hint ?? ''),
      seen('placeholder' in i ? (i.placeholder ?? '') : ''),
    ]),
  ];
  const options = (platform: 'slack' | 'feishu' | 'local') =>
    form.inputs.flatMap((i) => {
      if (i.kind !== 'select' && i.kind !== 'multiselect') return [];
      // A long list of people is the platform's person search: its options are the directory.
      if (
        i.kind === 'select' &&
        i.people &&
        platform !== 'local' &&
        i.options.length > (platform === 'slack' ? 100 : PERSON_SEARCH_OVER)
      )
        return [];
      // A Slack option shows 75 characters (an ellipsis marks the rest).
      return i.options.map((x) => (platform === 'slack' ? seen(x.label).slice(0, 74) : seen(x.label)));
    });
  const initials = form.inputs.flatMap((i) => (i.kind === 'text' && i.initial ? [{ id: i.id, text: i.initial }] : []));

  const view = renderFormToModal(form, slackCtx(locale));
  expect(slackModalProblems(view), `${where} Slack modal`).toEqual([]);
  expectShown(slackRead(view), [...textLines, ...options('slack')], `${where} Slack`);
  expectSlackSafe(view, `${where} Slack`);
  const inputs = (view.blocks as { element?: { action_id?: string; initial_value?: string } }[]).map((b) => b.element);
  for (const { id, text } of initials)
    expect(inputs.find((e) => e?.action_id === id)?.initial_value, `${where} Slack ${id}`).toBe(text);

  const cards = renderFormCards(form, feishuDeps(locale));
  cards.forEach((c, i) => expect(feishuCardProblems(c), `${where} Feishu card ${i + 1}`).toEqual([]));
  expectShown(feishuRead(cards), [...textLines, ...options('feishu')], `${where} Feishu`);
  expectFeishuSafe(cards, `${where} Feishu`);
  const raw = JSON.stringify(cards[0]);
  const defaults = new Map<string, string>();
  JSON.parse(raw, (k, v) => {
    if (v && typeof v === 'object' && typeof v.name === 'string' && typeof v.default_value === 'string')
      defaults.set(v.name, v.default_value);
    return v;
  });
  for (const { id, text } of initials) {
    const typed = [id, ...[2, 3, 4].map((n) => `${id}~${n}`)].map((n) => defaults.get(n) ?? '').join('');
    // Pre-filled in its input, or (a form too large for one card) in full in the card after it.
    if (typed !== text) expectShown(feishuRead(cards.slice(1)), [text], `${where} Feishu ${id} pre-filled elsewhere`);
  }

  const html = renderForm(form, localCtx(locale));
  const placeholders = [...html.matchAll(/placeholder="([^"]*)"/g)].map((m) => htmlVisible(m[1]!));
  expectShown(
    [htmlVisible(html), ...placeholders].join('\n'),
    [...textLines, ...options('local'), ...initials.map((i) => i.text)],
    `${where} local`,
  );
  expectHtmlSafe(html, `${where} local`);
}
