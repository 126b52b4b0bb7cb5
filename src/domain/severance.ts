/**
 * Notice and severance, per the policy's rules (POLICIES.md; docs/policies/cn-art40.md "Severance").
 * Pure date arithmetic on YYYY-MM-DD strings in UTC, so a result never depends on the server's zone.
 *
 * Day-count convention: service runs from the hire date through the last day, both included (the
 * last day is a day of service). Hired 2025-03-01 with a last day of 2025-08-31 is six full months;
 * with a last day of 2025-08-30 it is five months and thirty days. "Six months or more" includes six
 * (Civil Code Art. 1259: 以上 includes the number itself), so six full months count as a year.
 */
import { addDays } from './dates.js';
import type { NoticeRule, SeveranceRule } from './policy/schema.js';

export { addDays };

/** The first day the Labor Contract Law applied (Art. 98); service before it is counted under the old rules (Art. 97(3)). */
export const LCL_IN_FORCE = '2008-01-01';

export interface ServiceLength {
  years: number;
  months: number;
  days: number;
  totalMonths: number;
}

/** Full years and months from `from` to `to` (exclusive of `to`), and any leftover days. */
export function serviceLength(from: string, to: string): ServiceLength {
  const [hy, hm, hd] = from.split('-').map(Number) as [number, number, number];
  const [ly, lm, ld] = to.split('-').map(Number) as [number, number, number];
  let totalMonths = (ly - hy) * 12 + (lm - hm);
  let days = ld - hd;
  if (days < 0) {
    totalMonths -= 1;
    // Days left in the month of the last anniversary, then into the last month.
    const prevMonthDays = new Date(Date.UTC(ly, lm - 1, 0)).getUTCDate();
    days += prevMonthDays;
  }
  if (totalMonths < 0) return { years: 0, months: 0, days: 0, totalMonths: 0 };
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12, days: Math.max(0, days), totalMonths };
}

/** Service from the first day through the last day, both included (the day-count convention above). */
export const serviceThrough = (firstDay: string, lastDay: string): ServiceLength =>
  serviceLength(firstDay, addDays(lastDay, 1));

/**
 * Art. 47: one month per full year; a remainder of six months or more counts as a full year, a
 * shorter remainder as half a month.
 */
export function art47Months(s: ServiceLength): number {
  const remainder = s.months >= 6 ? 1 : s.months > 0 || s.days > 0 ? 0.5 : 0;
  return s.years + remainder;
}

/** N months for the whole service (hire date through last day) under Art. 47. */
export const severanceMonths = (hireDate: string, lastDay: string): number =>
  art47Months(serviceThrough(hireDate, lastDay));

/**
 * Service before 2008-01-01 under the rules of the time (劳部发〔1994〕481号 Art. 5 and 7): one month
 * per year, a part-year counting as a full year, at most `capMonths`.
 */
export function preLawMonths(s: ServiceLength, capMonths: number): number {
  return Math.min(capMonths, s.years + (s.months > 0 || s.days > 0 ? 1 : 0));
}

export interface SeveranceInput {
  hireDate: string;
  lastDay: string;
  /** Average monthly wage of the last 12 months. */
  monthlyWage: number;
  /** The local average monthly wage, for the cap; without it no cap is applied (and the result says so). */
  localAverageMonthlyWage?: number | null;
  /** The local minimum monthly wage: a lower 12-month average is raised to it (实施条例 Art. 27). */
  localMinimumMonthlyWage?: number | null;
}

export interface SeveranceSegment {
  from: string;
  to: string;
  service: ServiceLength;
  months: number;
  wage: number;
  amount: number;
}

export interface SeveranceResult {
  /** N before caps, and N as paid (post-2008 years capped at capYears for a high earner). */
  monthsUncapped: number;
  months: number;
  /** Service before 2008-01-01 (old rules) and from it (Art. 47); null when there was none. */
  preLaw: SeveranceSegment | null;
  postLaw: SeveranceSegment | null;
  /** The 12-month average as given, and whether it was raised to the local minimum wage. */
  averageWage: number;
  raisedToMinimum: boolean;
  /** The monthly wage the post-2008 months are multiplied by (minimum-raised, capped at capMultiple × average). */
  wageBase: number;
  capped: boolean;
  capUnknown: boolean;
  n: number;
  /** Unlawful termination (Art. 48, 87): twice Art. 47 over the whole service (实施条例 Art. 25). HR only. */
  unlawfulRisk: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function computeSeverance(
  rule: Extract<SeveranceRule, { kind: 'cn_n' }>,
  input: SeveranceInput,
): SeveranceResult {
  const minimum = input.localMinimumMonthlyWage ?? null;
  const raisedToMinimum = minimum !== null && input.monthlyWage < minimum;
  const wage = raisedToMinimum ? minimum : input.monthlyWage;
  const avg = input.localAverageMonthlyWage ?? null;
  const capped = avg !== null && wage > rule.capMultiple * avg;
  const wageBase = capped ? rule.capMultiple * avg : wage;

  let preLaw: SeveranceSegment | null = null;
  if (input.hireDate < LCL_IN_FORCE) {
    const to = input.lastDay < LCL_IN_FORCE ? input.lastDay : addDays(LCL_IN_FORCE, -1);
    const service = serviceThrough(input.hireDate, to);
    const months = preLawMonths(service, rule.preLawCapMonths);
    // The 3× cap is Art. 47's; the old rules had none, so this segment uses the uncapped wage.
    preLaw = { from: input.hireDate, to, service, months, wage: round2(wage), amount: round2(months * wage) };
  }
  let postLaw: SeveranceSegment | null = null;
  let postUncapped = 0;
  if (input.lastDay >= LCL_IN_FORCE) {
    const from = input.hireDate > LCL_IN_FORCE ? input.hireDate : LCL_IN_FORCE;
    const service = serviceThrough(from, input.lastDay);
    postUncapped = art47Months(service);
    const months = capped ? Math.min(postUncapped, rule.capYears) : postUncapped;
    postLaw = {
      from,
      to: input.lastDay,
      service,
      months,
      wage: round2(wageBase),
      amount: round2(months * wageBase),
    };
  }
  const whole = severanceMonths(input.hireDate, input.lastDay);
  const riskMonths = capped ? Math.min(whole, rule.capYears) : whole;
  return {
    monthsUncapped: (preLaw?.months ?? 0) + postUncapped,
    months: (preLaw?.months ?? 0) + (postLaw?.months ?? 0),
    preLaw,
    postLaw,
    averageWage: round2(input.monthlyWage),
    raisedToMinimum,
    wageBase: round2(wageBase),
    capped,
    capUnknown: avg === null,
    n: round2((preLaw?.amount ?? 0) + (postLaw?.amount ?? 0)),
    unlawfulRisk: round2(rule.unlawfulMultiple * riskMonths * wageBase),
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
