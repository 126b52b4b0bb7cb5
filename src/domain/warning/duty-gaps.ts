/**
 * The line manager's duties that the records say were not done. The article's real point: the
 * manager owns this, so HR's digest names managers, and each manager sees their own gaps.
 */
import { DAY_MS, daysBetween } from '../dates.js';
import type { WarningPolicy } from './policy.js';
import type { DutyGap } from './types.js';

export interface ManagerDutyFacts {
  /** The manager's review slots still pending. */
  pendingSlots: { employeeId: string; period: string; dueAt: number }[];
  /** Reports who are below target now (the k-of-n rule), with the date of their last conversation. */
  belowTargetReports: { employeeId: string; lastConversationOn: string | null }[];
  /** Training plans for the manager's reports: when promised, and when each session starts. */
  plans: { planId: number; employeeId: string; createdAt: number; active: boolean; sessionStarts: number[] }[];
  /**
   * Disputes by the manager's reports, with the instants of anything that answers them: an
   * amendment of the disputed review, or a conversation recorded with the person afterwards.
   */
  disputes: { employeeId: string; subjectType: string; subjectId: string; disputedAt: number; replies: number[] }[];
}

/** `now` is the instant of judgement, `today` the manager's calendar date at that instant. */
export function dutyGaps(f: ManagerDutyFacts, policy: WarningPolicy, now: number, today: string): DutyGap[] {
  const d = policy.duties;
  const gaps: DutyGap[] = [];

  const overdue = f.pendingSlots
    .filter((s) => s.dueAt + d.overdueGraceDays * DAY_MS <= now)
    .sort((a, b) => a.dueAt - b.dueAt);
  if (overdue.length) gaps.push({ kind: 'reviews_overdue', slots: overdue });

  for (const r of f.belowTargetReports) {
    const days = r.lastConversationOn === null ? null : daysBetween(r.lastConversationOn, today);
    if (days !== null && days < d.conversationWeeks * 7) continue;
    gaps.push({
      kind: 'no_conversation',
      employeeId: r.employeeId,
      lastConversationOn: r.lastConversationOn,
      weeks: days === null ? d.conversationWeeks : Math.floor(days / 7),
    });
  }

  for (const p of f.plans) {
    const deadline = p.createdAt + d.trainingSessionDays * DAY_MS;
    if (!p.active || deadline > now) continue;
    if (p.sessionStarts.some((s) => s >= p.createdAt && s <= deadline)) continue;
    gaps.push({
      kind: 'training_no_session',
      employeeId: p.employeeId,
      planId: p.planId,
      promisedAt: p.createdAt,
      days: Math.floor((now - p.createdAt) / DAY_MS),
    });
  }

  for (const x of f.disputes) {
    if (x.disputedAt + d.disputeReplyDays * DAY_MS > now) continue;
    if (x.replies.some((at) => at > x.disputedAt)) continue;
    gaps.push({
      kind: 'dispute_unanswered',
      employeeId: x.employeeId,
      subjectType: x.subjectType,
      subjectId: x.subjectId,
      disputedAt: x.disputedAt,
      days: Math.floor((now - x.disputedAt) / DAY_MS),
    });
  }
  return gaps;
}
