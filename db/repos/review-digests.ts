/** The team-channel digest of a due date: which groups and channels are due, their slots, marking them sent. */
import { and, eq, inArray, asc, lte, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { cycles, reviewSlots } from '../schema/index.js';
import type { ReviewRepo, DigestSlot } from '../../src/ports/repos/reviews.js';
import { chunks } from './kpi-results.js';
import { digestChannel, employees, managers, slotViewColumns, toView } from './review-slot-view.js';

type DigestQueries = Pick<ReviewRepo, 'digestDueGroups' | 'digestChannelsDue' | 'digestSlots' | 'markDigestSent'>;

export function makeDigestQueries(db: Db): DigestQueries {
  return {
    digestDueGroups: (now) =>
      db
        .selectDistinct({
          cycleId: reviewSlots.cycleId,
          dueAt: reviewSlots.dueAt,
          managerTimezone: managers.timezone,
        })
        .from(reviewSlots)
        .innerJoin(managers, eq(managers.id, reviewSlots.managerId))
        .where(and(eq(reviewSlots.digestSent, false), lte(reviewSlots.dueAt, now)))
        .orderBy(asc(reviewSlots.cycleId), asc(reviewSlots.dueAt))
        .all(),
    digestChannelsDue: (g, limit) =>
      db
        .selectDistinct({ channel: digestChannel })
        .from(reviewSlots)
        .innerJoin(employees, eq(employees.id, reviewSlots.employeeId))
        .innerJoin(managers, eq(managers.id, reviewSlots.managerId))
        .innerJoin(cycles, eq(cycles.id, reviewSlots.cycleId))
        .where(
          and(
            eq(reviewSlots.digestSent, false),
            eq(reviewSlots.dueAt, g.dueAt),
            eq(reviewSlots.cycleId, g.cycleId),
            g.managerTimezone === null ? isNull(managers.timezone) : eq(managers.timezone, g.managerTimezone),
          ),
        )
        // No ORDER BY: see managersToNudgeStmt (./review-slots.ts).
        .limit(limit)
        .all()
        .map((r) => r.channel),
    digestSlots: (cycleId, channels) =>
      chunks(channels).flatMap((part) =>
        db
          .select({ ...slotViewColumns, channel: digestChannel, employeeLocale: employees.locale })
          .from(reviewSlots)
          .innerJoin(employees, eq(employees.id, reviewSlots.employeeId))
          .innerJoin(managers, eq(managers.id, reviewSlots.managerId))
          .innerJoin(cycles, eq(cycles.id, reviewSlots.cycleId))
          .where(and(eq(reviewSlots.cycleId, cycleId), inArray(digestChannel, part)))
          .orderBy(asc(reviewSlots.dueAt), asc(employees.name))
          .all()
          .map(({ channel, employeeLocale, ...v }) => ({
            ...toView(v),
            channel,
            employeeLocale: employeeLocale as DigestSlot['employeeLocale'],
          })),
      ),
    markDigestSent(ids) {
      for (const part of chunks(ids))
        db.update(reviewSlots).set({ digestSent: true }).where(inArray(reviewSlots.id, part)).run();
    },
  };
}
