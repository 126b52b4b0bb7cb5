/**
 * GET /healthz: the process answers (a liveness probe: restart it if this fails).
 * GET /readyz: it can do its job (a readiness probe: send it no traffic, alert): the database takes
 * a write, each platform connection is up, and no message has waited in the outbox longer than
 * `operations.maxOutboxAgeSeconds`. Both answer JSON; /readyz is 503 when any check fails.
 */
import type { Connection } from '../../db/client.js';
import type { OutboxQueue } from '../../src/ports/outbox-queue.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Platform } from '../../src/ports/records.js';
import type { RunningAdapter } from '../context.js';

export interface Check {
  ok: boolean;
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  database: Check;
  connections: Record<string, Check>;
  outbox: Record<string, Check & { depth: number; oldestAgeSeconds: number; failed: number }>;
}

export interface ReadinessDeps {
  conn: Pick<Connection, 'sqlite'>;
  queue: Pick<OutboxQueue, 'stats'>;
  clock: Clock;
  platforms: readonly Platform[];
  /** The adapters running now (filled in as they start). */
  adapters: readonly RunningAdapter[];
  maxOutboxAgeMs: number;
}

export function checkReadiness(deps: ReadinessDeps): Readiness {
  const database = databaseWritable(deps.conn);
  const connections: Readiness['connections'] = {};
  for (const platform of deps.platforms) {
    const adapter = deps.adapters.find((a) => a.platform === platform);
    connections[platform] = !adapter
      ? { ok: false, detail: 'not started' }
      : (adapter.connection?.() ?? { ok: true, detail: 'in process' });
  }
  const outbox: Readiness['outbox'] = {};
  let stats: ReturnType<OutboxQueue['stats']> = [];
  try {
    stats = deps.queue.stats(deps.clock.now());
  } catch (err) {
    database.ok = false;
    database.detail = `outbox unreadable: ${(err as Error).message}`;
  }
  for (const platform of deps.platforms) {
    const s = stats.find((x) => x.platform === platform) ?? { depth: 0, oldestAgeMs: 0, failed: 0 };
    const ok = s.oldestAgeMs <= deps.maxOutboxAgeMs;
    outbox[platform] = {
      ok,
      depth: s.depth,
      oldestAgeSeconds: Math.round(s.oldestAgeMs / 1000),
      failed: s.failed,
      ...(ok ? {} : { detail: `a message has waited ${Math.round(s.oldestAgeMs / 1000)} s` }),
    };
  }
  const ready =
    database.ok && Object.values(connections).every((c) => c.ok) && Object.values(outbox).every((c) => c.ok);
  return { ready, database, connections, outbox };
}

/**
 * A write that is rolled back: it proves the file is writable and the write lock can be had. It
 * never waits on the lock (a CLI import holding it answers "busy", which is still writable), so a
 * probe cannot stall the event loop for the 5 s busy timeout.
 */
function databaseWritable(conn: Pick<Connection, 'sqlite'>): Check {
  const { sqlite } = conn;
  if (sqlite.readonly) return { ok: false, detail: 'opened read-only' };
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const v = sqlite.pragma('user_version', { simple: true }) as number;
      sqlite.pragma(`user_version = ${Number(v)}`);
    } finally {
      sqlite.exec('ROLLBACK');
    }
    return { ok: true };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY')) return { ok: true, detail: 'busy (another writer holds the lock)' };
    return { ok: false, detail: (err as Error).message };
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
}
