import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliText } from '../support/cli.js';
import { openDatabase } from '../../db/client.js';
import { makeStore } from '../../db/store.js';
import { makeOutboxQueue } from '../../db/repos/outbox.js';
import { ManualClock } from '../../src/ports/clock.js';
import { seedOrg } from '../support/org.js';

/** `npm run dandang -- outbox status | retry`, in-process, on a real database file. */
describe('dandang outbox', () => {
  let dir: string;
  let env: Record<string, string>;
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z').getTime());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dandang-outbox-cli-'));
    env = {
      DANDANG_DB: join(dir, 'dandang.db'),
      DANDANG_CONFIG: join(dir, 'dandang.yml'),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (args: string[]) => runCliText(args, env, clock);

  /** Three nudges queued 2 h ago; two were set aside (one may have been delivered), one still waits. */
  function seed(): void {
    const conn = openDatabase(env.DANDANG_DB!);
    try {
      const store = makeStore(conn, clock, { platforms: ['slack'], defaultLocale: 'en' });
      seedOrg(store, { people: ['ann', 'bob', 'cy'].map((id) => ({ id, slackId: `U${id.toUpperCase()}` })) });
      clock.advance(-2 * 3_600_000);
      store.tx((tx) => {
        for (const id of ['ann', 'bob', 'cy'])
          tx.outbox.post({ key: `nudge:1:${id}`, to: { person: id }, message: { text: 'Due', blocks: [] } });
      });
      clock.advance(2 * 3_600_000);
      const queue = makeOutboxQueue(conn.db);
      for (const row of queue.due('slack', clock.now(), 2)) {
        queue.markSending(row.id, Date.now());
        queue.markFailed(row.id, `http_503 (gave up after 40 attempts over 24.0 h)`, clock.now() - 60_000, true);
      }
    } finally {
      conn.close();
    }
  }

  it('status lists what waits and what was set aside, with why and how to send it again', async () => {
    expect(await cli(['outbox', 'status'])).toMatchObject({
      code: 0,
      out: 'The outbox is empty: nothing waiting, nothing set aside.',
    });
    seed();
    const r = await cli(['outbox', 'status']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('slack: 1 waiting (oldest 2.0 h), 2 set aside');
    expect(r.out).toContain('  slack nudge:1:bob → UBOB, 1 min ago: http_503 (gave up after 40 attempts over 24.0 h)');
    expect(r.out).toContain('npm run dandang -- outbox retry');
  });

  it('retry re-queues set-aside rows (by platform or key prefix) for the bot to send again', async () => {
    seed();
    expect((await cli(['outbox', 'retry', '--platform', 'feishu'])).out).toBe(
      'Nothing to re-queue (feishu): no message is set aside.',
    );
    const r = await cli(['outbox', 'retry', '--key', 'nudge:1:']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/^Re-queued 2 message\(s\) \(keys starting with "nudge:1:"\)\./);
    expect((await cli(['outbox', 'status'])).out).toContain('slack: 3 waiting (oldest 2.0 h), 0 set aside');
  });

  it('a bad option exits 2 with the usage, and help lists both commands', async () => {
    const bad = await cli(['outbox', 'retry', '--platform', 'teams']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Unknown or incomplete option "--platform teams".');
    expect(bad.err).toContain('Usage: npm run dandang -- outbox retry');
    expect((await cli(['outbox'])).code).toBe(2);
    const help = await cli(['help']);
    expect(help.out).toContain('outbox status');
    expect(help.out).toContain('outbox retry');
  });
});
