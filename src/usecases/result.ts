/**
 * Expected failures are values, not exceptions. `src/app/reply.ts` turns them into a form's inline
 * errors, an ephemeral message or a toast. Exceptions are for bugs and I/O.
 */
import type { Button } from '../ui/model.js';

export type ErrorCode = 'NOT_AUTHORIZED' | 'NOT_FOUND' | 'INVALID_INPUT' | 'EVIDENCE_MISSING' | 'CONFLICT' | 'BLOCKED';

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** Human-readable, already localised for the actor. */
  message: string;
  /** For INVALID_INPUT: input id → localised error, shown inline in the form. */
  fieldErrors?: Record<string, string>;
  /** Machine-readable detail (e.g. the list of missing evidence items). */
  detail?: unknown;
  /**
   * What unblocks the refused action, as buttons the person can press right there (e.g. "Mark the
   * plan complete" under "Record the reassessment after the plan is complete"). The message names
   * the same action, so a platform that cannot show the buttons still says what to do.
   */
  actions?: Button[];
}

/**
 * What every use case returns: data or a Failure. Not a conditional type, so it never distributes
 * over a union `T` (a `Result<A | B>` is one success branch holding `A | B`).
 */
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = (
  code: ErrorCode,
  message: string,
  extra: Partial<Pick<Failure, 'fieldErrors' | 'detail' | 'actions'>> = {},
): Failure => ({
  ok: false,
  code,
  message,
  ...extra,
});
/** INVALID_INPUT with errors keyed by input id, or null when there are none. */
export const invalid = (message: string, fieldErrors: Record<string, string>): Failure | null =>
  Object.keys(fieldErrors).length ? fail('INVALID_INPUT', message, { fieldErrors }) : null;
