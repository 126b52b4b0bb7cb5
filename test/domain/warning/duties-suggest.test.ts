import { describe, it, expect } from 'vitest';
import {
  DEFAULT_WARNING_POLICY as policy,
  NO_SUPPORT_YET,
  dutyGaps,
  evaluatePerson,
  suggestAction,
  type ManagerDutyFacts,
  type PersonSignal,
} from '../../../src/domain/warning/index.js';
import { DAY_MS } from '../../../src/domain/dates.js';
import { NOW, ratings, series } from './support.js';

const none: ManagerDutyFacts = { pendingSlots: [], belowTargetReports: [], plans: [], disputes: [] };
const today = '2026-03-18';

describe('manager duty gaps', () => {
  it('reports reviews more than 2 days past due, oldest first, and not the ones inside the grace', () => {
    const gaps = dutyGaps(
      {
        ...none,
        pendingSlots: [
          { employeeId: 'b', period: 'W11', dueAt: NOW - 3 * DAY_MS },
          { employeeId: 'a', period: 'W10', dueAt: NOW - 10 * DAY_MS },
          { employeeId: 'c', period: 'W12', dueAt: NOW - DAY_MS },
        ],
      },
      policy,
      NOW,
      today,
    );
    expect(gaps).toEqual([
      {
        kind: 'reviews_overdue',
        slots: [
          { employeeId: 'a', period: 'W10', dueAt: NOW - 10 * DAY_MS },
          { employeeId: 'b', period: 'W11', dueAt: NOW - 3 * DAY_MS },
        ],
      },
    ]);
  });

  it('reports a below-target report with no conversation for 4 weeks, or none ever', () => {
    const gaps = dutyGaps(
      {
        ...none,
        belowTargetReports: [
          { employeeId: 'a', lastConversationOn: '2026-02-11' },
          { employeeId: 'b', lastConversationOn: '2026-02-26' },
          { employeeId: 'c', lastConversationOn: null },
        ],
      },
      policy,
      NOW,
      today,
    );
    expect(gaps).toEqual([
      { kind: 'no_conversation', employeeId: 'a', lastConversationOn: '2026-02-11', weeks: 5 },
      { kind: 'no_conversation', employeeId: 'c', lastConversationOn: null, weeks: 4 },
    ]);
  });

  it('reports training promised 14+ days ago with no session in those 14 days', () => {
    const plan = (planId: number, ageDays: number, sessionStarts: number[], active = true) => ({
      planId,
      employeeId: `e${planId}`,
      createdAt: NOW - ageDays * DAY_MS,
      active,
      sessionStarts,
    });
    const gaps = dutyGaps(
      {
        ...none,
        plans: [
          plan(1, 20, []),
          plan(2, 20, [NOW - 10 * DAY_MS]),
          plan(3, 20, [NOW + DAY_MS]),
          plan(4, 10, []),
          plan(5, 30, [], false),
        ],
      },
      policy,
      NOW,
      today,
    );
    expect(gaps.map((g) => g.kind === 'training_no_session' && [g.planId, g.days])).toEqual([
      [1, 20],
      [3, 20],
    ]);
  });

  it('reports a dispute with no amendment or conversation after it for 7 days', () => {
    const dispute = (subjectId: string, ageDays: number, replies: number[]) => ({
      employeeId: 'e',
      subjectType: 'review',
      subjectId,
      disputedAt: NOW - ageDays * DAY_MS,
      replies,
    });
    const gaps = dutyGaps(
      {
        ...none,
        disputes: [
          dispute('1', 8, []),
          dispute('2', 8, [NOW - 2 * DAY_MS]),
          dispute('3', 8, [NOW - 9 * DAY_MS]),
          dispute('4', 3, []),
        ],
      },
      policy,
      NOW,
      today,
    );
    expect(gaps.map((g) => g.kind === 'dispute_unanswered' && g.subjectId)).toEqual(['1', '3']);
  });
});

describe('the suggested next step follows the signal', () => {
  const below: PersonSignal = {
    kind: 'kpi_below',
    kpiKey: 'revenue',
    kpiName: 'Sales revenue',
    unit: 'k CNY',
    missed: 2,
    of: 3,
    points: [],
  };
  const absence: PersonSignal = { kind: 'absence', weeks: [] };
  const drop = { kind: 'rating_drop', latest: { period: 'W5', at: NOW, rating: 2 }, average: 4, drop: 2, points: [] };

  it('a missed skill KPI points to a training plan pre-filled with it', () => {
    expect(suggestAction([below], NO_SUPPORT_YET, policy, NOW)).toEqual({ kind: 'training', kpiKeys: ['revenue'] });
  });

  it('a decline after a job adjustment points to a conversation', () => {
    const support = { ...NO_SUPPORT_YET, jobAdjustedAt: NOW - 30 * DAY_MS };
    expect(suggestAction([below], support, policy, NOW)).toEqual({ kind: 'conversation', purpose: 'after_adjustment' });
    const longAgo = { ...NO_SUPPORT_YET, jobAdjustedAt: NOW - 120 * DAY_MS };
    expect(suggestAction([below], longAgo, policy, NOW).kind).toBe('training');
  });

  it('a refused training points to a conversation that explains its purpose', () => {
    const support = { ...NO_SUPPORT_YET, trainingRefused: true };
    expect(suggestAction([below], support, policy, NOW)).toEqual({ kind: 'conversation', purpose: 'explain_training' });
  });

  it('KPIs already in an active plan point to a conversation about its progress, not a second plan', () => {
    const support = { ...NO_SUPPORT_YET, activeTrainingKpis: ['revenue'] };
    expect(suggestAction([below], support, policy, NOW)).toEqual({
      kind: 'conversation',
      purpose: 'training_progress',
    });
  });

  it('absence only ever suggests a supportive conversation, even next to a missed KPI', () => {
    expect(suggestAction([below, absence], NO_SUPPORT_YET, policy, NOW)).toEqual({
      kind: 'conversation',
      purpose: 'support',
    });
  });

  it('a rating drop alone points to a conversation about the gap', () => {
    expect(suggestAction([drop as PersonSignal], NO_SUPPORT_YET, policy, NOW)).toEqual({
      kind: 'conversation',
      purpose: 'gap',
    });
  });
});

describe('one person, every rule', () => {
  it('collects the signals that fired and a suggestion, or nothing for someone doing fine', () => {
    const struggling = {
      history: { kpis: [series([130, 126, 121, 118, 95, 92])], ratings: ratings([4, 4, 4, 4, 2]) },
      support: NO_SUPPORT_YET,
      absence: null,
    };
    const w = evaluatePerson(struggling, policy, NOW);
    expect(w!.signals.map((s) => s.kind)).toEqual(['kpi_below', 'kpi_trend', 'rating_drop']);
    expect(w!.suggestion).toEqual({ kind: 'training', kpiKeys: ['revenue'] });
    const fine = {
      ...struggling,
      history: { kpis: [series([120, 118, 125, 121, 119, 124])], ratings: ratings([4, 4]) },
    };
    expect(evaluatePerson(fine, policy, NOW)).toBeNull();
  });
});
