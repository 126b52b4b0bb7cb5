/**
 * The backtest's figures as lines of text, for `npm run dandang -- warn backtest` and `npm run
 * bench`: the shipped rule against the naive baseline, each rule alone, and an honest verdict.
 */
import {
  firstMissRule,
  runBacktest,
  warningRule,
  type BacktestFigures,
  type BacktestSet,
  type WarnRule,
} from '../../src/domain/warning/backtest/index.js';
import {
  kpiBelowSignals,
  kpiTrendSignals,
  ratingDropSignal,
  type WarningPolicy,
} from '../../src/domain/warning/index.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const weeks = (x: number | null) => (x === null ? 'n/a' : `${x} week${x === 1 || x === -1 ? '' : 's'}`);

function row(name: string, f: BacktestFigures): string {
  return `  ${name.padEnd(46)} ${String(f.alerts).padStart(6)}  ${pct(f.precision).padStart(8)}  ${`${pct(f.recall)} (${f.found}/${f.positives})`.padEnd(18)} ${weeks(f.medianLead)}`;
}

export interface BacktestOutcome {
  warning: BacktestFigures;
  baseline: BacktestFigures;
  /** Precision and lead time both better, recall no worse. */
  beatsBaseline: boolean;
}

export function backtestReport(set: BacktestSet, policy: WarningPolicy): { lines: string[]; outcome: BacktestOutcome } {
  const warning = runBacktest(set, warningRule(policy));
  const baseline = runBacktest(set, firstMissRule);
  const only = (rule: WarnRule) => runBacktest(set, rule);
  const labels = new Map<string, number>();
  for (const p of set.people) labels.set(p.label, (labels.get(p.label) ?? 0) + 1);
  const positives = set.people.filter((p) => p.positive).length;
  const beats =
    warning.recall >= baseline.recall &&
    warning.precision > baseline.precision &&
    (warning.medianLead ?? -Infinity) > (baseline.medianLead ?? -Infinity);
  const lines = [
    `[backtest] ${set.name}`,
    `  ${set.people.length} people (${[...labels.entries()].map(([l, n]) => `${l} ${n}`).join(', ')}); ${positives} positive (they come to struggle); ${set.weeks.length} weeks replayed, the first ${set.warmup} only build history`,
    `  ${'rule'.padEnd(46)} ${'alerts'.padStart(6)}  ${'precision'.padStart(8)}  ${'recall'.padEnd(18)} median lead`,
    row("Dandang's warning (this policy)", warning),
    row('baseline: warn after the first missed target', baseline),
    row(
      `  of which KPI below target ${policy.kpiBelow.k} of ${policy.kpiBelow.n}`,
      only((h, t) => kpiBelowSignals(h.kpis, policy, t).length > 0),
    ),
    row(
      `  of which KPI trend (t-test, α ${policy.trend.alpha})`,
      only((h, t) => kpiTrendSignals(h.kpis, policy, t).length > 0),
    ),
    row(
      '  of which rating drop',
      only((h, t) => ratingDropSignal(h.ratings, policy, t) !== null),
    ),
    `  false alerts of the warning by kind of person: ${
      Object.entries(warning.falseByLabel)
        .map(([l, n]) => `${l} ${n}`)
        .join(', ') || 'none'
    }`,
    beats
      ? `  verdict: the warning beats the baseline on precision (${pct(warning.precision)} vs ${pct(baseline.precision)}) and median lead time (${weeks(warning.medianLead)} vs ${weeks(baseline.medianLead)}) at ${warning.recall === baseline.recall ? 'equal' : 'no lower'} recall`
      : `  verdict: the warning does NOT beat the baseline here (precision ${pct(warning.precision)} vs ${pct(baseline.precision)}, lead ${weeks(warning.medianLead)} vs ${weeks(baseline.medianLead)}, recall ${pct(warning.recall)} vs ${pct(baseline.recall)})`,
  ];
  return { lines, outcome: { warning, baseline, beatsBaseline: beats } };
}
