/**
 * A job's KPIs as the rules see them, and the id of one KPI version. A job's KPI set is versioned
 * (every change is a new version the holders acknowledge), so a version is named `<job>@<version>`:
 * the subject id of a KPI acknowledgment, the value of its button and a record in the evidence.
 */

import { fitLine } from './warning/trend-test.js';

/** One KPI of a job: what is measured, in what unit, its target, and which way is better. */
export interface Kpi {
  key: string;
  name: string;
  unit: string;
  target: number;
  direction: 'higher' | 'lower';
  /** The lowest figure a review may record; left out, 0 (a count, money, hours are never negative). */
  min?: number;
  /** The highest; left out, 100 for a percentage and 1,000 times the target otherwise. */
  max?: number;
  /**
   * `feed`: the figure is expected from a data feed (`kpi import`, the API; docs/kpi-feeds.md), so
   * the review form says when it has not arrived. Left out, the manager types it.
   */
  source?: 'feed';
}

/** No figure is this large or this small: a typo, never a result, whatever a KPI declares. */
export const ABSURD_FIGURE = 1e12;

/** A unit that says the figure is a percentage. */
export const isPercentUnit = (unit: string): boolean => /^\s*(%|％|percent|pct|百分比|百分点)\s*$/i.test(unit);

/**
 * The figures a review may record for a KPI (both ends inclusive): what the KPI declares, else 0
 * to 100 for a percentage and 0 to 1,000 times the target (at least 1,000) for anything else. The
 * defaults catch a typed minus sign or extra zeros; a KPI whose figure can be negative (a margin,
 * a change) or run past them says so with `min` / `max` in jobs.yml.
 */
export function kpiBounds(k: Pick<Kpi, 'unit' | 'target' | 'min' | 'max'>): { min: number; max: number } {
  const max = k.max ?? (isPercentUnit(k.unit) ? 100 : Math.max(1000, Math.abs(k.target) * 1000));
  return { min: Math.max(k.min ?? 0, -ABSURD_FIGURE), max: Math.min(max, ABSURD_FIGURE) };
}

/** `<job>@<version>`: one version of a job's KPI set. */
export const kpiSubjectId = (jobId: string, version: number): string => `${jobId}@${version}`;

/** The inverse of `kpiSubjectId`, for an untrusted button value; null unless the version is a positive integer. */
export function parseKpiSubjectId(value: string): { jobId: string; version: number } | null {
  const at = value.lastIndexOf('@');
  if (at <= 0) return null;
  const version = Number(value.slice(at + 1));
  return Number.isInteger(version) && version > 0 ? { jobId: value.slice(0, at), version } : null;
}

/**
 * Which way a KPI's recent figures move (oldest first): up, down or flat, from the least-squares
 * slope (src/domain/warning/trend-test.ts) over 3 or more figures, the difference over 2. A move of
 * under 2 % of their typical size over the whole window counts as flat. Null with fewer than 2.
 * Whether the move is good depends on the KPI's direction (`trendIsBetter`).
 */
export function kpiTrend(values: readonly number[]): 'up' | 'down' | 'flat' | null {
  if (values.length < 2) return null;
  const change = values.length >= 3 ? fitLine(values).slope * (values.length - 1) : values[1]! - values[0]!;
  const scale = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  if (Math.abs(change) <= scale * 0.02) return 'flat';
  return change > 0 ? 'up' : 'down';
}

/** A rising figure is better for a `higher` KPI, a falling one for a `lower` KPI. */
export const trendIsBetter = (direction: Kpi['direction'], trend: 'up' | 'down'): boolean =>
  (trend === 'up') === (direction === 'higher');
