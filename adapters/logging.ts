/**
 * The process's logger (pino): JSON lines in production, pretty in a terminal. Every line carries
 * the id of what it is about: `reqId` for an HTTP request, `eventId` for a platform event (Socket
 * Mode, the Feishu long connection), `tickId` for a scheduler tick, `outboxKey` for a send; lines
 * outside all of those (start, stop) carry `phase`. Every argument is scrubbed (./log-scrub.ts):
 * no token, secret or message body reaches a line.
 *
 * The SDKs log through it too (`boltLogger`, `larkLogger`), so their errors are scrubbed the same
 * way: the Lark SDK logs a failed token call with `app_secret` in it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Level, type LevelWithSilent } from 'pino';
import type { Logger } from '../src/ports/logger.js';
import type { Config } from '../src/config.js';
import { makeScrubber, type Scrub } from './log-scrub.js';

export type { Logger } from '../src/ports/logger.js';

type LogIds = Record<string, string>;
const context = new AsyncLocalStorage<LogIds>();

/** Runs `fn` with `ids` (e.g. `{ reqId }`) on every line it logs, across awaits. */
export function withLogContext<T>(ids: LogIds, fn: () => T): T {
  return context.run({ ...context.getStore(), ...ids }, fn);
}

/**
 * A short id for a request, an event or a tick: this process's random prefix and a counter. Unique
 * across processes and restarts like a random id, without a call into the system's random source
 * on every request.
 */
const LOG_ID_PREFIX = randomBytes(4).toString('hex');
let logIdSeq = 0;
export const newLogId = (): string => `${LOG_ID_PREFIX}${(++logIdSeq).toString(36)}`;

/** Tests and the bench route every logger to one place (a capture, or nowhere) at one level. */
export interface LoggingOverride {
  level: LevelWithSilent;
  destination?: DestinationStream;
}
let override: LoggingOverride | null = null;
export function overrideLogging(o: LoggingOverride | null): void {
  override = o;
}

/** Every secret the configuration holds: removed from any string logged. */
export function secretsOf(config: Config): string[] {
  const e = config.env;
  return [
    e.SLACK_BOT_TOKEN,
    e.SLACK_SIGNING_SECRET,
    e.SLACK_APP_TOKEN,
    e.FEISHU_APP_SECRET,
    e.FEISHU_VERIFICATION_TOKEN,
    e.FEISHU_ENCRYPT_KEY,
    e.DANDANG_API_TOKEN,
    config.protection.dataKey?.toString('base64'),
    config.protection.dataKey?.toString('hex'),
    config.protection.auditKey?.toString('base64'),
    config.protection.auditKey?.toString('hex'),
  ].filter((s): s is string => !!s);
}

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** `json` (default when stdout is not a terminal) or `pretty`. */
  format?: 'json' | 'pretty';
  secrets?: readonly string[];
  /** Where lines go: stdout by default; the CLI logs to stderr so its own output stays clean. */
  to?: 'stdout' | 'stderr';
}

export function makeLogger(opts: LoggerOptions = {}): Logger {
  const scrub = makeScrubber(opts.secrets ?? []);
  const fd = opts.to === 'stderr' ? 2 : 1;
  const level = override?.level ?? opts.level ?? 'info';
  const pretty = !override && (opts.format ?? (process.stdout.isTTY ? 'pretty' : 'json')) === 'pretty';
  const destination = override?.destination ?? (pretty ? prettyStream(fd) : pino.destination({ dest: fd, sync: true }));
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => context.getStore() ?? { phase: 'process' },
      hooks: { logMethod: scrubbingLogMethod(scrub) },
    },
    destination,
  );
}

/** From the configuration: LOG_LEVEL, LOG_FORMAT, and every secret it holds. */
export function loggerFor(config: Config, to: LoggerOptions['to'] = 'stdout'): Logger {
  return makeLogger({
    level: config.env.LOG_LEVEL,
    format: config.env.LOG_FORMAT,
    secrets: secretsOf(config),
    to,
  });
}

function prettyStream(fd: number): DestinationStream {
  // Loaded only for a terminal: pino-pretty is not needed in production.
  const require = createRequire(import.meta.url);
  const pinoPretty = require('pino-pretty') as (o: object) => DestinationStream;
  return pinoPretty({ destination: fd, sync: true, colorize: true, ignore: 'phase', translateTime: 'SYS:HH:MM:ss' });
}

function scrubbingLogMethod(scrub: Scrub) {
  return function (this: unknown, args: unknown[], method: (...a: unknown[]) => void): void {
    const [first, ...rest] = args;
    // An Error first is pino's `log.error(err, msg)`: keep it under `err`, scrubbed.
    const head = first instanceof Error ? { err: scrub(first) } : scrub(first);
    method.apply(this, [head, ...rest.map(scrub)]);
  };
}

type LevelName = 'error' | 'warn' | 'info' | 'debug';

/** The Lark SDK's logger shape: every call is scrubbed and goes to our logger. */
export function larkLogger(log: Logger) {
  const sdk = log.child({ sdk: 'lark' });
  const line =
    (level: LevelName) =>
    (...msg: unknown[]) =>
      sdk[level]({ sdkArgs: msg }, 'lark sdk');
  return { error: line('error'), warn: line('warn'), info: line('info'), debug: line('debug'), trace: line('debug') };
}

/** Bolt's and @slack/web-api's logger shape (@slack/logger's Logger). */
export function boltLogger(log: Logger, name = 'slack') {
  let sdk = log.child({ sdk: name });
  let level = 'info';
  const line =
    (l: LevelName) =>
    (...msg: unknown[]) =>
      sdk[l]({ sdkArgs: msg }, `${name} sdk`);
  return {
    error: line('error'),
    warn: line('warn'),
    info: line('info'),
    debug: line('debug'),
    // Our own level decides what is written; the SDK's setLevel only records what it asked for.
    setLevel: (l: string) => void (level = l),
    getLevel: () => level as never,
    setName: (n: string) => void (sdk = log.child({ sdk: n })),
  };
}

export type { Level };
