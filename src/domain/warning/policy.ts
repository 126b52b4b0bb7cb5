/**
 * The numbers the early-warning rules run on. They are policy, not law: a company tunes them in
 * `dandang.yml` (`warnings:`), and these defaults are the ones issue 15 names. What the law
 * protects (which leave never counts, see `leave-kinds.ts`) is not here, so no config can undo it.
 */
import type { LeaveKind } from './leave-kinds.js';

export type TrendAlpha = 0.1 | 0.05 | 0.01;

export interface WarningPolicy {
  /** Below target in `k` of the last `n` periods of one KPI. */
  kpiBelow: { k: number; n: number };
  /**
   * A declining trend over the last `window` values of one KPI, judged by a one-sided t-test of the
   * least-squares slope (see `trend-test.ts`); it must also be material (`minDecline`, a share of
   * the target over the whole window) and, if it goes on, cross the target within `horizon` periods.
   */
  trend: { window: number; alpha: TrendAlpha; minDecline: number; horizon: number };
  /**
   * The latest rating at least `minDrop` points below the mean of the `window` ratings before it,
   * and at least `noiseFactor` standard deviations of those ratings (the person's own spread).
   */
  ratingDrop: { window: number; minHistory: number; minDrop: number; noiseFactor: number };
  /**
   * Counted leave days above the team's average by more than `marginDays` in each of the last
   * `weeks` complete weeks, and at least `minDays` each week. Only `countedKinds` count, and never
   * a protected kind, whatever this list says.
   */
  absence: { weeks: number; marginDays: number; minDays: number; countedKinds: LeaveKind[] };
  duties: {
    /** A pending review this many days past due is overdue. */
    overdueGraceDays: number;
    /** A report below target with no conversation recorded for this many weeks. */
    conversationWeeks: number;
    /** A training plan with no session held within this many days of being promised. */
    trainingSessionDays: number;
    /** A dispute with no reply (an amendment or a conversation) after this many days. */
    disputeReplyDays: number;
  };
  /** KPI and rating signals look only at data this recent: an old review is not today's news. */
  staleAfterDays: number;
  /** A decline within this many days after a job adjustment points to a conversation, not training. */
  adjustmentLookbackDays: number;
}

/**
 * Defaults. k of n (2 of 3) and the 6-value trend window are issue 15's. The trend's α, material
 * decline and horizon, and the rating drop of 2 points, were chosen on the synthetic organisation
 * of seed 15 and checked on seeds 16–19 (docs/warnings.md has the figures): a 1.5-point rating
 * drop fired on ordinary rating noise and cost more precision than it bought lead time.
 */
export const DEFAULT_WARNING_POLICY: WarningPolicy = {
  kpiBelow: { k: 2, n: 3 },
  trend: { window: 6, alpha: 0.05, minDecline: 0.05, horizon: 3 },
  ratingDrop: { window: 4, minHistory: 3, minDrop: 2, noiseFactor: 2 },
  absence: { weeks: 3, marginDays: 0.5, minDays: 1, countedKinds: ['personal', 'other'] },
  duties: { overdueGraceDays: 2, conversationWeeks: 4, trainingSessionDays: 14, disputeReplyDays: 7 },
  staleAfterDays: 45,
  adjustmentLookbackDays: 90,
};
