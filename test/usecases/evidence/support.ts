/**
 * An org for the evidence tests: director `dir` → managers m1, m2 → reports m1r1…, plus HR `hr`,
 * an admin `adm`, and a second job `support`. Built on test/support/org.ts.
 */
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, seedOrg, testSettings, DEFAULT_KPIS, type SeededTeams } from '../../support/org.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import type { Person, Kpi } from '../../../src/ports/records.js';
import type { Result } from '../../../src/usecases/result.js';
import { count, outboxRows, textOf, buttonsOf } from '../review/support.js';
import { makeRouter } from '../../../src/app/router.js';
import { allFeatures } from '../../../src/app/features.js';
import type { ActionId, FormId } from '../../../src/ui/actions.js';
import type { FormValues, Reply } from '../../../src/ui/model.js';

export { count, outboxRows, textOf, buttonsOf };

export const SUPPORT_KPIS: Kpi[] = [
  { key: 'csat', name: 'Customer satisfaction', unit: '%', target: 90, direction: 'higher' },
];

export interface EvidenceWorld {
  db: TestDb;
  settings: AppSettings;
  deps: { store: TestDb['store']; clock: TestDb['clock']; settings: AppSettings };
  org: SeededTeams;
  /** m1's first report, the usual subject. */
  emp: Person;
  /** A colleague of `emp` with the same manager. */
  peer: Person;
  m1: Person;
  m2: Person;
  dir: Person;
  hr: Person;
  admin: Person;
  person(id: string): Person;
  audits(
    action?: string,
  ): { action: string; subject_type: string; subject_id: string; actor_id: string | null; detail: string }[];
}

export function makeEvidenceWorld(o: { now?: string; timezone?: string } = {}): EvidenceWorld {
  const db = makeTestDb({ now: o.now ?? '2026-11-23T01:00:00Z' });
  const settings = testSettings({ timezone: o.timezone ?? 'Asia/Shanghai' });
  const org = seedTeams(db.store, { managers: 2, reportsPerManager: 2, withDirector: true, kpis: DEFAULT_KPIS });
  seedOrg(db.store, {
    jobs: [{ id: 'support', title: 'Support agent', kpis: SUPPORT_KPIS }],
    people: [{ id: 'adm', name: 'Ada Admin', role: 'admin', jobId: null }],
  });
  const person = (id: string) => db.store.tx((tx) => tx.org.person(id))!;
  return {
    db,
    settings,
    deps: { store: db.store, clock: db.clock, settings },
    org,
    emp: org.reports[0]![0]!,
    peer: org.reports[0]![1]!,
    m1: org.managers[0]!,
    m2: org.managers[1]!,
    dir: person('dir'),
    hr: org.hr,
    admin: person('adm'),
    person,
    audits: (action) =>
      db.conn.sqlite
        .prepare(
          `SELECT action, subject_type, subject_id, actor_id, detail FROM audit_log ${action ? 'WHERE action = ?' : ''} ORDER BY id`,
        )
        .all(...(action ? [action] : [])) as never,
  };
}

/** The value of a successful result, or a test failure naming the code. */
export function valueOf<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return (r as { value: T }).value;
}

export function codeOf(r: Result<unknown>): string {
  return r.ok ? 'ok' : r.code;
}

/** Counts of every table an evidence use case writes, for "nothing was written" assertions. */
export function snapshot(db: TestDb) {
  const tables = [
    'notes',
    'note_actions',
    'training_plans',
    'training_sessions',
    'attendance',
    'job_adjustments',
    'acknowledgments',
    'reviews',
    'outbox',
    'audit_log',
  ];
  return Object.fromEntries(tables.map((t) => [t, count(db.conn.sqlite, t)]));
}

/** Clicks and form submissions through the real router, as a person on Slack in English. */
export function routerHarness(w: EvidenceWorld) {
  const router = makeRouter(allFeatures(w.deps));
  const actor = (p: Person) => ({ person: w.person(p.id), platform: 'slack' as const, locale: 'en' as const });
  return {
    click: (p: Person, actionId: ActionId, value: string) =>
      router.dispatch({ kind: 'action', actor: actor(p), actionId, value }),
    submit: (p: Person, formId: FormId, state: string, values: FormValues) =>
      router.dispatch({ kind: 'submit', actor: actor(p), formId, state, values }),
  };
}

/** The form a reply opens, or a test failure showing what came instead. */
export function formOf(r: Reply) {
  if (r.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(r)}`);
  return r.form;
}

/** The files queued for upload whose outbox key matches, oldest first, with their payload parsed. */
export function queuedUploads(w: EvidenceWorld, keyLike: string) {
  return (
    w.db.conn.sqlite
      .prepare(`SELECT key, address, payload FROM outbox WHERE op = 'upload' AND key LIKE ? ORDER BY id`)
      .all(keyLike) as { key: string; address: string; payload: string }[]
  ).map((r) => ({ ...r, file: JSON.parse(r.payload) as { filename: string; title: string; content: string } }));
}
