/** Small pure rules of the evidence area, documented here so tests and docs can point at them. */

/**
 * Sign-in (签到) window of a training session: it opens 15 minutes before the start (people arrive
 * early) and closes at the scheduled end (a sign-in after the session proves nothing). Outside it
 * the button is refused; the trainer or the manager can still mark attendance with a reason.
 */
export const SIGN_IN_OPENS_BEFORE_MS = 15 * 60_000;

export function signInWindow(s: { startsAt: number; endsAt: number }): { opens: number; closes: number } {
  return { opens: s.startsAt - SIGN_IN_OPENS_BEFORE_MS, closes: s.endsAt };
}

export function canSignInAt(s: { startsAt: number; endsAt: number }, now: number): boolean {
  const w = signInWindow(s);
  return now >= w.opens && now <= w.closes;
}

/** A planned conversation's reminder goes to both people this long before it starts. */
export const CONVERSATION_REMINDER_BEFORE_MS = 60 * 60_000;

/** When a training plan's last session ends (null for a plan without sessions). */
export const lastSessionEnd = (sessions: readonly { endsAt: number }[]): number | null =>
  sessions.length ? Math.max(...sessions.map((s) => s.endsAt)) : null;

/**
 * A job adjustment's reason must name the performance gap (Art. 40(2) accepts an adjustment only
 * *because of* incompetence): at least one missed KPI of the old job, or a non-empty description.
 */
export const namesPerformanceGap = (kpiKeys: readonly string[], reason: string): boolean =>
  kpiKeys.length > 0 || reason.trim().length > 0;

/**
 * Words that say a job change was made for the organisation, not because of the person's
 * performance: the department was dissolved, merged or restructured (SPC Guiding Case No. 18: the
 * "adjustment" there followed 分销科解散, the dissolution of the distribution section). Such a change
 * is not the remedy Art. 40(2) asks for, whatever box was ticked.
 */
const RESTRUCTURING_PATTERNS: RegExp[] = [
  /restructur/i,
  /reorgani[sz]/i,
  /dissolv/i,
  /disband/i,
  /\bmerg(ed|er|ing)\b/i,
  /\b(department|team|section|unit)\s+(was\s+)?(closed|abolished|eliminated|cut)/i,
  /\bredundan/i,
  /解散/,
  /撤销/,
  /撤并/,
  /合并/,
  /重组/,
  /架构调整/,
  /组织调整/,
  /裁撤/,
];

export const citesRestructuring = (reason: string): boolean => RESTRUCTURING_PATTERNS.some((p) => p.test(reason));

/** An attendance mark counts only if recorded once the sign-in window opened: nobody attends a session before it starts. */
export const attendanceCounts = (s: { startsAt: number }, markedAt: number | null): boolean =>
  markedAt !== null && markedAt >= s.startsAt - SIGN_IN_OPENS_BEFORE_MS;
