/** A review's period as a reader says it: the one home of showing a stored period label. */
import type { T } from './i18n/index.js';
import { reassessmentDateOf, weekNumberOf } from '../domain/review.js';
import { literal } from './markup.js';

/** Plain text: a reassessment's label in the reader's language ("2026-11-24 再次考核"), else the label. */
export function periodText(t: T, label: string): string {
  const date = reassessmentDateOf(label);
  return date ? t('review.period.reassessment', { date }) : label;
}

/** As markup, for messages: the label as stored is literal text. */
export const periodMarkup = (t: T, label: string): string => literal(periodText(t, label));

/** The period as people say it in a digest or status line: "Week 48" for weekly cycles. */
export const periodName = (t: T, label: string): string => {
  const week = weekNumberOf(label);
  return week === null ? periodMarkup(t, label) : t('review.digest.week', { week });
};
