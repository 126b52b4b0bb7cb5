import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { handbookRules, incidents } from '../schema/index.js';
import type { ConductRepo, Incident } from '../../src/ports/repos/conduct.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Sealer } from '../sealed.js';

export function makeConductRepo(db: Db, clock: Clock, sealer: Sealer): ConductRepo {
  const description = sealer.column(incidents.description);
  const evidence = sealer.column(incidents.evidence);
  const toIncident = (r: typeof incidents.$inferSelect): Incident => ({
    ...r,
    description: description.open(r.description),
    evidence: evidence.open(r.evidence),
  });
  const repo: ConductRepo = {
    addSection(s) {
      return db
        .insert(handbookRules)
        .values({ ...s, version: repo.handbookVersion() + 1, createdAt: clock.now() })
        .returning()
        .get();
    },
    sections: () => db.select().from(handbookRules).orderBy(asc(handbookRules.id)).all(),
    section: (id) => db.select().from(handbookRules).where(eq(handbookRules.id, id)).get() ?? null,
    handbookVersion: () =>
      db.select({ v: handbookRules.version }).from(handbookRules).orderBy(desc(handbookRules.version)).limit(1).get()
        ?.v ?? 0,
    addIncident(i) {
      const row = db
        .insert(incidents)
        .values({
          ...i,
          description: description.seal(i.description),
          evidence: evidence.seal(i.evidence),
          createdAt: clock.now(),
        })
        .returning()
        .get();
      return toIncident(row);
    },
    incident: (id) => {
      const r = db.select().from(incidents).where(eq(incidents.id, id)).get();
      return r ? toIncident(r) : null;
    },
    incidentsAbout: (personId) =>
      db
        .select()
        .from(incidents)
        .where(eq(incidents.personId, personId))
        .orderBy(asc(incidents.occurredOn), asc(incidents.id))
        .all()
        .map(toIncident),
  };
  return repo;
}
