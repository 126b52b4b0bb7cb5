import type Database from 'better-sqlite3';
import type { Message } from '../../../src/ui/model.js';

/** Row count of a table, optionally filtered by a WHERE clause with parameters. */
export function count(sqlite: Database.Database, table: string, where = '1=1', ...params: unknown[]): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;
}

/** Every table a review use case could write, for "nothing was written" assertions. */
export function snapshot(sqlite: Database.Database) {
  const tables = [
    'reviews',
    'review_kpi_results',
    'review_amendments',
    'acknowledgments',
    'outbox',
    'audit_log',
    'review_slots',
    'cycles',
    'kpis',
  ];
  const slotStates = sqlite
    .prepare(`SELECT id, status, escalation_level, digest_sent FROM review_slots ORDER BY id`)
    .all();
  return { counts: Object.fromEntries(tables.map((t) => [t, count(sqlite, t)])), slotStates };
}

export interface OutboxMsg {
  key: string;
  op: string;
  address: string;
  targetKey: string | null;
  message: Message;
}

/** Outbox rows whose key matches a LIKE pattern, oldest first, with the neutral message decoded. */
export function outboxRows(sqlite: Database.Database, keyLike: string): OutboxMsg[] {
  return (
    sqlite
      .prepare(`SELECT key, op, address, target_key AS targetKey, payload FROM outbox WHERE key LIKE ? ORDER BY id`)
      .all(keyLike) as {
      key: string;
      op: string;
      address: string;
      targetKey: string | null;
      payload: string;
    }[]
  ).map((r) => ({
    key: r.key,
    op: r.op,
    address: r.address,
    targetKey: r.targetKey,
    message: JSON.parse(r.payload) as Message,
  }));
}

/** All the visible text of a message (blocks included), for asserting what a reader sees. */
export function textOf(m: Message): string {
  const parts: string[] = [m.text];
  for (const b of m.blocks) {
    if (b.type === 'text' || b.type === 'header' || b.type === 'context') parts.push(b.text);
    if (b.type === 'fields') for (const f of b.fields) parts.push(`${f.label}: ${f.value}`);
    if (b.type === 'actions') for (const btn of b.buttons) parts.push(`[${btn.label}]`);
  }
  return parts.join('\n');
}

export const buttonsOf = (m: Message) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
