import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { kpiActuals } from '../schema/index.js';
import type { KpiActual, KpiActualRepo } from '../../src/ports/repos/kpi-actuals.js';

type Row = typeof kpiActuals.$inferSelect;
const toActual = (r: Row): KpiActual => ({
  personId: r.personId,
  kpiKey: r.kpiKey,
  period: r.period,
  value: r.value,
  source: r.source,
  recordedAt: r.recordedAt,
  via: r.via,
});

export function makeKpiActualRepo(db: Db): KpiActualRepo {
  return {
    find: (k) => {
      const row = db
        .select()
        .from(kpiActuals)
        .where(
          and(
            eq(kpiActuals.personId, k.personId),
            eq(kpiActuals.kpiKey, k.kpiKey),
            eq(kpiActuals.period, k.period),
            eq(kpiActuals.source, k.source),
          ),
        )
        .get();
      return row ? toActual(row) : null;
    },
    put(a) {
      db.insert(kpiActuals)
        .values(a)
        .onConflictDoUpdate({
          target: [kpiActuals.personId, kpiActuals.kpiKey, kpiActuals.period, kpiActuals.source],
          set: { value: a.value, recordedAt: a.recordedAt, via: a.via },
        })
        .run();
    },
    latestFor(personId, period) {
      const rows = db
        .select()
        .from(kpiActuals)
        .where(and(eq(kpiActuals.personId, personId), eq(kpiActuals.period, period)))
        .orderBy(asc(kpiActuals.recordedAt), asc(kpiActuals.id))
        .all();
      // Oldest first, so the newest of each key is the one left in the map.
      return new Map(rows.map((r) => [r.kpiKey, toActual(r)]));
    },
  };
}
