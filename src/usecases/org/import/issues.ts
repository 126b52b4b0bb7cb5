import { fail } from '../../result.js';
import type { T } from '../../../ui/i18n/index.js';
import { textProblem, type TextKind } from '../../../domain/text.js';
import { textProblemMessage } from '../../shared/text-errors.js';

/** One problem in an imported file, located the way an editor shows it (header = line 1). */
export interface ImportIssue {
  line: number;
  /** Column or YAML path (`jobs[1].kpis[0].target`); empty for a file-level problem. */
  field: string;
  message: string;
}

/** `people.csv:7: manager_id: unknown manager "m9"` — the form editors and CI logs can jump to. */
export function formatIssue(file: string, i: ImportIssue): string {
  return `${file}:${i.line}: ${i.field ? `${i.field}: ` : ''}${i.message}`;
}

export const byLine = (a: ImportIssue, b: ImportIssue) => a.line - b.line || a.field.localeCompare(b.field);

// Constructing an Intl formatter costs ~0.1 ms; a 50,000-row file names a handful of zones.
const zoneValidity = new Map<string, boolean>();
export const isValidTimezone = (tz: string): boolean => {
  let valid = zoneValidity.get(tz);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      valid = true;
    } catch {
      valid = false;
    }
    zoneValidity.set(tz, valid);
  }
  return valid;
};

/**
 * An imported text held to the product's limits (src/domain/text.ts): too long, or holding a
 * control character (a NUL byte, a line break in a name), is an issue on that line and field.
 */
export function textIssue(
  t: T,
  line: number,
  field: string,
  value: string | null | undefined,
  kind: TextKind,
): ImportIssue[] {
  const p = value ? textProblem(value, kind) : null;
  return p ? [{ line, field, message: textProblemMessage(t, p) }] : [];
}

/** The failure every import returns for a bad file: the issues ride in `detail.issues`. */
export function invalid(issues: ImportIssue[], t: T) {
  return fail('INVALID_INPUT', t('import.failed', { count: issues.length }), { detail: { issues } });
}

/** The per-line problems of a failed import (empty for other failures). */
export function importIssues(f: { detail?: unknown }): ImportIssue[] {
  const d = f.detail as { issues?: ImportIssue[] } | undefined;
  return d?.issues ?? [];
}
