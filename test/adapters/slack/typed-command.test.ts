/**
 * Issue 13 #10 on Slack: `／review`, typed with a Chinese IME, is not a slash command to Slack but a
 * message in the bot's DM. The bot reads it as the command (through the real Bolt app and the fake
 * Slack), answers in the DM, and a form comes as a button that opens it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { seedReviewOrg, slackIdOf } from './org.js';
import { OPEN_INLINE_FORM, decodeInlineForm } from '../../../adapters/slack/render/inline-form.js';
import { FORMS } from '../../../src/ui/actions.js';

const dm = (user: string, text: string) => ({
  type: 'message',
  channel_type: 'im',
  channel: `D${user}`,
  user,
  text,
  ts: '1700000000.000100',
});

describe('Slack: a command typed in the bot’s DM', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ now: '2026-11-25T02:00:00Z' });
    seedReviewOrg(h);
  });
  afterEach(async () => h.close());

  const postsTo = (user: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === user);

  it('／dandang help (a full-width slash) answers with the help card in the DM, once per event', async () => {
    const m1 = slackIdOf('m1');
    expect((await h.slackReq.event(dm(m1, '／dandang help'), 'EvHelp1')).status).toBe(200);
    const post = await waitFor(() => postsTo(m1)[0], 'the answer in the DM');
    expect(JSON.stringify(post.args.blocks)).toContain('/review mine');
    // Slack retries an event it thinks we missed: it is answered once.
    await h.slackReq.event(dm(m1, '／dandang help'), 'EvHelp1');
    await new Promise((r) => setTimeout(r, 200));
    expect(postsTo(m1)).toHaveLength(1);
  });

  it('／note @report answers with a button that opens the note form', async () => {
    const m1 = slackIdOf('m1');
    await h.slackReq.event(dm(m1, `／note <@${slackIdOf('m1r1')}>`));
    const post = await waitFor(() => postsTo(m1)[0], 'the answer in the DM');
    const buttons = (post.args.blocks as any[]).flatMap((b) => (b.type === 'actions' ? b.elements : []));
    const open = buttons.find((b: { action_id: string }) => b.action_id.startsWith(OPEN_INLINE_FORM));
    expect(open).toBeDefined();
    expect(decodeInlineForm(open.value)).toMatchObject({ formId: FORMS.note, state: 'm1r1' });
  });

  it('chat that is not a command gets a hint; our own and other bots’ messages are ignored', async () => {
    const m2 = slackIdOf('m2');
    await h.slackReq.event(dm(m2, 'hello there'));
    const post = await waitFor(() => postsTo(m2)[0], 'the hint');
    expect(JSON.stringify(post.args)).toContain('/dandang help');
    await h.slackReq.event({ ...dm(m2, '／review'), bot_id: 'B1' });
    await h.slackReq.event({ ...dm(m2, '／review'), subtype: 'message_changed' });
    await new Promise((r) => setTimeout(r, 200));
    expect(postsTo(m2)).toHaveLength(1);
  });
});
