/**
 * Every imported text has a length limit and refuses control characters (src/domain/text.ts):
 * a 1 MB name, a NUL byte, a line break inside a name, a job with more KPIs than any screen
 * shows. The file is refused as a whole, each problem named by line and field, nothing written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { makeImportOrg } from '../../../src/usecases/org/import-org.js';
import { makeImportJobs } from '../../../src/usecases/org/import-jobs.js';
import { formatIssue, importIssues } from '../../../src/usecases/org/import/issues.js';
import { MAX_KPIS_PER_JOB, TEXT_LIMITS } from '../../../src/domain/text.js';
import { HEADER, counts, defaultSettings, example, personLine } from './support.js';

let t: TestDb;
const settings = defaultSettings();
beforeEach(async () => {
  t = makeTestDb();
  expect((await makeImportJobs({ store: t.store, clock: t.clock, settings })({ yaml: example('jobs.yml') })).ok).toBe(
    true,
  );
});
afterEach(() => t.cleanup());

async function refusedOrg(csv: string): Promise<string[]> {
  const before = counts(t.conn.sqlite);
  const r = await makeImportOrg({ store: t.store, clock: t.clock, settings })({ csv });
  if (r.ok) throw new Error('expected the import to be refused');
  expect(counts(t.conn.sqlite)).toEqual(before);
  return importIssues(r).map((i) => formatIssue('people.csv', i));
}

async function refusedJobs(yaml: string): Promise<string[]> {
  const before = counts(t.conn.sqlite);
  const r = await makeImportJobs({ store: t.store, clock: t.clock, settings })({ yaml });
  if (r.ok) throw new Error('expected the import to be refused');
  expect(counts(t.conn.sqlite)).toEqual(before);
  return importIssues(r).map((i) => formatIssue('jobs.yml', i));
}

describe('imported text is held to its limits', () => {
  it('refuses a 1 MB name, a NUL byte and a line break in a name, naming line and field', async () => {
    const csv = [
      HEADER,
      personLine({ id: 'm1', job: 'team-manager' }),
      personLine({ id: 'a', manager: 'm1', name: 'x'.repeat(1_000_000) }),
      personLine({ id: 'b', manager: 'm1', name: 'Bad\u0000Byte' }),
      // A quoted CSV field may hold a line break; a name may not.
      `${personLine({ id: 'c', manager: 'm1', name: '@@' }).replace('@@', '"Two\nLines"')}`,
      personLine({ id: 'd', manager: 'm1', dept: 'Sales\u202eevil' }),
    ].join('\n');
    const issues = await refusedOrg(csv);
    expect(issues).toEqual([
      `people.csv:3: name: At most ${TEXT_LIMITS.name} characters: this has 1,000,000.`,
      'people.csv:4: name: Remove the control character at position 4.',
      'people.csv:5: name: Keep it on one line: remove the line break at position 4.',
      'people.csv:7: department: Remove the control character at position 6.',
    ]);
  });

  it('takes a name exactly at the limit', async () => {
    const csv = [
      HEADER,
      personLine({ id: 'm1', job: 'team-manager' }),
      personLine({ id: 'a', manager: 'm1', name: '张'.repeat(TEXT_LIMITS.name) }),
    ].join('\n');
    const r = await makeImportOrg({ store: t.store, clock: t.clock, settings })({ csv });
    expect(r.ok).toBe(true);
    expect(t.store.tx((tx) => tx.org.person('a'))?.name).toHaveLength(TEXT_LIMITS.name);
  });

  it(`refuses a job with more than ${MAX_KPIS_PER_JOB} KPIs, and over-long titles and units`, async () => {
    const kpi = (i: number, unit = 'h') =>
      `      - { key: k${i}, name: KPI ${i}, unit: "${unit}", target: 1, direction: higher }`;
    const yaml = [
      'jobs:',
      '  - id: big',
      `    title: ${'T'.repeat(TEXT_LIMITS.name + 1)}`,
      '    kpis:',
      ...Array.from({ length: MAX_KPIS_PER_JOB + 1 }, (_, i) =>
        kpi(i, i === 0 ? 'u'.repeat(TEXT_LIMITS.unit + 1) : 'h'),
      ),
    ].join('\n');
    expect(await refusedJobs(yaml)).toEqual([
      `jobs.yml:3: jobs[0].title: At most ${TEXT_LIMITS.name} characters: this has ${TEXT_LIMITS.name + 1}.`,
      `jobs.yml:5: jobs[0].kpis: ${MAX_KPIS_PER_JOB + 1} KPIs: a job has at most ${MAX_KPIS_PER_JOB}; keep the ones its reviews measure`,
      `jobs.yml:5: jobs[0].kpis[0].unit: At most ${TEXT_LIMITS.unit} characters: this has ${TEXT_LIMITS.unit + 1}.`,
    ]);
  });
});
