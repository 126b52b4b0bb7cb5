import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { runCliLines } from '../../support/cli.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { addNote } from './support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

function cli(args: string[]) {
  const env = {
    PATH: process.env.PATH ?? '',
    DANDANG_DB: db.file,
    DANDANG_CONFIG: join(db.dir, 'none.yml'),
    DANDANG_LOCAL: '0',
  };
  return runCliLines(args, env, db.clock);
}

describe('npm run dandang -- dossier', () => {
  it('writes the dossier ZIP of a case: its HTML and CSV quote disputes verbatim and the audit head', async () => {
    db = makeTestDb({ now: '2026-06-01T02:00:00Z' });
    const settings = testSettings();
    seedTeams(db.store, { managers: 1, reportsPerManager: 1 });
    const opened = makeOpenOffboarding({ store: db.store, clock: db.clock, settings })({
      actorId: 'hr',
      employeeId: 'm1r1',
      reasonKind: 'performance',
      reasonText: '',
    });
    if (!opened.ok) throw new Error(opened.message);
    addNote(db, settings, {
      personId: 'm1r1',
      authorId: 'm1',
      kind: 'feedback',
      discussion: 'Tickets at 30 against 40',
      response: 'disputed',
      comment: 'My queue was reassigned <twice>.',
    });

    expect((await cli(['dossier', '1'])).code).toBe(2);
    expect((await cli(['dossier', '99', '--out', join(db.dir, 'out')])).code).toBe(1);

    const out = join(db.dir, 'out');
    const r = await cli(['dossier', '1', '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    // The dossier is one ZIP (issue 16); its pages are the HTML and CSV this test always read.
    expect(readdirSync(out)).toEqual(['dandang-case-1-2026-06-01.zip']);
    const zip = unzipSync(readFileSync(join(out, 'dandang-case-1-2026-06-01.zip')));
    const files = Object.keys(zip)
      .filter((f) => /\.(csv|html)$/.test(f))
      .sort();
    expect(files).toEqual(['dandang-case-1-2026-06-01.csv', 'dandang-case-1-2026-06-01.html']);
    const html = strFromU8(zip[files[1]!]!);
    expect(html).toContain('“My queue was reassigned &lt;twice&gt;.”');
    const head = r.out.find((l) => l.startsWith('Audit-chain head at export: '))!.split(': ')[1]!;
    expect(html).toContain(head);
    expect(strFromU8(zip[files[0]!]!)).toContain('My queue was reassigned <twice>.');
    expect(existsSync(join(out, 'dandang-case-1-2026-06-01.zip'))).toBe(true);
    expect(
      db.conn.sqlite.prepare(`SELECT actor_id AS a FROM audit_log WHERE action = 'case.dossier_exported'`).get(),
    ).toEqual({ a: null });
  });
});
