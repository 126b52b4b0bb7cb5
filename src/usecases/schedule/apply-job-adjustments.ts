/**
 * Scheduler tick: job adjustments whose effective date has come (in the employee's zone) change the
 * person's job. Audited; the employee is told, and asked to acknowledge the new job's KPIs.
 */
import type { Tx } from '../../ports/store.js';
import type { JobAdjustment } from '../../ports/repos/evidence.js';
import type { AppSettings } from '../../ports/settings.js';
import { buildKpiAckRequest } from '../../ui/screens/review/kpi-ack.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { tFor, localeOf, todayFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

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
        text: t('ev.adjust.applied', { job: job.title }),
        blocks: [{ type: 'text', text: t('ev.adjust.applied', { job: job.title }) }],
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

export const makeApplyJobAdjustments =
  ({ store, clock, settings }: UseCaseDeps) =>
  async (): Promise<number> =>
    store.tx((tx) => {
      const now = clock.now();
      let applied = 0;
      // Every zone's "today" is at most one day ahead of UTC's; filter per person below.
      const horizon = new Date(now + 86_400_000).toISOString().slice(0, 10);
      for (const a of tx.evidence.dueJobAdjustments(horizon)) {
        const person = tx.org.person(a.personId);
        if (a.effectiveOn > todayFor(person, settings, now)) continue;
        if (applyJobAdjustment(tx, settings, a, null)) applied++;
        refreshOpenCases(tx, a.personId, { settings, now });
      }
      return applied;
    });
