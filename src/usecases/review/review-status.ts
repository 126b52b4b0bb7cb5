import type { UseCaseDeps } from '../../ports/deps.js';
import type { Message } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { localTimeFor, tFor, zoneOf } from '../shared/people.js';
import { isHr } from '../../domain/people.js';
import { buildTeamStatus, buildAllStatus, type TeamStatus, type OpenDispute } from '../../ui/screens/review/status.js';
import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import { DAY_MS, dateIn, daysBetween } from '../../domain/dates.js';
import { disputeIsOpen } from '../shared/dispute-notice.js';

/** Disputes of the last year are listed while nobody has answered them. */
const DISPUTE_LOOKBACK_MS = 365 * DAY_MS;

/** Disputed reviews nobody has answered yet (no reply, amendment or conversation), oldest first. */
function openDisputes(tx: ReadTx, settings: AppSettings, reader: Person, now: number): OpenDispute[] {
  const zone = zoneOf(reader, settings);
  const today = dateIn(now, zone);
  const open: OpenDispute[] = [];
  for (const ack of tx.acks.disputes('review', now - DISPUTE_LOOKBACK_MS)) {
    const review = tx.reviews.review(Number(ack.subjectId));
    const employee = review ? tx.org.person(review.employeeId) : null;
    if (!review || !employee || !disputeIsOpen(tx, review, ack.createdAt)) continue;
    const on = dateIn(ack.createdAt, zone);
    open.push({
      employeeId: employee.id,
      employeeName: employee.name,
      managerName: tx.org.person(review.authorId)?.name ?? review.authorId,
      period: review.periodLabel,
      comment: ack.comment ?? '',
      disputedOn: on,
      days: daysBetween(on, today),
    });
  }
  return open.reverse();
}

/**
 * `/review status`: the actor's reports in each department's latest cycle.
 * `/review status all` (HR/admin): done/total per department's latest cycle, and the disputes
 * nobody has answered yet.
 */
export interface ReviewStatusInput {
  actorId: string;
  /** `/review status all`: every department, for HR/admin. */
  all: boolean;
}

export const makeReviewStatus =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: ReviewStatusInput): Result<Message> =>
    // A read: one snapshot, no write lock (it must not wait behind an import).
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (input.all) {
        if (!isHr(actor)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
        const rows = tx.reviews.latestCycles().map((c) => {
          const slots = tx.reviews.slotViews({ cycleId: c.id });
          return {
            department: c.department,
            periodLabel: c.label,
            done: slots.filter((s) => s.status === 'submitted').length,
            total: slots.length,
          };
        });
        return ok(buildAllStatus(t, rows, openDisputes(tx, settings, actor, clock.now())));
      }
      // The actor's slots in every department's latest cycle: one query, whatever the number of
      // departments. Rows come by department, each department's slots by due time.
      const teams: (TeamStatus & { firstDue: number; cycleId: number })[] = [];
      for (const s of tx.reviews.latestCycleSlotsOf(actor.id)) {
        let team = teams.at(-1);
        if (team?.cycleId !== s.cycleId) {
          team = {
            cycleId: s.cycleId,
            department: s.department,
            periodLabel: s.periodLabel,
            firstDue: s.dueAt,
            slots: [],
          };
          teams.push(team);
        }
        team.slots.push({
          employeeName: s.employeeName,
          submitted: s.status === 'submitted',
          due: localTimeFor(actor, settings, s.dueAt),
        });
      }
      // Teams in the order of their first due slot, as a manager reads their week.
      teams.sort((a, b) => a.firstDue - b.firstDue);
      return ok(
        buildTeamStatus(
          t,
          teams.map(({ department, periodLabel, slots }) => ({ department, periodLabel, slots })),
        ),
      );
    });
