/**
 * Every date a person types has one written rule: how far back and how far ahead it may be, in
 * calendar days from today where the person typing is. The use cases check each date field against
 * its rule here, so a form on Slack, a Feishu card and the local workspace accept exactly the same
 * dates. docs/date-rules.md lists them with the reasons.
 *
 * Why bounds at all: a date typed as 2020 or 2099 is a typo, never a plan, and a date in the past
 * for something that has not happened yet (a next check-in in 1999) sends an "overdue" reminder at
 * once. Evidence must have happened: what is recorded as held is today or earlier; what is planned
 * is today or later.
 */
import { addDays, isIsoDate } from './dates.js';

export type DateField =
  /** The day a conversation note says the conversation was held: it happened. */
  | 'noteHeldOn'
  /** An agreed action's due date. */
  | 'noteActionDue'
  /** The next check-in a note agrees on. */
  | 'noteNextCheckIn'
  /** A training session's date. */
  | 'trainingSession'
  /** The day a job adjustment (调岗) takes effect. */
  | 'jobAdjustmentEffective'
  /** The day of a planned conversation. */
  | 'conversation'
  /** The day a conduct incident happened: it happened, and not so long ago that nobody can answer it. */
  | 'incidentOccurred'
  /** The day of a formal hearing an invitation names: usually ahead, or just held. */
  | 'hearingOn'
  /** A date a case step records (the union notified, a hearing invitation sent, an appeal heard): it happened. */
  | 'caseStepDate';

/** Days from today: negative is the past. Both ends are inclusive. */
export interface DateRule {
  earliest: number;
  latest: number;
}

export const DATE_RULES: Record<DateField, DateRule> = {
  noteHeldOn: { earliest: -365, latest: 0 },
  noteActionDue: { earliest: 0, latest: 365 },
  noteNextCheckIn: { earliest: 0, latest: 180 },
  trainingSession: { earliest: 0, latest: 365 },
  jobAdjustmentEffective: { earliest: 0, latest: 365 },
  conversation: { earliest: 0, latest: 90 },
  incidentOccurred: { earliest: -730, latest: 0 },
  hearingOn: { earliest: -30, latest: 90 },
  caseStepDate: { earliest: -365, latest: 0 },
};

export type DateCheck =
  | { ok: true }
  | { ok: false; error: 'format' }
  | { ok: false; error: 'tooEarly' | 'tooLate'; earliest: string; latest: string; today: string };

/** Whether `value` is a real `YYYY-MM-DD` date within the field's rule, counted from `today`. */
export function checkDate(field: DateField, value: string, today: string): DateCheck {
  if (!isIsoDate(value)) return { ok: false, error: 'format' };
  const rule = DATE_RULES[field];
  const earliest = addDays(today, rule.earliest);
  const latest = addDays(today, rule.latest);
  if (value < earliest) return { ok: false, error: 'tooEarly', earliest, latest, today };
  if (value > latest) return { ok: false, error: 'tooLate', earliest, latest, today };
  return { ok: true };
}
