import { describe, expect, it } from 'vitest';
import {
  computeNotice,
  computeSettlement,
  computeSeverance,
  severanceMonths,
  ukStatutoryNoticeWeeks,
} from '../../src/domain/severance.js';
import { preset } from '../../src/domain/policy/index.js';

const cn = preset('cn-art40');
const rule =
  cn.severance.kind === 'cn_n'
    ? cn.severance
    : (() => {
        throw new Error('cn-art40 must use cn_n');
      })();

describe('severance N (Art. 46–47)', () => {
  it('3 years 7 months of service is N = 4 (a remainder of 6+ months counts as a full year)', () => {
    expect(severanceMonths('2022-01-10', '2025-08-10')).toBe(4);
    const r = computeSeverance(rule, {
      hireDate: '2022-01-10',
      lastDay: '2025-08-10',
      monthlyWage: 10_000,
      localAverageMonthlyWage: 12_000,
      payInLieu: false,
    });
    expect(r).toMatchObject({
      months: 4,
      wageBase: 10_000,
      capped: false,
      n: 40_000,
      total: 40_000,
      unlawfulRisk: 80_000,
    });
  });

  it('5 months of service is half a month', () => {
    expect(severanceMonths('2025-03-01', '2025-08-01')).toBe(0.5);
    expect(
      computeSeverance(rule, { hireDate: '2025-03-01', lastDay: '2025-08-01', monthlyWage: 8_000, payInLieu: false }).n,
    ).toBe(4_000);
  });

  it('a high earner is capped at 3× the local average wage and at 12 years', () => {
    const r = computeSeverance(rule, {
      hireDate: '2005-02-01',
      lastDay: '2025-09-01',
      monthlyWage: 60_000,
      localAverageMonthlyWage: 12_000,
      payInLieu: false,
    });
    expect(r.monthsUncapped).toBe(21); // 20 years 7 months
    expect(r).toMatchObject({ capped: true, months: 12, wageBase: 36_000, n: 432_000, unlawfulRisk: 864_000 });
  });

  it('the 12-year cap applies only to a capped wage', () => {
    const r = computeSeverance(rule, {
      hireDate: '2005-02-01',
      lastDay: '2025-09-01',
      monthlyWage: 20_000,
      localAverageMonthlyWage: 12_000,
      payInLieu: false,
    });
    expect(r).toMatchObject({ capped: false, months: 21, n: 420_000 });
  });

  it('pay in lieu of notice makes it N+1 with the last day on the notice date', () => {
    const s = computeSettlement(cn, {
      noticeDate: '2025-08-10',
      hireDate: '2022-01-10',
      monthlyWage: 10_000,
      localAverageMonthlyWage: 12_000,
      payInLieu: true,
      currency: 'CNY',
    });
    expect(s.notice).toEqual({ noticeDate: '2025-08-10', lastDay: '2025-08-10', payInLieu: true, days: 0 });
    expect(s.severance).toMatchObject({ months: 4, n: 40_000, payInLieu: 10_000, total: 50_000, unlawfulRisk: 80_000 });
  });

  it("30 days' written notice moves the last day, and N is counted to that day", () => {
    const s = computeSettlement(cn, {
      noticeDate: '2025-07-11',
      hireDate: '2022-01-10',
      monthlyWage: 10_000,
      payInLieu: false,
      currency: 'CNY',
    });
    expect(s.notice.lastDay).toBe('2025-08-10');
    expect(s.severance).toMatchObject({ months: 4, payInLieu: 0, total: 40_000, capUnknown: true });
  });

  it('says what is missing instead of guessing when the wage is not on record', () => {
    const s = computeSettlement(cn, {
      noticeDate: '2025-07-11',
      hireDate: '2022-01-10',
      monthlyWage: null,
      payInLieu: false,
      currency: 'CNY',
    });
    expect(s.severance).toBeNull();
    expect(s.severanceMissing).toEqual(['monthly_wage']);
  });
});

describe('notice in other presets', () => {
  it('us-pip: no notice or severance, OWBPA periods for a release', () => {
    const s = computeSettlement(preset('us-pip'), {
      noticeDate: '2026-03-02',
      hireDate: '2020-01-01',
      monthlyWage: 9_000,
      payInLieu: false,
      currency: 'USD',
    });
    expect(s.notice.lastDay).toBe('2026-03-02');
    expect(s.severance).toBeNull();
    expect(s.owbpa).toEqual({ considerUntil: '2026-03-23', groupConsiderUntil: '2026-04-16', revokeDays: 7 });
  });

  it('uk-capability: ERA s.86 weeks', () => {
    expect(ukStatutoryNoticeWeeks('2026-01-01', '2026-01-20')).toBe(0);
    expect(ukStatutoryNoticeWeeks('2025-01-01', '2026-01-20')).toBe(1);
    expect(ukStatutoryNoticeWeeks('2021-01-01', '2026-01-20')).toBe(5);
    expect(ukStatutoryNoticeWeeks('2000-01-01', '2026-01-20')).toBe(12);
    expect(
      computeNotice(preset('uk-capability').notice, {
        noticeDate: '2026-01-20',
        hireDate: '2021-01-01',
        payInLieu: false,
      }).lastDay,
    ).toBe('2026-02-24');
  });
});
