/**
 * The reminder ladder and the team digests, driven by the real schedule tick and delivered through
 * the Slack sender, at calendar edges: the end of daylight saving in America/New_York, and a
 * Chinese make-up workday (调休) in Asia/Shanghai.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { MANAGERS, seedReviewOrg, slackIdOf } from './org.js';
import { makeRunScheduleTick } from '../../../src/usecases/schedule/run-schedule-tick.js';

async function tickAt(h: SlackHarness, iso: string): Promise<void> {
  h.db.clock.set(iso);
  await makeRunScheduleTick({ store: h.db.store, clock: h.db.clock, settings: h.ctx.settings })();
  h.slack.wakeSender();
  await h.slack.senderIdle();
}

/** Outbox keys delivered to Slack so far, e.g. `remind:1:m1:0`. */
const deliveredKeys = (h: SlackHarness) =>
  h.fake.callsTo('chat.postMessage').map((c) => String(c.args.metadata?.event_payload?.key ?? ''));
const reminderSteps = (h: SlackHarness, manager: string) =>
  deliveredKeys(h)
    .filter((k) => k.startsWith('remind:') && k.split(':')[2] === manager && k.split(':').length === 4)
    .map((k) => Number(k.split(':')[3]));

describe('reminder ladder and digests through Slack', () => {
  let h: SlackHarness;
  afterEach(async () => h?.close());

  it('counts "1d" and "3d" in New York wall time across the end of daylight saving', async () => {
    h = await startSlackHarness({
      fileConfig: 'timezone: America/New_York\nhrChannel:\n  slack: CHR\n',
      now: '2026-10-26T12:00:00Z',
    });
    seedReviewOrg(h);
    // Monday Oct 26 09:00 EDT: the cycle opens; due Friday Oct 30 18:00 EDT = 22:00Z.
    await tickAt(h, '2026-10-26T13:00:30Z');
    await waitFor(() => MANAGERS.every((m) => h.fake.dmsWithKey(slackIdOf(m), 'nudge:').length === 1), 'the nudges');
    const dueAt = h.db.store.tx((tx) => tx.reviews.pendingSlotsOf('m1'))[0]!.dueAt;
    expect(new Date(dueAt).toISOString()).toBe('2026-10-30T22:00:00.000Z');

    await tickAt(h, '2026-10-30T21:59:00Z');
    expect(reminderSteps(h, 'm1')).toEqual([]);
    await tickAt(h, '2026-10-30T22:00:30Z');
    expect(reminderSteps(h, 'm1')).toEqual([0]);
    // The digest goes to each team channel once the reviews are due.
    const digest = await waitFor(() => h.fake.messagesIn('CTEAM1')[0], 'the team digest');
    expect(digest.text).toMatch(/0\/3 done/);
    expect(JSON.stringify(digest.blocks)).toContain('Waiting on');

    await tickAt(h, '2026-10-31T22:00:30Z'); // Saturday 18:00 EDT
    expect(reminderSteps(h, 'm1')).toEqual([0, 1]);

    // Clocks go back on Nov 1. 72 elapsed hours after the due time is 17:00 EST: too early.
    await tickAt(h, '2026-11-02T22:30:00Z');
    expect(reminderSteps(h, 'm1')).toEqual([0, 1]);
    expect(h.fake.messagesIn('CHR')).toHaveLength(0);
    // Monday 18:00 EST = 23:00Z: the manager, their manager and the HR channel are told.
    await tickAt(h, '2026-11-02T23:00:30Z');
    expect(reminderSteps(h, 'm1')).toEqual([0, 1, 2]);
    expect(
      h.fake
        .dmsWithKey(slackIdOf('dir'), 'remind:')
        .some((m) => String(m.metadata?.event_payload.key).endsWith(':m1:2:skip')),
    ).toBe(true);
    expect(h.fake.messagesIn('CHR').map((m) => String(m.metadata?.event_payload.key))).toContain(
      deliveredKeys(h).find((k) => k.endsWith(':m1:2:hr')),
    );
    // Exactly one digest per team channel and cycle, however many ticks ran.
    expect(
      h.fake.messagesIn('CTEAM1').filter((m) => String(m.metadata?.event_payload.key).startsWith('digest:')),
    ).toHaveLength(1);
  });

  it('treats a Chinese make-up Saturday as a workday: due, reminded and digested that day', async () => {
    const config = [
      'timezone: Asia/Shanghai',
      'locale: zh-CN',
      'holidays: CN',
      'hrChannel:',
      '  slack: CHR',
      'schedule:',
      '  departments:',
      // A six-day team whose reviews are due Saturday; an ordinary Saturday shifts to Friday.
      '    eng: { dueDay: sat, dueTime: "18:00" }',
    ].join('\n');
    h = await startSlackHarness({ fileConfig: config, now: '2026-10-07T12:00:00Z' });
    seedReviewOrg(h);
    // Thursday Oct 8 09:00 CST, the first workday after the National Day holiday (Oct 1–7).
    await tickAt(h, '2026-10-08T01:00:00Z');
    await waitFor(() => h.fake.dmsWithKey(slackIdOf('m1'), 'nudge:').length === 1, 'the nudge');
    const dueAt = h.db.store.tx((tx) => tx.reviews.pendingSlotsOf('m1'))[0]!.dueAt;
    // Saturday Oct 10, 2026 is a make-up workday (调休), so the due date stays on it.
    expect(new Date(dueAt).toISOString()).toBe('2026-10-10T10:00:00.000Z');

    await tickAt(h, '2026-10-09T10:00:30Z'); // Friday 18:00 CST: not due yet
    expect(reminderSteps(h, 'm1')).toEqual([]);
    expect(h.fake.messagesIn('CTEAM1')).toHaveLength(0);

    await tickAt(h, '2026-10-10T10:00:30Z'); // Saturday 18:00 CST
    expect(reminderSteps(h, 'm1')).toEqual([0]);
    const digest = await waitFor(() => h.fake.messagesIn('CTEAM1')[0], 'the team digest');
    expect(digest.text).toContain('0/3');
    expect(digest.text).toContain('已完成'); // the channel's locale (zh-CN) picks the catalog
  });
});
