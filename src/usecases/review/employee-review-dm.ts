/**
 * The employee's DM of their review, updated in place once they acknowledged or disputed it
 * (the buttons become the outcome line).
 */
import type { Tx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { Review } from '../../ports/repos/reviews.js';
import type { AppSettings } from '../../ports/settings.js';
import { buildEmployeeReview, type EmployeeReviewInput } from '../../ui/screens/review/employee-review.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

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
  tx.outbox.update(outboxKeys.employeeReview(review.id), message, localeOf(employee, settings));
}
