/** Small writers the demo's case history uses: audited answers, 张伟's failing reviews, leavers. */
import type { Tx } from '../../../src/ports/store.js';
import type { Person } from '../../../src/ports/records.js';
import type { KpiResult } from '../../../src/ports/repos/reviews.js';
import { dateIn } from '../../../src/domain/dates.js';
import { kpiMet } from '../../../src/domain/review.js';
import { periodContaining } from '../../../src/domain/schedule.js';
import { caseTexts } from './case-texts.js';

const DAY = 86_400_000;

export const audit = (tx: Tx, actorId: string, action: string, subjectType: string, subjectId: string | number) =>
  tx.audit.record({ actorId, action, subjectType, subjectId, detail: { demo: true } });

export function answer(
  tx: Tx,
  subjectType: 'review' | 'note' | 'training_plan' | 'handbook' | 'incident' | 'kpis',
  id: string,
  personId: string,
  comment: string | null = null,
  state: 'acknowledged' | 'disputed' = 'acknowledged',
) {
  if (tx.acks.record({ subjectType, subjectId: id, personId, state, comment, recordedBy: personId }))
    audit(tx, personId, `acknowledgment.${state}`, subjectType, id);
}

/** A review of 张伟 outside the weekly cycles: revenue below the 200k target, accounts met or not. */
export function failingReview(
  tx: Tx,
  at: number,
  timezone: string,
  o: { kind: 'regular' | 'reassessment'; planId?: number; label?: string },
) {
  const job = tx.org.jobWithKpis('sales-rep')!;
  const results: KpiResult[] = job.kpis.map((k) => {
    const actual = k.key === 'revenue' ? 131 : 3;
    return { ...k, actual, met: kpiMet(k, actual) };
  });
  const t = caseTexts();
  const review = tx.reviews.insertReview({
    slotId: null,
    kind: o.kind,
    employeeId: 'zhangwei',
    authorId: 'lina',
    jobId: job.id,
    kpiVersion: job.kpiVersion,
    periodLabel: o.label ?? periodContaining('weekly', dateIn(at - 3 * DAY, timezone)).label,
    rating: 2,
    strengths: t.strengths,
    improvement: t.improvement,
    comment: '',
    belowTarget: results.some((r) => !r.met),
    submittedAt: at,
    results,
    ...(o.planId ? { trainingPlanId: o.planId } : {}),
  });
  audit(tx, 'lina', o.kind === 'reassessment' ? 'review.reassessment' : 'review.submit', 'review', review.id);
  return review.id;
}

export function leaver(
  tx: Tx,
  p: Pick<Person, 'id' | 'name' | 'managerId' | 'department' | 'jobId' | 'hireDate' | 'monthlyWage'>,
) {
  tx.org.upsertPerson({
    ...p,
    email: `${p.id}@demo.dandang.local`,
    role: 'employee',
    slackId: null,
    feishuOpenId: null,
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    teamChannelSlack: null,
    teamChannelFeishu: null,
    previousMonthWage: p.monthlyWage,
    active: true,
  });
  audit(tx, 'oliver', 'person.import', 'person', p.id);
}
