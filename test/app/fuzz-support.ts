/**
 * Shared by the command fuzz tests: a seeded random source (a failure names its seed, and
 * `FUZZ_SEED=<n>` replays it), hostile words, and "was anything written?" read from the database
 * itself: every table's row count and the audit head.
 */
import type { Connection } from '../../db/client.js';
import { SECURITY_SUBJECT } from '../../src/ports/security.js';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof random>;

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261124);

/** Words a person (or an attacker) might type where a command expects something else. */
export const HOSTILE_WORDS: readonly string[] = [
  '2027-13-45',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '1899-12-31',
  '2026-1-1',
  '2026/12/01',
  '２０２６－１２－０１',
  'yesterday',
  '-1',
  '0',
  '#0',
  '#-1',
  '#99999999999999999999',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '1.5',
  '１２',
  'nosuchjob',
  'nosuchkind',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  "'; DROP TABLE people;--",
  '${process.exit()}',
  '{name}',
  '%s%n%x',
  '\u0000',
  '\u202e',
  '\u200b',
  '\u0007bell',
  '😀',
  '`code`',
  '**bold**',
  '[x](javascript:alert(1))',
  '<@person:hr>',
  '<!channel>',
  '@everyone',
  '\\',
  '"',
  '／review',
  'ＳＴＡＴＵＳ',
  'x'.repeat(5000),
  '測試'.repeat(800),
];

/** Words that are valid somewhere, so random lines also reach the paths past the first check. */
export const VALID_WORDS: readonly string[] = [
  'all',
  'export',
  '导出',
  'pip',
  'warning',
  'hearing',
  'mutual',
  'misconduct',
  '违纪',
  'pregnancy',
  'medical_treatment',
  '孕期',
  '2026-12-01',
  '2026-11-20',
  '2027-01-31',
  '1',
  '2',
  '#1',
  'sales-rep',
  'support-agent',
  'Sales',
  'Warehouse',
  'status',
  'help',
];

/** Table → row count, for every table in the database. */
export function rowCounts(conn: Connection): Record<string, number> {
  const tables = conn.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (conn.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
}

interface AuditRow {
  id: number;
  action: string;
  subject_type: string;
}

/**
 * Audit rows that are not writes of a record: a refused attempt (`*_refused`, the security log) and
 * a read of a sensitive record (`read.*`), which policy says are recorded.
 */
const isRecordOfAnAttempt = (r: AuditRow) =>
  r.subject_type === SECURITY_SUBJECT || r.action.endsWith('_refused') || r.action.startsWith('read.');

/**
 * The record a refused attempt to take an offboarding step leaves in the case's own history: its
 * `case.step_refused` audit row about the case and a `refused` entry in the case's timeline
 * (`src/usecases/offboarding/step-gate.ts`). An attempt to move a dismissal is part of how the case
 * ran, so policy keeps it; only a request that takes a step (a click on a step, or its form
 * submitted) may leave it. Opening a step's form takes nothing and must leave nothing.
 */
const isStepAttemptAudit = (r: AuditRow) => r.action === 'case.step_refused' && r.subject_type === 'case';

export interface WriteCheck {
  /** What was written since the snapshot, besides records of attempts and reads; [] when nothing. */
  writes(): string[];
}

export interface WatchOptions {
  /** Tables whose growth is not this request's doing (e.g. deliveries of earlier requests). */
  ignoreTables?: readonly string[];
  /**
   * The request is an attempt to take an offboarding step: its refusal may leave the step-attempt
   * record (one `case.step_refused` audit row and one `refused` timeline entry per attempt) and
   * nothing else. Any other request leaves neither.
   */
  stepAttempt?: boolean;
}

/** Takes the snapshot now; `writes()` compares the database with it. */
export function watchWrites(conn: Connection, options: WatchOptions = {}): WriteCheck {
  const { ignoreTables = [], stepAttempt = false } = options;
  const before = rowCounts(conn);
  const lastAudit = (conn.sqlite.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number | null }).id ?? 0;
  const lastEvent =
    (conn.sqlite.prepare('SELECT max(id) AS id FROM case_events').get() as { id: number | null }).id ?? 0;
  return {
    writes() {
      const after = rowCounts(conn);
      const audits = conn.sqlite
        .prepare('SELECT id, action, subject_type FROM audit_log WHERE id > ? ORDER BY id')
        .all(lastAudit) as AuditRow[];
      const tolerated = (r: AuditRow) => (isStepAttemptAudit(r) ? stepAttempt : isRecordOfAnAttempt(r));
      const attempts = audits.filter(tolerated).length;
      const out = audits.filter((r) => !tolerated(r)).map((r) => `audit ${r.action}`);
      // Each tolerated step attempt accounts for one `refused` timeline entry: any more is a write.
      const refusedEvents = (
        conn.sqlite
          .prepare(`SELECT count(*) AS n FROM case_events WHERE id > ? AND outcome = 'refused'`)
          .get(lastEvent) as { n: number }
      ).n;
      const stepAttempts = stepAttempt ? audits.filter(isStepAttemptAudit).length : 0;
      const attemptEvents = Math.min(refusedEvents, stepAttempts);
      for (const [table, n] of Object.entries(after)) {
        if (ignoreTables.includes(table)) continue;
        const grew =
          n -
          (before[table] ?? 0) -
          (table === 'audit_log' ? attempts : 0) -
          (table === 'case_events' ? attemptEvents : 0);
        if (grew !== 0 && !(table === 'audit_log' && out.length)) out.push(`${table} ${grew > 0 ? '+' : ''}${grew}`);
      }
      return out;
    },
  };
}

/** Text a reader sees that says the program broke rather than what was wrong with the input. */
export const BROKEN_TEXT =
  /Internal Server Error|\bundefined\b|\bNaN\b|\[object |TypeError|ReferenceError|at .*\.ts:\d+/;

/** Whether a string holds a CJK character: a Chinese reader's answer must be in Chinese. */
export const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);
