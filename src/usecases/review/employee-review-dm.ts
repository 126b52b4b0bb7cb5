/**
 * The employee's DM of their review, rebuilt from the db and rewritten in place whenever the review
 * or its record changes: once they acknowledge or dispute it (the buttons become the outcome line),
 * when it is amended (the figures are the amended ones, each changed one says what it was), and
 * when their manager replies to a dispute (the reply is kept under it).
 */
import type { Tx, ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { Review } from '../../ports/repos/reviews.js';
import type { AppSettings } from '../../ports/settings.js';
import type { Message } from '../../ui/model.js';
import { buildEmployeeReview, type EmployeeReviewInput } from '../../ui/screens/review/employee-review.js';
import { dateIn } from '../../domain/dates.js';
import { localeOf, tFor, zoneOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

export function employeeReviewMessage(tx: ReadTx, review: Review, employee: Person, settings: AppSettings): Message {
  const names = (id: string) => tx.org.person(id)?.name ?? id;
  const day = (at: number) => dateIn(at, zoneOf(employee, settings));
  const ack = tx.acks.find('review', String(review.id), employee.id);
  const response: EmployeeReviewInput['response'] =
    ack?.state === 'acknowledged'
      ? { state: 'acknowledged' }
      : ack?.state === 'disputed'
        ? { state: 'disputed', comment: ack.comment ?? '' }
        : undefined;
  const latest = tx.reviews.amendments(review.id).at(-1);
  return buildEmployeeReview(tFor(employee, settings), {
    reviewId: review.id,
    period: review.periodLabel,
    managerName: names(review.authorId),
    rating: review.rating,
    strengths: review.strengths,
    improvement: review.improvement,
    comment: review.comment,
    results: review.results,
    ...(response ? { response } : {}),
    ...(latest
      ? {
          amendment: {
            author: names(latest.authorId),
            date: day(latest.createdAt),
            reason: latest.reason,
            before: { rating: latest.before.rating, results: latest.before.results },
          },
        }
      : {}),
    replies: tx.reviews
      .repliesTo([review.id])
      .map((r) => ({ author: names(r.authorId), date: day(r.createdAt), body: r.body })),
  });
}

export function updateEmployeeReviewDm(tx: Tx, review: Review, employee: Person, settings: AppSettings): void {
  tx.outbox.update(
    outboxKeys.employeeReview(review.id),
    employeeReviewMessage(tx, review, employee, settings),
    localeOf(employee, settings),
  );
}
