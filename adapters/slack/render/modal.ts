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
import { ellipsize, mrkdwnPieces, toPlain, type ResolveMention } from './markup.js';
import { SLACK } from './limits.js';

export const MAX_PRIVATE_METADATA = SLACK.privateMetadata;
export const MAX_MODAL_TITLE = SLACK.modalTitle;
const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });

/**
 * A select's options: as they are up to Slack's 100, else in groups of 100 (up to 100 groups).
 * An option's label longer than Slack shows is shortened with an ellipsis (its value is kept).
 */
function selectOptions(options: Option[], resolve: ResolveMention): Record<string, unknown> {
  const option = (o: Option) => ({
    text: plain(ellipsize(toPlain(o.label, resolve), SLACK.optionText)),
    value: o.value,
  });
  if (options.length <= SLACK.selectOptions) return { options: options.map(option) };
  const groups: Record<string, unknown>[] = [];
  for (let i = 0; i < options.length; i += SLACK.selectOptions) {
    const part = options.slice(i, i + SLACK.selectOptions);
    groups.push({ label: plain(`${i + 1}–${i + part.length}`), options: part.map(option) });
  }
  return { option_groups: groups };
}

function renderElement(input: Input, resolve: ResolveMention): SlackBlock {
  const plainOf = (text: string, max: number) => plain(ellipsize(toPlain(text, resolve), max));
  const option = (o: Option) => ({ text: plainOf(o.label, SLACK.optionText), value: o.value });
  const base = { action_id: input.id };
  switch (input.kind) {
    case 'text': {
      const el: SlackBlock = { type: 'plain_text_input', ...base, multiline: input.multiline ?? false };
      if (input.initial) el.initial_value = input.initial;
      if (input.placeholder) el.placeholder = plainOf(input.placeholder, SLACK.placeholder);
      if (input.maxLength) el.max_length = Math.min(input.maxLength, SLACK.plainTextInputMax);
      return el;
    }
    case 'number': {
      const el: SlackBlock = { type: 'number_input', ...base, is_decimal_allowed: input.decimal ?? false };
      if (input.initial) el.initial_value = input.initial;
      if (input.placeholder) el.placeholder = plainOf(input.placeholder, SLACK.placeholder);
      if (input.min !== undefined) el.min_value = String(input.min);
      if (input.max !== undefined) el.max_value = String(input.max);
      return el;
    }
    case 'select': {
      if (input.search) {
        // Options searched as the person types: Slack asks the app (block_suggestion, the
        // interactivity request URL), listeners/options.ts answers through the router.
        const el: SlackBlock = {
          type: 'external_select',
          ...base,
          min_query_length: input.search.minQueryLength,
        };
        const initial = input.options.find((o) => o.value === input.initial);
        if (initial) el.initial_option = option(initial);
        if (input.placeholder) el.placeholder = plainOf(input.placeholder, SLACK.placeholder);
        return el;
      }
      if (input.people && input.options.length > SLACK.selectOptions) {
        // A long list of people is Slack's own person search; parse.ts maps the user back.
        const el: SlackBlock = { type: 'users_select', ...base };
        const initial = input.initial ? resolve(input.initial)?.slackId : undefined;
        if (initial) el.initial_user = initial;
        if (input.placeholder) el.placeholder = plainOf(input.placeholder, SLACK.placeholder);
        return el;
      }
      const el: SlackBlock = { type: 'static_select', ...base, ...selectOptions(input.options, resolve) };
      const initial = input.options.find((o) => o.value === input.initial);
      if (initial) el.initial_option = option(initial);
      if (input.placeholder) el.placeholder = plainOf(input.placeholder, SLACK.placeholder);
      return el;
    }
    case 'multiselect': {
      if (input.checkboxes && input.options.length <= SLACK.checkboxOptions) {
        // One click per KPI, every choice in sight (a multi-select hides them in a menu).
        const el: SlackBlock = { type: 'checkboxes', ...base, options: input.options.map(option) };
        const initial = input.options.filter((o) => input.initial?.includes(o.value));
        if (initial.length) el.initial_options = initial.map(option);
        return el;
      }
      const el: SlackBlock = { type: 'multi_static_select', ...base, ...selectOptions(input.options, resolve) };
      const initial = input.options.filter((o) => input.initial?.includes(o.value));
      if (initial.length) el.initial_options = initial.map(option);
      if (input.placeholder) el.placeholder = plainOf(input.placeholder, SLACK.placeholder);
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
    case 'file':
      // Slack uploads the files itself and hands back their ids on submit (listeners/views.ts
      // fetches them with the bot token). `filetypes` only steers the picker: the content is checked.
      return {
        type: 'file_input',
        ...base,
        max_files: Math.min(input.maxFiles, SLACK.fileInputMaxFiles),
        filetypes: input.accept,
      };
  }
}

function renderInput(input: Input, resolve: ResolveMention): SlackBlock {
  const block: SlackBlock = {
    type: 'input',
    block_id: input.id,
    label: plain(ellipsize(toPlain(input.label, resolve), SLACK.inputLabel)),
    element: renderElement(input, resolve),
  };
  if (input.optional) block.optional = true;
  if (input.hint) block.hint = plain(ellipsize(toPlain(input.hint, resolve), SLACK.inputHint));
  return block;
}

/** The full title as the modal's first block(s), when the title bar cannot hold it. */
function fullTitle(markup: string, title: string, resolve: ResolveMention): SlackBlock[] {
  if (title.length <= MAX_MODAL_TITLE) return [];
  if (title.length <= SLACK.headerText) return [{ type: 'header', text: plain(title) }];
  return mrkdwnPieces(markup, resolve, SLACK.sectionText).map((p) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: p },
  }));
}

function moreSection(form: Form, ctx: SlackRenderCtx): SlackBlock[] {
  const more = form.inputs.filter((i) => i.more);
  if (!more.length) return [];
  return [
    { type: 'divider' },
    { type: 'context', elements: [{ type: 'mrkdwn', text: ctx.t('slack.moreFields') }] },
    ...more.map((i) => renderInput(i, ctx.resolveMention)),
  ];
}

/** A modal view for views.open / views.push / response_action 'update'. Errors are not rendered: Slack shows them from the ack. */
export function renderFormToModal(form: Form, ctx: SlackRenderCtx): SlackBlock {
  const title = toPlain(form.title, ctx.resolveMention);
  const blocks = [
    ...fullTitle(form.title, title, ctx.resolveMention),
    ...renderBlocks(form.intro ?? [], ctx),
    ...form.inputs.filter((i) => !i.more).map((i) => renderInput(i, ctx.resolveMention)),
    // A modal has no collapsed section; its Submit stays in the footer, so "More" is the end of the form.
    ...moreSection(form, ctx),
  ];
  // Forms are short by design (the worst-case render test holds every form to this); failing loudly
  // beats a modal Slack refuses or one missing inputs.
  if (blocks.length > SLACK.blocksPerModal)
    throw new Error(`form ${form.formId} has ${blocks.length} blocks; a Slack modal holds ${SLACK.blocksPerModal}`);
  if (form.state.length > MAX_PRIVATE_METADATA)
    throw new Error(
      `form ${form.formId} state is ${form.state.length} chars; Slack private_metadata holds ${MAX_PRIVATE_METADATA}`,
    );
  const view: SlackBlock = {
    type: 'modal',
    callback_id: form.formId,
    private_metadata: form.state,
    title: plain(ellipsize(title, MAX_MODAL_TITLE)),
    submit: plain(ellipsize(toPlain(form.submitLabel, ctx.resolveMention), SLACK.modalButton)),
    blocks,
  };
  if (form.cancelLabel) view.close = plain(ellipsize(toPlain(form.cancelLabel, ctx.resolveMention), SLACK.modalButton));
  return view;
}

/** A modal with no inputs, to replace a submitted form with its outcome ("Review saved", an error). */
export function renderNoticeModal(title: string, blocks: SlackBlock[], closeLabel: string): SlackBlock {
  return {
    type: 'modal',
    title: plain(ellipsize(title, MAX_MODAL_TITLE)),
    close: plain(ellipsize(closeLabel, SLACK.modalButton)),
    blocks,
  };
}
