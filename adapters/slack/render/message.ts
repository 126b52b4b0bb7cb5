/**
 * The neutral Message (src/ui/model.ts) to Block Kit: one `switch (block.type)`, pure, tested by
 * comparing JSON. Every block it writes is inside Slack's limits (./limits.ts): text longer than a
 * section holds becomes several sections, a field too long for a field becomes sections, a header
 * too long for a header becomes bold text, buttons go 25 to an actions block. A message whose
 * blocks are over the block or text budget of one Slack message is rendered as several messages
 * (pages), in order. Nothing is cut.
 */
import type { Block, Button, Message } from '../../../src/ui/model.js';
import type { T } from '../../../src/ui/i18n/index.js';
import { boldTokens, CHECKLIST_DETAIL_SEPARATOR, parseMarkup, serialize, type Token } from '../../../src/ui/markup.js';
import { ellipsize, mrkdwnPieces, slackSerializer, toMrkdwn, toPlain, type ResolveMention } from './markup.js';
import { encodeInlineForm, OPEN_INLINE_FORM } from './inline-form.js';
import { SLACK } from './limits.js';

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

const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const sections = (pieces: string[]): SlackBlock[] => pieces.map((p) => ({ type: 'section', text: mrkdwn(p) }));

/**
 * Slack wants action_ids unique within a message, but a nudge has one "Open form" button per
 * report. Repeats get a `#n` suffix, which the action listener strips (see parse.ts).
 */
function uniqueActionId(id: string, seen: Map<string, number>): string {
  const n = seen.get(id) ?? 0;
  seen.set(id, n + 1);
  return n === 0 ? id : `${id}#${n}`;
}

function renderButton(b: Button, label: string, resolve: ResolveMention, seen: Map<string, number>): SlackBlock {
  const out: SlackBlock = {
    type: 'button',
    action_id: uniqueActionId(b.actionId, seen),
    text: plain(label),
    value: b.value,
  };
  if (b.style === 'primary' || b.style === 'danger') out.style = b.style;
  if (b.confirm) {
    // Confirmation dialogs hold catalog text; the worst-case render test keeps it within limits.
    out.confirm = {
      title: plain(toPlain(b.confirm.title, resolve)),
      text: mrkdwn(toMrkdwn(b.confirm.text, resolve)),
      confirm: plain(toPlain(b.confirm.confirm, resolve)),
      deny: plain(toPlain(b.confirm.deny, resolve)),
    };
  }
  return out;
}

/**
 * Buttons, 25 to an actions block. A label longer than a button holds is shown in full as a
 * section, with the button (its label shortened) beside it.
 */
function renderButtons(buttons: Button[], resolve: ResolveMention, seen: Map<string, number>): SlackBlock[] {
  const out: SlackBlock[] = [];
  let row: SlackBlock[] = [];
  const flush = () => {
    if (row.length) out.push({ type: 'actions', elements: row });
    row = [];
  };
  for (const b of buttons) {
    const label = toPlain(b.label, resolve);
    if (label.length <= SLACK.buttonText) {
      row.push(renderButton(b, label, resolve, seen));
      if (row.length === SLACK.actionsElements) flush();
      continue;
    }
    flush();
    const full = mrkdwnPieces(b.label, resolve, SLACK.sectionText);
    out.push(...sections(full.slice(0, -1)), {
      type: 'section',
      text: mrkdwn(full[full.length - 1]!),
      accessory: renderButton(b, ellipsize(label, SLACK.buttonText), resolve, seen),
    });
  }
  flush();
  return out;
}

/**
 * A field that fits stays a field (at most 10, and one section's worth of text, to a section); a
 * longer one becomes sections of its own.
 */
function renderFields(block: Extract<Block, { type: 'fields' }>, resolve: ResolveMention): SlackBlock[] {
  const s = slackSerializer(resolve);
  const out: SlackBlock[] = [];
  let group: ReturnType<typeof mrkdwn>[] = [];
  let groupText = 0;
  const flush = () => {
    if (group.length) out.push({ type: 'section', fields: group });
    group = [];
    groupText = 0;
  };
  for (const f of block.fields) {
    const tokens: Token[] = [...boldTokens(parseMarkup(f.label)), { type: 'break' }, ...parseMarkup(f.value)];
    const text = serialize(tokens, s);
    if (text.length <= SLACK.fieldText) {
      if (groupText + text.length > SLACK.sectionText) flush();
      group.push(mrkdwn(text));
      groupText += text.length;
      if (group.length === SLACK.fieldsPerSection) flush();
      continue;
    }
    flush();
    out.push(...sections(mrkdwnPieces(tokens, resolve, SLACK.sectionText)));
  }
  flush();
  return out;
}

function checklistTokens(block: Extract<Block, { type: 'checklist' }>): Token[] {
  return block.items.flatMap((i, n): Token[] => [
    ...(n > 0 ? [{ type: 'break' as const }] : []),
    { type: 'text', text: `${i.ok ? '✅' : '❌'} ` },
    ...parseMarkup(i.label),
    ...(i.detail ? [{ type: 'text' as const, text: CHECKLIST_DETAIL_SEPARATOR }, ...parseMarkup(i.detail)] : []),
  ]);
}

/** Blocks, each within Slack's per-block limits (a model block may become several). */
export function renderBlocks(blocks: Block[], ctx: SlackRenderCtx, seen = new Map<string, number>()): SlackBlock[] {
  const resolve = ctx.resolveMention;
  const pieces = (markup: string | Token[], max = SLACK.sectionText) => mrkdwnPieces(markup, resolve, max);
  const out: SlackBlock[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'header': {
        const text = toPlain(block.text, resolve);
        if (text.length <= SLACK.headerText) out.push({ type: 'header', text: plain(text) });
        else out.push(...sections(pieces(boldTokens(parseMarkup(block.text)))));
        break;
      }
      case 'text':
        out.push(...sections(pieces(block.text)));
        break;
      case 'fields':
        out.push(...renderFields(block, resolve));
        break;
      case 'context':
        for (const p of pieces(block.text, SLACK.contextText)) out.push({ type: 'context', elements: [mrkdwn(p)] });
        break;
      case 'divider':
        out.push({ type: 'divider' });
        break;
      case 'actions':
        out.push(...renderButtons(block.buttons, resolve, seen));
        break;
      case 'checklist':
        out.push(...sections(pieces(checklistTokens(block))));
        break;
      case 'form': {
        const value = encodeInlineForm(block.form);
        if (value === null) {
          // Too big for a button value: say so rather than dropping the form silently.
          out.push({
            type: 'context',
            elements: [mrkdwn(toMrkdwn(ctx.t('slack.formTooLargeHere', { title: block.form.title }), resolve))],
          });
          break;
        }
        const title = toPlain(block.form.title, resolve);
        out.push({
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: uniqueActionId(OPEN_INLINE_FORM, seen),
              text: plain(ellipsize(title, SLACK.buttonText)),
              value,
              style: 'primary',
            },
          ],
        });
        break;
      }
    }
  }
  return out;
}

/** Characters of block text, as `msg_blocks_too_long` counts them: every `text` string in the blocks. */
export function blockTextLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + blockTextLength(x), 0);
  if (!node || typeof node !== 'object') return 0;
  let n = 0;
  for (const [k, v] of Object.entries(node)) n += k === 'text' && typeof v === 'string' ? v.length : blockTextLength(v);
  return n;
}

/** Blocks in consecutive pages of at most `maxBlocks` blocks and `maxText` characters of text. */
export function paginate(blocks: SlackBlock[], maxBlocks: number, maxText: number): SlackBlock[][] {
  const pages: SlackBlock[][] = [];
  let page: SlackBlock[] = [];
  let text = 0;
  for (const b of blocks) {
    const n = blockTextLength(b);
    if (page.length && (page.length >= maxBlocks || text + n > maxText)) {
      pages.push(page);
      page = [];
      text = 0;
    }
    page.push(b);
    text += n;
  }
  if (page.length || !pages.length) pages.push(page);
  return pages;
}

/** The notification text: the message's fallback, shortened at a piece boundary if it is long. */
function notificationText(message: Message, ctx: SlackRenderCtx): string {
  const pieces = mrkdwnPieces(message.text, ctx.resolveMention, SLACK.notificationText - 1);
  return pieces.length > 1 ? `${pieces[0]}…` : (pieces[0] ?? '');
}

/**
 * A message as one or more Slack messages, in order: every page within 50 blocks and the block-text
 * budget. Later pages say they continue the first in their notification text.
 */
export function renderMessagePages(message: Message, ctx: SlackRenderCtx): SlackMessage[] {
  const pages = paginate(renderBlocks(message.blocks, ctx), SLACK.blocksPerMessage, SLACK.messageBlockText);
  const text = notificationText(message, ctx);
  return pages.map((blocks, i) => ({
    text: i === 0 ? text : toMrkdwn(ctx.t('slack.continued', { n: i + 1, total: pages.length }), ctx.resolveMention),
    blocks,
  }));
}

/**
 * The Home tab holds one view of at most 100 blocks. A longer record shows its first 99 and says
 * how to see the rest (`/review mine` answers in messages, which have no such cap).
 */
export function renderHomeBlocks(message: Message, ctx: SlackRenderCtx): SlackBlock[] {
  const [first, ...more] = paginate(renderBlocks(message.blocks, ctx), SLACK.blocksPerModal - 1, Infinity);
  if (!more.length) return first!;
  return [...first!, { type: 'context', elements: [mrkdwn(toMrkdwn(ctx.t('slack.homeMore'), ctx.resolveMention))] }];
}
