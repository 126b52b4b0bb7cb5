/**
 * The neutral Message → Feishu card JSON 2.0. One switch over block types; pure, tested by
 * comparing JSON. Buttons call back with `{ a: actionId, v: value }`.
 */
import type { Block, Button, Field, Form, Message } from '../../../src/ui/model.js';
import type { T } from '../../../src/ui/i18n/index.js';
import { boldTokens, CHECKLIST_DETAIL_SEPARATOR, parseMarkup, serialize } from '../../../src/ui/markup.js';
import { feishuSerializer, plain, toLarkMarkdown, toPlainText, type MentionLookup } from './markup.js';
import { renderFormContainer } from './form.js';

export type CardElement = Record<string, unknown>;

export interface Card {
  schema: '2.0';
  config: { update_multi: true; summary?: { content: string } };
  header?: { title: { tag: 'plain_text'; content: string }; template: string };
  body: { elements: CardElement[] };
}

export interface RenderDeps {
  t: T;
  mentions: MentionLookup;
}

/** What a button sends back in `action.value`. */
export interface ButtonValue {
  a: string;
  v: string;
}

export function renderMessageCard(message: Message, deps: RenderDeps): Card {
  const [first, ...rest] = message.blocks;
  const header = first?.type === 'header' ? first.text : undefined;
  const blocks = header !== undefined ? rest : message.blocks;
  return card(header, renderBlocks(blocks, deps), toPlainText(message.text, deps.mentions), deps);
}

/** A form on its own card: the answer to a button that opens a form. */
export function renderFormCard(form: Form, deps: RenderDeps): Card {
  const summary = deps.t('feishu.formSummary', { title: toPlainText(form.title, deps.mentions) });
  return card(form.title, [formContainer(form, deps)], summary, deps);
}

function card(header: string | undefined, elements: CardElement[], summary: string, deps: RenderDeps): Card {
  return {
    schema: '2.0',
    // Card 2.0 only supports shared cards; patches reach every viewer of the message.
    config: { update_multi: true, ...(summary ? { summary: { content: summary } } : {}) },
    ...(header !== undefined ? { header: { title: plain(toPlainText(header, deps.mentions)), template: 'blue' } } : {}),
    body: { elements },
  };
}

export function renderBlocks(blocks: Block[], deps: RenderDeps): CardElement[] {
  return blocks.flatMap((b) => renderBlock(b, deps));
}

function renderBlock(block: Block, deps: RenderDeps): CardElement[] {
  const md = (text: string) => toLarkMarkdown(text, deps.mentions);
  const boldMd = (text: string) => serialize(boldTokens(parseMarkup(text)), feishuSerializer(deps.mentions));
  switch (block.type) {
    case 'header':
      return [{ tag: 'markdown', content: boldMd(block.text) }];
    case 'text':
      return [{ tag: 'markdown', content: md(block.text) }];
    case 'context':
      return [{ tag: 'markdown', content: md(block.text), text_size: 'notation' }];
    case 'divider':
      return [{ tag: 'hr' }];
    case 'fields':
      return pairs(block.fields).map((row) => ({
        tag: 'column_set',
        flex_mode: 'bisect',
        columns: row.map((f) => ({
          tag: 'column',
          width: 'weighted',
          weight: 1,
          elements: [{ tag: 'markdown', content: `${boldMd(f.label)}\n${md(f.value)}` }],
        })),
      }));
    case 'checklist':
      return [
        {
          tag: 'markdown',
          content: block.items
            .map(
              (i) =>
                `${i.ok ? '✅' : '❌'} ${md(i.label)}${i.detail ? `${CHECKLIST_DETAIL_SEPARATOR}${md(i.detail)}` : ''}`,
            )
            .join('\n'),
        },
      ];
    case 'actions':
      return [
        {
          tag: 'column_set',
          flex_mode: 'flow',
          columns: block.buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [renderButton(b, deps)] })),
        },
      ];
    case 'form':
      return [formContainer(block.form, deps)];
  }
}

function formContainer(form: Form, deps: RenderDeps): CardElement {
  return renderFormContainer(form, { ...deps, renderIntro: (f) => renderBlocks(f.intro ?? [], deps) });
}

const BUTTON_TYPE = { primary: 'primary', danger: 'danger', default: 'default' } as const;

function renderButton(b: Button, deps: RenderDeps): CardElement {
  const plainOf = (text: string) => plain(toPlainText(text, deps.mentions));
  return {
    tag: 'button',
    text: plainOf(b.label),
    type: BUTTON_TYPE[b.style ?? 'default'],
    behaviors: [{ type: 'callback', value: { a: b.actionId, v: b.value } satisfies ButtonValue }],
    ...(b.confirm ? { confirm: { title: plainOf(b.confirm.title), text: plainOf(b.confirm.text) } } : {}),
  };
}

function pairs(fields: Field[]): Field[][] {
  const rows: Field[][] = [];
  for (let i = 0; i < fields.length; i += 2) rows.push(fields.slice(i, i + 2));
  return rows;
}
