/**
 * `outbox status` and `outbox retry`: what is waiting or set aside per platform, and sending the
 * set-aside rows again once the cause is fixed. A running bot picks re-queued rows up at its next
 * poll (half a second); otherwise they go out at the next start. A row that may already have been
 * delivered is looked for on the platform before it is sent again.
 */
import { makeOutboxQueue } from '../../db/repos/outbox.js';
import type { Platform } from '../../src/ports/records.js';
import { EXIT_OK, EXIT_USAGE, type CliCommand } from './context.js';

export const USAGE_OUTBOX = [
  'Usage: npm run dandang -- outbox status [--platform slack|feishu|local]',
  "  Messages waiting per platform (and the oldest one's age), and the latest ones set aside with why.",
  'Usage: npm run dandang -- outbox retry [--platform slack|feishu|local] [--key <prefix>]',
  '  Sends set-aside messages again (all, one platform, or keys starting with <prefix>, e.g. nudge:).',
].join('\n');

const PLATFORMS: readonly Platform[] = ['slack', 'feishu', 'local'];
const SHOWN_FAILURES = 20;

function parseOptions(args: string[]): { platform?: Platform; keyPrefix?: string } | string {
  const out: { platform?: Platform; keyPrefix?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--platform' && value && (PLATFORMS as readonly string[]).includes(value))
      out.platform = value as Platform;
    else if (flag === '--key' && value) out.keyPrefix = value;
    else return `Unknown or incomplete option "${flag ?? ''}${value ? ` ${value}` : ''}".`;
    i++;
  }
  return out;
}

const age = (ms: number) =>
  ms < 60_000
    ? `${Math.round(ms / 1000)} s`
    : ms < 3_600_000
      ? `${Math.round(ms / 60_000)} min`
      : `${(ms / 3_600_000).toFixed(1)} h`;

export const outboxCommand: CliCommand = async ([sub, ...rest], ctx) => {
  const opts = parseOptions(rest);
  if ((sub !== 'status' && sub !== 'retry') || typeof opts === 'string' || (sub === 'status' && opts.keyPrefix)) {
    ctx.err(`${typeof opts === 'string' ? `${opts}\n` : ''}${USAGE_OUTBOX}`);
    return EXIT_USAGE;
  }
  const queue = makeOutboxQueue(ctx.conn.db, ctx.conn.sealer);
  const now = ctx.clock.now();
  if (sub === 'retry') {
    const n = queue.requeueFailed({ ...opts, now });
    const scope = [opts.platform, opts.keyPrefix && `keys starting with "${opts.keyPrefix}"`]
      .filter(Boolean)
      .join(', ');
    ctx.out(
      n
        ? `Re-queued ${n} message(s)${scope ? ` (${scope})` : ''}. A running bot sends them within a second; otherwise they go out at the next start.`
        : `Nothing to re-queue${scope ? ` (${scope})` : ''}: no message is set aside.`,
    );
    return EXIT_OK;
  }
  const stats = queue.stats(now).filter((s) => !opts.platform || s.platform === opts.platform);
  if (!stats.length) ctx.out('The outbox is empty: nothing waiting, nothing set aside.');
  for (const s of stats)
    ctx.out(
      `${s.platform}: ${s.depth} waiting${s.depth ? ` (oldest ${age(s.oldestAgeMs)})` : ''}, ${s.failed} set aside`,
    );
  const failed = queue.failedRows({ platform: opts.platform, limit: SHOWN_FAILURES });
  if (failed.length) {
    ctx.out(`\nSet aside (latest ${failed.length}):`);
    for (const f of failed)
      ctx.out(
        `  ${f.platform} ${f.key} → ${f.address}${f.failedAt ? `, ${age(now - f.failedAt)} ago` : ''}: ${f.error ?? 'no reason recorded'}`,
      );
    ctx.out('\nFix the cause, then: npm run dandang -- outbox retry [--platform <p>] [--key <prefix>]');
  }
  return EXIT_OK;
};
