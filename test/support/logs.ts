/**
 * The tests' logging (installed for every test file by ./log-setup.ts): every logger the tests
 * compose writes warnings and errors to the captures opened with `captureLogs()`, and to stderr
 * only when DANDANG_TEST_LOG names a level (then every line at that level, the SDKs' included:
 * test/ops/log-secrets.test.ts runs the adapter suite with DANDANG_TEST_LOG=trace).
 */
import type { LevelWithSilent } from 'pino';
import type { LoggingOverride } from '../../adapters/logging.js';

const captures = new Set<(line: string) => void>();

export function testLogging(): LoggingOverride {
  const level = (process.env.DANDANG_TEST_LOG ?? 'warn') as LevelWithSilent;
  const toStderr = !!process.env.DANDANG_TEST_LOG;
  return {
    level,
    destination: {
      write(line: string) {
        for (const c of captures) c(line);
        if (toStderr) process.stderr.write(line);
      },
    },
  };
}

export interface CapturedLogs {
  /** Each warning or error as `msg` followed by its fields as JSON, in order. */
  lines(): string[];
  stop(): void;
}

/** Collects the log lines written from now on (warn and above, unless DANDANG_TEST_LOG says more). */
export function captureLogs(): CapturedLogs {
  const raw: string[] = [];
  const sink = (line: string) => void raw.push(line);
  captures.add(sink);
  return {
    lines: () =>
      raw.map((l) => {
        const { msg, ...fields } = JSON.parse(l) as { msg?: string };
        return `${msg ?? ''} ${JSON.stringify(fields)}`;
      }),
    stop: () => void captures.delete(sink),
  };
}
