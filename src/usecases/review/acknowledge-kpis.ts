import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import { fail } from '../result.js';
import { tFor, localeOf, reply, type ReplyResult } from './review-context.js';
import { kpiAckKey } from '../org/notify-kpi-change.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { buildKpiAckRequest, parseKpiSubjectId, kpiSubjectId } from '../../ui/screens/review/kpi-ack.js';

/**
 * A job holder acknowledges one KPI version (button value `<job>@<version>`, untrusted). Recorded
 * in acknowledgments with subject `kpis` / `<job>@<version>`, so the version the employee knew is provable.
 */
export const makeAcknowledgeKpis =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: { actorId: string; value: string }): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const { settings } = deps;
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const subject = parseKpiSubjectId(input.value);
      const job = subject ? tx.org.jobWithKpis(subject.jobId, subject.version) : null;
      if (!subject || !job || subject.version > job.kpiVersion || !job.kpis.length)
        return fail('NOT_FOUND', t('common.notFound'));
      if (!actor || !actor.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (actor.jobId !== job.id) return fail('NOT_AUTHORIZED', t('kpi.ack.stale'));

      const subjectId = kpiSubjectId(job.id, subject.version);
      const ack = tx.acks.record({
        subjectType: 'kpis',
        subjectId,
        personId: actor.id,
        state: 'acknowledged',
        recordedBy: actor.id,
      });
      if (!ack) return reply({ kind: 'ok', toast: t('kpi.ack.toast') });
      tx.audit.record({
        actorId: actor.id,
        action: 'kpis.acknowledge',
        subjectType: 'kpis',
        subjectId,
        detail: { ackId: ack.id, version: subject.version },
      });
      tx.outbox.update(
        kpiAckKey(job.id, subject.version, actor.id),
        buildKpiAckRequest(t, {
          jobId: job.id,
          jobTitle: job.title,
          version: subject.version,
          kpis: job.kpis,
          acknowledged: true,
        }),
        localeOf(actor, settings),
      );
      // "KPIs acknowledged" is a line of every policy's checklist: keep open cases live.
      refreshOpenCases(tx, actor.id, { settings, now: deps.clock.now() });
      return reply({ kind: 'ok', toast: t('kpi.ack.toast') });
    });
