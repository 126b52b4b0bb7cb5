/**
 * Readers of submitted form values (`FormValues` are untrusted strings or string arrays). The one
 * home of this parsing, so "the value of a field" means the same in every use case.
 */
import type { FormValues } from './model.js';

/** One field as trimmed text ('' when absent); a multiselect's values are joined with commas. */
export function textValue(v: FormValues, id: string): string {
  const x = v[id];
  return (Array.isArray(x) ? x.join(',') : (x ?? '')).trim();
}

/** One field as a list: a multiselect's values, or a comma-separated text, without blanks. */
export function listValue(v: FormValues, id: string): string[] {
  const x = v[id];
  const items = Array.isArray(x) ? x : (x ?? '').split(',');
  return items.map((s) => s.trim()).filter(Boolean);
}

/** A checkbox or a yes/no select: true only for an explicit yes. */
export const isChecked = (v: FormValues, id: string): boolean =>
  ['yes', 'true', 'on'].includes(textValue(v, id).toLowerCase());

/**
 * A free-text field exactly as typed, untrimmed ('' when absent; a list's lines joined): for text
 * stored verbatim, such as an employee's dispute comment that may be quoted as written.
 */
export function verbatimText(v: FormValues, id: string): string {
  const x = v[id];
  return Array.isArray(x) ? x.join('\n') : (x ?? '');
}
