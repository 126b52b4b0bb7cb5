/**
 * An empty or truncated people.csv must not deactivate the organisation. `org import` refuses a
 * file that would deactivate more than `orgImport.maxDeactivationShare` of the active people
 * (default 10%), or leave no active HR or admin account, unless --allow-mass-deactivation is given;
 * the count is printed either way.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, cliSandbox, runCliText } from '../support/cli.js';

const PEOPLE = readFileSync(join(ROOT, 'examples/people.csv'), 'utf8');
const [HEADER, ...ROWS] = PEOPLE.trim().split('\n');

let dir: string;
let env: Record<string, string>;
beforeEach(async () => {
  ({ dir, env } = cliSandbox('dandang-mass-'));
  writeFileSync(env.DANDANG_CONFIG!, '');
  expect((await cli(['jobs', 'import', join(ROOT, 'examples/jobs.yml')])).code).toBe(0);
  expect((await cli(['org', 'import', join(ROOT, 'examples/people.csv')])).code).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  return runCliText(args, env);
}
function importFile(text: string, ...flags: string[]) {
  const file = join(dir, 'people.csv');
  writeFileSync(file, text);
  return cli(['org', 'import', file, ...flags]);
}
function state() {
  const db = new Database(env.DANDANG_DB!, { readonly: true });
  try {
    return {
      active: db.prepare('SELECT count(*) FROM people WHERE active = 1').pluck().get() as number,
      audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}
const without = (...ids: string[]) => [HEADER, ...ROWS.filter((r) => !ids.includes(r.split(',')[0]!))].join('\n');

describe('org import refuses a mass deactivation', () => {
  it('an export with only its header is refused with the count, and nothing changes', async () => {
    const before = state();
    expect(before.active).toBe(12);
    const r = await importFile(`${HEADER}\n`);
    expect(r.code).toBe(1);
    expect(r.err).toContain('would deactivate 12 of 12 active people (100%)');
    expect(r.err).toContain('--allow-mass-deactivation');
    expect(state()).toEqual(before);
  });

  it('an empty file and a truncated one are refused too', async () => {
    const before = state();
    expect((await importFile('')).code).not.toBe(0);
    const truncated = await importFile([HEADER, ...ROWS.slice(0, 4)].join('\n'));
    expect(truncated.code).toBe(1);
    expect(truncated.err).toContain('would deactivate 8 of 12 active people (67%)');
    expect(state()).toEqual(before);
  });

  it('a normal leaver goes through, and the count is printed', async () => {
    const r = await importFile(without('c2'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 deactivated');
    expect(state().active).toBe(11);
  });

  it('a file that would leave no active HR or admin is refused, even under the share', async () => {
    writeFileSync(env.DANDANG_CONFIG!, 'orgImport:\n  maxDeactivationShare: 0.5\n');
    const before = state();
    // hr1 left out, and the CEO (who manages the managers, so stays in the file) demoted.
    const r = await importFile(without('hr1').replace(',admin,', ',employee,'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('no active HR or admin account would remain');
    // Demoting both is the same loss of every HR and admin account.
    const demoted = await importFile(PEOPLE.replace(',admin,', ',employee,').replace(',hr,', ',employee,'));
    expect(demoted.code).toBe(1);
    expect(state()).toEqual(before);
    // The share is a config number: at 50%, losing 2 of 12 employees is fine.
    expect((await importFile(without('c1', 'c2'))).code).toBe(0);
  });

  it('--allow-mass-deactivation lets it through and still says how many', async () => {
    const r = await importFile(`${HEADER}\n`, '--allow-mass-deactivation');
    expect(r.code).toBe(0);
    expect(r.out).toContain('12 deactivated');
    expect(r.err).toContain('12 of 12 active people (100%) deactivated (--allow-mass-deactivation)');
    expect(state().active).toBe(0);
  });
});
