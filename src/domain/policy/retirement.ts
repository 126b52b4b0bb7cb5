/**
 * China's statutory retirement age, for Art. 42(5) of the Labor Contract Law (no Art. 40 dismissal
 * of someone with 15+ years' continuous service who is within 5 years of statutory retirement).
 *
 * Before 2025 the ages were 60 for men, 55 for women in cadre (管理、技术) posts and 50 for other
 * women. The gradual reform (《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》,
 * adopted 2024-09-13, in force 2025-01-01, with the State Council's 《国务院关于渐进式延迟职工法定
 * 退休年龄的办法》) raises them from 2025-01-01:
 *   - men (60) and women (55): one month later for every 4 months of birth, from births in
 *     January 1965 (men) and January 1970 (women 55), up to 36 months (63 and 58);
 *   - women (50): one month later for every 2 months of birth, from births in January 1975, up to
 *     60 months (55).
 * E.g. a man born in March 1965 retires at 60 years 1 month (April 2025); one born in September
 * 1976 or later at 63. The reform also allows flexible early or deferred retirement by agreement;
 * the product uses the statutory age, which is what Art. 42(5) refers to.
 */
import { addMonths } from '../dates.js';
import type { RetirementBasis } from './facts.js';

interface Scheme {
  baseYears: number;
  /** First birth month (YYYY-MM) affected by the reform. */
  from: string;
  /** Birth months per month of delay. */
  every: number;
  maxMonths: number;
}

export const RETIREMENT_SCHEMES: Record<RetirementBasis, Scheme> = {
  male_60: { baseYears: 60, from: '1965-01', every: 4, maxMonths: 36 },
  female_55: { baseYears: 55, from: '1970-01', every: 4, maxMonths: 36 },
  female_50: { baseYears: 50, from: '1975-01', every: 2, maxMonths: 60 },
};

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

/** Months the 2025 reform adds to the base age for someone born on `birthDate`. */
export function reformDelayMonths(birthDate: string, basis: RetirementBasis): number {
  const s = RETIREMENT_SCHEMES[basis];
  const offset = monthIndex(birthDate) - monthIndex(s.from);
  if (offset < 0) return 0;
  return Math.min(s.maxMonths, Math.floor(offset / s.every) + 1);
}

export interface RetirementAge {
  basis: RetirementBasis;
  /** True when the basis was not on record and the earliest possible one was assumed. */
  assumed: boolean;
  years: number;
  months: number;
  /** The day the statutory age is reached. */
  date: string;
}

export function statutoryRetirement(birthDate: string, basis: RetirementBasis | null): RetirementAge {
  if (!basis) {
    // Unknown basis: assume the earliest retirement, so the protection is never missed.
    const earliest = (Object.keys(RETIREMENT_SCHEMES) as RetirementBasis[])
      .map((b) => statutoryRetirement(birthDate, b))
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;
    return { ...earliest, assumed: true };
  }
  const total = RETIREMENT_SCHEMES[basis].baseYears * 12 + reformDelayMonths(birthDate, basis);
  return {
    basis,
    assumed: false,
    years: Math.floor(total / 12),
    months: total % 12,
    date: addMonths(birthDate, total),
  };
}
