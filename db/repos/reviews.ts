/**
 * The review repository: submitted reviews with their KPI results, amendments and replies, composed
 * with the cycle, roster, slot and digest queries (./review-*.ts) into one ReviewRepo.
 */
import { and, eq, inArray, asc, desc, sql, isNotNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { reviews, reviewKpiResults, reviewAmendments, reviewReplies } from '../schema/index.js';
import type { ReviewRepo, Review, KpiResult, ReviewContent } from '../../src/ports/repos/reviews.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Sealer } from '../sealed.js';
import { makeAmendedContent } from './review-amendments.js';
import { chunks, kpiResultsOf } from './kpi-results.js';
import { makeCycleQueries } from './review-cycles.js';
import { makeRosterQueries } from './review-roster.js';
import { makeSlotQueries } from './review-slots.js';
import { makeDigestQueries } from './review-digests.js';

const ph = sql.placeholder;

export function makeReviewRepo(db: Db, _clock: Clock, sealer: Sealer): ReviewRepo {
  const strengths = sealer.column(reviews.strengths);
  const replyBody = sealer.column(reviewReplies.body);
  const improvement = sealer.column(reviews.improvement);
  const comment = sealer.column(reviews.comment);
  const amendReason = sealer.column(reviewAmendments.reason);
  const changeReason = sealer.column(reviewKpiResults.changeReason);
  const before = sealer.json(reviewAmendments.before);
  const after = sealer.json(reviewAmendments.after);
  const amendedContent = makeAmendedContent(db, sealer);

  // A review submission inserts its row every time: built and prepared once per connection (drizzle's
  // query building dominated the submit path's cost). Same SQL and row mapping as the dynamic form.
  const insertReviewRow = db
    .insert(reviews)
    .values({
      slotId: ph('slotId'),
      kind: ph('kind'),
      trainingPlanId: ph('trainingPlanId'),
      employeeId: ph('employeeId'),
      authorId: ph('authorId'),
      jobId: ph('jobId'),
      kpiVersion: ph('kpiVersion'),
      periodLabel: ph('periodLabel'),
      rating: ph('rating'),
      strengths: ph('strengths'),
      improvement: ph('improvement'),
      comment: ph('comment'),
      belowTarget: ph('belowTarget'),
      submittedAt: ph('submittedAt'),
      amendedAt: ph('amendedAt'),
    })
    .returning()
    .prepare();

  const resultsOf = (reviewIds: number[]) => kpiResultsOf(db, reviewIds, (sealed) => changeReason.open(sealed));

  /** The reviews as they read now: the latest amendment's content over the row as submitted. */
  const withResults = (rows: (typeof reviews.$inferSelect)[]): Review[] => {
    const ids = rows.map((r) => r.id);
    const res = resultsOf(ids);
    const amended = amendedContent(ids);
    return rows.map((r) => {
      const a = amended.get(r.id);
      return a
        ? { ...r, ...a.content, amendedAt: a.at }
        : {
            ...r,
            strengths: strengths.open(r.strengths),
            improvement: improvement.open(r.improvement),
            comment: comment.open(r.comment),
            results: res.get(r.id) ?? [],
          };
    });
  };

  const insertResult = db
    .insert(reviewKpiResults)
    .values({
      reviewId: ph('reviewId'),
      kpiKey: ph('key'),
      kpiName: ph('name'),
      unit: ph('unit'),
      target: ph('target'),
      direction: ph('direction'),
      actual: ph('actual'),
      met: ph('met'),
      importedValue: ph('importedValue'),
      importedSource: ph('importedSource'),
      changeReason: ph('changeReason'),
    })
    .prepare();
  // A handful of rows per review: one prepared single-row insert each, in order (ids as before).
  const writeResults = (reviewId: number, results: KpiResult[]) => {
    for (const k of results)
      insertResult.run({
        reviewId,
        ...k,
        importedValue: k.imported?.value ?? null,
        importedSource: k.imported?.source ?? null,
        changeReason: changeReason.seal(k.changeReason ?? null),
      });
  };

  const repo: ReviewRepo = {
    ...makeCycleQueries(db),
    ...makeRosterQueries(db),
    ...makeSlotQueries(db),
    ...makeDigestQueries(db),

    insertReview(r) {
      const { results, ...row } = r;
      // Absent optional fields take the schema's defaults, as the dynamic insert would.
      const saved = insertReviewRow.get({
        ...row,
        strengths: strengths.seal(row.strengths),
        improvement: improvement.seal(row.improvement),
        comment: comment.seal(row.comment),
        slotId: row.slotId ?? null,
        kind: row.kind ?? 'regular',
        trainingPlanId: row.trainingPlanId ?? null,
        amendedAt: null,
      })!;
      writeResults(saved.id, results);
      return { ...saved, strengths: row.strengths, improvement: row.improvement, comment: row.comment, results };
    },
    review: (id) => withResults(db.select().from(reviews).where(eq(reviews.id, id)).all())[0] ?? null,
    reviewBySlot: (slotId) =>
      withResults(
        db
          .select()
          .from(reviews)
          .where(and(isNotNull(reviews.slotId), eq(reviews.slotId, slotId)))
          .all(),
      )[0] ?? null,
    reviewsOf: (employeeId) =>
      withResults(
        db
          .select()
          .from(reviews)
          .where(eq(reviews.employeeId, employeeId))
          .orderBy(desc(reviews.submittedAt), desc(reviews.id))
          .all(),
      ),
    amendReview(id, a) {
      const current = repo.review(id);
      if (!current) throw new Error(`amendReview: unknown review ${id}`);
      const was: ReviewContent = {
        rating: current.rating,
        strengths: current.strengths,
        improvement: current.improvement,
        comment: current.comment,
        belowTarget: current.belowTarget,
        results: current.results,
      };
      // Appended, never written over: the review row and its KPI results stay as submitted.
      return Number(
        db
          .insert(reviewAmendments)
          .values({
            reviewId: id,
            authorId: a.authorId,
            reason: amendReason.seal(a.reason),
            before: before.seal(was),
            after: after.seal({
              rating: a.after.rating,
              strengths: a.after.strengths,
              improvement: a.after.improvement,
              comment: a.after.comment,
              belowTarget: a.after.belowTarget,
              results: a.after.results,
            } satisfies ReviewContent),
            createdAt: a.at,
          })
          .run().lastInsertRowid,
      );
    },
    addReply(r) {
      const row = db
        .insert(reviewReplies)
        .values({ ...r, body: replyBody.seal(r.body) })
        .returning()
        .get();
      return { ...row, body: replyBody.open(row.body) };
    },
    repliesTo: (reviewIds) =>
      reviewIds.length
        ? chunks(reviewIds).flatMap((ids) =>
            db
              .select()
              .from(reviewReplies)
              .where(inArray(reviewReplies.reviewId, ids))
              .orderBy(asc(reviewReplies.id))
              .all()
              .map((r) => ({ ...r, body: replyBody.open(r.body) })),
          )
        : [],
    amendments: (reviewId) =>
      db
        .select()
        .from(reviewAmendments)
        .where(eq(reviewAmendments.reviewId, reviewId))
        .orderBy(asc(reviewAmendments.id))
        .all()
        .map((r) => ({
          ...r,
          reason: amendReason.open(r.reason),
          before: before.open<ReviewContent>(r.before),
          after: after.open<ReviewContent>(r.after),
        })),
  };
  return repo;
}
