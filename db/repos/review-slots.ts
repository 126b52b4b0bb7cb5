/** Review slots (one per employee and cycle): filling a cycle, reading them by manager, nudges, reminders, submission. */
import { and, eq, inArray, asc, lte, sql, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { cycles, reviewSlots } from '../schema/index.js';
import type { ReviewRepo, SlotView, SlotWithZone, LatestCycleSlot } from '../../src/ports/repos/reviews.js';
import { CHUNK, chunks } from './kpi-results.js';
import { SLOT_VIEW, employees, managers, slotViewQuery, toView } from './review-slot-view.js';

const ph = sql.placeholder;

type SlotQueries = Pick<
  ReviewRepo,
  | 'insertSlots'
  | 'slot'
  | 'slotViews'
  | 'managersToNudge'
  | 'setNudgeWeek'
  | 'latestCycleSlotsOf'
  | 'pendingSlotsOf'
  | 'markSlotSubmitted'
  | 'reminderDueSlots'
  | 'reminderDueManagers'
  | 'setEscalationLevel'
>;

export function makeSlotQueries(db: Db): SlotQueries {
  // Statements a review submission runs every time, built and prepared once per connection: drizzle's
  // query building dominated the submit path's cost. Same SQL and row mapping as the dynamic forms.
  const slotById = db
    .select()
    .from(reviewSlots)
    .where(eq(reviewSlots.id, ph('id')))
    .prepare();
  const submitSlot = db
    .update(reviewSlots)
    .set({ status: 'submitted', nextReminderAt: null })
    .where(and(eq(reviewSlots.id, ph('id')), eq(reviewSlots.status, 'pending')))
    .prepare();
  // `/review status` asks on every call: prepared once and read without drizzle's row mapping
  // (../select-list.ts), which cost several times these queries. Same SQL and rows as the dynamic forms.
  const slotViewsOfManagerInCycle = db.$client.prepare<[number, string], Record<string, unknown>>(
    `SELECT ${SLOT_VIEW.sql}, employees.name AS employeeName, managers.name AS managerName,
            managers.locale AS managerLocale, managers.timezone AS managerTimezone,
            cycles.department AS department, cycles.label AS cycleLabel,
            employees.team_channel_slack AS teamChannelSlack, employees.team_channel_feishu AS teamChannelFeishu
       FROM review_slots
       JOIN people employees ON employees.id = review_slots.employee_id
       JOIN people managers ON managers.id = review_slots.manager_id
       JOIN cycles ON cycles.id = review_slots.cycle_id
      WHERE review_slots.cycle_id = ? AND review_slots.manager_id = ?
      ORDER BY review_slots.due_at, employees.name`,
  );
  // `/review status` of a manager: their slots in each department's latest cycle, in one statement
  // (not a query per department), reading only what the screen shows.
  const latestCycleSlotsOfManager = db.$client.prepare<[string], LatestCycleSlot>(
    `SELECT cycles.id AS cycleId, cycles.department AS department, cycles.label AS periodLabel,
            employees.name AS employeeName, review_slots.status AS status, review_slots.due_at AS dueAt
       FROM review_slots
       JOIN cycles ON cycles.id = review_slots.cycle_id
       JOIN people employees ON employees.id = review_slots.employee_id
      WHERE review_slots.manager_id = ?
        AND cycles.period_start = (SELECT max(period_start) FROM cycles latest WHERE latest.department = cycles.department)
      ORDER BY cycles.department, review_slots.due_at, employees.name`,
  );
  // The chunked tick's "next chunk" queries: a few managers with work left, read from the index of
  // that work. No ORDER BY: sorting by manager would read and sort every row left (all 10,000 slots
  // of a large cycle) for each chunk of a few managers, which made opening a cycle quadratic; in
  // index order SQLite stops at the limit. They come in slot order, the order the cycle was filled.
  const managersToNudgeStmt = db.$client
    .prepare<[number], string>(
      `SELECT DISTINCT review_slots.manager_id FROM review_slots JOIN cycles ON cycles.id = review_slots.cycle_id
        WHERE review_slots.nudge_week IS NULL AND review_slots.status = 'pending' AND cycles.status = 'open'
        LIMIT ?`,
    )
    .pluck();
  const reminderDueManagersStmt = db.$client
    .prepare<[number, number], string>(
      `SELECT DISTINCT manager_id FROM review_slots WHERE status = 'pending' AND next_reminder_at <= ? LIMIT ?`,
    )
    .pluck();

  const withZone = (where: SQL | undefined): SlotWithZone[] =>
    db
      .select({ slot: reviewSlots, managerTimezone: managers.timezone })
      .from(reviewSlots)
      .innerJoin(managers, eq(managers.id, reviewSlots.managerId))
      .where(where)
      .orderBy(asc(reviewSlots.id))
      .all()
      .map((r) => ({ ...r.slot, managerTimezone: r.managerTimezone }));

  return {
    insertSlots(slots) {
      let n = 0;
      const rows = slots.map((s) => ({
        ...s,
        nextReminderAt: s.nextReminderAt === undefined ? s.dueAt : s.nextReminderAt,
        // A new slot is in no nudge yet (the column's default marks rows from before merged nudges).
        nudgeWeek: s.nudgeWeek ?? null,
      }));
      for (const part of chunks(rows)) n += db.insert(reviewSlots).values(part).onConflictDoNothing().run().changes;
      return n;
    },

    slot: (id) => slotById.get({ id }) ?? null,
    slotViews(f) {
      if (f.cycleId !== undefined && f.managerId !== undefined && !f.ids && !f.nudgeWeeks && !f.unnudged)
        return slotViewsOfManagerInCycle.all(f.cycleId, f.managerId).map(SLOT_VIEW.decode);
      const where = (ids?: number[], managerIds?: string[]) =>
        and(
          f.cycleId !== undefined ? eq(reviewSlots.cycleId, f.cycleId) : undefined,
          f.managerId !== undefined ? eq(reviewSlots.managerId, f.managerId) : undefined,
          managerIds ? inArray(reviewSlots.managerId, managerIds.length ? managerIds : ['']) : undefined,
          ids ? inArray(reviewSlots.id, ids.length ? ids : [-1]) : undefined,
          f.nudgeWeeks ? inArray(reviewSlots.nudgeWeek, f.nudgeWeeks.length ? f.nudgeWeeks : ['']) : undefined,
          // The unary `+` keeps SQLite from reading every pending slot by status (to save sorting by due
          // time) instead of these managers' unnudged slots by manager: a nudge chunk of a few managers
          // cost as much as one of hundreds.
          f.unnudged
            ? and(isNull(reviewSlots.nudgeWeek), sql`+${reviewSlots.status} = 'pending'`, eq(cycles.status, 'open'))
            : undefined,
        );
      const byDue = (a: SlotView, b: SlotView) => a.dueAt - b.dueAt || a.employeeName.localeCompare(b.employeeName);
      // Large id or manager lists (the tick's slots, a chunk of managers) are read in chunks to
      // stay under SQLite's variable limit.
      if (f.ids && f.ids.length > CHUNK)
        return chunks(f.ids)
          .flatMap((ids) => slotViewQuery(db).where(where(ids, f.managerIds)).all().map(toView))
          .sort(byDue);
      if (f.managerIds && f.managerIds.length > CHUNK)
        return chunks(f.managerIds)
          .flatMap((ms) => slotViewQuery(db).where(where(f.ids, ms)).all().map(toView))
          .sort(byDue);
      return slotViewQuery(db)
        .where(where(f.ids, f.managerIds))
        .orderBy(asc(reviewSlots.dueAt), asc(employees.name))
        .all()
        .map(toView);
    },
    managersToNudge: (limit) => managersToNudgeStmt.all(limit),
    setNudgeWeek(ids, week) {
      for (const part of chunks(ids))
        db.update(reviewSlots).set({ nudgeWeek: week }).where(inArray(reviewSlots.id, part)).run();
    },
    latestCycleSlotsOf: (managerId) => latestCycleSlotsOfManager.all(managerId),
    pendingSlotsOf: (managerId) =>
      slotViewQuery(db)
        .where(and(eq(reviewSlots.managerId, managerId), eq(reviewSlots.status, 'pending')))
        .orderBy(asc(reviewSlots.dueAt), asc(employees.name))
        .all()
        .map(toView),
    markSlotSubmitted: (id) => submitSlot.run({ id }).changes > 0,
    reminderDueSlots: (now, managerIds) =>
      (managerIds ? chunks(managerIds) : [undefined]).flatMap((ids) =>
        withZone(
          and(
            eq(reviewSlots.status, 'pending'),
            // For a chunk of managers, read their slots by manager (slots_manager_status): the unary
            // `+` keeps SQLite from scanning every due slot of the organisation by next reminder
            // instead, once per chunk.
            ids ? sql`+${reviewSlots.nextReminderAt} <= ${now}` : lte(reviewSlots.nextReminderAt, now),
            ids ? inArray(reviewSlots.managerId, ids) : undefined,
          ),
        ),
      ),
    reminderDueManagers: (now, limit) => reminderDueManagersStmt.all(now, limit),
    setEscalationLevel(ids, level, nextReminderAt) {
      const set =
        nextReminderAt === undefined ? { escalationLevel: level } : { escalationLevel: level, nextReminderAt };
      for (const part of chunks(ids)) db.update(reviewSlots).set(set).where(inArray(reviewSlots.id, part)).run();
    },
  };
}
