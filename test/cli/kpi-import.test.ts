/** `npm run dandang -- kpi import actuals.csv`, in-process with the CLI's own composition. */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, cliSandbox, runCliLines } from '../support/cli.js';
import { ManualClock } from '../../src/ports/clock.js';

let dir: string;
let env: Record<string, string>;
const clock = new ManualClock(Date.parse('2026-11-23T09:00:00Z'));
beforeEach(() => {
  ({ dir, env } = cliSandbox('dandang-kpi-', 'x.yml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCliLines(args, env, clock);
const figures = () => {
  const db = new Database(env.DANDANG_DB!, { readonly: true });
  try {
    return db.prepare('SELECT person_id, kpi_key, period, value, source FROM kpi_actuals ORDER BY id').all();
  } finally {
    db.close();
  }
};

describe('kpi import', () => {
  beforeEach(async () => {
    expect((await cli(['jobs', 'import', join(ROOT, 'examples/jobs.yml')])).code).toBe(0);
    expect((await cli(['org', 'import', join(ROOT, 'examples/people.csv')])).code).toBe(0);
  });

  it('records a good file and says how many figures', async () => {
    const file = join(dir, 'actuals.csv');
    writeFileSync(
      file,
      'person_id,kpi_key,period,value,source\ns1,revenue,2026-W48,210000,erp\ns2,revenue,2026-W48,90000,erp\n',
    );
    const r = await cli(['kpi', 'import', file]);
    expect(r).toMatchObject({ code: 0, out: [`Imported ${file}: 2 figure(s) recorded, 0 replaced, 0 unchanged.`] });
    expect(figures()).toEqual([
      { person_id: 's1', kpi_key: 'revenue', period: '2026-W48', value: 210000, source: 'erp' },
      { person_id: 's2', kpi_key: 'revenue', period: '2026-W48', value: 90000, source: 'erp' },
    ]);
  });

  it('prints every problem with its line, writes nothing and exits 1', async () => {
    const file = join(dir, 'actuals.csv');
    writeFileSync(
      file,
      'person_id,kpi_key,period,value\ns1,revenue,2026-W48,210000\nghost,revenue,2026-W48,1\ns1,revenue,2026-W48,abc\n',
    );
    const r = await cli(['kpi', 'import', file]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${file}:3: person_id: unknown person "ghost"; import the org first`,
      `${file}:4: value: not a number; use digits only, e.g. 1234.5`,
      '2 problem(s) in the file; nothing was imported',
    ]);
    expect(figures()).toEqual([]);
  });

  it('explains its usage', async () => {
    const r = await cli(['kpi', 'export']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('npm run dandang -- kpi import <actuals.csv>');
  });
});
