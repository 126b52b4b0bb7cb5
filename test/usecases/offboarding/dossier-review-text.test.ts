/**
 * A review is more than its scores: what the manager named as strengths and suggested to improve
 * belongs in the dossier (a tribunal asks whether the employee was told how to improve), in the
 * HTML and in the CSV, as amended if it was corrected.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings, DEFAULT_KPIS } from '../../support/org.js';
import { runCli } from '../../../adapters/cli/run.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';

let db: TestDb;
afterEach(() => db?.cleanup());

describe('the dossier shows review strengths and improvement suggestions', () => {
  it('in the HTML and the CSV', async () => {
    db = makeTestDb({ now: '2026-06-01T02:00:00Z' });
    const settings = testSettings();
    seedTeams(db.store, { managers: 1, reportsPerManager: 1 });
    db.store.tx((tx) =>
      tx.reviews.insertReview({
        slotId: null,
        kind: 'regular',
        trainingPlanId: null,
        employeeId: 'm1r1',
        authorId: 'm1',
        jobId: 'engineer',
        kpiVersion: 1,
        periodLabel: 'W21',
        rating: 2,
        strengths: 'Calm with angry customers',
        improvement: 'Close ten more tickets a week & ask for help early',
        comment: 'Second week below target',
        belowTarget: true,
        submittedAt: db.clock.now(),
        results: [
          { ...DEFAULT_KPIS[0]!, actual: 30, met: false },
          { ...DEFAULT_KPIS[1]!, actual: 3, met: true },
        ],
      }),
    );
    const opened = makeOpenOffboarding({ store: db.store, clock: db.clock, settings })({
      actorId: 'hr',
      employeeId: 'm1r1',
      reasonKind: 'performance',
      reasonText: '',
    });
    if (!opened.ok) throw new Error(opened.message);

    const out = join(db.dir, 'out');
    const env = { PATH: process.env.PATH ?? '', DANDANG_DB: db.file, DANDANG_CONFIG: join(db.dir, 'none.yml') };
    const r = await runCli(['dossier', '1', '--out', out], { out: () => {}, err: () => {} }, env, db.clock);
    expect(r).toBe(0);
    // The dossier is one ZIP (issue 16): its CSV and HTML pages.
    const zip = unzipSync(readFileSync(join(out, readdirSync(out)[0]!)));
    const [csvFile, htmlFile] = Object.keys(zip)
      .filter((f) => /\.(csv|html)$/.test(f))
      .sort();
    const html = strFromU8(zip[htmlFile!]!);
    expect(html).toContain('Strengths');
    expect(html).toContain('Calm with angry customers');
    expect(html).toContain('Improvement suggestion');
    expect(html).toContain('Close ten more tickets a week &amp; ask for help early');
    const csv = strFromU8(zip[csvFile!]!);
    expect(csv).toContain('Calm with angry customers');
    expect(csv).toContain('Close ten more tickets a week & ask for help early');
  });
});
