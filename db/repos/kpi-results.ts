/**
 * The KPI results of reviews, read in one place: the review repo (with the sealed change reason),
 * the reports and the warnings all read them the same way, chunked under SQLite's bound-parameter
 * limit.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { reviewKpiResults } from '../schema/index.js';
import type { KpiResult } from '../../src/ports/repos/reviews.js';
import type { Sealed } from '../sealed.js';

/** Ids or rows per statement: well under SQLite's limit of 32,766 bound variables. */
export const CHUNK = 500;

/** `xs` in slices of at most 500, for `IN (…)` lists and multi-row inserts. */
export const chunks = <T>(xs: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Each review's KPI results in the order they were written. The manager's reason for changing an
 * imported figure is sealed: pass `openReason` to read it (a reader that does not show it leaves it out).
 */
export function kpiResultsOf(
  db: Db,
  reviewIds: readonly number[],
  openReason?: (sealed: Sealed) => string,
): Map<number, KpiResult[]> {
  const map = new Map<number, KpiResult[]>();
  for (const ids of chunks(reviewIds))
    for (const r of db
      .select()
      .from(reviewKpiResults)
      .where(inArray(reviewKpiResults.reviewId, ids))
      .orderBy(asc(reviewKpiResults.id))
      .all()) {
      const list = map.get(r.reviewId) ?? [];
      list.push({
        key: r.kpiKey,
        name: r.kpiName,
        unit: r.unit,
        target: r.target,
        direction: r.direction,
        actual: r.actual,
        met: r.met,
        ...(r.importedValue !== null && r.importedSource !== null
          ? { imported: { value: r.importedValue, source: r.importedSource } }
          : {}),
        ...(openReason && r.changeReason !== null ? { changeReason: openReason(r.changeReason) } : {}),
      });
      map.set(r.reviewId, list);
    }
  return map;
}
