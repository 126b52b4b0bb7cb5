import type { UseCaseDeps } from '../../ports/deps.js';
import type { Message } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { tFor } from '../shared/people.js';
import { isHr } from '../../domain/people.js';
import { openCycle, currentPeriod } from '../schedule/open-cycle.js';

export interface StartCycleInput {
  actorId: string;
  /** One department (matched case-insensitively); all of them when absent. */
  department?: string;
}

/**
 * `/review start [department]` (HR/admin): opens the current period's cycle now, for one
 * department or all, through the same code as the schedule (so the nudges are identical).
 * Confirms with the first department's line; the follow-up lists every department.
 */
export const makeStartCycle =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: StartCycleInput): Result<{ confirmation: string; followUp: Message }> =>
    store.tx((tx) => {
      const now = clock.now();
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor || !isHr(actor)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const known = tx.reviews.departmentZones().map((d) => d.department);
      const wanted = input.department?.trim();
      if (!known.length) return fail('NOT_FOUND', t('review.start.none'));
      const match = wanted ? known.find((d) => d.toLowerCase() === wanted.toLowerCase()) : undefined;
      if (wanted && !match) return fail('NOT_FOUND', t('review.start.unknownDepartment', { department: wanted }));
      const lines = (match ? [match] : known).map((department) => {
        const o = openCycle(tx, department, currentPeriod(department, now, settings), {
          settings,
          now,
          actorId: actor.id,
        });
        return o.created
          ? t('review.start.opened', { period: o.period.label, department, managers: o.managers, slots: o.slots })
          : t('review.start.already', { department, period: o.period.label });
      });
      const text = lines.join('\n');
      return ok({ confirmation: lines[0]!, followUp: { text, blocks: [{ type: 'text', text }] } });
    });
