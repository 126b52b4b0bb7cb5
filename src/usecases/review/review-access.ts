/**
 * Authorization rules of the review loop, always evaluated against the db inside the use case's
 * transaction (button values and form state are untrusted).
 */
import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { ReviewSlot, Review } from '../../ports/repos/reviews.js';
import { isHr } from '../../domain/people.js';
import { may } from '../shared/access.js';

/** Only the employee's current manager, who is also the slot's manager, may write their review. */
export function canWriteReview(actor: Person | null, slot: ReviewSlot, employee: Person | null): boolean {
  return !!actor && actor.active && !!employee && slot.managerId === actor.id && employee.managerId === actor.id;
}

/** The author while still the employee's manager, or HR/admin. */
export function canAmendReview(actor: Person, review: Review, employee: Person): boolean {
  const authorStillManager = actor.active && actor.id === review.authorId && employee.managerId === actor.id;
  return authorStillManager || isHr(actor);
}

/** HR/admin, or the manager of an active holder of the job. */
export function canDefineKpis(tx: ReadTx, actor: Person | null, jobId: string): boolean {
  if (!actor || !actor.active) return false;
  if (isHr(actor)) return true;
  return tx.reviews.holdersOfJob(jobId).some((h) => h.managerId === actor.id);
}

/** The review, if the actor is the employee it is about: only they respond to it. */
export function ownReview(
  tx: ReadTx,
  actorId: string,
  reviewId: number,
): { actor: Person; review: Review } | 'not_found' | 'not_authorized' {
  const review = tx.reviews.review(reviewId);
  if (!review) return 'not_found';
  const actor = tx.org.person(actorId);
  if (!actor || actor.id !== review.employeeId) return 'not_authorized';
  return { actor, review };
}

/**
 * A disputed review the actor may answer (reply, plan a conversation): the employee's manager chain
 * or HR, as for any note about them. Null when the review is not disputed; 'not_found' /
 * 'not_authorized' otherwise.
 */
export function disputeToAnswer(
  tx: ReadTx,
  actorId: string,
  reviewId: number,
):
  | { actor: Person; review: Review; employee: Person; comment: string }
  | 'not_found'
  | 'not_authorized'
  | 'not_disputed' {
  const review = tx.reviews.review(reviewId);
  const employee = review ? tx.org.person(review.employeeId) : null;
  if (!review || !employee) return 'not_found';
  const actor = tx.org.person(actorId);
  if (!actor?.active || !may(tx, actor, employee.id, 'create', 'note_shared')) return 'not_authorized';
  const ack = tx.acks.find('review', String(review.id), employee.id);
  if (ack?.state !== 'disputed') return 'not_disputed';
  return { actor, review, employee, comment: ack.comment ?? '' };
}
