/**
 * The neutral Message (src/ui/model.ts) to Block Kit: one `switch (block.type)`, pure, tested by
 * comparing JSON. Slack's size limits are applied here (3,000 chars per section, 10 fields per
 * section, 25 buttons per actions block, 150 chars per header, 50 blocks per message).
 */
import type { Block, Button, Message } from '../../../src/ui/model.js';
import type { T } from '../../../src/ui/i18n/index.js';
import { boldTokens, CHECKLIST_DETAIL_SEPARATOR, parseMarkup, serialize } from '../../../src/ui/markup.js';
import { slackSerializer, toMrkdwn, toPlain, truncate, type ResolveMention } from './markup.js';
import { encodeInlineForm, OPEN_INLINE_FORM } from './inline-form.js';

/** A Block Kit block, kept as plain JSON (the Slack SDK's types add nothing a JSON test can't see). */
export type SlackBlock = Record<string, unknown>;

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** What rendering needs besides the model: people for mentions, and the locale of Slack-only words. */
export interface SlackRenderCtx {
  resolveMention: ResolveMention;
  t: T;
}

const MAX_BLOCKS = 50;
const plain = (text: string, max: number) => ({ type: 'plain_text', text: truncate(text, max), emoji: true });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text: truncate(text, 3000) });
const chunk = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * Slack wants action_ids unique within a message, but a nudge has one "Open form" button per
 * report. Repeats get a `#n` suffix, which the action listener strips (see parse.ts).
 */
function uniqueActionId(id: string, seen: Map<string, number>): string {
  const n = seen.get(id) ?? 0;
  seen.set(id, n + 1);
  return n === 0 ? id : `${id}#${n}`;
}

function renderButton(b: Button, resolve: ResolveMention, seen: Map<string, number>): SlackBlock {
  const plainOf = (text: string, max: number) => plain(toPlain(text, resolve), max);
  const out: SlackBlock = {
    type: 'button',
    action_id: uniqueActionId(b.actionId, seen),
    text: plainOf(b.label, 75),
    value: b.value,
  };
  if (b.style === 'primary' || b.style === 'danger') out.style = b.style;
  if (b.confirm) {
    out.confirm = {
      title: plainOf(b.confirm.title, 100),
      text: mrkdwn(toMrkdwn(b.confirm.text, resolve)),
      confirm: plainOf(b.confirm.confirm, 30),
      deny: plainOf(b.confirm.deny, 30),
    };
  }
  return out;
}

export function renderBlocks(blocks: Block[], ctx: SlackRenderCtx, seen = new Map<string, number>()): SlackBlock[] {
  const resolve = ctx.resolveMention;
  const md = (text: string) => toMrkdwn(text, resolve);
  const boldMd = (text: string) => serialize(boldTokens(parseMarkup(text)), slackSerializer(resolve));
  const out: SlackBlock[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'header':
        out.push({ type: 'header', text: plain(toPlain(block.text, resolve), 150) });
        break;
      case 'text':
        out.push({ type: 'section', text: mrkdwn(md(block.text)) });
        break;
      case 'fields':
        for (const part of chunk(block.fields, 10)) {
          out.push({
            type: 'section',
            fields: part.map((f) => mrkdwn(`${boldMd(f.label)}\n${md(f.value)}`)),
          });
        }
        break;
      case 'context':
        out.push({ type: 'context', elements: [mrkdwn(md(block.text))] });
        break;
      case 'divider':
        out.push({ type: 'divider' });
        break;
      case 'actions':
        for (const part of chunk(block.buttons, 25))
          out.push({ type: 'actions', elements: part.map((b) => renderButton(b, resolve, seen)) });
        break;
      case 'checklist': {
        const lines = block.items.map(
          (i) =>
            `${i.ok ? '✅' : '❌'} ${md(i.label)}${i.detail ? `${CHECKLIST_DETAIL_SEPARATOR}${md(i.detail)}` : ''}`,
        );
        out.push({ type: 'section', text: mrkdwn(lines.join('\n')) });
        break;
      }
      case 'form': {
        const value = encodeInlineForm(block.form);
        if (value === null) {
          // Too big for a button value: say so rather than dropping the form silently.
          out.push({
            type: 'context',
            elements: [mrkdwn(md(ctx.t('slack.formTooLargeHere', { title: block.form.title })))],
          });
          break;
        }
        const button = {
          type: 'button',
          action_id: uniqueActionId(OPEN_INLINE_FORM, seen),
          text: plain(toPlain(block.form.title, resolve), 75),
          value,
          style: 'primary',
        };
        out.push({ type: 'actions', elements: [button] });
        break;
      }
    }
  }
  return out.slice(0, MAX_BLOCKS);
}

export function renderMessageToBlockKit(message: Message, ctx: SlackRenderCtx): SlackMessage {
  return {
    text: truncate(toMrkdwn(message.text, ctx.resolveMention), 3000),
    blocks: renderBlocks(message.blocks, ctx),
  };
}
