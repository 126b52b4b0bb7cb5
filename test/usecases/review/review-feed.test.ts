/**
 * The review form and data feeds: a figure a feed sent is pre-filled and marked with its source; a
 * manager who changes it must say why; a `source: feed` KPI says when the feed has not come. The
 * review keeps both figures and the reason, the employee reads them, and the dossier shows them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings, DEFAULT_KPIS, type SeededTeams } from '../../support/org.js';
import { makeStartCycle } from '../../../src/usecases/review/start-cycle.js';
import { makeOpenReviewForm } from '../../../src/usecases/review/open-review-form.js';
import { makeSubmitReview } from '../../../src/usecases/review/submit-review.js';
import { makeAmendReview } from '../../../src/usecases/review/amend-review.js';
import { makeRecordKpiActuals } from '../../../src/usecases/review/record-kpi-actuals.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeImportJobs } from '../../../src/usecases/org/import-jobs.js';
import { formatIssue, importIssues } from '../../../src/usecases/org/import/issues.js';
import { runCli } from '../../../adapters/cli/run.js';
import type { Form } from '../../../src/ui/model.js';
import { strFromU8, unzipSync } from 'fflate';
import { outboxRows, snapshot, textOf } from './support.js';

let db: TestDb;
let org: SeededTeams;
const settings = testSettings();
const deps = () => ({ store: db.store, clock: db.clock, settings });
// `response` is expected from the data feed; `tickets` is typed unless a feed sends it.
const KPIS = [DEFAULT_KPIS[0]!, { ...DEFAULT_KPIS[1]!, source: 'feed' as const }];

beforeEach(async () => {
  db = makeTestDb({ now: '2026-11-23T10:00:00Z' });
  org = seedTeams(db.store, { managers: 1, reportsPerManager: 1, kpis: KPIS });
  expect((await makeStartCycle(deps())({ actorId: org.hr.id })).ok).toBe(true);
});
afterEach(() => db.cleanup());

const alice = () => org.reports[0]![0]!;
const manager = () => org.managers[0]!;
const slotId = () =>
  (db.conn.sqlite.prepare('SELECT id FROM review_slots WHERE employee_id = ?').get(alice().id) as { id: number }).id;
const period = () => (db.conn.sqlite.prepare('SELECT label FROM cycles').get() as { label: string }).label;
const feed = (rows: string) => makeRecordKpiActuals(deps())({ csv: `person_id,kpi_key,period,value,source\n${rows}` });
const openForm = () => {
  const r = makeOpenReviewForm(deps())({ actorId: manager().id, slotId: slotId() });
  if (!r.ok) throw new Error(r.message);
  return r.value as Form;
};
const input = (form: Form, id: string) => form.inputs.find((i) => i.id === id)!;
const values = (extra: Record<string, string>) => ({
  kpi_tickets: '45',
  kpi_response: '3.5',
  rating: '4',
  strengths: '',
  improvement: '',
  comment: '',
  ...extra,
});

/** The dossier's HTML and CSV as `dossier --out` wrote them: loose files, or inside its ZIP. */
function dossierTexts(out: string): { html: string; csv: string } {
  const files = readdirSync(out);
  const zipFile = files.find((f) => f.endsWith('.zip'));
  if (zipFile) {
    const zip = unzipSync(readFileSync(join(out, zipFile)));
    const named = (ext: string) => strFromU8(zip[Object.keys(zip).find((f) => f.endsWith(ext))!]!);
    return { html: named('.html'), csv: named('.csv') };
  }
  const named = (ext: string) =>
    readFileSync(
      join(
        out,
        files.find((f) => f.endsWith(ext))!,
      ),
      'utf8',
    );
  return { html: named('.html'), csv: named('.csv') };
}

describe('a figure from a data feed on the review form', () => {
  it('is pre-filled and marked with its source; the feed KPI that has not come says so', () => {
    expect(period()).toBe('2026-W48');
    expect(feed(`${alice().id},tickets,2026-W48,47,erp`).ok).toBe(true);
    const form = openForm();
    expect(form.inputs.map((i) => i.id)).toEqual([
      'kpi_tickets',
      'kpireason_tickets',
      'kpi_response',
      'kpireason_response',
      'rating',
      'strengths',
      'improvement',
      'comment',
    ]);
    const tickets = input(form, 'kpi_tickets');
    expect(tickets.kind === 'number' && tickets.initial).toBe('47');
    expect(tickets.hint).toBe('Target: at least 40 per week · From erp: 47, received 2026-11-23');
    expect(input(form, 'kpireason_tickets').label).toBe('Tickets closed: why your figure differs from erp');
    const response = input(form, 'kpi_response');
    expect(response.kind === 'number' && response.initial).toBeUndefined();
    expect(response.hint).toBe('Target: at most 4 h · Expected from the data feed: nothing has come for 2026-W48 yet');
    expect(input(form, 'kpireason_response').label).toBe('First response: where your figure comes from');
  });

  it('a changed figure needs a reason; both figures and the reason are kept and the employee reads them', () => {
    feed(`${alice().id},tickets,2026-W48,47,erp\n${alice().id},response,2026-W48,3.5,helpdesk`);
    const submit = makeSubmitReview(deps());
    const before = snapshot(db.conn.sqlite);
    const refused = submit({ actorId: manager().id, slotId: slotId(), values: values({ kpi_tickets: '44' }) });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.fieldErrors).toEqual({
      kpireason_tickets: 'Your figure differs from the 47 erp sent: say why.',
    });
    expect(snapshot(db.conn.sqlite)).toEqual(before);

    const done = submit({
      actorId: manager().id,
      slotId: slotId(),
      values: values({ kpi_tickets: '44', kpireason_tickets: 'Three tickets were duplicates, merged on Friday' }),
    });
    expect(done.ok).toBe(true);
    expect(
      db.conn.sqlite
        .prepare('SELECT kpi_key, actual, imported_value, imported_source FROM review_kpi_results ORDER BY id')
        .all(),
    ).toEqual([
      { kpi_key: 'tickets', actual: 44, imported_value: 47, imported_source: 'erp' },
      // Kept as the feed sent it: no reason owed.
      { kpi_key: 'response', actual: 3.5, imported_value: 3.5, imported_source: 'helpdesk' },
    ]);
    const review = db.store.read((tx) => tx.reviews.reviewsOf(alice().id)[0]!);
    expect(review.results.map((r) => r.changeReason)).toEqual([
      'Three tickets were duplicates, merged on Friday',
      undefined,
    ]);
    const dm = textOf(outboxRows(db.conn.sqlite, `review:${review.id}:employee`)[0]!.message);
    expect(dm).toContain('(erp sent 47; why it differs: Three tickets were duplicates, merged on Friday)');
  });

  it('a feed KPI with nothing from the feed needs to say where the typed figure comes from', () => {
    const submit = makeSubmitReview(deps());
    const refused = submit({ actorId: manager().id, slotId: slotId(), values: values({}) });
    expect(!refused.ok && refused.fieldErrors).toEqual({
      kpireason_response: 'Nothing came from the data feed for this KPI: say where your figure comes from.',
    });
    const done = submit({
      actorId: manager().id,
      slotId: slotId(),
      values: values({ kpireason_response: 'Helpdesk report exported by hand' }),
    });
    expect(done.ok).toBe(true);
    const review = db.store.read((tx) => tx.reviews.reviewsOf(alice().id)[0]!);
    expect(review.results[1]).toMatchObject({
      key: 'response',
      actual: 3.5,
      changeReason: 'Helpdesk report exported by hand',
    });
    expect(review.results[1]!.imported).toBeUndefined();
  });

  it('a reason is short: one that would not fit the box beside the KPI is refused', () => {
    feed(`${alice().id},tickets,2026-W48,47,erp\n${alice().id},response,2026-W48,3.5,helpdesk`);
    const r = makeSubmitReview(deps())({
      actorId: manager().id,
      slotId: slotId(),
      values: values({ kpi_tickets: '44', kpireason_tickets: 'x'.repeat(201) }),
    });
    expect(!r.ok && r.fieldErrors).toEqual({ kpireason_tickets: 'Keep the reason to at most 200 characters.' });
  });

  it('a figure that arrives after the form opened is the one the submission is checked against', () => {
    feed(`${alice().id},tickets,2026-W48,47,erp\n${alice().id},response,2026-W48,3.5,helpdesk`);
    openForm();
    db.clock.advance(60_000);
    feed(`${alice().id},tickets,2026-W48,49,erp`);
    const r = makeSubmitReview(deps())({
      actorId: manager().id,
      slotId: slotId(),
      values: values({ kpi_tickets: '47' }),
    });
    expect(!r.ok && r.fieldErrors).toEqual({ kpireason_tickets: 'Your figure differs from the 49 erp sent: say why.' });
  });

  it('the dossier shows the feed figure beside the manager figure, with the reason, in HTML and CSV; an amendment keeps them', async () => {
    feed(`${alice().id},tickets,2026-W48,47,erp\n${alice().id},response,2026-W48,3.5,helpdesk`);
    const done = makeSubmitReview(deps())({
      actorId: manager().id,
      slotId: slotId(),
      values: values({ kpi_tickets: '44', kpireason_tickets: 'Duplicates <merged> & closed' }),
    });
    expect(done.ok).toBe(true);
    const reviewId = db.store.read((tx) => tx.reviews.reviewsOf(alice().id)[0]!.id);
    db.clock.advance(3_600_000);
    const amended = makeAmendReview(deps())({
      actorId: manager().id,
      reviewId,
      values: values({ kpi_tickets: '44', rating: '3', reason: 'Rating corrected after the team meeting' }),
    });
    expect(amended.ok).toBe(true);

    const opened = makeOpenOffboarding(deps())({
      actorId: 'hr',
      employeeId: alice().id,
      reasonKind: 'performance',
      reasonText: '',
    });
    if (!opened.ok) throw new Error(opened.message);
    const out = join(db.dir, 'out');
    const env = { PATH: process.env.PATH ?? '', DANDANG_DB: db.file, DANDANG_CONFIG: join(db.dir, 'none.yml') };
    expect(await runCli(['dossier', '1', '--out', out], { out: () => {}, err: () => {} }, env, db.clock)).toBe(0);
    const { html, csv } = dossierTexts(out);
    expect(html).toContain(
      '44 per week<br><small>from erp: 47; why it differs: Duplicates &lt;merged&gt; &amp; closed</small>',
    );
    expect(html).toContain('3.5 h<br><small>from helpdesk: 3.5</small>');
    expect(csv.split(/\r?\n/)[0]).toContain(',data_feed');
    expect(csv).toContain('44 per week,met,,from erp: 47; why it differs: Duplicates <merged> & closed');
  });
});

describe('`source: feed` in jobs.yml', () => {
  const yaml = (source: string) =>
    [
      'jobs:',
      '  - id: picker',
      '    title: Picker',
      '    kpis:',
      '      - key: units',
      '        name: Units per hour',
      '        target: 120',
      '        direction: higher',
      `        source: ${source}`,
    ].join('\n');

  it('marks the KPI as fed; changing only the source is a new KPI version; a wrong word names the line', () => {
    const importJobs = makeImportJobs(deps());
    expect(importJobs({ yaml: yaml('manual') })).toMatchObject({ ok: true, value: { created: 1 } });
    expect(db.store.read((tx) => tx.org.jobWithKpis('picker')!.kpis[0]!.source)).toBeUndefined();
    expect(importJobs({ yaml: yaml('feed') })).toMatchObject({ ok: true, value: { kpiVersions: [{ version: 2 }] } });
    expect(db.store.read((tx) => tx.org.jobWithKpis('picker')!.kpis[0]!.source)).toBe('feed');
    const bad = importJobs({ yaml: yaml('erp') });
    expect(bad.ok ? [] : importIssues(bad).map((i) => formatIssue('jobs.yml', i))).toEqual([
      'jobs.yml:9: jobs[0].kpis[0].source: use feed (the figure comes from a data feed) or manual (typed by the manager)',
    ]);
  });
});
