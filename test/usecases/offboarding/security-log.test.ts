/**
 * A case-step click is an untrusted button value: anyone can send one naming any case. Refusals of
 * people with no part in the case go to the security log (audit rows in the `security` category,
 * about the actor), never into the case's timeline, audit history or dossier, and they are rate
 * limited, so a script cannot fill the log. The same holds for a withdrawal, a dossier request and
 * a protected status asked for by someone with no part in the case or relation to the person.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { makeRouter } from '../../../src/app/router.js';
import { offboardingHandlers } from '../../../src/app/offboarding.js';
import type { Actor } from '../../../src/app/types.js';
import { ACTIONS, FORMS } from '../../../src/ui/actions.js';
import type { FormValues } from '../../../src/ui/model.js';
import { SECURITY_REFUSALS_PER_HOUR } from '../../../src/usecases/shared/security-log.js';
import { count } from './support.js';
import { rowCounts } from '../../app/fuzz-support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

function setup() {
  db = makeTestDb({ now: '2026-06-01T02:00:00Z' });
  seedTeams(db.store, { managers: 2, reportsPerManager: 2 });
  const deps = { store: db.store, clock: db.clock, settings: testSettings() };
  const router = makeRouter([offboardingHandlers(deps)]);
  const actor = (id: string): Actor => ({
    person: db.store.tx((tx) => tx.org.person(id))!,
    platform: 'slack',
    locale: 'en',
  });
  const click = (
    id: string,
    value: string,
    actionId: 'caseAdvance' | 'caseOpenStepForm' | 'caseExportDossier' = 'caseAdvance',
  ) => router.dispatch({ kind: 'action', actor: actor(id), actionId: ACTIONS[actionId], value });
  const command = (id: string, args: string, mentions: string[]) =>
    router.dispatch({ kind: 'command', actor: actor(id), command: 'offboard', args, mentions });
  const dandang = (id: string, args: string, mentions: string[]) =>
    router.dispatch({ kind: 'command', actor: actor(id), command: 'dandang', args, mentions });
  const submit = (
    id: string,
    formId: 'caseWithdraw' | 'protectedStatus' | 'caseStep',
    state: string,
    values: FormValues,
  ) => router.dispatch({ kind: 'submit', actor: actor(id), formId: FORMS[formId], state, values });
  return { click, command, dandang, submit };
}

const caseHistory = () => ({
  events: count(db.conn.sqlite, 'case_events', 'case_id = 1'),
  refusedEvents: count(db.conn.sqlite, 'case_events', "case_id = 1 AND outcome = 'refused'"),
  caseAudit: count(db.conn.sqlite, 'audit_log', "subject_type = 'case' AND subject_id = '1'"),
});
const securityRows = (actorId: string) =>
  db.conn.sqlite
    .prepare(
      `SELECT action, subject_id AS subjectId, detail FROM audit_log WHERE subject_type = 'security' AND actor_id = ? ORDER BY id`,
    )
    .all(actorId) as { action: string; subjectId: string; detail: string }[];

describe('refusals of people with no part in a case (#7)', () => {
  it("go to the security log, not the case's timeline or audit history, and are rate limited", async () => {
    const h = setup();
    expect((await h.command('m1', 'm1r1 bottom 10%', ['m1r1'])).kind).toBe('ok');
    const before = caseHistory();

    // m2r2 works for another manager and has nothing to do with case 1.
    for (let i = 0; i < SECURITY_REFUSALS_PER_HOUR + 15; i++) {
      const r = await h.click('m2r2', i % 2 ? '1:manager_confirms' : '1:hr_approves');
      expect(r).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
      // Nothing about the case is told to a stranger: not its steps, not what is missing.
      expect(r.kind === 'error' && r.text).not.toMatch(/Manager confirms|HR approves|missing/i);
    }
    expect(await h.click('m2r2', '1:manager_confirms', 'caseOpenStepForm')).toMatchObject({ kind: 'error' });
    expect(caseHistory()).toEqual(before);

    const logged = securityRows('m2r2');
    expect(logged).toHaveLength(SECURITY_REFUSALS_PER_HOUR);
    expect(logged[0]!.action).toBe('case.step_refused');
    expect(logged[0]!.subjectId).toBe('m2r2');
    expect(JSON.parse(logged[0]!.detail)).toMatchObject({ caseId: 1, step: 'hr_approves', code: 'NOT_AUTHORIZED' });

    // The limit is per hour: an hour later the next attempt is logged again.
    db.clock.advance(61 * 60_000);
    await h.click('m2r2', '1:manager_confirms');
    expect(securityRows('m2r2')).toHaveLength(SECURITY_REFUSALS_PER_HOUR + 1);
    expect(caseHistory()).toEqual(before);
  });

  it('a refusal of someone with a part in the case stays in its history, as before', async () => {
    const h = setup();
    expect((await h.command('m1', 'm1r1 bottom 10%', ['m1r1'])).kind).toBe('ok');
    const before = caseHistory();
    // HR clicks the manager's step: refused, and it is part of the case's story.
    const r = await h.click('hr', '1:manager_confirms');
    expect(r.kind === 'error' && r.text).toContain('Manager confirms');
    expect(caseHistory()).toEqual({
      events: before.events + 1,
      refusedEvents: before.refusedEvents + 1,
      caseAudit: before.caseAudit + 1,
    });
    // The employee's own click too.
    await h.click('m1r1', '1:manager_confirms');
    expect(caseHistory().refusedEvents).toBe(before.refusedEvents + 2);
    expect(securityRows('hr')).toHaveLength(0);
    expect(securityRows('m1r1')).toHaveLength(0);
  });

  it("opening a step's form takes no step: a refusal to open it writes nothing; its submit is the attempt", async () => {
    const h = setup();
    expect((await h.command('m1', 'm1r1 bottom 10%', ['m1r1'])).kind).toBe('ok');
    const before = rowCounts(db.conn);

    // HR (a party) and m2r2 (a stranger) open the manager's step: refused, in the gate's words for HR.
    const byHr = await h.click('hr', '1:manager_confirms', 'caseOpenStepForm');
    expect(byHr.kind === 'error' && byHr.text).toContain('Only the line manager can do “Manager confirms”.');
    expect(await h.click('m2r2', '1:manager_confirms', 'caseOpenStepForm')).toMatchObject({
      kind: 'error',
      code: 'NOT_AUTHORIZED',
    });
    // Not in the case's timeline, its audit history or the security log: no table changed.
    expect(rowCounts(db.conn)).toEqual(before);

    // Submitting the step's form anyway is an attempt to take the step, recorded as a click is.
    const submitted = await h.submit('hr', 'caseStep', '1:manager_confirms', { date: '2026-06-01' });
    expect(submitted.kind === 'error' && submitted.text).toContain('Only the line manager can do “Manager confirms”.');
    expect(caseHistory()).toMatchObject({ refusedEvents: 1 });
    expect(count(db.conn.sqlite, 'audit_log', "action = 'case.step_refused' AND actor_id = 'hr'")).toBe(1);
  });

  it("a stranger's withdrawal, dossier request or protected status goes to the security log too", async () => {
    const h = setup();
    expect((await h.command('m1', 'm1r1 bottom 10%', ['m1r1'])).kind).toBe('ok');
    const before = caseHistory();
    const personAudit = () => count(db.conn.sqlite, 'audit_log', "subject_type = 'person' AND subject_id = 'm1r1'");
    const personBefore = personAudit();

    // m2r2 has nothing to do with case 1 or with m1r1.
    const withdrawn = await h.submit('m2r2', 'caseWithdraw', '1', { reason: 'spam' });
    expect(withdrawn).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
    expect(await h.command('m2r2', 'dossier 1', [])).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
    expect(await h.click('m2r2', '1', 'caseExportDossier')).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
    // A case that does not exist is no case's history either.
    expect(await h.command('m2r2', 'dossier 99', [])).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
    expect(await h.dandang('m2r2', 'protect m1r1 pregnancy 2026-05-01', ['m1r1'])).toMatchObject({
      kind: 'error',
      code: 'NOT_AUTHORIZED',
    });
    expect(
      await h.submit('m2r2', 'protectedStatus', 'm1r1', { kind: 'pregnancy', from: '2026-05-01', to: '' }),
    ).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });

    expect(caseHistory()).toEqual(before);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'case.dossier_refused' AND subject_type = 'case'")).toBe(0);
    expect(personAudit()).toBe(personBefore);
    const logged = securityRows('m2r2');
    expect(logged.map((r) => r.action)).toEqual([
      'case.withdraw_refused',
      'case.dossier_refused',
      'case.dossier_refused',
      'case.dossier_refused',
      'case.protected_status_refused',
      'case.protected_status_refused',
    ]);
    expect(JSON.parse(logged[0]!.detail)).toMatchObject({ caseId: 1 });
    expect(JSON.parse(logged[3]!.detail)).toMatchObject({ caseId: 99 });
    expect(JSON.parse(logged[4]!.detail)).toMatchObject({ personId: 'm1r1', kind: 'pregnancy' });
    // The case itself is untouched.
    expect(db.conn.sqlite.prepare('SELECT status FROM cases WHERE id = 1').get()).toEqual({ status: 'open' });

    // Rate limited like the step clicks: a script gets the same answer and adds nothing past the limit.
    for (let i = 0; i < SECURITY_REFUSALS_PER_HOUR + 5; i++)
      await h.submit('m2r2', 'caseWithdraw', '1', { reason: `spam ${i}` });
    expect(securityRows('m2r2')).toHaveLength(SECURITY_REFUSALS_PER_HOUR);
    expect(caseHistory()).toEqual(before);
  });

  it("the same requests by people with a part stay in the case's or the person's history", async () => {
    const h = setup();
    expect((await h.command('m1', 'm1r1 bottom 10%', ['m1r1'])).kind).toBe('ok');
    const before = caseHistory();
    // The employee cannot withdraw their own case or take its dossier: part of the case's story.
    expect(await h.submit('m1r1', 'caseWithdraw', '1', { reason: 'no' })).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(await h.command('m1', 'dossier 1', [])).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(caseHistory().caseAudit).toBe(before.caseAudit + 2);
    // The manager may not record a protected status of their report: in the report's history.
    expect(await h.dandang('m1', 'protect m1r1 pregnancy 2026-05-01', ['m1r1'])).toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect(
      count(
        db.conn.sqlite,
        'audit_log',
        "action = 'case.protected_status_refused' AND subject_type = 'person' AND subject_id = 'm1r1'",
      ),
    ).toBe(1);
    expect(securityRows('m1')).toHaveLength(0);
    expect(securityRows('m1r1')).toHaveLength(0);
  });
});
