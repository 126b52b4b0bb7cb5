/**
 * Notice and severance, per the policy's rules (docs/policies/). Pure date arithmetic on YYYY-MM-DD
 * strings in UTC, so a result never depends on the server's zone.
 */
import type { NoticeRule, SeveranceRule } from './policy/schema.js';
import { addDays } from './dates.js';

/** Full years and months of service from hire date to the last day, and any leftover days. */
export function serviceLength(
  hireDate: string,
  lastDay: string,
): { years: number; months: number; days: number; totalMonths: number } {
  const [hy, hm, hd] = hireDate.split('-').map(Number) as [number, number, number];
  const [ly, lm, ld] = lastDay.split('-').map(Number) as [number, number, number];
  let totalMonths = (ly - hy) * 12 + (lm - hm);
  let days = ld - hd;
  if (days < 0) {
    totalMonths -= 1;
    // Days left in the month of the last anniversary, then into the last month.
    const prevMonthDays = new Date(Date.UTC(ly, lm - 1, 0)).getUTCDate();
    days += prevMonthDays;
  }
  totalMonths = Math.max(0, totalMonths);
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12, days: Math.max(0, days), totalMonths };
}

/**
 * N in months of wage (Art. 47): one per full year; a remainder of 6 months or more counts as a
 * full year, a shorter remainder as half.
 */
export function severanceMonths(hireDate: string, lastDay: string): number {
  const s = serviceLength(hireDate, lastDay);
  const remainder = s.months >= 6 ? 1 : s.months > 0 || s.days > 0 ? 0.5 : 0;
  return s.years + remainder;
}

export interface SeveranceInput {
  hireDate: string;
  lastDay: string;
  /** Average monthly wage of the last 12 months. */
  monthlyWage: number;
  /** The local average monthly wage, for the cap; without it no cap is applied (and the result says so). */
  localAverageMonthlyWage?: number | null;
  payInLieu: boolean;
}

export interface SeveranceResult {
  /** N before caps, and N as paid (capped at capYears for a high earner). */
  monthsUncapped: number;
  months: number;
  /** The monthly wage N is multiplied by (capped at capMultiple × the local average). */
  wageBase: number;
  capped: boolean;
  capUnknown: boolean;
  n: number;
  /** N plus one month's wage in lieu of notice (the previous month's wage, not capped). */
  payInLieu: number;
  total: number;
  /** The unlawful-termination figure (Art. 48, 87): shown to HR only. */
  unlawfulRisk: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function computeSeverance(
  rule: Extract<SeveranceRule, { kind: 'cn_n' }>,
  input: SeveranceInput,
): SeveranceResult {
  const monthsUncapped = severanceMonths(input.hireDate, input.lastDay);
  const avg = input.localAverageMonthlyWage ?? null;
  const capped = avg !== null && input.monthlyWage > rule.capMultiple * avg;
  const wageBase = capped ? rule.capMultiple * avg : input.monthlyWage;
  const months = capped ? Math.min(monthsUncapped, rule.capYears) : monthsUncapped;
  const n = round2(months * wageBase);
  const lieu = input.payInLieu ? round2(input.monthlyWage) : 0;
  return {
    monthsUncapped,
    months,
    wageBase: round2(wageBase),
    capped,
    capUnknown: avg === null,
    n,
    payInLieu: lieu,
    total: round2(n + lieu),
    unlawfulRisk: round2(rule.unlawfulMultiple * n),
  };
}

export interface NoticeResult {
  noticeDate: string;
  lastDay: string;
  payInLieu: boolean;
  days: number;
}

/** UK ERA s.86: 1 week after 1 month's service, then 1 week per full year from 2 years, up to 12. */
export function ukStatutoryNoticeWeeks(hireDate: string, noticeDate: string): number {
  const s = serviceLength(hireDate, noticeDate);
  if (s.totalMonths < 1) return 0;
  if (s.years < 2) return 1;
  return Math.min(12, s.years);
}

export function computeNotice(
  rule: NoticeRule,
  input: { noticeDate: string; hireDate: string | null; payInLieu: boolean },
): NoticeResult {
  const { noticeDate } = input;
  switch (rule.kind) {
    case 'fixed_days': {
      const lieu = input.payInLieu && rule.payInLieu;
      return {
        noticeDate,
        lastDay: lieu ? noticeDate : addDays(noticeDate, rule.days),
        payInLieu: lieu,
        days: lieu ? 0 : rule.days,
      };
    }
    case 'uk_s86': {
      const statutory = input.hireDate ? ukStatutoryNoticeWeeks(input.hireDate, noticeDate) : 0;
      const days = Math.max(statutory, rule.contractWeeks) * 7;
      return { noticeDate, lastDay: addDays(noticeDate, days), payInLieu: false, days };
    }
    case 'none':
      return { noticeDate, lastDay: noticeDate, payInLieu: false, days: 0 };
  }
}

export interface OwbpaPeriods {
  considerUntil: string;
  groupConsiderUntil: string;
  revokeDays: number;
}

/** OWBPA review periods for a release offered to an employee aged 40 or older. */
export function owbpaPeriods(rule: Extract<SeveranceRule, { kind: 'none' }>, offeredOn: string): OwbpaPeriods | null {
  if (!rule.owbpa) return null;
  return {
    considerUntil: addDays(offeredOn, rule.owbpa.considerDays),
    groupConsiderUntil: addDays(offeredOn, rule.owbpa.groupConsiderDays),
    revokeDays: rule.owbpa.revokeDays,
  };
}

/** What the notice step stores on the case. */
export interface Settlement {
  notice: NoticeResult;
  severance: SeveranceResult | null;
  /** Why severance could not be computed (no hire date or wage on record). */
  severanceMissing: ('hire_date' | 'monthly_wage')[];
  owbpa: OwbpaPeriods | null;
  currency: string;
}

export function computeSettlement(
  rules: { notice: NoticeRule; severance: SeveranceRule },
  input: {
    noticeDate: string;
    hireDate: string | null;
    monthlyWage: number | null;
    localAverageMonthlyWage?: number | null;
    payInLieu: boolean;
    currency: string;
  },
): Settlement {
  const notice = computeNotice(rules.notice, input);
  let severance: SeveranceResult | null = null;
  const severanceMissing: Settlement['severanceMissing'] = [];
  let owbpa: OwbpaPeriods | null = null;
  if (rules.severance.kind === 'cn_n') {
    if (!input.hireDate) severanceMissing.push('hire_date');
    if (input.monthlyWage == null) severanceMissing.push('monthly_wage');
    if (input.hireDate && input.monthlyWage != null) {
      severance = computeSeverance(rules.severance, {
        hireDate: input.hireDate,
        lastDay: notice.lastDay,
        monthlyWage: input.monthlyWage,
        localAverageMonthlyWage: input.localAverageMonthlyWage,
        payInLieu: notice.payInLieu,
      });
    }
  } else {
    owbpa = owbpaPeriods(rules.severance, input.noticeDate);
  }
  return { notice, severance, severanceMissing, owbpa, currency: input.currency };
}
