/**
 * Issue 13 #7: the "Complete plan" step is no longer hidden. When a plan's last session ends, the
 * manager gets a DM with **Mark the plan complete**; every refusal on the way to the reassessment
 * names what unblocks it and offers it as a button, through the router's reply.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { makeEvidenceWorld, valueOf, outboxRows, textOf, buttonsOf, type EvidenceWorld } from './support.js';
import { makeCreateTrainingPlan } from '../../../src/usecases/evidence/create-training-plan.js';
import { makeRunEvidenceTick } from '../../../src/usecases/schedule/run-evidence-tick.js';
import { makeRouter } from '../../../src/app/router.js';
import { allFeatures } from '../../../src/app/features.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import type { Reply } from '../../../src/ui/model.js';
import type { Person } from '../../../src/ports/records.js';

let w: EvidenceWorld;
afterEach(() => w.db.cleanup());

const plan = (w: EvidenceWorld) =>
  valueOf(
    makeCreateTrainingPlan(w.deps)({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: {
        kpis: ['tickets'],
        goal: 'Close 40 tickets a week',
        content: 'Queue triage and macros.',
        trainer_person: w.peer.id,
        session1_date: '2026-11-24',
        session1_start: '14:00',
        session1_end: '16:00',
        session1_place: 'Room 3',
        session2_date: '2026-11-26',
        session2_start: '14:00',
        session2_end: '15:00',
        session2_place: 'Room 3',
        expected: '40 tickets a week',
      },
    }),
  ).plan;

describe('completing a training plan', () => {
  const router = () => makeRouter(allFeatures(w.deps));
  const click = (who: Person, actionId: (typeof ACTIONS)[keyof typeof ACTIONS], value: string): Promise<Reply> =>
    router().dispatch({ kind: 'action', actor: { person: who, platform: 'slack', locale: 'en' }, actionId, value });

  it('asks the manager once the last session has ended, and every refusal offers what unblocks it', async () => {
    w = makeEvidenceWorld(); // Monday 23 Nov 2026, Shanghai; sessions Tue 24 and Thu 26 Nov
    const p = plan(w);
    const tick = makeRunEvidenceTick(w.deps);

    // Before the last session: the reassessment is refused with the date, and nothing to press.
    const early = await click(w.m1, ACTIONS.openReassessment, String(p.id));
    expect(early).toEqual({
      kind: 'error',
      code: 'CONFLICT',
      text: 'The training plan “Close 40 tickets a week” has a session until 2026-11-26. After it ends, mark the plan complete, then record the reassessment.',
    });
    w.db.clock.set('2026-11-24T09:00:00Z'); // the first session is over, not the second
    expect((await tick()).planCompletionPrompts).toBe(0);

    // Thursday 15:00 Shanghai: the last session ended. The manager is asked, once.
    w.db.clock.set('2026-11-26T07:00:00Z');
    expect((await tick()).planCompletionPrompts).toBe(1);
    expect((await tick()).planCompletionPrompts).toBe(0);
    const [prompt] = outboxRows(w.db.conn.sqlite, `training:${p.id}:ended`);
    expect(prompt!.address).toBe(w.m1.slackId);
    expect(prompt!.message.blocks[0]).toEqual({ type: 'header', text: `Training finished: ${w.emp.name}` });
    expect(textOf(prompt!.message)).toContain('ended on 2026-11-26');
    expect(textOf(prompt!.message)).toContain('2026-11-24 14:00–16:00 · Room 3 — no attendance yet');
    expect(buttonsOf(prompt!.message).map((b) => [b.actionId, b.label])).toEqual([
      [ACTIONS.completeTraining, 'Mark the plan complete'],
      [ACTIONS.openMarkAttendance, 'Mark attendance 1'],
      [ACTIONS.openMarkAttendance, 'Mark attendance 2'],
    ]);

    // Recording the reassessment now: refused, naming the step, with its button.
    const refused = await click(w.m1, ACTIONS.openReassessment, String(p.id));
    expect(refused.kind === 'error' && refused.text).toBe(
      'Mark the training plan “Close 40 tickets a week” complete first: the reassessment comes after it.',
    );
    const unblock = refused.kind === 'error' ? refused.actions! : [];
    expect(unblock.map((b) => [b.actionId, b.label, b.value])).toEqual([
      [ACTIONS.completeTraining, 'Mark the plan complete', String(p.id)],
    ]);
    // The skip-level manager is offered the same; someone outside the chain is refused, offered nothing.
    const director = await click(w.dir, ACTIONS.openReassessment, String(p.id));
    expect(director.kind === 'error' && director.actions?.map((b) => b.actionId)).toEqual([ACTIONS.completeTraining]);
    expect(await click(w.m2, ACTIONS.openReassessment, String(p.id))).toEqual({
      kind: 'error',
      code: 'NOT_AUTHORIZED',
      text: 'You are not allowed to do that.',
    });

    // Pressing it completes the plan; the prompt is rewritten in place.
    const done = await click(w.m1, unblock[0]!.actionId, unblock[0]!.value);
    expect(done).toMatchObject({
      kind: 'ok',
      toast: 'Plan completed. A reassessment against the same KPIs is now due.',
    });
    const rewritten = outboxRows(w.db.conn.sqlite, `training:${p.id}:ended#update%`).at(-1)!;
    expect(textOf(rewritten.message)).toContain(`✅ Marked complete by ${w.m1.name} on 2026-11-26.`);
    expect(buttonsOf(rewritten.message).map((b) => [b.actionId, b.label])).toEqual([
      [ACTIONS.openReassessment, 'Record the reassessment'],
    ]);

    // Completing again says what is next, with its button; the form opens from it.
    const again = await click(w.m1, ACTIONS.completeTraining, String(p.id));
    expect(again.kind === 'error' && [again.text, again.actions?.map((b) => b.actionId)]).toEqual([
      'This training plan is already complete. Record the reassessment next.',
      [ACTIONS.openReassessment],
    ]);
    const form = await click(w.m1, ACTIONS.openReassessment, String(p.id));
    expect(form.kind).toBe('form');
  });

  it('sends no prompt to a deactivated manager; a plan already reassessed points to the record', async () => {
    w = makeEvidenceWorld();
    const p = plan(w);
    w.db.store.tx((tx) => tx.org.setActive(w.m1.id, false));
    w.db.clock.set('2026-11-26T07:00:00Z');
    // m1 wrote the plan and left: nobody active owns it, so no prompt goes to a deactivated account.
    expect((await makeRunEvidenceTick(w.deps)()).planCompletionPrompts).toBe(0);
    expect(outboxRows(w.db.conn.sqlite, `training:${p.id}:ended`)).toEqual([]);
    w.db.store.tx((tx) => tx.org.setActive(w.m1.id, true));

    await click(w.m1, ACTIONS.completeTraining, String(p.id));
    const recorded = await router().dispatch({
      kind: 'submit',
      actor: { person: w.m1, platform: 'slack', locale: 'en' },
      formId: 'training.reassessment_form',
      state: String(p.id),
      values: { kpi_tickets: '41', kpi_response: '3', rating: '4' },
    });
    expect(recorded.kind).toBe('ok');
    const after = await click(w.m1, ACTIONS.openReassessment, String(p.id));
    expect(after.kind === 'error' && after.actions?.map((b) => [b.actionId, b.value])).toEqual([
      [ACTIONS.viewRecord, w.emp.id],
    ]);
    const record = await click(w.m1, ACTIONS.viewRecord, w.emp.id);
    expect(record.kind === 'ok' && record.message && textOf(record.message)).toContain(`Record of ${w.emp.name}`);
    // The record button re-checks access: a manager outside the chain sees nothing.
    expect(await click(w.m2, ACTIONS.viewRecord, w.emp.id)).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });
  });
});
