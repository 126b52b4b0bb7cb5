/**
 * What Slack and Feishu refuse, written down independently of our renderers (whose budgets live in
 * adapters/slack/render/limits.ts and adapters/feishu/render/limits.ts): the fakes answer a
 * payload that breaks one of these rules the way the platform does (`invalid_blocks`,
 * `msg_blocks_too_long`, Feishu 230025 / 230099), and the worst-case render test checks every
 * screen against them. Each function returns the problems it finds (empty: accepted).
 *
 * Slack: Block Kit reference (docs.slack.dev/reference/block-kit, views/modal-views); the block
 * text total is undocumented: reports put the cut-off between 11,341 and 13,297 characters
 * (slackapi/bolt-js#2509, #2867), so the fake refuses above the lowest of them.
 * Feishu: im/v1/message create and patch (card request body ≤ 30 KB), card JSON 2.0 structure
 * (≤ 200 elements), input component (max_length 1–1,000).
 */

type Json = Record<string, any>;

const SLACK_BLOCK_TEXT_REFUSED_ABOVE = 11_300;

const len = (s: unknown) => (typeof s === 'string' ? s.length : 0);

function slackText(obj: Json | undefined, where: string, max: number, out: string[], min = 1): void {
  if (!obj) return;
  const text = obj.text;
  if (typeof text !== 'string') return void out.push(`${where}: no text`);
  if (text.length < min) out.push(`${where}: empty text`);
  if (text.length > max) out.push(`${where}: ${text.length} > ${max} characters`);
}

function slackButton(el: Json, where: string, out: string[]): void {
  slackText(el.text, `${where} button text`, 75, out);
  if (len(el.value) > 2000) out.push(`${where} button value ${len(el.value)} > 2000`);
  if (len(el.action_id) > 255) out.push(`${where} action_id too long`);
  if (el.confirm) {
    slackText(el.confirm.title, `${where} confirm title`, 100, out);
    slackText(el.confirm.text, `${where} confirm text`, 300, out);
    slackText(el.confirm.confirm, `${where} confirm button`, 30, out);
    slackText(el.confirm.deny, `${where} deny button`, 30, out);
  }
}

/** The ack of a block_suggestion: what an external_select may show. */
export function slackSuggestionProblems(body: Json): string[] {
  const out: string[] = [];
  if (!Array.isArray(body?.options) && !Array.isArray(body?.option_groups)) out.push('suggestions: no options array');
  slackOptions(body?.options, 'suggestions', out);
  return out;
}

function slackOptions(options: Json[] | undefined, where: string, out: string[]): void {
  if (!options) return;
  if (options.length > 100) out.push(`${where}: ${options.length} > 100 options`);
  for (const o of options) {
    slackText(o.text, `${where} option`, 75, out);
    if (len(o.value) > 150) out.push(`${where} option value > 150`);
  }
}

function slackElement(el: Json, where: string, out: string[]): void {
  switch (el.type) {
    case 'button':
      return slackButton(el, where, out);
    case 'static_select':
    case 'multi_static_select':
      if (!el.options && !el.option_groups) out.push(`${where}: a select without options`);
      slackOptions(el.options, where, out);
      if (el.option_groups) {
        if (el.option_groups.length > 100) out.push(`${where}: > 100 option groups`);
        for (const g of el.option_groups) slackOptions(g.options, `${where} group`, out);
      }
      if (el.placeholder) slackText(el.placeholder, `${where} placeholder`, 150, out);
      return;
    case 'external_select':
      // Its options come from the app as the person types (block_suggestion): none in the view.
      if (el.options || el.option_groups) out.push(`${where}: an external_select with options`);
      if (el.min_query_length !== undefined && !(Number.isInteger(el.min_query_length) && el.min_query_length >= 0))
        out.push(`${where}: min_query_length ${el.min_query_length}`);
      if (el.initial_option) slackOptions([el.initial_option], `${where} initial`, out);
      if (el.placeholder) slackText(el.placeholder, `${where} placeholder`, 150, out);
      return;
    case 'plain_text_input': {
      const max = el.max_length ?? 3000;
      if (max > 3000) out.push(`${where}: max_length ${max} > 3000`);
      if (len(el.initial_value) > max) out.push(`${where}: initial value ${len(el.initial_value)} > max_length ${max}`);
      if (el.placeholder) slackText(el.placeholder, `${where} placeholder`, 150, out);
      return;
    }
    default:
      if (el.placeholder) slackText(el.placeholder, `${where} placeholder`, 150, out);
  }
}

function slackBlock(b: Json, where: string, out: string[], actionIds: Map<string, number>): void {
  const noteAction = (id: unknown) => {
    if (typeof id === 'string') actionIds.set(id, (actionIds.get(id) ?? 0) + 1);
  };
  switch (b.type) {
    case 'section':
      if (!b.text && !b.fields) out.push(`${where}: a section with neither text nor fields`);
      if (b.text) slackText(b.text, `${where} section`, 3000, out);
      if (b.fields) {
        if (b.fields.length > 10) out.push(`${where}: ${b.fields.length} > 10 fields`);
        b.fields.forEach((f: Json, i: number) => slackText(f, `${where} field ${i}`, 2000, out));
      }
      if (b.accessory) {
        slackElement(b.accessory, `${where} accessory`, out);
        noteAction(b.accessory.action_id);
      }
      return;
    case 'header':
      return slackText(b.text, `${where} header`, 150, out);
    case 'context':
      if (!b.elements?.length || b.elements.length > 10)
        out.push(`${where}: context with ${b.elements?.length} elements`);
      (b.elements ?? []).forEach((e: Json, i: number) => slackText(e, `${where} context ${i}`, 3000, out));
      return;
    case 'actions':
      if (!b.elements?.length || b.elements.length > 25)
        out.push(`${where}: actions with ${b.elements?.length} elements`);
      (b.elements ?? []).forEach((e: Json, i: number) => {
        slackElement(e, `${where} element ${i}`, out);
        noteAction(e.action_id);
      });
      return;
    case 'input':
      slackText(b.label, `${where} label`, 2000, out);
      if (b.hint) slackText(b.hint, `${where} hint`, 2000, out);
      slackElement(b.element ?? {}, `${where} input`, out);
      return;
    case 'divider':
      return;
    default:
      out.push(`${where}: unknown block type ${b.type}`);
  }
}

/** Every `text` string of a payload, summed: what Slack's msg_blocks_too_long counts. */
export function slackBlockText(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + slackBlockText(x), 0);
  if (!node || typeof node !== 'object') return 0;
  let n = 0;
  for (const [k, v] of Object.entries(node)) n += k === 'text' && typeof v === 'string' ? v.length : slackBlockText(v);
  return n;
}

function slackBlocks(blocks: Json[], max: number, out: string[]): void {
  if (blocks.length > max) out.push(`${blocks.length} > ${max} blocks`);
  const actionIds = new Map<string, number>();
  blocks.forEach((b, i) => slackBlock(b, `block ${i} (${b.type})`, out, actionIds));
  for (const [id, n] of actionIds) if (n > 1) out.push(`action_id ${id} repeated ${n} times`);
}

/** A chat.postMessage / chat.update / ephemeral message. `invalid_blocks` and `msg_blocks_too_long` reasons. */
export function slackMessageProblems(msg: { text?: string; blocks?: Json[] }): string[] {
  const out: string[] = [];
  if (len(msg.text) > 40_000) out.push(`text ${len(msg.text)} > 40,000`);
  const blocks = msg.blocks ?? [];
  slackBlocks(blocks, 50, out);
  const total = slackBlockText(blocks);
  if (total > SLACK_BLOCK_TEXT_REFUSED_ABOVE) out.push(`msg_blocks_too_long: ${total} characters of block text`);
  return out;
}

/** A modal view (views.open / views.push / views.update, or a response_action: update). */
export function slackModalProblems(view: Json): string[] {
  const out: string[] = [];
  slackText(view.title, 'modal title', 24, out);
  if (view.submit) slackText(view.submit, 'modal submit', 24, out);
  if (view.close) slackText(view.close, 'modal close', 24, out);
  if (len(view.private_metadata) > 3000) out.push(`private_metadata ${len(view.private_metadata)} > 3000`);
  if (len(view.callback_id) > 255) out.push('callback_id too long');
  slackBlocks(view.blocks ?? [], 100, out);
  return out;
}

/** A Home tab view. */
export function slackHomeProblems(view: Json): string[] {
  const out: string[] = [];
  slackBlocks(view.blocks ?? [], 100, out);
  return out;
}

// ---- Feishu --------------------------------------------------------------------------------------

export const FEISHU_CARD_BODY_MAX = 30 * 1024;

/** Elements as the card JSON 2.0 counts them: every object with a `tag`. */
export function feishuElements(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + feishuElements(x), 0);
  if (!node || typeof node !== 'object') return 0;
  const o = node as Json;
  let n = typeof o.tag === 'string' ? 1 : 0;
  for (const v of Object.values(o)) n += feishuElements(v);
  return n;
}

/**
 * A card as sent in `content` (create, reply, patch, or a callback's card). `requestBytes`: the
 * whole request body when known (the fake has it); else the card as the JSON string it travels as.
 */
export function feishuCardProblems(card: Json, requestBytes?: number): string[] {
  const out: string[] = [];
  const bytes = requestBytes ?? Buffer.byteLength(JSON.stringify(JSON.stringify(card)), 'utf8');
  if (bytes > FEISHU_CARD_BODY_MAX) out.push(`card request ${bytes} bytes > 30 KB`);
  const elements = feishuElements(card);
  if (elements > 200) out.push(`${elements} > 200 elements`);
  if (card.schema !== '2.0') out.push('not a card JSON 2.0');
  const names = new Map<string, number>();
  const ids = new Map<string, number>();
  const walk = (x: unknown, where: string): void => {
    if (Array.isArray(x)) return x.forEach((y, i) => walk(y, `${where}[${i}]`));
    if (!x || typeof x !== 'object') return;
    const o = x as Json;
    if (o.tag === 'input') {
      const max = o.max_length ?? 1000;
      if (!Number.isInteger(max) || max < 1 || max > 1000) out.push(`${where}: input max_length ${max} not in 1–1000`);
      if ([...String(o.default_value ?? '')].length > max) out.push(`${where}: default value longer than max_length`);
    }
    if (typeof o.name === 'string' && o.tag !== 'form' && o.tag !== 'button')
      names.set(o.name, (names.get(o.name) ?? 0) + 1);
    if (typeof o.element_id === 'string') {
      ids.set(o.element_id, (ids.get(o.element_id) ?? 0) + 1);
      if (!/^[A-Za-z][A-Za-z0-9_]{0,19}$/.test(o.element_id)) out.push(`${where}: bad element_id ${o.element_id}`);
    }
    if ((o.tag === 'select_static' || o.tag === 'multi_select_static') && !o.options?.length)
      out.push(`${where}: a select without options`);
    for (const [k, v] of Object.entries(o)) walk(v, `${where}.${k}`);
  };
  walk(card, 'card');
  for (const [n, c] of names) if (c > 1) out.push(`input name ${n} used ${c} times`);
  for (const [n, c] of ids) if (c > 1) out.push(`element_id ${n} used ${c} times`);
  return out;
}
