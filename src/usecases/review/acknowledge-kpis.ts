import type { UseCaseDeps } from '../../ports/deps.js';
import { fail, ok, type Result } from '../result.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { kpiSubjectId } from '../../domain/kpi.js';
import { buildKpiAckRequest } from '../../ui/screens/review/kpi-ack.js';

export interface AcknowledgeKpisInput {
  actorId: string;
  /** The KPI version on the button (`<job>@<version>`, parsed by the caller; untrusted). */
  jobId: string;
  version: number;
}

/**
 * A job holder acknowledges one KPI version. Recorded in acknowledgments with subject `kpis` /
 * `<job>@<version>`, so the version the employee knew is provable. A second click confirms again
 * and writes nothing.
 */
export const makeAcknowledgeKpis =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: AcknowledgeKpisInput): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const { version } = input;
      const job = version > 0 ? tx.org.jobWithKpis(input.jobId, version) : null;
      if (!job || version > job.kpiVersion || !job.kpis.length) return fail('NOT_FOUND', t('common.notFound'));
      if (!actor || !actor.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (actor.jobId !== job.id) return fail('NOT_AUTHORIZED', t('kpi.ack.stale'));

      const subjectId = kpiSubjectId(job.id, version);
      const ack = tx.acks.record({
        subjectType: 'kpis',
        subjectId,
        personId: actor.id,
        state: 'acknowledged',
        recordedBy: actor.id,
      });
      if (!ack) return ok({ confirmation: t('kpi.ack.toast') });
      tx.audit.record({
        actorId: actor.id,
        action: 'kpis.acknowledge',
        subjectType: 'kpis',
        subjectId,
        detail: { ackId: ack.id, version },
      });
      tx.outbox.update(
        outboxKeys.kpiAck(job.id, version, actor.id),
        buildKpiAckRequest(t, { jobId: job.id, jobTitle: job.title, version, kpis: job.kpis, acknowledged: true }),
        localeOf(actor, settings),
      );
      // "KPIs acknowledged" is a line of every policy's checklist: keep open cases live.
      refreshOpenCases(tx, actor.id, { settings, now: clock.now() });
      return ok({ confirmation: t('kpi.ack.toast') });
    });
