/**
 * Reviews are never edited in place: a correction is an amendment row holding the content before
 * and after. A review's current content is the `after` of its latest amendment, or the review row
 * itself. Every reader of review content goes through `amendedContent` so they agree.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { reviewAmendments } from '../schema/index.js';
import type { ReviewContent } from '../../src/ports/repos/reviews.js';
import type { Sealer } from '../sealed.js';

const CHUNK = 500;

export interface AmendedContent {
  content: ReviewContent;
  /** When the latest amendment was made. */
  at: number;
}

/** For the given reviews, the content of the latest amendment of each (reviews never amended are absent). */
export function makeAmendedContent(db: Db, sealer: Sealer): (reviewIds: number[]) => Map<number, AmendedContent> {
  const after = sealer.json(reviewAmendments.after);
  return (reviewIds) => {
    const out = new Map<number, AmendedContent>();
    for (let i = 0; i < reviewIds.length; i += CHUNK) {
      const part = reviewIds.slice(i, i + CHUNK);
      // Ascending ids: a later amendment of the same review overwrites the earlier one.
      for (const r of db
        .select({ reviewId: reviewAmendments.reviewId, after: reviewAmendments.after, at: reviewAmendments.createdAt })
        .from(reviewAmendments)
        .where(inArray(reviewAmendments.reviewId, part))
        .orderBy(asc(reviewAmendments.id))
        .all())
        out.set(r.reviewId, { content: after.open<ReviewContent>(r.after), at: r.at });
    }
    return out;
  };
}
