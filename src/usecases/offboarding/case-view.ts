/** A case as the screens read it: the view of the case message and the context it is rendered in. */
import type { ReadTx } from '../../ports/store.js';
import type { Locale } from '../../ports/records.js';
import type { CaseRecord } from '../../ports/repos/cases.js';
import type { AppSettings } from '../../ports/settings.js';
import { evaluateEvidence } from '../../domain/policy/index.js';
import type { Settlement } from '../../domain/settlement.js';
import type { CaseView, ScreenContext } from '../../ui/screens/offboarding/view.js';
import { policyOf } from './policy.js';
import { stateOf } from './gate-inputs.js';
import { isHr } from '../../domain/people.js';

export function caseView(tx: ReadTx, c: CaseRecord, now: number): CaseView {
  const policy = policyOf(c);
  const employee = tx.org.person(c.employeeId);
  const manager = employee?.managerId ? tx.org.person(employee.managerId) : null;
  const job = employee?.jobId ? tx.org.job(employee.jobId) : null;
  const facts = tx.cases.evidenceFacts(c.employeeId);
  // A resolved case keeps showing the checklist as it stood when it was resolved.
  const at = c.status === 'open' ? now : (c.closedAt ?? now);
  const events = tx.cases.events(c.id);
  const withdrawn = events.find((e) => e.outcome === 'withdrawn');
  const latestPlan = facts.trainings.length ? facts.trainings[facts.trainings.length - 1]! : null;
  return {
    id: c.id,
    reason: c.reasonKind,
    reasonText: c.reasonText,
    openedBy: c.openedBy,
    openedByHr: isHr(tx.org.person(c.openedBy)),
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    employee: { id: c.employeeId, name: employee?.name ?? c.employeeId },
    manager: manager ? { id: manager.id, name: manager.name } : null,
    job: job ? { title: job.title } : null,
    policy,
    state: stateOf(c),
    evaluation: evaluateEvidence(policy, facts, at, c.reasonKind),
    done: events
      .filter((e) => e.outcome === 'done')
      .map(({ step, actorId, at: when, detail }) => ({ step, actorId, at: when, detail })),
    settlement: (c.settlement as Settlement | null) ?? null,
    withdrawal: withdrawn
      ? {
          by: withdrawn.actorId,
          byHr: isHr(tx.org.person(withdrawn.actorId)),
          reason: String(withdrawn.detail.reason ?? ''),
          at: withdrawn.at,
        }
      : null,
    latestTrainingPlanId: latestPlan?.id ?? null,
    missedKpiKeys: [...new Set(facts.reviews.filter((r) => r.belowTarget).flatMap((r) => r.missedKpiKeys))],
  };
}

export const screenContext = (locale: Locale, settings: AppSettings): ScreenContext => ({
  locale,
  timezone: settings.timezone,
});
