/** Review cycles: one per department and period, created, opened and read (the latest of each department). */
import { and, eq, asc, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { cycles, reviewSlots } from '../schema/index.js';
import type { Cycle, ReviewRepo } from '../../src/ports/repos/reviews.js';
import { selectList } from '../select-list.js';

const CYCLE = selectList<Cycle>(cycles, { qualifier: 'cycles' });

type CycleQueries = Pick<
  ReviewRepo,
  'cycle' | 'cycleFor' | 'latestCycles' | 'createCycle' | 'openingCycles' | 'cycleSize' | 'markCycleOpen'
>;

export function makeCycleQueries(db: Db): CycleQueries {
  // A review submission reads its cycle every time: built and prepared once per connection.
  const cycleById = db
    .select()
    .from(cycles)
    .where(eq(cycles.id, sql.placeholder('id')))
    .prepare();
  // `/review status` asks on every call: prepared once and read without drizzle's row mapping
  // (../select-list.ts), which cost several times these queries. Same SQL and rows as the dynamic forms.
  const latestCyclesOfAll = db.$client.prepare<[], Cycle>(
    `SELECT ${CYCLE.sql} FROM cycles
       JOIN (SELECT department, max(period_start) AS start FROM cycles GROUP BY department) latest
         ON latest.department = cycles.department AND latest.start = cycles.period_start
      ORDER BY cycles.department`,
  );

  return {
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
  };
}
