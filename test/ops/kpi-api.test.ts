/**
 * POST /api/v1/kpi-actuals as `npm start` serves it (adapters/ops composes the shared server):
 * off without DANDANG_API_TOKEN, a bearer token, a 422 naming the failing row, idempotent resends,
 * and 429 with Retry-After over the rate limit.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { loadConfig } from '../../src/config.js';
import { composeApp } from '../../adapters/compose.js';
import { startOps } from '../../adapters/ops/index.js';
import { startLocal } from '../../adapters/local/index.js';
import { makeImportJobs } from '../../src/usecases/org/import-jobs.js';
import { makeImportOrg } from '../../src/usecases/org/import-org.js';
import { defaultSettings, example } from '../usecases/import/support.js';

const TOKEN = 'feed-token-0123456789abcdef0123456789';

let running: { db: TestDb; base: string; close(): Promise<void> } | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function start(
  env: Record<string, string>,
  yml = '',
  opts: { local?: boolean } = {},
): Promise<{ db: TestDb; base: string }> {
  const db = makeTestDb({ now: '2026-11-23T09:00:00Z' });
  const settings = defaultSettings();
  await makeImportJobs({ store: db.store, clock: db.clock, settings })({ yaml: example('jobs.yml') });
  await makeImportOrg({ store: db.store, clock: db.clock, settings })({ csv: example('people.csv') });
  const file = join(db.dir, 'dandang.yml');
  writeFileSync(file, yml);
  const config = loadConfig({
    DANDANG_CONFIG: file,
    DANDANG_DB: db.file,
    DANDANG_LOCAL: opts.local ? '1' : '0',
    ...env,
  });
  const app = await composeApp(config, { clock: db.clock, conn: db.conn });
  const ops = await startOps(app, []);
  const local = opts.local ? await startLocal({ ...app, queue: ops.queue, http: ops.http }) : null;
  const port = await ops.http.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  running = {
    db,
    base,
    async close() {
      await local?.stop();
      await ops.http.close();
      db.cleanup();
    },
  };
  return { db, base };
}

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/v1/kpi-actuals`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const row = (value: number, extra: Record<string, unknown> = {}) => ({
  person_id: 's1',
  kpi_key: 'revenue',
  period: '2026-W48',
  value,
  source: 'erp',
  ...extra,
});

describe('POST /api/v1/kpi-actuals', () => {
  it('is not there without DANDANG_API_TOKEN', async () => {
    const { base } = await start({});
    const r = await post(base, { rows: [row(1)] });
    expect(r.status).toBe(404);
  });

  it("leaves the local workspace's own /api paths to it", async () => {
    const { base } = await start({ DANDANG_API_TOKEN: TOKEN }, '', { local: true });
    const r = await fetch(`${base}/api/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dandang-persona': 'nobody' },
      body: JSON.stringify({ text: '/review' }),
    });
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({ kind: 'error', text: 'unknown persona' });
    expect((await post(base, { rows: [row(1)] })).status).toBe(200);
  });

  it('needs the bearer token', async () => {
    const { base, db } = await start({ DANDANG_API_TOKEN: TOKEN });
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, ''])
      expect((await post(base, { rows: [row(1)] }, { authorization })).status).toBe(401);
    expect(db.conn.sqlite.prepare('SELECT count(*) AS n FROM kpi_actuals').get()).toEqual({ n: 0 });
    const r = await post(base, { rows: [row(1)] });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });

  it('answers 422 naming the failing row and field, and writes none of the batch', async () => {
    const { base, db } = await start({ DANDANG_API_TOKEN: TOKEN });
    const r = await post(base, {
      rows: [row(210000), row(5, { kpi_key: 'units_per_hour' }), row(1, { period: '2026-12' })],
    });
    expect(r.status).toBe(422);
    const body = (await r.json()) as { message: string; issues: { row: number; field: string; message: string }[] };
    expect(body.message).toBe('2 problem(s) in the rows; nothing was recorded');
    expect(body.issues).toEqual([
      {
        row: 1,
        field: 'kpi_key',
        message: 'not a KPI of job sales-rep, the job this person holds; its KPIs are: revenue, new_accounts',
      },
      {
        row: 2,
        field: 'period',
        message: 'this period starts on 2026-12-01; a figure can be recorded only once its period has begun',
      },
    ]);
    expect(db.conn.sqlite.prepare('SELECT count(*) AS n FROM kpi_actuals').get()).toEqual({ n: 0 });

    expect((await post(base, '{"rows": [')).status).toBe(400);
    expect((await post(base, { rows: [row(1)] }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(base, { rows: [row(1)], pad: 'x'.repeat(1024 * 1024) })).status).toBe(413);
    expect((await fetch(`${base}/api/v1/kpi-actuals`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(
      405,
    );
  });

  it('is idempotent on person, KPI, period and source', async () => {
    const { base, db } = await start({ DANDANG_API_TOKEN: TOKEN });
    expect(await (await post(base, [row(200000)])).json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await (await post(base, [row(200000)])).json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await (await post(base, [row(205000)])).json()).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await (await post(base, [row(205000, { source: 'crm' })])).json()).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    expect(db.conn.sqlite.prepare('SELECT source, value, via FROM kpi_actuals ORDER BY id').all()).toEqual([
      { source: 'erp', value: 205000, via: 'api' },
      { source: 'crm', value: 205000, via: 'api' },
    ]);
  });

  it('answers 429 with Retry-After past api.requestsPerMinute, without spending the real client on wrong tokens', async () => {
    const { base } = await start({ DANDANG_API_TOKEN: TOKEN }, 'api:\n  requestsPerMinute: 2\n');
    // Wrong tokens have a bucket of their own.
    for (let i = 0; i < 2; i++) expect((await post(base, [row(1)], { authorization: 'Bearer nope' })).status).toBe(401);
    const guessed = await post(base, [row(1)], { authorization: 'Bearer nope' });
    expect(guessed.status).toBe(429);

    expect((await post(base, [row(1)])).status).toBe(200);
    expect((await post(base, [row(1)])).status).toBe(200);
    const limited = await post(base, [row(1)]);
    expect(limited.status).toBe(429);
    // One request every 30 s: the wait is at most that.
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
  });
});
