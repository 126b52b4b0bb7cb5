/**
 * A deactivated HR account has no HR powers on cases. The router hands use cases the actor's id
 * only, so each use case must re-read the person and see `active: false` (the drift issue 9 names:
 * offboarding's own `isHr` once ignored it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { makeRouter } from '../../../src/app/router.js';
import { offboardingHandlers } from '../../../src/app/offboarding.js';
import { reportHandlers } from '../../../src/app/report.js';
import type { Inbound } from '../../../src/app/types.js';
import { ACTIONS, FORMS } from '../../../src/ui/actions.js';
import { count } from './support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

function setup() {
  db = makeTestDb({ now: '2026-06-01T02:00:00Z' });
  seedTeams(db.store, { managers: 2, reportsPerManager: 1 });
  const deps = { store: db.store, clock: db.clock, settings: testSettings() };
  // `/dandang report` belongs to the report feature (src/app/commands.ts).
  const router = makeRouter([offboardingHandlers(deps), reportHandlers(deps)]);
  // The adapter resolved this person before deactivation (a stale session or a queued click).
  const actor = (id: string) => ({
    person: db.store.tx((tx) => tx.org.person(id))!,
    platform: 'slack' as const,
    locale: 'en' as const,
  });
  const setActive = (id: string, active: boolean) =>
    db.store.tx((tx) => tx.org.upsertPerson({ ...tx.org.person(id)!, active }));
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
  return { setActive, command, click, submit };
}

const stepIndex = () =>
  (db.conn.sqlite.prepare('SELECT step_index AS i FROM cases WHERE id = 1').get() as { i: number }).i;

describe('a deactivated HR account', () => {
  it('is refused every HR act on a case, audited, and the same acts pass once it is active again', async () => {
    const h = setup();
    // The manager opens an agreed exit, whose first step is HR's.
    expect((await h.command('m1', 'offboard', 'm1r1 mutual restructuring', ['m1r1'])).kind).toBe('ok');
    h.setActive('hr', false);

    const refused = { kind: 'error', code: 'NOT_AUTHORIZED' };
    expect(await h.click('hr', ACTIONS.caseAdvance, '1:hr_approves')).toMatchObject(refused);
    expect(stepIndex()).toBe(0);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'case.step_refused' AND actor_id = 'hr'")).toBe(1);
    expect(await h.command('hr', 'offboard', 'm2r1', ['m2r1'])).toMatchObject(refused);
    expect(count(db.conn.sqlite, 'cases')).toBe(1);
    expect(await h.command('hr', 'offboard', 'status')).toMatchObject(refused);
    expect(await h.command('hr', 'dandang', 'report')).toMatchObject(refused);
    expect(await h.command('hr', 'offboard', 'dossier 1')).toMatchObject(refused);
    expect(await h.command('hr', 'dandang', 'protect m1r1 pregnancy 2026-05-01', ['m1r1'])).toMatchObject(refused);
    expect(await h.command('hr', 'dandang', 'protect', ['m1r1'])).toMatchObject(refused);
    expect(count(db.conn.sqlite, 'protected_statuses')).toBe(0);
    expect(await h.submit('hr', FORMS.caseWithdraw, '1', { reason: 'Employee resigned' })).toMatchObject(refused);
    expect(db.conn.sqlite.prepare('SELECT status FROM cases WHERE id = 1').get()).toEqual({ status: 'open' });

    h.setActive('hr', true);
    expect((await h.click('hr', ACTIONS.caseAdvance, '1:hr_approves')).kind).toBe('ok');
    expect(stepIndex()).toBe(1);
    expect((await h.command('hr', 'offboard', 'status')).kind).toBe('ok');
  });
});
