import { describe, it, expect } from 'vitest';
import {
  DEFAULT_WARNING_POLICY as policy,
  absenceSignal,
  countsAsAbsence,
  lastCompleteWeeks,
  parseLeaveKind,
  ratingDropSignal,
  type LeaveSpan,
} from '../../../src/domain/warning/index.js';
import { NOW, ratings } from './support.js';

describe('rating drop against the person’s own recent average', () => {
  it('warns when the latest rating is 2+ below the mean of the 4 before it', () => {
    const s = ratingDropSignal(ratings([3, 4, 4, 4, 4, 2]), policy, NOW);
    expect(s).toMatchObject({ kind: 'rating_drop', average: 4, drop: 2 });
    expect(s!.points.map((p) => p.rating)).toEqual([4, 4, 4, 4, 2]);
  });

  it('stays quiet on a one-point dip', () => {
    expect(ratingDropSignal(ratings([4, 4, 4, 4, 3]), policy, NOW)).toBeNull();
  });

  it('stays quiet when the drop is within the person’s own spread (2 standard deviations)', () => {
    // before = 5 1 5 1: mean 3, sd 2; the drop of 2 is enough in points but under 2 × 2.
    expect(ratingDropSignal(ratings([5, 1, 5, 1, 1]), policy, NOW)).toBeNull();
    expect(ratingDropSignal(ratings([3, 3, 3, 3, 1]), policy, NOW)).toMatchObject({ drop: 2 });
  });

  it('needs 3 earlier ratings', () => {
    expect(ratingDropSignal(ratings([4, 4, 1]), policy, NOW)).toBeNull();
  });
});

describe('leave kinds', () => {
  it('reads ids and the Chinese words HR systems export; empty is unspecified, unknown is an error', () => {
    expect(parseLeaveKind('personal')).toBe('personal');
    expect(parseLeaveKind('Work injury')).toBe('work_injury');
    expect(parseLeaveKind('事假')).toBe('personal');
    expect(parseLeaveKind('产假')).toBe('maternity');
    expect(parseLeaveKind('')).toBe('unspecified');
    expect(parseLeaveKind('sabbatical')).toBeNull();
  });

  it('never counts protected or unspecified leave, even if the config lists it', () => {
    const everything = ['sick', 'medical', 'maternity', 'paternity', 'nursing', 'work_injury', 'unspecified'] as const;
    for (const kind of everything) expect(countsAsAbsence({ kind, reason: '' }, [...everything])).toBe(false);
  });

  it('never counts a leave whose reason names a protected ground, whatever its kind', () => {
    expect(countsAsAbsence({ kind: 'personal', reason: '产检' }, ['personal'])).toBe(false);
    expect(countsAsAbsence({ kind: 'personal', reason: 'hospital visit' }, ['personal'])).toBe(false);
    expect(countsAsAbsence({ kind: 'personal', reason: 'moving house' }, ['personal'])).toBe(true);
    expect(countsAsAbsence({ kind: 'annual', reason: '' }, ['personal'])).toBe(false);
  });
});

describe('absence above the team average for 3 weeks running', () => {
  // NOW is Wednesday 2026-03-18: the last complete weeks start on 02-23, 03-02 and 03-09.
  const today = '2026-03-18';
  const leave = (personId: string, startDate: string, endDate: string, kind: LeaveSpan['kind'] = 'personal') => ({
    personId,
    startDate,
    endDate,
    kind,
    reason: '',
  });
  const base = [
    leave('p', '2026-02-23', '2026-02-24'),
    leave('p', '2026-03-02', '2026-03-03'),
    leave('p', '2026-03-09', '2026-03-09'),
    leave('a', '2026-03-02', '2026-03-02'),
  ];

  it('finds the three complete weeks before today', () => {
    expect(lastCompleteWeeks(today, 3)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    expect(lastCompleteWeeks('2026-03-16', 1)).toEqual(['2026-03-09']);
  });

  it('warns with each week’s days against the teammates’ average', () => {
    expect(absenceSignal('p', ['p', 'a', 'b'], base, today, policy)).toEqual({
      kind: 'absence',
      weeks: [
        { weekStart: '2026-02-23', days: 2, teamAverage: 0 },
        { weekStart: '2026-03-02', days: 2, teamAverage: 0.5 },
        { weekStart: '2026-03-09', days: 1, teamAverage: 0 },
      ],
    });
  });

  it('does not count protected leave: a sick day in the third week breaks the run', () => {
    const withSick = [...base.slice(0, 2), leave('p', '2026-03-09', '2026-03-09', 'sick'), base[3]!];
    expect(absenceSignal('p', ['p', 'a', 'b'], withSick, today, policy)).toBeNull();
  });

  it('counts working days only and a day twice recorded once', () => {
    const weekend = [...base.slice(0, 2), leave('p', '2026-03-14', '2026-03-15'), base[3]!];
    expect(absenceSignal('p', ['p', 'a'], weekend, today, policy)).toBeNull();
    const doubled = [...base, leave('p', '2026-03-09', '2026-03-09')];
    expect(absenceSignal('p', ['p', 'a'], doubled, today, policy)!.weeks[2]!.days).toBe(1);
  });

  it('has nothing to compare with for someone with no teammates', () => {
    expect(absenceSignal('p', ['p'], base, today, policy)).toBeNull();
  });
});
