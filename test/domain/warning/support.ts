/** Hand-made histories for the warning rules: one KPI, weekly points, a fixed "now". */
import { DAY_MS } from '../../../src/domain/dates.js';
import type { KpiPoint, KpiSeries, RatingPoint } from '../../../src/domain/warning/index.js';

/** The instant of judgement in these tests: Wednesday 2026-03-18, noon UTC. */
export const NOW = Date.parse('2026-03-18T12:00:00Z');
const WEEK = 7 * DAY_MS;

/** Weekly points ending one day before NOW, oldest first. */
export function series(
  actuals: number[],
  opts: { target?: number; direction?: 'higher' | 'lower'; key?: string; endsAt?: number } = {},
): KpiSeries {
  const target = opts.target ?? 100;
  const direction = opts.direction ?? 'higher';
  const endsAt = opts.endsAt ?? NOW - DAY_MS;
  const points: KpiPoint[] = actuals.map((actual, i) => ({
    period: `W${i + 1}`,
    at: endsAt - (actuals.length - 1 - i) * WEEK,
    actual,
    target,
    direction,
    met: direction === 'higher' ? actual >= target : actual <= target,
  }));
  return { key: opts.key ?? 'revenue', name: 'Sales revenue', unit: 'k CNY', points };
}

export function ratings(values: number[], endsAt = NOW - DAY_MS): RatingPoint[] {
  return values.map((rating, i) => ({ period: `W${i + 1}`, at: endsAt - (values.length - 1 - i) * WEEK, rating }));
}
