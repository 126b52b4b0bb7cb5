/**
 * Form → the inline `form` container of a card JSON 2.0 (Feishu has no modals). Every input gets a
 * markdown label above it and, when the use case rejected it, a red error line below it; errors for
 * no input of the form are listed above the buttons, so none is lost. The submit
 * button's callback value carries the form itself, so a rejected submission can be re-rendered with
 * its errors after a restart too (it is untrusted: only display is built from it).
 */
import type { Form, Input } from '../../../src/ui/model.js';
import type { T } from '../../../src/ui/i18n/index.js';
import { boldTokens, parseMarkup, serialize } from '../../../src/ui/markup.js';
import { feishuSerializer, plain, toLarkMarkdown, toPlainText, type MentionLookup } from './markup.js';
import type { CardElement } from './card.js';

/** What the submit button sends back in `action.value`. */
export interface SubmitValue {
  f: string;
  s: string;
  form: Form;
}

export interface FormRenderDeps {
  t: T;
  mentions: MentionLookup;
  /** Renders the read-only intro blocks (shared with the message renderer). */
  renderIntro: (form: Form) => CardElement[];
}

export function renderFormContainer(form: Form, deps: FormRenderDeps): CardElement {
  const { errors, ...withoutErrors } = form;
  const plainOf = (text: string) => plain(toPlainText(text, deps.mentions));
  const submit: CardElement = {
    tag: 'button',
    name: 'submit',
    text: plainOf(form.submitLabel),
    type: 'primary',
    form_action_type: 'submit',
    behaviors: [
      { type: 'callback', value: { f: form.formId, s: form.state, form: withoutErrors } satisfies SubmitValue },
    ],
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
      ...form.inputs.flatMap((input) => renderInput(input, errors?.[input.id], deps)),
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

/** A use case's error, escaped like any text, in red. */
const errorLine = (error: string, deps: FormRenderDeps): CardElement => ({
  tag: 'markdown',
  content: `<font color='red'>${toLarkMarkdown(error, deps.mentions)}</font>`,
});

function renderInput(input: Input, error: string | undefined, deps: FormRenderDeps): CardElement[] {
  const md = feishuSerializer(deps.mentions);
  const label = serialize(boldTokens(parseMarkup(input.label)), md);
  const optional = input.optional ? ` ${md.text(deps.t('feishu.optional'), { lineStart: false })}` : '';
  const out: CardElement[] = [{ tag: 'markdown', content: `${label}${optional}` }];
  if (input.hint)
    out.push({ tag: 'markdown', content: toLarkMarkdown(input.hint, deps.mentions), text_size: 'notation' });
  out.push(inputElement(input, (text) => plain(toPlainText(text, deps.mentions))));
  if (error) out.push(errorLine(error, deps));
  return out;
}

function inputElement(input: Input, plain: (text: string) => { tag: 'plain_text'; content: string }): CardElement {
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
        ...(input.maxLength ? { max_length: input.maxLength } : {}),
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
    case 'select':
      return {
        tag: 'select_static',
        ...base,
        ...(input.placeholder ? { placeholder: plain(input.placeholder) } : {}),
        options: input.options.map((o) => ({ text: plain(o.label), value: o.value })),
        ...(input.initial !== undefined ? { initial_option: input.initial } : {}),
      };
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
      if (v === undefined) return input;
      if (input.kind === 'multiselect') return { ...input, initial: Array.isArray(v) ? v : [v] };
      return { ...input, initial: Array.isArray(v) ? v.join(',') : v };
    }),
  };
}
