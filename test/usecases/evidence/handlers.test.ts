/** The evidence commands, buttons and forms through the real router, as every adapter calls them. */
import { describe, it, expect, afterEach } from 'vitest';
import { makeEvidenceWorld, outboxRows, textOf, type EvidenceWorld } from './support.js';
import { makeRouter, type Router } from '../../../src/app/router.js';
import { allFeatures } from '../../../src/app/features.js';
import { ACTIONS, FORMS } from '../../../src/ui/actions.js';
import { buildBelowTargetFollowUps } from '../../../src/ui/screens/evidence/follow-ups.js';
import { translator } from '../../../src/ui/i18n/index.js';
import type { Person } from '../../../src/ports/records.js';
import type { Reply } from '../../../src/ui/model.js';

let w: EvidenceWorld;
let router: Router;
afterEach(() => w.db.cleanup());

const actor = (person: Person) => ({ person, platform: 'local' as const, locale: 'en' as const });
const command = (p: Person, name: 'note' | 'training' | 'review' | 'dandang', args: string, mentions: string[] = []) =>
  router.dispatch({ kind: 'command', actor: actor(p), command: name, args, mentions });
const formOf = (r: Reply) => {
  if (r.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(r)}`);
  return r.form;
};

function setup() {
  w = makeEvidenceWorld();
  router = makeRouter(allFeatures(w.deps));
}

describe('evidence handlers', () => {
  it('/note @person opens the form; /note without a mention says how to use it', async () => {
    setup();
    expect(formOf(await command(w.m1, 'note', w.emp.id, [w.emp.id])).formId).toBe(FORMS.note);
    expect(await command(w.m1, 'note', '')).toMatchObject({ kind: 'error', code: 'INVALID_INPUT' });
  });

  it('the below-target follow-up buttons open the training and scheduling forms pre-filled with the missed KPIs', async () => {
    setup();
    const [training, conversation] = buildBelowTargetFollowUps(translator('en'), w.emp.id, ['response']);
    const plan = formOf(
      await router.dispatch({
        kind: 'action',
        actor: actor(w.m1),
        actionId: training!.actionId,
        value: training!.value,
      }),
    );
    expect(plan.formId).toBe(FORMS.trainingPlan);
    expect(plan.inputs.find((i) => i.id === 'kpis')).toMatchObject({ initial: ['response'] });
    // "Schedule a conversation" schedules one (issue 13 #6): the planning form, not the note form.
    const schedule = formOf(
      await router.dispatch({
        kind: 'action',
        actor: actor(w.m1),
        actionId: conversation!.actionId,
        value: conversation!.value,
      }),
    );
    expect(schedule.formId).toBe(FORMS.scheduleConversation);
    expect(schedule.inputs.find((i) => i.id === 'kpis')).toMatchObject({ initial: ['response'] });
    expect(schedule.inputs.find((i) => i.id === 'agenda')).toMatchObject({
      initial: 'How we get First response back on target.',
    });
    // The value is untrusted: another team's manager gets nothing.
    expect(
      await router.dispatch({
        kind: 'action',
        actor: actor(w.m2),
        actionId: ACTIONS.promptTrainingPlan,
        value: training!.value,
      }),
    ).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
    expect(
      await router.dispatch({
        kind: 'action',
        actor: actor(w.m1),
        actionId: ACTIONS.promptTrainingPlan,
        value: 'garbage',
      }),
    ).toMatchObject({ kind: 'error' });
  });

  it('a form submission with invalid input comes back as inline errors', async () => {
    setup();
    const r = await router.dispatch({
      kind: 'submit',
      actor: actor(w.m1),
      formId: FORMS.note,
      state: w.emp.id,
      values: { kind: 'one_on_one', held_on: 'tomorrow', discussion: 'x', visibility: 'shared' },
    });
    expect(r).toEqual({ kind: 'formErrors', errors: { held_on: expect.any(String) } });
  });

  it('/review mine shows the actor’s record; /review mine @report is for the chain and HR only', async () => {
    setup();
    const mine = await command(w.emp, 'review', `mine`);
    expect(mine.kind === 'ok' && textOf(mine.message!)).toContain(`Record of ${w.emp.name}`);
    const theirs = await command(w.dir, 'review', `mine ${w.emp.id}`, [w.emp.id]);
    expect(theirs.kind === 'ok' && textOf(theirs.message!)).toContain(`Record of ${w.emp.name}`);
    expect(await command(w.m2, 'review', `mine ${w.emp.id}`, [w.emp.id])).toMatchObject({
      kind: 'error',
      code: 'NOT_AUTHORIZED',
    });
  });

  it('/dandang adjust @person <job-id> opens the job-adjustment form with that job', async () => {
    setup();
    const form = formOf(await command(w.hr, 'dandang', `adjust ${w.emp.id} support`, [w.emp.id]));
    expect(form.formId).toBe(FORMS.jobAdjustment);
    expect(form.inputs.find((i) => i.id === 'to_job')).toMatchObject({ initial: 'support' });
    const r = await router.dispatch({
      kind: 'submit',
      actor: actor(w.hr),
      formId: FORMS.jobAdjustment,
      state: w.emp.id,
      values: { to_job: 'support', kpis: ['tickets'], effective_on: '2026-12-01' },
    });
    expect(r).toMatchObject({ kind: 'ok' });
    expect(textOf(outboxRows(w.db.conn.sqlite, 'job-adjustment:%:employee')[0]!.message)).toContain('Support agent');
  });

  it('a button answers with the use case’s confirmation in the actor’s language; a tampered id is not found', async () => {
    setup();
    const r = await router.dispatch({
      kind: 'submit',
      actor: actor(w.m1),
      formId: FORMS.note,
      state: w.emp.id,
      values: {
        kind: 'feedback',
        held_on: '2026-11-22',
        discussion: 'Tickets closed were 28 against 40.',
        visibility: 'evidence',
      },
    });
    expect(r).toEqual({ kind: 'ok', toast: expect.stringContaining(w.emp.name) });
    const [dm] = outboxRows(w.db.conn.sqlite, 'note:%:employee');
    const noteId = /^note:(\d+):employee$/.exec(dm!.key)![1]!;
    w.db.store.tx((tx) => tx.org.upsertPerson({ ...w.emp, locale: 'zh-CN' }));
    const click = (value: string) =>
      router.dispatch({ kind: 'action', actor: actor(w.emp), actionId: ACTIONS.acknowledgeNote, value });
    expect(await click('#9999')).toMatchObject({ kind: 'error', code: 'NOT_FOUND' });
    expect(await click('1e3')).toMatchObject({ kind: 'error', code: 'NOT_FOUND' });
    expect(await click(noteId)).toEqual({ kind: 'ok', toast: translator('zh-CN')('ev.ack.recorded') });
  });
});
