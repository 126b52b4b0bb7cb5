/**
 * A CLI import (another process) holds SQLite's write lock for its batches. The bot must keep
 * answering meanwhile: reads need no lock (WAL snapshots), and a write that finds the lock taken
 * yields the event loop and tries again instead of blocking the whole process in a busy wait.
 * Here a second connection holds the write lock the way an import's batch does.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { seedReviewOrg, slackIdOf } from './org.js';
import { buttonsIn, type OpenedView } from '../../support/fake-slack-requests.js';

const CONFIG = 'timezone: UTC\nhrChannel:\n  slack: CHR\n';
const reviews = (h: SlackHarness) =>
  (h.db.conn.sqlite.prepare(`select count(*) n from reviews`).get() as { n: number }).n;

describe('the bot while another process holds the write lock', () => {
  let h: SlackHarness;
  let other: Database.Database;
  beforeEach(async () => {
    h = await startSlackHarness({ fileConfig: CONFIG, now: '2026-11-23T10:00:00Z' });
    seedReviewOrg(h);
    other = new Database(h.db.file);
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await h.close();
  });

  /** Opens the review modal for m1's first report, the way a manager does from the nudge. */
  async function openReviewForm(): Promise<OpenedView> {
    await h.slackReq.slashCommand(slackIdOf('hana'), '/review', 'start eng');
    const nudge = await waitFor(() => h.fake.dmsWithKey(slackIdOf('m1'), 'nudge:')[0], 'the nudge');
    await h.slackReq.clickButton(slackIdOf('m1'), buttonsIn(nudge.blocks)[0]!, { messageTs: nudge.ts });
    return waitFor(() => h.fake.callsTo('views.open').at(-1)?.args.view as OpenedView | undefined, 'the modal');
  }
  const answers = { kpi_calls: '30', kpi_churn: '1', rating: '3', strengths: 'Friendly', improvement: 'More calls' };

  it('answers /dandang help while the lock is held, and a review submitted meanwhile is saved once it is released', async () => {
    const view = await openReviewForm();
    other.exec('BEGIN IMMEDIATE');

    // Help needs no write: it is answered while the lock is still held (nothing here releases it).
    const answered = h.fake.responses.length;
    const help = await h.slackReq.slashCommand(slackIdOf('m1'), '/dandang', 'help');
    expect(help.status).toBe(200);
    const reply = await waitFor(() => h.fake.responses[answered], 'the help answer');
    expect(JSON.stringify(reply.body.blocks)).toContain('/dandang help');
    expect(other.inTransaction).toBe(true);

    // The submission needs the lock. The import releases it after its batch; that timer can only
    // fire if the bot yields the event loop instead of blocking in a busy wait.
    setTimeout(() => other.exec('COMMIT'), 300);
    const submitted = await h.slackReq.submitView(slackIdOf('m1'), view, answers);
    expect(submitted.status).toBe(200);
    expect(submitted.json?.response_action ?? 'clear').not.toBe('errors');
    expect(reviews(h)).toBe(1);
  }, 60_000);

  it('a lock held past the deadline gets a clear "busy, nothing saved" answer, not an HTTP 500', async () => {
    const view = await openReviewForm();
    other.exec('BEGIN IMMEDIATE');
    const busy = await h.slackReq.submitView(slackIdOf('m1'), view, answers);
    expect(busy.status).toBe(200);
    expect(JSON.stringify(busy.json)).toContain('Nothing was saved');
    expect(reviews(h)).toBe(0);
    other.exec('COMMIT');
    const again = await h.slackReq.submitView(slackIdOf('m1'), view, answers);
    expect(again.json?.response_action ?? 'clear').not.toBe('errors');
    expect(reviews(h)).toBe(1);
  }, 60_000);
});
