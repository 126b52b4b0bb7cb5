/**
 * Data keys over the whole database: which keys sealed values may need, rotation, and a census.
 *
 * `meta['data.keys']` lists the ids of every key that may have sealed a value. Each process that
 * writes with a key adds it at start; a completed rotation resets the list to the current key. At
 * start the bot refuses to run if a listed key is not configured, instead of failing on the first
 * read of an old note.
 */
import type { Connection } from './client.js';
import * as schema from './schema/index.js';
import { sealedColumns, type Sealed } from './sealed.js';
import { readAuditHead, signExistingAuditLog } from './repos/audit.js';

const KEYS_META = 'data.keys';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function listedKeys(conn: Pick<Connection, 'sqlite'>): string[] {
  const row = conn.sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(KEYS_META) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string[]) : [];
}

function setListedKeys(conn: Pick<Connection, 'sqlite'>, ids: string[]): void {
  conn.sqlite
    .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(KEYS_META, JSON.stringify(ids));
}

/** Ids of keys that sealed values may need but this process was not given. */
export function missingDataKeys(conn: Pick<Connection, 'sqlite' | 'sealer'>): string[] {
  return listedKeys(conn).filter((id) => !conn.sealer.keyIds.includes(id));
}

/**
 * Records that this process seals with its current key (call at start, before any write). True
 * when the key is new to the database: values written before it are plaintext until `keys rotate`.
 */
export function registerDataKey(conn: Pick<Connection, 'sqlite' | 'sealer'>): boolean {
  const id = conn.sealer.keyId;
  if (!id) return false;
  const listed = listedKeys(conn);
  if (listed.includes(id)) return false;
  setListedKeys(conn, [...listed, id]);
  return true;
}

/** One line per sealed column: how many values are plaintext and how many each key sealed. */
export interface KeyCensus {
  column: string;
  plaintext: number;
  byKey: Record<string, number>;
}

export function keyCensus(conn: Pick<Connection, 'sqlite' | 'sealer'>): KeyCensus[] {
  return sealedColumns(schema).map(({ table, column }) => {
    const c = quote(column.name);
    const plaintext = conn.sqlite
      .prepare(`SELECT count(*) FROM ${quote(table)} WHERE typeof(${c}) = 'text' AND ${c} != ''`)
      .pluck()
      .get() as number;
    const byKey: Record<string, number> = {};
    // The key id is bytes 2–5 of a sealed value (db/sealed.ts).
    for (const r of conn.sqlite
      .prepare(
        `SELECT hex(substr(${c}, 2, 4)) AS id, count(*) AS n FROM ${quote(table)} WHERE typeof(${c}) = 'blob' GROUP BY 1`,
      )
      .all() as { id: string; n: number }[])
      byKey[r.id.toLowerCase()] = r.n;
    return { column: `${table}.${column.name}`, plaintext, byKey };
  });
}

export interface RotationReport {
  /** Values sealed for the first time (written before a key was configured). */
  sealed: number;
  /** Values re-sealed from an older key. */
  resealed: number;
  /** Values still not under the current key afterwards (written meanwhile by a process with an old key). */
  remaining: number;
}

/**
 * Re-seals every value that is plaintext or sealed with another key, under the current key, in
 * short transactions (`batch` rows each) so a running bot's writes interleave. Safe to re-run.
 */
export function rotateDataKeys(
  conn: Pick<Connection, 'sqlite' | 'sealer'>,
  opts: { batch?: number; onColumn?: (column: string, done: number) => void } = {},
): RotationReport {
  const { sqlite, sealer } = conn;
  const current = sealer.keyId;
  if (!current) throw new Error('keys rotate needs DANDANG_DATA_KEY (the new key)');
  const batch = opts.batch ?? 500;
  const report: RotationReport = { sealed: 0, resealed: 0, remaining: 0 };
  for (const { table, column } of sealedColumns(schema)) {
    const c = quote(column.name);
    const t = quote(table);
    const cs = sealer.column(column);
    // `rowid AS rid`: selected bare, SQLite names it after an INTEGER PRIMARY KEY column (`id`).
    const page = sqlite.prepare<[number, number], { rid: number; v: Sealed }>(
      `SELECT rowid AS rid, ${c} AS v FROM ${t} WHERE rowid > ? AND ${c} IS NOT NULL AND ${c} != '' ORDER BY rowid LIMIT ?`,
    );
    const write = sqlite.prepare<[Sealed, number]>(`UPDATE ${t} SET ${c} = ? WHERE rowid = ?`);
    let after = 0;
    let done = 0;
    for (;;) {
      const rows = sqlite
        .transaction(() => {
          const rows = page.all(after, batch);
          for (const r of rows) {
            const id = sealer.keyIdOf(r.v);
            if (id === current) continue;
            write.run(cs.seal(cs.open(r.v)), r.rid);
            if (id === null) report.sealed++;
            else report.resealed++;
            done++;
          }
          return rows;
        })
        .immediate();
      if (!rows.length) break;
      after = rows[rows.length - 1]!.rid;
    }
    opts.onColumn?.(`${table}.${column.name}`, done);
  }
  for (const col of keyCensus(conn))
    report.remaining +=
      col.plaintext + Object.entries(col.byKey).reduce((n, [id, k]) => n + (id === current ? 0 : k), 0);
  if (report.remaining === 0) setListedKeys(conn, [current]);
  return report;
}

/**
 * What a process does with its keys before its first write: refuse if sealed values need a key it
 * lacks or the log is signed and it has no audit key (a one-line reason), else sign a never-signed
 * audit log (`signedRows`) and list its data key (`newDataKey` when the database had not seen it).
 */
export function prepareKeys(conn: Connection): { refusal: string | null; signedRows: number; newDataKey: boolean } {
  const missing = missingDataKeys(conn);
  if (missing.length)
    return {
      refusal:
        `The database holds values sealed with data key ${missing.join(', ')}, which is not configured. ` +
        'Set DANDANG_DATA_KEY to that key, or list it in DANDANG_DATA_KEY_OLD while keys rotate runs.',
      signedRows: 0,
      newDataKey: false,
    };
  if (!conn.auditKey && readAuditHead(conn.sqlite)?.mac)
    return {
      refusal: 'The audit log of this database is signed: set DANDANG_AUDIT_KEY to the key it was signed with.',
      signedRows: 0,
      newDataKey: false,
    };
  const signedRows = signExistingAuditLog(conn);
  // Only worth saying when something was stored before the key (the log is never empty then).
  const hadData = !!conn.sqlite.prepare('SELECT 1 FROM audit_log LIMIT 1').get();
  return { refusal: null, signedRows, newDataKey: registerDataKey(conn) && hadData };
}
