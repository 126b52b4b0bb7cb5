import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import { fail } from '../result.js';
import { tFor, reply, type ReplyResult } from './review-context.js';
import { isHr } from './review-access.js';
import { openCycle, currentPeriod } from '../schedule/open-cycle.js';

/**
 * `/review start [department]` (HR/admin): opens the current period's cycle now, for one
 * department or all, through the same code as the schedule (so the nudges are identical).
 */
export const makeStartCycle =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: { actorId: string; department?: string }): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const { settings } = deps;
      const now = deps.clock.now();
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!isHr(actor)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const known = tx.reviews.departmentZones().map((d) => d.department);
      const wanted = input.department?.trim();
      if (!known.length) return fail('NOT_FOUND', t('review.start.none'));
      const match = wanted ? known.find((d) => d.toLowerCase() === wanted.toLowerCase()) : undefined;
      if (wanted && !match) return fail('NOT_FOUND', t('review.start.unknownDepartment', { department: wanted }));
      const lines = (match ? [match] : known).map((department) => {
        const o = openCycle(tx, department, currentPeriod(department, now, settings), {
          settings,
          now,
          actorId: actor!.id,
        });
        return o.created
          ? t('review.start.opened', { period: o.period.label, department, managers: o.managers, slots: o.slots })
          : t('review.start.already', { department, period: o.period.label });
      });
      const text = lines.join('\n');
      return reply({ kind: 'ok', toast: lines[0], message: { text, blocks: [{ type: 'text', text }] } });
    });
