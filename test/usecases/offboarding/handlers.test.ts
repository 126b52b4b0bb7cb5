import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { makeRouter, type Router } from '../../../src/app/router.js';
import { offboardingHandlers } from '../../../src/app/offboarding.js';
import { evidenceHandlers } from '../../../src/app/evidence.js';
import { reportHandlers } from '../../../src/app/report.js';
import type { Actor, Inbound } from '../../../src/app/types.js';
import type { Reply } from '../../../src/ui/model.js';
import { ACTIONS, FORMS } from '../../../src/ui/actions.js';
import { DAY, buttonsOf, count, latestRoot, outbox, textOf } from './support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

function setup() {
  db = makeTestDb({ now: '2026-06-01T02:00:00Z' });
  const settings = testSettings();
  seedTeams(db.store, { managers: 2, reportsPerManager: 1 });
  db.store.tx((tx) => tx.org.upsertPerson({ ...tx.org.person('m1r1')!, hireDate: '2023-01-01', monthlyWage: 9_000 }));
  const deps = { store: db.store, clock: db.clock, settings };
  const router: Router = makeRouter([offboardingHandlers(deps), evidenceHandlers(deps), reportHandlers(deps)]);
  const actor = (id: string): Actor => ({
    person: db.store.tx((tx) => tx.org.person(id))!,
    platform: 'slack',
    locale: 'en',
  });
  const command = (id: string, command: 'offboard' | 'dandang', args: string, mentions: string[] = []) =>
    router.dispatch({ kind: 'command', actor: actor(id), command, args, mentions } as Inbound);
  const click = (id: string, actionId: (typeof ACTIONS)[keyof typeof ACTIONS], value: string) =>
    router.dispatch({ kind: 'action', actor: actor(id), actionId, value });
  const submit = (
    id: string,
    formId: (typeof FORMS)[keyof typeof FORMS],
    state: string,
    values: Record<string, string>,
  ) => router.dispatch({ kind: 'submit', actor: actor(id), formId, state, values });
  return { settings, command, click, submit };
}

/** What the asker reads: an error, or the toast and the message (`/dandang report` answers with both). */
const text = (r: Reply) =>
  r.kind === 'error'
    ? r.text
    : r.kind === 'ok'
      ? [r.toast, r.message ? textOf(r.message) : undefined].filter((x) => x !== undefined).join('\n')
      : '';

async function waitFor<T>(check: () => T, what: string): Promise<NonNullable<T>> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const v = check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('/offboard and /dandang through the router', () => {
  it('opens a case, an employee cannot, and HR sees status with who each case waits on', async () => {
    const h = setup();
    expect(await h.command('m2r1', 'offboard', 'm1r1 bottom 10%', ['m1r1'])).toMatchObject({
      kind: 'error',
      code: 'NOT_AUTHORIZED',
    });
    const opened = await h.command('m1', 'offboard', 'm1r1 bottom 10%', ['m1r1']);
    expect(text(opened)).toContain('Case #1 for Alice 1.1 is open in the HR channel.');
    expect(db.conn.sqlite.prepare('SELECT reason_kind AS k, reason_text AS t FROM cases').get()).toEqual({
      k: 'performance',
      t: 'bottom 10%',
    });
    expect(outbox(db.conn.sqlite, 'key = ?', 'case:1:ranking')).toHaveLength(1);
    expect(text(await h.command('m1', 'offboard', 'm1r1', ['m1r1']))).toContain(
      'Case #1 is already open for Alice 1.1.',
    );

    // The manager's DM offers the evidence feature's own forms for what is missing.
    const dm = outbox(db.conn.sqlite, 'key = ?', 'case:1:manager')[0]!.message;
    const addConversation = buttonsOf(dm).find((b) => b.actionId === ACTIONS.promptConversation)!;
    const noteForm = await h.click('m1', addConversation.actionId, addConversation.value);
    expect(noteForm.kind === 'form' && noteForm.form.formId).toBe(FORMS.note);

    db.clock.advance(3 * DAY);
    expect(await h.command('m1', 'offboard', 'status')).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
    const status = await h.command('hr', 'offboard', 'status');
    // It names what the case really waits on: the evidence, and who must supply it.
    expect(text(status)).toContain('#1 Alice 1.1 (Incompetence (Art. 40(2))), open 3 day(s): waiting on evidence:');
    expect(text(status)).toContain('Manager 1 must record a review of Alice 1.1 with the actual figures below target.');
  });

  it('runs the mutual-agreement path: release with no coercion, N owed, then the report counts it', async () => {
    const h = setup();
    await h.command('hr', 'offboard', 'm1r1 mutual restructuring of the support desk', ['m1r1']);
    expect(db.conn.sqlite.prepare('SELECT reason_kind AS k, reason_text AS t FROM cases').get()).toEqual({
      k: 'mutual',
      t: 'restructuring of the support desk',
    });
    expect(textOf(latestRoot(db.conn.sqlite, 1))).toContain('This path has no evidence gate.');

    db.clock.advance(DAY);
    expect(text(await h.click('hr', ACTIONS.caseAdvance, '1:hr_approves'))).toContain('HR approves: done.');
    const form = await h.click('hr', ACTIONS.caseOpenStepForm, '1:release_signed');
    expect(form.kind === 'form' && form.form.inputs.map((i) => i.id)).toEqual([
      'proposed_by',
      'release',
      'no_coercion',
    ]);
    const coerced = await h.submit('hr', FORMS.caseStep, '1:release_signed', {
      proposed_by: 'employer',
      release: 'N: 3.5 months',
      no_coercion: 'no',
    });
    expect(coerced).toEqual({
      kind: 'formErrors',
      errors: { no_coercion: 'Record this only when the employee confirmed it.' },
    });
    db.clock.advance(DAY);
    expect(
      (
        await h.submit('hr', FORMS.caseStep, '1:release_signed', {
          proposed_by: 'employer',
          release: 'Severance N: 31,500 CNY\nUnused leave: 2,000 CNY',
          no_coercion: 'yes',
        })
      ).kind,
    ).toBe('ok');
    db.clock.advance(DAY);
    await h.click('hr', ACTIONS.caseAdvance, '1:close');
    const root = textOf(latestRoot(db.conn.sqlite, 1));
    expect(root).toContain('**Outcome:** closed on');
    // Hired 2023-01-01, last day 2026-06-03: 3 years 5 months → N = 3.5.
    expect(root).toContain('Severance N: 3.5 × 9,000 = 31,500 CNY.');
    expect(outbox(db.conn.sqlite, "key LIKE 'case:1:step:release_signed:%'")[0]!.message.text).toContain(
      'The employee confirmed that nothing was coerced.',
    );

    expect(await h.command('m1', 'dandang', 'report')).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
    const report = text(await h.command('hr', 'dandang', 'report'));
    expect(report).toContain('Opened: 1 · open: 0 · closed: 1 · withdrawn: 0');
    expect(report).toContain('Cycle time, opened → closed: median 3 days, average 3 days');
    expect(report).toContain('HR approves: median 1 days');
  });

  it('names the path by its statutory term in Chinese (严重违纪, 协商一致解除, 不能胜任)', async () => {
    const h = setup();
    const kinds: string[] = [];
    for (const word of ['严重违纪', '协商一致解除', '不能胜任']) {
      await h.command('hr', 'offboard', `m1r1 ${word} 伪造报销单据`, ['m1r1']);
      const row = db.conn.sqlite
        .prepare('SELECT id, reason_kind AS k, reason_text AS t FROM cases ORDER BY id DESC')
        .get() as { id: number; k: string; t: string };
      kinds.push(row.k);
      expect(row.t).toBe('伪造报销单据');
      // One open case per person: resolve it before the next path.
      db.store.tx((tx) => tx.cases.update(row.id, { status: 'withdrawn' }));
    }
    expect(kinds).toEqual(['misconduct', 'mutual', 'performance']);
  });

  it('withdraws with a reason; HR records a protected status by command; the dossier is uploaded after the reply', async () => {
    const h = setup();
    await h.command('hr', 'offboard', 'm1r1 misconduct repeated no-shows', ['m1r1']);
    const protect = await h.command('hr', 'dandang', 'protect m1r1 pregnancy 2026-05-01', ['m1r1']);
    expect(text(protect)).toContain('Recorded “pregnancy” for Alice 1.1 from 2026-05-01.');
    expect(count(db.conn.sqlite, 'protected_statuses')).toBe(1);
    expect(await h.command('m1', 'dandang', 'protect m1r1 pregnancy 2026-05-01', ['m1r1'])).toMatchObject({
      kind: 'error',
      code: 'NOT_AUTHORIZED',
    });

    expect(await h.command('m1', 'offboard', 'dossier 1')).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
    const queued = await h.command('hr', 'offboard', 'dossier #1');
    expect(text(queued)).toContain('Generating the dossier for case #1');
    // One ZIP (issue 16) holds the HTML, the CSV, the files and the manifest.
    const uploads = await waitFor(() => {
      const u = outbox(db.conn.sqlite, "op = 'upload'");
      return u.length === 1 ? u : null;
    }, 'the dossier upload');
    expect(uploads.map((u) => u.threadKey)).toEqual(['case:1:root']);

    expect(await h.submit('m2', FORMS.caseWithdraw, '1', { reason: 'not mine' })).toMatchObject({
      kind: 'error',
      code: 'NOT_AUTHORIZED',
    });
    expect(await h.submit('hr', FORMS.caseWithdraw, '1', { reason: '' })).toEqual({
      kind: 'formErrors',
      errors: { reason: 'This field is required.' },
    });
    expect(text(await h.submit('hr', FORMS.caseWithdraw, '1', { reason: 'Employee resigned' }))).toContain(
      'Case #1 withdrawn.',
    );
    const root = textOf(latestRoot(db.conn.sqlite, 1));
    expect(root).toContain('withdrawn on 2026-06-01 by <@person:hr>: Employee resigned');
    expect(text(await h.click('hr', ACTIONS.caseAdvance, '1:hr_approves'))).toContain('this case is already resolved');
  });
});
