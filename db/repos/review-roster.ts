/** Who a cycle reviews: a department's active reports and their managers, the managers' zones, leave, job holders. */
import { and, eq, inArray, asc, lte, gte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { people, leaves } from '../schema/index.js';
import type { ReviewRepo } from '../../src/ports/repos/reviews.js';
import { toPerson } from './org.js';
import { chunks } from './kpi-results.js';
import { employees, managers } from './review-slot-view.js';

type RosterQueries = Pick<
  ReviewRepo,
  'departmentZones' | 'reportsWithManagers' | 'rosterManagers' | 'rosterSize' | 'onLeaveOn' | 'holdersOfJob'
>;

export function makeRosterQueries(db: Db): RosterQueries {
  return {
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
  };
}
