/**
 * The one place a use case's Result becomes a Reply. A failure with field errors goes back into the
 * open form; any other failure is an error message; a success becomes whatever `onOk` says.
 */
import type { Form, Message, Option, Reply } from '../ui/model.js';
import type { Failure, Result } from '../usecases/result.js';
import { t } from '../ui/i18n/index.js';
import type { Locale } from '../ports/records.js';

export function failureReply(f: Failure): Reply {
  if (f.fieldErrors && Object.keys(f.fieldErrors).length) return { kind: 'formErrors', errors: f.fieldErrors };
  return f.actions?.length
    ? { kind: 'error', code: f.code, text: f.message, actions: f.actions }
    : { kind: 'error', code: f.code, text: f.message };
}

export function replyOf<T>(r: Result<T>, onOk: (value: T) => Reply): Reply {
  return r.ok ? onOk(r.value) : failureReply(r);
}

/** A use case that opens a form. */
export const formReply = (r: Result<Form>): Reply => replyOf(r, (form) => ({ kind: 'form', form }));
/** A use case whose answer is a message only its caller sees. */
export const messageReply = (r: Result<Message>): Reply => replyOf(r, (message) => ({ kind: 'ok', message }));
/**
 * What a write answers: one line confirming it (a toast), and optionally a message its caller keeps
 * (a summary, next-step buttons).
 */
export interface Confirmation {
  confirmation: string;
  followUp?: Message;
}
const confirmed = (v: Confirmation): Reply =>
  v.followUp ? { kind: 'ok', toast: v.confirmation, message: v.followUp } : { kind: 'ok', toast: v.confirmation };

/** A use case that confirms what it did in one line (and may leave a follow-up message). */
export const toastReply = (r: Result<Confirmation>): Reply => replyOf(r, confirmed);
/** A write that goes on in another form when there is one (`next`), else confirms what it did. */
export const nextFormReply = (r: Result<{ next: Form } | Confirmation>): Reply =>
  replyOf(r, (v) => ('next' in v ? { kind: 'form', form: v.next } : confirmed(v)));

/**
 * A search field's options. A refusal shows as no options: the field has nowhere to show a message,
 * and a person who may not fill the form learns nothing from it.
 */
export const suggestionsOf = (r: Result<Option[]>): Option[] => (r.ok ? r.value : []);

/** The reply to a button or form state that names nothing we know (tampered or stale). */
export const notFoundReply = (locale: Locale): Reply => ({
  kind: 'error',
  code: 'NOT_FOUND',
  text: t(locale, 'common.notFound'),
});

/**
 * A record id from an untrusted button value or form state (`"42"`, `"#42"`). Anything else is
 * NaN, which matches no row, so the use case answers "not found".
 */
export function parseId(raw: string | undefined): number {
  const s = (raw ?? '').trim().replace(/^#/, '');
  if (!/^\d{1,15}$/.test(s)) return Number.NaN;
  const n = Number(s);
  return n > 0 ? n : Number.NaN;
}

/**
 * For a command or a button, where no form is open to show field errors in: the failure is said by
 * its message (the use case writes it to name what each field needs), not as errors for inputs the
 * person cannot see.
 */
export function outsideForm<T>(r: Result<T>): Result<T> {
  if (r.ok || !r.fieldErrors) return r;
  const { fieldErrors: _shownInAForm, ...failure } = r;
  return failure;
}
