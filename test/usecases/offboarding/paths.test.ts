/**
 * Each path to a dismissal reads as what it is (issue 10, items 1, 2, 11, 14, 15 and the Chinese
 * terms), walked through the real use cases on a real database:
 *  - a protected status is a bar only where the law makes it one (Art. 42 does not restrict an
 *    Art. 36 or Art. 39 exit): elsewhere the card shows it for information, never as 不得解除的情形;
 *  - the manager's DM names the manager's own steps on this path, and offers training and
 *    conversations only on a performance case;
 *  - an itemised release and the evidence lists read with full-width separators in Chinese;
 *  - an Art. 39 decision ends the contract the day it is given, with no notice and no N;
 *  - a hearing is recorded as held on or after the day its invitation set, never before;
 *  - pay in lieu takes the previous month's wage typed at the notice step, and N the local minimum.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import type { Locale } from '../../../src/ports/records.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeAdvanceCaseStep, type AdvanceCaseStepInput } from '../../../src/usecases/offboarding/advance-case-step.js';
import { makeRecordProtectedStatus } from '../../../src/usecases/offboarding/record-protected-status.js';
import { DAY, buttonsOf, cnFullRecord, count, latestRoot, outbox, textOf, withRefresh } from './support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

function setup(o: { locale?: Locale; preset?: 'cn-art40' | 'uk-capability'; minimumWage?: number } = {}) {
  const locale = o.locale ?? 'en';
  db = makeTestDb({ now: '2026-06-01T02:00:00Z', defaultLocale: locale });
  const settings: AppSettings = {
    ...testSettings({ timezone: 'Asia/Shanghai', locale }),
    policy: { preset: o.preset ?? 'cn-art40', overrides: {} },
    severance: {
      currency: 'CNY',
      localAverageMonthlyWage: 12_000,
      ...(o.minimumWage ? { localMinimumMonthlyWage: o.minimumWage } : {}),
    },
  };
  const org = seedTeams(db.store, { managers: 1, reportsPerManager: 1, locale });
  const employee = org.reports[0]![0]!;
  db.store.tx((tx) =>
    tx.org.upsertPerson({
      ...employee,
      name: locale === 'zh-CN' ? '王鹏' : 'Wang Peng',
      hireDate: '2022-11-01',
      monthlyWage: 10_000,
      previousMonthWage: 10_000,
    }),
  );
  const deps = { store: db.store, clock: db.clock, settings };
  const open = makeOpenOffboarding(deps);
  const advance = makeAdvanceCaseStep(deps);
  return {
    settings,
    deps,
    e: employee.id,
    m: org.managers[0]!.id,
    openCase(reasonKind: 'performance' | 'mutual' | 'misconduct') {
      const r = open({ actorId: 'hr', employeeId: employee.id, reasonKind, reasonText: '' });
      if (!r.ok) throw new Error(r.message);
      return r.value.caseId;
    },
    advance,
    step(caseId: number, actorId: string, stepId: string, extra: Partial<AdvanceCaseStepInput> = {}) {
      const r = advance({ actorId, caseId, stepId, ...extra });
      if (!r.ok) throw new Error(`${stepId}: ${r.message}`);
    },
  };
}
type World = ReturnType<typeof setup>;

const today = () => new Date(db.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const managerDm = (id: number) =>
  outbox(db.conn.sqlite, 'key = ? OR target_key = ?', `case:${id}:manager`, `case:${id}:manager`).pop()!.message;

/** A handbook rule the employee acknowledged, then broke; their written statement on it. */
function misconductRecord(s: World) {
  withRefresh(db, s.settings, s.e, (tx) => {
    tx.conduct.addSection({
      section: '4.2',
      title: 'Honest expense claims',
      body: 'No false receipts.',
      createdBy: 'hr',
    });
    tx.acks.record({
      subjectType: 'handbook',
      subjectId: String(tx.conduct.handbookVersion()),
      personId: s.e,
      state: 'acknowledged',
      recordedBy: s.e,
    });
  });
  db.clock.advance(30 * DAY);
  withRefresh(db, s.settings, s.e, (tx) => {
    const rule = tx.conduct.sections()[0]!;
    const incident = tx.conduct.addIncident({
      personId: s.e,
      ruleId: rule.id,
      occurredOn: today(),
      description: 'Submitted a forged taxi receipt.',
      evidence: 'The receipt and the taxi company’s letter.',
      reportedBy: s.m,
    });
    tx.acks.record({
      subjectType: 'incident',
      subjectId: String(incident.id),
      personId: s.e,
      state: 'disputed',
      comment: 'I did not know the receipt was wrong.',
      recordedBy: s.e,
    });
  });
}

describe('protected statuses are a bar only where the law makes them one', () => {
  it('an agreed exit opens for a pregnant employee; its card lists the status for information, not as 不得解除的情形', () => {
    const s = setup({ locale: 'zh-CN' });
    const since = today();
    expect(
      makeRecordProtectedStatus(s.deps)({ actorId: 'hr', personId: s.e, kind: 'pregnancy', startsOn: since }).ok,
    ).toBe(true);
    // The performance path is barred (Art. 42(4)) …
    const barred = makeOpenOffboarding(s.deps)({
      actorId: 'hr',
      employeeId: s.e,
      reasonKind: 'performance',
      reasonText: '',
    });
    expect(!barred.ok && barred.code).toBe('BLOCKED');
    // … an agreed exit is not (Art. 42 restricts Art. 40 and 41 only), and does not pretend otherwise.
    const id = s.openCase('mutual');
    const text = textOf(latestRoot(db.conn.sqlite, id));
    expect(text).not.toContain('不得解除的情形');
    expect(text).not.toContain('⛔');
    expect(text).toContain('**在案的受保护情形**（不妨碍本流程的案件）');
    expect(text).toContain(`ℹ️ 孕期、产期或哺乳期：孕期，自${since}起`);
  });

  it('an agreed exit with no status on record shows no status section at all', () => {
    const s = setup();
    const text = textOf(latestRoot(db.conn.sqlite, s.openCase('mutual')));
    expect(text).not.toMatch(/Blockers|Protected statuses/);
  });
});

describe('the release and the evidence lists in Chinese', () => {
  it('itemises the release with full-width separators on the card and in the thread', () => {
    const s = setup({ locale: 'zh-CN' });
    const id = s.openCase('mutual');
    s.step(id, 'hr', 'hr_approves');
    s.step(id, 'hr', 'release_signed', {
      release: '经济补偿：40000\n未休年假工资：2000\n双方确认无其他争议',
      proposedBy: 'employer',
      noCoercion: true,
    });
    const card = textOf(latestRoot(db.conn.sqlite, id));
    expect(card).toContain('解除协议，由用人单位提出：经济补偿：40,000；未休年假工资：2,000；双方确认无其他争议。');
    expect(card).not.toMatch(/; |\d, /);
    const thread = outbox(db.conn.sqlite, 'thread_key = ?', `case:${id}:root`).map((r) => r.message.text);
    expect(thread.join('\n')).toContain('解除协议：经济补偿：40,000；未休年假工资：2,000；双方确认无其他争议。');
  });

  it('lists the records counted for an item with 「；」 between them', () => {
    const s = setup({ locale: 'zh-CN' });
    const id = s.openCase('performance');
    cnFullRecord(db, s.settings, { employeeId: s.e, managerId: s.m });
    const text = textOf(latestRoot(db.conn.sqlite, id));
    expect(text).toMatch(/已计入：考核「2026-W24」[^\n]*；考核「2026-W25」/);
    expect(text).not.toContain('; ');
  });
});

describe('the manager’s DM names the manager’s own part on each path', () => {
  it('performance: the manager confirms and attends the meeting, and may add conversations or training', () => {
    const s = setup();
    const id = s.openCase('performance');
    const dm = managerDm(id);
    expect(textOf(dm)).toContain('It cannot go ahead until the evidence below is on record.');
    expect(textOf(dm)).toContain('You take these steps yourself: Manager confirms, Meeting held (manager and HR).');
    expect(buttonsOf(dm).map((b) => b.actionId)).toEqual(
      expect.arrayContaining([ACTIONS.promptConversation, ACTIONS.promptTrainingPlan]),
    );
    cnFullRecord(db, s.settings, { employeeId: s.e, managerId: s.m });
    expect(textOf(managerDm(id))).not.toContain('It cannot go ahead');
  });

  it('Art. 39: HR takes every step; no training or conversation buttons; the contract ends the day of the decision', () => {
    const s = setup();
    misconductRecord(s);
    const id = s.openCase('misconduct');
    const dm = managerDm(id);
    expect(textOf(dm)).toContain('HR takes every step of this case; this message keeps you informed.');
    expect(textOf(dm)).not.toMatch(/confirm the case yourself|attend the meeting/);
    expect(buttonsOf(dm)).toEqual([]);

    s.step(id, 'hr', 'hr_approves');
    s.step(id, 'hr', 'union_notified', { date: today() });
    s.step(id, 'hr', 'decision_issued');
    const card = textOf(latestRoot(db.conn.sqlite, id));
    expect(card).toContain(
      `The employment ends on ${today()}, the day the notice or decision is given: no notice period runs.`,
    );
    expect(card).toContain('No severance is owed on this path (Serious breach of company rules (Art. 39)).');
    expect(card).not.toMatch(/Severance N|2N|\(0 days\)/);
  });
});

describe('a hearing is held on or after the day its invitation set (uk-capability)', () => {
  it('refuses "held" before that day, writes nothing but the refusal, and accepts it on the day', () => {
    const s = setup({ preset: 'uk-capability' });
    misconductRecord(s);
    const id = s.openCase('misconduct');
    s.step(id, 'hr', 'hr_approves');
    s.step(id, 'hr', 'blockers_check');
    const hearingOn = new Date(db.clock.now() + 8 * 3_600_000 + 7 * DAY).toISOString().slice(0, 10);
    s.step(id, 'hr', 'hearing_invited', { date: hearingOn, accompanied: true });

    const stepIndex = () =>
      (db.conn.sqlite.prepare('SELECT step_index AS i FROM cases WHERE id = ?').get(id) as { i: number }).i;
    const before = stepIndex();
    const early = s.advance({ actorId: 'hr', caseId: id, stepId: 'meeting_held' });
    expect(!early.ok && early.code).toBe('CONFLICT');
    expect(!early.ok && early.message).toBe(
      `The date recorded at “Hearing invitation sent” is ${hearingOn}: “Meeting held (manager and HR)” can be recorded from that day, not before.`,
    );
    expect(stepIndex()).toBe(before);
    expect(count(db.conn.sqlite, 'case_events', "step = 'meeting_held' AND outcome = 'refused'")).toBe(1);

    db.clock.advance(7 * DAY);
    s.step(id, 'hr', 'meeting_held');
    s.step(id, s.m, 'meeting_held');
    expect(stepIndex()).toBe(before + 1);
  });
});

describe('pay in lieu and the minimum wage at the notice step (cn-art40, items 14 and 15)', () => {
  it('takes the previous month’s wage typed in the form, and raises a 12-month average below the local minimum', () => {
    const s = setup({ minimumWage: 2_690 });
    db.store.tx((tx) => tx.org.upsertPerson({ ...tx.org.person(s.e)!, monthlyWage: 2_000, previousMonthWage: null }));
    const id = s.openCase('performance');
    cnFullRecord(db, s.settings, { employeeId: s.e, managerId: s.m });
    for (const [actor, stepId, extra] of [
      [s.m, 'manager_confirms', {}],
      ['hr', 'hr_approves', {}],
      ['hr', 'art42_check', {}],
      ['hr', 'union_notified', { date: today() }],
      ['hr', 'meeting_held', {}],
      [s.m, 'meeting_held', {}],
    ] as const)
      s.step(id, actor, stepId, extra);

    // No previous month's wage on record and none typed: the form says so, and nothing is written.
    const missing = s.advance({ actorId: 'hr', caseId: id, stepId: 'notice_issued', payInLieu: true });
    expect(!missing.ok && missing.code).toBe('INVALID_INPUT');
    expect(!missing.ok && Object.keys(missing.fieldErrors ?? {})).toEqual(['previous_month_wage']);

    s.step(id, 'hr', 'notice_issued', { payInLieu: true, previousMonthWage: '2300' });
    const card = textOf(latestRoot(db.conn.sqlite, id));
    // Hired 2022-11-01; paid in lieu on 2026-08-16 (the record took 76 days): 3 years 9 months → 4.
    // The average 2,000 is raised to the minimum 2,690: N = 4 × 2,690 = 10,760. The "+1" is the
    // previous month's wage typed at the step, 2,300: N+1 = 13,060.
    expect(today()).toBe('2026-08-16');
    expect(card).toContain('The 12-month average (2,000) is below the local minimum wage and is raised to it.');
    expect(card).toContain('Severance N: 4 × 2,690 = 10,760 CNY.');
    expect(card).toContain('Pay in lieu of notice (the previous month’s wage): 2,300 CNY.');
    expect(card).toContain('With one month’s wage in lieu (N+1): 13,060 CNY.');
  });
});
