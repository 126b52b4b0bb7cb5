/**
 * A rating drop reaches the manager with the figures behind it, in the manager's language: the
 * ratings before and the latest one, so the manager can check it (issue 15: "each warning shows the
 * data points that triggered it"), and a conversation about the gap as the suggested step.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { makeRunWeeklyWarnings } from '../../../src/usecases/warning/run-weekly-warnings.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import { buttonsOf, outboxRows, textOf } from '../review/support.js';
import { seedWeeks, steady } from './support.js';

const NOW = '2026-03-16T11:00:00Z';
let db: TestDb;
afterEach(() => db.cleanup());

async function warnAbout(locale: 'en' | 'zh-CN'): Promise<{ text: string; buttons: [string, string][] }> {
  db = makeTestDb({ now: NOW });
  const org = seedTeams(db.store, { managers: 1, reportsPerManager: 2, locale });
  const [alice, bob] = org.reports[0]!;
  seedWeeks(db.store, '2026-03-16', [
    // Every KPI met every week, and rated 4 until a 1 last week.
    { person: alice!, weeks: [4, 4, 4, 4, 4, 1].map((rating) => ({ tickets: 50, rating })) },
    { person: bob!, weeks: steady(6) },
  ]);
  const settings = testSettings();
  expect(await makeRunWeeklyWarnings({ store: db.store, clock: db.clock, settings })()).toMatchObject({
    ran: true,
    warnings: 1,
  });
  const [dm] = outboxRows(db.conn.sqlite, 'warnings:2026-W12:m1');
  return { text: textOf(dm!.message), buttons: buttonsOf(dm!.message).map((b) => [b.actionId, b.label]) };
}

describe('a rating drop in the weekly warning', () => {
  it('says the latest rating against the person’s own average, with the ratings behind it', async () => {
    const { text, buttons } = await warnAbout('en');
    expect(text).toContain('**Alice 1.1**: rated 1, against their own recent average of 4');
    expect(text).toContain('Ratings: 4, 4, 4, 4 → 1');
    expect(text).not.toContain('Bob 1.2');
    expect(buttons).toEqual([[ACTIONS.scheduleConversation, 'Talk about the gap']]);
  });

  it('in Chinese for a manager who reads Chinese', async () => {
    const { text } = await warnAbout('zh-CN');
    expect(text).toContain('**Alice 1.1**：评分为 1，低于其本人近期平均分 4');
    // The ratings joined by the reader's list separator.
    expect(text).toMatch(/评分：4(?<sep>, |，|、)4\k<sep>4\k<sep>4 → 1/);
  });
});
