/**
 * A case-step click is an untrusted button value: anyone can send one naming any case. Refusals of
 * people with no part in the case go to the security log (audit rows in the `security` category,
 * about the actor), never into the case's timeline, audit history or dossier, and they are rate
 * limited, so a script cannot fill the log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { makeRouter } from '../../../src/app/router.js';
import { offboardingHandlers } from '../../../src/app/offboarding.js';
import type { Actor } from '../../../src/app/types.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import { SECURITY_REFUSALS_PER_HOUR } from '../../../src/usecases/shared/security-log.js';
import { count } from './support.js';

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
  const click = (id: string, value: string, actionId: 'caseAdvance' | 'caseOpenStepForm' = 'caseAdvance') =>
    router.dispatch({ kind: 'action', actor: actor(id), actionId: ACTIONS[actionId], value });
  const command = (id: string, args: string, mentions: string[]) =>
    router.dispatch({ kind: 'command', actor: actor(id), command: 'offboard', args, mentions });
  return { click, command };
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
});
