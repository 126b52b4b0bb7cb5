/**
 * A figure from a data feed in the local workspace's review form, through the HTTP endpoints the
 * page uses: pre-filled and marked with its source, a changed figure sent back with the error under
 * the reason box, stored once the manager says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { makeTestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { makeStartCycle } from '../../../src/usecases/review/start-cycle.js';
import { makeRecordKpiActuals } from '../../../src/usecases/review/record-kpi-actuals.js';
import { startLocalApp, type LocalApp } from '../../../adapters/local/testing.js';

let app: LocalApp;
let dir: string;
let slotId: number;

beforeAll(async () => {
  // An organisation of our own in the database, so the workspace loads no demo.
  const db = makeTestDb({ now: '2026-11-23T10:00:00Z' });
  dir = db.dir;
  const deps = { store: db.store, clock: db.clock, settings: testSettings() };
  seedTeams(db.store, { managers: 1, reportsPerManager: 1 });
  expect((await makeStartCycle(deps)({ actorId: 'hr' })).ok).toBe(true);
  expect(
    makeRecordKpiActuals(deps)({ csv: 'person_id,kpi_key,period,value,source\nm1r1,tickets,2026-W48,47,erp' }).ok,
  ).toBe(true);
  slotId = (db.conn.sqlite.prepare('SELECT id FROM review_slots').get() as { id: number }).id;
  db.conn.close();
  app = await startLocalApp({ PORT: '0', DANDANG_DB: db.file }, db.clock);
});
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function post(
  path: string,
  body: unknown,
): Promise<{ kind: string; html?: string; text?: string; errors?: Record<string, string> }> {
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dandang-persona': 'm1' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { kind: string; html?: string };
}

describe('a data feed figure in the local review form', () => {
  it('is pre-filled with its source; a changed figure needs a reason', async () => {
    const form = await post('/api/action', { actionId: 'review.open_form', value: String(slotId) });
    expect(form.kind).toBe('form');
    expect(form.html).toMatch(/name="kpi_tickets"[^>]*value="47"/);
    expect(form.html).toContain('From erp: 47, received 2026-11-23');
    expect(form.html).toContain('name="kpireason_tickets"');
    const m = /data-form-id="([^"]*)" data-state="([^"]*)" data-instance="([^"]*)"/.exec(form.html ?? '')!;
    const values = { kpi_tickets: '44', kpi_response: '3', rating: '4', strengths: '', improvement: '', comment: '' };

    const refused = await post('/api/submit', { formId: m[1], state: m[2], instance: m[3], values });
    expect(refused).toMatchObject({
      kind: 'formErrors',
      errors: { kpireason_tickets: 'Your figure differs from the 47 erp sent: say why.' },
    });

    const stored = await post('/api/submit', {
      formId: m[1],
      state: m[2],
      instance: m[3],
      values: { ...values, kpireason_tickets: 'Three were duplicates' },
    });
    expect(['formErrors', 'error']).not.toContain(stored.kind);
    expect(
      app.conn.sqlite
        .prepare("SELECT actual, imported_value, imported_source FROM review_kpi_results WHERE kpi_key = 'tickets'")
        .get(),
    ).toEqual({ actual: 44, imported_value: 47, imported_source: 'erp' });
  });
});
