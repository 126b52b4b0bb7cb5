/**
 * /healthz, /readyz and /metrics as `npm start` composes them (adapters/ops), with the real Slack
 * adapter against the fake Slack and the real Feishu long connection against the fake Feishu.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { SlackRequester } from '../support/fake-slack-requests.js';
import { loadConfig } from '../../src/config.js';
import { composeApp } from '../../adapters/compose.js';
import type { AdapterContext, RunningAdapter } from '../../adapters/context.js';
import { startOps } from '../../adapters/ops/index.js';
import { checkReadiness } from '../../adapters/ops/health.js';
import { startSlack } from '../../adapters/slack/index.js';
import { TEST_OPTIONS, SIGNING_SECRET, addPeople, person, waitFor } from '../adapters/slack/harness.js';
import { startFeishuHarness } from '../adapters/feishu/harness.js';

interface Running {
  db: TestDb;
  fake: FakeSlack;
  base: string;
  slackReq: SlackRequester;
  close(): Promise<void>;
}

async function startWithOps(yml: string, opts: { noSender?: boolean } = {}): Promise<Running> {
  const db = makeTestDb({ platforms: ['slack'] });
  const fake = await startFakeSlack();
  const file = join(db.dir, 'dandang.yml');
  writeFileSync(file, yml);
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    DANDANG_CONFIG: file,
    DANDANG_DB: db.file,
  });
  const app = await composeApp(config, { clock: db.clock, conn: db.conn });
  db.store = app.store;
  const running: RunningAdapter[] = [];
  const ops = await startOps(app, running);
  const ctx: AdapterContext = { ...app, queue: ops.queue, http: ops.http };
  running.push(await startSlack(ctx, { ...TEST_OPTIONS, noSender: opts.noSender }));
  const port = await ops.http.listen(0, '127.0.0.1');
  return {
    db,
    fake,
    base: `http://127.0.0.1:${port}`,
    slackReq: new SlackRequester(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake.url),
    async close() {
      for (const a of running) await a.stop();
      await ops.http.close();
      await fake.stop();
      db.cleanup();
    },
  };
}

const get = async (url: string) => {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text };
};

describe('operations endpoints', () => {
  let r: Running | undefined;
  afterEach(async () => {
    await r?.close();
    r = undefined;
  });

  it('/healthz answers JSON; /readyz is 200 with every check, then 503 when a message waits too long', async () => {
    r = await startWithOps('operations:\n  maxOutboxAgeSeconds: 60\n', { noSender: true });
    const health = await get(`${r.base}/healthz`);
    expect(health.status).toBe(200);
    expect(health.type).toMatch(/application\/json/);
    expect(JSON.parse(health.text)).toMatchObject({ status: 'ok' });

    const ready = await get(`${r.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({
      ready: true,
      database: { ok: true },
      connections: { slack: { ok: true } },
      outbox: { slack: { ok: true, depth: 0 } },
    });

    // A nudge nobody sends (no sender in this process), two minutes later.
    const db = r.db;
    addPeople(r, [person({ id: 'mia' })]);
    db.store.tx((tx) =>
      tx.outbox.post({ key: 'nudge:1:mia', to: { person: 'mia' }, message: { text: 'x', blocks: [] } }),
    );
    db.clock.advance(120_000);
    const late = await get(`${r.base}/readyz`);
    expect(late.status).toBe(503);
    expect(JSON.parse(late.text)).toMatchObject({
      ready: false,
      outbox: { slack: { ok: false, depth: 1, oldestAgeSeconds: 120 } },
    });

    // /metrics is off unless enabled.
    expect((await get(`${r.base}/metrics`)).status).toBe(404);
  });

  it('/readyz reports a database that cannot be written', async () => {
    const db = makeTestDb({ platforms: ['slack'] });
    try {
      const readonly = new Database(db.file, { readonly: true });
      const deps = {
        queue: { stats: () => [] },
        clock: db.clock,
        platforms: [] as const,
        adapters: [],
        maxOutboxAgeMs: 60_000,
      };
      expect(checkReadiness({ ...deps, conn: { sqlite: db.conn.sqlite } })).toMatchObject({
        ready: true,
        database: { ok: true },
      });
      expect(checkReadiness({ ...deps, conn: { sqlite: readonly } })).toMatchObject({
        ready: false,
        database: { ok: false },
      });
      readonly.close();
    } finally {
      db.cleanup();
    }
  });

  it('/readyz follows the Feishu long connection down and up', async () => {
    const h = await startFeishuHarness({ mode: 'ws' });
    try {
      const deps = {
        conn: h.db.conn,
        queue: h.ctx.queue,
        clock: h.db.clock,
        platforms: ['feishu'] as const,
        adapters: [h.feishu],
        maxOutboxAgeMs: 60_000,
      };
      expect(checkReadiness(deps)).toMatchObject({ ready: true, connections: { feishu: { ok: true } } });
      h.fake.failPath('/callback/ws/endpoint', 500, 3);
      h.fake.dropConnections();
      await waitFor(() => !checkReadiness(deps).ready, 'the connection to be reported down');
      expect(checkReadiness(deps).connections.feishu!.detail).toMatch(/long connection/);
      await waitFor(() => checkReadiness(deps).ready, 'the connection to be reported up again', 30_000);
    } finally {
      await h.close();
    }
  });

  it('/metrics (when enabled) counts sends, 429s and failures, request latency per route, and the event loop', async () => {
    r = await startWithOps('operations:\n  metrics: true\n');
    const run = r;
    addPeople(run, [person({ id: 'mia' }), person({ id: 'ben' })]);
    run.fake.rateLimitNext('chat.postMessage', 1, 0);
    run.fake.failNext('chat.postMessage', 'channel_not_found', 0);
    run.db.store.tx((tx) => {
      tx.outbox.post({ key: 'nudge:1:mia', to: { person: 'mia' }, message: { text: 'x', blocks: [] } });
    });
    await waitFor(
      () =>
        (run.db.conn.sqlite.prepare(`select status from outbox where key = 'nudge:1:mia'`).get() as { status: string })
          .status === 'sent',
      'the nudge to be sent after the 429',
    );
    run.fake.failNext('chat.postMessage', 'channel_not_found');
    run.db.store.tx((tx) => {
      tx.outbox.post({ key: 'nudge:1:ben', to: { person: 'ben' }, message: { text: 'x', blocks: [] } });
    });
    await waitFor(
      () =>
        (run.db.conn.sqlite.prepare(`select status from outbox where key = 'nudge:1:ben'`).get() as { status: string })
          .status === 'failed',
      'the refused nudge to fail',
    );
    await run.slackReq.slashCommand('UMIA', '/dandang', 'help');

    const m = await get(`${run.base}/metrics`);
    expect(m.status).toBe(200);
    expect(m.type).toMatch(/text\/plain/);
    expect(m.text).toMatch(/^dandang_outbox_sent_total\{platform="slack"\} 1$/m);
    expect(m.text).toMatch(/^dandang_outbox_rate_limited_total\{platform="slack"\} 1$/m);
    expect(m.text).toMatch(/^dandang_outbox_failures_total\{platform="slack",kind="permanent"\} 1$/m);
    expect(m.text).toMatch(/^dandang_outbox_depth\{platform="slack"\} 0$/m);
    expect(m.text).toMatch(/^dandang_outbox_oldest_age_seconds\{platform="slack"\} 0$/m);
    expect(m.text).toMatch(
      /^dandang_http_request_duration_seconds_count\{route="\/slack",method="POST",status="200"\} 1$/m,
    );
    expect(m.text).toMatch(/^dandang_nodejs_eventloop_lag_p99_seconds \d/m);
    expect(m.text).toMatch(/^# TYPE dandang_scheduler_tick_duration_seconds histogram$/m);
  });
});
