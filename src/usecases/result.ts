/**
 * Expected failures are values, not exceptions. Adapters turn them into a modal field error, an
 * ephemeral message or a toast. Exceptions are for bugs and I/O.
 */
export type ErrorCode =
  | 'NOT_AUTHORIZED'
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'EVIDENCE_MISSING'
  | 'CONFLICT'
  | 'BLOCKED';

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** Human-readable, already localised for the actor. */
  message: string;
  /** For INVALID_INPUT: input id → localised error, shown inline in the form. */
  fieldErrors?: Record<string, string>;
  /** Machine-readable detail (e.g. the list of missing evidence items). */
  detail?: unknown;
}

export type Result<T = undefined> = ({ ok: true } & (T extends undefined ? { value?: T } : { value: T })) | Failure;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const done: { ok: true; value: undefined } = { ok: true, value: undefined };
export const fail = (code: ErrorCode, message: string, extra: Partial<Pick<Failure, 'fieldErrors' | 'detail'>> = {}): Failure => ({
  ok: false,
  code,
  message,
  ...extra,
});
