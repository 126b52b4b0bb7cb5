import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings, type SeededTeams } from '../../support/org.js';
import { makeRouter, type Router } from '../../../src/app/router.js';
import { reviewHandlers } from '../../../src/app/review.js';
import type { Actor, Inbound } from '../../../src/app/types.js';
import type { Person } from '../../../src/ports/records.js';
import { FORMS } from '../../../src/ui/actions.js';
import { textOf } from './support.js';

describe('/review through the router', () => {
  let db: TestDb;
  let org: SeededTeams;
  let router: Router;
  const actor = (p: Person): Actor => ({ person: p, platform: 'local', locale: p.locale ?? 'en' });
  const command = (p: Person, args: string, mentions: string[] = []): Inbound => ({
    kind: 'command',
    actor: actor(p),
    command: 'review',
    args,
    mentions,
  });

  beforeEach(() => {
    db = makeTestDb({ now: '2026-11-23T10:00:00Z' });
    org = seedTeams(db.store, { managers: 2, reportsPerManager: 2 });
    router = makeRouter([reviewHandlers({ store: db.store, clock: db.clock, settings: testSettings() })]);
  });
  afterEach(() => db.cleanup());

  it('starts a cycle (HR only), shows status, opens forms and returns inline errors', async () => {
    const m1 = org.managers[0]!;
    expect(await router.dispatch(command(m1, 'start'))).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
    expect(await router.dispatch(command(m1, ''))).toMatchObject({
      kind: 'error',
      code: 'NOT_FOUND',
      text: 'You have no pending reviews. 🎉',
    });

    const started = await router.dispatch(command(org.hr, 'start eng'));
    expect(started.kind === 'ok' && started.toast).toBe('Opened 2026-W48 for eng: 2 managers nudged, 4 reviews.');

    const form = await router.dispatch(command(m1, '', [org.reports[0]![1]!.id]));
    expect(form.kind === 'form' && form.form.formId).toBe(FORMS.review);
    const state = form.kind === 'form' ? form.form.state : '';
    const errors = await router.dispatch({
      kind: 'submit',
      actor: actor(m1),
      formId: FORMS.review,
      state,
      values: { kpi_tickets: '1', kpi_response: '1', rating: '3' },
    });
    expect(errors).toEqual({
      kind: 'formErrors',
      errors: { improvement: 'Tickets closed missed the target: say what should improve.' },
    });
    const saved = await router.dispatch({
      kind: 'submit',
      actor: actor(m1),
      formId: FORMS.review,
      state,
      values: { kpi_tickets: '50', kpi_response: '1', rating: '5' },
    });
    expect(saved.kind).toBe('ok');

    const status = await router.dispatch(command(m1, 'status'));
    const lines = status.kind === 'ok' ? textOf(status.message!) : '';
    expect(lines).toContain('⏳ Alice 1.1 (due Fri 27 Nov 18:00)\n✅ Bob 1.2');
    expect(status.kind === 'ok' && textOf(status.message!)).toContain('1/2 done');
    expect(await router.dispatch(command(m1, 'status all'))).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
    const all = await router.dispatch(command(org.hr, 'status all'));
    expect(all.kind === 'ok' && textOf(all.message!)).toContain('**eng** Week 48: 1/4 done');
  });
});
