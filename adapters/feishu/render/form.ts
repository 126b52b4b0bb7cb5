/**
 * Form → the inline `form` container of a card JSON 2.0 (Feishu has no modals). Every input gets a
 * markdown label above it and, when the use case rejected it, a red error line below it; errors for
 * no input of the form are listed above the buttons, so none is lost.
 *
 * Within Feishu's limits (./limits.ts):
 * - an input holds at most 1,000 characters, so a text input allowed more (the product allows 3,000,
 *   the same on every platform) is shown as consecutive parts `id`, `id~2`, `id~3` of 1,000 each,
 *   which the parser joins back (parse/card-action.ts);
 * - a long list of people is a person search (`select_person`, open_ids the listener maps back);
 * - an input whose options are searched on the server (`search`) is a text input: a card cannot ask
 *   for options while it is open, so the use case resolves the typed name or email on submit;
 * - the submit button's callback value names the form (`f`, `s`, and `k`, the key of a snapshot the
 *   adapter keeps, so a rejected submission can be shown again with its errors); it never repeats
 *   the form itself, which would put every long text in the card twice.
 */
import { createHash } from 'node:crypto';
import type { Form, Input } from '../../../src/ui/model.js';
import type { T } from '../../../src/ui/i18n/index.js';
import { boldTokens, parseMarkup, serialize } from '../../../src/ui/markup.js';
import { feishuSerializer, plain, toLarkMarkdown, toPlainText, type MentionLookup } from './markup.js';
import type { CardElement } from './card.js';
import { FEISHU } from './limits.js';

/** What the submit button sends back in `action.value`. */
export interface SubmitValue {
  f: string;
  s: string;
  /** The form's snapshot key (see formKey). */
  k: string;
  /** Inputs rendered as a person search: their values are open_ids to map to people. */
  p?: string[];
}

export interface FormRenderDeps {
  t: T;
  mentions: MentionLookup;
  /** Renders the read-only intro blocks (shared with the message renderer). */
  renderIntro: (form: Form) => CardElement[];
  /** Told about every form rendered, with its key, so the adapter can keep a snapshot of it. */
  onForm?: (key: string, form: Form) => void;
}

/** A list of people longer than this is a person search on Feishu. */
export const PERSON_SEARCH_OVER = 20;
/** What a search typed instead of picked may hold: a whole email (RFC 5321). */
const SEARCH_MAX_LENGTH = 254;
/** Separates the parts of one text input: `comment`, `comment~2`, `comment~3`. */
export const PART_SEPARATOR = '~';
/** Names one checkbox of a multiselect shown as checkboxes: `kpis__revenue` (parse/card-action.ts joins them). */
export const CHECK_SEPARATOR = '__';

/** The key of a form's snapshot: a hash of the form as shown, errors aside. */
export function formKey(form: Form): string {
  const { errors: _ignored, ...shown } = form;
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 24);
}

const isPersonSearch = (input: Input) =>
  input.kind === 'select' && input.people === true && input.options.length > PERSON_SEARCH_OVER;

export function renderFormContainer(form: Form, deps: FormRenderDeps): CardElement {
  const { errors } = form;
  const key = formKey(form);
  deps.onForm?.(key, form);
  const plainOf = (text: string) => plain(toPlainText(text, deps.mentions));
  const people = form.inputs.filter(isPersonSearch).map((i) => i.id);
  const value: SubmitValue = { f: form.formId, s: form.state, k: key, ...(people.length ? { p: people } : {}) };
  const submit: CardElement = {
    tag: 'button',
    name: 'submit',
    text: plainOf(form.submitLabel),
    type: 'primary',
    form_action_type: 'submit',
    behaviors: [{ type: 'callback', value }],
  };
  const buttons: CardElement[] = [submit];
  if (form.cancelLabel)
    buttons.push({
      tag: 'button',
      name: 'reset',
      text: plainOf(form.cancelLabel),
      type: 'default',
      form_action_type: 'reset',
    });
  return {
    tag: 'form',
    name: 'form',
    elements: [
      ...deps.renderIntro(form),
      ...form.inputs.filter((i) => !i.more).flatMap((input) => renderInput(input, errors?.[input.id], deps)),
      ...morePanel(form, deps),
      ...Object.entries(errors ?? {})
        .filter(([id]) => !form.inputs.some((i) => i.id === id))
        .map(([, error]) => errorLine(error, deps)),
      {
        tag: 'column_set',
        flex_mode: 'flow',
        columns: buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [b] })),
      },
    ],
  };
}

/**
 * The inputs few people need, in a collapsed panel inside the form (card JSON 2.0 allows a
 * collapsible_panel in a form, not the reverse), so the submit button stays near the top. An error
 * on one of them opens it.
 */
function morePanel(form: Form, deps: FormRenderDeps): CardElement[] {
  const more = form.inputs.filter((i) => i.more);
  if (!more.length) return [];
  return [
    {
      tag: 'collapsible_panel',
      expanded: more.some((i) => form.errors?.[i.id]),
      header: {
        title: { tag: 'markdown', content: `**${deps.t('feishu.moreFields', { count: more.length })}**` },
        icon: { tag: 'standard_icon', token: 'down-small-ccm_outlined', size: '16px 16px' },
        icon_position: 'right',
        icon_expanded_angle: -180,
      },
      elements: more.flatMap((input) => renderInput(input, form.errors?.[input.id], deps)),
    },
  ];
}

/** A use case's error, escaped like any text, in red. */
const errorLine = (error: string, deps: FormRenderDeps): CardElement => ({
  tag: 'markdown',
  content: `<font color='red'>${toLarkMarkdown(error, deps.mentions)}</font>`,
});

/** `text` in parts of at most `size` characters (never inside a surrogate pair). */
export function textParts(text: string, size: number, count: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(chars.slice(i * size, (i + 1) * size).join(''));
  return out;
}

function renderInput(input: Input, error: string | undefined, deps: FormRenderDeps): CardElement[] {
  const md = feishuSerializer(deps.mentions);
  const plainOf = (text: string) => plain(toPlainText(text, deps.mentions));
  const label = serialize(boldTokens(parseMarkup(input.label)), md);
  const optional = input.optional ? ` ${md.text(deps.t('feishu.optional'), { lineStart: false })}` : '';
  const out: CardElement[] = [{ tag: 'markdown', content: `${label}${optional}` }];
  if (input.hint)
    out.push({ tag: 'markdown', content: toLarkMarkdown(input.hint, deps.mentions), text_size: 'notation' });
  if (input.kind === 'text' && (input.maxLength ?? FEISHU.inputMaxLength) > FEISHU.inputMaxLength) {
    // One product limit everywhere: more than an input holds is typed in consecutive parts.
    const count = Math.ceil(input.maxLength! / FEISHU.inputMaxLength);
    const parts = textParts(input.initial ?? '', FEISHU.inputMaxLength, count);
    parts.forEach((initial, i) => {
      if (i > 0)
        out.push({
          tag: 'markdown',
          content: md.text(deps.t('feishu.inputPart', { n: i + 1, total: count }), { lineStart: true }),
          text_size: 'notation',
        });
      const part: Input = {
        ...input,
        id: i === 0 ? input.id : `${input.id}${PART_SEPARATOR}${i + 1}`,
        optional: i > 0 ? true : input.optional,
        maxLength: FEISHU.inputMaxLength,
        ...(i > 0 ? { placeholder: undefined } : {}),
        initial: initial || undefined,
      };
      out.push(inputElement(part, plainOf, deps));
    });
  } else if (input.kind === 'multiselect' && input.checkboxes) {
    // One checker per choice: a click each, every choice in sight.
    for (const o of input.options)
      out.push({
        tag: 'checker',
        name: `${input.id}${CHECK_SEPARATOR}${o.value}`,
        checked: (input.initial ?? []).includes(o.value),
        text: plainOf(o.label),
      });
  } else if (input.kind === 'file') {
    // A card cannot carry a file: the person sends it in the chat (adapters/feishu/listeners/file.ts).
    out.push({ tag: 'markdown', content: md.text(deps.t('files.inChat'), { lineStart: true }), text_size: 'notation' });
  } else out.push(inputElement(input, plainOf, deps));
  if (input.kind === 'select' && input.search) {
    // The choice already made, by the name a reader knows (the input holds what the submit resolves).
    const chosen = input.options.find((o) => o.value === input.initial);
    if (chosen)
      out.push({ tag: 'markdown', content: toLarkMarkdown(chosen.label, deps.mentions), text_size: 'notation' });
  }
  if (error) out.push(errorLine(error, deps));
  return out;
}

function inputElement(
  input: Exclude<Input, { kind: 'file' }>,
  plain: (text: string) => { tag: 'plain_text'; content: string },
  deps: FormRenderDeps,
): CardElement {
  const required = !input.optional;
  const base = { name: input.id, required };
  switch (input.kind) {
    case 'text':
      return {
        tag: 'input',
        ...base,
        input_type: input.multiline ? 'multiline_text' : 'text',
        ...(input.multiline ? { rows: 3, auto_resize: true } : {}),
        ...(input.placeholder ? { placeholder: plain(input.placeholder) } : {}),
        ...(input.initial !== undefined ? { default_value: input.initial } : {}),
        max_length: Math.min(input.maxLength ?? FEISHU.inputMaxLength, FEISHU.inputMaxLength),
      };
    case 'number':
      // Feishu inputs have no numeric type; the use case validates and answers with a field error.
      return {
        tag: 'input',
        ...base,
        input_type: 'text',
        placeholder: plain(input.placeholder ?? rangeHint(input.min, input.max)),
        ...(input.initial !== undefined ? { default_value: input.initial } : {}),
        max_length: 32,
      };
    case 'select': {
      if (input.search) {
        // A card cannot ask us for options while it is open (select_static lists what the card
        // holds; select_person offers the chat's members or the open_ids listed, not our eligible
        // people). So the person types a name or an email and the submit resolves it: one exact
        // match is chosen, anything else comes back as an error naming who matches.
        return {
          tag: 'input',
          ...base,
          input_type: 'text',
          ...(input.placeholder ? { placeholder: plain(input.placeholder) } : {}),
          ...(input.initial ? { default_value: input.initial } : {}),
          max_length: SEARCH_MAX_LENGTH,
        };
      }
      if (isPersonSearch(input)) {
        const initial = input.initial ? deps.mentions(input.initial)?.openId : undefined;
        return {
          tag: 'select_person',
          ...base,
          ...(input.placeholder ? { placeholder: plain(input.placeholder) } : {}),
          ...(initial ? { initial_option: initial } : {}),
        };
      }
      return {
        tag: 'select_static',
        ...base,
        ...(input.placeholder ? { placeholder: plain(input.placeholder) } : {}),
        options: input.options.map((o) => ({ text: plain(o.label), value: o.value })),
        ...(input.initial !== undefined ? { initial_option: input.initial } : {}),
      };
    }
    case 'multiselect':
      return {
        tag: 'multi_select_static',
        ...base,
        ...(input.placeholder ? { placeholder: plain(input.placeholder) } : {}),
        options: input.options.map((o) => ({ text: plain(o.label), value: o.value })),
        ...(input.initial?.length ? { selected_values: input.initial } : {}),
      };
    case 'date':
      return { tag: 'date_picker', ...base, ...(input.initial ? { initial_date: input.initial } : {}) };
    case 'datetime':
      return {
        tag: 'picker_datetime',
        ...base,
        ...(input.initial ? { initial_datetime: input.initial.replace('T', ' ').slice(0, 16) } : {}),
      };
  }
}

const rangeHint = (min?: number, max?: number) =>
  min !== undefined && max !== undefined
    ? `${min} – ${max}`
    : min !== undefined
      ? `≥ ${min}`
      : max !== undefined
        ? `≤ ${max}`
        : '0';

/** The form with the submitted values as initial values, so a rejected submission keeps its input. */
export function withSubmittedValues(form: Form, values: Record<string, string | string[] | undefined>): Form {
  return {
    ...form,
    inputs: form.inputs.map((input): Input => {
      const v = values[input.id];
      if (v === undefined || input.kind === 'file') return input;
      if (input.kind === 'multiselect') return { ...input, initial: Array.isArray(v) ? v : [v] };
      return { ...input, initial: Array.isArray(v) ? v.join(',') : v };
    }),
  };
}
