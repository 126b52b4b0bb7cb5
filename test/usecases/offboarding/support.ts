/**
 * Seeds evidence through the real repositories, in the same transaction as the
 * `refreshOpenCases` hook the evidence and review use cases call, so each piece updates a case
 * message exactly as the real flows do.
 */
import type Database from 'better-sqlite3';
import type { TestDb } from '../../support/db.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import type { Tx } from '../../../src/ports/store.js';
import type { Message, ChecklistItem } from '../../../src/ui/model.js';
import { refreshOpenCases } from '../../../src/usecases/offboarding/refresh-cases.js';
import { DEFAULT_KPIS } from '../../support/org.js';
import type { NoteKind } from '../../../src/ports/repos/evidence.js';
import type { NoteTerms } from '../../../src/domain/policy/index.js';

export const DAY = 86_400_000;

export function withRefresh(
  db: TestDb,
  settings: AppSettings,
  employeeId: string,
  fn: (tx: Tx, now: number) => void,
): void {
  db.store.tx((tx) => {
    fn(tx, db.clock.now());
    refreshOpenCases(tx, employeeId, { settings, now: db.clock.now() });
  });
}

export const ackKpis = (db: TestDb, s: AppSettings, personId: string, subject = 'engineer@1') =>
  withRefresh(
    db,
    s,
    personId,
    (tx) =>
      void tx.acks.record({
        subjectType: 'kpis',
        subjectId: subject,
        personId,
        state: 'acknowledged',
        recordedBy: personId,
      }),
  );

/** A review below target on `tickets` (30 vs ≥ 40), acknowledged or disputed by the employee. */
export function addReview(
  db: TestDb,
  s: AppSettings,
  o: {
    employeeId: string;
    authorId: string;
    label: string;
    kind?: 'regular' | 'reassessment';
    trainingPlanId?: number;
    response?: 'acknowledged' | 'disputed' | null;
    comment?: string;
  },
): number {
  let id = 0;
  withRefresh(db, s, o.employeeId, (tx, now) => {
    const r = tx.reviews.insertReview({
      slotId: null,
      kind: o.kind ?? 'regular',
      trainingPlanId: o.trainingPlanId ?? null,
      employeeId: o.employeeId,
      authorId: o.authorId,
      jobId: 'engineer',
      kpiVersion: 1,
      periodLabel: o.label,
      rating: 2,
      strengths: '',
      improvement: 'Close more tickets',
      comment: `Review ${o.label}`,
      belowTarget: true,
      submittedAt: now,
      results: [
        { ...DEFAULT_KPIS[0]!, actual: 30, met: false },
        { ...DEFAULT_KPIS[1]!, actual: 3, met: true },
      ],
    });
    id = r.id;
    const response = o.response === undefined ? 'acknowledged' : o.response;
    if (response)
      tx.acks.record({
        subjectType: 'review',
        subjectId: String(r.id),
        personId: o.employeeId,
        state: response,
        comment: o.comment ?? null,
        recordedBy: o.employeeId,
      });
  });
  return id;
}

export function addNote(
  db: TestDb,
  s: AppSettings,
  o: {
    personId: string;
    authorId: string;
    kind: NoteKind;
    discussion: string;
    /** What the note states beyond its text (a PIP's length, a hearing). */
    terms?: NoteTerms;
    response?: 'acknowledged' | 'disputed';
    comment?: string;
    visibility?: 'private' | 'shared' | 'evidence';
  },
): number {
  let id = 0;
  withRefresh(db, s, o.personId, (tx, now) => {
    const n = tx.evidence.insertNote(
      {
        personId: o.personId,
        authorId: o.authorId,
        kind: o.kind,
        heldOn: new Date(now).toISOString().slice(0, 10),
        discussion: o.discussion,
        kpiKeys: ['tickets'],
        nextCheckIn: null,
        terms: o.terms ?? {},
        visibility: o.visibility ?? 'evidence',
      },
      [],
    );
    id = n.id;
    if (o.response)
      tx.acks.record({
        subjectType: 'note',
        subjectId: String(n.id),
        personId: o.personId,
        state: o.response,
        comment: o.comment ?? null,
        recordedBy: o.personId,
      });
  });
  return id;
}

/**
 * A training plan on `tickets` with one session that starts an hour from now: the clock moves past
 * the session, the employee is marked present (after it started, so the mark counts) and the plan
 * is completed, as a trainer would do it.
 */
export function addTraining(db: TestDb, s: AppSettings, o: { personId: string; createdBy: string }): number {
  let id = 0;
  let sessionId = 0;
  withRefresh(db, s, o.personId, (tx, now) => {
    const plan = tx.evidence.insertPlan(
      {
        personId: o.personId,
        createdBy: o.createdBy,
        jobId: 'engineer',
        kpiVersion: 1,
        kpiKeys: ['tickets'],
        goal: 'Ticket triage',
        content: 'Triage workshop',
        trainer: 'Support lead',
        trainerId: null,
        expectedResult: '40 tickets a week',
      },
      [{ startsAt: now + 3_600_000, endsAt: now + 7_200_000, location: 'Room 3' }],
    );
    id = plan.id;
    sessionId = plan.sessions[0]!.id;
  });
  db.clock.advance(3 * 3_600_000);
  withRefresh(db, s, o.personId, (tx) => {
    tx.evidence.recordAttendance({
      sessionId,
      personId: o.personId,
      status: 'present',
      method: 'sign_in',
      reason: null,
      recordedBy: o.personId,
    });
    tx.evidence.completePlan(id);
  });
  return id;
}

export interface OutboxMsg {
  key: string;
  op: string;
  targetKey: string | null;
  threadKey: string | null;
  address: string;
  message: Message;
}

export function outbox(sqlite: Database.Database, where = '1=1', ...params: unknown[]): OutboxMsg[] {
  return (
    sqlite
      .prepare(
        `SELECT key, op, target_key AS targetKey, thread_key AS threadKey, address, payload FROM outbox WHERE ${where} ORDER BY id`,
      )
      .all(...params) as (Omit<OutboxMsg, 'message'> & { payload: string })[]
  ).map(({ payload, ...r }) => ({ ...r, message: JSON.parse(payload) as Message }));
}

/** The newest content of the case's root message: the latest queued update, else the post. */
export function latestRoot(sqlite: Database.Database, caseId: number): Message {
  const rows = outbox(sqlite, `key = ? OR target_key = ?`, `case:${caseId}:root`, `case:${caseId}:root`);
  return rows[rows.length - 1]!.message;
}

export function checklist(m: Message): ChecklistItem[] {
  const b = m.blocks.find((x) => x.type === 'checklist');
  return b && b.type === 'checklist' ? b.items : [];
}

/** "✅ label" / "❌ label" for the evidence checklist (the first checklist block). */
export const checklistLines = (m: Message) => checklist(m).map((i) => `${i.ok ? '✅' : '❌'} ${i.label}`);

export function textOf(m: Message): string {
  const parts: string[] = [m.text];
  for (const b of m.blocks) {
    if (b.type === 'text' || b.type === 'header' || b.type === 'context') parts.push(b.text);
    if (b.type === 'fields') for (const f of b.fields) parts.push(`${f.label}: ${f.value}`);
    if (b.type === 'checklist')
      for (const i of b.items) parts.push(`${i.ok ? '✅' : '❌'} ${i.label}${i.detail ? ` — ${i.detail}` : ''}`);
    if (b.type === 'actions') for (const btn of b.buttons) parts.push(`[${btn.label}]`);
  }
  return parts.join('\n');
}

export const buttonsOf = (m: Message) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));

export const count = (sqlite: Database.Database, table: string, where = '1=1', ...params: unknown[]): number =>
  (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;

/**
 * Everything cn-art40 asks for, by the book: KPIs acknowledged, 2 failing reviews a week apart, 2
 * conversations, training on the missed KPI, and 61 days later a reassessment that still fails.
 */
export function cnFullRecord(
  db: TestDb,
  settings: AppSettings,
  o: { employeeId: string; managerId: string },
  stopBefore?: 'second conversation',
): void {
  const { employeeId, managerId } = o;
  ackKpis(db, settings, employeeId);
  db.clock.advance(7 * DAY);
  addReview(db, settings, { employeeId, authorId: managerId, label: '2026-W24' });
  db.clock.advance(7 * DAY);
  addReview(db, settings, { employeeId, authorId: managerId, label: '2026-W25' });
  addNote(db, settings, {
    personId: employeeId,
    authorId: managerId,
    kind: 'one_on_one',
    discussion: 'Backlog',
    response: 'acknowledged',
  });
  if (stopBefore) return;
  db.clock.advance(DAY);
  addNote(db, settings, {
    personId: employeeId,
    authorId: managerId,
    kind: 'feedback',
    discussion: 'Gap',
    response: 'acknowledged',
  });
  const plan = addTraining(db, settings, { personId: employeeId, createdBy: managerId });
  db.clock.advance(61 * DAY);
  addReview(db, settings, {
    employeeId,
    authorId: managerId,
    label: 'Reassessment',
    kind: 'reassessment',
    trainingPlanId: plan,
  });
}
