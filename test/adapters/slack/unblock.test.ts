/**
 * Issue 13 #7 on Slack: a refusal that names what unblocks it carries that action as a button, in
 * the ephemeral answer to a click and in the modal notice after a submission; pressing it works.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { seedReviewOrg, slackIdOf } from './org.js';
import { seedEndedPlan } from '../../support/ended-plan.js';
import { viewSubmissionAck } from '../../../adapters/slack/listeners/reply.js';
import { ACTIONS } from '../../../src/ui/actions.js';

const buttonsOf = (blocks: any[] = []) =>
  blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])) as { action_id: string; value: string; text: any }[];

describe('Slack: refusals offer the button that unblocks them', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ now: '2026-11-25T02:00:00Z' });
    seedReviewOrg(h);
  });
  afterEach(async () => h.close());

  it('Record the reassessment before the plan is complete → ephemeral with Mark the plan complete, which works', async () => {
    const planId = seedEndedPlan(h.db.store, h.db.clock, {
      employeeId: 'm1r1',
      managerId: 'm1',
      jobId: 'sdr',
      kpiKeys: ['calls'],
      goal: 'Forty calls a day',
    });
    const res = await h.slackReq.clickButton(slackIdOf('m1'), {
      action_id: 'training.open_reassessment',
      value: String(planId),
    });
    expect(res.status).toBe(200);
    const answer = await waitFor(() => h.fake.responses.at(-1)?.body, 'the ephemeral answer');
    expect(answer.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.blocks)).toContain('Mark the training plan “Forty calls a day” complete first');
    const [complete] = buttonsOf(answer.blocks);
    expect(complete).toMatchObject({ value: String(planId), text: { text: 'Mark the plan complete' } });
    expect(complete!.action_id.startsWith('training.complete')).toBe(true);

    await h.slackReq.clickButton(slackIdOf('m1'), complete!);
    await waitFor(() => h.db.store.tx((tx) => tx.evidence.plan(planId))?.status === 'completed', 'the completion');
  });
});

describe('Slack: a refusal after a modal submission', () => {
  it('shows the unblocking button in the notice that replaces the modal', () => {
    const ack = viewSubmissionAck(
      {
        kind: 'error',
        code: 'CONFLICT',
        text: 'Mark the plan complete first.',
        actions: [
          { actionId: ACTIONS.completeTraining, label: 'Mark the plan complete', value: '7', style: 'primary' },
        ],
      },
      { locale: 'en', title: 'Reassessment', inputIds: [], resolve: () => null },
    ) as { response_action: string; view: { blocks: any[] } };
    expect(ack.response_action).toBe('update');
    expect(buttonsOf(ack.view.blocks)).toMatchObject([{ value: '7', text: { text: 'Mark the plan complete' } }]);
  });
});
