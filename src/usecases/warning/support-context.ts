/** What was already done for a person, which shapes the suggested next step (`suggest.ts`). */
import type { ReadTx } from '../../ports/store.js';
import { dateMs } from '../../domain/dates.js';
import type { SupportContext } from '../../domain/warning/index.js';

export function supportContext(tx: ReadTx, personId: string): SupportContext {
  const adjustments = tx.evidence.jobAdjustmentsAbout(personId);
  const adjustedAt = adjustments
    .map((a) => a.appliedAt ?? (a.effectiveOn ? dateMs(a.effectiveOn) : null))
    .filter((x): x is number => x !== null);
  const plans = tx.evidence.plansAbout(personId);
  const refused = tx.acks
    .forSubjects(
      'training_plan',
      plans.map((p) => String(p.id)),
    )
    .some((a) => a.personId === personId && (a.state === 'refused' || a.state === 'disputed'));
  return {
    jobAdjustedAt: adjustedAt.length ? Math.max(...adjustedAt) : null,
    trainingRefused: refused,
    activeTrainingKpis: [...new Set(plans.filter((p) => p.status === 'active').flatMap((p) => p.kpiKeys))],
  };
}
