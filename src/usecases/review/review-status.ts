import type { UseCaseDeps } from '../../ports/deps.js';
import type { Message } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { localTimeFor, tFor } from '../shared/people.js';
import { isHr } from '../../domain/people.js';
import { buildTeamStatus, buildAllStatus, type TeamStatus } from '../../ui/screens/review/status.js';

/**
 * `/review status`: the actor's reports in each department's latest cycle.
 * `/review status all` (HR/admin): done/total per department's latest cycle.
 */
export interface ReviewStatusInput {
  actorId: string;
  /** `/review status all`: every department, for HR/admin. */
  all: boolean;
}

export const makeReviewStatus =
  ({ store, settings }: UseCaseDeps) =>
  (input: ReviewStatusInput): Result<Message> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const latest = tx.reviews.latestCycles();
      if (input.all) {
        if (!isHr(actor)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
        const rows = latest.map((c) => {
          const slots = tx.reviews.slotViews({ cycleId: c.id });
          return {
            department: c.department,
            periodLabel: c.label,
            done: slots.filter((s) => s.status === 'submitted').length,
            total: slots.length,
          };
        });
        return ok(buildAllStatus(t, rows));
      }
      const current = new Map(latest.map((c) => [c.id, c]));
      const teams = new Map<number, TeamStatus>();
      for (const s of tx.reviews.slotViews({ managerId: actor.id })) {
        const cycle = current.get(s.cycleId);
        if (!cycle) continue;
        const team = teams.get(cycle.id) ?? { department: cycle.department, periodLabel: cycle.label, slots: [] };
        team.slots.push({
          employeeName: s.employeeName,
          submitted: s.status === 'submitted',
          due: localTimeFor(actor, settings, s.dueAt),
        });
        teams.set(cycle.id, team);
      }
      return ok(buildTeamStatus(t, [...teams.values()]));
    });
