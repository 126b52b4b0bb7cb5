/**
 * The neutral Form to a Slack modal. block_id and action_id of every input are the input id, so a
 * submission's `view.state.values[id][id]` maps straight back to `FormValues[id]` and errors keyed by
 * input id are valid `response_action: 'errors'` keys. The form's `state` rides in private_metadata.
 *
 * Datetime inputs exchange ISO-8601 instants (`2026-11-27T18:00:00.000Z`); Slack works in epoch seconds.
 *
 * Slack caps a modal title at 24 characters. The form's title is never cut silently: a longer one
 * is shortened with an ellipsis in the title bar and shown in full as the modal's first block.
 */
import type { Form, Input, Option } from '../../../src/ui/model.js';
import { renderBlocks, type SlackBlock, type SlackRenderCtx } from './message.js';
import { toPlain, truncate, type ResolveMention } from './markup.js';

export const MAX_PRIVATE_METADATA = 3000;
export const MAX_MODAL_TITLE = 24;
const MAX_HEADER = 150;
const plain = (text: string, max: number) => ({ type: 'plain_text', text: truncate(text, max), emoji: true });

function renderElement(input: Input, resolve: ResolveMention): SlackBlock {
  const plainOf = (text: string, max: number) => plain(toPlain(text, resolve), max);
  const option = (o: Option) => ({ text: plainOf(o.label, 75), value: o.value });
  const base = { action_id: input.id };
  switch (input.kind) {
    case 'text': {
      const el: SlackBlock = { type: 'plain_text_input', ...base, multiline: input.multiline ?? false };
      if (input.initial) el.initial_value = input.initial;
      if (input.placeholder) el.placeholder = plainOf(input.placeholder, 150);
      if (input.maxLength) el.max_length = input.maxLength;
      return el;
    }
    case 'number': {
      const el: SlackBlock = { type: 'number_input', ...base, is_decimal_allowed: input.decimal ?? false };
      if (input.initial) el.initial_value = input.initial;
      if (input.placeholder) el.placeholder = plainOf(input.placeholder, 150);
      if (input.min !== undefined) el.min_value = String(input.min);
      if (input.max !== undefined) el.max_value = String(input.max);
      return el;
    }
    case 'select': {
      const options = input.options.slice(0, 100).map(option);
      const el: SlackBlock = { type: 'static_select', ...base, options };
      const initial = input.options.find((o) => o.value === input.initial);
      if (initial) el.initial_option = option(initial);
      if (input.placeholder) el.placeholder = plainOf(input.placeholder, 150);
      return el;
    }
    case 'multiselect': {
      const options = input.options.slice(0, 100).map(option);
      const el: SlackBlock = { type: 'multi_static_select', ...base, options };
      const initial = input.options.filter((o) => input.initial?.includes(o.value));
      if (initial.length) el.initial_options = initial.map(option);
      if (input.placeholder) el.placeholder = plainOf(input.placeholder, 150);
      return el;
    }
    case 'date': {
      const el: SlackBlock = { type: 'datepicker', ...base };
      if (input.initial) el.initial_date = input.initial;
      return el;
    }
    case 'datetime': {
      const el: SlackBlock = { type: 'datetimepicker', ...base };
      const ms = input.initial ? Date.parse(input.initial) : NaN;
      if (!Number.isNaN(ms)) el.initial_date_time = Math.floor(ms / 1000);
      return el;
    }
  }
}

function renderInput(input: Input, resolve: ResolveMention): SlackBlock {
  const block: SlackBlock = {
    type: 'input',
    block_id: input.id,
    label: plain(toPlain(input.label, resolve), 2000),
    element: renderElement(input, resolve),
  };
  if (input.optional) block.optional = true;
  if (input.hint) block.hint = plain(toPlain(input.hint, resolve), 2000);
  return block;
}

/** The full title as the modal's first block, when the title bar cannot hold it. */
function fullTitle(title: string): SlackBlock[] {
  if (title.length <= MAX_MODAL_TITLE) return [];
  if (title.length <= MAX_HEADER) return [{ type: 'header', text: plain(title, MAX_HEADER) }];
  return [{ type: 'section', text: { type: 'plain_text', text: title, emoji: true } }];
}

/** A modal view for views.open / views.push / response_action 'update'. Errors are not rendered: Slack shows them from the ack. */
export function renderFormToModal(form: Form, ctx: SlackRenderCtx): SlackBlock {
  const title = toPlain(form.title, ctx.resolveMention);
  const blocks = [
    ...fullTitle(title),
    ...renderBlocks(form.intro ?? [], ctx),
    ...form.inputs.map((i) => renderInput(i, ctx.resolveMention)),
  ].slice(0, 100);
  if (form.state.length > MAX_PRIVATE_METADATA)
    throw new Error(
      `form ${form.formId} state is ${form.state.length} chars; Slack private_metadata holds ${MAX_PRIVATE_METADATA}`,
    );
  const view: SlackBlock = {
    type: 'modal',
    callback_id: form.formId,
    private_metadata: form.state,
    title: plain(title, MAX_MODAL_TITLE),
    submit: plain(toPlain(form.submitLabel, ctx.resolveMention), MAX_MODAL_TITLE),
    blocks,
  };
  if (form.cancelLabel) view.close = plain(toPlain(form.cancelLabel, ctx.resolveMention), MAX_MODAL_TITLE);
  return view;
}

/** A modal with no inputs, to replace a submitted form with its outcome ("Review saved", an error). */
export function renderNoticeModal(title: string, blocks: SlackBlock[], closeLabel: string): SlackBlock {
  return { type: 'modal', title: plain(title, MAX_MODAL_TITLE), close: plain(closeLabel, MAX_MODAL_TITLE), blocks };
}
