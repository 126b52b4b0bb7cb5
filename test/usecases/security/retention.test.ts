/**
 * Retention: a terminated employee's records are kept for the policy's period (cn-art40: 2 years,
 * Art. 50), then `retention run` deletes their content, keeps hashes, ids and dates, and leaves
 * nobody else's records and the audit chain intact. An open case holds them; a config cannot
 * shorten a statutory period.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEvidenceWorld, valueOf, type EvidenceWorld } from '../evidence/support.js';
import { makeCreateNote } from '../../../src/usecases/evidence/create-note.js';
import { makeDisputeNote } from '../../../src/usecases/evidence/dispute-note.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeWithdrawCase } from '../../../src/usecases/offboarding/withdraw-case.js';
import { makeRunRetention } from '../../../src/usecases/schedule/run-retention.js';
import { verifyAuditLog } from '../../../db/repos/audit.js';
import { resolvePolicy, PolicyError } from '../../../src/domain/policy/index.js';
import { runCliLines } from '../../support/cli.js';
import { DEFAULT_KPIS } from '../../support/org.js';

let w: EvidenceWorld;
afterEach(() => w.db.cleanup());

/** Words written about the employee, one per kind of record. None may survive in the file. */
const WORDS = [
  'Zanzibar', // note discussion
  'xylograph', // agreed action
  'quibble', // dispute comment
  'marzipan', // review comment
  'gossamer', // amendment reason
  'Okapi', // case reason
  'nimbus', // withdrawal reason
  'sciatica', // protected status note
  'lumbago', // absence reason
  'tundra', // job adjustment reason
  'Brouhaha', // leave reason
  'persimmon', // reply to the dispute
  'Kerfuffle', // planned conversation's agenda
];

/** Everything the employee could have on record, through the use cases where they exist. */
function recordEverything(w: EvidenceWorld, personId: string, managerId: string) {
  const { note } = valueOf(
    makeCreateNote(w.deps)({
      actorId: managerId,
      personId,
      values: {
        kind: 'feedback',
        held_on: '2026-11-20',
        discussion: 'Zanzibar backlog review',
        kpis: ['tickets'],
        action1: 'Clear the xylograph queue',
        action1_owner: personId,
        action1_due: '2026-11-27',
        visibility: 'evidence',
      },
    }),
  );
  valueOf(makeDisputeNote(w.deps)({ actorId: personId, noteId: note.id, values: { comment: 'A quibble about it' } }));
  w.db.store.tx((tx) => {
    const r = tx.reviews.insertReview({
      slotId: null,
      employeeId: personId,
      authorId: managerId,
      jobId: 'engineer',
      kpiVersion: 1,
      periodLabel: '2026-W47',
      rating: 2,
      strengths: '',
      improvement: 'More',
      comment: 'marzipan week',
      belowTarget: true,
      submittedAt: w.db.clock.now(),
      results: [{ ...DEFAULT_KPIS[0]!, actual: 30, met: false }],
    });
    tx.reviews.amendReview(r.id, { authorId: managerId, reason: 'gossamer recount', at: w.db.clock.now(), after: r });
    tx.reviews.addReply({
      reviewId: r.id,
      authorId: managerId,
      body: 'A persimmon of a reply',
      createdAt: w.db.clock.now(),
    });
    tx.evidence.insertConversation({
      personId,
      organizerId: managerId,
      startsAt: w.db.clock.now() + 86_400_000,
      endsAt: w.db.clock.now() + 90_000_000,
      location: 'Room 3',
      meetingUrl: null,
      agenda: 'Kerfuffle follow-up',
      kpiKeys: [],
      reviewId: r.id,
    });
    const plan = tx.evidence.insertPlan(
      {
        personId,
        createdBy: managerId,
        jobId: 'engineer',
        kpiVersion: 1,
        kpiKeys: ['tickets'],
        goal: 'Triage',
        content: 'Queue',
        trainer: 'Chen',
        trainerId: null,
        expectedResult: '40',
      },
      [{ startsAt: w.db.clock.now(), endsAt: w.db.clock.now() + 3_600_000, location: 'Room 2' }],
    );
    tx.evidence.recordAttendance({
      sessionId: plan.sessions[0]!.id,
      personId,
      status: 'absent',
      method: 'marked',
      reason: 'lumbago flare',
      recordedBy: managerId,
    });
    tx.evidence.insertJobAdjustment({
      personId,
      fromJobId: 'engineer',
      toJobId: 'support',
      reason: 'tundra of tickets',
      kpiKeys: [],
      effectiveOn: '2026-12-01',
      createdBy: managerId,
    });
    tx.cases.addProtectedStatus({
      personId,
      kind: 'medical_period',
      startsOn: '2026-01-01',
      endsOn: '2026-02-01',
      note: 'sciatica',
      recordedBy: 'hr',
    });
    tx.org.addLeave({ personId, startDate: '2026-03-01', endDate: '2026-03-02', reason: 'Brouhaha at home' });
  });
  valueOf(
    makeOpenOffboarding(w.deps)({ actorId: w.hr.id, employeeId: personId, reasonKind: 'mutual', reasonText: 'Okapi' }),
  );
  const caseId = w.db.conn.sqlite.prepare('SELECT max(id) FROM cases').pluck().get() as number;
  valueOf(makeWithdrawCase(w.deps)({ actorId: w.hr.id, caseId, reason: 'nimbus talks' }));
}

const PERSONAL_TABLES = [
  'reviews',
  'review_replies',
  'planned_conversations',
  'review_kpi_results',
  'review_amendments',
  'notes',
  'note_actions',
  'training_plans',
  'training_sessions',
  'attendance',
  'job_adjustments',
  'acknowledgments',
  'cases',
  'case_events',
  'protected_statuses',
  'leaves',
];
const counts = (w: EvidenceWorld) =>
  Object.fromEntries(
    PERSONAL_TABLES.map((t) => [t, w.db.conn.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]),
  );

function fileBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

describe('retention', () => {
  it('after the policy’s period, deletes the content of a terminated employee’s records and keeps hashes, ids and dates', () => {
    w = makeEvidenceWorld({ now: '2026-11-23T01:00:00Z', timezone: 'Asia/Shanghai' });
    recordEverything(w, w.emp.id, w.m1.id);
    const before = counts(w);
    recordEverything(w, w.peer.id, w.m1.id); // a colleague's records, which must stay
    const peerOnly = Object.fromEntries(Object.entries(counts(w)).map(([t, n]) => [t, n - before[t]!]));
    // The sender delivered everything long ago.
    w.db.conn.sqlite.prepare(`UPDATE outbox SET status = 'sent', sent_ref = 'x', sent_at = 1`).run();
    w.db.store.tx((tx) => tx.org.setActive(w.emp.id, false)); // left on 2026-11-23 (Shanghai)
    const run = makeRunRetention(w.deps);

    w.db.clock.set('2028-11-22T15:59:00Z'); // 23:59 on 22 Nov 2028 in Shanghai: a day early
    expect(valueOf(run({ actorId: null }))).toMatchObject({ years: 2, erased: [], held: [] });

    w.db.clock.set('2028-11-22T16:01:00Z'); // 00:01 on 23 Nov 2028: two years to the day
    const dry = valueOf(run({ actorId: null, dryRun: true }));
    expect(dry.erased).toEqual([{ personId: w.emp.id, leftOn: '2026-11-23', keptUntil: '2028-11-23', rows: {} }]);
    expect(counts(w)).toEqual(Object.fromEntries(PERSONAL_TABLES.map((t) => [t, before[t]! + peerOnly[t]!])));

    const report = valueOf(run({ actorId: null }));
    expect(report.statutory).toMatch(/Art\. 50/);
    expect(report.erased.map((e) => e.personId)).toEqual([w.emp.id]);
    expect(report.erased[0]!.rows).toMatchObject({ reviews: 1, notes: 1, cases: 1, leaves: 1, attendance: 1 });
    // Only the colleague's records are left, untouched.
    expect(counts(w)).toEqual(peerOnly);
    const erasures = w.db.conn.sqlite
      .prepare(`SELECT table_name AS t, row_id AS id, sha256, recorded_at AS at FROM erasures WHERE person_id = ?`)
      .all(w.emp.id) as { t: string; id: string; sha256: string; at: number | null }[];
    expect(erasures.length).toBe(Object.values(before).reduce((a, b) => a + b, 0));
    expect(erasures.every((e) => /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
    expect(erasures.find((e) => e.t === 'reviews')?.at).toBe(Date.parse('2026-11-23T01:00:00Z'));
    const person = w.db.conn.sqlite.prepare('SELECT erased_at, monthly_wage FROM people WHERE id = ?').get(w.emp.id);
    expect(person).toEqual({ erased_at: w.db.clock.now(), monthly_wage: null });
    // Audited, and the chain is intact: nothing in it was touched.
    expect(w.audits('retention.erase')).toMatchObject([
      { subject_type: 'person', subject_id: w.emp.id, actor_id: null },
    ]);
    expect(JSON.parse(w.audits('retention.erase')[0]!.detail)).toMatchObject({ leftOn: '2026-11-23', years: 2 });
    expect(verifyAuditLog(w.db.conn).problems).toEqual([]);
    // The words are gone from the file itself (secure_delete), the colleague's are still there.
    w.db.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fileBytes(w.db.file);
    expect(WORDS.filter((x) => bytes.includes(Buffer.from(x)))).toEqual(WORDS); // the colleague has the same words
    w.db.store.tx((tx) => tx.org.setActive(w.peer.id, false));
    w.db.clock.set('2030-11-23T01:00:00Z');
    valueOf(run({ actorId: null }));
    w.db.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const after = fileBytes(w.db.file);
    expect(WORDS.filter((x) => after.includes(Buffer.from(x)))).toEqual([]);
    // A second run finds nothing more to do and writes nothing.
    const audit = w.db.conn.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(valueOf(run({ actorId: null })).erased).toEqual([]);
    expect(w.db.conn.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audit);
  });

  it('holds someone with a case still open, and forgets nobody who was re-hired', () => {
    w = makeEvidenceWorld({ now: '2026-11-23T01:00:00Z' });
    valueOf(
      makeOpenOffboarding(w.deps)({ actorId: w.hr.id, employeeId: w.emp.id, reasonKind: 'mutual', reasonText: 'x' }),
    );
    w.db.store.tx((tx) => {
      tx.org.setActive(w.emp.id, false);
      tx.org.setActive(w.peer.id, false);
    });
    w.db.clock.advance(86_400_000);
    w.db.store.tx((tx) => tx.org.setActive(w.peer.id, true)); // back the next day
    w.db.clock.set('2029-01-01T00:00:00Z');
    const report = valueOf(makeRunRetention(w.deps)({ actorId: null }));
    expect(report.erased).toEqual([]);
    expect(report.held).toEqual([{ personId: w.emp.id, caseIds: [1] }]);
    expect(w.db.conn.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
  });

  it('is a number per policy, and no config may shorten a statutory period', () => {
    expect(resolvePolicy({ preset: 'cn-art40' }).retention).toMatchObject({ yearsAfterTermination: 2 });
    expect(resolvePolicy({ preset: 'us-pip' }).retention).toMatchObject({ yearsAfterTermination: 1 });
    expect(resolvePolicy({ preset: 'uk-capability' }).retention).toEqual({ yearsAfterTermination: 6 });
    expect(
      resolvePolicy({ preset: 'cn-art40', overrides: { retention: { yearsAfterTermination: 3 } } }).retention
        .yearsAfterTermination,
    ).toBe(3);
    expect(() => resolvePolicy({ preset: 'cn-art40', overrides: { retention: { yearsAfterTermination: 1 } } })).toThrow(
      PolicyError,
    );
    expect(() => resolvePolicy({ preset: 'cn-art40', overrides: { retention: { yearsAfterTermination: 1 } } })).toThrow(
      /retention\.yearsAfterTermination: at least 2 years \(Labor Contract Law Art\. 50/,
    );
    expect(
      resolvePolicy({ preset: 'uk-capability', overrides: { retention: { yearsAfterTermination: 1 } } }).retention
        .yearsAfterTermination,
    ).toBe(1);
  });

  it('`retention run` from the command line lists who is due with --dry-run, then erases them', async () => {
    w = makeEvidenceWorld({ now: '2026-11-23T01:00:00Z' });
    w.db.store.tx((tx) => tx.org.setActive(w.emp.id, false));
    const env = { DANDANG_DB: w.db.file, DANDANG_CONFIG: '/nonexistent/dandang.yml' };
    const { ManualClock } = await import('../../../src/ports/clock.js');
    const clock = new ManualClock(Date.parse('2029-01-01T00:00:00Z'));
    const cli = (args: string[]) => runCliLines(args, env, clock);
    const dry = await cli(['retention', 'run', '--dry-run']);
    expect(dry).toMatchObject({ code: 0, err: [] });
    expect(dry.out).toEqual([
      'Retention: 2 year(s) after termination (Labor Contract Law Art. 50: kept at least 2 years).',
      `  due: ${w.emp.id} (left 2026-11-23, kept until 2028-11-23)`,
      '1 person(s) due; nothing was deleted (dry run).',
    ]);
    const real = await cli(['retention', 'run']);
    expect(real.code).toBe(0);
    expect(real.out[1]).toBe(`  erased: ${w.emp.id} (left 2026-11-23): nothing was recorded`);
    expect((await cli(['retention', 'sweep'])).code).toBe(2);
  });
});
