/**
 * When a record counts (POLICIES.md "Time and order"). Every record has a date a person states
 * (held on, effective, occurred) and the instant it was recorded. The gate's ordering and timing
 * rules use the recorded instant, or the stated date when it is at most `graceDays` earlier: a
 * conversation written up two days later keeps its date, a PIP "held" 45 days before anyone
 * recorded it counts from the day it was recorded. A stated date in the future (an adjustment
 * effective next month) counts from that date, so nothing counts before it has happened.
 */
import { DAY_MS, dateMs, daysBetween, isIsoDate, utcDate } from '../dates.js';

export interface CountedTime {
  /** The instant the record counts from. */
  from: number;
  /** Days between the stated date and the recording, when beyond the grace (the dossier flags it). */
  recordedLateDays: number | null;
}

export function countsFrom(statedOn: string | null, recordedAt: number, graceDays: number): CountedTime {
  if (!statedOn || !isIsoDate(statedOn)) return { from: recordedAt, recordedLateDays: null };
  const stated = dateMs(statedOn);
  if (stated >= recordedAt) return { from: stated, recordedLateDays: null };
  const lag = daysBetween(statedOn, utcDate(recordedAt));
  return lag <= graceDays ? { from: stated, recordedLateDays: null } : { from: recordedAt, recordedLateDays: lag };
}

/** `days` after an instant. */
export const plusDays = (at: number, days: number): number => at + days * DAY_MS;
