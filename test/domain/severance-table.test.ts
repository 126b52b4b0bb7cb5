/**
 * Severance and notice under cn-art40 (issue 10, items 14–17), as a table of worked examples.
 * Every expected figure is worked by hand in the row's comment; the code must agree with the hand.
 * Convention (src/domain/severance.ts): service runs from the hire date through the last day,
 * both included; six full months count as a year (六个月以上 includes six, Civil Code Art. 1259).
 */
import { describe, expect, it } from 'vitest';
import { computeSeverance, severanceMonths } from '../../src/domain/severance.js';
import { computeSettlement } from '../../src/domain/settlement.js';
import { preset } from '../../src/domain/policy/index.js';
import { translator } from '../../src/ui/i18n/index.js';
import { settlementLines } from '../../src/ui/screens/offboarding/settlement.js';

const cn = preset('cn-art40');
const rule = cn.severance.kind === 'cn_n' ? cn.severance : (undefined as never);

interface Row {
  item: number;
  example: string;
  input: Parameters<typeof computeSettlement>[1];
  expect: {
    n?: number | null;
    months?: number;
    payInLieu?: number | null;
    total?: number | null;
    preLaw?: { months: number; amount: number } | null;
    postLaw?: { months: number; amount: number } | null;
    raisedToMinimum?: boolean;
    unlawfulRisk?: number;
    missing?: string[];
  };
}

const base = { currency: 'CNY', localAverageMonthlyWage: 12_000, previousMonthWage: null, payInLieu: false };

const rows: Row[] = [
  {
    item: 14,
    // Hired 2022-01-10, notice 2025-08-10 paid in lieu (last day = notice day). Service 2022-01-10
    // through 2025-08-10 = 3 years 7 months 1 day → 3 + 1 = 4 months. N = 4 × 10,000 = 40,000.
    // Pay in lieu is the previous month's wage (实施条例 Art. 20): 12,500, not the 10,000 average.
    // N+1 = 40,000 + 12,500 = 52,500.
    example: 'pay in lieu uses the previous month’s wage, not the 12-month average',
    input: {
      ...base,
      noticeDate: '2025-08-10',
      hireDate: '2022-01-10',
      monthlyWage: 10_000,
      previousMonthWage: 12_500,
      payInLieu: true,
    },
    expect: { n: 40_000, months: 4, payInLieu: 12_500, total: 52_500 },
  },
  {
    item: 14,
    // Same case with no previous month's wage on record: N is still 40,000, but the "+1" is not
    // guessed from the average; the settlement names what is missing and gives no N+1 total.
    example: 'a missing previous month’s wage is named, never replaced by the average',
    input: { ...base, noticeDate: '2025-08-10', hireDate: '2022-01-10', monthlyWage: 10_000, payInLieu: true },
    expect: { n: 40_000, payInLieu: null, total: null, missing: ['previous_month_wage'] },
  },
  {
    item: 15,
    // 12-month average 2,000 below a configured local minimum of 2,690 (实施条例 Art. 27): raised
    // to 2,690. Hired 2023-03-01, 30 days' notice from 2025-08-01 → last day 2025-08-31. Service
    // through 2025-08-31 = 2 years 6 months → 2 + 1 = 3 months. N = 3 × 2,690 = 8,070.
    example: 'an average below the local minimum wage is raised to it',
    input: {
      ...base,
      noticeDate: '2025-08-01',
      hireDate: '2023-03-01',
      monthlyWage: 2_000,
      localMinimumMonthlyWage: 2_690,
    },
    expect: { n: 8_070, months: 3, raisedToMinimum: true },
  },
  {
    item: 15,
    // Average 5,000 above the minimum 2,690: unchanged. Same service, 3 months. N = 15,000.
    example: 'an average above the minimum wage is used as it is',
    input: {
      ...base,
      noticeDate: '2025-08-01',
      hireDate: '2023-03-01',
      monthlyWage: 5_000,
      localMinimumMonthlyWage: 2_690,
    },
    expect: { n: 15_000, months: 3, raisedToMinimum: false },
  },
  {
    item: 16,
    // Hired 2003-07-01, last day 2025-06-30 (notice 2025-05-31 + 30 days). Average 8,000.
    // Before 2008 (Art. 97(3)): 2003-07-01 through 2007-12-31 = 4 years 6 months → a part-year
    // counts as a year under the old rules (劳部发〔1994〕481号) → 5 months × 8,000 = 40,000.
    // From 2008-01-01 through 2025-06-30 = 17 years 6 months → 17 + 1 = 18 × 8,000 = 144,000.
    // N = 23 months = 184,000. The 2N figure counts the whole service from the start of
    // employment under Art. 47 (实施条例 Art. 25): 2003-07-01 through 2025-06-30 = 22 years →
    // 2 × 22 × 8,000 = 352,000.
    example: 'service before 2008 is a segment of its own under the rules of the time',
    input: { ...base, noticeDate: '2025-05-31', hireDate: '2003-07-01', monthlyWage: 8_000 },
    expect: {
      n: 184_000,
      months: 23,
      preLaw: { months: 5, amount: 40_000 },
      postLaw: { months: 18, amount: 144_000 },
      unlawfulRisk: 352_000,
    },
  },
  {
    item: 16,
    // Hired 1990-03-01: 1990-03-01 through 2007-12-31 = 17 years 10 months → 18, capped at 12
    // (incompetence, 劳部发〔1994〕481号 Art. 7) → 12 × 8,000 = 96,000. From 2008: 18 × 8,000 =
    // 144,000 (as above). N = 30 months = 240,000.
    example: 'the old rules cap the pre-2008 segment at 12 months',
    input: { ...base, noticeDate: '2025-05-31', hireDate: '1990-03-01', monthlyWage: 8_000 },
    expect: {
      n: 240_000,
      months: 30,
      preLaw: { months: 12, amount: 96_000 },
      postLaw: { months: 18, amount: 144_000 },
    },
  },
  {
    item: 16,
    // Hired 2012-04-01: no pre-2008 segment. Through 2025-06-30 = 13 years 3 months → 13.5 ×
    // 8,000 = 108,000.
    example: 'service that began after 2008 has one segment',
    input: { ...base, noticeDate: '2025-05-31', hireDate: '2012-04-01', monthlyWage: 8_000 },
    expect: { n: 108_000, months: 13.5, preLaw: null, postLaw: { months: 13.5, amount: 108_000 } },
  },
  {
    item: 17,
    // Hired 2025-03-01; 30 days' notice from 2025-08-01 → last day 2025-08-31. March to August is
    // six full months (the last day is a day of service) → counts as one year: N = 1 × 6,000.
    example: 'six full months count as a year (the last day is a day of service)',
    input: { ...base, noticeDate: '2025-08-01', hireDate: '2025-03-01', monthlyWage: 6_000 },
    expect: { n: 6_000, months: 1 },
  },
  {
    item: 17,
    // Notice one day earlier, 2025-07-31 → last day 2025-08-30: 5 months 30 days, under six
    // months → half a month: N = 0.5 × 6,000 = 3,000.
    example: 'one day short of six months is half a month',
    input: { ...base, noticeDate: '2025-07-31', hireDate: '2025-03-01', monthlyWage: 6_000 },
    expect: { n: 3_000, months: 0.5 },
  },
  {
    item: 17,
    // Hired 2024-03-01, last day 2025-08-31: 1 year 6 months → 2 months: N = 12,000. Last day
    // 2025-08-30: 1 year 5 months 30 days → 1.5 months: N = 9,000.
    example: 'the boundary after a full year, both ways',
    input: { ...base, noticeDate: '2025-08-01', hireDate: '2024-03-01', monthlyWage: 6_000 },
    expect: { n: 12_000, months: 2 },
  },
  {
    item: 17,
    example: 'the boundary after a full year, one day short',
    input: { ...base, noticeDate: '2025-07-31', hireDate: '2024-03-01', monthlyWage: 6_000 },
    expect: { n: 9_000, months: 1.5 },
  },
];

describe('severance table (cn-art40, items 14–17)', () => {
  it.each(rows)('item $item: $example', ({ input, expect: want }) => {
    const s = computeSettlement(cn, input);
    const v = s.severance;
    if (want.n !== undefined) expect(v?.n ?? null).toBe(want.n);
    if (want.months !== undefined) expect(v?.months).toBe(want.months);
    if (want.payInLieu !== undefined) expect(s.payInLieu).toBe(want.payInLieu);
    if (want.total !== undefined) expect(s.total).toBe(want.total);
    if (want.preLaw !== undefined)
      expect(v?.preLaw ? { months: v.preLaw.months, amount: v.preLaw.amount } : null).toEqual(want.preLaw);
    if (want.postLaw !== undefined)
      expect(v?.postLaw ? { months: v.postLaw.months, amount: v.postLaw.amount } : null).toEqual(want.postLaw);
    if (want.raisedToMinimum !== undefined) expect(v?.raisedToMinimum).toBe(want.raisedToMinimum);
    if (want.unlawfulRisk !== undefined) expect(v?.unlawfulRisk).toBe(want.unlawfulRisk);
    if (want.missing) expect(s.severanceMissing).toEqual(want.missing);
  });

  it('counts the 6-month boundary the same way in severanceMonths', () => {
    expect(severanceMonths('2025-03-01', '2025-08-31')).toBe(1);
    expect(severanceMonths('2025-03-01', '2025-08-30')).toBe(0.5);
  });

  it('caps only the post-2008 segment for a high earner', () => {
    // Hired 2005-02-01, last day 2025-09-01, wage 60,000 over a local average of 12,000 (cap 36,000).
    // Pre-2008: 2 years 11 months → 3 × 60,000 = 180,000 (the old rules had no 3× cap).
    // Post-2008: 2008-01-01 through 2025-09-01 = 17 years 8 months 1 day → 18, capped at 12 × 36,000 = 432,000.
    const r = computeSeverance(rule, {
      hireDate: '2005-02-01',
      lastDay: '2025-09-01',
      monthlyWage: 60_000,
      localAverageMonthlyWage: 12_000,
    });
    expect([r.preLaw?.amount, r.postLaw?.amount, r.n]).toEqual([180_000, 432_000, 612_000]);
  });

  it('shows HR both segments of service that began before 2008 (item 16), in English and Chinese', () => {
    // The row "service before 2008 is a segment of its own": 5 months before 2008, 18 from 2008-01-01.
    const s = computeSettlement(cn, { ...base, noticeDate: '2025-05-31', hireDate: '2003-07-01', monthlyWage: 8_000 });
    const en = settlementLines(translator('en'), s, { showRisk: true, path: '' });
    expect(en).toContain(
      'Service before 2008 (2003-07-01 to 2007-12-31), under the rules of the time: 5 × 8,000 = 40,000 CNY.',
    );
    expect(en).toContain('Service from 2008-01-01 to 2025-06-30, Art. 47: 18 × 8,000 = 144,000 CNY.');
    expect(en).toContain('Severance N: 23 × 8,000 = 184,000 CNY.');
    const zh = settlementLines(translator('zh-CN'), s, { showRisk: true, path: '' });
    expect(zh).toContain('2008年前的工作年限（2003-07-01至2007-12-31），按当时规定：5 × 8,000 = 40,000 CNY。');
    expect(zh).toContain('2008-01-01至2025-06-30的工作年限，第四十七条：18 × 8,000 = 144,000 CNY。');
  });

  it('shows one line of N when all the service falls after 2007', () => {
    const s = computeSettlement(cn, { ...base, noticeDate: '2025-05-31', hireDate: '2012-04-01', monthlyWage: 8_000 });
    const en = settlementLines(translator('en'), s, { showRisk: true, path: '' });
    expect(en.filter((l) => l.startsWith('Service'))).toEqual([]);
    expect(en).toContain('Severance N: 13.5 × 8,000 = 108,000 CNY.');
  });
});
