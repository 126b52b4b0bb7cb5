/**
 * Bench 2: the latency of a review-form submission through Bolt (signature check, parse, validate,
 * authorize from the db, write review + audit + outbox in one transaction, ack) against a bare Bolt
 * ack of a no-op action, both measured end to end over HTTP under the same concurrent, mixed load.
 */
import type { App } from '@slack/bolt';
import { startSlackHarness, addPeople, person } from '../test/adapters/slack/harness.js';
import type { OpenedView } from '../test/support/fake-slack-requests.js';
import { renderFormToModal } from '../adapters/slack/render/modal.js';
import { ACTIONS } from '../src/ui/actions.js';
import { translator } from '../src/ui/i18n/index.js';

export interface LatencyResult {
  submissions: number;
  concurrency: number;
  submit: { p50: number; p99: number };
  ack: { p50: number; p99: number };
  ratioP99: number;
  stored: number;
  rejected: number;
  failedAcks: number;
}

const NOOP = 'bench.noop';

export async function benchSubmitLatency(opts: {
  managers: number;
  reportsEach: number;
  concurrency: number;
}): Promise<LatencyResult | { skipped: string }> {
  const h = await startSlackHarness({
    fileConfig: 'timezone: UTC\nhrChannel:\n  slack: CHR\n',
    now: '2026-11-23T10:00:00Z',
    options: {
      extendApp: (app: App) => app.action(NOOP, async ({ ack }) => ack()),
      pacing: { global: [{ ratePerSec: 500, burst: 50 }], perChannel: { ratePerSec: 1, burst: 1 } },
    },
  });
  try {
    seed(h, opts.managers, opts.reportsEach);
    const started = await h.slackReq.slashCommand('UHANA', '/review', 'start eng');
    if (started.status !== 200) return { skipped: `/review start answered ${started.status}` };

    // One modal per slot, exactly as the nudge button would open it.
    const views: { user: string; view: OpenedView }[] = [];
    for (let m = 0; m < opts.managers; m++) {
      const managerId = `m${m}`;
      const actor = h.db.store.tx((tx) => tx.org.person(managerId))!;
      for (const slot of h.db.store.tx((tx) => tx.reviews.pendingSlotsOf(managerId))) {
        const reply = await h.ctx.router.dispatch({
          kind: 'action',
          actor: { person: actor, platform: 'slack', locale: 'en' },
          actionId: ACTIONS.openReviewForm,
          value: String(slot.id),
        });
        if (reply.kind !== 'form') return { skipped: `opening a review form answered ${reply.kind}` };
        views.push({
          user: actor.slackId!,
          view: renderFormToModal(reply.form, {
            resolveMention: () => null,
            t: translator('en'),
          }) as unknown as OpenedView,
        });
      }
    }
    if (views.length === 0) return { skipped: 'the cycle has no slots' };

    const warmup = Math.min(20, Math.floor(views.length / 10));
    const tasks: (() => Promise<{ kind: 'submit' | 'ack'; ms: number; ok: boolean }>)[] = [];
    views.forEach((v, i) => {
      const values = answers(v.view);
      tasks.push(() =>
        timed(
          'submit',
          () => h.slackReq.submitView(v.user, v.view, values),
          (r) => r.status === 200 && r.json?.response_action !== 'errors',
        ),
      );
      tasks.push(() =>
        timed(
          'ack',
          () => h.slackReq.clickButton(v.user, { action_id: NOOP, value: String(i) }),
          (r) => r.status === 200,
        ),
      );
    });

    const results: { kind: 'submit' | 'ack'; ms: number; ok: boolean }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (next < tasks.length) {
          const i = next++;
          const r = await tasks[i]!();
          if (i >= warmup * 2) results.push(r);
        }
      }),
    );
    const submit = results.filter((r) => r.kind === 'submit');
    const ack = results.filter((r) => r.kind === 'ack');
    const stored = (h.db.conn.sqlite.prepare('select count(*) n from reviews').get() as { n: number }).n;
    const s = summary(submit.map((r) => r.ms));
    const a = summary(ack.map((r) => r.ms));
    return {
      submissions: views.length,
      concurrency: opts.concurrency,
      submit: s,
      ack: a,
      ratioP99: s.p99 / a.p99,
      stored,
      rejected: submit.filter((r) => !r.ok).length,
      failedAcks: ack.filter((r) => !r.ok).length,
    };
  } finally {
    await h.close();
  }
}

async function timed<T>(kind: 'submit' | 'ack', call: () => Promise<T>, ok: (r: T) => boolean) {
  const t0 = performance.now();
  try {
    const r = await call();
    return { kind, ms: performance.now() - t0, ok: ok(r) };
  } catch {
    // A reset keep-alive connection on a saturated machine: counted as a failure, not a crash.
    return { kind, ms: performance.now() - t0, ok: false };
  }
}

function summary(ms: number[]): { p50: number; p99: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

/** A complete, valid review: KPIs filled, rating 4, every text present. */
function answers(view: OpenedView): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of view.blocks) {
    if (b.type !== 'input' || !b.block_id || !b.element) continue;
    const el = b.element as { type: string; options?: { value: string }[] };
    if (el.type === 'number_input') out[b.block_id] = '42';
    else if (el.type === 'static_select') out[b.block_id] = el.options?.at(-2)?.value ?? el.options?.[0]?.value ?? '';
    else out[b.block_id] = 'Keeps customers informed; could follow up faster.';
  }
  return out;
}

function seed(h: Awaited<ReturnType<typeof startSlackHarness>>, managers: number, reportsEach: number): void {
  h.db.store.tx((tx) => {
    tx.org.upsertJob({ id: 'sdr', title: 'Sales rep', duties: 'Call prospects', requirements: 'Phone' });
    tx.org.replaceKpis('sdr', [
      { key: 'calls', name: 'Calls per day', unit: 'calls', target: 40, direction: 'higher' },
      { key: 'meetings', name: 'Meetings booked', unit: 'meetings', target: 5, direction: 'higher' },
      { key: 'churn', name: 'Lost accounts', unit: 'accounts', target: 2, direction: 'lower' },
    ]);
  });
  addPeople(h, [
    person({ id: 'hana', role: 'hr', department: 'hr' }),
    ...Array.from({ length: managers }, (_, m) => person({ id: `m${m}`, department: 'leads' })),
    ...Array.from({ length: managers * reportsEach }, (_, i) =>
      person({
        id: `r${i}`,
        managerId: `m${Math.floor(i / reportsEach)}`,
        department: 'eng',
        jobId: 'sdr',
        teamChannelSlack: 'CTEAM',
      }),
    ),
  ]);
}
