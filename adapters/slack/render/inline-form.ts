/**
 * A `form` block inside a message (Feishu and the local workspace show it inline) becomes a button
 * on Slack that opens the form as a modal. The button value carries the whole form, deflated and
 * base64url-encoded, because there is no other place to keep it; Slack caps a value at 2,000 chars.
 * The form it opens is only a view: the submission is validated and authorized again by its use case.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Form } from '../../../src/ui/model.js';

/** Slack-only action id: not a feature action, so it is not in src/ui/actions.ts. */
export const OPEN_INLINE_FORM = 'slack.open_inline_form';
export const MAX_BUTTON_VALUE = 2000;

export function encodeInlineForm(form: Form): string | null {
  const { errors: _ignored, ...rest } = form;
  const value = deflateRawSync(Buffer.from(JSON.stringify(rest))).toString('base64url');
  return value.length <= MAX_BUTTON_VALUE ? value : null;
}

/** Null for anything that is not a form we encoded (the value is untrusted input). */
export function decodeInlineForm(value: string): Form | null {
  try {
    const form = JSON.parse(
      inflateRawSync(Buffer.from(value, 'base64url'), { maxOutputLength: 1_000_000 }).toString('utf8'),
    ) as Form;
    return form && typeof form.formId === 'string' && Array.isArray(form.inputs) ? form : null;
  } catch {
    return null;
  }
}
