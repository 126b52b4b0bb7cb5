/**
 * Authorization rules of the review loop, always evaluated against the db inside the use case's
 * transaction (button values and form state are untrusted).
 */
import type { Tx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { ReviewSlot, Review } from '../../ports/repos/reviews.js';
import { isHr } from '../../domain/people.js';

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
export function canDefineKpis(tx: Tx, actor: Person | null, jobId: string): boolean {
  if (!actor || !actor.active) return false;
  if (isHr(actor)) return true;
  return tx.reviews.holdersOfJob(jobId).some((h) => h.managerId === actor.id);
}

/** The review, if the actor is the employee it is about: only they respond to it. */
export function ownReview(
  tx: Tx,
  actorId: string,
  reviewId: number,
): { actor: Person; review: Review } | 'not_found' | 'not_authorized' {
  const review = tx.reviews.review(reviewId);
  if (!review) return 'not_found';
  const actor = tx.org.person(actorId);
  if (!actor || actor.id !== review.employeeId) return 'not_authorized';
  return { actor, review };
}
