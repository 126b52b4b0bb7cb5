/**
 * The demo's dismissal history under cn-art40, sound under the gate's rules:
 *
 *  - 张伟 (zhangwei) has a complete Art. 40(2) record a newcomer can walk from open to close: KPIs
 *    acknowledged before any review period, two failing reviews (130 and 123 days ago), two
 *    conversations, training on the missed KPI with every session attended and completed after
 *    the last one, and 64 days later a reassessment on the same KPI that still fails.
 *  - 赵强 left after a serious breach of the handbook (Art. 39): the handbook section acknowledged
 *    long before, an incident with its evidence, his written statement, HR approval, the union
 *    notified before the written decision. No notice, no N.
 *  - 李文 left by mutual agreement (Art. 36) the company proposed: an itemised release paying N.
 *
 * The cases are opened and walked through the real use cases on the history's clock, so their
 * timelines, audit rows and settlements are what the product itself would have written.
 */
import type { ManualClock } from '../../../src/ports/clock.js';
import type { Store } from '../../../src/ports/store.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import { dateIn } from '../../../src/domain/dates.js';
import { computeSeverance } from '../../../src/domain/severance.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeAdvanceCaseStep, type AdvanceCaseStepInput } from '../../../src/usecases/offboarding/advance-case-step.js';
import { currentPolicy } from '../../../src/usecases/offboarding/policy.js';
import type { DemoEvent } from './seed-history.js';
import { answer, audit, failingReview, leaver } from './history-helpers.js';
import { caseTexts } from './case-texts.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface HistoryDeps {
  store: Store;
  clock: ManualClock;
  settings: AppSettings;
}

export function caseHistoryEvents(deps: HistoryDeps, now: number): DemoEvent[] {
  // The history is written under the demo's default policy; another preset gets no case history.
  if (currentPolicy(deps.settings).id !== 'cn-art40') return [];
  const tz = deps.settings.timezone;
  const at = (daysAgo: number, hour = 10) => {
    const d = now - daysAgo * DAY;
    return d - (d % DAY) + (hour - 8) * HOUR; // 10:00 in Shanghai, the demo's zone
  };
  const day = (daysAgo: number) => dateIn(at(daysAgo), tz);
  const t = caseTexts();
  const open = makeOpenOffboarding(deps);
  const advance = makeAdvanceCaseStep(deps);
  const step = (input: Omit<AdvanceCaseStepInput, 'caseId'>, caseOf: () => number) => () => {
    const r = advance({ ...input, caseId: caseOf() });
    if (!r.ok) throw new Error(`demo case history: ${input.stepId}: ${r.message}`);
  };
  let zhaoCase = 0;
  let liCase = 0;
  let planId = 0;
  let sessionIds: number[] = [];

  return [
    // The handbook, acknowledged by the people it applies to.
    {
      at: at(195),
      run: (tx) => {
        for (const s of t.handbook) {
          const row = tx.conduct.addSection({ ...s, createdBy: 'chenjing' });
          audit(tx, 'chenjing', 'handbook.section_added', 'handbook', row.version);
        }
        leaver(tx, {
          id: 'zhaoqiang',
          name: '赵强',
          managerId: 'lina',
          department: 'Sales',
          jobId: 'sales-rep',
          hireDate: '2020-04-07',
          monthlyWage: 15500,
        });
        leaver(tx, {
          id: 'liwen',
          name: '李文',
          managerId: 'wanglei',
          department: 'Warehouse',
          jobId: 'warehouse-associate',
          hireDate: '2019-09-02',
          monthlyWage: 9800,
        });
      },
    },
    { at: at(193), run: (tx) => answer(tx, 'handbook', String(tx.conduct.handbookVersion()), 'zhaoqiang') },
    { at: at(192), run: (tx) => answer(tx, 'handbook', String(tx.conduct.handbookVersion()), 'zhangwei') },
    // 张伟 (KPIs acknowledged when the org was set up): two failing reviews, two conversations,
    // training, a reassessment.
    {
      at: at(130),
      run: (tx) => answer(tx, 'review', String(failingReview(tx, at(130), tz, { kind: 'regular' })), 'zhangwei'),
    },
    {
      at: at(123),
      run: (tx) => answer(tx, 'review', String(failingReview(tx, at(123), tz, { kind: 'regular' })), 'zhangwei'),
    },
    {
      at: at(121),
      run: (tx) => {
        const note = tx.evidence.insertNote(
          {
            personId: 'zhangwei',
            authorId: 'lina',
            kind: 'feedback',
            heldOn: day(121),
            discussion: t.feedback,
            kpiKeys: ['revenue'],
            nextCheckIn: null,
            visibility: 'evidence',
          },
          [],
        );
        audit(tx, 'lina', 'note.create', 'note', note.id);
        answer(tx, 'note', String(note.id), 'zhangwei');
      },
    },
    {
      at: at(116),
      run: (tx) => {
        const session = (d: number) => ({ startsAt: at(d, 14), endsAt: at(d, 16), location: t.room });
        const plan = tx.evidence.insertPlan(
          {
            personId: 'zhangwei',
            createdBy: 'lina',
            jobId: 'sales-rep',
            kpiVersion: tx.org.job('sales-rep')!.kpiVersion,
            kpiKeys: ['revenue'],
            goal: t.goal,
            content: t.content,
            trainer: t.trainer,
            trainerId: null,
            expectedResult: t.expected,
          },
          [session(112), session(109), session(105)],
        );
        planId = plan.id;
        sessionIds = plan.sessions.map((s) => s.id);
        audit(tx, 'lina', 'training.create', 'training_plan', plan.id);
        answer(tx, 'training_plan', String(plan.id), 'zhangwei');
      },
    },
    ...[112, 109, 105].map((d, i): DemoEvent => ({
      at: at(d, 14) + 5 * 60_000,
      run: (tx) =>
        void tx.evidence.recordAttendance({
          sessionId: sessionIds[i]!,
          personId: 'zhangwei',
          status: 'present',
          method: 'sign_in',
          reason: null,
          recordedBy: 'zhangwei',
        }),
    })),
    {
      at: at(104),
      run: (tx) => {
        tx.evidence.completePlan(planId);
        audit(tx, 'lina', 'training.complete', 'training_plan', planId);
      },
    },
    {
      at: at(40),
      run: (tx) => {
        const id = failingReview(tx, at(40), tz, { kind: 'reassessment', planId, label: t.reassessment });
        answer(tx, 'review', String(id), 'zhangwei');
      },
    },
    // 赵强: a falsified expense claim (Art. 39), from incident to written decision.
    {
      at: at(95),
      run: (tx) => {
        const rule = tx.conduct.sections().find((s) => s.section === '4.2')!;
        const incident = tx.conduct.addIncident({
          personId: 'zhaoqiang',
          ruleId: rule.id,
          occurredOn: day(97),
          description: t.incident,
          evidence: t.incidentEvidence,
          reportedBy: 'lina',
        });
        audit(tx, 'lina', 'incident.create', 'incident', incident.id);
      },
    },
    {
      at: at(93),
      run: (tx) => {
        const incident = tx.conduct.incidentsAbout('zhaoqiang')[0]!;
        answer(tx, 'incident', String(incident.id), 'zhaoqiang', t.statement, 'disputed');
      },
    },
    {
      at: at(92),
      run: () => {
        const r = open({
          actorId: 'chenjing',
          employeeId: 'zhaoqiang',
          reasonKind: 'misconduct',
          reasonText: t.misconductReason,
        });
        if (!r.ok) throw new Error(`demo case history: ${r.message}`);
        zhaoCase = r.value.caseId;
      },
    },
    { at: at(91), run: step({ actorId: 'chenjing', stepId: 'hr_approves' }, () => zhaoCase) },
    { at: at(90), run: step({ actorId: 'chenjing', stepId: 'union_notified', date: day(90) }, () => zhaoCase) },
    { at: at(89), run: step({ actorId: 'chenjing', stepId: 'decision_issued' }, () => zhaoCase) },
    {
      at: at(88),
      run: (tx) => {
        step({ actorId: 'chenjing', stepId: 'close' }, () => zhaoCase)();
        tx.org.setActive('zhaoqiang', false);
      },
    },
    // 李文: an exit the company proposed, agreed and itemised (Art. 36).
    {
      at: at(80),
      run: () => {
        const r = open({ actorId: 'chenjing', employeeId: 'liwen', reasonKind: 'mutual', reasonText: t.mutualReason });
        if (!r.ok) throw new Error(`demo case history: ${r.message}`);
        liCase = r.value.caseId;
      },
    },
    { at: at(79), run: step({ actorId: 'chenjing', stepId: 'hr_approves' }, () => liCase) },
    {
      at: at(75),
      run: (tx) => {
        // The release pays the N the law owes on an exit the company proposed, and unused leave.
        const li = tx.org.person('liwen')!;
        const rule = currentPolicy(deps.settings).mutual.severance;
        const n =
          rule?.kind === 'cn_n'
            ? computeSeverance(rule, { hireDate: li.hireDate!, lastDay: day(75), monthlyWage: li.monthlyWage! })
            : null;
        step(
          {
            actorId: 'chenjing',
            stepId: 'release_signed',
            proposedBy: 'employer',
            release: t.release(n?.months ?? 0, n?.n ?? 0),
            noCoercion: true,
          },
          () => liCase,
        )();
      },
    },
    {
      at: at(74),
      run: (tx) => {
        step({ actorId: 'chenjing', stepId: 'close' }, () => liCase)();
        tx.org.setActive('liwen', false);
      },
    },
  ];
}
