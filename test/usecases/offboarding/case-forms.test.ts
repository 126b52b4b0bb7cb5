/** The offboarding forms a button or a command opens, and what a command's bad input answers. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { makeRouter } from '../../../src/app/router.js';
import { offboardingHandlers } from '../../../src/app/offboarding.js';
import type { Inbound } from '../../../src/app/types.js';
import type { Reply } from '../../../src/ui/model.js';
import { ACTIONS, FORMS } from '../../../src/ui/actions.js';
import { count } from './support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

function setup() {
  db = makeTestDb({ now: '2026-06-01T02:00:00Z' });
  seedTeams(db.store, { managers: 1, reportsPerManager: 1 });
  const router = makeRouter([offboardingHandlers({ store: db.store, clock: db.clock, settings: testSettings() })]);
  const actor = (id: string) => ({
    person: db.store.tx((tx) => tx.org.person(id))!,
    platform: 'slack' as const,
    locale: 'en' as const,
  });
  return {
    command: (id: string, command: 'offboard' | 'dandang', args: string, mentions: string[] = []) =>
      router.dispatch({ kind: 'command', actor: actor(id), command, args, mentions } as Inbound),
    click: (id: string, actionId: (typeof ACTIONS)[keyof typeof ACTIONS], value: string) =>
      router.dispatch({ kind: 'action', actor: actor(id), actionId, value }),
    submit: (id: string, formId: (typeof FORMS)[keyof typeof FORMS], state: string, values: Record<string, string>) =>
      router.dispatch({ kind: 'submit', actor: actor(id), formId, state, values }),
  };
}

const formOf = (r: Reply) => (r.kind === 'form' ? r.form : null);

describe('offboarding forms', () => {
  it('the Withdraw button opens the reason form in the reader’s own language; a tampered id is not found', async () => {
    const h = setup();
    await h.command('hr', 'offboard', 'm1r1 restructuring', ['m1r1']);
    const form = formOf(await h.click('m1', ACTIONS.caseOpenWithdraw, '1'));
    expect(form).toMatchObject({ formId: FORMS.caseWithdraw, state: '1', title: 'Withdraw case #1' });
    expect(form!.inputs.map((i) => i.id)).toEqual(['reason']);

    db.store.tx((tx) => tx.org.upsertPerson({ ...tx.org.person('hr')!, locale: 'zh-CN' }));
    expect(formOf(await h.click('hr', ACTIONS.caseOpenWithdraw, '#1'))?.title).toBe('撤回案件 #1');

    expect(await h.click('m1', ACTIONS.caseOpenWithdraw, '1; drop table')).toMatchObject({
      kind: 'error',
      code: 'NOT_FOUND',
      text: 'No such case.',
    });
  });

  it('`/dandang protect` with bad input says what is wrong in one message; the form keeps errors by field', async () => {
    const h = setup();
    const byCommand = await h.command('hr', 'dandang', 'protect m1r1 holiday 2026-13-01', ['m1r1']);
    expect(byCommand).toMatchObject({ kind: 'error', code: 'INVALID_INPUT' });
    expect(byCommand.kind === 'error' && byCommand.text).toContain('Usage: `/dandang protect @person');
    expect(byCommand.kind === 'error' && byCommand.text).toContain('Use a date like 2026-11-30.');

    const form = formOf(await h.command('hr', 'dandang', 'protect', ['m1r1']));
    expect(form).toMatchObject({ formId: FORMS.protectedStatus, state: 'm1r1' });
    expect(await h.submit('hr', FORMS.protectedStatus, 'm1r1', { kind: 'pregnancy', from: '2026-02-30' })).toEqual({
      kind: 'formErrors',
      errors: { from: 'Use a date like 2026-11-30.' },
    });
    expect(count(db.conn.sqlite, 'protected_statuses')).toBe(0);
  });
});
