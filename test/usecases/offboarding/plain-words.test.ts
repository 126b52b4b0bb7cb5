/**
 * Issue 10, items 18–22 and the Chinese legal terms: the checklist people read says what is missing
 * and who must supply it, in their language; a permission refusal is not "missing evidence"; nobody
 * sees a button they can never press; `/offboard status` names what each case waits on;
 * irreversible steps ask "are you sure?"; a ranking-only reason is explained with the buttons it
 * suggests; Chinese text uses the statutory terms and shows no raw ids.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import type { Locale } from '../../../src/ports/records.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeAdvanceCaseStep } from '../../../src/usecases/offboarding/advance-case-step.js';
import { makeCaseStatus } from '../../../src/usecases/offboarding/case-status.js';
import { makeRecordProtectedStatus } from '../../../src/usecases/offboarding/record-protected-status.js';
import { makeOpenProtectedStatusForm } from '../../../src/usecases/offboarding/open-protected-status-form.js';
import { makeExportDossier } from '../../../src/usecases/offboarding/export-dossier.js';
import { DAY, buttonsOf, cnFullRecord, latestRoot, outbox, textOf } from './support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

function setup(o: { locale?: Locale; preset?: 'cn-art40' | 'us-pip' } = {}) {
  db = makeTestDb({ now: '2026-06-01T02:00:00Z', defaultLocale: o.locale ?? 'en' });
  const settings: AppSettings = {
    ...testSettings({ timezone: 'Asia/Shanghai', locale: o.locale ?? 'en' }),
    policy: { preset: o.preset ?? 'cn-art40', overrides: {} },
    severance: { currency: 'CNY', localAverageMonthlyWage: 12_000 },
  };
  const org = seedTeams(db.store, { managers: 2, reportsPerManager: 1, locale: o.locale ?? 'en' });
  const employee = org.reports[0]![0]!;
  db.store.tx((tx) =>
    tx.org.upsertPerson({
      ...employee,
      name: o.locale === 'zh-CN' ? '王鹏' : 'Wang Peng',
      hireDate: '2022-11-01',
      monthlyWage: 10_000,
      previousMonthWage: 10_000,
    }),
  );
  const deps = { store: db.store, clock: db.clock, settings };
  return {
    settings,
    e: employee.id,
    m: org.managers[0]!.id,
    deps,
    open: makeOpenOffboarding(deps),
    advance: makeAdvanceCaseStep(deps),
    status: makeCaseStatus(deps),
  };
}

type World = ReturnType<typeof setup>;

/** Everything cn-art40 asks for, by the book (support.ts). */
const fullRecord = (s: World, stopBefore?: 'second conversation') =>
  cnFullRecord(db, s.settings, { employeeId: s.e, managerId: s.m }, stopBefore);

function openCase(s: World, reasonKind: 'performance' | 'mutual' | 'misconduct' = 'performance', reasonText = '') {
  const r = s.open({ actorId: 'hr', employeeId: s.e, reasonKind, reasonText });
  if (!r.ok) throw new Error(r.message);
  return r.value.caseId;
}

const managerDm = (id: number) =>
  outbox(db.conn.sqlite, 'key = ? OR target_key = ?', `case:${id}:manager`, `case:${id}:manager`).pop()!.message;

/** Internal codes a reader must never see: counts like 7/2, long windows, KPI version ids, enums. */
const CODES = /\b\d+\/\d+\b|\b3650\b|engineer@\d|\b[a-z]+_[a-z_]+\b/;

describe('item 18: each ❌ line says what is missing and who must supply it', () => {
  it('names the manager, the employee and the next record, and shows no internal codes', () => {
    const s = setup();
    const id = openCase(s);
    fullRecord(s, 'second conversation');
    const text = textOf(latestRoot(db.conn.sqlite, id));
    expect(text).toContain('Manager 1 must record a second conversation with Wang Peng about the gap.');
    expect(text).toContain('1 of the 2 needed are on record.');
    expect(text).toContain('Counted: 1:1 of 2026-06-15, acknowledged.');
    expect(text).not.toMatch(CODES);
    expect(textOf(managerDm(id))).not.toMatch(CODES);
  });

  it('in Chinese too, with full-width punctuation', () => {
    const s = setup({ locale: 'zh-CN' });
    const id = openCase(s);
    fullRecord(s, 'second conversation');
    const text = textOf(latestRoot(db.conn.sqlite, id));
    expect(text).toContain('Manager 1须记录与王鹏关于差距的第二次沟通。');
    expect(text).toContain('共需2项，已有1项。');
    expect(text).not.toMatch(CODES);
  });
});

describe('item 19: permissions are not evidence, and no button for who can never press it', () => {
  it('refuses HR confirming for the manager in one plain sentence, with no evidence list', () => {
    const s = setup();
    const id = openCase(s);
    const r = s.advance({ actorId: 'hr', caseId: id, stepId: 'manager_confirms' });
    expect(!r.ok && r.code).toBe('NOT_AUTHORIZED');
    expect(!r.ok && r.message).toBe('Only the line manager can do “Manager confirms”.');
  });

  it('shows each step’s button only to the people who may still press it', () => {
    const s = setup();
    const id = openCase(s);
    fullRecord(s);
    const values = (m: Parameters<typeof buttonsOf>[0]) => buttonsOf(m).map((b) => b.value);
    // The manager's step: in the manager's DM, not in the HR channel.
    expect(values(latestRoot(db.conn.sqlite, id))).not.toContain(`${id}:manager_confirms`);
    expect(values(managerDm(id))).toContain(`${id}:manager_confirms`);
    for (const [actor, step] of [
      [s.m, 'manager_confirms'],
      ['hr', 'hr_approves'],
      ['hr', 'art42_check'],
    ] as const) {
      const r = s.advance({ actorId: actor, caseId: id, stepId: step });
      if (!r.ok) throw new Error(r.message);
    }
    // HR steps: in the HR channel, never in the manager's DM.
    expect(values(latestRoot(db.conn.sqlite, id))).toContain(`${id}:union_notified`);
    expect(values(managerDm(id))).not.toContain(`${id}:union_notified`);
    const union = s.advance({ actorId: 'hr', caseId: id, stepId: 'union_notified', date: '2026-08-10' });
    if (!union.ok) throw new Error(union.message);
    // The meeting: once HR has confirmed, only the manager still has a button.
    expect(s.advance({ actorId: 'hr', caseId: id, stepId: 'meeting_held' }).ok).toBe(true);
    expect(values(latestRoot(db.conn.sqlite, id))).not.toContain(`${id}:meeting_held`);
    expect(values(managerDm(id))).toContain(`${id}:meeting_held`);
  });
});

describe('item 20: /offboard status names what each case waits on', () => {
  it('missing evidence and who supplies it, then a step and its person, then a blocker', () => {
    const s = setup();
    const id = openCase(s);
    const line = () => {
      const r = s.status({ actorId: 'hr' });
      if (!r.ok) throw new Error(r.message);
      return textOf(r.value);
    };
    expect(line()).toContain(`#${id} Wang Peng (Incompetence (Art. 40(2))), open 0 day(s): waiting on evidence:`);
    expect(line()).toContain('Wang Peng must acknowledge the KPIs of their job.');
    fullRecord(s);
    expect(line()).toContain('waiting on Manager 1 to do “Manager confirms”');
    makeRecordProtectedStatus(s.deps)({
      actorId: 'hr',
      personId: s.e,
      kind: 'medical_treatment',
      startsOn: '2026-08-01',
    });
    for (const [actor, step] of [
      [s.m, 'manager_confirms'],
      ['hr', 'hr_approves'],
    ] as const)
      expect(s.advance({ actorId: actor, caseId: id, stepId: step }).ok).toBe(true);
    expect(line()).toContain('blocked: ⛔ Medical treatment period: medical treatment period since 2026-08-01');
  });
});

describe('item 21: irreversible steps ask "are you sure?" and the Art. 42 check records what it checked', () => {
  it('every step button that records on click asks first and says what will happen', () => {
    const s = setup();
    const id = openCase(s);
    fullRecord(s);
    const confirm = managerDm(id).blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []))[0]!.confirm;
    expect(confirm).toMatchObject({
      title: 'Are you sure?',
      text: 'You confirm, as Wang Peng’s line manager, that the case should go ahead on this evidence. This is recorded in the case and cannot be undone.',
    });
    const clickThrough = (actor: string, step: string, extra: object = {}) => {
      const r = s.advance({ actorId: actor, caseId: id, stepId: step, ...extra });
      if (!r.ok) throw new Error(r.message);
    };
    clickThrough(s.m, 'manager_confirms');
    const approve = buttonsOf(latestRoot(db.conn.sqlite, id)).find((b) => b.value === `${id}:hr_approves`)!;
    expect(approve.confirm?.text).toBe(
      'You approve Wang Peng’s case as HR. This is recorded in the case and cannot be undone.',
    );
    clickThrough('hr', 'hr_approves');
    clickThrough('hr', 'art42_check');
    const event = db.conn.sqlite
      .prepare(`SELECT detail FROM case_events WHERE step = 'art42_check' AND outcome = 'done'`)
      .get() as { detail: string };
    expect(JSON.parse(event.detail).checked).toEqual([
      { id: 'occupational_disease', result: 'clear' },
      { id: 'medical_treatment', result: 'clear' },
      { id: 'pregnancy_maternity_nursing', result: 'clear' },
      { id: 'near_retirement', result: 'clear', serviceYears: 3, retirement: null },
      { id: 'other_statutory', result: 'clear' },
    ]);
    expect(outbox(db.conn.sqlite, 'key LIKE ?', `case:${id}:step:art42_check:%`)[0]!.message.text).toContain(
      'Checked: Occupational disease or work injury, Medical treatment period',
    );
    clickThrough('hr', 'union_notified', { date: '2026-08-10' });
    clickThrough('hr', 'meeting_held');
    clickThrough(s.m, 'meeting_held');
    const [notice, inLieu] = buttonsOf(latestRoot(db.conn.sqlite, id)).filter((b) =>
      b.value.startsWith(`${id}:notice_issued`),
    );
    expect(notice!.confirm?.text).toContain('fixes the last day and the settlement. It cannot be undone.');
    // Pay in lieu asks for the previous month's wage in a form, which says what it will do.
    expect(inLieu).toMatchObject({ actionId: ACTIONS.caseOpenStepForm, value: `${id}:notice_issued:lieu` });
    clickThrough('hr', 'notice_issued');
    const close = buttonsOf(latestRoot(db.conn.sqlite, id)).find((b) => b.value === `${id}:close`)!;
    expect(close.confirm?.text).toBe('This closes Wang Peng’s case. Nothing more can be recorded in it.');
  });
});

describe('item 22: a ranking-only reason is explained, with the buttons it suggests', () => {
  it.each(['排名末位', '考核C2', '倒数第一', 'ranked last'])('"%s"', (reason) => {
    const s = setup();
    const id = openCase(s, 'performance', reason);
    const [reply] = outbox(db.conn.sqlite, 'key = ?', `case:${id}:ranking`);
    expect(reply!.message.text).toContain('SPC Guiding Case No. 18');
    expect(buttonsOf(reply!.message).map((b) => [b.actionId, b.label])).toEqual([
      [ACTIONS.promptTrainingPlan, 'Plan training'],
      [ACTIONS.promptConversation, 'Record a conversation'],
    ]);
  });
});

describe('Chinese legal terms', () => {
  it('names each path by its statutory term, and the case as 解除劳动合同案件', () => {
    const s = setup({ locale: 'zh-CN' });
    const perf = openCase(s);
    const perfText = textOf(latestRoot(db.conn.sqlite, perf));
    expect(perfText).toContain(`不能胜任工作（第四十条第（二）项）·解除劳动合同案件 #${perf}：王鹏`);
    expect(perfText).toContain('**不得解除的情形**');
    expect(perfText).not.toMatch(/离职案件|阻却事由|绩效（受政策约束）/);
    // One open case per person: resolve it before the next path.
    db.store.tx((tx) => tx.cases.update(perf, { status: 'withdrawn' }));
    const mutual = openCase(s, 'mutual');
    const mutualText = textOf(latestRoot(db.conn.sqlite, mutual));
    expect(mutualText).toContain(`协商一致解除（第三十六条）·解除劳动合同案件 #${mutual}：王鹏`);
    expect(mutualText).toContain('中国《劳动合同法》第三十六条');
    expect(mutualText).not.toMatch(/第四十条|2N/);
    expect(mutualText).toContain('已签署解除协议（逐项列明）');
    db.store.tx((tx) => tx.cases.update(mutual, { status: 'withdrawn' }));
    const misconduct = openCase(s, 'misconduct');
    expect(textOf(latestRoot(db.conn.sqlite, misconduct))).toContain('严重违纪（第三十九条）');
  });

  it('shows protected statuses and the 2N figure in Chinese words, never raw ids', () => {
    const s = setup({ locale: 'zh-CN' });
    const id = openCase(s);
    fullRecord(s);
    for (const [actor, step, extra] of [
      [s.m, 'manager_confirms', {}],
      ['hr', 'hr_approves', {}],
      ['hr', 'art42_check', {}],
      ['hr', 'union_notified', { date: '2026-08-10' }],
      ['hr', 'meeting_held', {}],
      [s.m, 'meeting_held', {}],
      ['hr', 'notice_issued', {}],
    ] as const) {
      const r = s.advance({ actorId: actor, caseId: id, stepId: step, ...extra });
      if (!r.ok) throw new Error(r.message);
    }
    const today = new Date(db.clock.now()).toISOString().slice(0, 10);
    makeRecordProtectedStatus(s.deps)({ actorId: 'hr', personId: s.e, kind: 'pregnancy', startsOn: today });
    const text = textOf(latestRoot(db.conn.sqlite, id));
    expect(text).toContain(`⛔ 孕期、产期或哺乳期：孕期，自${today}起`);
    expect(text).not.toContain('pregnancy');
    expect(text).toContain('违法解除劳动合同赔偿金（2N）');
    expect(text).not.toMatch(CODES);
  });

  it('offers us-pip statuses in Chinese, 合理便利申请 among them', () => {
    const s = setup({ locale: 'zh-CN', preset: 'us-pip' });
    const form = makeOpenProtectedStatusForm(s.deps)({ actorId: 'hr', personId: s.e });
    if (!form.ok) throw new Error(form.message);
    const kind = form.value.inputs.find((i) => i.id === 'kind')!;
    const labels = 'options' in kind ? kind.options.map((o) => o.label) : [];
    expect(labels).toContain('合理便利申请');
    expect(labels.join(' ')).not.toMatch(/[a-z]_[a-z]/);
  });
});

describe('the dossier says in words what each step recorded', () => {
  /** The case walked to the end, with one refused click on the way; the dossier's timeline section. */
  function timeline(locale: Locale) {
    const s = setup({ locale });
    const id = openCase(s);
    fullRecord(s);
    // HR tries to approve before the manager confirmed: refused, and the timeline says why.
    expect(s.advance({ actorId: 'hr', caseId: id, stepId: 'hr_approves' }).ok).toBe(false);
    for (const [actor, step, extra] of [
      [s.m, 'manager_confirms', {}],
      ['hr', 'hr_approves', {}],
      ['hr', 'art42_check', {}],
      ['hr', 'union_notified', { date: '2026-08-10' }],
      ['hr', 'meeting_held', {}],
      [s.m, 'meeting_held', {}],
      ['hr', 'notice_issued', { payInLieu: true }],
      ['hr', 'close', {}],
    ] as const) {
      const r = s.advance({ actorId: actor, caseId: id, stepId: step, ...extra });
      if (!r.ok) throw new Error(r.message);
    }
    const out = makeExportDossier(s.deps)({ actorId: 'hr', caseId: id, deliver: 'none' });
    if (!out.ok) throw new Error(out.message);
    const html = out.value.html;
    const text = (from: string, to: string) =>
      html
        .slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)))
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
    return { html, text, s };
  }

  it('in Chinese: statutory words, full-width punctuation, no stored JSON or raw ids', () => {
    const { html, text } = timeline('zh-CN');
    const part = text('案件时间线', '发起时的政策');
    expect(part).toContain('立案 发起：Hana HR');
    expect(part).toContain('未能办理：「经理确认」尚未完成。');
    expect(part).toContain(
      '已检查：职业病或工伤（无）；医疗期内（无）；孕期、产期或哺乳期（无）；连续工作满十五年且距法定退休年龄不足五年（无，工作年限3年）；',
    );
    expect(part).toContain('记录日期：2026-08-10。');
    expect(part).toContain('确认出席：Hana HR');
    expect(part).toContain('额外支付一个月工资作为代通知金。最后工作日：');
    expect(part).not.toMatch(/&quot;|[a-z]+_[a-z_]+|\b(done|note|refused|clear)\b/);
    const head = text('<h1>', '</p>');
    expect(head).toContain('员工：王鹏（');
    expect(text('岗位与 KPI', '期间内的考核')).toMatch(/Engineer（engineer v1）.*Tickets closed（tickets）/);
    expect(head).toContain('· 已结案 ·');
    expect(text('培训与出勤', '调岗')).toContain('出席（签到）');
    expect(html).not.toContain('sign_in');
  });

  it('in English', () => {
    const { text } = timeline('en');
    const part = text('Case timeline', 'Policy as at opening');
    expect(part).toContain('Case opened Opened: Hana HR');
    expect(part).toContain('Not done: “Manager confirms” not done yet.');
    expect(part).toContain('Checked: Occupational disease or work injury (clear); Medical treatment period (clear);');
    expect(part).toContain('One month’s wage paid in lieu of notice. Last day:');
    expect(part).not.toMatch(/&quot;|[a-z]+_[a-z_]+/);
  });
});

describe('item 4 in the dossier: a stated date long before its recording is flagged', () => {
  it('shows "recorded N days later" next to a note written up 45 days after it was held', () => {
    const s = setup();
    const id = openCase(s);
    db.clock.advance(60 * DAY);
    db.store.tx((tx) =>
      tx.evidence.insertNote(
        {
          personId: s.e,
          authorId: s.m,
          kind: 'one_on_one',
          heldOn: '2026-06-16',
          discussion: 'Written up late',
          kpiKeys: [],
          nextCheckIn: null,
          visibility: 'evidence',
        },
        [],
      ),
    );
    const out = makeExportDossier(s.deps)({ actorId: 'hr', caseId: id, deliver: 'none' });
    if (!out.ok) throw new Error(out.message);
    expect(out.value.html).toContain('2026-06-16 ⚠️ (recorded 45 days later)');
  });
});
