/** The latest rating well below the person's own recent average (never compared with anyone else). */
import { DAY_MS } from '../dates.js';
import type { WarningPolicy } from './policy.js';
import type { RatingDropSignal, RatingPoint } from './types.js';

export function ratingDropSignal(
  ratings: readonly RatingPoint[],
  policy: WarningPolicy,
  asOf: number,
): RatingDropSignal | null {
  const { window, minHistory, minDrop, noiseFactor } = policy.ratingDrop;
  const latest = ratings.at(-1);
  if (!latest || latest.at > asOf || asOf - latest.at > policy.staleAfterDays * DAY_MS) return null;
  const before = ratings.slice(0, -1).slice(-window);
  if (before.length < minHistory) return null;
  const average = before.reduce((s, r) => s + r.rating, 0) / before.length;
  const spread = Math.sqrt(before.reduce((s, r) => s + (r.rating - average) ** 2, 0) / before.length);
  const drop = average - latest.rating;
  // Both: a big drop in points, and big for this person (someone rated 2 to 5 week by week is not news at 3).
  if (drop < minDrop || drop < noiseFactor * spread) return null;
  return { kind: 'rating_drop', latest, average, drop, points: [...before, latest] };
}
