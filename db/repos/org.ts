import { and, eq, asc, lte, gte, inArray, sql, getTableColumns, type Column } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../client.js';
import { people, jobs, kpis, leaves } from '../schema/index.js';
import type { OrgRepo, RosterEntry } from '../../src/ports/repos/org.js';
import type { Person, Kpi, Locale } from '../../src/ports/records.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Sealer } from '../sealed.js';
import { selectList } from '../select-list.js';
import type { LeaveKind } from '../../src/domain/warning/leave-kinds.js';

type PersonRow = typeof people.$inferSelect;

/** A value as the column stores it (booleans as 0/1, JSON as text). */
const toDriver = (column: Column, value: unknown): unknown => (value === null ? null : column.mapToDriverValue(value));

export const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  email: r.email,
  managerId: r.managerId,
  department: r.department,
  jobId: r.jobId,
  role: r.role,
  slackId: r.slackId,
  feishuOpenId: r.feishuOpenId,
  locale: r.locale as Locale | null,
  timezone: r.timezone,
  hireDate: r.hireDate,
  teamChannelSlack: r.teamChannelSlack,
  teamChannelFeishu: r.teamChannelFeishu,
  monthlyWage: r.monthlyWage,
  previousMonthWage: r.previousMonthWage,
  birthDate: r.birthDate,
  retirementBasis: r.retirementBasis,
  hrPartnerId: r.hrPartnerId,
  active: r.active,
});

const sameKpis = (a: Kpi[], b: Kpi[]) =>
  a.length === b.length &&
  a.every((k, i) => {
    const o = b[i]!;
    return (
      k.key === o.key &&
      k.name === o.name &&
      k.unit === o.unit &&
      k.target === o.target &&
      k.direction === o.direction &&
      k.min === o.min &&
      k.max === o.max &&
      k.source === o.source
    );
  });

/**
 * Leaving starts the retention period (kept from the first time they left); coming back (re-hired)
 * ends it, and their records are kept again from scratch.
 */
const termination = (active: boolean, now: number) =>
  active ? { inactiveSince: null, erasedAt: null } : { inactiveSince: sql`coalesce(${people.inactiveSince}, ${now})` };

/** The Person record: every column but the bookkeeping of when they left and when retention erased their records. */
const PERSON = selectList<Person>(people, { omit: ['updatedAt', 'inactiveSince', 'erasedAt'] });

export function makeOrgRepo(db: Db, clock: Clock, sealer: Sealer): OrgRepo {
  const leaveReason = sealer.column(leaves.reason);
  // The lookups every interactive request makes (its actor, then the use case's re-read of it):
  // prepared once, read without drizzle's row mapping (../select-list.ts).
  const personWhere = (where: string) =>
    db.$client.prepare<[string], Record<string, unknown>>(`SELECT ${PERSON.sql} FROM people WHERE ${where}`);
  const personById = personWhere('id = ?');
  const personBySlack = personWhere('slack_id = ?');
  const personByFeishu = personWhere('feishu_open_id = ?');
  const one = (row: Record<string, unknown> | undefined) => (row ? PERSON.decode(row) : null);
  const jobById = db
    .select()
    .from(jobs)
    .where(eq(jobs.id, sql.placeholder('id')))
    .prepare();
  const kpisOfVersion = db
    .select()
    .from(kpis)
    .where(and(eq(kpis.jobId, sql.placeholder('jobId')), eq(kpis.version, sql.placeholder('version'))))
    .orderBy(asc(kpis.position))
    .prepare();
  // An org import upserts 50,000 people: statements prepared once, not a query built per row. As
  // with drizzle's insert, a field left undefined is not written (an update keeps what is stored);
  // one statement per set of fields given, of which there are a handful.
  const personColumns = Object.entries(getTableColumns(people));
  const upserts = new Map<string, { stmt: Statement; columns: [string, Column][] }>();
  const upsertFor = (row: Record<string, unknown>) => {
    const columns = personColumns.filter(([key]) => row[key] !== undefined);
    const signature = columns.map(([key]) => key).join(',');
    let found = upserts.get(signature);
    if (!found) {
      const q = (c: Column) => `"${c.name}"`;
      const updates = columns.filter(([key]) => key !== 'id').map(([, c]) => `${q(c)} = excluded.${q(c)}`);
      const stmt = db.$client.prepare(
        `INSERT INTO people (${columns.map(([, c]) => q(c)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
         ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
      );
      found = { stmt, columns };
      upserts.set(signature, found);
    }
    return found;
  };
  const allPeopleStmt = db.$client.prepare<[], Record<string, unknown>>(`SELECT ${PERSON.sql} FROM people ORDER BY id`);
  const markLeft = db.$client.prepare(
    'UPDATE people SET inactive_since = coalesce(inactive_since, ?) WHERE id = ? AND active = 0',
  );
  const rosterStmt = db.$client.prepare(
    `SELECT id, email, active, role, slack_id AS slackId, feishu_open_id AS feishuOpenId FROM people ORDER BY id`,
  );
  const kpiSet = (jobId: string, version: number): Kpi[] =>
    kpisOfVersion.all({ jobId, version }).map(({ key, name, unit, target, direction, min, max, source }) => ({
      key,
      name,
      unit,
      target,
      direction,
      ...(min !== null ? { min } : {}),
      ...(max !== null ? { max } : {}),
      ...(source === 'feed' ? { source } : {}),
    }));

  const repo: OrgRepo = {
    person: (id) => one(personById.get(id)),
    personBySlackId: (id) => one(personBySlack.get(id)),
    personByFeishuId: (id) => one(personByFeishu.get(id)),
    personByEmail: (email) =>
      one(
        db
          .select()
          .from(people)
          .where(sql`lower(${people.email}) = lower(${email})`)
          .get(),
      ),
    reportsOf: (managerId) =>
      db
        .select()
        .from(people)
        .where(and(eq(people.managerId, managerId), eq(people.active, true)))
        .orderBy(asc(people.name))
        .all()
        .map(toPerson),
    isInChainAbove(managerId, personId) {
      let current = repo.person(personId)?.managerId ?? null;
      for (let hops = 0; current && hops < 64; hops++) {
        if (current === managerId) return true;
        current = repo.person(current)?.managerId ?? null;
      }
      return false;
    },
    activePeople: (filter) =>
      db
        .select()
        .from(people)
        .where(
          filter?.department
            ? and(eq(people.active, true), eq(people.department, filter.department))
            : eq(people.active, true),
        )
        .orderBy(asc(people.name))
        .all()
        .map(toPerson),
    hrReaders: () =>
      db
        .select({ role: people.role, locale: people.locale })
        .from(people)
        .where(and(eq(people.active, true), inArray(people.role, ['hr', 'admin'])))
        .all(),
    roster: () => {
      const rows = rosterStmt.all() as (Omit<RosterEntry, 'active'> & { active: number | boolean })[];
      for (const r of rows) r.active = r.active === 1;
      return rows as RosterEntry[];
    },
    // An import reads everyone (50,000 rows): one object per row, built by the driver.
    allPeople: () => allPeopleStmt.all().map(PERSON.decode),
    upsertPerson(p) {
      const now = clock.now();
      // Coming back (re-hired) ends a retention period; leaving starts one, kept from the first time.
      const row: Record<string, unknown> = {
        ...p,
        updatedAt: now,
        ...(p.active ? { inactiveSince: null, erasedAt: null } : {}),
      };
      const { stmt, columns } = upsertFor(row);
      stmt.run(columns.map(([key, column]) => toDriver(column, row[key])));
      if (!p.active) markLeft.run(now, p.id);
    },
    setActive: (id, active) =>
      void db
        .update(people)
        .set({ active, updatedAt: clock.now(), ...termination(active, clock.now()) })
        .where(eq(people.id, id))
        .run(),

    job(id) {
      const r = jobById.get({ id });
      return r
        ? { id: r.id, title: r.title, duties: r.duties, requirements: r.requirements, kpiVersion: r.kpiVersion }
        : null;
    },
    jobWithKpis(id, version) {
      const j = repo.job(id);
      if (!j) return null;
      return { ...j, kpis: kpiSet(id, version ?? j.kpiVersion) };
    },
    allJobs: () =>
      db
        .select()
        .from(jobs)
        .orderBy(asc(jobs.id))
        .all()
        .map(({ updatedAt: _u, ...j }) => j),
    upsertJob(j) {
      const row = { ...j, updatedAt: clock.now() };
      db.insert(jobs).values(row).onConflictDoUpdate({ target: jobs.id, set: row }).run();
    },
    replaceKpis(jobId, next) {
      const j = repo.job(jobId);
      if (!j) throw new Error(`replaceKpis: unknown job ${jobId}`);
      if (j.kpiVersion > 0 && sameKpis(kpiSet(jobId, j.kpiVersion), next)) return null;
      if (j.kpiVersion === 0 && next.length === 0) return null;
      const version = j.kpiVersion + 1;
      if (next.length)
        db.insert(kpis)
          .values(
            next.map((k, position) => ({
              ...k,
              min: k.min ?? null,
              max: k.max ?? null,
              source: k.source ?? ('manual' as const),
              jobId,
              version,
              position,
            })),
          )
          .run();
      db.update(jobs).set({ kpiVersion: version, updatedAt: clock.now() }).where(eq(jobs.id, jobId)).run();
      return version;
    },

    onLeave: (personId, date) =>
      !!db
        .select({ id: leaves.id })
        .from(leaves)
        .where(and(eq(leaves.personId, personId), lte(leaves.startDate, date), gte(leaves.endDate, date)))
        .get(),
    leavesOf: (personId) =>
      db
        .select()
        .from(leaves)
        .where(eq(leaves.personId, personId))
        .orderBy(asc(leaves.startDate), asc(leaves.id))
        .all()
        .map((l) => ({
          startDate: l.startDate,
          endDate: l.endDate,
          kind: l.kind as LeaveKind,
          reason: leaveReason.open(l.reason),
          createdAt: l.createdAt,
        })),
    addLeave: (l) =>
      Number(
        db
          .insert(leaves)
          .values({ ...l, reason: leaveReason.seal(l.reason), createdAt: clock.now() })
          .run().lastInsertRowid,
      ),
  };
  return repo;
}
