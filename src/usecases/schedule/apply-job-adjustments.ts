/**
 * Scheduler tick: job adjustments whose effective date has come (in the employee's zone) change the
 * person's job. Audited; the employee is told, and asked to acknowledge the new job's KPIs.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { todayFor } from '../shared/people.js';
import { applyJobAdjustment } from '../evidence/apply-job-adjustment.js';

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
