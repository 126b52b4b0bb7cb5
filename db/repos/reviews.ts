import { and, eq, inArray, asc, desc, lte, gte, sql, isNotNull, isNull, type SQL } from 'drizzle-orm';
const ph = sql.placeholder;
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import {
  cycles,
  reviewSlots,
  reviews,
  reviewKpiResults,
  reviewAmendments,
  reviewReplies,
  people,
  leaves,
} from '../schema/index.js';
import type {
  ReviewRepo,
  ReviewSlot,
  SlotView,
  DigestSlot,
  SlotWithZone,
  Review,
  KpiResult,
  ReviewContent,
  Cycle,
  LatestCycleSlot,
} from '../../src/ports/repos/reviews.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Sealer } from '../sealed.js';
import { toPerson } from './org.js';
import { makeAmendedContent } from './review-amendments.js';
import { selectList } from '../select-list.js';
import { CHUNK, chunks, kpiResultsOf } from './kpi-results.js';

const CYCLE = selectList<Cycle>(cycles, { qualifier: 'cycles' });
/** A slot's columns, read with the names of a SlotView (those joined in are text, read as stored). */
const SLOT_VIEW = selectList<SlotView>(reviewSlots, { qualifier: 'review_slots' });

export function makeReviewRepo(db: Db, _clock: Clock, sealer: Sealer): ReviewRepo {
  const strengths = sealer.column(reviews.strengths);
  const replyBody = sealer.column(reviewReplies.body);
  const improvement = sealer.column(reviews.improvement);
  const comment = sealer.column(reviews.comment);
  const amendReason = sealer.column(reviewAmendments.reason);
  const changeReason = sealer.column(reviewKpiResults.changeReason);
  const before = sealer.json(reviewAmendments.before);
  const after = sealer.json(reviewAmendments.after);
  const amendedContent = makeAmendedContent(db, sealer);
  const managers = alias(people, 'managers');
  const employees = alias(people, 'employees');

  const slotViewColumns = {
    slot: reviewSlots,
    employeeName: employees.name,
    managerName: managers.name,
    managerLocale: managers.locale,
    managerTimezone: managers.timezone,
    department: cycles.department,
    cycleLabel: cycles.label,
    teamChannelSlack: employees.teamChannelSlack,
    teamChannelFeishu: employees.teamChannelFeishu,
  };
  /** The one rule for a digest's channel key (`DigestSlot.channel`): Slack, else Feishu, else local. */
  const digestChannel = sql<string>`coalesce(${employees.teamChannelSlack}, ${employees.teamChannelFeishu}, 'team:' || ${cycles.department})`;
  const slotViewQuery = () =>
    db
      .select(slotViewColumns)
      .from(reviewSlots)
      .innerJoin(employees, eq(employees.id, reviewSlots.employeeId))
      .innerJoin(managers, eq(managers.id, reviewSlots.managerId))
      .innerJoin(cycles, eq(cycles.id, reviewSlots.cycleId));

  // Statements a review submission runs every time, built and prepared once per connection: drizzle's
  // query building dominated the submit path's cost. Same SQL and row mapping as the dynamic forms.
  const slotById = db
    .select()
    .from(reviewSlots)
    .where(eq(reviewSlots.id, ph('id')))
    .prepare();
  const cycleById = db
    .select()
    .from(cycles)
    .where(eq(cycles.id, ph('id')))
    .prepare();
  // `/review status` asks on every call: prepared once and read without drizzle's row mapping
  // (../select-list.ts), which cost several times these queries. Same SQL and rows as the dynamic forms.
  const latestCyclesOfAll = db.$client.prepare<[], Cycle>(
    `SELECT ${CYCLE.sql} FROM cycles
       JOIN (SELECT department, max(period_start) AS start FROM cycles GROUP BY department) latest
         ON latest.department = cycles.department AND latest.start = cycles.period_start
      ORDER BY cycles.department`,
  );
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
  const submitSlot = db
    .update(reviewSlots)
    .set({ status: 'submitted', nextReminderAt: null })
    .where(and(eq(reviewSlots.id, ph('id')), eq(reviewSlots.status, 'pending')))
    .prepare();
  const insertReviewRow = db
    .insert(reviews)
    .values({
      slotId: ph('slotId'),
      kind: ph('kind'),
      trainingPlanId: ph('trainingPlanId'),
      employeeId: ph('employeeId'),
      authorId: ph('authorId'),
      jobId: ph('jobId'),
      kpiVersion: ph('kpiVersion'),
      periodLabel: ph('periodLabel'),
      rating: ph('rating'),
      strengths: ph('strengths'),
      improvement: ph('improvement'),
      comment: ph('comment'),
      belowTarget: ph('belowTarget'),
      submittedAt: ph('submittedAt'),
      amendedAt: ph('amendedAt'),
    })
    .returning()
    .prepare();

  const toView = ({
    slot,
    managerLocale,
    ...names
  }: { slot: ReviewSlot; managerLocale: string | null } & Omit<
    SlotView,
    keyof ReviewSlot | 'managerLocale'
  >): SlotView => ({
    ...slot,
    ...names,
    managerLocale: managerLocale as SlotView['managerLocale'],
  });

  const withZone = (where: SQL | undefined): SlotWithZone[] =>
    db
      .select({ slot: reviewSlots, managerTimezone: managers.timezone })
      .from(reviewSlots)
      .innerJoin(managers, eq(managers.id, reviewSlots.managerId))
      .where(where)
      .orderBy(asc(reviewSlots.id))
      .all()
      .map((r) => ({ ...r.slot, managerTimezone: r.managerTimezone }));

  const resultsOf = (reviewIds: number[]) => kpiResultsOf(db, reviewIds, (sealed) => changeReason.open(sealed));

  /** The reviews as they read now: the latest amendment's content over the row as submitted. */
  const withResults = (rows: (typeof reviews.$inferSelect)[]): Review[] => {
    const ids = rows.map((r) => r.id);
    const res = resultsOf(ids);
    const amended = amendedContent(ids);
    return rows.map((r) => {
      const a = amended.get(r.id);
      return a
        ? { ...r, ...a.content, amendedAt: a.at }
        : {
            ...r,
            strengths: strengths.open(r.strengths),
            improvement: improvement.open(r.improvement),
            comment: comment.open(r.comment),
            results: res.get(r.id) ?? [],
          };
    });
  };

  const insertResult = db
    .insert(reviewKpiResults)
    .values({
      reviewId: ph('reviewId'),
      kpiKey: ph('key'),
      kpiName: ph('name'),
      unit: ph('unit'),
      target: ph('target'),
      direction: ph('direction'),
      actual: ph('actual'),
      met: ph('met'),
      importedValue: ph('importedValue'),
      importedSource: ph('importedSource'),
      changeReason: ph('changeReason'),
    })
    .prepare();
  // A handful of rows per review: one prepared single-row insert each, in order (ids as before).
  const writeResults = (reviewId: number, results: KpiResult[]) => {
    for (const k of results)
      insertResult.run({
        reviewId,
        ...k,
        importedValue: k.imported?.value ?? null,
        importedSource: k.imported?.source ?? null,
        changeReason: changeReason.seal(k.changeReason ?? null),
      });
  };

  const repo: ReviewRepo = {
    cycle: (id) => cycleById.get({ id }) ?? null,
    cycleFor: (department, periodStart) =>
      db
        .select()
        .from(cycles)
        .where(and(eq(cycles.department, department), eq(cycles.periodStart, periodStart)))
        .get() ?? null,
    latestCycles(department) {
      if (!department) return latestCyclesOfAll.all();
      const latest = db
        .select({ department: cycles.department, start: sql<string>`max(${cycles.periodStart})`.as('start') })
        .from(cycles)
        .where(department ? eq(cycles.department, department) : undefined)
        .groupBy(cycles.department)
        .as('latest');
      return db
        .select({ c: cycles })
        .from(cycles)
        .innerJoin(latest, and(eq(latest.department, cycles.department), eq(latest.start, cycles.periodStart)))
        .orderBy(asc(cycles.department))
        .all()
        .map((r) => r.c);
    },
    createCycle: (c) => db.insert(cycles).values(c).onConflictDoNothing().returning().get() ?? null,
    openingCycles: () => db.select().from(cycles).where(eq(cycles.status, 'opening')).orderBy(asc(cycles.id)).all(),
    cycleSize(cycleId) {
      const rows = db
        .select({ m: reviewSlots.managerId, n: sql<number>`count(*)` })
        .from(reviewSlots)
        .where(eq(reviewSlots.cycleId, cycleId))
        .groupBy(reviewSlots.managerId)
        .orderBy(asc(reviewSlots.managerId))
        .all();
      return { managerIds: rows.map((r) => r.m), slots: rows.reduce((k, r) => k + r.n, 0) };
    },
    markCycleOpen(id) {
      db.update(cycles).set({ status: 'open' }).where(eq(cycles.id, id)).run();
    },
    departmentZones() {
      const rows = db
        .selectDistinct({ d: employees.department, tz: managers.timezone })
        .from(employees)
        .innerJoin(managers, eq(managers.id, employees.managerId))
        .where(and(eq(employees.active, true), eq(managers.active, true)))
        .orderBy(asc(employees.department))
        .all();
      const byDept = new Map<string, (string | null)[]>();
      for (const r of rows) byDept.set(r.d, [...(byDept.get(r.d) ?? []), r.tz]);
      return [...byDept].map(([department, timezones]) => ({ department, timezones }));
    },
    reportsWithManagers: (department, managerIds) =>
      (managerIds ? chunks(managerIds) : [undefined]).flatMap((ids) =>
        db
          .select({ e: employees, m: managers })
          .from(employees)
          .innerJoin(managers, eq(managers.id, employees.managerId))
          .where(
            and(
              eq(employees.department, department),
              eq(employees.active, true),
              eq(managers.active, true),
              ids ? inArray(managers.id, ids) : undefined,
            ),
          )
          .orderBy(asc(managers.id), asc(employees.name))
          .all()
          .map((r) => ({ employee: toPerson(r.e), manager: toPerson(r.m) })),
      ),
    rosterManagers: (department) =>
      db
        .selectDistinct({ id: managers.id })
        .from(employees)
        .innerJoin(managers, eq(managers.id, employees.managerId))
        .where(and(eq(employees.department, department), eq(employees.active, true), eq(managers.active, true)))
        .orderBy(asc(managers.id))
        .all()
        .map((r) => r.id),
    rosterSize: (department) =>
      db
        .select({ n: sql<number>`count(*)` })
        .from(employees)
        .innerJoin(managers, eq(managers.id, employees.managerId))
        .where(and(eq(employees.department, department), eq(employees.active, true), eq(managers.active, true)))
        .get()?.n ?? 0,
    onLeaveOn: (date) =>
      new Set(
        db
          .selectDistinct({ p: leaves.personId })
          .from(leaves)
          .where(and(lte(leaves.startDate, date), gte(leaves.endDate, date)))
          .all()
          .map((r) => r.p),
      ),
    holdersOfJob: (jobId) =>
      db
        .select()
        .from(people)
        .where(and(eq(people.jobId, jobId), eq(people.active, true)))
        .orderBy(asc(people.name))
        .all()
        .map(toPerson),
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
          .flatMap((ids) => slotViewQuery().where(where(ids, f.managerIds)).all().map(toView))
          .sort(byDue);
      if (f.managerIds && f.managerIds.length > CHUNK)
        return chunks(f.managerIds)
          .flatMap((ms) => slotViewQuery().where(where(f.ids, ms)).all().map(toView))
          .sort(byDue);
      return slotViewQuery()
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
      slotViewQuery()
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
        // No ORDER BY: see managersToNudgeStmt.
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

    insertReview(r) {
      const { results, ...row } = r;
      // Absent optional fields take the schema's defaults, as the dynamic insert would.
      const saved = insertReviewRow.get({
        ...row,
        strengths: strengths.seal(row.strengths),
        improvement: improvement.seal(row.improvement),
        comment: comment.seal(row.comment),
        slotId: row.slotId ?? null,
        kind: row.kind ?? 'regular',
        trainingPlanId: row.trainingPlanId ?? null,
        amendedAt: null,
      })!;
      writeResults(saved.id, results);
      return { ...saved, strengths: row.strengths, improvement: row.improvement, comment: row.comment, results };
    },
    review: (id) => withResults(db.select().from(reviews).where(eq(reviews.id, id)).all())[0] ?? null,
    reviewBySlot: (slotId) =>
      withResults(
        db
          .select()
          .from(reviews)
          .where(and(isNotNull(reviews.slotId), eq(reviews.slotId, slotId)))
          .all(),
      )[0] ?? null,
    reviewsOf: (employeeId) =>
      withResults(
        db
          .select()
          .from(reviews)
          .where(eq(reviews.employeeId, employeeId))
          .orderBy(desc(reviews.submittedAt), desc(reviews.id))
          .all(),
      ),
    amendReview(id, a) {
      const current = repo.review(id);
      if (!current) throw new Error(`amendReview: unknown review ${id}`);
      const was: ReviewContent = {
        rating: current.rating,
        strengths: current.strengths,
        improvement: current.improvement,
        comment: current.comment,
        belowTarget: current.belowTarget,
        results: current.results,
      };
      // Appended, never written over: the review row and its KPI results stay as submitted.
      return Number(
        db
          .insert(reviewAmendments)
          .values({
            reviewId: id,
            authorId: a.authorId,
            reason: amendReason.seal(a.reason),
            before: before.seal(was),
            after: after.seal({
              rating: a.after.rating,
              strengths: a.after.strengths,
              improvement: a.after.improvement,
              comment: a.after.comment,
              belowTarget: a.after.belowTarget,
              results: a.after.results,
            } satisfies ReviewContent),
            createdAt: a.at,
          })
          .run().lastInsertRowid,
      );
    },
    addReply(r) {
      const row = db
        .insert(reviewReplies)
        .values({ ...r, body: replyBody.seal(r.body) })
        .returning()
        .get();
      return { ...row, body: replyBody.open(row.body) };
    },
    repliesTo: (reviewIds) =>
      reviewIds.length
        ? chunks(reviewIds).flatMap((ids) =>
            db
              .select()
              .from(reviewReplies)
              .where(inArray(reviewReplies.reviewId, ids))
              .orderBy(asc(reviewReplies.id))
              .all()
              .map((r) => ({ ...r, body: replyBody.open(r.body) })),
          )
        : [],
    amendments: (reviewId) =>
      db
        .select()
        .from(reviewAmendments)
        .where(eq(reviewAmendments.reviewId, reviewId))
        .orderBy(asc(reviewAmendments.id))
        .all()
        .map((r) => ({
          ...r,
          reason: amendReason.open(r.reason),
          before: before.open<ReviewContent>(r.before),
          after: after.open<ReviewContent>(r.after),
        })),
  };
  return repo;
}
