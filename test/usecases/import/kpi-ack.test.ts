import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { makeImportOrg } from '../../../src/usecases/org/import-org.js';
import { makeImportJobs } from '../../../src/usecases/org/import-jobs.js';
import { defaultSettings, example } from './support.js';

// The local platform addresses everyone by person id, so every request shows up in the outbox.
let t: TestDb;
const settings = defaultSettings();
beforeEach(() => (t = makeTestDb({ platforms: ['local'] })));
afterEach(() => t.cleanup());

const importJobs = (yaml: string) => makeImportJobs({ store: t.store, clock: t.clock, settings })({ yaml });
const importOrg = (csv: string) => makeImportOrg({ store: t.store, clock: t.clock, settings })({ csv });
const kpiRequests = () =>
  t.conn.sqlite.prepare(`SELECT key, locale FROM outbox WHERE key LIKE 'kpis:%' ORDER BY key`).all() as {
    key: string;
    locale: string;
  }[];

describe('KPI acknowledgment requests from imports', () => {
  it('each imported person whose job has KPIs is asked to acknowledge them once, in their language', async () => {
    await importJobs(example('jobs.yml'));
    const r = await importOrg(example('people.csv'));
    expect(r).toMatchObject({ ok: true, value: { askedToAcknowledgeKpis: 11 } }); // hr1's job has no KPIs
    const requests = kpiRequests();
    expect(requests).toHaveLength(11);
    expect(requests).toContainEqual({ key: 'kpis:support-agent@1:c1', locale: 'zh-CN' });
    expect(requests.some((q) => q.key.endsWith(':hr1'))).toBe(false);

    // Re-importing asks nobody again.
    expect(await importOrg(example('people.csv'))).toMatchObject({
      ok: true,
      value: { unchanged: 12, askedToAcknowledgeKpis: 0 },
    });
    expect(kpiRequests()).toHaveLength(11);
  });

  it('moving someone to another job asks about the new job; a changed target asks every holder about the new version', async () => {
    await importJobs(example('jobs.yml'));
    await importOrg(example('people.csv'));
    const moved = await importOrg(
      example('people.csv').replace(
        's3,Tom Baker,tom.baker@example.com,m-sales,Sales,sales-rep',
        's3,Tom Baker,tom.baker@example.com,m-sales,Sales,support-agent',
      ),
    );
    expect(moved).toMatchObject({ ok: true, value: { updated: 1, askedToAcknowledgeKpis: 1 } });
    expect(kpiRequests().map((q) => q.key)).toContain('kpis:support-agent@1:s3');

    await importJobs(example('jobs.yml').replace('target: 120', 'target: 130'));
    const keys = kpiRequests().map((q) => q.key);
    expect(keys).toContain('kpis:warehouse-picker@2:w1');
    expect(keys).toContain('kpis:warehouse-picker@2:w2');
  });
});
