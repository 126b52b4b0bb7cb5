/**
 * The two KPI rules: below target in k of the last n periods, and a declining trend beyond the
 * person's own noise. Both look at one KPI at a time, so a warning names the KPI it is about.
 */
import { DAY_MS } from '../dates.js';
import type { WarningPolicy } from './policy.js';
import { fitLine, tCritical } from './trend-test.js';
import type { KpiBelowSignal, KpiPoint, KpiSeries, KpiTrendSignal } from './types.js';

/**
 * How far a value is from its target, as a share of the target, positive when better. Makes
 * "higher" and "lower" KPIs, and a target that changed between versions, comparable. A target of
 * 0 is measured in the KPI's own unit.
 */
export function marginOf(p: Pick<KpiPoint, 'actual' | 'target' | 'direction'>): number {
  const gap = p.direction === 'higher' ? p.actual - p.target : p.target - p.actual;
  return gap / (Math.abs(p.target) || 1);
}

/** The series' latest value is recent enough to speak about the person today. */
const isFresh = (s: KpiSeries, policy: WarningPolicy, asOf: number) => {
  const last = s.points.at(-1);
  return !!last && last.at <= asOf && asOf - last.at <= policy.staleAfterDays * DAY_MS;
};

/** Below target in at least k of the last n periods (fewer periods count as they are: 2 of 2 is 2). */
export function kpiBelowSignals(kpis: readonly KpiSeries[], policy: WarningPolicy, asOf: number): KpiBelowSignal[] {
  const { k, n } = policy.kpiBelow;
  return kpis.flatMap((s) => {
    if (!isFresh(s, policy, asOf)) return [];
    const points = s.points.slice(-n);
    const missed = points.filter((p) => !p.met).length;
    if (missed < k) return [];
    return [{ kind: 'kpi_below', kpiKey: s.key, kpiName: s.name, unit: s.unit, missed, of: points.length, points }];
  });
}

/**
 * A decline over the last `window` values that passes three tests:
 * 1. significant: the least-squares slope of the margins is below −t(α, window−2) standard errors
 *    (`trend-test.ts`), so it is beyond the person's usual noise;
 * 2. material: the fitted line falls by at least `minDecline` of the target over the window;
 * 3. relevant: if it goes on, the fitted line is below target within `horizon` periods.
 */
export function kpiTrendSignals(kpis: readonly KpiSeries[], policy: WarningPolicy, asOf: number): KpiTrendSignal[] {
  const { window, alpha, minDecline, horizon } = policy.trend;
  const critical = tCritical(alpha, window - 2);
  return kpis.flatMap((s) => {
    if (s.points.length < window || !isFresh(s, policy, asOf)) return [];
    const points = s.points.slice(-window);
    const fit = fitLine(points.map(marginOf));
    if (!(fit.slope < 0) || fit.t > -critical) return [];
    if (-fit.slope * (window - 1) < minDecline) return [];
    const fittedNow = fit.intercept + fit.slope * (window - 1);
    const periodsToTarget = fittedNow <= 0 ? 0 : Math.ceil(fittedNow / -fit.slope);
    if (periodsToTarget > horizon) return [];
    const last = points.at(-1)!;
    const scale = Math.abs(last.target) || 1;
    // Back from margins to the KPI's unit: a "lower" KPI gets worse when its value goes up.
    const slopePerPeriod = (last.direction === 'higher' ? fit.slope : -fit.slope) * scale;
    return [
      {
        kind: 'kpi_trend',
        kpiKey: s.key,
        kpiName: s.name,
        unit: s.unit,
        slopePerPeriod,
        tStat: fit.t,
        tCritical: critical,
        periodsToTarget,
        points,
      },
    ];
  });
}
