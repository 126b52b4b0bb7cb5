/**
 * A report period as a reader names it: `last-8w` is "Last 8 weeks" / "最近 8 周"; a week, month,
 * quarter or range (2026-W49, 2026-11, 2026-Q4, 2026-W40..2026-W49) reads as typed, as review
 * periods do everywhere else. Never the raw `last-8w` in a sentence.
 */
import type { T } from '../../i18n/index.js';

export function reportPeriodName(t: T, label: string): string {
  const last = /^last-(\d{1,3})w$/.exec(label);
  return last ? t('report.period.lastWeeks', { weeks: Number(last[1]) }) : label;
}
