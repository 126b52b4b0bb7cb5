/**
 * Typed text checked against the product's limits (src/domain/text.ts), as the localised error
 * shown next to the input. Every use case that stores text from a form calls this for its fields,
 * so a limit is the same on every platform and nothing over it is written.
 */
import type { T } from '../../ui/i18n/index.js';
import type { FormValues } from '../../ui/model.js';
import { verbatimText } from '../../ui/form-values.js';
import { textProblem, type TextKind, type TextProblem } from '../../domain/text.js';

/** What is wrong with a text, in the reader's words. */
export function textProblemMessage(t: T, p: TextProblem): string {
  switch (p.kind) {
    case 'tooLong':
      return t('common.text.tooLong', {
        max: p.max.toLocaleString('en-US'),
        length: p.length.toLocaleString('en-US'),
      });
    case 'control':
      return t('common.text.control', { position: p.position });
    case 'lineBreak':
      return t('common.text.lineBreak', { position: p.position });
  }
}

/** The error of one text, or null when it is within its kind's limits. */
export function textError(t: T, value: string, kind: TextKind): string | null {
  const p = textProblem(value, kind);
  return p ? textProblemMessage(t, p) : null;
}

/** Errors by input id for the text inputs of a form (`fields`: input id → kind). */
export function textFieldErrors(t: T, values: FormValues, fields: Record<string, TextKind>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [id, kind] of Object.entries(fields)) {
    const error = textError(t, verbatimText(values, id), kind);
    if (error) errors[id] = error;
  }
  return errors;
}
