import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import { buildKpiAckRequest, kpiSubjectId } from '../../ui/screens/review/kpi-ack.js';
import { tFor, localeOf } from '../review/review-context.js';

/** Outbox key of the acknowledgment request one holder gets for one KPI version. */
export const kpiAckKey = (jobId: string, version: number, personId: string) =>
  `kpis:${kpiSubjectId(jobId, version)}:${personId}`;

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
      key: kpiAckKey(jobId, version, p.id),
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
