/**
 * The cost of Dandang on an interaction, against a bare Bolt app that does the same I/O: `/review
 * status` over HTTP from concurrent clients. Both apps verify the signature, ack, then post an
 * ephemeral answer to `response_url` (the fake Slack's). Ours also resolves the actor, runs the use
 * case (the team's slots this cycle), renders Block Kit. The time of one request runs from sending
 * it until its answer has reached `response_url` (what the user waits for); throughput is requests
 * answered per second. The two apps run in turns on the same event loop, fake and clients alike.
 */
import { App, HTTPReceiver } from '@slack/bolt';
import { randomUUID } from 'node:crypto';
import { startSlackHarness, addPeople, person } from '../test/adapters/slack/harness.js';
import { HttpHost } from '../adapters/http-host.js';

export interface SameIoResult {
  requests: number;
  concurrency: number;
  ours: { p50: number; p99: number; perSec: number; failed: number };
  bare: { p50: number; p99: number; perSec: number; failed: number };
  p99Ratio: number;
  throughputRatio: number;
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
  });
  // The bare app: same Bolt, same receiver, same signature check, mounted the same way.
  const bareReceiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
  const bare = new App({
    token: 'xoxb-test',
    botId: 'B1',
    botUserId: 'U1',
    receiver: bareReceiver,
    clientOptions: { slackApiUrl: h.fake.apiUrl },
  });
  bare.command('/review', async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: 'Your team this week: 10 reviews, 0 done.' });
  });
  const bareHost = new HttpHost();
  bareHost.mount('/slack', (req, res) => bareReceiver.requestListener(req, res));
  const barePort = await bareHost.listen(0, '127.0.0.1');
  const bareUrl = `http://127.0.0.1:${barePort}/slack/events`;
  const oursUrl = h.slackReq.eventsUrl;

  try {
    seed(h);
    const started = await h.slackReq.slashCommand('UHANA', '/review', 'start eng');
    if (started.status !== 200) throw new Error(`/review start answered ${started.status}`);
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
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: opts.concurrency }, async () => {
          while (next < n) {
            const i = next++;
            results.push(await one(url, `UM${i % MANAGERS}`));
          }
        }),
      );
      return { results, ms: performance.now() - t0 };
    };

    // Warm both (JIT, connections), then alternate rounds so drift on a shared machine hits both.
    await run(oursUrl, 50);
    await run(bareUrl, 50);
    const rounds = opts.rounds ?? 4;
    const per = Math.ceil(opts.requests / rounds);
    const acc = {
      ours: { r: [] as { ms: number; ok: boolean }[], ms: 0 },
      bare: { r: [] as { ms: number; ok: boolean }[], ms: 0 },
    };
    for (let i = 0; i < rounds; i++) {
      for (const [key, url] of [
        ['ours', oursUrl],
        ['bare', bareUrl],
      ] as const) {
        const x = await run(url, per);
        acc[key].r.push(...x.results);
        acc[key].ms += x.ms;
      }
    }
    const sum = (a: { r: { ms: number; ok: boolean }[]; ms: number }) => {
      const ok = a.r.filter((x) => x.ok).map((x) => x.ms);
      return { ...percentiles(ok), perSec: ok.length / (a.ms / 1000), failed: a.r.length - ok.length };
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
    };
  } finally {
    h.fake.onResponse = null;
    await bareHost.close();
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
