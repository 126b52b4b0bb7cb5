/**
 * Select lists for statements prepared by hand on the hot read paths (every request's actor, the
 * `/review status` slots). There, drizzle's row mapping costs several times the query itself: it
 * walks every selected field of every row through its generic decoder (about 20 µs a person, 170 µs
 * for a manager's ten slots, against 6 and 40 µs for the same SQL read by better-sqlite3; see
 * `bench/` and the README). The list is derived from the drizzle table, so the SQL follows the
 * schema, and each column comes back under its property name (`"manager_id" AS "managerId"`).
 *
 * Text, integer and real columns are read as stored. Any other column (a 0/1 boolean, JSON) goes
 * through its drizzle decoder: `decode` does that in place, for only those columns. Sealed columns
 * are not for these lists: their values must go through `Sealer.open`, which the repository does.
 */
import { getTableColumns, type Column, type Table } from 'drizzle-orm';

/** Column types whose driver value is the value (drizzle's decoder is the identity). */
const AS_STORED = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal']);

export interface SelectList<Row> {
  /** `"t"."snake" AS "camel", …` for the SELECT clause. */
  sql: string;
  /** Decodes, in place, the columns not read as stored; returns the row. */
  decode(row: Record<string, unknown>): Row;
}

/**
 * `table`'s columns under their property names. `qualifier`: the table's name or alias in the
 * statement (needed in a join); `omit`: properties left out (bookkeeping that is not part of the
 * record).
 */
export function selectList<Row>(
  table: Table,
  opts: { qualifier?: string; omit?: readonly string[] } = {},
): SelectList<Row> {
  const columns = Object.entries(getTableColumns(table) as Record<string, Column>).filter(
    ([key]) => !opts.omit?.includes(key),
  );
  const q = opts.qualifier ? `"${opts.qualifier}".` : '';
  const sql = columns.map(([key, c]) => `${q}"${c.name}" AS "${key}"`).join(', ');
  const decoded = columns.filter(([, c]) => !AS_STORED.has(c.columnType)).map(([key, c]) => [key, c] as const);
  return {
    sql,
    decode(row) {
      for (const [key, c] of decoded) {
        const v = row[key];
        if (v !== null && v !== undefined) row[key] = c.mapFromDriverValue(v);
      }
      return row as Row;
    },
  };
}
