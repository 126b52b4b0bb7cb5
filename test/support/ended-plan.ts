/**
 * A training plan whose only session ended yesterday and that nobody marked complete: recording
 * its reassessment is refused with **Mark the plan complete** (issue 13 #7). Written through the
 * real repository; returns the plan id.
 */
import type { Store } from '../../src/ports/store.js';
import type { Clock } from '../../src/ports/clock.js';

export function seedEndedPlan(
  store: Store,
  clock: Clock,
  p: { employeeId: string; managerId: string; jobId: string; kpiKeys: string[]; goal: string },
): number {
  const hour = 3_600_000;
  return store.tx((tx) => {
    const job = tx.org.jobWithKpis(p.jobId)!;
    return tx.evidence.insertPlan(
      {
        personId: p.employeeId,
        createdBy: p.managerId,
        jobId: job.id,
        kpiVersion: job.kpiVersion,
        kpiKeys: p.kpiKeys,
        goal: p.goal,
        content: 'Pairing and call reviews.',
        trainer: 'Coach',
        trainerId: null,
        expectedResult: 'Targets met',
      },
      [{ startsAt: clock.now() - 26 * hour, endsAt: clock.now() - 24 * hour, location: 'Room 3' }],
    ).id;
  });
}
