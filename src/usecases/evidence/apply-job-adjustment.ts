/**
 * Switches a person's job as a job adjustment (调岗) says: audited, the employee is told, and asked
 * to acknowledge the new job's KPIs. Run by the adjustment itself when it takes effect today, and by
 * the scheduler on its effective date.
 */
import type { Tx } from '../../ports/store.js';
import type { JobAdjustment } from '../../ports/repos/evidence.js';
import type { AppSettings } from '../../ports/settings.js';
import { buildKpiAckRequest } from '../../ui/screens/review/kpi-ack.js';
import { tFor, localeOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { literal } from '../../ui/markup.js';

/** Switches the person's job now. False when they no longer hold the old job (changed by an import). */
export function applyJobAdjustment(tx: Tx, settings: AppSettings, a: JobAdjustment, actorId: string | null): boolean {
  const person = tx.org.person(a.personId);
  tx.evidence.markJobAdjustmentApplied(a.id);
  if (!person || person.jobId !== a.fromJobId) {
    tx.audit.record({
      actorId,
      action: 'job_adjustment.skip',
      subjectType: 'job_adjustment',
      subjectId: a.id,
      detail: { personId: a.personId, currentJobId: person?.jobId ?? null },
    });
    return false;
  }
  tx.org.upsertPerson({ ...person, jobId: a.toJobId });
  tx.audit.record({
    actorId,
    action: 'job_adjustment.apply',
    subjectType: 'person',
    subjectId: person.id,
    detail: { adjustmentId: a.id, fromJobId: a.fromJobId, toJobId: a.toJobId },
  });
  const t = tFor(person, settings);
  const job = tx.org.jobWithKpis(a.toJobId);
  if (job) {
    tx.outbox.post({
      key: outboxKeys.jobAdjustmentApplied(a.id),
      to: { person: person.id },
      message: {
        text: t('ev.adjust.applied', { job: literal(job.title) }),
        blocks: [{ type: 'text', text: t('ev.adjust.applied', { job: literal(job.title) }) }],
      },
    });
    // The new job's KPIs must be known to the employee before any review against them counts.
    if (job.kpiVersion > 0) {
      tx.outbox.post({
        key: outboxKeys.kpiAck(job.id, job.kpiVersion, person.id),
        to: { person: person.id },
        locale: localeOf(person, settings),
        message: buildKpiAckRequest(t, { jobId: job.id, jobTitle: job.title, version: job.kpiVersion, kpis: job.kpis }),
      });
    }
  }
  return true;
}
