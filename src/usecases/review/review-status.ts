import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import { fail } from '../result.js';
import { tFor, dueText, reply, type ReplyResult } from './review-context.js';
import { isHr } from './review-access.js';
import { buildTeamStatus, buildAllStatus, type TeamStatus } from '../../ui/screens/review/status.js';

/**
 * `/review status`: the actor's reports in each department's latest cycle.
 * `/review status all` (HR/admin): done/total per department's latest cycle.
 */
export const makeReviewStatus =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: { actorId: string; all: boolean }): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const { settings } = deps;
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
        return reply({ kind: 'ok', message: buildAllStatus(t, rows) });
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
          due: dueText(s.dueAt, actor, settings),
        });
        teams.set(cycle.id, team);
      }
      return reply({ kind: 'ok', message: buildTeamStatus(t, [...teams.values()]) });
    });
