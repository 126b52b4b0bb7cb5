import { describe, expect, it } from 'vitest';
import {
  computeNotice,
  computeSeverance,
  severanceMonths,
  ukStatutoryNoticeWeeks,
} from '../../src/domain/severance.js';
import { computeSettlement } from '../../src/domain/settlement.js';
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
    });
    expect(r).toMatchObject({
      months: 4,
      wageBase: 10_000,
      capped: false,
      n: 40_000,
      unlawfulRisk: 80_000,
    });
  });

  it('5 months of service is half a month', () => {
    expect(severanceMonths('2025-03-01', '2025-08-01')).toBe(0.5);
    expect(computeSeverance(rule, { hireDate: '2025-03-01', lastDay: '2025-08-01', monthlyWage: 8_000 }).n).toBe(4_000);
  });

  it('a high earner is capped at 3× the local average wage and at 12 years', () => {
    const r = computeSeverance(rule, {
      hireDate: '2005-02-01',
      lastDay: '2025-09-01',
      monthlyWage: 60_000,
      localAverageMonthlyWage: 12_000,
    });
    // Art. 97(3): 2005-02-01 to 2007-12-31 is 2 years 11 months → 3 months under the rules of the
    // time, at the uncapped wage (3 × 60,000 = 180,000); 2008-01-01 to 2025-09-01 is 17 years 8
    // months → 18, capped at 12 × 36,000 = 432,000. N = 612,000 over 15 months.
    expect(r.monthsUncapped).toBe(21);
    expect(r).toMatchObject({ capped: true, months: 15, wageBase: 36_000, n: 612_000, unlawfulRisk: 864_000 });
    expect(r.postLaw).toMatchObject({ months: 12, amount: 432_000 });
  });

  it('the 12-year cap applies only to a capped wage', () => {
    const r = computeSeverance(rule, {
      hireDate: '2005-02-01',
      lastDay: '2025-09-01',
      monthlyWage: 20_000,
      localAverageMonthlyWage: 12_000,
    });
    expect(r).toMatchObject({ capped: false, months: 21, n: 420_000 });
  });

  it('pay in lieu of notice makes it N+1 with the last day on the notice date', () => {
    const s = computeSettlement(cn, {
      noticeDate: '2025-08-10',
      hireDate: '2022-01-10',
      monthlyWage: 10_000,
      localAverageMonthlyWage: 12_000,
      previousMonthWage: 10_000,
      payInLieu: true,
      currency: 'CNY',
    });
    expect(s.notice).toEqual({ noticeDate: '2025-08-10', lastDay: '2025-08-10', payInLieu: true, days: 0 });
    expect(s.severance).toMatchObject({ months: 4, n: 40_000, unlawfulRisk: 80_000 });
    expect([s.payInLieu, s.total]).toEqual([10_000, 50_000]);
  });

  it("30 days' written notice moves the last day, and N is counted to that day", () => {
    const s = computeSettlement(cn, {
      noticeDate: '2025-07-11',
      hireDate: '2022-01-10',
      monthlyWage: 10_000,
      previousMonthWage: null,
      payInLieu: false,
      currency: 'CNY',
    });
    expect(s.notice.lastDay).toBe('2025-08-10');
    expect(s.severance).toMatchObject({ months: 4, capUnknown: true });
    expect([s.payInLieu, s.total]).toEqual([null, 40_000]);
  });

  it('says what is missing instead of guessing when the wage is not on record', () => {
    const s = computeSettlement(cn, {
      noticeDate: '2025-07-11',
      hireDate: '2022-01-10',
      monthlyWage: null,
      previousMonthWage: null,
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
      previousMonthWage: null,
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
