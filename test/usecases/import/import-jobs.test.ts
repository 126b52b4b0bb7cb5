import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { makeImportJobs } from '../../../src/usecases/org/import-jobs.js';
import { formatIssue, importIssues } from '../../../src/usecases/org/import/issues.js';
import { counts, defaultSettings, example } from './support.js';

let t: TestDb;
const settings = defaultSettings();
beforeEach(() => (t = makeTestDb()));
afterEach(() => t.cleanup());

const importJobs = (yaml: string) => makeImportJobs({ store: t.store, clock: t.clock, settings })({ yaml });

async function refused(yaml: string): Promise<string[]> {
  const before = counts(t.conn.sqlite);
  const r = await importJobs(yaml);
  if (r.ok) throw new Error('expected the import to be refused');
  expect(counts(t.conn.sqlite)).toEqual(before);
  return importIssues(r).map((i) => formatIssue('jobs.yml', i));
}

describe('jobs import', () => {
  it('imports the sample jobs with their KPIs, version 1, audited', async () => {
    const r = await importJobs(example('jobs.yml'));
    expect(r).toMatchObject({ ok: true, value: { created: 5, updated: 0, unchanged: 0 } });
    const support = t.store.tx((tx) => tx.org.jobWithKpis('support-agent'));
    expect(support).toMatchObject({ title: 'Customer Support Agent', kpiVersion: 1 });
    expect(support?.kpis[0]).toEqual({
      key: 'resolution_time',
      name: 'Ticket resolution time',
      unit: 'hours',
      target: 24,
      direction: 'lower',
    });
    expect(t.store.tx((tx) => tx.org.job('sales-rep'))?.duties).toBe(
      '- Win new accounts in the assigned territory\n- Keep the CRM pipeline up to date',
    );
    expect(t.store.tx((tx) => tx.org.job('hr-partner'))?.kpiVersion).toBe(0);
    const actions = (t.conn.sqlite.prepare(`SELECT action FROM audit_log`).all() as { action: string }[]).map(
      (a) => a.action,
    );
    expect(actions.filter((a) => a === 'job.created')).toHaveLength(5);
    expect(actions.filter((a) => a === 'kpis.change')).toHaveLength(4);
  });

  it('re-importing the same file changes nothing; a changed target makes KPI version 2', async () => {
    await importJobs(example('jobs.yml'));
    const before = counts(t.conn.sqlite);
    expect(await importJobs(example('jobs.yml'))).toMatchObject({
      ok: true,
      value: { created: 0, updated: 0, unchanged: 5 },
    });
    expect(counts(t.conn.sqlite)).toEqual(before);

    const r = await importJobs(example('jobs.yml').replace('target: 120', 'target: 130'));
    expect(r).toMatchObject({
      ok: true,
      value: { updated: 1, unchanged: 4, kpiVersions: [{ jobId: 'warehouse-picker', version: 2 }] },
    });
    const picker = t.store.tx((tx) => tx.org.jobWithKpis('warehouse-picker'));
    expect(picker?.kpiVersion).toBe(2);
    expect(picker?.kpis.find((k) => k.key === 'units_per_hour')?.target).toBe(130);
    // The old version stays readable: a review scored against it keeps its meaning.
    expect(
      t.store.tx((tx) => tx.org.jobWithKpis('warehouse-picker', 1))?.kpis.find((k) => k.key === 'units_per_hour')
        ?.target,
    ).toBe(120);
  });

  it('names the path and line of each bad field and writes nothing', async () => {
    const yaml = [
      'jobs:', //                       1
      '  - id: picker', //             2
      '    title: Picker', //          3
      '    kpis:', //                  4
      '      - key: units', //         5
      '        name: Units', //        6
      '        target: "lots"', //     7
      '        direction: up', //      8
      '  - id: rep', //                9
      '    kpis: []', //              10
    ].join('\n');
    expect(await refused(yaml)).toEqual([
      'jobs.yml:7: jobs[0].kpis[0].target: required: a number, e.g. 120 (no units or quotes)',
      'jobs.yml:8: jobs[0].kpis[0].direction: use higher (more is better) or lower (less is better)',
      'jobs.yml:9: jobs[1].title: required: the job title',
    ]);
  });

  it('duplicate job ids and KPI keys; broken YAML; no jobs list', async () => {
    const dup =
      'jobs:\n  - id: a\n    title: A\n    kpis:\n      - {key: x, name: X, target: 1, direction: higher}\n      - {key: x, name: Y, target: 2, direction: lower}\n  - id: a\n    title: Again\n';
    expect(await refused(dup)).toEqual([
      'jobs.yml:6: jobs[0].kpis[1].key: duplicate KPI key "x" in this job',
      'jobs.yml:7: jobs[1].id: duplicate job id "a"',
    ]);
    expect(await refused('jobs:\n  - id: a\n    title: [unclosed\n')).toEqual([
      expect.stringMatching(/^jobs\.yml:\d+: the file is not valid YAML/),
    ]);
    expect(await refused('roles: []\n')).toEqual(['jobs.yml:1: jobs: a top-level "jobs:" list']);
  });
});
