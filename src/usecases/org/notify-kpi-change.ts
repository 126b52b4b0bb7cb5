import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import { buildKpiAckRequest } from '../../ui/screens/review/kpi-ack.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

/**
 * Called inside the transaction that creates or changes a job's KPI set (jobs import, the define-KPIs
 * form). Each active holder of the job gets a DM asking them to acknowledge KPI version `version`
 * (idempotency key `kpis:<job>@<version>:<person>`), and the change is audited. Returns how many
 * holders were asked. Owned by the review feature.
 */
export function notifyKpiChange(
  tx: Tx,
  jobId: string,
  version: number,
  ctx: { settings: AppSettings; now: number; actorId: string | null },
): number {
  const job = tx.org.jobWithKpis(jobId, version);
  if (!job) throw new Error(`notifyKpiChange: unknown job ${jobId}`);
  const holders = tx.reviews.holdersOfJob(jobId);
  for (const p of holders) {
    const message = buildKpiAckRequest(tFor(p, ctx.settings), { jobId, jobTitle: job.title, version, kpis: job.kpis });
    tx.outbox.post({
      key: outboxKeys.kpiAck(jobId, version, p.id),
      to: { person: p.id },
      message,
      locale: localeOf(p, ctx.settings),
    });
  }
  tx.audit.record({
    actorId: ctx.actorId,
    action: 'kpis.change',
    subjectType: 'job',
    subjectId: jobId,
    detail: { version, kpis: job.kpis, askedToAcknowledge: holders.map((p) => p.id) },
  });
  return holders.length;
}
