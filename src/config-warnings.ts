/**
 * The `warnings:` section of dandang.yml. Every number defaults to `DEFAULT_WARNING_POLICY`. Leave
 * the law protects cannot be counted: listing a protected kind in `absence.countedKinds` is an
 * error that says so, not a setting that is silently ignored.
 */
import { z } from 'zod';
import { time, weekday } from './config-fields.js';
import { DEFAULT_WARNING_SETTINGS } from './domain/warning/settings.js';
import { LEAVE_KINDS, PROTECTED_LEAVE_KINDS } from './domain/warning/leave-kinds.js';
import { MAX_TREND_WINDOW, MIN_TREND_WINDOW } from './domain/warning/trend-test.js';

const D = DEFAULT_WARNING_SETTINGS.policy;
const whole = (min: number) => z.number(`use a whole number of at least ${min}`).int().min(min);
const share = z.number('use a number between 0 and 1, e.g. 0.05').min(0).max(1);
const days = whole(0);

const countedKind = z
  .enum(LEAVE_KINDS, `use one of ${LEAVE_KINDS.join(', ')}`)
  .refine(
    (k) => !PROTECTED_LEAVE_KINDS.has(k) && k !== 'unspecified',
    'protected leave (sick, medical, maternity, paternity, nursing, work_injury) and leave of no stated kind never count as absence; remove it',
  );

const policySchema = z.strictObject({
  kpiBelow: z
    .strictObject({ k: whole(1).default(D.kpiBelow.k), n: whole(1).default(D.kpiBelow.n) })
    .refine((v) => v.k <= v.n, 'k must not be greater than n (k of the last n periods)')
    .default(D.kpiBelow),
  trend: z
    .strictObject({
      window: whole(MIN_TREND_WINDOW).max(MAX_TREND_WINDOW).default(D.trend.window),
      alpha: z
        .union([z.literal(0.1), z.literal(0.05), z.literal(0.01)], 'use 0.1, 0.05 or 0.01')
        .default(D.trend.alpha),
      minDecline: share.default(D.trend.minDecline),
      horizon: days.default(D.trend.horizon),
    })
    .default(D.trend),
  ratingDrop: z
    .strictObject({
      window: whole(1).default(D.ratingDrop.window),
      minHistory: whole(1).default(D.ratingDrop.minHistory),
      minDrop: z.number().positive().default(D.ratingDrop.minDrop),
      noiseFactor: z.number().min(0).default(D.ratingDrop.noiseFactor),
    })
    .default(D.ratingDrop),
  absence: z
    .strictObject({
      weeks: whole(1).default(D.absence.weeks),
      marginDays: z.number().min(0).default(D.absence.marginDays),
      minDays: z.number().min(0).default(D.absence.minDays),
      countedKinds: z.array(countedKind).default(D.absence.countedKinds),
    })
    .default(D.absence),
  duties: z
    .strictObject({
      overdueGraceDays: days.default(D.duties.overdueGraceDays),
      conversationWeeks: whole(1).default(D.duties.conversationWeeks),
      trainingSessionDays: whole(1).default(D.duties.trainingSessionDays),
      disputeReplyDays: whole(1).default(D.duties.disputeReplyDays),
    })
    .default(D.duties),
  staleAfterDays: whole(1).default(D.staleAfterDays),
  adjustmentLookbackDays: days.default(D.adjustmentLookbackDays),
});

export const warningsSchema = z
  .strictObject({
    enabled: z.boolean('use true or false').default(true),
    day: weekday.default(DEFAULT_WARNING_SETTINGS.day),
    time: time.default(DEFAULT_WARNING_SETTINGS.time),
    policy: policySchema.default(D),
  })
  .default(DEFAULT_WARNING_SETTINGS);
