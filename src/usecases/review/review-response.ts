/**
 * The employee's side of a review: who may respond, and the in-place update of their review DM
 * once they acknowledged or disputed it (the buttons become the outcome line).
 */
import type { Tx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { Review } from '../../ports/repos/reviews.js';
import type { AppSettings } from '../../ports/settings.js';
import type { EmployeeReviewInput } from '../../ui/screens/review/employee-review.js';
import { buildEmployeeReview } from '../../ui/screens/review/employee-review.js';
import { tFor, localeOf, employeeReviewKey } from './review-context.js';
import { parseId } from './review-access.js';

/** The review named by an untrusted value, if the actor is the employee it is about. */
export function ownReview(
  tx: Tx,
  actorId: string,
  rawId: string,
): { actor: Person; review: Review } | 'not_found' | 'not_authorized' {
  const id = parseId(rawId);
  const review = id ? tx.reviews.review(id) : null;
  if (!review) return 'not_found';
  const actor = tx.org.person(actorId);
  if (!actor || actor.id !== review.employeeId) return 'not_authorized';
  return { actor, review };
}

export function updateEmployeeReviewDm(
  tx: Tx,
  review: Review,
  employee: Person,
  settings: AppSettings,
  response: EmployeeReviewInput['response'],
): void {
  const author = tx.org.person(review.authorId);
  const message = buildEmployeeReview(tFor(employee, settings), {
    reviewId: review.id,
    period: review.periodLabel,
    managerName: author?.name ?? review.authorId,
    rating: review.rating,
    strengths: review.strengths,
    improvement: review.improvement,
    comment: review.comment,
    results: review.results,
    response,
  });
  tx.outbox.update(employeeReviewKey(review.id), message, localeOf(employee, settings));
}
