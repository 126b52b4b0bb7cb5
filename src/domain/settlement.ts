/**
 * What the notice, decision or release step stores on a case: the notice, N (with its two
 * segments), pay in lieu from the previous month's wage (实施条例 Art. 20), and for an agreed exit
 * the itemised release with who proposed it (N is owed only when the employer proposed: Art. 46(2)).
 */
import type { NoticeRule, SeveranceRule } from './policy/schema.js';
import {
  computeNotice,
  computeSeverance,
  owbpaPeriods,
  type NoticeResult,
  type OwbpaPeriods,
  type SeveranceResult,
} from './severance.js';

export type SettlementMissing = 'hire_date' | 'monthly_wage' | 'previous_month_wage';
export type Proposer = 'employer' | 'employee';

export interface ReleaseLine {
  text: string;
  /** The amount the line pays, when it names one. */
  amount: number | null;
}

export interface ReleaseTerms {
  proposedBy: Proposer;
  lines: ReleaseLine[];
  total: number;
  /** The release pays less than the N the law owes on this exit. */
  belowN: boolean;
}

export interface Settlement {
  notice: NoticeResult;
  severance: SeveranceResult | null;
  /** Why no N is owed: the path owes none (Art. 39), or the employee proposed the agreed exit. */
  noSeverance: 'not_on_this_path' | 'employee_proposed' | null;
  /** One month's wage in lieu of notice: the previous month's wage, not the 12-month average. */
  payInLieu: number | null;
  /** N plus pay in lieu ("N+1"). */
  total: number | null;
  /** Whether HR is shown the unlawful-termination (2N) figure; never on an agreed exit. */
  showUnlawfulRisk: boolean;
  severanceMissing: SettlementMissing[];
  release: ReleaseTerms | null;
  owbpa: OwbpaPeriods | null;
  currency: string;
}

export interface SettlementInput {
  noticeDate: string;
  hireDate: string | null;
  /** Average monthly wage of the last 12 months (N's base). */
  monthlyWage: number | null;
  /** The wage of the month before termination (pay in lieu). */
  previousMonthWage: number | null;
  localAverageMonthlyWage?: number | null;
  localMinimumMonthlyWage?: number | null;
  payInLieu: boolean;
  currency: string;
  release?: { proposedBy: Proposer; lines: ReleaseLine[] };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function computeSettlement(
  rules: { notice: NoticeRule; severance: SeveranceRule },
  input: SettlementInput,
): Settlement {
  const notice = computeNotice(rules.notice, input);
  const missing: SettlementMissing[] = [];
  let severance: SeveranceResult | null = null;
  let noSeverance: Settlement['noSeverance'] = null;
  let owbpa: OwbpaPeriods | null = null;
  const rule = rules.severance;
  if (rule.kind === 'cn_n') {
    if (rule.onlyIfEmployerProposed && input.release?.proposedBy === 'employee') noSeverance = 'employee_proposed';
    else {
      if (!input.hireDate) missing.push('hire_date');
      if (input.monthlyWage == null) missing.push('monthly_wage');
      if (input.hireDate && input.monthlyWage != null)
        severance = computeSeverance(rule, {
          hireDate: input.hireDate,
          lastDay: notice.lastDay,
          monthlyWage: input.monthlyWage,
          localAverageMonthlyWage: input.localAverageMonthlyWage,
          localMinimumMonthlyWage: input.localMinimumMonthlyWage,
        });
    }
  } else {
    owbpa = owbpaPeriods(rule, input.noticeDate);
    if (!owbpa) noSeverance = 'not_on_this_path';
  }
  let payInLieu: number | null = null;
  if (notice.payInLieu) {
    if (input.previousMonthWage == null) missing.push('previous_month_wage');
    else payInLieu = round2(input.previousMonthWage);
  }
  // N+1 only when both halves are known: a missing previous month's wage is said, never guessed.
  const total = severance && (!notice.payInLieu || payInLieu !== null) ? round2(severance.n + (payInLieu ?? 0)) : null;
  let release: ReleaseTerms | null = null;
  if (input.release) {
    const sum = round2(input.release.lines.reduce((s, l) => s + (l.amount ?? 0), 0));
    release = { ...input.release, total: sum, belowN: !!severance && sum < severance.n };
  }
  return {
    notice,
    severance,
    noSeverance,
    payInLieu,
    total,
    showUnlawfulRisk: rule.kind === 'cn_n' && rule.showUnlawfulRisk && !input.release,
    severanceMissing: missing,
    release,
    owbpa,
    currency: input.currency,
  };
}

export type ReleaseLineProblem = { line: number; problem: 'negative' | 'empty' };

/**
 * An itemised release (解除协议), one line per item; a line that pays something ends with its
 * amount after a colon: "Severance N: 40000", "未休年假3天：2,758.62", "Employee waives further
 * claims" (no amount). A negative amount is refused: a release cannot make the employee pay.
 */
export function parseRelease(text: string): { lines: ReleaseLine[]; problems: ReleaseLineProblem[] } {
  const lines: ReleaseLine[] = [];
  const problems: ReleaseLineProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const l = raw.trim();
    if (!l) return;
    const m = /^(.*?)\s*[:：|=]\s*([-−])?\s*(\d[\d,]*(?:\.\d+)?)\s*(?:CNY|RMB|USD|GBP|EUR|元|人民币)?\s*$/i.exec(l);
    if (m?.[2]) return void problems.push({ line: i + 1, problem: 'negative' });
    const label = m ? m[1]!.trim() : l;
    if (!label) return void problems.push({ line: i + 1, problem: 'empty' });
    lines.push({ text: label, amount: m ? Number(m[3]!.replace(/,/g, '')) : null });
  });
  return { lines, problems };
}
