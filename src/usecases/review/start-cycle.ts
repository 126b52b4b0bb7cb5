import type { UseCaseDeps } from '../../ports/deps.js';
import type { Message } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { tFor } from '../shared/people.js';
import { isHr } from '../../domain/people.js';
import { claimCycle, currentPeriod, fillCycle, finishCycle } from '../schedule/open-cycle.js';
import { sendNudges } from './nudge.js';
import { literal } from '../../ui/markup.js';

export interface StartCycleInput {
  actorId: string;
  /** One department (matched case-insensitively); all of them when absent. */
  department?: string;
}

/**
 * Reviews a cycle may hold for `/review start` to write it in the command's own transaction. A
 * larger one is claimed here and filled in chunks right after the answer (see
 * ../schedule/open-cycles-in-chunks.ts), so the command never stalls the process.
 */
export const INLINE_CYCLE_LIMIT = 1000;

export interface StartCycleOutcome {
  confirmation: string;
  followUp: Message;
  /** Cycles were claimed but are too large to fill here: the caller completes them after answering. */
  inBackground: boolean;
}

/**
 * `/review start [department]` (HR/admin): opens the current period's cycle now, for one
 * department or all, through the same steps as the schedule (so the nudges are identical, one per
 * manager for all the departments opened). Confirms with the first department's line; the
 * follow-up lists every department.
 */
export const makeStartCycle =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: StartCycleInput): Result<StartCycleOutcome> =>
    store.tx((tx) => {
      const now = clock.now();
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor || !isHr(actor)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const known = tx.reviews.departmentZones().map((d) => d.department);
      const wanted = input.department?.trim();
      if (!known.length) return fail('NOT_FOUND', t('review.start.none'));
      const match = wanted ? known.find((d) => d.toLowerCase() === wanted.toLowerCase()) : undefined;
      if (wanted && !match)
        return fail('NOT_FOUND', t('review.start.unknownDepartment', { department: literal(wanted) }));

      const nudge: string[] = [];
      let inBackground = false;
      const lines = (match ? [match] : known).map((name) => {
        const period = currentPeriod(name, now, settings);
        const size = tx.reviews.rosterSize(name);
        const cycle = claimCycle(tx, name, period, { settings, now, actorId: actor.id });
        const department = literal(name);
        if (!cycle) return t('review.start.already', { department, period: literal(period.label) });
        if (size > INLINE_CYCLE_LIMIT) {
          inBackground = true;
          return t('review.start.opening', { period: literal(period.label), department, slots: size });
        }
        const { skippedOnLeave } = fillCycle(tx, cycle, { settings });
        const done = finishCycle(tx, cycle, skippedOnLeave);
        nudge.push(...done.managerIds);
        return t('review.start.opened', {
          period: literal(period.label),
          department,
          managers: done.managers,
          slots: done.slots,
        });
      });
      sendNudges(tx, [...new Set(nudge)], settings, now);
      const text = lines.join('\n');
      return ok({ confirmation: lines[0]!, followUp: { text, blocks: [{ type: 'text', text }] }, inBackground });
    });
