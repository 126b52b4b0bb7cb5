import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeAdvanceCaseStep } from '../../../src/usecases/offboarding/advance-case-step.js';
import { makeExportDossier } from '../../../src/usecases/offboarding/export-dossier.js';
import { makeRecordProtectedStatus } from '../../../src/usecases/offboarding/record-protected-status.js';
import { verifyAuditChain } from '../../../db/repos/audit.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import {
  DAY,
  withRefresh,
  ackKpis,
  addNote,
  addReview,
  addTraining,
  buttonsOf,
  checklistLines,
  count,
  latestRoot,
  outbox,
  textOf,
} from './support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

function setup(o: { kpis?: boolean } = {}) {
  db = makeTestDb({ now: '2026-06-01T02:00:00Z' });
  const settings: AppSettings = {
    ...testSettings({ timezone: 'Asia/Shanghai' }),
    severance: { currency: 'CNY', localAverageMonthlyWage: 12_000 },
  };
  const org = seedTeams(db.store, { managers: 2, reportsPerManager: 1, ...(o.kpis === false ? { kpis: [] } : {}) });
  const employee = org.reports[0]![0]!;
  db.store.tx((tx) =>
    tx.org.upsertPerson({
      ...employee,
      name: 'Wang Peng',
      hireDate: '2022-11-01',
      monthlyWage: 10_000,
      previousMonthWage: 10_000,
    }),
  );
  const deps = { store: db.store, clock: db.clock, settings };
  return {
    settings,
    org,
    employeeId: employee.id,
    managerId: org.managers[0]!.id,
    otherManagerId: org.managers[1]!.id,
    open: makeOpenOffboarding(deps),
    advance: makeAdvanceCaseStep(deps),
    deps,
  };
}

const caseRow = (id: number) =>
  db.conn.sqlite.prepare('SELECT status, step_index AS stepIndex, confirmations FROM cases WHERE id = ?').get(id) as {
    status: string;
    stepIndex: number;
    confirmations: string;
  };

/** Everything cn-art40 asks for, in the order a manager would build it. */
function buildFullRecord(s: ReturnType<typeof setup>) {
  const { settings, employeeId: e, managerId: m } = s;
  ackKpis(db, settings, e);
  db.clock.advance(7 * DAY);
  const r1 = addReview(db, settings, { employeeId: e, authorId: m, label: '2026-W24' });
  db.clock.advance(7 * DAY);
  const r2 = addReview(db, settings, {
    employeeId: e,
    authorId: m,
    label: '2026-W25',
    response: 'disputed',
    comment: 'I covered two on-call weeks and nobody adjusted my target.',
  });
  db.clock.advance(DAY);
  const n1 = addNote(db, settings, {
    personId: e,
    authorId: m,
    kind: 'one_on_one',
    discussion: 'Walked through the ticket backlog together.',
    response: 'acknowledged',
  });
  db.clock.advance(DAY);
  const n2 = addNote(db, settings, {
    personId: e,
    authorId: m,
    kind: 'feedback',
    discussion: 'Still 30 tickets a week against 40.',
    response: 'disputed',
    comment: 'The queue was empty on Fridays.',
  });
  const privateNote = addNote(db, settings, {
    personId: e,
    authorId: m,
    kind: 'one_on_one',
    discussion: 'PRIVATE: thinking about this',
    visibility: 'private',
  });
  db.clock.advance(DAY);
  const plan = addTraining(db, settings, { personId: e, createdBy: m });
  // The reassessment comes at least 60 days after the training ended (the policy's default).
  db.clock.advance(61 * DAY);
  const re = addReview(db, settings, {
    employeeId: e,
    authorId: m,
    label: 'Reassessment after triage training',
    kind: 'reassessment',
    trainingPlanId: plan,
  });
  return { r1, r2, n1, n2, privateNote, plan, re };
}

describe('opening a cn-art40 case', () => {
  it('lists every missing item for an employee with no history, and refuses HR approval', () => {
    const s = setup({ kpis: false });
    const opened = s.open({
      actorId: 'hr',
      employeeId: s.employeeId,
      reasonKind: 'performance',
      reasonText: 'Output well below the role',
    });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const id = opened.value.caseId;
    expect(opened.value.missing).toBe(6);

    const [root] = outbox(db.conn.sqlite, 'key = ?', `case:${id}:root`);
    expect(root!.address).toBe('CHR');
    expect(checklistLines(root!.message)).toEqual([
      '❌ Written, quantified KPIs for the job',
      '❌ KPIs acknowledged by the employee',
      '❌ Reviews below target',
      '❌ Documented conversations about the gap',
      '❌ Remedy after the first failing review (training attended or job adjustment)',
      '❌ Reassessment after the remedy, same KPIs, still failing',
    ]);
    const text = textOf(root!.message);
    // Each ❌ line says what is missing and who must supply it, in plain words.
    expect(text).toContain('Manager 1 must record a review of Wang Peng with the actual figures below target.');
    expect(text).toContain('Manager 1 must record a conversation with Wang Peng about the gap.');
    expect(text).toContain('HR must set written, quantified KPIs for Wang Peng’s job');
    expect(text).not.toMatch(/\d+\/\d+|3650|one_on_one|engineer@1/);
    expect(text).toContain('Employee: <@person:m1r1>');
    expect(text).toContain('Manager: <@person:m1>');
    expect(text).toContain('cn-art40 2026.3');
    expect(
      db.conn.sqlite.prepare('SELECT policy_id AS id, policy_version AS v FROM cases WHERE id = ?').get(id),
    ).toEqual({ id: 'cn-art40', v: '2026.3' });

    const [dm] = outbox(db.conn.sqlite, 'key = ?', `case:${id}:manager`);
    expect(dm!.address).toBe('UM1');
    expect(buttonsOf(dm!.message).map((b) => b.actionId)).toEqual(
      expect.arrayContaining([ACTIONS.caseAdvance, ACTIONS.promptConversation, ACTIONS.promptTrainingPlan]),
    );

    const before = count(db.conn.sqlite, 'audit_log');
    const approve = s.advance({ actorId: 'hr', caseId: id, stepId: 'hr_approves' });
    expect(approve.ok).toBe(false);
    if (approve.ok) return;
    expect(approve.code).toBe('EVIDENCE_MISSING');
    expect(approve.message.split('\n')).toEqual([
      'Cannot do “HR approves” yet:',
      '• First, Manager 1 must do “Manager confirms”.',
      '• Written, quantified KPIs for the job: HR must set written, quantified KPIs for Wang Peng’s job (the jobs file).',
      '• KPIs acknowledged by the employee: Wang Peng must acknowledge the KPIs of their job.',
      '• Reviews below target: Manager 1 must record a review of Wang Peng with the actual figures below target. 0 of the 2 needed are on record.',
      '• Documented conversations about the gap: Manager 1 must record a conversation with Wang Peng about the gap. 0 of the 2 needed are on record.',
      '• Remedy after the first failing review (training attended or job adjustment): Manager 1 must give Wang Peng training on the missed KPIs (attending at least 80% of the sessions), or adjust Wang Peng’s job because of the gap. It comes after “Reviews below target”, which is not complete yet.',
      '• Reassessment after the remedy, same KPIs, still failing: Manager 1 must reassess Wang Peng against the same KPIs (or the new job’s), at least 60 days after the training or adjustment ended. It comes after “Remedy after the first failing review (training attended or job adjustment)”, which is not complete yet.',
    ]);
    expect(caseRow(id)).toMatchObject({ status: 'open', stepIndex: 0 });
    expect(count(db.conn.sqlite, 'audit_log')).toBe(before + 1);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'case.step_refused' AND actor_id = 'hr'")).toBe(1);
    expect(verifyAuditChain(db.conn.sqlite).broken).toBeNull();
  });

  it('refuses an employee and the wrong manager, and audits both', () => {
    const s = setup();
    const byEmployee = s.open({ actorId: 'm2r1', employeeId: s.employeeId, reasonKind: 'performance', reasonText: '' });
    expect(!byEmployee.ok && byEmployee.code).toBe('NOT_AUTHORIZED');
    const byOtherManager = s.open({
      actorId: s.otherManagerId,
      employeeId: s.employeeId,
      reasonKind: 'performance',
      reasonText: '',
    });
    expect(!byOtherManager.ok && byOtherManager.code).toBe('NOT_AUTHORIZED');
    expect(count(db.conn.sqlite, 'cases')).toBe(0);
    expect(count(db.conn.sqlite, 'outbox')).toBe(0);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'case.open_refused'")).toBe(2);

    const byManager = s.open({
      actorId: s.managerId,
      employeeId: s.employeeId,
      reasonKind: 'performance',
      reasonText: '',
    });
    expect(byManager.ok).toBe(true);
  });

  it('explains Guiding Case No. 18 in the thread when the reason only cites a ranking', () => {
    const s = setup();
    const opened = s.open({
      actorId: 'hr',
      employeeId: s.employeeId,
      reasonKind: 'performance',
      reasonText: 'bottom 10% in the calibration, 末位',
    });
    if (!opened.ok) throw new Error(opened.message);
    const [reply] = outbox(db.conn.sqlite, 'key = ?', `case:${opened.value.caseId}:ranking`);
    expect(reply!.threadKey).toBe(`case:${opened.value.caseId}:root`);
    expect(reply!.message.text).toContain(
      'A ranking (e.g. bottom 10%) shows how Wang Peng compares with colleagues. It does not show that Wang Peng missed the requirements of the role.',
    );
    expect(reply!.message.text).toContain('SPC Guiding Case No. 18');
  });
});

describe('the live checklist', () => {
  it('turns each line ✅ in the updated case message as the evidence lands', () => {
    const s = setup();
    const opened = s.open({
      actorId: 'hr',
      employeeId: s.employeeId,
      reasonKind: 'performance',
      reasonText: 'Missed tickets target',
    });
    if (!opened.ok) throw new Error(opened.message);
    const id = opened.value.caseId;
    const lines = () => checklistLines(latestRoot(db.conn.sqlite, id));
    const ok = () =>
      lines()
        .filter((l) => l.startsWith('✅'))
        .map((l) => l.slice(2));
    expect(ok()).toEqual(['Written, quantified KPIs for the job']);

    ackKpis(db, s.settings, s.employeeId);
    expect(ok()).toContain('KPIs acknowledged by the employee');

    db.clock.advance(7 * DAY);
    addReview(db, s.settings, { employeeId: s.employeeId, authorId: s.managerId, label: '2026-W24' });
    expect(textOf(latestRoot(db.conn.sqlite, id))).toContain('1 of the 2 needed are on record');
    expect(ok()).not.toContain('Reviews below target');
    db.clock.advance(7 * DAY);
    const unanswered = addReview(db, s.settings, {
      employeeId: s.employeeId,
      authorId: s.managerId,
      label: '2026-W25',
      response: null,
    });
    expect(textOf(latestRoot(db.conn.sqlite, id))).toContain('Wang Peng must respond to review “2026-W25”');
    withRefresh(db, s.settings, s.employeeId, (tx) => {
      tx.acks.record({
        subjectType: 'review',
        subjectId: String(unanswered),
        personId: s.employeeId,
        state: 'acknowledged',
        recordedBy: s.employeeId,
      });
    });
    expect(ok()).toContain('Reviews below target');
    addNote(db, s.settings, {
      personId: s.employeeId,
      authorId: s.managerId,
      kind: 'one_on_one',
      discussion: 'Backlog review',
      response: 'acknowledged',
    });
    db.clock.advance(DAY);
    addNote(db, s.settings, {
      personId: s.employeeId,
      authorId: s.managerId,
      kind: 'feedback',
      discussion: 'Gap persists',
      response: 'acknowledged',
    });
    expect(ok()).toContain('Documented conversations about the gap');

    addTraining(db, s.settings, { personId: s.employeeId, createdBy: s.managerId });
    expect(ok()).toContain('Remedy after the first failing review (training attended or job adjustment)');
    expect(lines().filter((l) => l.startsWith('❌'))).toEqual([
      '❌ Reassessment after the remedy, same KPIs, still failing',
    ]);

    // A reassessment 30 days after the training is too early (the policy waits 60 days).
    db.clock.advance(30 * DAY);
    addReview(db, s.settings, {
      employeeId: s.employeeId,
      authorId: s.managerId,
      label: 'Early reassessment',
      kind: 'reassessment',
      trainingPlanId: 1,
    });
    expect(lines().filter((l) => l.startsWith('❌'))).toEqual([
      '❌ Reassessment after the remedy, same KPIs, still failing',
    ]);
    expect(textOf(latestRoot(db.conn.sqlite, id))).toContain('review “Early reassessment”');
    expect(textOf(latestRoot(db.conn.sqlite, id))).toContain('came too early');
    db.clock.advance(31 * DAY);
    addReview(db, s.settings, {
      employeeId: s.employeeId,
      authorId: s.managerId,
      label: 'Reassessment',
      kind: 'reassessment',
      trainingPlanId: 1,
    });
    expect(lines().every((l) => l.startsWith('✅'))).toBe(true);
    const dm = outbox(db.conn.sqlite, 'target_key = ?', `case:${id}:manager`).pop()!;
    expect(textOf(dm.message)).toContain('All the evidence the policy requires is on record.');
  });
});

describe('the full cn-art40 path', () => {
  it('refuses the wrong people, reaches closed, and the dossier holds every record', () => {
    const s = setup();
    const opened = s.open({
      actorId: 'hr',
      employeeId: s.employeeId,
      reasonKind: 'performance',
      reasonText: 'Missed the tickets KPI after training',
    });
    if (!opened.ok) throw new Error(opened.message);
    const id = opened.value.caseId;
    const rec = buildFullRecord(s);

    // Wrong manager, and HR clicking for the manager: refused, audited, nothing changes.
    const wrong = s.advance({ actorId: s.otherManagerId, caseId: id, stepId: 'manager_confirms' });
    expect(!wrong.ok && wrong.code).toBe('NOT_AUTHORIZED');
    const hrForManager = s.advance({ actorId: 'hr', caseId: id, stepId: 'manager_confirms' });
    expect(!hrForManager.ok && hrForManager.message).toContain('Only the line manager can do “Manager confirms”.');
    expect(caseRow(id).stepIndex).toBe(0);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'case.step_refused'")).toBe(2);

    const step = (actorId: string, stepId: string, extra: object = {}) => {
      db.clock.advance(DAY);
      const r = s.advance({ actorId, caseId: id, stepId, ...extra });
      if (!r.ok) throw new Error(`${stepId}: ${r.message}`);
      return r.value;
    };
    step(s.managerId, 'manager_confirms');
    step('hr', 'hr_approves');
    step('hr', 'art42_check');
    const badDate = s.advance({ actorId: 'hr', caseId: id, stepId: 'union_notified', date: 'tomorrow' });
    expect(!badDate.ok && badDate.fieldErrors).toEqual({ date: 'Use a date like 2026-11-30.' });
    step('hr', 'union_notified', { date: '2026-07-20' });
    // The meeting needs both: HR first, then the manager confirms their own attendance.
    expect(step('hr', 'meeting_held').completed).toBe(false);
    expect(JSON.parse(caseRow(id).confirmations)).toEqual({ hr: 'hr' });
    const early = s.advance({ actorId: 'hr', caseId: id, stepId: 'notice_issued', payInLieu: true });
    expect(!early.ok && early.message).toContain('First, Manager 1 must do “Meeting held (manager and HR)”.');
    expect(step(s.managerId, 'meeting_held').completed).toBe(true);
    step('hr', 'notice_issued', { payInLieu: true });
    const last = step('hr', 'close');
    expect(last.status).toBe('closed');
    expect(caseRow(id).status).toBe('closed');

    // The root message is rebuilt with an outcome line instead of step buttons; HR sees N, N+1, 2N.
    const root = latestRoot(db.conn.sqlite, id);
    const rootText = textOf(root);
    expect(rootText).toContain('**Outcome:** closed on');
    expect(buttonsOf(root).map((b) => b.actionId)).toEqual([ACTIONS.caseExportDossier]);
    // Hired 2022-11-01, last day 2026-07-28 (pay in lieu): 3 years 8 months → N = 4.
    expect(rootText).toContain('Severance N: 4 × 10,000 = 40,000 CNY.');
    expect(rootText).toContain('With one month’s wage in lieu (N+1): 50,000 CNY.');
    expect(rootText).toContain('Unlawful-termination risk (2N): 80,000 CNY.');
    const dm = outbox(db.conn.sqlite, 'target_key = ?', `case:${id}:manager`).pop()!;
    expect(textOf(dm.message)).not.toMatch(/2N|80,000|Severance/);

    const replies = outbox(db.conn.sqlite, 'thread_key = ?', `case:${id}:root`).map((r) => r.message.text);
    expect(replies).toEqual(
      expect.arrayContaining([
        expect.stringContaining('✅ Union notified: done by <@person:hr>. Date recorded: 2026-07-20.'),
        expect.stringContaining(
          '☑️ Meeting held (manager and HR): <@person:hr> confirmed; waiting on the line manager.',
        ),
      ]),
    );

    const exported = makeExportDossier(s.deps)({ actorId: 'hr', caseId: id, deliver: 'thread' });
    if (!exported.ok) throw new Error(exported.message);
    const { html, csv, auditHead } = exported.value;
    const chain = verifyAuditChain(db.conn.sqlite);
    expect(chain.broken).toBeNull();
    // The head quoted is the one before the export's own audit row.
    expect(
      db.conn.sqlite.prepare(`SELECT prev_hash AS p FROM audit_log WHERE action = 'case.dossier_exported'`).get(),
    ).toEqual({ p: auditHead });
    for (const doc of [html, csv]) {
      expect(doc).toContain(auditHead);
      expect(doc).toContain('2026-W24');
      expect(doc).toContain('2026-W25');
      expect(doc).toContain('Reassessment after triage training');
      expect(doc).toContain('Ticket triage');
      expect(doc).toContain('Walked through the ticket backlog together.');
      expect(doc).not.toContain('PRIVATE: thinking about this');
    }
    expect(html).toContain('“I covered two on-call weeks and nobody adjusted my target.”');
    expect(html).toContain('“The queue was empty on Fridays.”');
    expect(html).toContain('Tickets closed');
    expect(html).toContain('present (signed in)');
    expect(html).toContain('Grounds: the employee cannot do the job');
    expect(html).toContain('Union notified');
    expect(csv).toContain(`review #${rec.r1}`);
    expect(csv).toContain(`note #${rec.n2}`);
    expect(csv).toContain(`training #${rec.plan}`);
    const uploads = outbox(db.conn.sqlite, "op = 'upload'");
    // One ZIP (issue 16) holds the HTML, the CSV, the files and the manifest.
    expect(uploads.map((u) => u.threadKey)).toEqual([`case:${id}:root`]);
  });
});

describe('protected statuses (Art. 42)', () => {
  it('block the case at open and again before notice', () => {
    const s = setup();
    const protect = makeRecordProtectedStatus(s.deps);

    const byManager = protect({
      actorId: s.managerId,
      personId: s.employeeId,
      kind: 'pregnancy',
      startsOn: '2026-05-01',
    });
    expect(!byManager.ok && byManager.code).toBe('NOT_AUTHORIZED');
    const recorded = protect({
      actorId: 'hr',
      personId: s.employeeId,
      kind: 'medical_treatment',
      startsOn: '2026-05-20',
      endsOn: '2026-06-10',
    });
    expect(recorded.ok).toBe(true);

    const blocked = s.open({ actorId: 'hr', employeeId: s.employeeId, reasonKind: 'performance', reasonText: '' });
    expect(!blocked.ok && blocked.code).toBe('BLOCKED');
    expect(!blocked.ok && blocked.message).toContain(
      '⛔ Medical treatment period: medical treatment period since 2026-05-20',
    );
    expect(count(db.conn.sqlite, 'cases')).toBe(0);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'case.open_refused'")).toBe(1);

    // Mutual agreement is not restricted by Art. 42.
    const mutual = s.open({ actorId: 'hr', employeeId: s.employeeId, reasonKind: 'mutual', reasonText: '' });
    expect(mutual.ok).toBe(true);
  });

  it('a status recorded after the Art. 42 check blocks the notice', () => {
    const s = setup();
    const opened = s.open({ actorId: 'hr', employeeId: s.employeeId, reasonKind: 'performance', reasonText: '' });
    if (!opened.ok) throw new Error(opened.message);
    const id = opened.value.caseId;
    buildFullRecord(s);
    for (const [actor, stepId, extra] of [
      [s.managerId, 'manager_confirms', {}],
      ['hr', 'hr_approves', {}],
      ['hr', 'art42_check', {}],
      ['hr', 'union_notified', { date: '2026-07-20' }],
      ['hr', 'meeting_held', {}],
      [s.managerId, 'meeting_held', {}],
    ] as const) {
      const r = s.advance({ actorId: actor, caseId: id, stepId, ...extra });
      if (!r.ok) throw new Error(`${stepId}: ${r.message}`);
    }
    const today = new Date(db.clock.now()).toISOString().slice(0, 10);
    expect(
      makeRecordProtectedStatus(s.deps)({ actorId: 'hr', personId: s.employeeId, kind: 'pregnancy', startsOn: today })
        .ok,
    ).toBe(true);
    expect(textOf(latestRoot(db.conn.sqlite, id))).toContain(
      `⛔ Pregnancy, maternity leave or nursing: pregnancy since ${today}`,
    );

    const notice = s.advance({ actorId: 'hr', caseId: id, stepId: 'notice_issued' });
    expect(!notice.ok && notice.code).toBe('BLOCKED');
    expect(!notice.ok && notice.message).toContain('⛔ Pregnancy, maternity leave or nursing: pregnancy since');
    expect(caseRow(id)).toMatchObject({ status: 'open', stepIndex: 5 });
  });
});
