/**
 * The DM about a disputed review for the manager who answers it (the employee's current manager,
 * else the review's author), built from the db: the comment, what has been done (amended, replied,
 * a conversation planned) and the buttons. Sent when the employee disputes; rewritten in place by
 * every answer, from the review feature (reply, amend) and the evidence feature (a conversation).
 */
import type { Tx, ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { Review } from '../../ports/repos/reviews.js';
import type { AppSettings } from '../../ports/settings.js';
import type { Message } from '../../ui/model.js';
import { buildDisputeNotice } from '../../ui/screens/review/dispute-notice.js';
import { missedKpiKeys } from '../../domain/review.js';
import { canAmendReview } from '../review/review-access.js';
import { dateIn } from '../../domain/dates.js';
import { localeOf, localTimeFor, tFor, zoneOf } from './people.js';
import { outboxKeys } from './outbox-keys.js';

/** Who answers a dispute: the employee's current manager, else the review's author. */
export function disputeAnswerer(tx: ReadTx, review: Review, employee: Person): Person | null {
  const manager = employee.managerId ? tx.org.person(employee.managerId) : null;
  if (manager?.active) return manager;
  const author = tx.org.person(review.authorId);
  return author?.active ? author : null;
}

/** What has been done about a dispute since it was made: replies, the latest amendment, a conversation. */
export function disputeAnswers(tx: ReadTx, review: Review, disputedAt: number) {
  return {
    replies: tx.reviews.repliesTo([review.id]).filter((r) => r.createdAt >= disputedAt).length,
    amended:
      tx.reviews
        .amendments(review.id)
        .filter((a) => a.createdAt >= disputedAt)
        .at(-1) ?? null,
    conversation:
      tx.evidence
        .conversationsForReviews([review.id])
        .filter((c) => c.status !== 'cancelled')
        .at(-1) ?? null,
  };
}

/** A dispute nobody has answered yet: no reply, no amendment since, no conversation planned. */
export function disputeIsOpen(tx: ReadTx, review: Review, disputedAt: number): boolean {
  const a = disputeAnswers(tx, review, disputedAt);
  return !a.replies && !a.amended && !a.conversation;
}

export function disputeNoticeMessage(
  tx: ReadTx,
  review: Review,
  reader: Person,
  settings: AppSettings,
): Message | null {
  const employee = tx.org.person(review.employeeId);
  const ack = employee ? tx.acks.find('review', String(review.id), employee.id) : null;
  if (!employee || ack?.state !== 'disputed') return null;
  const { replies, amended, conversation } = disputeAnswers(tx, review, ack.createdAt);
  return buildDisputeNotice(tFor(reader, settings), {
    reviewId: review.id,
    employeeId: employee.id,
    employeeName: employee.name,
    period: review.periodLabel,
    comment: ack.comment ?? '',
    missedKpiKeys: missedKpiKeys(review.results),
    canAmend: canAmendReview(reader, review, employee),
    replies,
    conversation: conversation ? localTimeFor(reader, settings, conversation.startsAt) : null,
    amendedOn: amended ? dateIn(amended.createdAt, zoneOf(reader, settings)) : null,
  });
}

/** Posts the notice (first time) or rewrites it in place; a no-op for a review that is not disputed. */
export function sendDisputeNotice(tx: Tx, review: Review, settings: AppSettings): void {
  const employee = tx.org.person(review.employeeId);
  const reader = employee ? disputeAnswerer(tx, review, employee) : null;
  const message = reader && disputeNoticeMessage(tx, review, reader, settings);
  if (!reader || !message) return;
  const key = outboxKeys.reviewDisputed(review.id);
  const locale = localeOf(reader, settings);
  if (!tx.outbox.post({ key, to: { person: reader.id }, message, locale })) tx.outbox.update(key, message, locale);
}
