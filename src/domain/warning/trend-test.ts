/**
 * Is a short series declining beyond its own noise? Ordinary least squares over equally spaced
 * periods x = 0…n−1, and a one-sided t-test of the slope:
 *
 *   b   = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²           (slope)
 *   a   = ȳ − b·x̄                           (intercept)
 *   s²  = Σ(y − a − b·x)² / (n − 2)          (residual variance: the person's own noise)
 *   SE  = √(s² / Σ(x−x̄)²)                    (standard error of the slope)
 *   t   = b / SE,  declining when t ≤ −t(α, n−2)
 *
 * A noisy person needs a steeper slope to pass than a steady one, which is the point: the same
 * drop of 10 % is news for someone who never moves and nothing for someone who swings by 20 %.
 * With zero residual noise (a perfect line) any negative slope gives t = −∞.
 */
import type { TrendAlpha } from './policy.js';

/** One-sided critical values of Student's t for degrees of freedom 1…30 (standard tables). */
const T_TABLE: Record<TrendAlpha, readonly number[]> = {
  0.1: [
    3.078, 1.886, 1.638, 1.533, 1.476, 1.44, 1.415, 1.397, 1.383, 1.372, 1.363, 1.356, 1.35, 1.345, 1.341, 1.337, 1.333,
    1.33, 1.328, 1.325, 1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.31,
  ],
  0.05: [
    6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.74,
    1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697,
  ],
  0.01: [
    31.821, 6.965, 4.541, 3.747, 3.365, 3.143, 2.998, 2.896, 2.821, 2.764, 2.718, 2.681, 2.65, 2.624, 2.602, 2.583,
    2.567, 2.552, 2.539, 2.528, 2.518, 2.508, 2.5, 2.492, 2.485, 2.479, 2.473, 2.467, 2.462, 2.457,
  ],
};

/** The windows a trend may use: 3 to 32 values (1 to 30 degrees of freedom). */
export const MIN_TREND_WINDOW = 3;
export const MAX_TREND_WINDOW = 32;

export function tCritical(alpha: TrendAlpha, degreesOfFreedom: number): number {
  const v = T_TABLE[alpha][degreesOfFreedom - 1];
  if (v === undefined) throw new RangeError(`no t table entry for ${degreesOfFreedom} degrees of freedom`);
  return v;
}

export interface LineFit {
  intercept: number;
  slope: number;
  /** Standard error of the slope (0 when the points lie exactly on the line). */
  slopeSe: number;
  /** slope / slopeSe; ±Infinity for a perfect line with a slope, 0 for a flat perfect line. */
  t: number;
}

/** Least-squares line through (i, ys[i]). Needs at least 3 values. */
export function fitLine(ys: readonly number[]): LineFit {
  const n = ys.length;
  if (n < MIN_TREND_WINDOW) throw new RangeError('a trend needs at least 3 values');
  const xMean = (n - 1) / 2;
  const yMean = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  ys.forEach((y, x) => {
    sxx += (x - xMean) ** 2;
    sxy += (x - xMean) * (y - yMean);
  });
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  const rss = ys.reduce((s, y, x) => s + (y - intercept - slope * x) ** 2, 0);
  // Rounding leaves ~1e-30 of "noise" on a perfect line; treat it as none.
  const slopeSe = Math.sqrt(rss / (n - 2) / sxx);
  const se = slopeSe < 1e-12 * Math.max(1, Math.abs(slope)) ? 0 : slopeSe;
  const t = se === 0 ? (slope === 0 ? 0 : slope > 0 ? Infinity : -Infinity) : slope / se;
  return { intercept, slope, slopeSe: se, t };
}
