import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { makeImportJobs } from '../../../src/usecases/org/import-jobs.js';
import { makeImportOrg } from '../../../src/usecases/org/import-org.js';
import { makeAddLeaves } from '../../../src/usecases/org/add-leaves.js';
import { formatIssue, importIssues } from '../../../src/usecases/org/import/issues.js';
import { counts, defaultSettings, example } from './support.js';

let t: TestDb;
const settings = defaultSettings();
beforeEach(async () => {
  t = makeTestDb();
  await makeImportJobs({ store: t.store, clock: t.clock, settings })({ yaml: example('jobs.yml') });
  const org = await makeImportOrg({ store: t.store, clock: t.clock, settings })({ csv: example('people.csv') });
  expect(org.ok).toBe(true);
});
afterEach(() => t.cleanup());

const addLeaves = () => makeAddLeaves({ store: t.store, clock: t.clock, settings });

describe('leave', () => {
  it('a leave CSV puts people on leave for those dates, audited; importing it again adds nothing', async () => {
    const csv =
      'person_id,start_date,end_date,reason\ns1,2026-11-23,2026-11-27,annual leave\nw1,2026-12-01,2026-12-01,\n';
    const before = counts(t.conn.sqlite);
    expect(await addLeaves()({ csv })).toMatchObject({ ok: true, value: { added: 2, skipped: 0 } });
    expect(counts(t.conn.sqlite).audit - before.audit).toBe(2);
    const onLeave = (p: string, d: string) => t.store.tx((tx) => tx.org.onLeave(p, d));
    expect([
      onLeave('s1', '2026-11-22'),
      onLeave('s1', '2026-11-23'),
      onLeave('s1', '2026-11-27'),
      onLeave('s1', '2026-11-28'),
    ]).toEqual([false, true, true, false]);
    expect(onLeave('w1', '2026-12-01')).toBe(true);
    expect(await addLeaves()({ csv })).toMatchObject({ ok: true, value: { added: 0, skipped: 2 } });
  });

  it('the shipped examples/leave.csv imports', async () => {
    expect(await addLeaves()({ csv: example('leave.csv') })).toMatchObject({ ok: true, value: { added: 2 } });
    expect(t.store.tx((tx) => tx.org.onLeave('s3', '2026-12-25'))).toBe(true);
  });

  it('`leave add` records one leave', async () => {
    expect(
      await addLeaves()({
        leave: { personId: 'c2', startDate: '2026-12-24', endDate: '2026-12-31', reason: 'holiday' },
      }),
    ).toMatchObject({ ok: true, value: { added: 1 } });
    expect(t.store.tx((tx) => tx.org.onLeave('c2', '2026-12-30'))).toBe(true);
  });

  it('unknown person, bad date and reversed range name line and field, and write nothing', async () => {
    const csv =
      'person_id,start_date,end_date,reason\nnobody,2026-11-23,2026-11-27,\ns1,2026-13-01,2026-11-27,\ns2,2026-11-27,2026-11-23,\n';
    const before = counts(t.conn.sqlite);
    const r = await addLeaves()({ csv });
    expect(r.ok).toBe(false);
    expect(counts(t.conn.sqlite)).toEqual(before);
    expect(r.ok ? [] : importIssues(r).map((i) => formatIssue('leave.csv', i))).toEqual([
      'leave.csv:2: person_id: unknown person "nobody"; import the org first',
      'leave.csv:3: start_date: not a date: "2026-13-01"; use YYYY-MM-DD, e.g. 2024-03-01',
      'leave.csv:4: end_date: end_date 2026-11-23 is before start_date 2026-11-27',
    ]);
  });
});
