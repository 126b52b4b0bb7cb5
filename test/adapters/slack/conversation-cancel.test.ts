/**
 * Cancelling a planned conversation through the real Bolt app against the fake Slack Web API, with
 * signed requests: the organizer's DM carries the buttons, a forged click by the employee is refused,
 * the organizer's click opens the modal, and the submission rebuilds both DMs in place, sends the
 * employee the notice and both the cancelling calendar file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, addPeople, person, type SlackHarness } from './harness.js';
import { buttonsIn, type OpenedView } from '../../support/fake-slack-requests.js';
import { makeScheduleConversation } from '../../../src/usecases/evidence/schedule-conversation.js';
import { ACTIONS, FORMS } from '../../../src/ui/actions.js';

const statusOf = (h: SlackHarness) =>
  (h.db.conn.sqlite.prepare('SELECT status FROM planned_conversations WHERE id = 1').get() as { status: string })
    .status;

describe('cancelling a planned conversation through Slack', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ fileConfig: 'timezone: UTC\n', now: '2026-11-23T10:00:00Z' });
    addPeople(h, [
      person({ id: 'mia', name: 'Mia Manager' }),
      person({ id: 'eli', name: 'Eli Employee', managerId: 'mia' }),
    ]);
    const planned = makeScheduleConversation(h.ctx)({
      actorId: 'mia',
      personId: 'eli',
      values: { date: '2026-11-24', start: '14:00', minutes: '30', place: 'Room 3', agenda: 'The queue.' },
    });
    expect(planned.ok).toBe(true);
  }, 30_000);
  afterEach(async () => h.close());

  it('organizer’s button → modal → both DMs rebuilt, notice and calendar files; the employee’s forged click is refused', async () => {
    const [dm] = await waitFor(
      () =>
        h.fake.dmsWithKey('UMIA', 'conversation:1:organizer').length
          ? h.fake.dmsWithKey('UMIA', 'conversation:1:organizer')
          : null,
      'the organizer’s DM',
    );
    const [employeeDm] = await waitFor(
      () =>
        h.fake.dmsWithKey('UELI', 'conversation:1:employee').length
          ? h.fake.dmsWithKey('UELI', 'conversation:1:employee')
          : null,
      'the employee’s DM',
    );
    expect(buttonsIn(employeeDm!.blocks)).toEqual([]);
    const cancel = buttonsIn(dm!.blocks).find((b) => b.action_id === ACTIONS.cancelConversation)!;
    expect(cancel.value).toBe('1');

    // The employee replays the organizer's button: refused, no modal, nothing changed.
    await h.slackReq.clickButton('UELI', cancel, { messageTs: employeeDm!.ts });
    await waitFor(() => h.fake.responses.length > 0 || h.fake.callsTo('chat.postEphemeral').length > 0, 'the refusal');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect(statusOf(h)).toBe('planned');

    await h.slackReq.clickButton('UMIA', cancel, { messageTs: dm!.ts });
    const view = await waitFor(
      () => h.fake.callsTo('views.open').at(-1)?.args.view as OpenedView | undefined,
      'the cancel modal',
    );
    expect(view.callback_id).toBe(FORMS.cancelConversation);
    const submitted = await h.slackReq.submitView('UMIA', view, { reason: 'Out sick; next week instead.' });
    expect(submitted.json?.response_action ?? 'clear').not.toBe('errors');
    expect(statusOf(h)).toBe('cancelled');

    // Both DMs are edited in place: cancelled, no buttons left.
    await waitFor(
      () => (JSON.stringify(dm!.blocks).includes('Cancelled on 2026-11-23') ? true : null),
      'the organizer’s DM rebuilt',
    );
    expect(buttonsIn(dm!.blocks)).toEqual([]);
    await waitFor(
      () => (JSON.stringify(employeeDm!.blocks).includes('Cancelled on 2026-11-23') ? true : null),
      'the employee’s DM rebuilt',
    );
    const [notice] = await waitFor(
      () =>
        h.fake.dmsWithKey('UELI', 'conversation:1:change:1').length
          ? h.fake.dmsWithKey('UELI', 'conversation:1:change:1')
          : null,
      'the employee’s notice',
    );
    expect(notice!.text).toContain('Mia Manager cancelled your conversation of Tue 24 Nov 14:00–14:30.');
    expect(JSON.stringify(notice!.blocks)).toContain('Out sick; next week instead.');
    for (const user of ['UELI', 'UMIA'])
      await waitFor(
        () =>
          h.fake
            .messagesIn(h.fake.dmOf(user))
            .some((m) =>
              m.files?.some((f) => f.name === 'Calendar file: conversation of Tue 24 Nov 14:00–14:30 cancelled'),
            ) || null,
        `the cancelling calendar file to ${user}`,
      );
  }, 60_000);
});
