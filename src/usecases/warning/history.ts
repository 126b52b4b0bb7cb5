/** A person's reviews as the warning rules read them: one series per KPI, and the ratings. */
import type { ReviewFigures } from '../../ports/repos/warnings.js';
import type { KpiSeries, PerformanceHistory } from '../../domain/warning/index.js';

/** `reviews` oldest first. A KPI keeps the name and unit of its latest result. */
export function performanceHistory(reviews: readonly ReviewFigures[]): PerformanceHistory {
  const series = new Map<string, KpiSeries>();
  for (const r of reviews)
    for (const k of r.results) {
      const s = series.get(k.key) ?? { key: k.key, name: k.name, unit: k.unit, points: [] };
      s.name = k.name;
      s.unit = k.unit;
      s.points.push({
        period: r.periodLabel,
        at: r.submittedAt,
        actual: k.actual,
        target: k.target,
        direction: k.direction,
        met: k.met,
      });
      series.set(k.key, s);
    }
  return {
    kpis: [...series.values()],
    ratings: reviews.map((r) => ({ period: r.periodLabel, at: r.submittedAt, rating: r.rating })),
  };
}
