/** The records a manager's duty gaps are judged on (`domain/warning/duty-gaps.ts`). */
import type { ReadTx } from '../../ports/store.js';
import type { ManagerDutyFacts } from '../../domain/warning/index.js';

export function dutyFacts(
  tx: ReadTx,
  managerId: string,
  reportIds: readonly string[],
  belowTarget: ReadonlySet<string>,
): ManagerDutyFacts {
  const facts: ManagerDutyFacts = {
    pendingSlots: tx.reviews
      .pendingSlotsOf(managerId)
      .map((s) => ({ employeeId: s.employeeId, period: s.cycleLabel, dueAt: s.dueAt })),
    belowTargetReports: reportIds
      .filter((id) => belowTarget.has(id))
      .map((employeeId) => ({ employeeId, lastConversationOn: tx.warnings.lastConversationOn(employeeId) })),
    plans: [],
    disputes: [],
  };
  for (const employeeId of reportIds) {
    for (const p of tx.evidence.plansAbout(employeeId))
      facts.plans.push({
        planId: p.id,
        employeeId,
        createdAt: p.createdAt,
        active: p.status === 'active',
        sessionStarts: p.sessions.map((s) => s.startsAt),
      });
    const disputes = tx.acks.forPerson(employeeId).filter((a) => a.state === 'disputed');
    if (!disputes.length) continue;
    // A reply is anything the chain did about the person afterwards: a conversation, or an amendment of the review.
    const conversations = tx.evidence
      .notesAbout(employeeId)
      .filter((n) => n.visibility !== 'private' && n.authorId !== employeeId)
      .map((n) => n.createdAt);
    for (const d of disputes) {
      const amendments =
        d.subjectType === 'review' ? tx.reviews.amendments(Number(d.subjectId)).map((a) => a.createdAt) : [];
      facts.disputes.push({
        employeeId,
        subjectType: d.subjectType,
        subjectId: d.subjectId,
        disputedAt: d.createdAt,
        replies: [...conversations, ...amendments],
      });
    }
  }
  return facts;
}
