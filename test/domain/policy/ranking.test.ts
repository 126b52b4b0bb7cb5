import { describe, expect, it } from 'vitest';
import { citesOnlyRanking } from '../../../src/domain/ranking.js';

describe('ranking-only reasons', () => {
  it.each([
    'bottom 10%',
    'She is last in the team this quarter',
    '末位淘汰',
    '团队排名倒数',
    'forced ranking result: bottom 5 percent',
    // Issue 10, item 22.
    '排名末位',
    '考核C2',
    '年度绩效考核C2，建议劝退',
    '倒数第一',
    'ranked last',
    'rated C in calibration',
  ])('flags "%s"', (s) => {
    expect(citesOnlyRanking(s)).toBe(true);
  });
  it.each([
    'missed the tickets KPI target in 3 reviews',
    '排名靠后且连续两次考核未达标',
    '考核C2，且连续两次考核未达标',
    'poor attitude',
    '',
  ])('does not flag "%s"', (s) => {
    expect(citesOnlyRanking(s)).toBe(false);
  });
});
