/**
 * Bench 1: 10,000 nudges through the real sender and Slack delivery code, against the fake Slack
 * enforcing a workspace-wide rate limit on chat.postMessage (429 + Retry-After beyond it).
 * Slack's real limit is a few per second; the rate is scaled up so the run takes seconds, which
 * makes our own overhead (SQLite claims, rendering, HTTP) count for MORE, not less.
 */
import { WebClient } from '@slack/web-api';
import { makeTestDb } from '../test/support/db.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { makeOutboxQueue } from '../db/repos/outbox.js';
import { startOutboxSender } from '../src/delivery/sender.js';
import { makeSlackDeliver } from '../adapters/slack/deliver.js';
import { mentionResolver } from '../adapters/slack/index.js';
import type { Person } from '../src/ports/records.js';

export interface FanoutResult {
  nudges: number;
  ratePerSec: number;
  elapsedMs: number;
  allowedMs: number;
  ratio: number;
  postCalls: number;
  rateLimited: number;
  pct429: number;
}

/**
 * `ratePerSec` is the simulated workspace limit, enforced by the fake and told to the sender.
 * Pass `Infinity` to measure how fast this machine can push nudges at all (for calibration).
 */
export async function benchFanout(opts: { nudges: number; ratePerSec: number }): Promise<FanoutResult> {
  const db = makeTestDb({ platforms: ['slack'] });
  const fake = await startFakeSlack();
  const limited = Number.isFinite(opts.ratePerSec);
  // Slack counts its workspace limit over a minute, so short bursts pass; the fake lets one
  // second's worth through back to back.
  if (limited) fake.enforceRate('chat.postMessage', opts.ratePerSec, Math.max(5, opts.ratePerSec), 1);
  try {
    db.store.tx((tx) => {
      for (let i = 0; i < opts.nudges; i++) {
        const id = `m${i}`;
        tx.org.upsertPerson(manager(id));
        tx.outbox.post({
          key: `nudge:1:${id}`,
          to: { person: id },
          message: {
            text: `You have 3 reviews due Friday 18:00`,
            blocks: [
              { type: 'text', text: `**You have 3 reviews due Friday 18:00**: Alice, Bob, Chen` },
              {
                type: 'actions',
                buttons: ['a', 'b', 'c'].map((s) => ({
                  actionId: 'review.open_form' as const,
                  label: `Review ${s}`,
                  value: `${i}${s}`,
                  style: 'primary' as const,
                })),
              },
            ],
          },
        });
      }
    });
    const client = new WebClient('xoxb-bench', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    let sent = 0;
    const t0 = performance.now();
    const sender = startOutboxSender({
      platform: 'slack',
      queue: makeOutboxQueue(db.conn.db),
      clock: db.clock,
      deliver: makeSlackDeliver({ client, resolveMention: mentionResolver(db.store) }),
      // The sender is configured with the limit it is told about; burst small enough to stay
      // inside the platform's burst allowance.
      pacing: {
        // A burst of a few tokens absorbs timer lateness on a busy machine (a bucket of 1 would lose
        // every late millisecond); it stays well inside the burst the platform tolerates.
        global: limited ? [{ ratePerSec: opts.ratePerSec, burst: Math.max(3, Math.floor(opts.ratePerSec / 50)) }] : [],
        perChannel: { ratePerSec: 1, burst: 1 },
      },
      maxInFlight: 64,
      pollMs: 50,
      onOutcome: (_row, o) => {
        if (o.kind === 'sent') sent++;
      },
    });
    while (sent < opts.nudges) await new Promise((r) => setTimeout(r, 5));
    const elapsedMs = performance.now() - t0;
    await sender.stop();
    const postCalls = fake.callsTo('chat.postMessage').length;
    const rateLimited = fake.rateLimited.get('chat.postMessage') ?? 0;
    const allowedMs = (opts.nudges / opts.ratePerSec) * 1000;
    return {
      nudges: opts.nudges,
      ratePerSec: opts.ratePerSec,
      elapsedMs,
      allowedMs,
      ratio: elapsedMs / allowedMs,
      postCalls,
      rateLimited,
      pct429: (100 * rateLimited) / postCalls,
    };
  } finally {
    await fake.stop();
    db.cleanup();
  }
}

function manager(id: string): Person {
  return {
    id,
    name: `Manager ${id}`,
    email: `${id}@bench.test`,
    managerId: null,
    department: 'bench',
    jobId: null,
    role: 'employee',
    slackId: `U${id.toUpperCase()}`,
    feishuOpenId: null,
    locale: null,
    timezone: null,
    hireDate: null,
    teamChannelSlack: null,
    teamChannelFeishu: null,
    monthlyWage: null,
    active: true,
  };
}
