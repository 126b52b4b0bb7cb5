/**
 * The cost of Dandang on an interaction, against a bare Bolt app that does the same I/O: `/review
 * status` over HTTP from concurrent clients. Both apps verify the signature, ack, then post an
 * ephemeral answer to `response_url` (the fake Slack's). Ours also resolves the actor, runs the use
 * case (the team's slots this cycle), renders Block Kit. The time of one request runs from sending
 * it until its answer has reached `response_url` (what the user waits for); throughput is requests
 * answered per second. The two apps run in turns on the same event loop, fake and clients alike.
 *
 * What makes the comparison fair:
 *  - the bare app posts the same answer: for each manager, the very body Dandang posted for them
 *    (same blocks, same size, the same checks in the fake); it only skips computing it;
 *  - the bare app is served the way a bare Bolt app serves itself (`app.start`: Bolt's own HTTP
 *    server), not through Dandang's shared host, so it pays none of Dandang's per-request work;
 *  - Dandang runs as in production: its outbox sender polls at the default interval, and the
 *    nudges `/review start` queued are all sent before anything is timed;
 *  - both run in alternating rounds, and the fake forgets the answers between rounds, so drift on
 *    a shared machine and a growing heap hit both alike.
 * Besides wall time, it reports the process CPU time per answer in each app's rounds (clients and
 * fake included, identical for both): on a loaded machine that moves far less than latency does.
 */
import { App, HTTPReceiver } from '@slack/bolt';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { startSlackHarness, addPeople, person, waitFor } from '../test/adapters/slack/harness.js';

interface AppFigures {
  p50: number;
  p99: number;
  perSec: number;
  failed: number;
  /** Process CPU time (user + system) per answer during this app's rounds, ms. */
  cpuMsPerAnswer: number;
}

export interface SameIoResult {
  requests: number;
  concurrency: number;
  ours: AppFigures;
  bare: AppFigures;
  p99Ratio: number;
  throughputRatio: number;
  /** Bare's CPU per answer over ours: the share of the process's work per answer that is Bolt's own. */
  cpuRatio: number;
}

const SIGNING_SECRET = 'test-signing-secret';

export async function benchSameIo(opts: {
  requests: number;
  concurrency: number;
  rounds?: number;
}): Promise<SameIoResult> {
  const h = await startSlackHarness({
    fileConfig: 'timezone: UTC\nhrChannel:\n  slack: CHR\n',
    now: '2026-11-23T10:00:00Z',
    // The sender as in production (polling every 500 ms), not the tests' 50 ms.
    options: { sender: {} },
  });
  // The bare app: the same Bolt and receiver, served by Bolt's own HTTP server. It answers each
  // manager with the body Dandang answered them with (recorded below), so the I/O is the same.
  const answers = new Map<string, Record<string, unknown>>();
  const bareReceiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
  const bare = new App({
    token: 'xoxb-test',
    botId: 'B1',
    botUserId: 'U1',
    receiver: bareReceiver,
    clientOptions: { slackApiUrl: h.fake.apiUrl },
  });
  bare.command('/review', async ({ ack, respond, command }) => {
    await ack();
    await respond(answers.get(command.user_id) as never);
  });
  const bareServer = await bareReceiver.start({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/slack/events`;
  const oursUrl = h.slackReq.eventsUrl;

  try {
    seed(h);
    const started = await h.slackReq.slashCommand('UHANA', '/review', 'start eng');
    if (started.status !== 200) throw new Error(`/review start answered ${started.status}`);
    await h.slack.senderIdle(); // the cycle's nudges are out before anything is timed
    // What Dandang answers each manager: the bare app posts the same bodies.
    for (let m = 0; m < MANAGERS; m++) {
      const user = `UM${m}`;
      const r = await h.slackReq.slashCommand(user, '/review', 'status', {
        responseUrl: `${h.fake.url}/response/recorded-${user}`,
      });
      if (r.status !== 200) throw new Error(`/review status answered ${r.status}`);
      const answer = await waitFor(
        () => h.fake.responses.find((x) => x.id === `recorded-${user}`),
        `the answer to ${user}`,
      );
      answers.set(user, answer.body);
    }
    h.fake.responses.length = 0;
    // Wait for the answers to arrive at response_url.
    const waiting = new Map<string, () => void>();
    h.fake.onResponse = (id) => waiting.get(id)?.();

    const one = async (url: string, user: string) => {
      const id = randomUUID();
      const answered = new Promise<void>((resolve) => waiting.set(id, resolve));
      const t0 = performance.now();
      try {
        const r = await h.slackReq.slashCommand(user, '/review', 'status', {
          eventsUrl: url,
          responseUrl: `${h.fake.url}/response/${id}`,
        });
        if (r.status !== 200) return { ms: NaN, ok: false };
        const timeout = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 10_000).unref());
        if ((await Promise.race([answered, timeout])) === 'late') return { ms: NaN, ok: false };
        return { ms: performance.now() - t0, ok: true };
      } catch {
        return { ms: NaN, ok: false };
      } finally {
        waiting.delete(id);
      }
    };
    const run = async (url: string, n: number) => {
      const results: { ms: number; ok: boolean }[] = [];
      let next = 0;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: opts.concurrency }, async () => {
          while (next < n) {
            const i = next++;
            results.push(await one(url, `UM${i % MANAGERS}`));
          }
        }),
      );
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      h.fake.responses.length = 0;
      return { results, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
    };

    // Warm both (JIT, connections), then alternate rounds so drift on a shared machine hits both.
    // The order flips every round (ours, bare, bare, ours, …): the process CPU of a round also
    // counts the garbage collector's threads finishing the previous round's work, which would
    // otherwise be charged to whichever app always goes second. A short idle gap between runs lets
    // that work finish outside both.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 250));
    await run(oursUrl, 500);
    await run(bareUrl, 500);
    const rounds = Math.max(2, 2 * Math.round((opts.rounds ?? 8) / 2));
    const per = Math.ceil(opts.requests / rounds);
    const acc = {
      ours: { r: [] as { ms: number; ok: boolean }[], ms: 0, cpuMs: 0 },
      bare: { r: [] as { ms: number; ok: boolean }[], ms: 0, cpuMs: 0 },
    };
    const both = [
      ['ours', oursUrl],
      ['bare', bareUrl],
    ] as const;
    for (let i = 0; i < rounds; i++) {
      for (const [key, url] of i % 2 ? [...both].reverse() : both) {
        await settle();
        const x = await run(url, per);
        acc[key].r.push(...x.results);
        acc[key].ms += x.ms;
        acc[key].cpuMs += x.cpuMs;
      }
    }
    const sum = (a: { r: { ms: number; ok: boolean }[]; ms: number; cpuMs: number }): AppFigures => {
      const ok = a.r.filter((x) => x.ok).map((x) => x.ms);
      return {
        ...percentiles(ok),
        perSec: ok.length / (a.ms / 1000),
        failed: a.r.length - ok.length,
        cpuMsPerAnswer: a.cpuMs / ok.length,
      };
    };
    const ours = sum(acc.ours);
    const bareS = sum(acc.bare);
    return {
      requests: per * rounds,
      concurrency: opts.concurrency,
      ours,
      bare: bareS,
      p99Ratio: ours.p99 / bareS.p99,
      throughputRatio: ours.perSec / bareS.perSec,
      cpuRatio: bareS.cpuMsPerAnswer / ours.cpuMsPerAnswer,
    };
  } finally {
    h.fake.onResponse = null;
    await new Promise<void>((resolve) => {
      bareServer.close(() => resolve());
      bareServer.closeAllConnections();
    });
    await h.close();
  }
}

const MANAGERS = 20;

function percentiles(ms: number[]): { p50: number; p99: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

/** 20 managers with 10 reports each in one department, and HR to open the cycle. */
function seed(h: Awaited<ReturnType<typeof startSlackHarness>>): void {
  h.db.store.tx((tx) => {
    tx.org.upsertJob({ id: 'sdr', title: 'Sales rep', duties: 'Call prospects', requirements: 'Phone' });
    tx.org.replaceKpis('sdr', [
      { key: 'calls', name: 'Calls per day', unit: 'calls', target: 40, direction: 'higher' },
      { key: 'meetings', name: 'Meetings booked', unit: 'meetings', target: 5, direction: 'higher' },
    ]);
  });
  addPeople(h, [
    person({ id: 'hana', role: 'hr', department: 'hr' }),
    ...Array.from({ length: MANAGERS }, (_, m) => person({ id: `m${m}`, department: 'leads' })),
    ...Array.from({ length: MANAGERS * 10 }, (_, i) =>
      person({ id: `r${i}`, managerId: `m${Math.floor(i / 10)}`, department: 'eng', jobId: 'sdr' }),
    ),
  ]);
}
