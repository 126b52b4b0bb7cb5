/**
 * Scheduler tick: job adjustments whose effective date has come (in the employee's zone) change the
 * person's job. Audited; the employee is told, and asked to acknowledge the new job's KPIs.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { DAY_MS, utcDate } from '../../domain/dates.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { todayFor } from '../shared/people.js';
import { applyJobAdjustment } from '../evidence/apply-job-adjustment.js';

/** The tick's step: applies every adjustment due today in its employee's zone. Returns how many. */
export const makeApplyJobAdjustments =
  ({ store, clock, settings }: UseCaseDeps) =>
  (): number =>
    store.tx((tx) => {
      const now = clock.now();
      let applied = 0;
      // Every zone's "today" is at most one day ahead of UTC's; filter per person below.
      const horizon = utcDate(now + DAY_MS);
      for (const a of tx.evidence.dueJobAdjustments(horizon)) {
        const person = tx.org.person(a.personId);
        if (a.effectiveOn > todayFor(person, settings, now)) continue;
        if (applyJobAdjustment(tx, settings, a, null)) applied++;
        refreshOpenCases(tx, a.personId, { settings, now });
      }
      return applied;
    });
