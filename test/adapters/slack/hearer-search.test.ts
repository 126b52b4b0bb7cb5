/**
 * The appeal's "Heard by" on Slack: an external_select whose options the real Bolt app answers to a
 * signed block_suggestion, through the router and the use case. Someone beyond the first hundred
 * can be found and chosen; a forged request and someone not on the case get nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { openAppealCase, seedAppealOrg, ZOE } from '../../support/appeal-case.js';
import { blockSuggestionPayload, type OpenedView } from '../../support/fake-slack-requests.js';
import { sendEnvelope } from '../../support/fake-slack-socket.js';
import { slackSuggestionProblems } from '../../support/platform-limits.js';
import { ACTIONS } from '../../../src/ui/actions.js';

const HR = 'UHR';

describe('Slack: searching who heard the appeal', () => {
  let h: SlackHarness;
  let caseId: number;
  let view: OpenedView;

  beforeEach(async () => {
    h = await startSlackHarness({ now: '2026-06-30T04:00:00Z', fileConfig: 'policy:\n  preset: uk-capability\n' });
    seedAppealOrg(h.db.store);
    caseId = openAppealCase(h.ctx, h.db.store);
    const before = h.fake.callsTo('views.open').length;
    await h.slackReq.clickButton(HR, { action_id: ACTIONS.caseOpenStepForm, value: `${caseId}:appeal` });
    view = await waitFor(
      () => h.fake.callsTo('views.open').at(before)?.args.view as OpenedView | undefined,
      'the appeal modal',
    );
  });
  afterEach(async () => h.close());

  const optionsFor = async (userId: string, query: string, opts: { signature?: string } = {}) => {
    const res = await h.slackReq.blockSuggestion(userId, view, 'heard_by', query, opts);
    return res;
  };

  it('renders an external_select that asks after one character', () => {
    const block = view.blocks.find((b) => b.block_id === 'heard_by') as any;
    expect(block.element).toMatchObject({ type: 'external_select', action_id: 'heard_by', min_query_length: 1 });
    expect(block.element.options).toBeUndefined();
    expect(block.element.placeholder.text).toBe('Type a name, email or department');
  });

  it('answers a signed block_suggestion with the eligible people matching what was typed', async () => {
    const res = await optionsFor(HR, 'legal');
    expect(res.status).toBe(200);
    expect(slackSuggestionProblems(res.json ?? {})).toEqual([]);
    expect(res.json!.options).toEqual([
      { text: { type: 'plain_text', text: 'Zoë Zhang (Legal, zoe.zhang@example.com)' }, value: ZOE.id },
    ]);

    const wang = await optionsFor(HR, '王');
    expect(wang.json!.options.map((o: any) => o.text.text)).toEqual(
      expect.arrayContaining(['王芳 (财务部, wang.fang@example.com)', '王伟 (财务部, wang.wei@example.com)']),
    );
    // A hundred at most, whatever matches.
    const ops = await optionsFor(HR, 'ops');
    expect(ops.json!.options).toHaveLength(100);
    expect(slackSuggestionProblems(ops.json ?? {})).toEqual([]);
    // The employee's manager took part in the case: never offered.
    expect((await optionsFor(HR, 'Manager')).json!.options.map((o: any) => o.value)).toEqual(['m2']);
  });

  it('answers a forged signature with nothing', async () => {
    const res = await optionsFor(HR, 'zoe', { signature: 'v0=deadbeef' });
    expect(res.status).toBe(401);
    expect(res.json?.options).toBeUndefined();
  });

  it('gives someone not on the case, or not in Dandang, no options', async () => {
    expect((await optionsFor('UM2R1', 'zoe')).json).toEqual({ options: [] });
    expect((await optionsFor('UNOBODY', 'zoe')).json).toEqual({ options: [] });
    // A modal that is not one of our forms names nothing to search.
    const res = await h.slackReq.blockSuggestion(HR, { ...view, callback_id: 'other' }, 'heard_by', 'zoe');
    expect(res.json).toEqual({ options: [] });
  });

  it('records the picked person when the modal is submitted', async () => {
    const [zoe] = (await optionsFor(HR, 'zoë')).json!.options;
    const res = await h.slackReq.submitView(HR, view, { outcome: 'upheld', heard_by: zoe.value, date: '2026-06-29' });
    expect(res.status).toBe(200);
    const recorded = h.db.store
      .read((tx) => tx.cases.events(caseId))
      .find((e) => e.step === 'appeal' && e.outcome !== 'refused');
    expect(recorded?.detail.heardBy).toBe(ZOE.id);
  });
});

describe('Slack in Socket Mode: the same search over the socket', () => {
  let h: SlackHarness;
  afterEach(async () => h?.close());

  it('acks a block_suggestion envelope with the options', async () => {
    h = await startSlackHarness({
      socketMode: true,
      now: '2026-06-30T04:00:00Z',
      fileConfig: 'policy:\n  preset: uk-capability\n',
    });
    seedAppealOrg(h.db.store);
    const caseId = openAppealCase(h.ctx, h.db.store);
    const view: OpenedView = {
      callback_id: 'case.step_form',
      private_metadata: `${caseId}:appeal`,
      title: { text: 'Appeal' },
      blocks: [],
    };
    const ack = await sendEnvelope(h.fake, 'interactive', blockSuggestionPayload(HR, view, 'heard_by', 'zoe.zhang'));
    expect(ack).toEqual({
      options: [{ text: { type: 'plain_text', text: 'Zoë Zhang (Legal, zoe.zhang@example.com)' }, value: ZOE.id }],
    });
    const stranger = await sendEnvelope(
      h.fake,
      'interactive',
      blockSuggestionPayload('UM2R1', view, 'heard_by', 'zoe'),
    );
    expect(stranger).toEqual({ options: [] });
  });
});
