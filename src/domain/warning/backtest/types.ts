/** What the backtest replays: people with a weekly history and, where known, the ground truth. */
import type { PerformanceHistory } from '../types.js';

export interface BacktestPerson {
  id: string;
  /** What kind of person this is: the generator's label, or the demo profile. Reported, not scored. */
  label: string;
  /** Ground truth: this person really comes to struggle (a decliner, or a demo person with a run). */
  positive: boolean;
  /** The whole history, oldest first; the replay cuts it at each week. */
  history: PerformanceHistory;
}

export interface BacktestSet {
  name: string;
  people: BacktestPerson[];
  /** The instant of judgement of each replayed week, oldest first (just after that week's reviews). */
  weeks: number[];
  /** Weeks at the start that only build history: no alert is counted in them. */
  warmup: number;
}
