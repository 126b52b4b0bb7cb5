import { describe, it, expect } from 'vitest';
import {
  attainmentByJob,
  attainmentOf,
  cycleTimeByMonth,
  monthsBetween,
  onTimeByManager,
  openCasesByStage,
  perMonth,
  quantile,
  reviewCompletion,
  slotOutcome,
  stageAt,
  parseReportPeriod,
  type SlotFact,
} from '../../src/domain/dashboard/index.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-18T12:00:00Z');
const slot = (over: Partial<SlotFact>): SlotFact => ({
  department: 'Sales',
  managerId: 'lina',
  managerName: 'Lina',
  period: '2026-W11',
  periodStart: '2026-03-09',
  dueAt: NOW - 5 * DAY,
  submittedAt: NOW - 6 * DAY,
  ...over,
});

describe('dashboard figures', () => {
  it('judges a review on time, late, missing, or not yet due', () => {
    expect(slotOutcome(slot({}), NOW)).toBe('onTime');
    expect(slotOutcome(slot({ submittedAt: NOW - 4 * DAY }), NOW)).toBe('late');
    expect(slotOutcome(slot({ submittedAt: null }), NOW)).toBe('missing');
    expect(slotOutcome(slot({ submittedAt: null, dueAt: NOW + DAY }), NOW)).toBeNull();
  });

  it('counts completion per period and department, oldest first', () => {
    const rows = reviewCompletion(
      [
        slot({}),
        slot({ submittedAt: null }),
        slot({ department: 'Ops' }),
        slot({ period: '2026-W10', periodStart: '2026-03-02', submittedAt: NOW - 4 * DAY }),
        slot({ dueAt: NOW + DAY, submittedAt: null }),
      ],
      NOW,
    );
    expect(rows).toEqual([
      { period: '2026-W10', department: 'Sales', onTime: 0, late: 1, missing: 0 },
      { period: '2026-W11', department: 'Ops', onTime: 1, late: 0, missing: 0 },
      { period: '2026-W11', department: 'Sales', onTime: 1, late: 0, missing: 1 },
    ]);
  });

  it('ranks managers by on-time rate, lowest first', () => {
    const m = onTimeByManager(
      [slot({}), slot({ submittedAt: null }), slot({ managerId: 'maria', managerName: 'Maria' })],
      NOW,
    );
    expect(m.map((x) => [x.managerName, x.onTime, x.due, x.rate])).toEqual([
      ['Lina', 1, 2, 0.5],
      ['Maria', 1, 1, 1],
    ]);
  });

  it('measures attainment as actual/target, turned round for "lower is better"', () => {
    expect(attainmentOf({ actual: 150, target: 200, direction: 'higher' })).toBe(0.75);
    expect(attainmentOf({ actual: 10, target: 8, direction: 'lower' })).toBe(0.8);
    expect(attainmentOf({ actual: 0, target: 8, direction: 'lower' })).toBeNull();
  });

  it('summarises each job’s attainment as a box: min, quartiles, max, and the share on target', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    const [d] = attainmentByJob([0.5, 0.8, 1, 1.2, 1.5].map((a) => ({ jobId: 'j', jobTitle: 'Rep', attainment: a })));
    expect(d).toEqual({ jobId: 'j', jobTitle: 'Rep', count: 5, box: [0.5, 0.8, 1, 1.2, 1.5], metShare: 0.6 });
  });

  it('counts per month in the organisation’s zone, with empty months as zeros', () => {
    expect(monthsBetween('2025-11-20', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    // 2026-01-31 20:00 UTC is already February in Shanghai.
    const at = Date.parse('2026-01-31T20:00:00Z');
    expect(perMonth([at], ['2026-01', '2026-02'], 'Asia/Shanghai')).toEqual([0, 1]);
    expect(perMonth([at], ['2026-01', '2026-02'], 'UTC')).toEqual([1, 0]);
  });

  it('gives the median days from open to close per month, and open cases per stage', () => {
    const c = (id: number, openedDaysAgo: number, closedDaysAgo: number | null, stage = 'closed') => ({
      id,
      stages: [{ stage, from: NOW - openedDaysAgo * DAY }],
      status: closedDaysAgo === null ? ('open' as const) : ('closed' as const),
      openedAt: NOW - openedDaysAgo * DAY,
      closedAt: closedDaysAgo === null ? null : NOW - closedDaysAgo * DAY,
    });
    const cases = [c(1, 20, 10), c(2, 12, 8), c(3, 40, 9), c(4, 5, null, 'hr_review'), c(5, 3, null, 'hr_review')];
    expect(cycleTimeByMonth(cases, ['2026-02', '2026-03'], 'UTC')).toEqual([
      { month: '2026-02', closed: 0, medianDays: null },
      { month: '2026-03', closed: 3, medianDays: 10 },
    ]);
    expect(openCasesByStage(cases, NOW)).toEqual([{ stage: 'hr_review', count: 2 }]);
  });

  it('counts the cases open on a past day at the stage each was in then, not today', () => {
    const at = (daysAgo: number) => NOW - daysAgo * DAY;
    // Opened 30 days ago at PIP; the PIP was done 12 days ago; closed 2 days ago after HR review.
    const closed = {
      id: 1,
      stages: [
        { stage: 'pip', from: at(30) },
        { stage: 'hr_review', from: at(12) },
        { stage: 'closed', from: at(2) },
      ],
      status: 'closed' as const,
      openedAt: at(30),
      closedAt: at(2),
    };
    // Opened 5 days ago, still at its first step.
    const young = {
      id: 2,
      stages: [{ stage: 'pip', from: at(5) }],
      status: 'open' as const,
      openedAt: at(5),
      closedAt: null,
    };
    expect(openCasesByStage([closed, young], at(20))).toEqual([{ stage: 'pip', count: 1 }]);
    expect(openCasesByStage([closed, young], at(3))).toEqual([
      { stage: 'hr_review', count: 1 },
      { stage: 'pip', count: 1 },
    ]);
    expect(openCasesByStage([closed, young], NOW)).toEqual([{ stage: 'pip', count: 1 }]);
    expect(stageAt(closed, at(40))).toBeUndefined();
  });
});

describe('report periods', () => {
  const today = '2026-03-18';
  it('reads a week, a month, a quarter, a range and the last n weeks', () => {
    expect(parseReportPeriod('2026-W49', today)).toMatchObject({
      from: '2026-11-30',
      to: '2026-12-06',
      weeks: ['2026-W49'],
      months: ['2026-11', '2026-12'],
    });
    expect(parseReportPeriod('2026-02', today)).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(parseReportPeriod('2026-Q4', today)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(parseReportPeriod('2026-W10..2026-W12', today)!.weeks).toEqual(['2026-W10', '2026-W11', '2026-W12']);
    expect(parseReportPeriod('last-4w', today)).toMatchObject({
      from: '2026-02-23',
      to: today,
      weeks: ['2026-W09', '2026-W10', '2026-W11', '2026-W12'],
    });
    expect(parseReportPeriod('', today)!.label).toBe('last-8w');
  });

  it('names nothing for text that is no period', () => {
    for (const bad of ['2026-W54', '2025-W53', '2026-13', 'last-0w', '2026-W12..2026-W10', 'yesterday', '2026-Q5'])
      expect(parseReportPeriod(bad, today), bad).toBeNull();
    expect(parseReportPeriod('2026-W53', today)).toMatchObject({ from: '2026-12-28' });
  });
});
