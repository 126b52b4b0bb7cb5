/**
 * Structured logging, as the code outside the adapters sees it. The implementation (pino, with a
 * request or event id on every line and secrets and message bodies scrubbed) is
 * `adapters/logging.ts`; `src/` only receives a `Logger`.
 *
 * Log facts as fields, never message text or tokens: `log.warn({ outboxKey: row.key, error }, 'send failed')`.
 */
export interface LogFn {
  (fields: object, msg?: string): void;
  (msg: string): void;
}

export interface Logger {
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
  /** A logger whose every line carries `bindings` (e.g. `{ component: 'outbox', platform: 'slack' }`). */
  child(bindings: Record<string, unknown>): Logger;
}

const drop: LogFn = () => {};

/** For unit tests that compose a piece by hand; the composition root always passes a real logger. */
export const silentLogger: Logger = { error: drop, warn: drop, info: drop, debug: drop, child: () => silentLogger };
